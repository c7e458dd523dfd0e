"""Tests for the upcoming-event extractor (briefing.nlp.events.extract): the seed article, tense cues, status,
follow-up sentences, durations, and the dev-set score.
"""

from __future__ import annotations

import importlib.util
import sys
from datetime import date, datetime
from pathlib import Path
from types import ModuleType

import pytest

from briefing.models import Actor, ActorKind, Event, Sentence
from briefing.nlp.events.extract import extract_events
from briefing.nlp.events.tense import sentence_tense
from briefing.nlp.text.prepare import prepare
from briefing.nlp.text.sentences import split_spans

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seed" / "000_2691c3d6e140cbfc.txt"
SAT = datetime.fromisoformat("2024-03-16T19:00:00+02:00")


def _sentences(body: str) -> list[Sentence]:
    return [Sentence(i, a, b, body[a:b]) for i, (a, b) in enumerate(split_spans(body))]


def _actor(body: str, name: str, kind: ActorKind, *aliases: str) -> Actor:
    """An actor with every mention of its name and aliases found with str.find (longest forms first)."""
    spans: list[tuple[int, int]] = []
    for form in sorted((name, *aliases), key=len, reverse=True):
        i = body.find(form)
        while i >= 0:
            if not any(a <= i < b for a, b in spans):
                spans.append((i, i + len(form)))
            i = body.find(form, i + 1)
    return Actor(name, kind, mentions=tuple(sorted(spans)))


def _events(
    text: str, published: datetime = SAT, lang: str = "ar", actors: list[Actor] | None = None
) -> list[Event]:
    return extract_events(text, _sentences(text), actors or [], published, lang)


# --- the seed -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> tuple[str, list[Event]]:
    if not SEED.exists():
        pytest.fail(f"the shared seed is missing: {SEED}")
    body = prepare(SEED.read_text(encoding="utf-8")).body
    actors = [
        _actor(body, "غير بيدرسون", "person", "بيدرسون"),
        _actor(body, "فيصل المقداد", "person"),
        _actor(body, "ألكسندر يفيموف", "person"),
        _actor(body, "حسين أكبري", "person"),
        _actor(body, "علي عباس", "person"),
        _actor(body, "حميد رضا أشتياني", "person", "رضا أشتياني"),
        _actor(body, "بوراك أكجابار", "person"),
        _actor(body, "ميخائيل غالوزين", "person"),
        _actor(body, "أونجو كيتشالي", "person"),
        _actor(body, "اللجنة الدستورية", "org"),
        _actor(body, "وزارة الخارجية التركية", "org"),
        _actor(body, "سورية", "country"),
        _actor(body, "روسيا", "country"),
        _actor(body, "إيران", "country"),
        _actor(body, "تركيا", "country"),
        _actor(body, "دمشق", "place"),
        _actor(body, "طهران", "place"),
        _actor(body, "غزة", "place"),
    ]
    return body, extract_events(body, _sentences(body), actors, SAT, "ar")


def test_seed_has_exactly_one_upcoming_visit(seed: tuple[str, list[Event]]) -> None:
    _, events = seed
    assert len(events) == 1
    (e,) = events
    assert (e.kind, e.start, e.end, e.precision) == ("visit", date(2024, 3, 17), date(2024, 3, 18), "day")
    assert e.where == "دمشق"
    assert e.date_text == "يوم غدٍ الأحد"
    assert e.trigger == "يصل"
    assert e.status == "firm"
    assert {"غير بيدرسون", "فيصل المقداد", "ألكسندر يفيموف", "حسين أكبري"} <= set(e.who)
    assert e.who[0] == "غير بيدرسون"  # persons first, in order of mention
    assert "علي عباس" not in e.who and "أونجو كيتشالي" not in e.who
    assert e.summary == "غير بيدرسون يصل إلى دمشق لإجراء مباحثات"
    assert e.purpose is not None and e.purpose.startswith("لإجراء مباحثات")
    assert e.sentence_index == 4


def test_seed_past_events_are_not_upcoming(seed: tuple[str, list[Event]]) -> None:
    body, events = seed
    dated = {e.date_text for e in events}
    for past in ("مساء اليوم السبت", "يوم الجمعة", "يوم الجمعة الفائت"):
        assert past in body and past not in dated


