#!/usr/bin/env bash
# Load test of the web UI (not part of CI): builds dossier, serves the demo
# store (the bundled sample corpus) on loopback, and runs tools/loadtest:
# 200 concurrent clients opening incident and actor pages for 30 seconds.
# It fails on any error, or when the server's p99 for either kind of page
# is over 50 ms. Arguments go to tools/loadtest (e.g. -duration 10s).
#
#   scripts/load-test.sh
#   DOSSIER_LOAD_DB=/path/to/kb.db scripts/load-test.sh   # another store
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/dossier" ./cmd/dossier
go build -o "$work/loadtest" ./tools/loadtest
port=${DOSSIER_LOAD_PORT:-18080}
db=${DOSSIER_LOAD_DB:-$work/demo.db}
if [ -n "${DOSSIER_LOAD_DB:-}" ]; then
	"$work/dossier" serve --db "$db" --addr "127.0.0.1:$port" >"$work/server.log" 2>&1 &
else
	"$work/dossier" demo --db "$db" --addr "127.0.0.1:$port" >"$work/server.log" 2>&1 &
fi
server=$!
for _ in $(seq 1 300); do
	grep -q "^serving" "$work/server.log" 2>/dev/null && break
	kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
	sleep 0.2
done
grep "^sample corpus\|^serving" "$work/server.log" || true
echo "go version: $(go version | cut -d' ' -f3); $(nproc) CPUs; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$work/loadtest" -url "http://127.0.0.1:$port" -clients 200 -duration 30s "$@"
