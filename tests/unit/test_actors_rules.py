"""The name rules added for real news text: initials, conjoined portfolios, common-word surnames after a
title, appositions, speakers, lone names where only a person fits, foreign names that look like Arabic words,
places after a place-type head, and their English counterparts."""

from __future__ import annotations

import pytest

from briefing.models import Actor, Sentence
from briefing.nlp.actors.extract import extract_actors
from briefing.nlp.text.sentences import split_spans


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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("مقابلة مع السيد سامي الشيخ حسن من قرية بيت ريما .", "سامي الشيخ حسن"),
        ("رسالة من ريم العودة إلى رئيس البلدية .", "ريم العودة"),
        ("شكوى من صالح سالم موجهة إلى رئيس المجلس .", "صالح سالم"),
        ("استرحام من محمود المصري إلى رئيس البلدية .", "محمود المصري"),
        ("مذكرات نجيب الطويل عن الانتداب .", "نجيب الطويل"),
    ],
)
def test_the_partner_of_an_interview_and_the_sender_of_a_letter(text: str, name: str) -> None:
    assert list(persons(text)) == [name]


def test_a_letter_from_a_group_or_an_office_names_no_one_in_its_slot() -> None:
    assert persons("رسالة من سكان الحي إلى رئيس البلدية .") == {}
    found = persons("رسالة من وزير الداخلية أحمد سليم إلى المحافظ .")
    assert found["أحمد سليم"].roles == ("وزير الداخلية",)


def test_a_kunya_with_a_definite_particle_word_is_whole() -> None:
    assert list(persons("أبو العبد فتح الباب للضيوف .")) == ["أبو العبد"]
    assert list(persons("وقال أبو عبد الله الحسيني إن الطريق مغلق .")) == ["أبو عبد الله الحسيني"]


def test_blessing_credit_and_nasab_give_a_name() -> None:
    assert list(persons("وكان صالح رحمه الله يزرع الأرض .")) == ["صالح"]
    assert list(persons("تصوير : نور")) == ["نور"]
    assert persons("النتيجة : سلام") == {}
    assert list(persons("وتحدث سديم أبو حمدة عن الحرب .")) == ["سديم أبو حمدة"]
    assert list(persons("وجلست سديم بنت حمدان في الصف الأول .")) == ["سديم بنت حمدان"]


def test_speakers_before_a_colon() -> None:
    assert list(persons("وأضاف سلام: لن نتراجع.")) == ["سلام"]
    assert persons("وقال آخر: لا أعرف.") == {}
    assert list(persons("سديم : أين كنت ؟")) == ["سديم"]


def test_a_given_name_and_a_definite_word_that_closes_the_phrase() -> None:
    assert list(persons("سامي الحلو خلال الحفل .")) == ["سامي الحلو"]
    assert persons("واستقبل خالد الضيوف في منزله .") == {}
    assert persons("وزار أحمد المستشفى قبل أسبوع .") == {}


def test_a_family_is_not_its_member_and_an_address_holds_no_name() -> None:
    text = "زار خليل الدجاني بيت عائلة الدجاني القديم ."
    assert spans(text, persons(text)["خليل الدجاني"]) == ["خليل الدجاني"]
    assert persons("الرابط : www . site3omar ali . com") == {}
    assert list(persons("كتب ahmed nasr مقالا .")) == ["ahmed nasr"]


def test_occupational_titles_and_given_names_of_the_wider_list() -> None:
    found = persons("وقال المحامي جواد بولس إن الاستئناف قدم .")
    assert found["جواد بولس"].roles == ("المحامي",)
    assert list(persons("وصلت شريفة صالحة أبو سمرة إلى القرية .")) == ["شريفة صالحة أبو سمرة"]


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


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("صورة تجمع سامي الدجاني وعبد الكريم الناطور في المخيم .", ["سامي الدجاني", "عبد الكريم الناطور"]),
        ("وصل مراد وعلي إلى الملعب متأخرين .", ["مراد", "علي"]),
        ("صورة تجمع فادي حجازي ونور في الحفل .", ["فادي حجازي", "نور"]),
    ],
)
def test_a_given_name_joined_by_and_to_a_person(text: str, names: list[str]) -> None:
    assert sorted(persons(text)) == sorted(names)


def test_a_compound_given_name_in_al_din() -> None:
    assert list(persons("زار الوفد بيت عماد الدين الكيلاني في الحي القديم .")) == ["عماد الدين الكيلاني"]


def test_a_speaker_before_ila_anna() -> None:
    assert list(persons("وأشار زيادنة إلى أن العمل سيستمر حتى الصيف .")) == ["زيادنة"]


def test_a_tribe_named_after_a_person_is_no_person() -> None:
    assert persons("زار الوفد تجمع عرب أبو نوار شرق المدينة .") == {}


