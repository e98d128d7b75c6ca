#!/usr/bin/env python3
"""Scores dossier's main incident against readings written by hand before
any run, for documents that cannot be shipped (web reports under their
publishers' copyright, read from the search tools' stored pages).

Each folder holds NAME.txt (the page as stored: Source:, Title:, its text)
and NAME.truth.json, written from the text alone:

  {"date": "YYYY-MM-DD" | "YYYY-MM" | "YYYY" | null,
   "place": ["the most specific place named", "coarser places it is in", ...],
   "country": "...", "fatalities": N | null, "injuries": N | null,
   "perpetrators": [...], "accused": [...], "targets": [...],
   "speakers": [...], "notes": "..."}

A date is right at the truth's precision; a place is right when it matches
one of the listed places (folded, without articles and division words, or
one inside the other from four letters); figures are right when the lower
bound equals the truth's (or is one more, with no upper bound: "more than
40" is coded 41 and up, as gold-format.md writes it); perpetrators, targets and speakers are scored by
precision and recall over names matched the same loose way. This is a
looser matcher than ../shared/tools/score.py and its figures are not
comparable with the scorer's.

The documents are split once by name: the SHA-256 of NAME, as an integer,
even is the half read to find errors ("read"), odd the half only measured
("held"). HALF=read or HALF=held scores one half.

Usage: scripts/eval-truth.py BINARY DIR... [-v]   (-v lists each document's misses)
"""
import glob
import hashlib
import json
import os
import re
import subprocess
import sys
import unicodedata

HALF = os.environ.get("HALF", "")


def half(name):
    return "read" if int(hashlib.sha256(name.encode()).hexdigest(), 16) % 2 == 0 else "held"


# Arabic for comparison only: hamza seats and alef forms to alef, alef
# maqsura to yeh, teh marbuta to heh, tatweel dropped, Arabic-Indic and
# Persian digits to digits (diacritics go with NFKD's combining marks).
_AR_FOLD = str.maketrans({"\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627",
                          "\u0649": "\u064a", "\u0629": "\u0647", "\u0624": "\u0648", "\u0626": "\u064a",
                          "\u0640": None,
                          **{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06f0 + i): str(i) for i in range(10)}})
# Arabic words for kinds of place, dropped as the English ones are
_AR_DIVISIONS = {"محافظه", "مدينه", "قريه", "بلده", "حي", "منطقه", "ولايه", "مديريه", "قضاء", "ناحيه", "اقليم", "مقاطعه"}


def _ar_token(t):
    """An Arabic token without its article and the proclitics before it
    (al-, wal-, bal-, fal-, kal-, lil-)."""
    for p in ("وال", "بال", "فال", "كال", "لل", "ال"):
        if t.startswith(p) and len(t) - len(p) >= 2:
            return t[len(p):]
    return t


def norm(s):
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().translate(_AR_FOLD)
    s = re.sub(r"\b(the|a|an|of|province|district|state|city|town|village|region|county|governorate|area)\b", " ", s)
    toks = re.sub(r"[^a-z0-9\u0621-\u064a]+", " ", s).split()
    toks = [_ar_token(t) if "\u0621" <= t[0] <= "\u064a" else t for t in toks]
    return " ".join(t for t in toks if t not in _AR_DIVISIONS)


def names_match(p, g):
    p, g = norm(p), norm(g)
    if not p or not g:
        return False
    return p == g or (len(p) >= 4 and (p in g or g in p))


def overlap(pred, gold):
    tp = sum(1 for g in gold if any(names_match(p, g) for p in pred))
    tpp = sum(1 for p in pred if any(names_match(p, g) for g in gold))
    return tp, len(gold), tpp, len(pred)


def main(argv):
    args = [a for a in argv if not a.startswith("-")]
    verbose = "-v" in argv
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    binary, dirs = args[0], args[1:]
    acc = {}
    lists = {k: [0, 0, 0, 0] for k in ("perpetrators", "targets", "speakers")}

    def add(field, ok):
        a = acc.setdefault(field, [0, 0])
        a[1] += 1
        a[0] += 1 if ok else 0

    for d in dirs:
        files = sorted(glob.glob(os.path.join(d, "*.txt")))
        out = subprocess.run([binary, "extract", "--format", "jsonl"] + files, capture_output=True, text=True).stdout
        preds = {}
        for line in out.splitlines():
            o = json.loads(line)
            preds[os.path.basename(o["doc"]["path"])[:-4]] = o
        for f in files:
            name = os.path.basename(f)[:-4]
            tf = f[:-4] + ".truth.json"
            if not os.path.exists(tf) or HALF and half(name) != HALF:
                continue
            t = json.load(open(tf))
            o = preds.get(name, {})
            m = next((i for i in o.get("incidents") or [] if i.get("main")), {})
            loc = m.get("location") or {}
            miss = []
            if t.get("date"):
                ds = (m.get("date") or {}).get("start") or ""
                ok = ds[: len(t["date"])] == t["date"] and len(ds) >= len(t["date"])
                add("date", ok)
                if not ok:
                    miss.append(f"date {ds} want {t['date']}")
            if t.get("place"):
                ok = any(names_match(loc.get("place") or "", g) for g in t["place"])
                add("place", ok)
                if not ok:
                    miss.append(f"place {loc.get('place')} want {t['place']}")
            if t.get("country"):
                ok = norm(loc.get("country") or "") == norm(t["country"])
                add("country", ok)
                if not ok:
                    miss.append(f"country {loc.get('country')} want {t['country']}")
            for k in ("fatalities", "injuries"):
                if t.get(k) is not None:
                    pv = (m.get(k) or {}).get("min")
                    # "more than 40" is coded min 41 and no max (gold-format);
                    # a reader who wrote 40 read the same words
                    ok = pv == t[k] or pv == t[k] + 1 and (m.get(k) or {}).get("max") is None
                    add(k, ok)
                    if not ok:
                        miss.append(f"{k} {pv} want {t[k]}")
            speakers = sorted({s.get("speaker") for s in o.get("statements") or [] if s.get("speaker")})
            for k, pred in (("perpetrators", m.get("perpetrators") or []), ("targets", m.get("targets") or []), ("speakers", speakers)):
                gold = t.get(k) or []
                a = overlap(pred, gold)
                for i in range(4):
                    lists[k][i] += a[i]
                if a[0] < a[1] or a[2] < a[3]:
                    miss.append(f"{k} {pred} want {gold}")
            if verbose and miss:
                print(name, "|", "; ".join(miss))
    for k, (a, b) in acc.items():
        print(f"{k:12s} {a}/{b} = {a / b:.3f}")
    for k, (tp, ng, tpp, npred) in lists.items():
        r = tp / ng if ng else 0
        p = tpp / npred if npred else 0
        f = 2 * p * r / (p + r) if p + r else 0
        print(f"{k:12s} P {p:.3f} R {r:.3f} F1 {f:.3f} (gold {ng}, pred {npred})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
