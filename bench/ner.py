"""Scores the actor extractor as a named-entity recognizer: entity-level exact-match P/R/F1.

Run from the repository root:  .venv/bin/python bench/ner.py [--split test|val|train] [--errors N]

Two data sets:
- Wojood (../shared/corpora/wojood-sample/<split>.txt, real Arabic text, MIT licence): one `token TAG...`
line per
  token, nested BIO columns. Gold entities are every PERS, ORG, GPE and LOC span of any column; GPE and LOC
  count as
  one location class (our `country` and `place`). Each sentence is analysed as its own article. Wojood
  sometimes
  keeps a proclitic inside the entity ("وسليمان أبو العز") and our mentions leave it out by design, so a
  span that
  differs from the gold one only by a leading و/ف/ب/ل/ك is counted as exact. The default split is `test`:
  it is
  for scoring only; tune on `train`/`val`.
- tests/data/ner_dev.json: paragraphs written for this project with their annotated mentions.

Baseline named in the same run: a gazetteer-only tagger (countries, places, organisations and the bilingual
table,
no rules), to show what the rules add.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.models import Sentence  # noqa: E402
from briefing.nlp.actors import extract_actors  # noqa: E402
from briefing.nlp.text import split_spans  # noqa: E402

Span = tuple[int, int, str]
TYPES = {"PERS": "person", "ORG": "org", "GPE": "loc", "LOC": "loc"}
KIND_TYPE = {"person": "person", "org": "org", "country": "loc", "place": "loc"}
CLITICS = set("وفبلك")


def read_wojood(path: Path) -> list[tuple[str, set[Span]]]:
    """Sentences as (text, gold spans)."""
    docs: list[tuple[str, set[Span]]] = []
    rows: list[list[str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            rows.append(line.split())
            continue
        if not rows:
            continue
        rows = [r for r in rows if r[0] != "$#$"]
        text, offsets, pos = [], [], 0
        for r in rows:
            offsets.append((pos, pos + len(r[0])))
            text.append(r[0])
            pos += len(r[0]) + 1
        gold: set[Span] = set()
        width = max(len(r) for r in rows)
        for col in range(1, width):
            start: int | None = None
            kind = ""
            for i, r in enumerate([*rows, ["", "O"]]):
                tag = r[col] if col < len(r) else "O"
                if start is not None and not (tag.startswith("I-") and tag[2:] == kind):
                    if kind in TYPES:
                        gold.add((offsets[start][0], offsets[i - 1][1], TYPES[kind]))
                    start = None
                if tag.startswith("B-"):
                    start, kind = i, tag[2:]
        docs.append((" ".join(text), gold))
        rows = []
    return docs


def read_dev(path: Path) -> list[tuple[str, str, set[Span]]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        (d["lang"], d["text"], {(e["start"], e["end"], KIND_TYPE[e["kind"]]) for e in d["entities"]})
        for d in data["paragraphs"]
    ]


def predict(text: str, lang: str) -> set[Span]:
    sentences = [Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(split_spans(text))]
    return {(s, e, KIND_TYPE[a.kind]) for a in extract_actors(text, lang, sentences) for s, e in a.mentions}


def predict_gazetteer(text: str, lang: str) -> set[Span]:
    """Baseline: only what the tables name outright (no titles, no name rules, no later mentions)."""
    from briefing.nlp.actors_ar import ArabicScan  # noqa: PLC0415
    from briefing.nlp.actors_en import EnglishScan  # noqa: PLC0415

    if lang == "ar":
        ar = ArabicScan(text, [], None)
        ar.scan_gazetteer()
        ar.scan_known()
        finds = ar.found
    else:
        en = EnglishScan(text, [], None)
        en.scan_known(multi=True)
        en.scan_gazetteer()
        en.scan_known(multi=False)
        finds = en.found
    return {(f.start, f.end, KIND_TYPE[f.kind]) for f in finds}


def _match(pred: Span, gold: set[Span], text: str) -> Span | None:
    if pred in gold:
        return pred
    s, e, kind = pred
    for cut in (1, 2):
        g = (s - cut, e, kind)
        if g in gold and all(c in CLITICS for c in text[s - cut : s]):
            return g
    return None


def score(
    docs: list[tuple[str, str, set[Span]]], tagger: Callable[[str, str], set[Span]], errors: int = 0
) -> tuple[dict[str, tuple[int, int, int]], float]:
    counts = {t: [0, 0, 0] for t in ("person", "org", "loc")}  # tp, pred, gold
    shown = 0
    t0 = time.perf_counter()
    for lang, text, gold in docs:
        pred = tagger(text, lang)
        matched: set[Span] = set()
        for p in pred:
            counts[p[2]][1] += 1
            g = _match(p, gold, text)
            if g is not None and g not in matched:
                matched.add(g)
                counts[p[2]][0] += 1
            elif errors and shown < errors and p[2] == "person":
                shown += 1
                print(f"  FP {text[p[0] : p[1]]!r}  in  …{text[max(0, p[0] - 40) : p[1] + 30]}…")
        for g in gold:
            counts[g[2]][2] += 1
            if errors and shown < errors and g not in matched and g[2] == "person":
                shown += 1
                print(f"  FN {text[g[0] : g[1]]!r}  in  …{text[max(0, g[0] - 40) : g[1] + 30]}…")
    elapsed = (time.perf_counter() - t0) / max(1, len(docs)) * 1000
    return {t: (c[0], c[1], c[2]) for t, c in counts.items()}, elapsed


def _row(name: str, kind: str, c: tuple[int, int, int]) -> str:
    tp, pred, gold = c
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"| {name:<26} | {kind:<6} | {gold:>4} | {pred:>4} | {tp:>4} | {p:.3f} | {r:.3f} | {f:.3f} |"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="test", choices=("test", "val", "train"))
    ap.add_argument("--errors", type=int, default=0, help="print up to N person errors per data set")
    args = ap.parse_args()
    wojood_path = ROOT.parent / "shared" / "corpora" / "wojood-sample" / f"{args.split}.txt"
    dev_path = ROOT / "tests" / "data" / "ner_dev.json"
    extract_actors("تمهيد", "ar", [])  # build the tables once, outside the timings
    extract_actors("Warm-up.", "en", [])
    sets: list[tuple[str, list[tuple[str, str, set[Span]]]]] = [
        (f"Wojood {args.split} (ar)", [("ar", t, g) for t, g in read_wojood(wojood_path)]),
    ]
    if dev_path.exists():
        dev = read_dev(dev_path)
        sets.append(("dev set (ar)", [d for d in dev if d[0] == "ar"]))
        sets.append(("dev set (en)", [d for d in dev if d[0] == "en"]))
    print("| data set                   | type   | gold | pred |   tp |     P |     R |    F1 |")
    print("|----------------------------|--------|------|------|------|-------|-------|-------|")
    timings: list[str] = []
    for name, docs in sets:
        for label, tagger in (("", predict), (" [gazetteer only]", predict_gazetteer)):
            counts, ms = score(docs, tagger, args.errors if not label else 0)
            for kind in ("person", "org", "loc"):
                print(_row(name + label, kind, counts[kind]))
            timings.append(f"{name}{label}: {len(docs)} texts, {ms:.2f} ms per text")
    print()
    print("\n".join(timings))


if __name__ == "__main__":
    main()
