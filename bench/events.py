"""Scores the upcoming-event extractor on the hand-written dev set (tests/data/events_dev.json).

Run as `.venv/bin/python bench/events.py [-v]`. An extracted event matches an expected one of the same
paragraph on its start date (each expected event matched at most once); the script prints precision,
recall and F1 over events, end-date accuracy and kind accuracy over matched events, and the time per
paragraph against a baseline measured in the same run (normalizing the same text, which every analyzer
pays anyway).
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from briefing.models import Event, Sentence
from briefing.nlp.events.extract import extract_events
from briefing.nlp.text.arabic import normalize_with_map
from briefing.nlp.text.sentences import split_spans

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))  # bench/scoring.py, also when this file is loaded by path (tests)

from scoring import PRF  # noqa: E402

DEV = BENCH.parent / "tests" / "data" / "events_dev.json"


@dataclass(frozen=True)
class Scores(PRF):
    tp: int
    fp: int
    fn: int
    end_ok: int
    kind_ok: int


def load(path: Path = DEV) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["items"]
    return items


def run_item(item: dict[str, Any]) -> list[Event]:
    text: str = item["text"]
    sentences = [Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(split_spans(text))]
    return extract_events(text, sentences, [], datetime.fromisoformat(item["published"]), item["lang"])


def score(items: list[dict[str, Any]], verbose: bool = False) -> Scores:
    tp = fp = fn = end_ok = kind_ok = 0
    for item in items:
        got = run_item(item)
        expected = list(item["events"])
        for event in got:
            match = next((e for e in expected if date.fromisoformat(e["start"]) == event.start), None)
            if match is None:
                fp += 1
                if verbose:
                    print(
                        f"FP {item['id']}: {event.start} {event.kind} {event.date_text!r} {event.summary!r}"
                    )
                continue
            expected.remove(match)
            tp += 1
            want_end = date.fromisoformat(match["end"]) if match["end"] else None
            end_ok += event.end == want_end
            kind_ok += event.kind == match["kind"]
            if verbose and (event.end != want_end or event.kind != match["kind"]):
                print(
                    f"~  {item['id']}: {event.start} end {event.end} (want {want_end}) kind {event.kind} "
                    f"(want {match['kind']})"
                )
        fn += len(expected)
        if verbose:
            for e in expected:
                print(f"FN {item['id']}: {e['start']} {e['kind']}")
    return Scores(tp, fp, fn, end_ok, kind_ok)


def main() -> None:
    items = load()
    verbose = "-v" in sys.argv[1:]
    s = score(items, verbose)
    print(f"dev set: {len(items)} paragraphs, {s.tp + s.fn} expected events, {s.tp + s.fp} extracted")
    print(f"event precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}")
    if s.tp:
        print(
            f"end-date accuracy over matched events {s.end_ok / s.tp:.3f}  "
            f"kind accuracy {s.kind_ok / s.tp:.3f}"
        )
    rounds = 20
    t0 = time.perf_counter()
    for _ in range(rounds):
        for item in items:
            normalize_with_map(item["text"])
    base = (time.perf_counter() - t0) / (rounds * len(items))
    t0 = time.perf_counter()
    for _ in range(rounds):
        for item in items:
            run_item(item)
    per = (time.perf_counter() - t0) / (rounds * len(items))
    print(
        f"time per paragraph {per * 1000:.2f} ms = {per / base:.1f}x the baseline (normalize_with_map alone)"
    )


if __name__ == "__main__":
    main()
