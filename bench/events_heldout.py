"""Scores the upcoming-event extractor on the held-out set (tests/data/events_heldout.json) through the
real pipeline: `briefing.nlp.analyze.analyze(text, published, title=...)`, as `briefing.pipeline` calls it
(language detected, furniture stripped, actors extracted, then events).

Run as `.venv/bin/python bench/events_heldout.py [--set heldout|dev] [--lang xx]`. Scoring follows
bench/events.py: an extracted event matches an expected one of the same paragraph on its start date (each
expected event matched at most once). Printed per language and overall: precision, recall, F1, end-date
accuracy over matched events (kind and status accuracy too, for information), then every miss (FN), false
positive (FP) and end-date error (END) with the paragraph id.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from briefing.models import Event
from briefing.nlp.analyze import analyze

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))  # bench/scoring.py, also when this file is loaded by path

from scoring import PRF  # noqa: E402

DATA = BENCH.parent / "tests" / "data"
SETS = {"heldout": DATA / "events_heldout.json", "dev": DATA / "events_dev.json"}


@dataclass
class Tally(PRF):
    tp: int = 0
    fp: int = 0
    fn: int = 0
    end_ok: int = 0
    kind_ok: int = 0
    status_ok: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.end_ok += other.end_ok
        self.kind_ok += other.kind_ok
        self.status_ok += other.status_ok
        self.errors.extend(other.errors)


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _got(e: Event) -> str:
    return (
        f"{e.start} end {e.end} {e.kind}/{e.status} prec={e.precision} date_text={e.date_text!r} "
        f"trigger={e.trigger!r}"
    )


def score_item(item: dict[str, Any]) -> tuple[Tally, str]:
    published = datetime.fromisoformat(item["published"])
    analysis = analyze(item["text"], published, title=item.get("title", ""))
    t = Tally()
    iid = item["id"]
    expected = list(item["events"])
    for event in analysis.events:
        match = next((e for e in expected if date.fromisoformat(e["start"]) == event.start), None)
        if match is None:
            t.fp += 1
            t.errors.append(f"FP  {iid}: got {_got(event)} | summary {event.summary!r}")
            continue
        expected.remove(match)
        t.tp += 1
        want_end = _d(match["end"])
        t.end_ok += event.end == want_end
        t.kind_ok += event.kind == match["kind"]
        t.status_ok += event.status == match["status"]
        if event.end != want_end:
            t.errors.append(f"END {iid}: {event.start} got end {event.end}, want {want_end} ({_got(event)})")
    for e in expected:
        t.fn += 1
        t.errors.append(f"FN  {iid}: want {e['start']} end {e['end']} {e['kind']}/{e['status']}")
    return t, analysis.lang


def report(name: str, t: Tally, n_items: int) -> None:
    print(
        f"[{name}] {n_items} paragraphs, {t.tp + t.fn} expected events, {t.tp + t.fp} extracted: "
        f"TP {t.tp} FP {t.fp} FN {t.fn}"
    )
    print(f"[{name}] precision {t.precision:.3f}  recall {t.recall:.3f}  F1 {t.f1:.3f}")
    if t.tp:
        print(
            f"[{name}] over {t.tp} matched: end-date accuracy {t.end_ok / t.tp:.3f}  "
            f"(kind {t.kind_ok / t.tp:.3f}, status {t.status_ok / t.tp:.3f})"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=sorted(SETS), default="heldout")
    ap.add_argument("--lang", choices=["ar", "en"], default=None, help="only this language")
    args = ap.parse_args()
    items: list[dict[str, Any]] = json.loads(SETS[args.set].read_text(encoding="utf-8"))["items"]
    if args.lang:
        items = [i for i in items if i["lang"] == args.lang]
    per_lang: dict[str, Tally] = {}
    counts: dict[str, int] = {}
    for item in items:
        t, detected = score_item(item)
        if detected != item["lang"]:
            t.errors.append(f"LANG {item['id']}: detected {detected!r}, annotated {item['lang']!r}")
        per_lang.setdefault(item["lang"], Tally()).add(t)
        counts[item["lang"]] = counts.get(item["lang"], 0) + 1
    overall = Tally()
    for lang in sorted(per_lang):
        overall.add(per_lang[lang])
    print(f"set: {args.set} ({SETS[args.set].name}), scored through briefing.nlp.analyze.analyze()")
    report("overall", overall, len(items))
    for lang in sorted(per_lang):
        report(lang, per_lang[lang], counts[lang])
    for lang in sorted(per_lang):
        errs = per_lang[lang].errors
        print(f"\nerrors [{lang}] ({len(errs)}):")
        for line in errs:
            print("  " + line)


if __name__ == "__main__":
    main()
