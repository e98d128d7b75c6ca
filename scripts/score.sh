#!/usr/bin/env bash
# Scores the extractor. Prints the scorer's tables for the development gold
# in ../shared (seed, encyclopedia articles with and without their infobox,
# news), then, for dossier's own corpora (corpora/encyclopedia, corpora/news),
# every field of score.py on the dev and test splits with its n and the
# dev − test difference; news-nopub is the news set with each report's
# Published: line removed, news-page-nopub the pages as stored (corpora/news/raw)
# without it, news-furniture the news set with page furniture
# added (go run ./tools/corpora furniture). The test split is scored, never listed document by
# document: --verbose lists the misses of the shared gold and of dev only.
# Usage: scripts/score.sh [--verbose]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
if [ ! -d "$shared/gold" ]; then
	echo "score.sh: $shared/gold not found; set SHARED to the shared folder" >&2
	exit 2
fi
verbose=()
if [ "${1:-}" = "--verbose" ]; then verbose=(--verbose); fi
out=${OUT:-$(mktemp -d)}
go build -o "$out/dossier" ./cmd/dossier
go build -o "$out/corpora" ./tools/corpora

run() { # name gold corpus [--prose]
	local name=$1 gold=$2 corpus=$3; shift 3
	"$out/dossier" extract --format jsonl "$corpus" >"$out/$name.jsonl"
	echo "== $name"
	python3 "$shared/tools/score.py" --gold "$gold" --pred "$out/$name.jsonl" "$@" "${verbose[@]}"
}
run seed "$shared/gold/seed" "$shared/corpus/seed"
run prose "$shared/gold/wikipedia" "$shared/corpus/wikipedia" --prose
run infobox "$shared/gold/wikipedia" "$shared/corpus/wikipedia-with-infobox"
run news "$shared/gold/news" "$shared/corpus/news"

# Our corpora, by split: a folder of links per set, split and variant.
"$out/corpora" split -root corpora >"$out/split.tsv"
while IFS=$'\t' read -r set split name; do
	case $set in
	encyclopedia) g=corpora/encyclopedia/gold/$name.json ;;
	news) g=corpora/news/gold/$name.json ;;
	ar-encyclopedia) g=corpora/arabic/encyclopedia/gold/$name.json ;;
	ar-news) g=corpora/arabic/news/gold/$name.json ;;
	*) continue ;;
	esac
	if [ ! -f "$g" ]; then
		echo "score.sh: $set/$name has no gold yet (go run ./tools/corpora build): skipped" >&2
		continue
	fi
	case $set in
	encyclopedia)
		mkdir -p "$out/$split/enc-gold" "$out/$split/enc-prose" "$out/$split/enc-infobox"
		cp "corpora/encyclopedia/gold/$name.json" "$out/$split/enc-gold/"
		cp "corpora/encyclopedia/wikipedia/$name.txt" "$out/$split/enc-prose/"
		cp "corpora/encyclopedia/wikipedia-with-infobox/$name.txt" "$out/$split/enc-infobox/"
		;;
	news)
		mkdir -p "$out/$split/news-gold" "$out/$split/news-docs" "$out/$split/news-nopub"
		cp "corpora/news/gold/$name.json" "$out/$split/news-gold/"
		cp "corpora/news/wikinews/$name.txt" "$out/$split/news-docs/"
		# the same report without its Published: line: the date must come
		# from the page, the text or the URL
		grep -v '^Published: ' "corpora/news/wikinews/$name.txt" >"$out/$split/news-nopub/$name.txt" || true
		# the page as stored (raw/: navigation, its date line when it shows
		# one) without its Published: line: the date must come from what
		# the page shows (issue 10's chain: meta data, a date line, the URL)
		mkdir -p "$out/$split/news-page-nopub"
		grep -v '^Published: ' "corpora/news/raw/$name.txt" >"$out/$split/news-page-nopub/$name.txt" || true
		;;
	ar-encyclopedia)
		mkdir -p "$out/$split/ar-enc-gold" "$out/$split/ar-enc-prose" "$out/$split/ar-enc-infobox"
		cp "$g" "$out/$split/ar-enc-gold/"
		cp "corpora/arabic/encyclopedia/wikipedia/$name.txt" "$out/$split/ar-enc-prose/"
		cp "corpora/arabic/encyclopedia/wikipedia-with-infobox/$name.txt" "$out/$split/ar-enc-infobox/"
		;;
	ar-news)
		mkdir -p "$out/$split/ar-news-gold" "$out/$split/ar-news-docs"
		cp "$g" "$out/$split/ar-news-gold/"
		cp "corpora/arabic/news/docs/$name.txt" "$out/$split/ar-news-docs/"
		;;
	esac
done <"$out/split.tsv"
# the same reports with page furniture added (tools/corpora furniture):
# captions, credits, stamps, bylines, links to other stories must change
# nothing the extractor reads
for split in dev test; do
	"$out/corpora" furniture "$out/$split/news-docs" "$out/$split/news-furniture"
done

