#!/usr/bin/env bash
# bench-scan.sh measures `dossier scan` (reading, bzip2 decompression, page
# splitting and filtering) against the decompression ceiling measured in the
# same run: `lbzip2 -d -n2` on the same file.
#
# The fixture is the real dump fragment repeated, with new page ids, to at
# least BENCH_SIZE_MB of XML, compressed by lbzip2 as one bzip2 stream of
# many 900k blocks. A second fixture BENCH_BIG_FACTOR times larger shows that
# peak memory does not grow with the dump. Generated files live in
# BENCH_DIR (default /tmp/dossier-bench-scan), never in the repository.
#
# Usage: scripts/bench-scan.sh            (from anywhere in the repository)
# Environment: BENCH_SIZE_MB (200), BENCH_BIG_FACTOR (10; 0 skips it),
# BENCH_RUNS (3), BENCH_DIR, DOSSIER_BIN (a prebuilt binary; default: build).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB=${BENCH_SIZE_MB:-200}
BIG_FACTOR=${BENCH_BIG_FACTOR:-10}
RUNS=${BENCH_RUNS:-3}
WORK=${BENCH_DIR:-/tmp/dossier-bench-scan}
FRAGMENT=../shared/data/wikidump/enwiki-pages-articles-shortened.xml.bz2
[ -f "$FRAGMENT" ] || FRAGMENT=internal/dump/testdata/enwiki-pages-articles-shortened.xml.bz2
mkdir -p "$WORK"

install() { # install Debian packages when their command is missing
	local cmd=$1 pkg=$2
	command -v "$cmd" >/dev/null 2>&1 && return
	echo "installing $pkg" >&2
	apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null
}
install lbzip2 lbzip2
install bzip2 bzip2
[ -x /usr/bin/time ] || { install time time; }

BIN=${DOSSIER_BIN:-}
if [ -z "$BIN" ]; then
	BIN=$WORK/dossier
	go build -o "$BIN" ./cmd/dossier
fi

# repeat COPIES: the fragment's pages COPIES times, with new page ids, as one
# MediaWiki document on stdout.
repeat() {
	bzip2 -dc "$FRAGMENT" | awk -v copies="$1" '
		/<page>/ && !inbody { inbody = 1 }
		/<\/mediawiki>/ { footer = $0; next }
		!inbody { print; next }
		{ body[n++] = $0 }
		END {
			id = 100000000
			for (c = 0; c < copies; c++) {
				seen = 0
				for (i = 0; i < n; i++) {
					line = body[i]
					if (line ~ /<page>/) seen = 0
					if (!seen && line ~ /^    <id>[0-9]+<\/id>$/) {
						line = "    <id>" (++id) "</id>"; seen = 1
					}
					print line
				}
			}
			print footer
		}'
}

fragment_bytes=$(bzip2 -dc "$FRAGMENT" | wc -c)
copies=$(( (SIZE_MB * 1000000 + fragment_bytes - 1) / fragment_bytes ))
FIXTURE=$WORK/enwiki-repeated-${SIZE_MB}mb.xml.bz2
if [ ! -s "$FIXTURE" ]; then
	echo "building $FIXTURE ($copies copies of the fragment)" >&2
	repeat "$copies" | lbzip2 -n2 -9 -c > "$FIXTURE.tmp"
	mv "$FIXTURE.tmp" "$FIXTURE"
fi
xml_bytes=$(lbzip2 -d -n2 -c "$FIXTURE" | wc -c)

# timed CMD...: prints "wall_seconds cpu_seconds peak_rss_kb" of one run.
timed() {
	if ! /usr/bin/time -o "$WORK/time.out" -f "%e %U %S %M" "$@" >/dev/null 2>"$WORK/stderr.out"; then
		echo "command failed: $*" >&2
		cat "$WORK/stderr.out" >&2
		exit 1
	fi
	awk '{ print $1, $2 + $3, $4 }' "$WORK/time.out"
}

# The machine may be shared: the best wall time of the runs is the one
# least disturbed, and CPU seconds (both programs keep both cores busy)
# give a second, steadier view of the same ratio.
least() { sort -n | head -1; }

echo "fixture: $FIXTURE, $(( $(stat -c %s "$FIXTURE") / 1000000 )) MB compressed, $(( xml_bytes / 1000000 )) MB of XML; $(nproc) cores; $RUNS runs each, alternating" >&2
lb_wall=() lb_cpu=() sc_wall=() sc_cpu=() sc_rss=0
for ((i = 0; i < RUNS; i++)); do
	read -r w c _ < <(timed lbzip2 -d -n2 -c "$FIXTURE")
	lb_wall+=("$w") lb_cpu+=("$c")
	read -r w c rss < <(timed "$BIN" scan -progress 0 "$FIXTURE")
	sc_wall+=("$w") sc_cpu+=("$c")
	(( rss > sc_rss )) && sc_rss=$rss
	echo "run $((i + 1)): lbzip2 ${lb_wall[-1]} s (${lb_cpu[-1]} s CPU), scan ${sc_wall[-1]} s (${sc_cpu[-1]} s CPU)" >&2
done
lbw=$(printf '%s\n' "${lb_wall[@]}" | least)
lbc=$(printf '%s\n' "${lb_cpu[@]}" | least)
scw=$(printf '%s\n' "${sc_wall[@]}" | least)
scc=$(printf '%s\n' "${sc_cpu[@]}" | least)
"$BIN" scan -progress 0 "$FIXTURE" 2>/dev/null | tail -1 | sed 's/^/dossier scan: /' >&2

big_line=""
if [ "$BIG_FACTOR" -gt 0 ]; then
	BIG=$WORK/enwiki-repeated-$((SIZE_MB * BIG_FACTOR))mb.xml.bz2
	if [ ! -s "$BIG" ]; then
		echo "building $BIG ($((copies * BIG_FACTOR)) copies)" >&2
		repeat $((copies * BIG_FACTOR)) | lbzip2 -n2 -9 -c > "$BIG.tmp"
		mv "$BIG.tmp" "$BIG"
	fi
	read -r bw bc brss < <(timed "$BIN" scan -progress 0 "$BIG")
	big_line=$(awk -v b="$((xml_bytes * BIG_FACTOR))" -v w="$bw" -v c="$bc" -v r="$brss" \
		'BEGIN { printf "| dossier scan, %5.0f MB of XML    | %7.2f | %8.1f | %7.1f | %8.0f |", b / 1e6, w, b / 1e6 / w, c, r / 1024 }')
fi

awk -v x="$xml_bytes" -v lbw="$lbw" -v lbc="$lbc" -v scw="$scw" -v scc="$scc" -v rss="$sc_rss" -v big="$big_line" 'BEGIN {
	printf "\n| run                              | seconds | MB/s XML | CPU s   | peak MB  |\n"
	printf "|----------------------------------|---------|----------|---------|----------|\n"
	printf "| lbzip2 -d -n2 (ceiling), %5.0f MB | %7.2f | %8.1f | %7.1f |          |\n", x / 1e6, lbw, x / 1e6 / lbw, lbc
	printf "| dossier scan, %5.0f MB of XML    | %7.2f | %8.1f | %7.1f | %8.0f |\n", x / 1e6, scw, x / 1e6 / scw, scc, rss / 1024
	if (big != "") print big
	printf "\nscan / lbzip2 (best wall times) = %.0f%%; by CPU seconds = %.0f%% (floor 50%%, goal 80%%)\n", lbw / scw * 100, lbc / scc * 100
}'
