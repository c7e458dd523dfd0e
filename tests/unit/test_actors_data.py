"""The tables behind the extractor (CLDR through babel, hand-kept TSVs), the annotated dev set, and quality
floors on the dev set and the Wojood validation split (bench/ner.py prints the full table, test split too)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

from briefing.nlp.actors.gazetteer import ar_phrase, en_phrase, tables
from briefing.nlp.actors.known import table
from briefing.nlp.text.arabic import normalize

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "tests" / "data" / "ner_dev.json"
WOJOOD = ROOT.parent / "shared" / "corpora" / "wojood-sample"


def _bench() -> ModuleType:
    sys.path.insert(0, str(ROOT / "bench"))
    import ner  # noqa: PLC0415

    module: ModuleType = ner
    return module


def test_tables_are_built_once() -> None:
    assert tables() is tables()
    assert table() is table()


def test_cldr_and_hand_kept_names() -> None:
    t = tables()
    assert t.ar_phrases[ar_phrase("سورية")] == t.ar_phrases[ar_phrase("سوريا")] == "SY"
    assert t.ar_phrases[ar_phrase("الولايات المتحدة")] == "US"
    assert t.en_phrases[en_phrase("Syria")] == "SY"
    assert t.entries[t.ar_phrases[ar_phrase("طهران")]].kind == "place"  # a CLDR time-zone city
    assert t.entries[t.ar_phrases[ar_phrase("الموصل")]].kind == "place"  # a hand-kept city
    assert ar_phrase("العيون") not in t.ar_phrases  # a CLDR city that is also a common word ("the eyes")
    assert ar_phrase("الشرق الأوسط") in t.ar_headed  # the newspaper after a media head
    assert t.ar_demonyms[(normalize("الأممي"),)] == "o:un"
    assert t.ar_demonyms[(normalize("الأميركية"),)] == t.ar_demonyms[(normalize("الأمريكي"),)] == "US"


def test_known_actor_table() -> None:
    people = table().people
    assert len(people) >= 250
    for person in people:
        assert person.kind == "person"
        assert person.affiliation in tables().entries, person.latin
        arabic = [any("\u0600" <= ch <= "\u06ff" for ch in form) for form in person.arabic_forms]
        assert all(arabic), person.latin


def test_dev_set_is_consistent() -> None:
    data = json.loads(DEV.read_text(encoding="utf-8"))
    assert "written for" in data["note"].casefold()
    paragraphs = data["paragraphs"]
    assert sum(p["lang"] == "ar" for p in paragraphs) >= 40
    assert sum(p["lang"] == "en" for p in paragraphs) >= 15
    for p in paragraphs:
        assert p["entities"], p["id"]
        for e in p["entities"]:
            assert p["text"][e["start"] : e["end"]] == e["text"], p["id"]
            assert e["kind"] in ("person", "org", "country", "place")


def _person_f1(docs: list[tuple[str, str, set[tuple[int, int, str]]]]) -> float:
    ner = _bench()
    counts, _ = ner.score(docs, ner.predict)
    tp, pred, gold, _strict = counts["person"]
    return float(2 * tp / (pred + gold))


def test_dev_set_person_f1() -> None:
    docs = _bench().read_dev(DEV, hard=False)
    for lang in ("ar", "en"):
        f1 = _person_f1([d for d in docs if d[0] == lang])
        assert f1 >= 0.9, (lang, f1)


def test_hard_dev_set_person_f1() -> None:
    """Persons not in the known-actor table, introduced with roles: the goal is 0.85 (bench/ner.py)."""
    docs = _bench().read_dev(DEV, hard=True)
    assert len(docs) >= 15
    assert {d[0] for d in docs} == {"ar", "en"}
    assert _person_f1(docs) >= 0.9


@pytest.mark.skipif(not WOJOOD.exists() and not os.environ.get("CI"), reason="shared/corpora is not present")
def test_wojood_validation_person_f1_floor() -> None:
    docs = [("ar", text, gold) for text, gold in _bench().read_wojood(WOJOOD / "val.txt")]
    assert _person_f1(docs) >= 0.85


def test_hard_dev_persons_are_not_in_the_known_actor_table() -> None:
    """The hard set measures the rules, not the table: none of its full names is a table form."""
    from briefing.nlp.actors.known import lookup_arabic, lookup_latin  # noqa: PLC0415

    data = json.loads(DEV.read_text(encoding="utf-8"))
    for p in data["paragraphs"]:
        if not p.get("hard"):
            continue
        for e in p["entities"]:
            words = tuple(e["text"].split())
            if e["kind"] != "person" or len(words) < 2:
                continue
            if p["lang"] == "ar":
                assert lookup_arabic(tuple(normalize(w) for w in words)) is None, e["text"]
            else:
                assert lookup_latin(words) is None, e["text"]
