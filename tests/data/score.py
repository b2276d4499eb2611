#!/usr/bin/env python3
# Copied from the workspace's shared evaluation kit (../shared/eval/score.py, sha256 d0cf3eb9…fc82a4)
# so the tests and benchmarks run from a clone of this repository alone. One change: --sources
# defaults to this repository's knowledge/corpus/sources instead of ../shared/seeds. Keep it in step
# with the original when the maintainers change it.
"""Score the bot's answers against a question set.

Runs ONE process of the bot in batch mode (one question per stdin line, one
JSON answer per stdout line) and checks every answer:

  answerable items   not abstained; some citation names an expected speaker
                     (when the item lists speakers); some citation carries an
                     expected figure (same unit, value within 1%) when the
                     item lists figures; when it lists quote_any, a citation
                     (by an expected speaker) quotes one of those statements
  unanswerable items abstained, and no citation of a forbidden speaker
  every citation     its quote occurs verbatim (whitespace aside) in one of
                     the source texts, and each of its figures' text occurs
                     in its quote
  language           the answer's "language" equals the question's

Usage:
  score.py QUESTIONS.jsonl [--cmd "./.venv/bin/bubblebot ask --json -"]
           [--sources DIR] [--min-accuracy 0.9] [-v]

Exit status 0 when answer accuracy >= --min-accuracy and every citation is
faithful; the last line printed is the summary.
"""
import argparse
import json
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def squash(text):
    return re.sub(r"\s+", "", text or "")


def names_match(speaker, aliases):
    if not speaker:
        return False
    s = speaker.lower()
    return any(re.search(r"(?<![a-z])" + re.escape(a.lower()) + r"(?![a-z])", s) for a in aliases)


def figure_match(fig, want):
    try:
        unit_ok = str(fig.get("unit", "")).strip().lower() == want["unit"].lower()
        value = float(fig.get("value"))
    except (TypeError, ValueError, AttributeError):
        return False
    return unit_ok and abs(value - want["value"]) <= 0.01 * abs(want["value"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("questions")
    ap.add_argument("--cmd", default="./.venv/bin/bubblebot ask --json -")
    ap.add_argument("--sources", default=str(HERE.parent.parent / "knowledge" / "corpus" / "sources"))
    ap.add_argument("--min-accuracy", type=float, default=0.9)
    ap.add_argument("--timeout", type=float, default=50)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    items = [json.loads(line) for line in open(args.questions, encoding="utf-8") if line.strip()]
    corpus = [squash(p.read_text(encoding="utf-8")) for p in Path(args.sources).glob("*.txt")]
    if not corpus:
        sys.exit(f"no source texts under {args.sources}")

    stdin = "".join(it["q"].replace("\n", " ") + "\n" for it in items)
    t0 = time.monotonic()
    try:
        proc = subprocess.run(shlex.split(args.cmd), input=stdin, capture_output=True,
                              text=True, timeout=args.timeout)
    except FileNotFoundError as e:
        print(f"FAIL cannot start the bot: {e}")
        sys.exit(1)
    except subprocess.TimeoutExpired:
        print(f"FAIL no answers within {args.timeout}s")
        sys.exit(1)
    wall = time.monotonic() - t0
    lines = [l for l in proc.stdout.splitlines() if l.strip()]
    if proc.returncode != 0 or len(lines) != len(items):
        sys.stderr.write(proc.stderr[-3000:])
        print(f"FAIL exit {proc.returncode}, {len(lines)} answers for {len(items)} questions")
        sys.exit(1)

    ok = 0
    wrong = 0  # answered, but wrongly (CRAG counts these -1; an abstention counts 0)
    unfaithful = 0
    cited = 0
    lang_ok = 0
    failures = []
    for it, line in zip(items, lines):
        try:
            ans = json.loads(line)
        except json.JSONDecodeError:
            failures.append((it["id"], "not JSON"))
            continue
        cits = ans.get("citations") or []
        for c in cits:
            cited += 1
            quote = squash(c.get("quote"))
            faithful = bool(quote) and any(quote in doc for doc in corpus)
            faithful = faithful and all(squash(f.get("text")) in quote for f in c.get("figures") or [])
            if not faithful:
                unfaithful += 1
                failures.append((it["id"], f"unfaithful citation: {str(c.get('quote'))[:60]}"))
        if ans.get("language") == it["lang"]:
            lang_ok += 1
        else:
            failures.append((it["id"], f"language {ans.get('language')} != {it['lang']}"))
        if it.get("answerable", True):
            why = []
            if ans.get("abstained"):
                why.append("abstained")
            if it.get("speakers") and not any(names_match(c.get("speaker"), it["speakers"]) for c in cits):
                why.append("speaker missing (cited: %s)" % sorted({str(c.get('speaker')) for c in cits}))
            if it.get("figures") and not any(
                figure_match(f, w) for c in cits for f in (c.get("figures") or []) for w in it["figures"]
            ):
                why.append("figure missing")
            if it.get("quote_any") and not any(
                squash(s) in squash(c.get("quote"))
                for c in cits
                if not it.get("speakers") or names_match(c.get("speaker"), it["speakers"])
                for s in it["quote_any"]
            ):
                why.append("the expected statement is not among the cited quotes")
            if why:
                failures.append((it["id"], "; ".join(why)))
                wrong += not ans.get("abstained")
            else:
                ok += 1
        else:
            bad = [c.get("speaker") for c in cits if names_match(c.get("speaker"), it.get("forbid_speakers", []))]
            if ans.get("abstained") and not bad:
                ok += 1
            else:
                failures.append((it["id"], "answered an unanswerable question"))
                wrong += 1

    n = len(items)
    if args.verbose or failures:
        for fid, why in failures:
            print(f"  {fid}: {why}")
    acc = ok / n
    faith = 1 - unfaithful / cited if cited else 1.0
    print(f"answers {ok}/{n} ({acc:.0%}) · wrong {wrong} (correct - wrong = {(ok - wrong) / n:.0%})"
          f" · faithful citations {cited - unfaithful}/{cited} ({faith:.0%})"
          f" · language {lang_ok}/{n} · {wall:.1f}s for {n} questions, one process")
    sys.exit(0 if acc >= args.min_accuracy and unfaithful == 0 else 1)


if __name__ == "__main__":
    main()
