#!/usr/bin/env bash
# Scores the extractor on the development gold in ../shared (not shipped
# with dossier; see ../shared/README.md). Prints the scorer's tables for the
# seed, the encyclopedia articles with and without their infobox, and the
# news reports. Usage: scripts/score.sh [--verbose]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
if [ ! -d "$shared/gold" ]; then
	echo "score.sh: $shared/gold not found; set SHARED to the shared folder" >&2
	exit 2
fi
out=${OUT:-$(mktemp -d)}
go build -o "$out/dossier" ./cmd/dossier
run() { # name gold corpus [--prose]
	local name=$1 gold=$2 corpus=$3; shift 3
	"$out/dossier" extract --format jsonl "$corpus" >"$out/$name.jsonl"
	echo "== $name"
	python3 "$shared/tools/score.py" --gold "$gold" --pred "$out/$name.jsonl" "$@"
}
run seed "$shared/gold/seed" "$shared/corpus/seed" "$@"
run prose "$shared/gold/wikipedia" "$shared/corpus/wikipedia" --prose "$@"
run infobox "$shared/gold/wikipedia" "$shared/corpus/wikipedia-with-infobox" "$@"
run news "$shared/gold/news" "$shared/corpus/news" "$@"
