"""The name rules added for real news text: initials, conjoined portfolios, common-word surnames after a
title, appositions, speakers, lone names where only a person fits, foreign names that look like Arabic words,
places after a place-type head, and their English counterparts."""

from __future__ import annotations

import pytest

from briefing.models import Actor, Sentence
from briefing.nlp.actors import extract_actors
from briefing.nlp.text import split_spans


def actors(text: str, lang: str = "ar") -> list[Actor]:
    sentences = [Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(split_spans(text))]
    return extract_actors(text, lang, sentences, backend=None)


def persons(text: str, lang: str = "ar") -> dict[str, Actor]:
    return {a.name: a for a in actors(text, lang) if a.kind == "person"}


def spans(text: str, actor: Actor) -> list[str]:
    return [text[s:e] for s, e in actor.mentions]


@pytest.mark.parametrize(
    "text",
    ["وكتب الباحث جون ك. ستيوارت أن الأزمة طويلة.", "وكتب الباحث جون ك . ستيوارت أن الأزمة طويلة ."],
)
def test_an_initial_never_ends_the_name_or_the_sentence(text: str) -> None:
    assert [n.replace(" .", ".") for n in persons(text)] == ["جون ك. ستيوارت"]


def test_conjoined_portfolio_stays_in_the_title() -> None:
    found = persons("استقبل وزير الخارجية والمغتربين السوري أسعد الشيباني وفداً أوروبياً.")
    assert found["أسعد الشيباني"].roles == ("وزير الخارجية والمغتربين",)
    found = persons("وقالت وزيرة الثقافة والشباب الأردنية هيفاء النجار إن المهرجان ناجح.")
    assert found["هيفاء النجار"].roles == ("وزيرة الثقافة والشباب",)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال اللواء يحيى رسول إن العملية نجحت.", "يحيى رسول"),
        ("وأكد النائب علي حرب أن الجلسة تأجلت.", "علي حرب"),
        ("وقال رئيس البلدية تيسير أبو سنينة إن الطرق مغلقة.", "تيسير أبو سنينة"),
    ],
)
def test_a_common_word_surname_after_a_title_and_a_given_name(text: str, name: str) -> None:
    assert list(persons(text)) == [name]


def test_a_surname_after_a_title_does_not_swallow_the_next_noun() -> None:
    assert list(persons("ويشغل الدكتور قسيس منصب رئيس الجامعة.")) == ["قسيس"]


def test_apposition_name_first_takes_the_title() -> None:
    text = (
        "وقال خيرت كابالاري، المدير الإقليمي لليونيسف، إن الأطفال يدفعون الثمن. "
        "وأضاف كابالاري أن التمويل نقص."
    )
    found = persons(text)
    assert list(found) == ["خيرت كابالاري"]
    assert found["خيرت كابالاري"].roles == ("المدير الإقليمي لليونيسف",)
    assert spans(text, found["خيرت كابالاري"]) == ["خيرت كابالاري", "كابالاري"]


def test_a_speaker_after_a_verb_of_saying() -> None:
    assert list(persons('وتضيف ميلر: "لقد كانت ولادة معقدة".')) == ["ميلر"]
    assert persons("وأضاف مصدر: لا تعليق.") == {}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وصلت زوجة فاخر إلى المحكمة.", "فاخر"),
        ("يجلس كريم مع صديقه عوض في المقهى.", "كريم"),
        ("عماد يرتبك ويخفي الورقة.", "عماد"),
    ],
)
def test_a_lone_given_name_where_only_a_person_fits(text: str, name: str) -> None:
    assert name in persons(text)


def test_a_lone_given_name_that_is_also_a_word_stays_a_word() -> None:
    assert persons("استقبلهم رجل كريم في بيته.") == {}
    assert persons("يجب على الولايات المتحدة أن تنسق مع حلفائها.") == {}


def test_a_name_ends_before_a_verb_or_a_pronoun_suffix() -> None:
    assert list(persons("المرأة: شد يا عاطف بدنا نرجع.")) == ["عاطف"]
    assert list(persons("منال تغسل يديها بهدوء.")) == ["منال"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وبحث المبعوث الأممي ستافان دي ميستورا الملف في الجزائر.", "ستافان دي ميستورا"),
        ("والتقى السفيرة الأمريكية ألينا رومانوسكي في أربيل.", "ألينا رومانوسكي"),
        ("وحذر المفوض الأوروبي لإدارة الأزمات يانيز لينارتشيتش من نقص التمويل.", "يانيز لينارتشيتش"),
        ("وقال روبرت ويلت، الرئيس التنفيذي للشركة، إن الإنتاج ارتفع.", "روبرت ويلت"),
    ],
)
def test_foreign_names_that_look_like_arabic_words(text: str, name: str) -> None:
    assert list(persons(text)) == [name]


def test_and_plus_a_word_is_not_a_foreign_name() -> None:
    assert list(persons("وحضر الاجتماع سركيس نعوم وممثلون عن النقابات.")) == ["سركيس نعوم"]


def test_places_after_a_place_type_head() -> None:
    text = "اقتحمت القوات مخيم الجلزون وقرية كفر عانة، ثم انسحبت إلى مدينة جنين."
    places = {a.name: a for a in actors(text) if a.kind == "place"}
    assert {"مخيم الجلزون", "قرية كفر عانة", "جنين"} <= set(places)
    assert not any(a.kind == "person" for a in actors("صور من مقبرة قرية دير ياسين."))


def test_royal_and_firm_titles() -> None:
    assert list(persons("زار المقام الشيخ عوض.")) == ["عوض"]
    assert list(persons("أرض مسجلة للسيد رزق خاطر من البلدة.")) == ["رزق خاطر"]
    assert persons("أصبحت الحاجة أكبر من أي وقت مضى.") == {}


# --- English ------------------------------------------------------------------------------------------------


def test_english_title_with_an_of_portfolio() -> None:
    found = persons("Jordan's Minister of Water and Irrigation Raed Abu Al-Soud warned of drought.", "en")
    assert list(found) == ["Raed Abu Al-Soud"]
    assert found["Raed Abu Al-Soud"].roles == ("Minister of Water and Irrigation",)


def test_english_name_then_title_and_title_comma_name() -> None:
    text = "Safeen Dizayee, head of the department, said talks went well. Dizayee added more."
    found = persons(text, "en")
    assert list(found) == ["Safeen Dizayee"] and spans(text, found["Safeen Dizayee"])[1] == "Dizayee"
    text = "Oman's central bank governor, Tahir bin Salim al-Amri, said inflation was low. Amri added more."
    found = persons(text, "en")
    assert list(found) == ["Tahir bin Salim al-Amri"]
    assert spans(text, found["Tahir bin Salim al-Amri"]) == ["Tahir bin Salim al-Amri", "Amri"]


def test_english_counterpart_introduces_a_name() -> None:
    found = persons("Bayraktar met his Iraqi counterpart Hayan Abdul-Ghani in Ankara.", "en")
    assert found["Hayan Abdul-Ghani"].roles == ()
    assert found["Hayan Abdul-Ghani"].affiliation == "Iraq"
