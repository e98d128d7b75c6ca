#!/usr/bin/env bash
# bench-big-incident.sh ingests N reports of one event (tools/bigevent;
# default 5,000) into a new SQLite knowledge base and prints the rate: every
# report joins the same incident, which ends with N sources. The goal is
# 100 documents/s or more, about what reports of different events cost.
# Usage: scripts/bench-big-incident.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5000}
DIR=${BENCH_DIR:-/tmp/dossier-big-incident}
rm -rf "$DIR" && mkdir -p "$DIR"
go build -o "$DIR/dossier" ./cmd/dossier
go run ./tools/bigevent -n "$N" "$DIR/reports"
"$DIR/dossier" ingest --db "$DIR/kb.db" --progress none "$DIR/reports"
"$DIR/dossier" incidents --db "$DIR/kb.db" --format jsonl | python3 -c '
import json, sys
for line in sys.stdin:
    i = json.loads(line)
    print("incident:", i.get("title"), "| sources:", i.get("source_count"), "| fatalities:", i.get("fatalities"))'
