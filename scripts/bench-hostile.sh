#!/usr/bin/env bash
# bench-hostile.sh prints, for every document of the hostile corpus
# (tools/hostile: a 1 MiB line, deeply nested HTML, 15 MB documents, bzip2
# bombs, random bytes, a 5,000-line feed), the wall time and the peak
# resident memory of `dossier extract` on it alone, at GOMAXPROCS=2 and 16.
# The goals: under 10 s and under 400 MB each, the same on 2 and 16 cores.
# Usage: scripts/bench-hostile.sh   (BENCH_DIR: where the corpus goes,
# default /tmp/dossier-hostile; it is generated, never committed)
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${BENCH_DIR:-/tmp/dossier-hostile}
command -v bzip2 >/dev/null || { apt-get update -qq && apt-get install -y -qq bzip2 >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
go build -o "$DIR.bin" ./cmd/dossier
go run ./tools/hostile "$DIR"
printf '| %-18s | %-8s | %8s | %8s | %6s |\n' document GOMAXPROCS seconds "peak MB" exit
printf '|%s|%s|%s|%s|%s|\n' -------------------- ------------ ---------- ---------- --------
for f in "$DIR"/*; do
	for p in 2 16; do
		GOMAXPROCS=$p /usr/bin/time -f '%e %M %x' -o "$DIR.time" "$DIR.bin" extract --format jsonl "$f" >/dev/null 2>&1 || true
		read -r secs kb code < <(tail -n 1 "$DIR.time")
		printf '| %-18s | %-10s | %8s | %8d | %6s |\n' "$(basename "$f")" "$p" "$secs" $((kb / 1024)) "$code"
	done
done