score_split() { # label gold docs [--prose]
	local label=$1 gold=$2 docs=$3; shift 3
	"$out/dossier" extract --format jsonl "$docs" >"$out/$label.jsonl"
	python3 "$shared/tools/score.py" --gold "$gold" --pred "$out/$label.jsonl" --json "$@" >"$out/$label.json"
}
for split in dev test; do
	score_split "encyclopedia-prose-$split" "$out/$split/enc-gold" "$out/$split/enc-prose" --prose
	score_split "encyclopedia-infobox-$split" "$out/$split/enc-gold" "$out/$split/enc-infobox"
	score_split "news-$split" "$out/$split/news-gold" "$out/$split/news-docs"
	score_split "news-nopub-$split" "$out/$split/news-gold" "$out/$split/news-nopub"
	score_split "news-page-nopub-$split" "$out/$split/news-gold" "$out/$split/news-page-nopub"
	score_split "news-furniture-$split" "$out/$split/news-gold" "$out/$split/news-furniture"
	# Arabic (corpora/arabic), when the sets are there
	if [ -d "$out/$split/ar-enc-gold" ]; then
		score_split "ar-encyclopedia-prose-$split" "$out/$split/ar-enc-gold" "$out/$split/ar-enc-prose" --prose
		score_split "ar-encyclopedia-infobox-$split" "$out/$split/ar-enc-gold" "$out/$split/ar-enc-infobox"
	fi
	if [ -d "$out/$split/ar-news-gold" ]; then
		score_split "ar-news-$split" "$out/$split/ar-news-gold" "$out/$split/ar-news-docs"
	fi
done

python3 - "$out" <<'EOF'
import json, sys
out = sys.argv[1]
def figure(r):
    if "accuracy" in r:
        return r["accuracy"], r["n"], "acc"
    return r["f1"], r["gold"], "F1"
import os
for s in ("encyclopedia-prose", "encyclopedia-infobox", "news", "news-nopub", "news-page-nopub", "news-furniture",
          "ar-encyclopedia-prose", "ar-encyclopedia-infobox", "ar-news"):
    if not os.path.exists(f"{out}/{s}-dev.json") or not os.path.exists(f"{out}/{s}-test.json"):
        continue
    dev = json.load(open(f"{out}/{s}-dev.json"))
    test = json.load(open(f"{out}/{s}-test.json"))
    print(f"== {s} (corpora/): dev {dev['docs']} documents, test {test['docs']} documents")
    print(f"  {'field':28s} {'':4s} {'dev':>6s} {'(n)':>6s} {'test':>6s} {'(n)':>6s} {'dev-test':>9s}")
    for f in sorted(set(dev["scores"]) | set(test["scores"])):
        d, t = dev["scores"].get(f), test["scores"].get(f)
        dv, dn, kind = figure(d) if d else (None, 0, "")
        tv, tn, kind2 = figure(t) if t else (None, 0, "")
        kind = kind or kind2
        fmt = lambda v: f"{v:6.3f}" if v is not None else "     -"
        diff = f"{dv - tv:+9.3f}" if dv is not None and tv is not None else "        -"
        print(f"  {f:28s} {kind:4s} {fmt(dv)} {dn:6d} {fmt(tv)} {tn:6d} {diff}")
        if kind == "F1":
            for k in ("precision", "recall"):
                dv2 = d[k] if d else None
                tv2 = t[k] if t else None
                diff = f"{dv2 - tv2:+9.3f}" if dv2 is not None and tv2 is not None else "        -"
                print(f"  {'  ' + k:28s} {'':4s} {fmt(dv2)} {(d['pred'] if k == 'precision' else d['gold']) if d else 0:6d} "
                      f"{fmt(tv2)} {(t['pred'] if k == 'precision' else t['gold']) if t else 0:6d} {diff}")
EOF

# Actor hygiene (issue: extraction that holds): the share of distinct actor
# names over all corpora that names.Problem flags (verb phrases, fragments,
# generic descriptions, lists).
go run ./tools/actorcheck "$out"/encyclopedia-*.jsonl "$out"/news-dev.jsonl "$out"/news-test.jsonl

if [ ${#verbose[@]} -gt 0 ]; then
	for s in encyclopedia-prose encyclopedia-infobox news ar-encyclopedia-prose ar-news; do
		case $s in
		ar-encyclopedia-prose) gold=$out/dev/ar-enc-gold prose=(--prose) ;;
		ar-news) gold=$out/dev/ar-news-gold prose=() ;;
		encyclopedia-prose) gold=$out/dev/enc-gold prose=(--prose) ;;
		encyclopedia-infobox) gold=$out/dev/enc-gold prose=() ;;
		news) gold=$out/dev/news-gold prose=() ;;
		esac
		[ -f "$out/$s-dev.jsonl" ] || continue
		echo "== $s dev: misses"
		python3 "$shared/tools/score.py" --gold "$gold" --pred "$out/$s-dev.jsonl" "${prose[@]}" --verbose | sed -n '/^\[/,$p'
	done
fi