def test_seed_sentence_tenses(seed: tuple[str, list[Event]]) -> None:
    body, _ = seed
    tenses = [sentence_tense(s.text, "ar") for s in _sentences(body)]
    assert tenses[0] == "past"  # التقى ... مساء اليوم السبت
    assert tenses[4] == "future"  # ومن المقرر أن يصل
    assert tenses[5] == "future"  # وينتظر أن يلتقي
    assert tenses[6] == tenses[7] == "past"  # وكانت ... قد ذكرت / وكان ... قد أشار


# --- tense cues ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "lang", "tense"),
    [
        ("من المقرر أن يزور الرئيس القاهرة", "ar", "future"),
        ("من المنتظر أن تعقد القمة في الرياض", "ar", "future"),
        ("ينتظر أن يلتقي الوزير نظيره", "ar", "future"),
        ("يتوقع أن تصدر النتائج", "ar", "future"),
        ("من المتوقع وصول الوفد", "ar", "future"),
        ("يعتزم الرئيس زيارة باريس", "ar", "future"),
        ("سوف تعقد الحكومة اجتماعاً", "ar", "future"),
        ("سيزور الوزير بغداد", "ar", "future"),
        ("ستعقد الجلسة في موعدها", "ar", "future"),
        ("يستعد الجيش لإطلاق عملية", "ar", "future"),
        ("التقى الوزير نظيره في طهران", "ar", "past"),
        ("أجرى الجانبان مشاورات", "ar", "past"),
        ("وكان الرئيس قد أعلن عن خطته", "ar", "past"),
        ("لا سيما في المدن الكبرى والسياسة العامة", "ar", "unknown"),
        ("The envoy will visit Damascus.", "en", "future"),
        ("The summit is scheduled to open in Riyadh.", "en", "future"),
        ("Talks are set to resume.", "en", "future"),
        ("The minister is due to arrive.", "en", "future"),
        ("The king plans to visit Paris.", "en", "future"),
        ("The president is to address parliament.", "en", "future"),
        ("The upcoming elections worry the opposition.", "en", "future"),
        ("The ministers met in Cairo.", "en", "past"),
    ],
)
def test_sentence_tense(sentence: str, lang: str, tense: str) -> None:
    assert sentence_tense(sentence, lang) == tense


def test_each_date_takes_the_tense_of_its_own_clause() -> None:
    text = "قال وزير الخارجية أمس إن الرئيس سيزور دمشق الأحد لبحث العلاقات الثنائية."
    (e,) = _events(text)
    assert (e.start, e.kind, e.date_text) == (date(2024, 3, 17), "visit", "الأحد")


def test_past_only_paragraphs_give_nothing() -> None:
    assert _events("التقى الرئيس أمس الجمعة سفراء الاتحاد الأوروبي، وبحث معهم الأوضاع في المنطقة.") == []
    assert _events("وكانت القمة السابقة قد عقدت في جدة في مايو الماضي.") == []
    assert _events("The ministers met in Cairo on Friday and discussed the truce.", lang="en") == []


def test_same_day_event_needs_a_future_cue() -> None:
    (e,) = _events("يلقي الرئيس مساء اليوم كلمة أمام البرلمان.")
    assert e.start == date(2024, 3, 16)
    assert _events("ألقى الرئيس مساء اليوم كلمة أمام البرلمان.") == []


# --- status -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "status", "start"),
    [
        (
            "سيتوجه الوفد إلى القاهرة الأربعاء في حال تلقى رداً إيجابياً.",
            "ar",
            "conditional",
            date(2024, 3, 20),
        ),
        (
            "أعلنت الرئاسة إلغاء الاجتماع الذي كان مقرراً الثلاثاء المقبل.",
            "ar",
            "cancelled",
            date(2024, 3, 19),
        ),
        ("أُلغيت القمة التي كانت مقررة الخميس المقبل.", "ar", "cancelled", date(2024, 3, 21)),
        ("قررت المحكمة تأجيل الجلسة إلى 15 أبريل المقبل.", "ar", "postponed", date(2024, 4, 15)),
        ("أرجئت الانتخابات إلى الشهر المقبل.", "ar", "postponed", date(2024, 4, 1)),
        ("Talks will take place on Thursday if both sides agree.", "en", "conditional", date(2024, 3, 21)),
        ("Jordan cancelled a summit that was scheduled for Wednesday.", "en", "cancelled", date(2024, 3, 20)),
        ("The vote, due in May, has been postponed to June.", "en", "postponed", date(2024, 6, 1)),
    ],
)
def test_status(text: str, lang: str, status: str, start: date) -> None:
    (e,) = _events(text, lang=lang)
    assert (e.status, e.start) == (status, start)


