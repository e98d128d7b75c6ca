#!/usr/bin/env bash
# Scores how dossier groups documents into incidents on the clustering set
# (corpora/clustering): checks the set is what its events list gives (go run
# ./tools/corpora clustering -check), ingests corpora/clustering/docs into a
# fresh SQLite knowledge base, lists every incident (mentions included) and
# prints B-cubed precision and recall over each document's own incident, for
# dev and test, with the fate of the undated variants and copies
# (tools/bcubed). The test split is scored, never listed document by document.
# Usage: scripts/cluster-score.sh      (OUT=dir keeps the knowledge base and listing)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
out=${OUT:-$(mktemp -d)}
go build -o "$out/dossier" ./cmd/dossier
go run ./tools/corpora clustering -check -shared "$shared"
rm -f "$out/kb.sqlite"
"$out/dossier" ingest --progress none --db "$out/kb.sqlite" corpora/clustering/docs
"$out/dossier" incidents --db "$out/kb.sqlite" --include-mentions --format jsonl >"$out/incidents.jsonl"
for split in dev test; do
	go run ./tools/bcubed -gold corpora/clustering/gold.tsv -incidents "$out/incidents.jsonl" -split "$split"
done
