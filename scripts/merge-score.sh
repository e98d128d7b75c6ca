#!/usr/bin/env bash
# Scores the cross-language merge (issue 12): ingests every document of
# corpora/arabic/merge/events.tsv (Arabic reports and the English documents
# of the same events, hard negatives included) into a fresh SQLite knowledge
# base, lists every incident and prints, for dev and test, the share of
# Arabic documents that joined the incident of their event's English
# documents and the false merges (tools/xmerge). The test split is scored,
# never listed document by document.
# Usage: scripts/merge-score.sh      (OUT=dir keeps the knowledge base and listing)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-$(mktemp -d)}
events=corpora/arabic/merge/events.tsv
go build -o "$out/dossier" ./cmd/dossier
paths=()
while IFS=$'\t' read -r _ _ p; do
	[ -f "$p" ] && paths+=("$p")
done < <(grep -v '^#' "$events" | grep -v '^$')
rm -f "$out/kb.sqlite"
"$out/dossier" ingest --progress none --db "$out/kb.sqlite" "${paths[@]}" >/dev/null
"$out/dossier" incidents --db "$out/kb.sqlite" --include-mentions --format jsonl >"$out/incidents.jsonl"
for split in dev test; do
	go run ./tools/xmerge -events "$events" -incidents "$out/incidents.jsonl" -split "$split"
done