# --- follow-ups, durations, merging -------------------------------------------------------------


def test_follow_up_sentence_attaches_to_the_event() -> None:
    text = (
        "يصل وزير الخارجية التركي إلى القاهرة الثلاثاء المقبل في زيارة رسمية. "
        "ومن المنتظر أن يلتقي خلال زيارته التي تستمر يومين نظيره المصري سامح شكري."
    )
    actors = [_actor(text, "سامح شكري", "person"), _actor(text, "القاهرة", "place")]
    (e,) = _events(text, actors=actors)
    assert (e.start, e.end, e.where) == (date(2024, 3, 19), date(2024, 3, 20), "القاهرة")
    assert e.who == ("سامح شكري",)


@pytest.mark.parametrize(
    ("text", "lang", "end"),
    [
        ("يبدأ الوزير غداً زيارة إلى طهران لمدة ثلاثة أيام.", "ar", date(2024, 3, 19)),
        ("يبدأ الوزير غداً زيارة إلى طهران على مدى يومين.", "ar", date(2024, 3, 18)),
        ("يصل الرئيس غداً إلى الرياض في زيارة تستغرق يومين.", "ar", date(2024, 3, 18)),
        ("The minister will visit Tehran tomorrow for three days.", "en", date(2024, 3, 19)),
        ("The minister begins a two-day visit to Tehran tomorrow.", "en", date(2024, 3, 18)),
    ],
)
def test_durations_set_the_end(text: str, lang: str, end: date) -> None:
    (e,) = _events(text, lang=lang)
    assert (e.start, e.end) == (date(2024, 3, 17), end)


def test_two_distinct_events() -> None:
    text = "تستضيف الرياض القمة العربية في 16 أيار المقبل، فيما تجرى الانتخابات البرلمانية في 10 حزيران."
    events = _events(text)
    assert [(e.kind, e.start) for e in events] == [
        ("summit", date(2024, 5, 16)),
        ("election", date(2024, 6, 10)),
    ]


# --- plans that changed, plans told as background, and clauses that add an event ------------------


def test_a_plan_said_in_the_past_without_a_status_is_the_old_date() -> None:
    # «كان من المقرر» with no cancellation in its sentence: the new date is elsewhere; the old one is none.
    text = (
        "وكان من المقرر أن يقام المعرض في مدينة جدة خلال شهر أيار المقبل. ويفتتح المعرض في 20 حزيران المقبل."
    )
    assert [e.start for e in _events(text)] == [date(2024, 6, 20)]
    # With the cancellation in the same sentence the event stays, marked.
    (e,) = _events("أُلغي المعرض الذي كان من المقرر أن يقام في جدة يوم 20 أيار المقبل.")
    assert e.status == "cancelled"


def test_a_postponement_moves_to_the_later_date_of_its_sentence() -> None:
    text = (
        "قرر الاتحاد تأجيل البطولة التي كانت مقررة في شهر تشرين الثاني المقبل لمدة عام، "
        "لتقام في تشرين الثاني 2025."
    )
    (e,) = _events(text)
    assert (e.start, e.status) == (date(2025, 11, 1), "postponed")
    # "after the Eid" is no new date: the event keeps its date, shown as postponed.
    (e,) = _events(
        "وكان من المقرر أن يعقد اللقاء يوم 20 آذار، لكن المنظمين أعلنوا تأجيله إلى ما بعد عيد الفطر."
    )
    assert (e.start, e.status) == (date(2024, 3, 20), "postponed")
    # A bare weekday a put-off plan was set for is the nearest one: on Saturday, Thursday is two days back,
    # so the talks are no upcoming event; on Tuesday it is two days ahead, shown as postponed.
    text = "وكان من المفترض أن تبدأ جولة ثانية من المحادثات في الدوحة الخميس، إلا أن الوسطاء أرجأوها."
    assert _events(text) == []
    (e,) = _events(text, published=datetime.fromisoformat("2024-03-19T10:00:00+03:00"))
    assert (e.start, e.status) == (date(2024, 3, 21), "postponed")
    # «من الخميس إلى الأحد» after a plan that was put off is a move, not a four-day span.
    (e,) = _events("أرجئت القمة التي كانت مقررة الخميس إلى الأحد المقبل.")
    assert (e.start, e.end, e.status) == (date(2024, 3, 17), None, "postponed")


