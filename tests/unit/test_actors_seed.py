"""The seed article end to end: exactly the nine persons of seed_gold.json, with their titles and
affiliations, merged aliases and counted mentions, and the gold organisations, countries and places."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefing.models import Actor, Sentence
from briefing.nlp.actors.extract import extract_actors
from briefing.nlp.text.arabic import normalize
from briefing.nlp.text.prepare import prepare
from briefing.nlp.text.sentences import split_spans

# ../shared/seed from the repository root
SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed"

pytestmark = pytest.mark.skipif(
    not SEED.exists() and not os.environ.get("CI"), reason="shared/seed is not next to the repository"
)

# name -> (roles, affiliation), the gold's English roles as the article writes them.
EXPECTED = {
    "علي عباس": (("وزير الدفاع",), "سورية"),
    "حميد رضا أشتياني": (("وزير الدفاع",), "إيران"),
    "غير بيدرسون": (("المبعوث الأممي الخاص إلى سورية",), "الأمم المتحدة"),
    "فيصل المقداد": (("وزير الخارجية",), "سورية"),
    "ألكسندر يفيموف": (("السفير الروسي في دمشق", "الممثل الخاص للرئيس الروسي بسورية"), "روسيا"),
    "حسين أكبري": (("السفير الإيراني في سورية",), "إيران"),
    "بوراك أكجابار": (("نائب وزير الخارجية",), "تركيا"),
    "ميخائيل غالوزين": (("نائب وزير الخارجية",), "روسيا"),
    "أونجو كيتشالي": (("المتحدث باسم الخارجية التركية",), "تركيا"),
}


@pytest.fixture(scope="module")
def seed() -> tuple[str, list[Actor]]:
    raw = (SEED / "000_2691c3d6e140cbfc.txt").read_text(encoding="utf-8")
    body = prepare(raw).body
    sentences = [Sentence(i, a, b, body[a:b]) for i, (a, b) in enumerate(split_spans(body))]
    return body, extract_actors(body, "ar", sentences, author="محمد كركص")


def _by_name(actors: list[Actor]) -> dict[str, Actor]:
    return {a.name: a for a in actors}


def test_exactly_the_nine_gold_persons(seed: tuple[str, list[Actor]]) -> None:
    _, actors = seed
    persons = [a.name for a in actors if a.kind == "person"]
    assert sorted(persons) == sorted(EXPECTED)
    gold = json.loads((SEED / "seed_gold.json").read_text(encoding="utf-8"))
    gold_persons = {a["name_as_written"] for a in gold["actors"] if a["kind"] == "person"}
    assert set(persons) == gold_persons


@pytest.mark.parametrize("name", list(EXPECTED))
def test_roles_and_affiliations(seed: tuple[str, list[Actor]], name: str) -> None:
    actor = _by_name(seed[1])[name]
    roles, affiliation = EXPECTED[name]
    assert actor.roles == roles
    assert actor.affiliation == affiliation


def test_no_author_credit_or_false_friend(seed: tuple[str, list[Actor]]) -> None:
    _, actors = seed
    names = " ".join(a.name for a in actors) + " ".join(al for a in actors for al in a.aliases)
    assert "كركص" not in names
    assert "Getty" not in names
    assert not any("قانوني" in a.name for a in actors)


def test_pedersen_forms_merged(seed: tuple[str, list[Actor]]) -> None:
    body, actors = seed
    pedersen = _by_name(actors)["غير بيدرسون"]
    assert pedersen.name_latin == "Geir Pedersen"
    assert pedersen.key == "person:geir pedersen"
    assert "بيدرسون" in pedersen.aliases
    assert [body[s:e] for s, e in pedersen.mentions] == ["غير بيدرسون", "بيدرسون"]


def test_short_forms_join_the_full_name(seed: tuple[str, list[Actor]]) -> None:
    body, actors = seed
    ashtiani = _by_name(actors)["حميد رضا أشتياني"]
    assert ashtiani.aliases == ("رضا أشتياني",)
    assert len(ashtiani.mentions) == 2
    abbas = _by_name(actors)["علي عباس"]
    assert [body[s:e] for s, e in abbas.mentions] == ["علي عباس", "عباس", "عباس"]


def test_gold_organisations_countries_places(seed: tuple[str, list[Actor]]) -> None:
    _, actors = seed
    gold = json.loads((SEED / "seed_gold.json").read_text(encoding="utf-8"))
    kinds = {normalize(a.name): a.kind for a in actors}
    for item in gold["actors"]:
        if item["kind"] != "person":
            assert kinds.get(normalize(item["name_as_written"])) == item["kind"], item["name_as_written"]


def test_syria_is_one_country_with_every_mention(seed: tuple[str, list[Actor]]) -> None:
    body, actors = seed
    syria = [a for a in actors if a.key == "country:SY"]
    assert len(syria) == 1
    assert syria[0].name == "سورية"
    assert len(syria[0].mentions) == body.count("سورية")  # including "بسورية"
    assert all(body[s:e] == "سورية" for s, e in syria[0].mentions)


def test_order_and_offsets(seed: tuple[str, list[Actor]]) -> None:
    body, actors = seed
    order = {"person": 0, "org": 1, "country": 2, "place": 3}
    assert [order[a.kind] for a in actors] == sorted(order[a.kind] for a in actors)
    for a in actors:
        forms = {normalize(a.name), *(normalize(x) for x in a.aliases)}
        for s, e in a.mentions:
            assert normalize(body[s:e]) in forms
    persons = [a for a in actors if a.kind == "person"]
    assert [p.mentions[0][0] for p in persons] == sorted(p.mentions[0][0] for p in persons)
