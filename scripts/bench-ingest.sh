#!/usr/bin/env bash
# Ingest throughput: `dossier ingest` of the shared corpus (seed,
# encyclopedia articles with and without infobox, news: ../shared/corpus)
# into a new knowledge base, RUNS times (default 5); prints each run's
# documents per second as the ingest summary gives it (documents read over
# the run's time: extraction, storing, the end-of-run settling) and over
# the process's wall time (start-up, loading the gazetteer and lexicons
# included), and the medians.
#
#   scripts/bench-ingest.sh                       # SQLite, a new file each run
#   scripts/bench-ingest.sh --db postgres://…     # PostgreSQL: a new database each run
#                                                 # (the DSN's server; needs CREATE DATABASE)
#   PROCS=4 scripts/bench-ingest.sh --db postgres://…
#       4 processes at once on the same inputs (they share the work through
#       claims); the rate is the documents over the wall time of them all
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
runs=${RUNS:-5}
dsn=""
if [ "${1:-}" = "--db" ]; then dsn=${2:?--db needs a DSN}; fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go build -o "$out/dossier" ./cmd/dossier
files=$(find "$shared/corpus" -type f \( -name '*.txt' -o -name '*.html' \) | sort)
n=$(echo "$files" | wc -l)
rates=()
walls=()
for i in $(seq 1 "$runs"); do
	db="$out/kb$i.sqlite"
	if [ -n "$dsn" ]; then
		psql=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql
		"$psql" "$dsn" -qtA -c "DROP DATABASE IF EXISTS dossier_bench_$i WITH (FORCE)" -c "CREATE DATABASE dossier_bench_$i" >/dev/null
		base=${dsn%%\?*}
		db="${base%/*}/dossier_bench_$i?sslmode=disable"
	fi
	start=$(date +%s.%N)
	if [ "${PROCS:-1}" -gt 1 ]; then
		for p in $(seq 1 "$PROCS"); do
			# shellcheck disable=SC2086
			"$out/dossier" ingest --db "$db" --progress none $(echo "$files" | shuf --random-source=<(yes "$p")) >"$out/p$p.txt" &
		done
		wait
		end=$(date +%s.%N)
		rate=$(python3 -c "print(f'{$n/($end-$start):.1f}')")
		echo "run $i: $PROCS processes, $n documents in $(python3 -c "print(f'{$end-$start:.2f}')")s: $rate docs/s; extracted $(grep -ho 'extracted [0-9]*' "$out"/p*.txt | awk '{print $2}' | paste -sd+)"
		rates+=("$rate")
		walls+=("$rate")
		continue
	fi
	# shellcheck disable=SC2086
	line=$("$out/dossier" ingest --db "$db" --progress none $files | grep '^ingested')
	end=$(date +%s.%N)
	rate=$(echo "$line" | sed -E 's/.* ([0-9.]+) docs\/s.*/\1/')
	wall=$(python3 -c "print(f'{$n/($end-$start):.1f}')")
	echo "run $i: $line; wall $(python3 -c "print(f'{$end-$start:.2f}')")s, $wall docs/s"
	rates+=("$rate")
	walls+=("$wall")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "median of $runs runs: $(median "${rates[@]}") docs/s ingest, $(median "${walls[@]}") docs/s wall ($n documents, $(nproc) cores)"