def test_a_same_day_plan_in_a_pluperfect_report_is_background() -> None:
    evening = datetime.fromisoformat("2024-03-16T22:00:00+03:00")
    text = "وكان المتحدث قد أوضح في وقت سابق أن الوزير سيلتقي مساء اليوم نظيره الفرنسي في باريس."
    assert _events(text, published=evening) == []
    # Tomorrow is still to come, and a plain report of today's plan stands.
    assert len(_events(text.replace("مساء اليوم", "غداً"), published=evening)) == 1
    assert len(_events("أوضح المتحدث أن الوزير سيلتقي مساء اليوم نظيره الفرنسي في باريس.")) == 1


def test_also_adds_a_second_event_on_the_same_day() -> None:
    text = (
        "يعقد الوزير اليوم اجتماعاً مع نظرائه الخليجيين في الرياض. "
        "ويعقد الوزير أيضاً اليوم في الرياض اجتماعاً مع وزير الخارجية الياباني."
    )
    assert [e.start for e in _events(text)] == [date(2024, 3, 16), date(2024, 3, 16)]
    # Without "also" the second sentence re-tells the first meeting; so does an "also" of the report.
    assert len(_events(text.replace("أيضاً ", ""))) == 1
    retold = "يزور الوزير الرياض غداً. وأكد المتحدث أيضاً أن الزيارة ستتم غداً كما هو مقرر."
    assert len(_events(retold)) == 1


def test_a_where_clause_adds_an_event_at_the_same_date() -> None:
    text = "تعقد جولة المفاوضات المقبلة في نيروبي في 20 نيسان المقبل، حيث سيتم توقيع اتفاق لوقف القتال."
    assert [(e.kind, e.start) for e in _events(text)] == [
        ("talks", date(2024, 4, 20)),
        ("signing", date(2024, 4, 20)),
    ]


def test_the_end_of_something_under_way_is_no_event() -> None:
    assert _events("وتستمر جولة المبعوث في المنطقة حتى 20 آذار الجاري.") == []
    # ... however long the subject between the verb and «حتى».
    assert _events("وتستمر جولة المبعوث الأممي الخاص إلى الشرق الأوسط في عواصم المنطقة حتى 20 آذار.") == []
    # The end of something else under way closes no event of another kind.
    (e,) = _events("يلتقي الوزير نظيره يوم الخميس المقبل في عمان، ويستمر المعرض حتى 28 آذار.")
    assert (e.kind, e.start, e.end) == ("meeting", date(2024, 3, 21), None)
    # ... but a deadline is one.
    (e,) = _events("البرلمان أمامه حتى 30 نيسان ليصوت على الموازنة.")
    assert (e.kind, e.start) == ("deadline", date(2024, 4, 30))
    # The deadline is the date after «حتى», not the date of the law that set it.
    (e,) = _events("وبموجب قانون صدر في شباط فإن البرلمان أمامه حتى 30 نيسان ليصوت على الموازنة.")
    assert (e.kind, e.start) == ("deadline", date(2024, 4, 30))
    (e,) = _events("Parliament has until April 30 to vote on the budget.", lang="en")
    assert (e.kind, e.start) == ("deadline", date(2024, 4, 30))


def test_presence_at_a_place_on_two_days() -> None:
    text = "وسيكون وزير الخارجية الياباني في الرياض غداً الأحد وبعد غد الاثنين."
    (e,) = _events(text)
    assert (e.kind, e.start, e.end) == ("visit", date(2024, 3, 17), date(2024, 3, 18))
    # A state is no presence: «ستكون جاهزة لاستضافة البطولة في».
    assert _events("المدينة ستكون جاهزة لاستضافة البطولة في أيار المقبل.") == []


