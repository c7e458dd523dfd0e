"""Scores the actor extractor as a named-entity recognizer: entity-level exact-match P/R/F1.

Run from the repository root:
    .venv/bin/python bench/ner.py [--splits train,val,test] [--set NAME] [--errors N] [--kind person]

Data sets:
- Wojood (../shared/corpora/wojood-sample/<split>.txt, real Arabic text, MIT licence): one `token TAG...` line
  per token, nested BIO columns. Gold entities are every PERS, ORG, GPE and LOC span of any column; GPE and
  LOC count as one location class (our `country` and `place`). Each sentence is analysed as its own article.
  Tune on `train` and `val`; `test` is for the score only.
- tests/data/ner_dev.json: news-style paragraphs written for this project with their annotated mentions;
  "dev" is the first set (mostly actors of the bilingual table), "dev hard" the paragraphs marked hard
  (persons not in the table, introduced with roles, met again by surname).

Matching is exact on [start, end) spans, with two span conventions forgiven, both reported: Wojood keeps a
proclitic inside some entities ("وسليمان أبو العز"; our mentions leave it out), and keeps some head words
inside (see HEADS_INSIDE). The "F1 strict" column counts neither, so what the conventions add is visible.

Baseline named in the same run: a gazetteer-only tagger (countries, places, organisations and the bilingual
table, no rules), to show what the rules add. The extractor runs without any downloaded model
(`backend=None`); when camel-tools' NER data is installed (`CAMELTOOLS_DATA`), rows "+ camel NER" are added.
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
from briefing.nlp.actors.extract import extract_actors  # noqa: E402
from briefing.nlp.actors.ner_camel import model_path  # noqa: E402
from briefing.nlp.text.sentences import split_spans  # noqa: E402

Span = tuple[int, int, str]
TYPES = {"PERS": "person", "ORG": "org", "GPE": "loc", "LOC": "loc"}
KIND_TYPE = {"person": "person", "org": "org", "country": "loc", "place": "loc"}
CLITICS = set("وفبلك")
# Span conventions where Wojood and our extractor differ by design (our mentions leave the head word out and
# report it as a role, or as what the name is; Wojood keeps it inside the entity). A prediction also matches a
# gold span that adds one or two of these words before it. Persons: royal and religious titles ("الملك
# حسين", "البابا فرنسيس", "الميجور صافي": every such case in train/val; "السيد", "الدكتور", "الحاج" stay
# outside in both).
# Organisations: the media head ("جريدة الكفاح", "إذاعة صوت فلسطين"). Locations: the place type ("مدينة جنين",
# "قضاء مدينة جنين", "العاصمة بلغراد").
HEADS_INSIDE = {
    "person": ("الملك", "الملكة", "البابا", "الميجور"),
    "org": ("صحيفة", "جريدة", "مجلة", "نشرة", "وكالة", "قناة", "إذاعة", "موقع", "شبكة", "تلفزيون"),
    "loc": ("مدينة", "قرية", "بلدة", "مخيم", "قضاء", "محافظة", "لواء", "العاصمة", "منطقة", "حي", "ولاية"),
}


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


def read_dev(path: Path, hard: bool | None = None) -> list[tuple[str, str, set[Span]]]:
    """(lang, text, gold) of the dev paragraphs; `hard` selects the hard ones (True), the others (False)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        (d["lang"], d["text"], {(e["start"], e["end"], KIND_TYPE[e["kind"]]) for e in d["entities"]})
        for d in data["paragraphs"]
        if hard is None or bool(d.get("hard")) == hard
    ]


def predict(text: str, lang: str, backend: object = None) -> set[Span]:
    sentences = [Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(split_spans(text))]
    found = extract_actors(text, lang, sentences, backend=backend)  # type: ignore[arg-type]
    return {(s, e, KIND_TYPE[a.kind]) for a in found for s, e in a.mentions}


def predict_camel(text: str, lang: str) -> set[Span]:
    return predict(text, lang, backend="auto")


def predict_gazetteer(text: str, lang: str) -> set[Span]:
    """Baseline: only what the tables name outright (no titles, no name rules, no later mentions)."""
    from briefing.nlp.actors.ar_scan import scan_arabic  # noqa: PLC0415
    from briefing.nlp.actors.ar_tables import scan_gazetteer, scan_known  # noqa: PLC0415
    from briefing.nlp.actors.en_scan import EnglishScan  # noqa: PLC0415

    if lang == "ar":
        finds = scan_arabic(text, [], None, rules=(scan_gazetteer, scan_known))
    else:
        en = EnglishScan(text, [], None)
        en.scan_known(multi=True)
        en.scan_gazetteer()
        en.scan_known(multi=False)
        finds = en.found
    return {(f.start, f.end, KIND_TYPE[f.kind]) for f in finds}


