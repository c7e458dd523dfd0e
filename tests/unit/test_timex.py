"""Tests for the temporal tagger and resolver (briefing.nlp.timex.tagger, its Arabic and English scanners)."""

from __future__ import annotations

import csv
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.nlp.events.tense import sentence_tense
from briefing.nlp.text import cues, numbers
from briefing.nlp.timex.calendar import last_weekday, next_weekday
from briefing.nlp.timex.tagger import find_timexes
from briefing.nlp.timex.types import Timex

CASES = Path(__file__).resolve().parent.parent / "data" / "timex_cases.tsv"
SAT = datetime.fromisoformat("2024-03-16T19:00:00+02:00")


@dataclass(frozen=True)
class Case:
    lang: str
    published: str
    tense: str
    sentence: str
    expression: str
    start: str
    end: str
    precision: str


def _load() -> list[Case]:
    with CASES.open(encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [Case(**row) for row in reader]


ALL = _load()


def test_the_table_is_big_enough() -> None:
    assert len(ALL) >= 250
    assert sum(c.lang == "ar" for c in ALL) >= 170
    assert sum(c.lang == "en" for c in ALL) >= 80


def _covering(case: Case) -> list[Timex]:
    tense = sentence_tense(case.sentence, case.lang) if case.tense == "auto" else case.tense
    found = find_timexes(case.sentence, datetime.fromisoformat(case.published), case.lang, tense)  # type: ignore[arg-type]
    a = case.sentence.find(case.expression)
    b = a + len(case.expression)
    return [t for t in found if t.start < b and t.end > a]


@pytest.mark.parametrize("case", ALL, ids=[f"{c.lang}-{c.published[:10]}-{c.expression}" for c in ALL])
def test_case(case: Case) -> None:
    hits = _covering(case)
    assert len(hits) == 1, hits
    t = hits[0]
    got = (t.value.isoformat(), t.value_end.isoformat() if t.value_end else "", t.precision)
    assert got == (case.start, case.end, case.precision), t
    assert case.sentence[t.start : t.end] == t.text


# --- the ARABIC.md date table, row by row (published Saturday 2024-03-16) -----------------------


def _one(text: str, tense: str = "unknown", lang: str = "ar") -> Timex:
    found = find_timexes(text, SAT, lang, tense)  # type: ignore[arg-type]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text", ["اليوم", "مساء اليوم", "الليلة"])
def test_today(text: str) -> None:
    assert _one(f"تعقد الجلسة {text} في العاصمة").value == date(2024, 3, 16)


@pytest.mark.parametrize("text", ["غداً", "غدا", "يوم غدٍ", "يوم غد", "صباح الغد"])
def test_tomorrow(text: str) -> None:
    t = _one(f"يصل الوفد {text} إلى دمشق")
    assert (t.value, t.direction) == (date(2024, 3, 17), "future")


def test_tomorrow_with_weekday_agreeing_and_disagreeing() -> None:
    agree = _one("يصل المبعوث إلى دمشق يوم غدٍ الأحد")
    assert (agree.value, agree.text) == (date(2024, 3, 17), "يوم غدٍ الأحد")
    disagree = _one("يصل المبعوث إلى دمشق يوم غدٍ الاثنين")
    assert disagree.value == date(2024, 3, 18)  # the weekday wins
    assert disagree.confidence < agree.confidence


def test_bare_weekday_follows_the_tense() -> None:
    assert _one("يزور الرئيس أنقرة الأحد", "future").value == date(2024, 3, 17)
    assert _one("التقى الوزيران يوم الجمعة", "past").value == date(2024, 3, 15)
    assert _one("التقى الوزيران الجمعة الفائت").value == date(2024, 3, 15)
    assert _one("اجتمع الوفدان السبت", "past").value == date(2024, 3, 16)  # same day counts when past
    # A bare weekday that is the publication's own weekday names that day, whatever the tense: news writes
    # «السبت» / "on Saturday" for the day it is published; a week later would be «السبت المقبل».
    assert _one("يجتمع الوفدان السبت", "future").value == date(2024, 3, 16)
    assert _one("يجتمع الوفدان السبت المقبل", "future").value == date(2024, 3, 23)
    assert _one("اليوم السبت", "future").value == date(2024, 3, 16)
    assert (
        _one("تعقد القمة الخميس المقبل").value == _one("تعقد القمة الخميس القادم").value == date(2024, 3, 21)
    )


def test_relative_units() -> None:
    # An Arabic week runs from Sunday (the Arab work week): said on Saturday 16 March, next week is 17-23.
    week = _one("تعقد الجولة الأسبوع المقبل")
    assert (week.value, week.value_end, week.precision) == (date(2024, 3, 17), date(2024, 3, 23), "week")
    # Said on a Sunday, it is the week from the next Sunday, not the days left of this one.
    sunday = datetime.fromisoformat("2015-08-02T10:00:00+03:00")
    [said] = find_timexes("يجتمع المجلس الأسبوع المقبل", sunday, "ar")
    assert (said.value, said.value_end) == (date(2015, 8, 9), date(2015, 8, 15))
    [this] = find_timexes("يصل المدرب نهاية الأسبوع الجاري", sunday, "ar")
    assert (this.value, this.value_end) == (date(2015, 8, 6), date(2015, 8, 8))
    # English weeks stay Monday to Sunday.
    [en] = find_timexes("The council meets next week", sunday, "en")
    assert (en.value, en.value_end) == (date(2015, 8, 3), date(2015, 8, 9))
    month = _one("تجرى الانتخابات الشهر المقبل")
    assert (month.value, month.precision) == (date(2024, 4, 1), "month")
    year = _one("يعقد المؤتمر العام المقبل")
    assert (year.value.year, year.precision) == (2025, "year")


@pytest.mark.parametrize("text", ["خلال الأيام المقبلة", "قريباً"])
def test_vague(text: str) -> None:
    assert _one(f"يزور الرئيس المنطقة {text}").precision == "vague"


def test_offsets_and_windows() -> None:
    assert _one("يصدر الحكم بعد يومين").value == date(2024, 3, 18)
    assert _one("يصدر الحكم بعد ثلاثة أيام").value == date(2024, 3, 19)
    within = _one("تشكل الحكومة خلال أسبوع")
    assert within.value_end == date(2024, 3, 23)


@pytest.mark.parametrize("text", ["في 25 آذار/مارس", "25 مارس (آذار)", "الخامس والعشرين من آذار", "٢٥ مارس"])
def test_the_twenty_fifth_of_march(text: str) -> None:
    assert _one(f"تعقد الجولة المقبلة {text} في جنيف", "future").value == date(2024, 3, 25)


def test_day_range() -> None:
    t = _one("تعقد الجولة في 3 و4 نيسان/أبريل", "future")
    assert (t.value, t.value_end) == (date(2024, 4, 3), date(2024, 4, 4))


def test_hijri() -> None:
    assert _one("بدأ الصيام في 1 رمضان 1445هـ").value == date(2024, 3, 11)
    assert _one("تبدأ العطلة مطلع شهر شوال", "future").value == date(2024, 4, 10)


def test_year_roll_over() -> None:
    december = datetime.fromisoformat("2024-12-28T10:00:00+03:00")
    (t,) = find_timexes("تجرى الانتخابات في مارس المقبل", december, "ar")
    assert t.value == date(2025, 3, 1)
    (t,) = find_timexes("تبدأ المحادثات في 5 كانون الثاني", december, "ar", "future")
    assert t.value == date(2025, 1, 5)


def test_resolution_uses_the_articles_own_offset() -> None:
    # 23:30 in New York on Saturday is Sunday in UTC; "tomorrow" is still Sunday.
    late = datetime(2024, 3, 16, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    (t,) = find_timexes("The envoy will arrive tomorrow.", late, "en", "future")
    assert t.value == date(2024, 3, 17)


def test_day_of_a_relative_month() -> None:
    t = _one("سيزور الرئيس واشنطن في 27 و28 من الشهر المقبل", "future")
    assert (t.value, t.value_end, t.precision) == (date(2024, 4, 27), date(2024, 4, 28), "day")


def test_offsets_anchored_to_another_event_are_not_dates() -> None:
    assert find_timexes("انسحب الوفد بعد يومين من المحادثات", SAT, "ar") == []
    assert find_timexes("تبدأ الأشغال بعد يوم واحد من حفل الافتتاح", SAT, "ar") == []
    assert find_timexes("The delegation left after two days of talks.", SAT, "en") == []
    assert _one("يصدر القرار بعد يومين من الآن", "future").value == date(2024, 3, 18)


def test_false_friends_are_not_dates() -> None:
    for text in (
        "في اليوم التالي للاجتماع",
        "مارس الضغط على الحكومة",
        "نحو غد أفضل",
        "قد غدا الوضع معقداً",
        "بين الاثنين خلاف قديم",
        "زار رجب طيب أردوغان القاهرة",
        "It may rain",
        "as soon as possible",
    ):
        lang = "en" if text.isascii() else "ar"
        assert find_timexes(text, SAT, lang) == [], text


def test_lexicons_are_in_normalized_form() -> None:
    # The scanners run over normalized text: an unnormalized letter in a table could never match.
    tables: list[Iterable[str]] = [
        cues.AR_MONTHS,
        cues.AR_HIJRI_MONTHS,
        cues.AR_WEEKDAYS,
        cues.AR_PARTS,
        cues.AR_FUTURE_CUES,
        cues.AR_PAST_STEMS,
        cues.AR_NOUN_TRIGGERS,
        cues.AR_VERB_TRIGGERS,
        cues.AR_BACK_REFERENCE,
        cues.AR_PURPOSE,
        cues.AR_PLACES,
        cues.AR_TIME_OF_DAY,
        numbers.AR_ORDINAL_DAYS,
        numbers.AR_COUNTS,
    ]
    for table in tables:
        for word in table:
            assert not set(word) & set("أإآٱىة"), word


def test_no_heavy_imports() -> None:
    code = (
        "import sys; import briefing.nlp.timex.tagger, briefing.nlp.timex.ar_scan;"
        "import briefing.nlp.timex.en_scan;"
        "import briefing.nlp.events.extract;"
        "bad = [m for m in ('dateparser', 'camel_tools', 'torch') if m in sys.modules]; print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# --- properties ---------------------------------------------------------------------------------

_WEEKDAYS_AR = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
_WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))
_offsets = st.integers(min_value=-12, max_value=14).map(lambda h: timezone(timedelta(hours=h)))


@given(_dates, st.integers(min_value=0, max_value=6), _offsets)
def test_next_and_last_weekday_arithmetic(day: date, weekday: int, tz: timezone) -> None:
    nxt, lst = next_weekday(day, weekday), last_weekday(day, weekday)
    assert 1 <= (nxt - day).days <= 7 and nxt.weekday() == weekday
    assert 1 <= (day - lst).days <= 7 and lst.weekday() == weekday
    published = datetime(day.year, day.month, day.day, 12, tzinfo=tz)
    (ar_next,) = find_timexes(f"تعقد القمة {_WEEKDAYS_AR[weekday]} المقبل", published, "ar")
    (ar_last,) = find_timexes(f"عقدت القمة {_WEEKDAYS_AR[weekday]} الماضي", published, "ar")
    (en_next,) = find_timexes(f"The summit opens next {_WEEKDAYS_EN[weekday]}.", published, "en")
    (en_last,) = find_timexes(f"The summit opened last {_WEEKDAYS_EN[weekday]}.", published, "en")
    assert ar_next.value == en_next.value == nxt
    assert ar_last.value == en_last.value == lst


@given(_dates, st.integers(min_value=0, max_value=6), st.sampled_from(["future", "past", "unknown"]))
def test_bare_weekday_lands_on_that_weekday(day: date, weekday: int, tense: str) -> None:
    published = datetime(day.year, day.month, day.day, 9, tzinfo=UTC)
    (t,) = find_timexes(f"يلتقي الوزيران {_WEEKDAYS_AR[weekday]} في جنيف", published, "ar", tense)  # type: ignore[arg-type]
    assert t.value.weekday() == weekday
    delta = (t.value - day).days
    assert {"future": 0 <= delta <= 6, "past": -6 <= delta <= 0, "unknown": -3 <= delta <= 3}[tense]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(max_size=200),
    st.sampled_from(["ar", "en", "und"]),
    st.sampled_from(["future", "past", "unknown"]),
)
def test_never_raises_and_spans_index_the_input(text: str, lang: str, tense: str) -> None:
    for t in find_timexes(text, SAT, lang, tense):  # type: ignore[arg-type]
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text