@pytest.mark.parametrize(
    "text",
    [
        "قبلت الحركة الدعوة لزيارة موسكو وسيحدد الموعد لاحقاً.",
        "تمهد التعديلات لإجراء الانتخابات البرلمانية خلال الأشهر المقبلة.",
    ],
)
def test_no_date_yet_is_no_event(text: str) -> None:
    assert _events(text) == []


def test_a_council_resumes_work_on_an_ordinal_hijri_day() -> None:
    (e,) = _events("يباشر المجلس البلدي عمله يوم الأحد الثامن من شهر شوال المقبل.")
    assert e.start == date(2024, 4, 17)


def test_a_weekday_after_a_given_name_is_a_surname() -> None:
    text = "ويشارك الأمين العام للاتحاد أحمد الخميس في اجتماعات اللجنة التي تعقد في الكويت."
    assert _events(text, actors=[_actor(text, "أحمد", "person")]) == []
    # After a full name or a surname it is the day.
    for name in ("سامح شكري", "بيدرسون"):
        text = f"يصل {name} الخميس إلى عمّان في زيارة رسمية."
        (e,) = _events(text, actors=[_actor(text, name, "person")])
        assert e.start == date(2024, 3, 21)


def test_a_weekday_after_a_fathers_name_is_a_surname_before_a_title_or_beside_another_date() -> None:
    name = "خالد بن سعد"
    titled = f"ويشارك {name} الخميس الأمين العام لاتحاد الكرة في اجتماعات اللجنة."
    assert _events(titled, actors=[_actor(titled, name, "person")]) == []
    dated = f"يشارك {name} الخميس في اجتماعات اللجنة الفنية التي تعقد في الدوحة يوم غد الأحد."
    (e,) = _events(dated, actors=[_actor(dated, name, "person")])
    assert e.start == date(2024, 3, 17)
    # With neither, the weekday after «فيصل بن فرحان» may well be the day of the visit.
    plain = "يزور الوزير فيصل بن فرحان الخميس العاصمة الأردنية."
    (e,) = _events(plain, actors=[_actor(plain, "فيصل بن فرحان", "person")])
    assert e.start == date(2024, 3, 21)


def test_english_event_parts() -> None:
    text = "U.N. envoy Geir Pedersen will travel to Damascus on Sunday for talks with Syrian officials."
    actors = [_actor(text, "Geir Pedersen", "person"), _actor(text, "Damascus", "place")]
    (e,) = _events(text, lang="en", actors=actors)
    assert (e.kind, e.start, e.where, e.who) == ("visit", date(2024, 3, 17), "Damascus", ("Geir Pedersen",))
    assert "Pedersen" in e.summary and "Sunday" not in e.summary
    assert e.purpose == "for talks with Syrian officials"


def test_where_falls_back_to_a_known_place() -> None:
    (e,) = _events("تعقد القمة العربية في المنامة الخميس المقبل.")
    assert e.where is None or e.where == "المنامة"
    (e,) = _events("يصل الوفد غداً إلى بغداد لإجراء محادثات.")
    assert e.where == "بغداد"
    # The common-noun subject after the verb is the agent: the title puts it first (SV), with its venue.
    assert e.summary == "الوفد يصل إلى بغداد لإجراء محادثات"


def test_no_dates_no_events_and_never_raises_on_odd_input() -> None:
    assert _events("") == []
    assert _events("خبر بلا تاريخ ولا موعد.") == []
    assert extract_events("غداً", [], [], SAT, "ar") == []  # no trigger: no event


# --- the dev set --------------------------------------------------------------------------------


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_events", ROOT / "bench" / "events.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_dev_set_f1() -> None:
    bench = _bench()
    items = bench.load()
    assert len(items) >= 40
    assert sum(i["lang"] == "ar" for i in items) >= 28 and sum(i["lang"] == "en" for i in items) >= 12
    scores = bench.score(items)
    assert scores.f1 >= 0.85, scores


