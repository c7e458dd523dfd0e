"""merge_actors across articles, outlets and scripts, and the transliteration-aware matcher behind it."""

from __future__ import annotations

from briefing.models import Actor, Sentence
from briefing.nlp.actors.extract import extract_actors, merge_actors
from briefing.nlp.actors.known import lookup_arabic, name_skeleton, same_person
from briefing.nlp.text.sentences import split_spans

AR = "ومن المقرر أن يصل المبعوث الأممي الخاص إلى سورية غير بيدرسون إلى دمشق. وقال بيدرسون إن الحل سياسي."
EN = "U.N. envoy Geir Pedersen will arrive in Damascus on Sunday. Pedersen said Syria needed a solution."


def extract(text: str, lang: str) -> list[Actor]:
    sentences = [Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(split_spans(text))]
    return extract_actors(text, lang, sentences)


def test_pedersen_in_arabic_and_english_is_one_actor() -> None:
    merged = merge_actors([*extract(AR, "ar"), *extract(EN, "en")])
    people = [a for a in merged if a.kind == "person"]
    assert len(people) == 1
    pedersen = people[0]
    assert pedersen.name == "غير بيدرسون"  # the richest name of the first script met
    assert pedersen.name_latin == "Geir Pedersen"
    assert pedersen.key == "person:geir pedersen"
    assert {"بيدرسون", "Geir Pedersen", "Pedersen"} <= set(pedersen.aliases)
    assert pedersen.roles[0] == "المبعوث الأممي الخاص إلى سورية"
    assert "U.N. envoy" in pedersen.roles


def test_countries_and_places_merge_across_scripts() -> None:
    merged = merge_actors([*extract(AR, "ar"), *extract(EN, "en")])
    keys = [a.key for a in merged]
    assert keys.count("country:SY") == 1
    assert keys.count("place:p:damascus") == 1
    damascus = next(a for a in merged if a.key == "place:p:damascus")
    assert damascus.name == "دمشق" and "Damascus" in damascus.aliases


def test_unknown_names_merge_by_consonant_skeleton() -> None:
    ar = extract("وقال الباحث في معهد كارنيغي كريم سجادبور إن طهران حذرة.", "ar")
    en = extract(
        "Karim Sadjadpour, a senior fellow at the Carnegie Endowment, said Tehran was cautious.", "en"
    )
    merged = [a for a in merge_actors([*ar, *en]) if a.kind == "person"]
    assert len(merged) == 1
    assert merged[0].name == "كريم سجادبور"
    assert merged[0].name_latin == "Karim Sadjadpour"


def test_merge_keeps_different_people_apart() -> None:
    one = extract("وقال وزير الدفاع السوري علي عباس إن الجيش جاهز.", "ar")
    two = extract("وقال الرئيس الفلسطيني محمود عباس إن الشعب صامد.", "ar")
    people = [a for a in merge_actors([*one, *two]) if a.kind == "person"]
    assert {p.name for p in people} == {"علي عباس", "محمود عباس"}


def test_merge_is_by_key_and_unions_roles() -> None:
    first = extract("قال وزير الخارجية السوري فيصل المقداد إن دمشق منفتحة.", "ar")
    second = extract("واستقبل المقداد في دمشق السفير الإيراني.", "ar")
    third = extract("Syrian Foreign Minister Faisal Mekdad said Damascus was open to talks.", "en")
    people = [a for a in merge_actors([*first, *second, *third]) if a.kind == "person"]
    mekdad = next(p for p in people if p.key == "person:faisal mekdad")
    assert mekdad.name == "فيصل المقداد"
    assert mekdad.roles == ("وزير الخارجية", "Foreign Minister")


def test_skeletons() -> None:
    assert name_skeleton("بيدرسون") == name_skeleton("بيدرسن") == name_skeleton("Pedersen")
    assert (
        name_skeleton("فيصل المقداد") == name_skeleton("Faisal Mekdad") == name_skeleton("Faisal al-Mekdad")
    )
    assert name_skeleton("ألكسندر يفيموف") == name_skeleton("Alexander Efimov")
    assert same_person("بيدرسون", "Geir Pedersen")
    assert not same_person("علي عباس", "Mahmoud Abbas")


def test_table_lookup_through_an_unlisted_spelling() -> None:
    found = lookup_arabic(("غير", "بيدرسين"))
    assert found is not None and found.latin == "Geir Pedersen"
    assert lookup_arabic(("غير", "قانوني")) is None
