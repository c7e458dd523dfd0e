"""Tests for event titles composed from the event's parts (briefing.nlp.events.title) and for "one event, one
entry" (continuations and nested dates merge; amounts and previous sessions are not events). Every sentence
here is written for the test: each shows one pattern of the language, in Arabic and in English.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from briefing.codec import event_from_dict, event_to_dict
from briefing.models import Actor, ActorKind, Event, Sentence
from briefing.nlp.events.extract import extract_events
from briefing.nlp.text.sentences import split_spans

SAT = datetime.fromisoformat("2024-03-16T19:00:00+02:00")  # a Saturday
_DANGLING = set(
    "في إلى من على عن مع و أو الذي التي أن بين حول يوم خلال عند نحو حتى بعد قبل المقبل يبدأ تبدأ ستبدأ يعقد "
    "تعقد ستعقد سيعقد مقررة المقررة for to in on at of with by from the a an and or is are will be".split()
)


def _events(text: str, lang: str = "ar", actors: tuple[tuple[str, ActorKind], ...] = ()) -> list[Event]:
    sentences = [Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(split_spans(text))]
    found = []
    for name, kind in actors:
        spans = tuple((m.start(), m.end()) for m in re.finditer(re.escape(name), text))
        found.append(Actor(name, kind, mentions=spans))
    return extract_events(text, sentences, found, SAT, lang)


def _one(text: str, lang: str = "ar", actors: tuple[tuple[str, ActorKind], ...] = ()) -> Event:
    events = _events(text, lang, actors)
    assert len(events) == 1, [(e.summary, e.start) for e in events]
    return events[0]


def _readable(title: str) -> None:
    words = re.findall(r"[\w\u0600-\u06ff]+", title)
    assert len(words) >= 3, title
    assert words[-1].lower() not in _DANGLING, title


# --- the agent ------------------------------------------------------------------------------------


def test_verb_first_with_a_title_between_verb_and_name() -> None:
    # VSO: the verb first, then the agent's office, then the name; the office is not the object.
    e = _one(
        "يصل وزير الخارجية الأردني أيمن الصفدي غداً إلى الرباط لإجراء محادثات.",
        actors=(("أيمن الصفدي", "person"),),
    )
    assert e.summary == "أيمن الصفدي يصل إلى الرباط لإجراء محادثات"
    assert e.who[0] == "أيمن الصفدي"
    _readable(e.summary)


def test_scheduled_plan_keeps_its_agent_and_drops_the_future_prefix() -> None:
    e = _one(
        "ومن المقرر أن يزور الرئيس التونسي قيس سعيد الجزائر الأحد المقبل.",
        actors=(("قيس سعيد", "person"), ("الجزائر", "country")),
    )
    assert e.summary.startswith("قيس سعيد يزور الجزائر")
    assert e.start == date(2024, 3, 17)


def test_the_nearest_name_is_not_the_agent() -> None:
    # The speaker is named; the one who travels is the subject of the reported clause.
    e = _one(
        "وقال الوزير خالد العلي إن رئيسة الوزراء البريطانية ستزور الرياض الأسبوع المقبل.",
        actors=(("خالد العلي", "person"),),
    )
    assert "خالد العلي" not in e.summary
    assert e.summary.startswith("رئيسة الوزراء البريطانية تزور الرياض")


def test_a_name_inside_a_led_by_phrase_is_not_the_agent() -> None:
    # The delegation travels; its head is named inside «برئاسة ...» / "headed by ...".
    e = _one(
        "وقالت المصادر إن وفدا أمنيا برئاسة مدير المخابرات سامي العبدالله يتوجه إلى القاهرة الأحد المقبل.",
        actors=(("سامي العبدالله", "person"),),
    )
    assert e.summary.startswith("وفدا أمنيا برئاسة مدير المخابرات سامي العبدالله يتوجه إلى القاهرة")
    e = _one(
        "A delegation headed by intelligence chief Sami Abdullah will travel to Cairo on Sunday.",
        "en",
        (("Sami Abdullah", "person"),),
    )
    assert not e.summary.startswith("Sami Abdullah")
    assert e.summary == "Delegation headed by intelligence chief Sami Abdullah travels to Cairo"


def test_a_relative_clause_may_stand_between_agent_and_verb() -> None:
    e = _one(
        "وقال مسؤولون إن الوزير سامي العبدالله الذي يعارض الخطة سيلقي كلمة أمام البرلمان يوم الأحد المقبل.",
        actors=(("سامي العبدالله", "person"),),
    )
    assert e.summary.startswith("سامي العبدالله يلقي كلمة أمام البرلمان")


def test_a_head_right_after_the_date_beats_a_noun_inside_a_title() -> None:
    # «للانتخابات» belongs to the speaker's office; the event is the meeting named after the date.
    e = _one(
        "وأوضح رئيس لجنة الإعلام للانتخابات خالد العمر أنه سيتم غدا عقد اللقاء التعريفي الأول في البلدية."
    )
    assert e.kind == "meeting"
    assert "اللقاء التعريفي الأول" in e.summary


def test_the_common_noun_subject_of_a_verb_governing_the_event() -> None:
    e = _one("يقوم وفد من رجال الأعمال يوم الأحد المقبل بزيارة لوزير الاقتصاد في مكتبه.")
    assert e.summary.startswith("وفد من رجال الأعمال يقوم بزيارة لوزير الاقتصاد")


def test_a_place_after_a_second_verb_is_not_the_venue() -> None:
    e = _one("وتبدأ اجتماعات اللجنة العامة في 28 نيسان ويشير جدولها إلى العراق بوصفه عضوا مراقبا.")
    assert "العراق" not in e.summary


def test_english_agent_and_present_tense() -> None:
    e = _one("Chinese Foreign Minister Wang Yi will visit Seoul on Tuesday.", "en", (("Wang Yi", "person"),))
    assert e.summary == "Wang Yi visits Seoul"
    e = _one(
        "The Security Council is scheduled to discuss the situation in Lebanon on Monday.",
        "en",
        (("Security Council", "org"),),
    )
    assert e.summary.startswith("Security Council discusses the situation in Lebanon")


def test_agent_of_a_verb_that_governs_the_event_noun() -> None:
    e = _one(
        "يعقد مجلس الأمن الدولي جلسة طارئة حول لبنان يوم الاثنين المقبل.",
        actors=(("مجلس الأمن الدولي", "org"),),
    )
    assert e.summary == "مجلس الأمن الدولي يعقد جلسة طارئة حول لبنان"
    e = _one(
        "Jordan will host a meeting of regional energy ministers on Thursday.", "en", (("Jordan", "country"),)
    )
    assert e.summary.startswith("Jordan hosts a meeting of regional energy ministers")


def test_a_name_after_a_preposition_is_not_the_agent() -> None:
    # «في زيارة لتونس يفتتح»: Tunisia is the object of «لـ», not the one who opens the fair.
    e = _one(
        "وصل الوزير إلى العاصمة اليوم في زيارة لتونس يفتتح خلالها المعرض الدولي غدا.",
        actors=(("تونس", "country"),),
    )
    assert not e.summary.startswith("تونس"), e.summary
    assert e.summary.startswith("افتتاح المعرض الدولي")


def test_a_name_after_an_adverbial_with_a_pronoun_is_not_the_agent() -> None:
    # «يشارك خلالها في احتفالات المغرب»: «خلالها» (during it) opens an adverbial; Morocco, inside it, does
    # not take part.
    e = _one(
        "وصل الوفد إلى الرباط اليوم في جولة يشارك خلالها في احتفالات المغرب بافتتاح الميناء الجديد بعد غد.",
        actors=(("المغرب", "country"),),
    )
    assert not e.summary.startswith("المغرب"), e.summary
    assert e.summary.startswith("افتتاح الميناء الجديد")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "من جهته، يسعى وزير الخارجية سامي النجار لحشد الدعم للخطة، وسيتوجه الأسبوع المقبل إلى بروكسل.",
            "سامي النجار يتوجه إلى بروكسل",
        ),
        (
            "من جهته، يسعى وزير الخارجية سامي النجار لحشد الدعم للخطة، وسيلقي الأسبوع المقبل كلمة أمام "
            "البرلمان.",
            "سامي النجار يلقي كلمة أمام البرلمان",
        ),
    ],
)
def test_a_verb_joined_by_and_shares_the_agent_of_the_clause_before(text: str, title: str) -> None:
    # «يسعى X ...، وسيتوجه ...»: the second verb has no subject of its own; X does both.
    e = _one(text, actors=(("سامي النجار", "person"),))
    assert e.summary == title


def test_an_attempt_phrase_is_a_purpose_not_part_of_the_title() -> None:
    e = _one(
        "ويلتقي الوزير سامي النجار غدا قادة النقابات في محاولة لإنهاء الإضراب.",
        actors=(("سامي النجار", "person"),),
    )
    # «في محاولة لـ» opens the purpose, which ends the complement (the title never ends on «في محاولة»)
    assert e.purpose == "في محاولة لإنهاء الإضراب"
    assert e.summary.startswith("سامي النجار يلتقي قادة النقابات"), e.summary


# --- no agent: a nominal title --------------------------------------------------------------------


def test_passive_verb_gives_a_nominal_title() -> None:
    # «تعقد القمة»: the meeting is held; nobody is guessed as its agent.
    e = _one("تعقد القمة العربية في المنامة الخميس المقبل.", actors=(("المنامة", "place"),))
    assert e.summary.startswith("القمة العربية")
    assert "المنامة" in e.summary
    e = _one("تبدأ محاكمة المتهمين في قضية الفساد يوم الأحد المقبل.")
    assert e.summary.startswith("محاكمة المتهمين في قضية الفساد")


def test_event_noun_before_its_verb_is_the_subject() -> None:
    e = _one("وأعلنت الرئاسة أن القمة الثلاثية ستعقد يوم 22 نيسان المقبل في العاصمة.")
    assert e.summary.startswith("القمة الثلاثية تعقد")
    _readable(e.summary)


def test_the_antecedent_of_a_relative_clause_is_the_subject() -> None:
    e = _one("وأكد المسؤول الاستعداد للمرحلة الانتخابية التي تنطلق مطلع الشهر المقبل.")
    assert e.summary.startswith("انطلاق المرحلة الانتخابية")


def test_a_pronoun_in_the_title_is_replaced_by_its_antecedent() -> None:
    e = _one("وأطلقت الوزارة المنصة الجديدة، وتوقعت أن يبدأ العمل بها الشهر المقبل.")
    assert "بها" not in e.summary.split()
    assert "بالمنصة" in e.summary


@pytest.mark.parametrize(
    ("text", "lang", "part"),
    [
        (
            "يناقش وزراء الزراعة العرب، بعد غد ولمدة يومين، خطة التنمية الزراعية في المنطقة.",
            "ar",
            "خطة التنمية",
        ),
        (
            "The farm ministers will discuss, on Monday, a plan for rural roads.",
            "en",
            "a plan for rural roads",
        ),
    ],
)
def test_the_object_after_a_date_set_off_by_commas_is_kept(text: str, lang: str, part: str) -> None:
    # «يناقش الوزراء، بعد غد، الخطة»: the date between two commas does not end the clause.
    e = _one(text, lang)
    assert part in e.summary, e.summary
    assert part in e.clause


def test_a_new_verb_after_a_date_set_off_by_commas_is_not_the_object() -> None:
    # «ستنقل» after the second comma opens its own predicate: the title stops before it.
    e = _one("سيلقي الرئيس كلمة عبر الإذاعة، بعد غد، ستنقل في كل المدن.")
    assert e.summary == "الرئيس يلقي كلمة عبر الإذاعة"


def test_a_verb_describing_an_indefinite_noun_ends_the_title() -> None:
    # «مبادرة جديدة تهدف إلى دعم ...»: the feminine imperfect verb after an indefinite noun opens a clause
    # that describes it; cut at the length limit it would end the title on «دعم».
    e = _one("سيتم غدا إطلاق مبادرة وطنية جديدة تهدف إلى دعم المشاريع الصغيرة في المحافظات كلها.")
    assert e.summary == "إطلاق مبادرة وطنية جديدة"


def test_a_name_cut_by_the_length_limit_is_left_out() -> None:
    # «بعنوان ...» introduces the course's name; the limit would cut it after one word.
    e = _one(
        "تنطلق يوم الأحد المقبل دورة تدريبية للموظفين الجدد بعنوان التعامل مع شكاوى المراجعين في الإدارات."
    )
    assert e.summary == "انطلاق دورة تدريبية للموظفين الجدد"


def test_a_demonstrative_noun_phrase_is_named_by_its_earlier_mention() -> None:
    # «هذا المشروع» refers back to «مشروع قانون الضرائب الجديد»: a title standing alone names it.
    e = _one(
        "ناقش النواب أمس مشروع قانون الضرائب الجديد، وقال رئيس المجلس إن التصويت على هذا المشروع سيجري "
        "الأسبوع المقبل."
    )
    assert e.summary == "التصويت على مشروع قانون الضرائب الجديد"


def test_a_place_before_a_quotation_is_not_the_venue_of_an_event_inside_it() -> None:
    # Paris is where the minister spoke; the vote he quotes has no venue in the sentence.
    e = _one(
        'وقال الوزير بعد لقائه نظيره في باريس "اتفقنا على أن يتم التصويت على خطة الإعمار يوم الخميس المقبل".',
        actors=(("باريس", "place"),),
    )
    assert e.summary == "التصويت على خطة الإعمار"


def test_the_end_of_a_quotation_ends_the_title() -> None:
    e = _one('وقال الوزير إن الحكومة "ستوقع غدا اتفاق الإعمار" مضيفا أن المانحين سيحضرون.')
    assert e.summary == "توقيع اتفاق الإعمار"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "وقرر الاتحاد تأجيل بطولة الأندية العربية، التي كانت مقررة في القاهرة الشهر المقبل، لتقام في "
            "سبتمبر المقبل.",
            "إقامة بطولة الأندية العربية",
        ),
        (
            "واتفق المنظمون على تأجيل مهرجان الربيع، الذي كان مقررا في مايو المقبل، ليقام في أكتوبر المقبل.",
            "إقامة مهرجان الربيع",
        ),
    ],
)
def test_a_result_clause_takes_the_antecedent_of_the_relative_clause_before_it(text: str, title: str) -> None:
    # «لتقام» has no subject in its clause: it is what «التي كانت مقررة ...» describes, not the postponement.
    assert title in [e.summary for e in _events(text)]


# --- one event, one entry -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("يصل الرئيس الفرنسي إلى بيروت يوم الاثنين المقبل. وتستمر الزيارة حتى الأربعاء.", "ar"),
        ("The French president will arrive in Beirut on Monday. The visit will last until Wednesday.", "en"),
    ],
)
def test_the_end_of_a_stay_closes_the_visit(text: str, lang: str) -> None:
    e = _one(text, lang)
    assert (e.kind, e.start, e.end) == ("visit", date(2024, 3, 18), date(2024, 3, 20))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Kuwaitis will vote next month in a snap election. The vote is scheduled for April 4.", "en"),
        ("ينتخب الكويتيون مجلساً جديداً الشهر المقبل. وتجرى الانتخابات في 4 نيسان.", "ar"),
    ],
)
def test_a_month_and_a_day_of_one_election_are_one_event(text: str, lang: str) -> None:
    e = _one(text, lang)
    assert e.start == date(2024, 4, 4)
    _readable(e.summary)


def test_a_span_closes_only_at_the_same_precision() -> None:
    # "from 2016 until 2030" is the plan's horizon, not the end of tomorrow's meeting.
    e = _one("يبحث مسؤولون غداً خطة تمتد من 2025 حتى 2030.")
    assert e.start == date(2024, 3, 17) and e.end is None


# --- not events -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ستصل الشحنات إلى 4700 حاوية العام المقبل.", "ar"),
        ("ويتوقع أن تصل الإيرادات إلى نحو 45 مليار ريال العام المقبل.", "ar"),
    ],
)
def test_amounts_are_not_arrivals(text: str, lang: str) -> None:
    assert _events(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ستناقش اللجنة يوم الأحد المقبل ما تقرر في الجلسة السابقة.", "ar"),
        ("The committee will review on Monday what was agreed at the previous session.", "en"),
    ],
)
def test_the_previous_session_is_not_an_event(text: str, lang: str) -> None:
    assert all(e.kind != "session" for e in _events(text, lang))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("تبدأ الدراسة في المدارس الحدودية يوم الأحد المقبل دون تأجيل.", "ar"),
        ("Classes in the border schools will begin on Sunday without delay, not postponed.", "en"),
    ],
)
def test_a_negated_postponement_keeps_the_event_firm(text: str, lang: str) -> None:
    e = _one(text, lang)
    assert (e.start, e.status) == (date(2024, 3, 17), "firm")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("تجرى الانتخابات غدا، وهي الأولى منذ انطلاق الحوار الوطني في أيار.", "ar"),
        ("The vote will be held tomorrow, the first since the launch of the national dialogue in May.", "en"),
    ],
)
def test_a_date_after_since_is_in_the_past(text: str, lang: str) -> None:
    assert [e.start for e in _events(text, lang)] == [date(2024, 3, 17)]


# --- the clause and its storage -------------------------------------------------------------------


def test_the_weekday_of_a_dated_day_stays_out_of_the_title() -> None:
    e = _one("وتعقد دورة تدريبية يوم الجمعة 26 / 9 / 1445 لأعضاء اللجان لتعريفهم بالحملة الانتخابية.")
    assert e.start == date(2024, 4, 5)
    assert "الجمعة" not in e.summary and "يوم" not in e.summary.split(), e.summary


def test_a_relative_clause_after_a_comma_takes_its_antecedent_as_subject() -> None:
    e = _one("وأكد اكتمال التجهيزات في المراكز الانتخابية لقيد الناخبين، التي ستبدأ مطلع شهر شوال المقبل.")
    assert e.summary == "بدء المراكز الانتخابية لقيد الناخبين"


def test_a_possessed_event_noun_takes_its_possessor() -> None:
    e = _one("ويعلن اللقاء انطلاقة الانتخابات البلدية في دورتها الثالثة التي ستبدأ في غرة شوال المقبل.")
    assert e.summary == "انطلاقة الانتخابات البلدية في دورتها الثالثة"
    _readable(e.summary)


def test_a_date_after_the_subject_closes_it() -> None:
    # VSO: «يصل محافظ المحافظة خلال النهار ...»: the name after the date («الحوثيين») is not the agent.
    e = _one(
        "ومن المتوقع أن يصل محافظ المحافظة خلال النهار إلى المدينة للمرة الأولى منذ سيطرة الحوثيين عليها.",
        actors=(("الحوثيين", "org"),),
    )
    assert e.summary.startswith("وصول محافظ المحافظة إلى المدينة"), e.summary
    assert "الحوثي" not in e.summary


@pytest.mark.parametrize(
    ("text", "lang", "title"),
    [
        (
            "قال المسؤول إن البرلمان أمامه حتى 30 نيسان ليصوت على الموازنة.",
            "ar",
            "مهلة البرلمان ليصوت على الموازنة",
        ),
        (
            "Parliament has until April 30 to vote on the budget.",
            "en",
            "Deadline for Parliament to vote on the budget",
        ),
    ],
)
def test_a_deadline_title_names_whose_deadline_and_for_what(text: str, lang: str, title: str) -> None:
    e = _one(text, lang)
    assert (e.kind, e.start, e.summary) == ("deadline", date(2024, 4, 30), title)
    _readable(e.summary)


def test_clause_is_cut_at_clause_boundaries_only() -> None:
    text = "وفي تطور آخر، يصل الوفد غداً إلى بغداد لإجراء محادثات، بحسب مصادر رسمية."
    e = _one(text)
    assert e.clause == "يصل الوفد غداً إلى بغداد لإجراء محادثات"
    assert e.clause in text


def test_old_stored_events_without_a_clause_still_load() -> None:
    e = _one("يصل الوفد غداً إلى بغداد لإجراء محادثات.")
    stored = event_to_dict(e)
    assert stored["clause"] == e.clause
    del stored["clause"]
    assert event_from_dict(stored).clause == ""


# --- which event the date is for, and its parts (written for branch titles3) ----------------------


def test_an_event_noun_before_a_perfect_verb_with_a_pronoun_is_past() -> None:
    # «كلمة ألقاها» (a speech he gave): the perfect «ألقى» spells its ى as ا before the pronoun.
    assert _events("وتحدث الوزير في كلمة ألقاها بجامعة القاهرة اليوم عن التعاون الإقليمي.") == []


def test_a_pronoun_after_an_event_noun_is_named_by_the_topic_of_the_reported_clause() -> None:
    # «تأجيل» is a verbal noun (تفعيل), not a verb whose subject is the signing; «عليه» is the agreement.
    e = _one(
        "وقال المسؤول إن الاتفاق اكتملت صياغته، نافيا وجود خلافات أدت إلى تأجيل التوقيع عليه، "
        "ورجح أن تتم هذه الخطوة خلال شهر أبريل."
    )
    assert e.summary == "التوقيع على الاتفاق"


def test_an_event_noun_inside_a_spokesmans_office_is_not_the_event() -> None:
    # «المتحدث باسم الانتخابات» is an office; the verb's object follows the date and a comma.
    e = _one(
        "يعقد المتحدث الرسمي باسم الانتخابات سامي الحربي غدا الأحد، مؤتمرا صحفيا بمقر الوزارة.",
        actors=(("سامي الحربي", "person"),),
    )
    assert e.summary.startswith("سامي الحربي يعقد مؤتمرا صحفيا")
    assert e.kind != "election"


def test_a_planned_participle_after_a_comma_dates_the_noun_before_it() -> None:
    # «، المزمع إجراؤها في ...» describes the elections, not the campaign the sentence is about.
    e = _one("وتخوض الأحزاب حملة قوية استعدادا للانتخابات التشريعية، المزمع إجراؤها في 20 أبريل المقبل.")
    assert (e.summary, e.start) == ("إجراء الانتخابات التشريعية", date(2024, 4, 20))


def test_a_verb_after_a_relative_pronoun_takes_the_antecedent_event() -> None:
    # The meeting held today prepares the one «الذي سيعقد غدا»: the title names the second.
    e = _one(
        "وعقد الوزراء اليوم اجتماعا تحضيريا تمهيدا للاجتماع الموسع بين وزراء الزراعة العرب "
        "الذي سيعقد غدا في عمان."
    )
    assert e.summary.startswith("الاجتماع الموسع بين وزراء الزراعة العرب يعقد")
    assert "تحضيري" not in e.summary


def test_the_object_after_a_patron_phrase_and_the_date_is_kept_with_both_subjects() -> None:
    e = _one(
        "تعقد جامعة الملك سعود والهيئة السعودية للتخصصات برعاية وزير الصحة، رئيس المجلس الأعلى، "
        "الأحد المقبل المؤتمر الأول لطب الطوارئ.",
        actors=(("الهيئة السعودية للتخصصات", "org"),),
    )
    assert e.summary == "جامعة الملك سعود والهيئة السعودية للتخصصات تعقد المؤتمر الأول لطب الطوارئ"
    _readable(e.summary)


def test_a_post_that_falls_vacant_is_named_with_its_place() -> None:
    # «الذي سيشغر»: the relative's antecedent keeps its «في» phrase; the post, not a person, falls vacant.
    e = _one("ويبقى منصب مدير الشرطة في العاصمة الذي سيشغر يوم الاثنين المقبل بلا مرشح.")
    assert (e.kind, e.summary) == ("vacancy", "شغور منصب مدير الشرطة في العاصمة")


def test_a_bare_next_session_is_the_session_of_the_assembly_named_before_it() -> None:
    e = _one(
        "ناقش مجلس الوزراء أمس الموازنة، وأرجئت البنود الخلافية إلى الجلسة القادمة يوم الخميس المقبل.",
        actors=(("مجلس الوزراء", "org"),),
    )
    assert e.summary == "الجلسة القادمة لمجلس الوزراء"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "بدأت المحكمة أمس محاكمة 12 متهما بتهريب الآثار في جلسة علنية. وتستأنف المحاكمة الأحد المقبل.",
            "استئناف محاكمة 12 متهما بتهريب الآثار",
        ),
        (
            "مثل أمام القضاء أمس متهمون في محاكمة 12 متهما بتهريب الآثار. وتتواصل المحاكمة الأحد المقبل.",
            "محاكمة 12 متهما بتهريب الآثار تتواصل",
        ),
    ],
)
def test_a_bare_event_noun_is_named_by_its_fuller_mention(text: str, title: str) -> None:
    e = _one(text)
    assert e.summary == title
    _readable(e.summary)


def test_a_date_that_opens_its_clause_belongs_to_the_verb_after_it() -> None:
    # «ويوم غد الاثنين سيكون في ...»: presence at a place with the subject left in the verb is a visit; the
    # visit named before the date is another clause's; a reporting participle («مضيفا») ends the title.
    e = _one(
        "وأوضح المدير أن الهدف من الزيارة متابعة المشاريع حيث زار أمس مدارس المدينة ويوم غد الاثنين سيكون "
        "في المستشفيات الميدانية بمنطقة تبوك مضيفا أن العمل يسير."
    )
    assert (e.start, e.summary) == (date(2024, 3, 18), "زيارة المستشفيات الميدانية بمنطقة تبوك")


def test_a_verbal_noun_after_will_be_done_nearer_the_date_is_the_event() -> None:
    e = _one("وقال إن العام الدراسي سيبدأ في موعده مؤكدا أنه سيتم نشر الجدول الجديد عبر موقع الوزارة غدا.")
    assert (e.start, e.summary) == (date(2024, 3, 17), "نشر الجدول الجديد عبر موقع الوزارة")


def test_a_verb_describing_a_visit_has_the_visitor_as_its_subject() -> None:
    # «في زيارة للأردن يشارك خلالها في ...»: the one who arrived takes part; Amman, where he landed, is not
    # the venue of the opening, and Jordan (after «لـ») does not act.
    e = _one(
        "ووصل إلى عمّان اليوم الرئيس سعيد الحامد قادما من جدة في زيارة للأردن يشارك خلالها في افتتاح "
        "المؤتمر الاقتصادي غدا الأحد.",
        actors=(("سعيد الحامد", "person"), ("الأردن", "country")),
    )
    assert e.summary == "سعيد الحامد يشارك في افتتاح المؤتمر الاقتصادي"
    assert e.who[0] == "سعيد الحامد"


def test_a_day_set_aside_for_something_is_that_event() -> None:
    # «تم» is past, but the day it sets aside («تخصيص يوم ... لتدريب») is ahead; the verbal noun after لـ
    # names the event.
    e = _one("وتم تخصيص يوم الثلاثاء المقبل لتدريب المتطوعين الجدد في مقر الجمعية.")
    assert (e.start, e.summary) == (date(2024, 3, 19), "تدريب المتطوعين الجدد في مقر الجمعية")


def test_a_date_takes_the_future_verb_of_its_own_clause_over_a_trigger_past_a_comma() -> None:
    # «بحيث تبدأ ...» comes after the comma; the date is for «ستكتمل», whose whole subject follows «أن «».
    # «أو ثلاثة أيام» is the rest of the date.
    e = _one(
        "وأكد الوزير أن «الخطة الجديدة لقطاع النقل ستكتمل خلال يومين أو ثلاثة أيام، وبعدها تعرض على المجلس "
        "بحيث تبدأ معها المرحلة الثانية»."
    )
    assert (e.start, e.summary) == (date(2024, 3, 17), "الخطة الجديدة لقطاع النقل تكتمل")


def test_two_named_subjects_joined_by_and_are_both_the_agent() -> None:
    # «أن مصر والولايات المتحدة ستواصلان»: the dual verb has both; the conference after the comma is another
    # clause's event with another date.
    events = _events(
        "وأعلن الوزير أن مصر والولايات المتحدة ستواصلان النقاش حول اتفاقية التجارة غدا، مشيرا إلى أن مؤتمرا "
        "كبيرا سيعقد في العام المقبل.",
        actors=(("مصر", "country"), ("الولايات المتحدة", "country")),
    )
    assert [(e.start, e.summary) for e in events][0] == (
        date(2024, 3, 17),
        "مصر والولايات المتحدة تواصلان النقاش حول اتفاقية التجارة",
    )


def test_a_pronoun_object_after_will_be_done_is_no_event_head() -> None:
    # «سيتم طرحها للتصويت»: «طرحها» names nothing; «سيتم» is no verb of the vote.
    titles = [e.summary for e in _events("وقالت الشركة إن الأسماء التي سيتم طرحها للتصويت ستعلن غدا.")]
    assert not any("طرحها" in t or t.endswith("يتم") for t in titles), titles


def test_a_noun_that_starts_like_fa_and_a_past_stem_is_no_verb() -> None:
    # «فرعي» (two branches) is not «ف + رعى»: the complement goes on.
    e = _one("وسيتم غدا افتتاح فرعي الجمعية في جدة والدمام.")
    assert e.summary == "افتتاح فرعي الجمعية في جدة والدمام"


def test_a_copula_before_the_date_heads_no_event() -> None:
    # «ستكون الأسعار في متناول الجميع غدا» is a forecast; the trip after the comma is another clause's.
    titles = [
        e.summary for e in _events("وقال إن الأسعار ستكون في متناول الجميع غدا، حيث تستغرق الجولة أياما.")
    ]
    assert not any("متناول" in t for t in titles), titles


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # «تعقد» (ت): the feminine plural «المفاوضات» before the comma is what will be held
        (
            "وقال المسؤول إن الجولة الثالثة من المفاوضات بشأن الحدود، يمكن أن تعقد يوم 20 أبريل المقبل.",
            "عقد المفاوضات بشأن الحدود",
        ),
        # «ينتهي» (ي): the masculine «المؤتمر», past its relative clause
        (
            "وأعلن المنظمون أن المؤتمر الدولي للطاقة، الذي افتتح عام 2010، وينتهي في 20 أبريل المقبل، يستقبل "
            "آلاف الزوار.",
            "انتهاء المؤتمر الدولي للطاقة",
        ),
        # the whole subject after «أن», not the genitive alone («انطلاق المعرض»)
        (
            "وقال المنظمون إن المرحلة الثانية للمعرض ستنطلق يوم الإثنين المقبل.",
            "انطلاق المرحلة الثانية للمعرض",
        ),
    ],
)
def test_a_verb_with_its_subject_left_in_it_takes_the_event_noun_it_agrees_with(
    text: str, title: str
) -> None:
    e = _one(text)
    assert e.summary == title
    _readable(e.summary)


def test_starting_from_and_a_duration_belong_to_the_date_and_the_object_follows_them() -> None:
    # «ابتداءً من … ولمدة 3 أيام» is the when; «دورة تدريبية» after it is what is organised.
    e = _one(
        "تنظم المديرية الصحية بمنطقة تبوك ابتداءً من يوم الاثنين المقبل ولمدة 3 أيام دورة تدريبية للممرضين."
    )
    assert e.summary.startswith("المديرية الصحية تنظم بمنطقة تبوك دورة تدريبية")


def test_starting_from_is_no_event_noun() -> None:
    # «بدءاً من اليوم» introduces the date of the meetings, not a start.
    e = _one(
        "يشارك الأمين العام في اجتماعات اللجنة الدائمة للاتحادات، التي ستنعقد لمدة يومين في الدوحة بدءاً "
        "من غد الأحد."
    )
    assert e.summary == "انعقاد اجتماعات اللجنة الدائمة للاتحادات في الدوحة"


def test_a_date_word_between_the_name_and_its_verb_keeps_the_agent() -> None:
    e = _one("جون كيري غدا يزور القاهرة لبحث الأزمة.", actors=(("جون كيري", "person"),))
    assert e.summary.startswith("جون كيري يزور القاهرة")


# --- titles of real days: the relative pronoun's antecedent, a session a case is put off to, what is started


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # the whole antecedent of «التي», past its genitives and a coordinated ordinal; the «ل» of purpose
        # after «استعدادا» is no part of it («انطلاق الناشئين» named only the last genitive)
        (
            "دخل اللاعبون معسكرا استعدادا لبطولة آسيا الخامسة للشباب والثالثة للناشئين التي ستنطلق الأحد "
            "المقبل في الدوحة.",
            "انطلاق بطولة آسيا الخامسة للشباب والثالثة للناشئين في الدوحة",
        ),
        # «، والذي» after a comma: the subject of the verb before it opens the phrase
        (
            "يحسم المجلس الأعلى لرؤساء الأندية، والذي سينعقد لمدة يومين في الدوحة بدءا من يوم غد الأحد، مصير "
            "البطولة.",
            "انعقاد المجلس الأعلى لرؤساء الأندية في الدوحة",
        ),
        # the date set off by a comma before what is started, with «ب»
        (
            "وأوضح المتحدث أن اللجنة ستبدأ يوم الاثنين المقبل، بتجهيز المراكز الانتخابية في المحافظة.",
            "اللجنة تبدأ بتجهيز المراكز الانتخابية في المحافظة",
        ),
        # ... or with «في»
        (
            "وقال المدير إن الهيئة ستبدأ غدا، في توزيع الاستمارات على المدارس.",
            "الهيئة تبدأ في توزيع الاستمارات على المدارس",
        ),
    ],
)
def test_a_verb_takes_its_whole_subject_and_what_it_starts(text: str, title: str) -> None:
    # the antecedent of a relative pronoun read back whole; what a verb of starting starts, after the date
    e = _one(text)
    assert e.summary == title
    _readable(e.summary)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "قررت المحكمة اليوم تأجيل محاكمة وزير الزراعة السابق في قضية الأراضي إلى جلسة 25 مارس.",
            "جلسة محاكمة وزير الزراعة السابق",
        ),
        # «نظر» (the hearing of) is left out
        ("قررت المحكمة أمس تأجيل نظر قضية التهريب إلى جلسة يوم الثلاثاء المقبل.", "جلسة قضية التهريب"),
    ],
)
def test_a_session_a_case_is_put_off_to_is_named_by_the_case(text: str, title: str) -> None:
    sessions = [e for e in _events(text) if e.kind == "session"]
    assert [e.summary for e in sessions] == [title]
    _readable(sessions[0].summary)


def test_a_verb_of_starting_with_a_place_takes_no_subject_as_agent() -> None:
    # «في الرياض» is where, not what is started: the title stays the start of the antecedent
    e = _one("وقال المدير إن المرحلة الثانية ستبدأ غدا في الرياض.")
    assert e.summary.startswith("بدء المرحلة الثانية"), e.summary


def test_a_pronoun_after_a_plural_and_its_participle_names_the_plural_and_no_date_is_left() -> None:
    # «عليها» refers to «الوظائف» (the participle «المؤقتة» agrees with it); no «/10 / 1445هـ» stays behind
    e = _one(
        "أعلنت الإدارة عن توفر عدد من الوظائف المؤقتة للسائقين، ويبدأ التقديم عليها من يوم الأحد الموافق "
        "24 /10 / 1445هـ في مقر الإدارة."
    )
    assert e.summary.startswith("بدء التقديم على الوظائف"), e.summary
    assert "/" not in e.summary and "1445" not in e.summary


def test_a_relative_pronoun_after_a_prepositional_phrase_keeps_the_nearer_antecedent() -> None:
    # «بمواعيد» opens a phrase governed by «ب»: the antecedent read back stops there
    e = _one(
        "وكشف المتحدث عن حملة إعلانية، بهدف تعريف السكان بمواعيد قيد الناخبين التي تبدأ يوم الأحد المقبل."
    )
    assert "بهدف" not in e.summary and "قيد الناخبين" in e.summary, e.summary


@pytest.mark.parametrize(
    "text",
    [
        # «في نهاية جولته» says when in the tour; the place visited follows the date
        "وسيزور بلينكن في نهاية جولته من 6 إلى 8 مايو اليابان التي تحتفل بذكرى العلاقات.",
        # the place visited after the date and a comma
        "وأخيراً سيزور بلينكن من 6 إلى 8 مايو، اليابان التي تحتفل بذكرى العلاقات.",
    ],
)
def test_the_place_visited_may_follow_the_date(text: str) -> None:
    e = _one(text, actors=(("بلينكن", "person"),))
    assert e.summary == "بلينكن يزور اليابان"


@pytest.mark.parametrize(
    "text",
    [
        "وسيزور بلينكن في نهاية جولته من 6 إلى 8 مايو فيتنام التي تحتفل بذكرى العلاقات.",
        "وأخيراً سيزور بلينكن من 6 إلى 8 مايو، فيتنام التي تحتفل بذكرى العلاقات.",
    ],
)
def test_a_name_that_opens_like_a_verb_is_no_verb(text: str) -> None:
    # «فيتنام» looks like «ف» + an imperfect verb; a recognised name never ends the complement
    e = _one(text, actors=(("بلينكن", "person"), ("فيتنام", "country")))
    assert e.summary == "بلينكن يزور فيتنام"