def test_dialogue_labels_and_clitic_prepositions_end_names() -> None:
    assert list(persons("سلمى ( تبتسم ) : خلص خلينا نروح .")) == ["سلمى"]
    assert sorted(persons("تقول سعاد لوليد : اسكت شوي .")) == ["سعاد", "وليد"]
    assert list(persons("رحت مع طارق عالسوق .")) == ["طارق"]


def test_a_describing_word_between_title_and_name() -> None:
    assert list(persons("أفرجت السلطات عن الأسير المحرر ثائر حلاحلة أمس .")) == ["ثائر حلاحلة"]
    assert list(persons("وقالت المعلمة رنا إن الدوام عاد .")) == ["رنا"]


def test_well_known_persons_by_surname() -> None:
    assert persons("وقال عريقات في مؤتمر صحفي إن الجولة فشلت .")["عريقات"].name_latin == "Saeb Erekat"
    found = persons("استذكر المتحدثون وعد بلفور ومواقف تشرشل .")
    assert [a.name_latin for a in found.values()] == ["Arthur Balfour", "Winston Churchill"]


@pytest.mark.parametrize(
    "text",
    [
        "نقل الجرحى إلى مستشفى عبد القادر الحسيني في القدس .",
        "احتفلت مدرسة غسان كنفاني بتخريج طلابها .",
        "تجمع المتظاهرون في شارع ياسر عرفات وسط المدينة .",
        "وصل الوفد إلى مطار الملك حسين أمس .",
        "أقيم الحفل في متحف محمود درويش .",
    ],
)
def test_a_facility_named_after_a_person_is_no_person(text: str) -> None:
    assert persons(text) == {}


def test_a_person_named_before_a_facility_keeps_one_mention() -> None:
    text = "كتب غسان كنفاني روايته في بيروت . وزار الطلاب مدرسة غسان كنفاني ."
    assert spans(text, persons(text)["غسان كنفاني"]) == ["غسان كنفاني"]
    text = "قال الرئيس ياسر عرفات إن الوفد وصل إلى شارع عرفات ."
    assert spans(text, persons(text)["ياسر عرفات"]) == ["ياسر عرفات"]


def test_a_name_after_a_definite_head_is_in_apposition() -> None:
    text = "وقال مدير المنظمة تيدروس أدهانوم غيبريسوس إن الوضع صعب ."
    assert "تيدروس أدهانوم غيبريسوس" in persons(text)


def test_an_institution_named_after_a_table_person_is_one_organisation() -> None:
    found = {a.name: a.kind for a in actors("زار الوفد مؤسسة ياسر عرفات أمس .")}
    assert found == {"مؤسسة ياسر عرفات": "org"}


def test_a_participle_of_state_ends_an_untitled_name() -> None:
    assert list(persons("سلمان نائم في الغرفة والباب مغلق .")) == ["سلمان"]
    assert list(persons("تلتفت إلى مهند الواقف قرب الباب .")) == ["مهند"]


def test_a_kinship_word_with_a_pronoun_is_no_name() -> None:
    assert list(persons("تقترب منال من الشاب اخوها .")) == ["منال"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("اغتيال كمال عدوان في بيروت عام 1973.", "كمال عدوان"),
        ("وشارك المئات في تشييع جثمان الشهيد رأفت الطويل في قريته.", "رأفت الطويل"),
        ("هدمت الجرافات منزل الأسير جهاد الصغير في جنين.", "جهاد الصغير"),
        ("ونقلت الوكالة عن جمال الصغير قوله إن الوضع صعب.", "جمال الصغير"),
        ("تصريح سفر ل أمل الصغير بتاريخ ( 3 / 5 / 1948 ) .", "أمل الصغير"),
    ],
)
def test_person_cues_take_a_name_with_a_common_surname(text: str, name: str) -> None:
    assert list(persons(text)) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "اعتقال عشرات الشبان في الخليل.",
        "منزل مهجور في البلدة القديمة.",
        "ونقلت الصحيفة عن مصادر مطلعة قولها إن الاتفاق قريب.",
        "وفاة أمل في الشفاء بعد الحادث.",
    ],
)
def test_a_fate_or_a_quote_without_a_given_name_names_no_one(text: str) -> None:
    assert persons(text) == {}


def test_more_verbs_of_saying_and_an_addressee_after_the_name() -> None:
    assert list(persons("ونفى وليد العوض أن تكون الحركة قد وافقت.")) == ["وليد العوض"]
    assert list(persons("وقال منير الجاغوب للصحفيين إن الحركة لم تتلق ردا.")) == ["منير الجاغوب"]


def test_given_names_of_the_wider_list_and_adjectives_that_are_names_too() -> None:
    assert list(persons("مقابلة مع لارا الحلو حول الحصار .")) == ["لارا الحلو"]
    assert list(persons("وقالت رويدا الكبير إن المدرسة أغلقت.")) == ["رويدا الكبير"]
    assert persons("وقالت إنها سعيدة بالنتيجة.") == {}  # "سعيدة" ("happy") alone is no name
