#!/usr/bin/env python3
"""Check the news corpus: articles, labels.jsonl, questions.jsonl, speakers.jsonl.

Run from anywhere:  python3 check.py   (exit 1 on any failure)

Checks
  articles   front matter fields, language, length (EN 450-900 words,
             ZH 900-1,600 non-space characters)
  labels     valid JSON and keys; anchor 8-25 characters, verbatim and unique
             in its article, inside one sentence; at most one label per
             sentence; each figure's text inside that sentence and its value
             consistent with the text (independent parser); unit allowed
  questions  valid JSON and exact keys; unique ids; category counts; quote_any
             6-30 characters, verbatim in an article body; the sentence holding
             it is labelled with one of the expected speakers (when speakers
             are listed); every expected figure is a labelled figure of a
             sentence holding a quote_any; forbidden speakers never quoted
  speakers   every labelled speaker has an entry; never-quoted people have
             no label
It also lists, for review, sentences that look attributed or carry numbers but
have no label (information only, not failures).
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

# The corpus directory (first argument) and its shape (corpus.json: categories, question count, id pattern,
# language mix), so that one script checks every held-out corpus.
HERE = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else sys.exit("usage: corpus_check.py CORPUS_DIR")
SHAPE = json.loads((HERE / "corpus.json").read_text(encoding="utf-8"))
UNITS = {"USD", "EUR", "JPY", "CNY", "TWD", "%", "GW", "x", "tokens"}
Q_UNITS = {"USD", "EUR", "JPY", "CNY", "%", "GW", "x"}
CATS = SHAPE["categories"]
LANGS = {"en", "zh-Hans", "zh-Hant"}
failures = []


def fail(msg):
    failures.append(msg)


def squash(text):
    return re.sub(r"\s+", "", text or "")


def names_match(speaker, aliases):  # same rule as ../score.py
    if not speaker:
        return False
    s = speaker.lower()
    return any(re.search(r"(?<![a-z])" + re.escape(a.lower()) + r"(?![a-z])", s) for a in aliases)


# ---------- articles ----------
def load_article(path):
    text = path.read_text(encoding="utf-8")
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if not m:
        fail(f"{path.name}: no front matter")
        return None
    meta = {}
    for line in m.group(1).splitlines():
        k, _, v = line.partition(":")
        meta[k.strip()] = v.strip()
    body = text[m.end():]
    return {"name": path.name, "meta": meta, "body": body, "text": text}


def sentences(body, lang):
    """Return (start, end) spans of sentences; paragraphs are hard breaks."""
    spans = []
    for pm in re.finditer(r"[^\n]+", body):
        para, base = pm.group(0), pm.start()
        if lang == "en":
            ends = [m.end() for m in re.finditer(r"[.?!][\"”’)*]*(?=\s)", para)]
        else:
            ends = []
            for m in re.finditer(r"[。！？]([”」]*)", para):
                nxt = para[m.end():m.end() + 1]
                if m.group(1) and nxt and nxt not in "“「":
                    continue  # 。” followed by 某某说 belongs to the same sentence
                ends.append(m.end())
        start = 0
        for e in ends + [len(para)]:
            if e > start and para[start:e].strip():
                s0 = start + len(para[start:e]) - len(para[start:e].lstrip())
                spans.append((base + s0, base + e))
            start = e
    return spans


# ---------- independent figure parser ----------
CN = {"零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
EN_WORDS = {"tenfold": 10, "twice": 2, "double": 2, "doubled": 2, "doubles": 2, "triple": 3, "halves": 0.5}
MULT = {"万亿": 1e12, "萬億": 1e12, "兆": 1e12, "亿": 1e8, "億": 1e8, "万": 1e4, "萬": 1e4, "千": 1e3,
        "trillion": 1e12, "billion": 1e9, "million": 1e6}


def num(s):
    s = s.replace(",", "")
    if re.fullmatch(r"[\d.]+", s):
        return float(s)
    if s in CN:
        return CN[s]
    if len(s) == 2 and s[0] in CN and s[1] == "十":
        return CN[s[0]] * 10
    if len(s) == 2 and s[0] == "十":
        return 10 + CN[s[1]]
    return None


WORD_NUMS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
             "eight": "8", "nine": "9", "ten": "10"}


def parse_figure(text):
    """Candidate (value, unit) pairs for a figure as written."""
    t = text.strip()
    out = set()
    lo = t.lower()
    m = re.fullmatch(r"(one|two|three|four|five|six|seven|eight|nine|ten) (gigawatts?|megawatts?)", lo)
    if m:
        lo = WORD_NUMS[m.group(1)] + " " + m.group(2)
    for w, v in EN_WORDS.items():
        if re.search(r"\b" + w + r"\b", lo):
            out.add((v, "x"))
    if "close to half" in lo or t in ("一半",):
        out.add((50, "%"))
    if "四分之一" in t:
        out.add((25, "%"))
    if t in ("倍增", "翻一倍"):
        out.add((2, "x"))
    if lo == "three times":
        out.add((3, "x"))
    for m in re.finditer(r"([\d.]+)\s*(?:x\b|times)", lo):
        out.add((float(m.group(1)), "x"))
    for m in re.finditer(r"([\d.]+)(?:\s*or\s*[\d.]+)?\s*times", lo):
        out.add((float(m.group(1)), "x"))
    for m in re.finditer(r"([\d.]+)倍", t):
        out.add((float(m.group(1)), "x"))
    for m in re.finditer(r"([\d.]+)%", t):
        out.add((float(m.group(1)), "%"))
    for m in re.finditer(r"([\d一二两三四五六七八九十]+)成", t):
        v = num(m.group(1))
        if v is not None:
            out.add((v * 10, "%"))
    for m in re.finditer(r"([\d,.]+)\s*-?\s*(gigawatts?|megawatts?)", lo):
        v = float(m.group(1).replace(",", ""))
        out.add((v if m.group(2).startswith("giga") else v / 1000, "GW"))
    for m in re.finditer(r"([\d.]+)吉瓦", t):
        out.add((float(m.group(1)), "GW"))
    for m in re.finditer(r"(us\$|\$|€|¥)\s?([\d,.]+)\s*(trillion|billion|million)?", lo):
        unit = {"us$": "USD", "$": "USD", "€": "EUR", "¥": "JPY"}[m.group(1)]
        out.add((float(m.group(2).replace(",", "")) * MULT.get(m.group(3) or "", 1), unit))
    # Chinese amounts: number + optional multiplier, currency from context
    unit = None
    if "美元" in t:
        unit = "USD"
    elif "欧元" in t or "歐元" in t:
        unit = "EUR"
    elif "新台幣" in t or "新台币" in t:
        unit = "TWD"
    elif "元" in t or "人民币" in t:
        unit = "CNY"
    elif "tokens" in lo:
        unit = "tokens"
    if unit:
        for m in re.finditer(r"([\d,.]+|[一二两三四五六七八九十]+)(万亿|萬億|兆|亿|億|万|萬|千)?", t):
            v = num(m.group(1))
            if v is None:
                continue
            out.add((v * MULT.get(m.group(2) or "", 1), unit))
        # 两千亿 / 两千億 style compound
        m = re.search(r"([一二两兩三四五六七八九])千(亿|億)", t)
        if m:
            out.add((CN[m.group(1)] * 1e3 * 1e8, unit))
        # 420億至450億美元: each end carries the same multiplier
        for m in re.finditer(r"([\d.,]+)(亿|億)?至([\d.,]+)(亿|億)?", t):
            mult = MULT.get(m.group(2) or m.group(4) or "", 1)
            out.add((float(m.group(1).replace(",", "")) * mult, unit))
            out.add((float(m.group(3).replace(",", "")) * mult, unit))
    for m in re.finditer(r"([一二两三四五六七八九十\d]+)到([一二两三四五六七八九十\d]+)成", t):
        out.add((num(m.group(1)) * 10, "%"))
        out.add((num(m.group(2)) * 10, "%"))
    return out


def value_ok(fig):
    cands = parse_figure(fig["text"])
    return any(u == fig["unit"] and abs(v - fig["value"]) <= 0.01 * abs(fig["value"]) for v, u in cands)


def main():
    """Run every check; print counts, the review list and failures."""
    arts = {}
    for p in sorted(HERE.glob("[0-9]*.md")):
        a = load_article(p)
        if a:
            arts[p.name] = a

    lang_count = Counter()
    for a in arts.values():
        meta = a["meta"]
        for k in ("title", "publisher", "published", "language"):
            if k not in meta:
                fail(f"{a['name']}: front matter lacks {k}")
        if not re.fullmatch(r'"[^"]+"', meta.get("title", "")) or not re.fullmatch(r'"[^"]+"', meta.get("publisher", "")):
            fail(f"{a['name']}: title/publisher must be double-quoted")
        if not re.fullmatch(r"2026-\d\d-\d\d", meta.get("published", "")):
            fail(f"{a['name']}: published must be 2026-MM-DD")
        lang = meta.get("language")
        if lang not in LANGS:
            fail(f"{a['name']}: bad language {lang}")
        lang_count[lang] += 1
        body = a["body"]
        if "\n\n" not in body.strip():
            fail(f"{a['name']}: paragraphs must be separated by blank lines")
        if lang == "en":
            n = len(re.findall(r"\S+", body))
            a["size"] = f"{n} words"
            if not 450 <= n <= 900:
                fail(f"{a['name']}: {n} words, want 450-900")
        else:
            n = len(re.sub(r"\s", "", body))
            a["size"] = f"{n} characters"
            if not 900 <= n <= 1600:
                fail(f"{a['name']}: {n} characters, want 900-1600")
        a["spans"] = sentences(body, lang)
    if dict(lang_count) != SHAPE["languages"]:
        fail(f"language mix {dict(lang_count)}, want {SHAPE['languages']}")


    def sentence_at(a, pos):
        for i, (s, e) in enumerate(a["spans"]):
            if s <= pos < e:
                return i
        return None


    # ---------- labels ----------
    labels = []
    for n, line in enumerate((HERE / "labels.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            lab = json.loads(line)
        except json.JSONDecodeError as e:
            fail(f"labels.jsonl:{n}: not JSON ({e})")
            continue
        if set(lab) != {"article", "anchor", "speaker", "role", "figures"}:
            fail(f"labels.jsonl:{n}: keys {sorted(lab)}")
            continue
        a = arts.get(lab["article"])
        if not a:
            fail(f"labels.jsonl:{n}: unknown article {lab['article']}")
            continue
        anc = lab["anchor"]
        if not 8 <= len(anc) <= 25:
            fail(f"labels.jsonl:{n}: anchor length {len(anc)} {anc!r}")
        if a["text"].count(anc) != 1:
            fail(f"labels.jsonl:{n}: anchor {anc!r} occurs {a['text'].count(anc)} times in {a['name']}")
            continue
        pos = a["body"].find(anc)
        i, j = sentence_at(a, pos), sentence_at(a, pos + len(anc) - 1)
        if i is None or i != j:
            fail(f"labels.jsonl:{n}: anchor {anc!r} not inside one sentence")
            continue
        s, e = a["spans"][i]
        sent = a["body"][s:e]
        if (lab["speaker"] is None) != (lab["role"] is None):
            fail(f"labels.jsonl:{n}: speaker/role must both be null or both set")
        if lab["speaker"] is None and not lab["figures"]:
            fail(f"labels.jsonl:{n}: a narration label needs a figure")
        for f in lab["figures"]:
            if set(f) != {"text", "value", "unit"}:
                fail(f"labels.jsonl:{n}: figure keys {sorted(f)}")
                continue
            if f["unit"] not in UNITS:
                fail(f"labels.jsonl:{n}: unit {f['unit']}")
            if f["text"] not in sent:
                fail(f"labels.jsonl:{n}: figure text {f['text']!r} not in its sentence")
            if not value_ok(f):
                fail(f"labels.jsonl:{n}: value {f['value']} {f['unit']} does not follow from {f['text']!r} "
                     f"(parser: {sorted(parse_figure(f['text']))})")
        lab["_sent"] = (a["name"], i)
        labels.append(lab)
    per_sentence = Counter(l["_sent"] for l in labels)
    for key, c in per_sentence.items():
        if c > 1:
            s, e = arts[key[0]]["spans"][key[1]]
            fail(f"{key[0]}: {c} labels for one sentence: {arts[key[0]]['body'][s:e][:70]!r}")
    by_sent = {l["_sent"]: l for l in labels}

    # ---------- speakers ----------
    speakers = {}
    for n, line in enumerate((HERE / "speakers.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                sp = json.loads(line)
            except json.JSONDecodeError as e:
                fail(f"speakers.jsonl:{n}: not JSON ({e})")
                continue
            speakers[sp["name"]] = sp
            if not any(al in a["text"] for al in sp["aliases"] for a in arts.values()):
                fail(f"speakers.jsonl:{n}: no alias of {sp['name']} occurs in the articles")
    labelled = {l["speaker"] for l in labels if l["speaker"]}
    for name in sorted(labelled):
        if not name.startswith("unnamed:") and name not in speakers:
            fail(f"speaker {name!r} has no speakers.jsonl entry")
    for name, sp in speakers.items():
        if sp["quoted"] and name not in labelled:
            fail(f"speakers.jsonl: {name} marked quoted but has no label")
        if not sp["quoted"] and name in labelled:
            fail(f"speakers.jsonl: {name} marked never-quoted but has a label")

    # ---------- questions ----------
    items = []
    for n, line in enumerate((HERE / "questions.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as e:
            fail(f"questions.jsonl:{n}: not JSON ({e})")
    ids = Counter(it.get("id") for it in items)
    for i, c in ids.items():
        if c > 1:
            fail(f"duplicate id {i}")
    cats = Counter(it.get("cat") for it in items)
    if dict(cats) != CATS or len(items) != SHAPE["questions"]:
        fail(f"categories {dict(cats)} ({len(items)} items), want {CATS}")

    ANS_KEYS = ["id", "lang", "q", "speakers", "figures", "quote_any", "answerable", "cat"]
    UNANS_KEYS = ["id", "lang", "q", "answerable", "forbid_speakers", "cat"]
    never_quoted = {al for sp in speakers.values() if not sp["quoted"] for al in sp["aliases"] + [sp["name"]]}
    for it in items:
        iid = it.get("id")
        if it.get("lang") not in LANGS:
            fail(f"{iid}: lang {it.get('lang')}")
        if not re.fullmatch(SHAPE["id"], str(iid)):
            fail(f"{iid}: id format")
        if it.get("answerable") is False:
            if list(it) != UNANS_KEYS or it["cat"] != "unanswerable":
                fail(f"{iid}: unanswerable item keys {list(it)}")
            # a forbidden speaker is never quoted, except the target of an injected instruction
            injected = re.search(r"ignore (all )?(previous|prior|your)", it["q"], re.I)
            for name in it.get("forbid_speakers", []):
                if not injected and any(names_match(l["speaker"], [name]) for l in labels):
                    fail(f"{iid}: forbidden speaker {name} is quoted in the corpus")
            continue
        if list(it) != ANS_KEYS or it["answerable"] is not True or it["cat"] == "unanswerable":
            fail(f"{iid}: answerable item keys {list(it)}")
            continue
        for f in it["figures"]:
            if set(f) != {"value", "unit"} or f["unit"] not in Q_UNITS:
                fail(f"{iid}: figure {f}")
        # where do the quotes sit?
        hits = []
        for qa in it["quote_any"]:
            if not 6 <= len(qa) <= 30:
                fail(f"{iid}: quote_any length {len(qa)} {qa!r}")
            found = False
            for a in arts.values():
                start = 0
                while (pos := a["body"].find(qa, start)) >= 0:
                    found = True
                    k = sentence_at(a, pos)
                    if k is None or sentence_at(a, pos + len(qa) - 1) != k:
                        fail(f"{iid}: quote_any {qa!r} crosses a sentence boundary")
                    else:
                        hits.append(by_sent.get((a["name"], k)))
                    start = pos + 1
            if not found:
                fail(f"{iid}: quote_any {qa!r} not verbatim in any article body")
        if not it["quote_any"]:
            fail(f"{iid}: answerable items here all carry quote_any")
        if it["speakers"]:
            if not any(h and names_match(h["speaker"], it["speakers"]) for h in hits):
                fail(f"{iid}: no quote_any sentence is labelled with {it['speakers']} "
                     f"(labelled: {[h and h['speaker'] for h in hits]})")
            # an alias must not also match a different labelled speaker
            expected = {h["speaker"] for h in hits if h and names_match(h["speaker"], it["speakers"])}
            for other in labelled - expected:
                if not other.startswith("unnamed:") and names_match(other, it["speakers"]):
                    fail(f"{iid}: alias list {it['speakers']} also matches another speaker {other!r}")
        for want in it["figures"]:
            ok = any(h and any(f["unit"] == want["unit"] and abs(f["value"] - want["value"]) <= 0.01 * abs(want["value"])
                               for f in h["figures"]) for h in hits)
            if not ok:
                fail(f"{iid}: figure {want} is not a labelled figure of a quote_any sentence")
        # Slack phrasing, not article phrasing: no long verbatim overlap with the corpus
        # (CJK runs: at most 9 characters in common; Latin runs: at most 24)
        q = it["q"]
        for script, pat, limit in (("CJK", r"[\u3000-\u9fff\uff00-\uffef]", 9), ("Latin", r"[A-Za-z]", 24)):
            longest = ""
            for a in arts.values():
                for k in range(len(q)):
                    for L in range(len(longest) + 1, len(q) - k + 1):
                        if q[k:k + L] in a["body"]:
                            if re.search(pat, q[k:k + L]) and L > len(longest):
                                longest = q[k:k + L]
                        else:
                            break
            if len(longest) > limit:
                fail(f"{iid}: question copies {len(longest)} characters of article text ({script}): {longest!r}")

    # ---------- review list (information only) ----------
    VERB = re.compile(r"\b(said|says|say|told|wrote|asked|answered|replied|added|estimate[sd]?|according to|warned|noted|think)\b"
                      r"|表示|说|說|指出|认为|認為|坦言|警告|预计|預估|预估|估计|估計|透露|报道|報導|估算|回應|追問|补充|補充|回憶|提醒|形容|称|稱|“|「|\"")
    NUMS = re.compile(r"\d|[一二两三四五六七八九十]成|倍|tenfold|twice|double|triple|half|四分之一|两千亿")
    review = []
    for a in arts.values():
        for k, (s, e) in enumerate(a["spans"]):
            if (a["name"], k) in by_sent:
                continue
            sent = a["body"][s:e]
            if VERB.search(sent) or NUMS.search(sent):
                review.append(f"{a['name']}: {sent[:90]}")

    print("articles:")
    for a in arts.values():
        print(f"  {a['name']:40s} {a['meta'].get('language'):8s} {a['size']:>16s}  {len(a['spans'])} sentences")
    named = sum(1 for l in labels if l["speaker"] and not l["speaker"].startswith("unnamed:"))
    unnamed = sum(1 for l in labels if l["speaker"] and l["speaker"].startswith("unnamed:"))
    narr = sum(1 for l in labels if l["speaker"] is None)
    print(f"labels: {len(labels)} ({named} named speaker, {unnamed} unnamed source, {narr} narration with figures), "
          f"{sum(len(l['figures']) for l in labels)} figures, {len(labelled)} distinct speakers")
    print(f"questions: {len(items)}; " + ", ".join(f"{c} {cats[c]}" for c in CATS)
          + f"; languages {dict(Counter(it['lang'] for it in items))}")
    print(f"unlabelled sentences with a speech verb, quote mark or number (review by hand): {len(review)}")
    for r in review:
        print("   ", r)
    if failures:
        print(f"FAIL {len(failures)} problem(s):")
        for f in failures:
            print("  -", f)
        sys.exit(1)
    print("OK all checks passed")


if __name__ == "__main__":
    main()