def test_a_trigger_past_a_new_clause_is_not_the_dates() -> None:
    # The Friday is when the fire was set; the consultations of the next clause began already.
    text = (
        "أعلنت الحكومة أنها ستطلب من مجلس الأمن التحقيق في إحراق منزل قرب الخليل، الجمعة، "
        "وقالت إنها بدأت مشاورات مع مصر حول مشروع قرار."
    )
    assert _events(text) == []
    # Nor is one in a purpose phrase after it: the season does not start on the 8th.
    assert _events("ويعود الفريق إلى جدة يوم 28 آذار الحالي استعدادا لانطلاقة الموسم الجديد.") == []
    # A trigger before a new clause whose own verb the date follows is not the date's: the committee
    # announces next week, the vote is not next week.
    text = "وقال الوزير إن الانتخابات في يد اللجنة العليا، متوقعاً أن تعلن اللجنة مواعيدها الأسبوع المقبل."
    assert _events(text) == []
    # Nor is the event a date is said relative to («عقب», "after") its event.
    (e,) = _events(text[:-1] + " عقب افتتاح المعرض الدولي المقرر يوم الخميس المقبل.")
    assert (e.kind, e.start) == ("exhibition", date(2024, 3, 21))
    # A date that opens a new clause with its own verb («، وفي يوم الأربعاء تنظم») is that verb's.
    text = "وقال المسؤول إن البرنامج سينطلق بمحاضرة عن المواطنة، وفي يوم الأربعاء تنظم الإدارة ندوة عن الأمن."
    (e,) = _events(text)
    assert e.start == date(2024, 3, 20) and "ندوة" in e.summary and "البرنامج" not in e.summary
    # In its own clause a trigger after the date is the date's.
    (e,) = _events("يبدأ غداً اجتماع اللجنة في الخليل لبحث مشروع القرار.")
    assert (e.kind, e.start) == ("meeting", date(2024, 3, 17))


def test_an_edition_takes_the_kind_of_the_event_it_is_of() -> None:
    (e,) = _events("تبدأ فعاليات الدورة الرابعة لمهرجان الشعر في أبها الأربعاء المقبل.")
    assert (e.kind, e.start) == ("festival", date(2024, 3, 20))
    # ... and so one festival with its span in a later sentence.
    text = (
        "تبدأ الدورة الرابعة لمهرجان الشعر في أبها الأربعاء المقبل. "
        "وتستمر عروض المهرجان من 20 آذار إلى 25 آذار."
    )
    (e,) = _events(text)
    assert (e.kind, e.start, e.end) == ("festival", date(2024, 3, 20), date(2024, 3, 25))
    # An ordinary session of a council stays a session.
    (e,) = _events("تعقد الدورة العادية لمجلس الجامعة الأربعاء المقبل.")
    assert e.kind == "session"


def test_in_its_turn_is_no_session() -> None:
    # «بدورها» (in its turn) is no «دورة» with an accusative alif.
    text = "وأكد الوزير أن المبادرة ستحقق مكاسب تنعكس بدورها على حياة الناس يوم الخميس المقبل."
    assert all(e.kind != "session" for e in _events(text))


def test_a_date_in_a_before_clause_is_that_clauses() -> None:
    # The 26th is when the camp ends; the match is some day before it.
    assert (
        _events("تقام المباراة الودية الثالثة قبل أن ينهي الفريق معسكره في السادس والعشرين من الشهر الجاري.")
        == []
    )
    (e,) = _events("تقام المباراة الودية الثالثة في السادس والعشرين من الشهر الجاري.")
    assert e.start == date(2024, 3, 26)


def test_the_end_of_what_a_relative_clause_describes_closes_no_span() -> None:
    text = "يخوض المنتخب مباراته الثالثة في بطولة غرب آسيا غداً في عمّان المقامة حالياً حتى 22 آذار."
    (e,) = _events(text)
    assert (e.start, e.end) == (date(2024, 3, 17), None)
    # A relative clause on the event itself still gives its end.
    (e,) = _events("يبدأ الوزير غداً زيارته التي تستمر حتى الثلاثاء.")
    assert (e.start, e.end) == (date(2024, 3, 17), date(2024, 3, 19))