_PIECES = st.sampled_from(
    [
        "غداً",
        "الأحد",
        "المقبل",
        "25",
        "٢٥",
        "آذار",
        "/",
        "مارس",
        "(",
        ")",
        "و",
        "3",
        "من",
        "إلى",
        "رمضان",
        "1445هـ",
        "next",
        "March",
        "25-26",
        "tomorrow",
        " ",
        "،",
        "ًٌٍَُِّْ",
        "ـ",
        "İ",
        "ß",
        "\n",
        "يوم",
        "بعد",
        "خلال",
    ]
)


@settings(max_examples=300)
@given(st.lists(_PIECES, max_size=25).map(" ".join), st.sampled_from(["ar", "en"]))
def test_date_like_noise_never_raises(text: str, lang: str) -> None:
    for t in find_timexes(text, SAT, lang):
        assert text[t.start : t.end] == t.text
        assert date(1900, 1, 1) <= t.value <= date(2200, 1, 1)


def test_a_weekday_with_a_bare_day_of_the_month_is_that_day_in_the_month_whose_weekday_fits() -> None:
    sunday = datetime.fromisoformat("2015-08-02T10:00:00+03:00")  # 17 Shawwal 1436
    # No Gregorian 27th near 2 August 2015 is a Wednesday; 27 Shawwal (12 August) is.
    [hijri] = find_timexes("تنظم الجمعية محاضرة يوم الأربعاء 27 في قاعة النادي", sunday, "ar")
    assert (hijri.text, hijri.value) == ("يوم الأربعاء 27", date(2015, 8, 12))
    [gregorian] = find_timexes("يصل الوفد الخميس 6 إلى جدة", sunday, "ar")
    assert gregorian.value == date(2015, 8, 6)
    # With its month it is a plain date; a count after a weekday is no day.
    [dated] = find_timexes("يصل الوفد الخميس 6 أغسطس إلى جدة", sunday, "ar")
    assert dated.value == date(2015, 8, 6)
    [count] = find_timexes("يستمر المعرض الأربعاء 3 أيام", sunday, "ar")
    assert count.text == "الأربعاء"
