#!/usr/bin/env bash
# Store benchmarks (docs/store-benchmarks.md): ingest throughput on SQLite
# and PostgreSQL, and the latency of the web UI's queries on a generated
# knowledge base of N incidents (default 1,000,000).
#
#   scripts/bench-store.sh            # everything, N=1000000
#   N=100000 scripts/bench-store.sh   # a smaller knowledge base
#   PG=0 scripts/bench-store.sh       # SQLite only
#
# PostgreSQL is started by scripts/pg-test.sh. Files go to $OUT
# (default /tmp/dossier-bench); a 1M-incident SQLite file takes about 2 GB.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000000}
OUT=${OUT:-/tmp/dossier-bench}
PG=${PG:-1}
QUERIES=${QUERIES:-300}
corpus=../shared/corpus
mkdir -p "$OUT"
go build -o "$OUT/dossier" ./cmd/dossier
bin="$OUT/dossier"

pgdsn=""
if [ "$PG" = 1 ]; then
	admin=$(scripts/pg-test.sh)
	psql=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql
	fresh() { # fresh NAME: an empty database, its DSN on stdout
		"$psql" "$admin" -qtA -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1" >/dev/null
		echo "${admin%/*}/$1?sslmode=disable"
	}
fi

echo "== ingest throughput: the shared corpus (reading, extraction, resolution, storing)"
if [ -d "$corpus" ]; then
	rm -f "$OUT/ingest.db"*
	echo "-- SQLite"
	"$bin" ingest --progress none --db "$OUT/ingest.db" "$corpus/seed" "$corpus/wikipedia" "$corpus/wikipedia-with-infobox" "$corpus/news"
	if [ "$PG" = 1 ]; then
		echo "-- PostgreSQL"
		"$bin" ingest --progress none --db "$(fresh dossier_bench_ingest)" "$corpus/seed" "$corpus/wikipedia" "$corpus/wikipedia-with-infobox" "$corpus/news"
	fi
fi
echo
echo "== ingest and store throughput: go test -bench (internal/ingest/testdata/corpus)"
if [ "$PG" = 1 ]; then export DOSSIER_TEST_PG=$admin; fi
go test -run XXX -bench . -benchtime 5x ./internal/ingest/

echo
echo "== query latency on $N generated incidents: SQLite"
rm -f "$OUT/gen.db"*
"$bin" db generate --db "$OUT/gen.db" --incidents "$N"
ls -la "$OUT/gen.db"
"$bin" db bench --db "$OUT/gen.db" --queries "$QUERIES"
if [ "$PG" = 1 ]; then
	echo
	echo "== query latency on $N generated incidents: PostgreSQL"
	dsn=$(fresh dossier_bench_gen)
	"$bin" db generate --db "$dsn" --incidents "$N"
	"$psql" "$admin" -qtA -c "SELECT pg_size_pretty(pg_database_size('dossier_bench_gen'))"
	"$bin" db bench --db "$dsn" --queries "$QUERIES"
fi
