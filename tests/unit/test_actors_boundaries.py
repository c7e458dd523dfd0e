"""Tests the Arabic name boundaries and lone words learned from real news: a name ends before an accusative,
a verbal noun behind a clitic, a word with a pronoun, a derived definite noun; verbs, adjectives, ordinals and
second titles are no persons; one person is one actor whatever the spelling of the particle."""

from __future__ import annotations

import pytest

from briefing.models import Actor, Sentence
from briefing.nlp.actors.extract import extract_actors
from briefing.nlp.text.sentences import split_spans


def persons(text: str) -> dict[str, Actor]:
    plain = [Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(split_spans(text))]
    return {a.name: a for a in extract_actors(text, "ar", plain, author=None) if a.kind == "person"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وعقد وزير الخارجية الأمريكي جون كيري اجتماعا مع الوفد أمس .", "جون كيري"),
        ("وألقى الرئيس الأمريكي باراك أوباما خطابًا في الجامعة .", "باراك أوباما"),
        ("وسعى رئيس الوزراء بنيامين نتنياهو لتجييش النواب ضد الاتفاق .", "بنيامين نتنياهو"),
        ("وأدلى وزير الطاقة إرنست مونيز بشهادته أمام اللجنة .", "إرنست مونيز"),
        ("وشارك وزير الخارجية جون كيري المنعقد أمس في الاجتماع .", "جون كيري"),
        ("ودعا وزير الخارجية جون كيري التحاور بين الطرفين .", "جون كيري"),
    ],
)
def test_a_name_ends_before_what_the_sentence_says_next(text: str, name: str) -> None:
    assert list(persons(text)) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "وقال إن النزاعات قد تصبح أكبر في العام المقبل .",  # a copula's predicate
        "وقال إن تصنيفه معروف ومخيماته محددة .",  # a verbal noun with a pronoun is no verb
        "وهذا يزيد من التفاؤل بين الشعبين .",  # an imperfect verb that is also a given name
        "يشار إلى أن الوزير أكد ذلك في الاجتماع .",
        "ويدرس الطلاب في جو آمن ومريح .",  # a given name that is an everyday word
        "وهذا مؤشر نادر على التعاون بين البلدين .",
        "وكان في استقبال ولي العهد النائب الثاني لرئيس مجلس الوزراء .",  # an ordinal of the title
        "وقال مسؤولون أمريكيون إن الاجتماع مهم .",  # a plural noun and a demonym
    ],
)
def test_verbs_adjectives_and_plurals_are_no_persons(text: str) -> None:
    assert list(persons(text)) == []


def test_a_second_title_on_a_common_noun_is_no_name() -> None:
    found = persons("وحضر الأمير خالد مستشار الملك أمير منطقة مكة الاجتماع .")
    assert list(found) == ["خالد"]


def test_a_relative_clause_after_a_title_names_nobody() -> None:
    assert list(persons("وقال خلال اللقاء الصحفي الذي دعي إليه الإعلام إن الترتيبات جاهزة .")) == []


def test_the_genitive_of_an_open_title_is_no_name() -> None:
    assert "صبيا" not in persons("وزار المدارس مدير تعليم صبيا مع وفد من الوزارة .")


def test_a_given_name_that_is_a_word_still_opens_a_full_name() -> None:
    assert list(persons("وقال جو بايدن إن الحل قريب .")) == ["جو بايدن"]
    assert list(persons("وقال الرئيس أمير عبد اللهيان إن الوضع جيد .")) == ["أمير عبد اللهيان"]


def test_one_person_is_one_actor_whatever_the_spacing_of_abu() -> None:
    found = persons("وقال أحمد أبوالغيط إن الجامعة تدعم الحل . وأضاف أبو الغيط أن الوضع خطير .")
    assert list(found) == ["أحمد أبوالغيط"]


def test_a_counterpart_and_his_surname_later() -> None:
    found = persons("والتقى الوزير نظيره الاميركي جون كيري ، في العاصمة . وقال كيري إن الحل قريب .")
    assert list(found) == ["جون كيري"]
    assert "كيري" in found["جون كيري"].aliases


def test_a_misspelt_given_name_of_one_person_is_no_alias_of_another() -> None:
    found = persons("وقال الرئيس فلاديمير بوتين إنه لن يلتقي فلاديمير زيلينسكي قريبا .")
    assert "فلاديمير" not in found["فلاديمير بوتين"].aliases
    assert len(found) == 2


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وكتب بوب وودورد كتابا عن البيت الأبيض .", "بوب وودورد"),
        ("وتأثر الشباب بأفكار سيد قطب في تلك المرحلة .", "سيد قطب"),
        ("واستقبل الباجي قائد السبسي الوفد في قرطاج .", "الباجي قائد السبسي"),
    ],
)
def test_well_known_persons_named_with_no_title(text: str, name: str) -> None:
    assert name in persons(text)


def test_the_father_in_a_nasab_is_another_person() -> None:
    found = persons(
        "وصل ولي العهد الأمير محمد بن سلمان بن عبد العزيز إلى القاهرة ."
        " ونقل تحيات الملك سلمان بن عبد العزيز ."
    )
    assert sorted(found) == ["سلمان بن عبد العزيز", "محمد بن سلمان بن عبد العزيز"]
    assert found["محمد بن سلمان بن عبد العزيز"].aliases == ()


def test_a_kunya_written_joined_is_the_same_person() -> None:
    found = persons("وقال الأمين العام محمود أبو العلا إن الجامعة تدعم الحل . وأضاف أبوالعلا أن الوضع خطير .")
    assert list(found) == ["محمود أبو العلا"]
    assert "أبوالعلا" in found["محمود أبو العلا"].aliases


def test_an_ordinal_is_no_later_form_of_a_king() -> None:
    found = persons("واستقبل الملك عبدالله الثاني الوفد . وقال إن الثاني من الشهر موعد مهم .")
    assert found["عبدالله الثاني"].aliases == ()


def test_a_governing_title_after_a_name_is_no_part_of_it() -> None:
    assert list(persons("واستقبل الشيخ خليفة بن سالم أمير منطقة الشمال الوفد .")) == ["خليفة بن سالم"]


def test_a_verbal_noun_behind_a_clitic_after_a_title_is_no_name() -> None:
    assert list(persons("واستهل الصحفي بإبراز نقاط الاتفاق مع الجانب الآخر .")) == []


def test_abd_written_joined_or_spaced_is_one_person() -> None:
    found = persons("وقال الرئيس علي عبد الله صالح إن الحوار مستمر . وأضاف علي عبدالله صالح أن الوضع صعب .")
    assert len(found) == 1


def test_a_joined_given_name_and_the_surname_alone_are_one_person() -> None:
    found = persons("وقال رئيس جنوب السودان سلفاكير ميارديت إن الحرب انتهت . ونفى كير أن يكون القتال عرقيا .")
    assert list(found) == ["سلفاكير ميارديت"]


def test_a_definite_family_name_closes_the_name() -> None:
    found = persons(
        "وأكد السفير الدكتور سامي الصالح متانة العلاقات بين البلدين . وقال الصالح إن التعاون مستمر ."
    )
    assert list(found) == ["سامي الصالح"]
