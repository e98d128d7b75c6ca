#!/usr/bin/env bash
# bench-extract.sh measures the whole `dossier extract --format jsonl`
# process (start-up, gazetteer and dictionaries included) over at least
# BENCH_SIZE_MB of prose: the development corpus (../shared, else the
# repository's test documents) repeated, each copy made distinct (its own
# source URL and a closing sentence of its own), so that nothing can be
# reused from an earlier copy. It prints MB/s and words/s, per core (over
# CPU time) and overall (over wall time), and the peak resident memory, for
# a small and a large input to show that memory stays flat.
#
# With --lang ar, the Arabic issue's measurement only: the Arabic dev
# corpus (corpora/arabic: encyclopedia prose and news, dev split) repeated
# as distinct copies to about 20 MB, on one core (taskset -c 0), the whole
# process; it wants >= 500 KB/s and peak RSS < 300 MB.
#
# Usage: scripts/bench-extract.sh [--lang ar]   Environment: BENCH_SIZE_MB (50), BENCH_DIR.
set -euo pipefail
lang=en
if [ "${1:-}" = "--lang" ]; then lang=${2:?--lang needs a language code}; fi
cd "$(dirname "$0")/.."
SIZE_MB=${BENCH_SIZE_MB:-50}
WORK=${BENCH_DIR:-/tmp/dossier-bench-extract}
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
mkdir -p "$WORK"
go build -o "$WORK/dossier" ./cmd/dossier

sources=()
for d in ../shared/corpus/seed ../shared/corpus/news ../shared/corpus/wikipedia ../shared/corpus/wikipedia-with-infobox; do
	[ -d "$d" ] && sources+=("$d"/*.txt)
done
[ ${#sources[@]} -gt 0 ] || sources=(internal/extract/testdata/docs/*.txt samples/*.txt)

# make DIR MB: copies of the sources until DIR holds MB megabytes.
make_corpus() {
	python3 - "$1" "$2" "${sources[@]}" <<'PY'
import os, sys
out, mb, srcs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
texts = [(os.path.basename(p), open(p, "rb").read()) for p in srcs]
os.makedirs(out, exist_ok=True)
have, n = 0, 0
while have < mb * 1000000:
    n += 1
    d = os.path.join(out, str(n // 100))
    os.makedirs(d, exist_ok=True)
    for i, (name, b) in enumerate(texts):
        if b.startswith(b"Source: "):
            nl = b.index(b"\n")
            b = b[:nl] + b"?copy=%d" % n + b[nl:]
        b += b"\nThis is copy %d of the benchmark corpus.\n" % n
        with open(os.path.join(d, "c%d_%d_%s" % (n, i, name)), "wb") as f:
            f.write(b)
        have += len(b)
PY
}

run() { # DIR LABEL [PREFIX...]: PREFIX runs the command under, e.g. taskset -c 0
	local dir=$1 label=$2 bytes words
	shift 2
	bytes=$(find "$dir" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
	words=$(find "$dir" -name '*.txt' -exec cat {} + | wc -w)
	/usr/bin/time -f '%e %U %S %M' -o "$WORK/time" "$@" "$WORK/dossier" extract --format jsonl "$dir" >"$WORK/out.jsonl"
	read -r wall user sys rss <"$WORK/time"
	awk -v b="$bytes" -v w="$words" -v wall="$wall" -v cpu="$(echo "$user + $sys" | bc)" -v rss="$rss" -v label="$label" -v docs="$(wc -l <"$WORK/out.jsonl")" 'BEGIN {
		printf "%-8s %6.1f MB %7d docs  %5.1fs wall %5.1fs cpu  per core: %5.2f MB/s %7.0f words/s  overall: %5.2f MB/s  peak RSS %4.0f MB\n",
			label, b/1e6, docs, wall, cpu, b/1e6/cpu, w/cpu, b/1e6/wall, rss/1024 }'
}

if [ "$lang" = ar ]; then
	go build -o "$WORK/corpora" ./tools/corpora
	sources=()
	while IFS=$'\t' read -r set split name; do
		[ "$split" = dev ] || continue
		case $set in
		ar-encyclopedia) sources+=("corpora/arabic/encyclopedia/wikipedia/$name.txt") ;;
		ar-news) sources+=("corpora/arabic/news/docs/$name.txt") ;;
		esac
	done < <("$WORK/corpora" split -root corpora)
	[ ${#sources[@]} -gt 0 ] || { echo "bench-extract.sh: no Arabic dev documents under corpora/arabic" >&2; exit 2; }
	rm -rf "$WORK/ar"
	make_corpus "$WORK/ar" 20
	echo "dossier extract --format jsonl, Arabic dev corpus (${#sources[@]} documents) repeated, $(go version | cut -d' ' -f3)"
	run "$WORK/ar" "1 core" taskset -c 0
	exit 0
fi

rm -rf "$WORK/small" "$WORK/large" "$WORK/prose"
make_corpus "$WORK/small" 5
make_corpus "$WORK/large" "$SIZE_MB"
echo "dossier extract --format jsonl, $(nproc) cores, $(go version | cut -d' ' -f3)"
run "$WORK/small" small
run "$WORK/large" large
# The extraction issue's measurement: the 45 infobox-free encyclopedia
# articles repeated as distinct copies to about 20 MB, on one core
# (taskset -c 0), the whole process; it wants >= 1 MB/s and peak RSS < 300 MB.
if [ -d ../shared/corpus/wikipedia ] && command -v taskset >/dev/null; then
	sources=(../shared/corpus/wikipedia/*.txt)
	make_corpus "$WORK/prose" 20
	run "$WORK/prose" "1 core" taskset -c 0
fi
