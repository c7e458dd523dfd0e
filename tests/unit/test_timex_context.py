"""Tests the context rules of the date tagger (`briefing.nlp.timex.context`): datelines, bylines and credit
lines are no dates, names holding a date are places, weekday lists give way to their dates, and a relative
day in reported speech counts from when it was said. Every sentence was written for these tests."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from briefing.nlp.timex.tagger import find_timexes

SAT = datetime.fromisoformat("2024-03-16T10:00:00+03:00")


def _texts(text: str, lang: str) -> list[str]:
    return [t.text for t in find_timexes(text, SAT, lang, "future")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("LISBON, March 11 (Reuters) -- The ministers will meet next week.", "en"),
        ("OSLO, Mar. 12 -- The ministers will meet next week.", "en"),
        ("جدة 12 رمضان 1445 هـ الموافق 22 مارس 2024 م واس\nيجتمع الوزراء الأسبوع المقبل.", "ar"),
        ("عمّان، 12 آذار (بترا) - يجتمع الوزراء الأسبوع المقبل.", "ar"),
        ("Updated: 12 March 2024\nThe ministers will meet next week.", "en"),
        ("تاريخ النشر: 12 مارس 2024\nيجتمع الوزراء الأسبوع المقبل.", "ar"),
    ],
)
def test_datelines_and_bylines_are_no_dates(text: str, lang: str) -> None:
    assert _texts(text, lang) == [("next week" if lang == "en" else "الأسبوع المقبل")]


def test_a_date_in_the_body_of_a_line_stays() -> None:
    # A date that only follows a place name inside a sentence is a date, not a dateline.
    got = _texts("وصل الوفد إلى عمّان، ثم يزور الرياض 12 نيسان (أبريل) المقبل.", "ar")
    assert any("12 نيسان" in t for t in got)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("يقام الحفل في قاعة 14 تموز وسط بغداد.", "ar"),
        ("تجمع المحتجون في ميدان 30 يونيو بعد الظهر.", "ar"),
        ("أصدر تيار 14 آذار بياناً حول الانتخابات.", "ar"),
        ("The parade starts on November 22 Street downtown.", "en"),
    ],
)
def test_names_holding_a_date_are_not_dates(text: str, lang: str) -> None:
    assert _texts(text, lang) == []


def test_a_weekday_list_gives_way_to_its_dates() -> None:
    found = find_timexes(
        "تقام الدورة أيام الاثنين والثلاثاء والأربعاء «9 و10 و11» من شهر سبتمبر 2024.", SAT, "ar", "future"
    )
    assert [(t.value, t.value_end) for t in found] == [(date(2024, 9, 9), date(2024, 9, 11))]


def test_reported_speech_needs_a_reporting_verb() -> None:
    # Without a speech verb the weekday is the event's day and "tomorrow" counts from publication.
    found = find_timexes("تصل البعثة الثلاثاء، وتبدأ عملها غداً في المدينة.", SAT, "ar", "future")
    assert [t.value for t in found] == [date(2024, 3, 19), date(2024, 3, 17)]


def test_reported_speech_stops_at_the_sentence_end() -> None:
    found = find_timexes("قال المتحدث الثلاثاء إن الوضع هادئ. وتعقد الجلسة غداً.", SAT, "ar", "future")
    assert found[-1].value == date(2024, 3, 17)


def test_this_month_is_a_hijri_month_in_a_text_that_dates_by_hijri() -> None:
    # Said on 6 Ramadan 1445: «الشهر الجاري» is Ramadan when the text's dates are Hijri ...
    (first, second) = find_timexes(
        "تبدأ الدورة الأولى يوم 20 رمضان، وتنطلق الثانية يوم الـ25 من الشهر الجاري.", SAT, "ar", "future"
    )
    assert (first.value, second.value) == (date(2024, 3, 30), date(2024, 4, 4))
    (nxt,) = find_timexes("يفتح باب الترشح في 3 شوال، وتعلن النتائج مطلع الشهر المقبل.", SAT, "ar", "future")[
        1:
    ]
    assert (nxt.value, nxt.value_end) == (date(2024, 4, 10), date(2024, 4, 19))  # early Shawwal
    # ... and a Gregorian month when it names one, or names no Hijri date at all.
    (_, greg) = find_timexes(
        "يعقد المؤتمر في 20 آذار، وتنطلق الدورة يوم الـ25 من الشهر الجاري.", SAT, "ar", "future"
    )
    assert greg.value == date(2024, 3, 25)
    (plain,) = find_timexes("تنطلق الدورة يوم الـ25 من الشهر الجاري.", SAT, "ar", "future")
    assert plain.value == date(2024, 3, 25)


def test_after_a_named_day_is_a_lower_bound() -> None:
    (eid,) = find_timexes("أعلنت الرئاسة تأجيل اللقاء إلى ما بعد عيد الفطر.", SAT, "ar", "future")
    assert (eid.value, eid.value_end, eid.precision) == (date(2024, 4, 11), None, "vague")  # Eid: 10 April
    (day,) = find_timexes("The talks will resume after March 25.", SAT, "en", "future")
    assert (day.value, day.precision) == (date(2024, 3, 26), "vague")
    # "the day after tomorrow" and «بعد يومين» are days, not bounds.
    assert find_timexes("يصل الوفد بعد غد.", SAT, "ar", "future")[0].precision == "day"


def test_weekdays_that_introduce_a_date_join_its_words() -> None:
    (t,) = find_timexes("يعقد المجلس لقاءه السنوي يوم الأحد 28 رمضان في مقره.", SAT, "ar", "future")
    assert (t.text, t.value) == ("يوم الأحد 28 رمضان", date(2024, 4, 7))


def test_a_count_after_a_date_of_its_sentence_counts_from_that_date() -> None:
    text = "انتخب المجلس رئيسه في 2 شباط الماضي، لكن الرئيس أعلن أنه سيستقيل بعد خمسة أيام فقط."
    found = {t.text: t.value for t in find_timexes(text, SAT, "ar")}
    assert found["بعد خمسة أيام"] == date(2024, 2, 7)
    # From a date ahead too; alone, from the article's day.
    ahead = {
        t.text: t.value for t in find_timexes("تبدأ الدورة في 20 آذار وتنتهي بعد ثلاثة أيام.", SAT, "ar")
    }
    assert ahead["بعد ثلاثة أيام"] == date(2024, 3, 23)
    [alone] = find_timexes("يصدر القرار بعد خمسة أيام.", SAT, "ar")
    assert alone.value == date(2024, 3, 21)
    # A date of another sentence does not count.
    two = find_timexes("انتخب المجلس رئيسه في 2 شباط الماضي. ويصدر القرار بعد خمسة أيام.", SAT, "ar")
    assert two[-1].value == date(2024, 3, 21)
