"""Tests the Arabic rules added for persons in dialogue, wire captions and titles' complements: a name called
out (said again and again, or as a whole line after a speaker label), a speaker label that says where the
speaker is, a compound given name before a common-looking surname, and the words that never join or start a
name (a preposition on a definite noun, ل + a noun after a title, an accusative verbal noun, a verb with its
object after و, the dialect imperfect with ب, a verb after a relative, a place after a plural place head)."""

from __future__ import annotations

import pytest

from briefing.models import Actor, Sentence
from briefing.nlp.actors.extract import extract_actors
from briefing.nlp.text.sentences import split_spans


def persons(text: str) -> dict[str, Actor]:
    plain = [Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(split_spans(text))]
    return {a.name: a for a in extract_actors(text, "ar", plain, author=None) if a.kind == "person"}


def test_a_name_said_again_and_again_is_one_person_called() -> None:
    found = persons("ولد : سمير سمير سمير تعال بسرعة")
    assert list(found) == ["سمير"]
    assert len(found["سمير"].mentions) == 3


def test_a_double_given_name_before_a_surname_stays_one_name() -> None:
    assert list(persons("وصل محمد محمد الشناوي إلى القاعة .")) == ["محمد محمد الشناوي"]


def test_a_preposition_said_twice_is_no_name() -> None:
    assert list(persons("وقد حرص على على تطوير الأداء في المدارس .")) == []


def test_a_name_alone_on_a_line_after_a_speaker_label_is_called() -> None:
    found = persons("سلوى : كريم . . كريم وين رحت")
    assert set(found) == {"سلوى", "كريم"}
    assert len(found["كريم"].mentions) == 2


def test_a_speaker_label_may_say_where_the_speaker_is() -> None:
    assert list(persons("كريم في المطبخ : الأكل جاهز يا جماعة")) == ["كريم"]


def test_a_compound_given_name_takes_a_surname_that_is_also_an_adjective() -> None:
    assert list(persons("وهو الطالب نور الدين حجازي من مدينة نابلس .")) == ["نور الدين حجازي"]


def test_a_preposition_on_a_definite_noun_ends_a_titled_name() -> None:
    found = persons("زار الوفد مركز الأمير فيصل للأبحاث الزراعية أمس .")
    assert "فيصل للأبحاث" not in found
    assert all("للأبحاث" not in name for name in found)


def test_a_foreign_name_that_looks_like_a_clitic_and_article_stays_a_name() -> None:
    assert list(persons("وقال أمين عام الاتحاد جيروم فالكي إن البطولة ناجحة .")) == ["جيروم فالكي"]


def test_l_and_a_noun_after_a_title_is_its_complement() -> None:
    assert list(persons("وحضر الرئيس التنفيذي لبورصة عمان والسيد ماهر الحسن .")) == ["ماهر الحسن"]


@pytest.mark.parametrize(
    "text",
    [
        "وأضرب عمال الميناء والحاكم العسكري للمنطقة استنكارا للاعتقالات الأخيرة .",  # accusative verbal noun
        "ووجهت برقية إلى رئيس البلدية تأييدا لموقفه من القرار .",
        "وانتهت الدعوى التي نشأت عن الخلاف بين الجارين .",  # a verb after a relative
        "وتتركز المشاريع في محافظات عمران وحجة وإب .",  # places after a plural place head
        "وألقى سماحته كلمة في الحفل .",  # an honorific with a pronoun
        "وأبدى المدرب رغبته بالعرض الجديد .",  # a feminine noun with a pronoun
    ],
)
def test_accusatives_relative_clauses_and_listed_places_are_no_persons(text: str) -> None:
    assert list(persons(text)) == []


def test_a_verb_with_its_object_after_waw_ends_a_name() -> None:
    assert list(persons("دخلت الأم ونظرت إلى مريم وتحضنها بحنان .")) == ["مريم"]


def test_the_dialect_imperfect_with_b_ends_a_name() -> None:
    assert "مشهور بيعزف" not in persons("هاد مشهور بيعزف عود كل ليلة")


def test_a_surname_with_a_pronoun_look_after_a_firm_title_stays() -> None:
    assert list(persons("واستقبل الوزير السيد عبد الله باباه في مكتبه .")) == ["عبد الله باباه"]


@pytest.mark.parametrize(
    ("text", "name", "latin"),
    [
        ("وكان بوريس يلتسين قد زار المدينة قبل سنوات .", "بوريس يلتسين", "Boris Yeltsin"),
        ("وأشاد الكاتب بما فعله صلاح الدين الأيوبي في القدس .", "صلاح الدين الأيوبي", "Saladin"),
        ("وقال تشيني إن الحرب ستطول .", "تشيني", "Dick Cheney"),
        ("واستشهد المحاضر بكتاب ابن خلدون عن العمران .", "ابن خلدون", "Ibn Khaldun"),
    ],
)
def test_widely_reported_persons_are_named_bare(text: str, name: str, latin: str) -> None:
    found = persons(text)
    assert list(found) == [name]
    assert found[name].name_latin == latin


def test_a_place_that_opens_a_table_name_stays_a_place_alone() -> None:
    plain = "ودارت اشتباكات في صلاح الدين أمس ."
    spans = [Sentence(i, a, b, plain[a:b]) for i, (a, b) in enumerate(split_spans(plain))]
    kinds = {a.name: a.kind for a in extract_actors(plain, "ar", spans, author=None)}
    assert kinds.get("صلاح الدين") == "place"


def test_a_given_name_before_a_table_surname_belongs_to_the_name() -> None:
    found = persons("وكان آرييل شارون قائدا عسكريا قبل أن يصبح رئيسا للوزراء .")
    assert list(found) == ["آرييل شارون"]
    assert found["آرييل شارون"].name_latin == "Ariel Sharon"


def test_a_foreign_given_name_and_an_unknown_surname_are_a_person() -> None:
    assert list(persons("وانتقد فيدل أورتيغا القرار في مقابلة تلفزيونية .")) == ["فيدل أورتيغا"]


def test_another_given_name_before_a_table_surname_is_someone_else() -> None:
    found = persons("وقال سمير رابين إن المشروع تأخر .")
    assert list(found) == ["سمير رابين"]
    assert found["سمير رابين"].name_latin is None


def test_the_preposition_ala_is_no_later_mention_of_ali() -> None:
    found = persons("وقال المدرب سامي أبو علي إن الفريق جاهز . وشدد على أهمية المباراة وعلى دعم الجمهور .")
    assert list(found) == ["سامي أبو علي"]
    assert len(found["سامي أبو علي"].mentions) == 1


def test_a_derived_perfect_verb_after_a_title_is_no_name() -> None:
    assert list(persons("وأوضح أن اللاعب استكمل البرنامج العلاجي أمس .")) == []


def test_a_family_name_made_of_an_ambiguous_given_name() -> None:
    assert list(persons("وصلت برقية إلى أسعد الأسعد من اللجنة .")) == ["أسعد الأسعد"]