def _match(pred: Span, gold: set[Span], text: str, strict: bool = False) -> Span | None:
    if pred in gold or strict:
        return pred if pred in gold else None
    s, e, kind = pred
    for cut in (1, 2):
        g = (s - cut, e, kind)
        if g in gold and all(c in CLITICS for c in text[s - cut : s]):
            return g
    starts = {s}
    for _ in range(2):
        starts |= {
            a - len(head) - 1
            for a in starts
            for head in HEADS_INSIDE[kind]
            if text[a - len(head) - 1 : a] == head + " "
        }
    for a in sorted(starts, reverse=True):
        if a != s and (a, e, kind) in gold:
            return (a, e, kind)
    return None


Counts = dict[str, tuple[int, int, int, int]]
"""type -> (tp, predicted, gold, tp with strict spans)"""


def score(
    docs: list[tuple[str, str, set[Span]]],
    tagger: Callable[[str, str], set[Span]],
    errors: int = 0,
    kind: str = "person",
) -> tuple[Counts, float]:
    counts = {t: [0, 0, 0, 0] for t in ("person", "org", "loc")}
    shown = 0
    t0 = time.perf_counter()
    for lang, text, gold in docs:
        pred = tagger(text, lang)
        matched: set[Span] = set()
        for p in pred:
            counts[p[2]][1] += 1
            counts[p[2]][3] += p in gold
            g = _match(p, gold, text)
            if g is not None and g not in matched:
                matched.add(g)
                counts[p[2]][0] += 1
            elif shown < errors and p[2] == kind:
                shown += 1
                print(f"  FP {text[p[0] : p[1]]!r}  in  …{text[max(0, p[0] - 40) : p[1] + 30]}…")
        for g in gold:
            counts[g[2]][2] += 1
            if shown < errors and g not in matched and g[2] == kind:
                shown += 1
                print(f"  FN {text[g[0] : g[1]]!r}  in  …{text[max(0, g[0] - 40) : g[1] + 30]}…")
    elapsed = (time.perf_counter() - t0) / max(1, len(docs)) * 1000
    return {t: (c[0], c[1], c[2], c[3]) for t, c in counts.items()}, elapsed


def _f1(tp: int, pred: int, gold: int) -> float:
    return 2 * tp / (pred + gold) if pred + gold else 0.0


def _row(name: str, kind: str, c: tuple[int, int, int, int]) -> str:
    tp, pred, gold, strict = c
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return (
        f"| {name:<32} | {kind:<6} | {gold:>4} | {pred:>4} | {tp:>4} | {p:.3f} | {r:.3f} "
        f"| {_f1(tp, pred, gold):.3f} |     {_f1(strict, pred, gold):.3f} |"
    )


def data_sets(splits: list[str]) -> list[tuple[str, list[tuple[str, str, set[Span]]]]]:
    wojood = ROOT.parent / "shared" / "corpora" / "wojood-sample"
    sets = [(f"Wojood {s} (ar)", [("ar", t, g) for t, g in read_wojood(wojood / f"{s}.txt")]) for s in splits]
    dev_path = ROOT / "tests" / "data" / "ner_dev.json"
    if dev_path.exists():
        for hard, label in ((False, "dev"), (True, "dev hard")):
            dev = read_dev(dev_path, hard)
            for lang in ("ar", "en"):
                sets.append((f"{label} ({lang})", [d for d in dev if d[0] == lang]))
    return sets


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--splits", default="train,val,test", help="Wojood splits, comma-separated")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of one type per data set")
    ap.add_argument("--kind", default="person", choices=("person", "org", "loc"), help="type for --errors")
    ap.add_argument("--set", dest="only", help="only the data sets whose name contains this")
    args = ap.parse_args()
    splits = [s for s in args.splits.split(",") if s]
    assert set(splits) <= {"train", "val", "test"}, splits
    extract_actors("تمهيد", "ar", [], backend=None)  # build the tables once, outside the timings
    extract_actors("Minister of Water Sam Doe said.", "en", [], backend=None)  # and English wordfreq
    taggers: list[tuple[str, Callable[[str, str], set[Span]]]] = [("", predict)]
    if model_path() is not None:
        taggers.append((" + camel NER", predict_camel))
    print(f"| {'data set':<32} | type   | gold | pred |   tp |     P |     R |    F1 | F1 strict |")
    print(f"|{'-' * 34}|--------|------|------|------|-------|-------|-------|-----------|")
    timings: list[str] = []
    for name, docs in data_sets(splits):
        if args.only and args.only not in name:
            continue
        runs = [*taggers]
        if name.startswith(("Wojood test", "dev (")):
            runs.append((" [gazetteer only]", predict_gazetteer))
        for label, tagger in runs:
            counts, ms = score(docs, tagger, args.errors if not label else 0, args.kind)
            for kind in ("person", "org", "loc"):
                print(_row(name + label, kind, counts[kind]))
            timings.append(f"{name}{label}: {len(docs)} texts, {ms:.2f} ms per text")
    print()
    print("\n".join(timings))


if __name__ == "__main__":
    main()
