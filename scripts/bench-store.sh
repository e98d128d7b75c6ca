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
# (default /tmp/dossier-bench); a 1M-incident SQLite file takes about 3 GB.
# After each knowledge base it prints its size in bytes per incident: the
# file (checkpointed) on SQLite, pg_database_size on PostgreSQL.
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
# incidents FILE_OR_DSN: how many incidents the knowledge base holds
incidents() { "$bin" db info --db "$1" | awk '$1 == "incidents:" {print $2}'; }
# per_incident NAME BYTES COUNT: the size line
per_incident() { awk -v n="$1" -v b="$2" -v c="$3" 'BEGIN { printf "size: %s, %d bytes, %d incidents: %d bytes per incident\n", n, b, c, (c > 0 ? b / c : 0) }'; }
sqlite_size() { # sqlite_size FILE
	sqlite3 "$1" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null 2>&1 || true
	per_incident "$1" "$(stat -c %s "$1")" "$(incidents "$1")"
}
pg_size() { # pg_size DATABASE DSN
	per_incident "$1" "$("$psql" "$admin" -qtA -c "SELECT pg_database_size('$1')")" "$(incidents "$2")"
}

if [ -d "$corpus" ]; then
	rm -f "$OUT/ingest.db"*
	echo "-- SQLite"
	"$bin" ingest --progress none --db "$OUT/ingest.db" "$corpus/seed" "$corpus/wikipedia" "$corpus/wikipedia-with-infobox" "$corpus/news"
	sqlite_size "$OUT/ingest.db"
	if [ "$PG" = 1 ]; then
		echo "-- PostgreSQL"
		dsn=$(fresh dossier_bench_ingest)
		"$bin" ingest --progress none --db "$dsn" "$corpus/seed" "$corpus/wikipedia" "$corpus/wikipedia-with-infobox" "$corpus/news"
		pg_size dossier_bench_ingest "$dsn"
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
sqlite_size "$OUT/gen.db"
"$bin" db bench --db "$OUT/gen.db" --queries "$QUERIES"
if [ "$PG" = 1 ]; then
	echo
	echo "== query latency on $N generated incidents: PostgreSQL"
	dsn=$(fresh dossier_bench_gen)
	"$bin" db generate --db "$dsn" --incidents "$N"
	pg_size dossier_bench_gen "$dsn"
	"$bin" db bench --db "$dsn" --queries "$QUERIES"
fi
