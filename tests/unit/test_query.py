"""The query language (briefing.query): every part of the grammar, negation, errors, and its window."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from briefing.query import Clause, Query, QueryError, parse

NOW = datetime(2024, 3, 16, 19, 0, tzinfo=timezone(timedelta(hours=2)))


def test_empty_text_is_the_empty_query() -> None:
    assert parse("").empty and parse("   ").empty
    assert not parse("gaza").empty


def test_words_and_phrases() -> None:
    q = parse('gaza "security council" هدنة')
    assert q.words == ("gaza", "security council", "هدنة")
    assert q.excluded == ()


def test_curly_quotes_make_a_phrase() -> None:
    assert parse("“security council”").words == ("security council",)


def test_negated_words_and_phrases() -> None:
    q = parse('truce -sport -"world cup"')
    assert q.words == ("truce",)
    assert q.excluded == ("sport", "world cup")


def test_tags() -> None:
    assert parse("+unread").unread is True
    assert parse("+read").unread is False
    assert parse("-unread").unread is False
    assert parse("-read").unread is True
    assert parse("+starred").starred is True
    assert parse("-starred").starred is False
    assert parse("gaza").unread is None and parse("gaza").starred is None


def test_unknown_tag_is_an_error_naming_the_known_ones() -> None:
    with pytest.raises(QueryError, match=r"\+later.*\+unread"):
        parse("+later")


@pytest.mark.parametrize(
    ("text", "days"),
    [("@2-days", 2), ("@1-day", 1), ("@1-week", 7), ("@3-weeks", 21), ("@2-months", 60), ("@1-year", 365)],
)
def test_ages(text: str, days: int) -> None:
    assert parse(text).age == timedelta(days=days)


def test_elfeed_ago_suffix_is_accepted() -> None:
    assert parse("@6-months-ago").age == timedelta(days=180)


def test_a_range_of_days_and_a_single_day() -> None:
    assert parse("@2024-03-10--2024-03-16").days == (date(2024, 3, 10), date(2024, 3, 16))
    assert parse("@2024-03-10").days == (date(2024, 3, 10), date(2024, 3, 10))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("@yesterday", "write an age"),
        ("@0-days", "at least 1"),
        ("@2024-03-16--2024-03-10", "ends before it starts"),
        ("@2024-02-30", "not a date"),
        ('"unclosed', "not closed"),
        ("lang:fr", "languages are ar, en"),
        ("feed:", "needs a value"),
        ('actor:""', "needs a value"),
    ],
)
def test_errors_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        parse(text)


def test_fields() -> None:
    q = parse('feed:aljazeera lang:AR actor:"غير بيدرسون" kind:visit')
    assert q.clauses == (
        Clause("feed", "aljazeera"),
        Clause("lang", "ar"),
        Clause("actor", "غير بيدرسون"),
        Clause("kind", "visit"),
    )
    assert q.values("actor") == ("غير بيدرسون",)
    assert q.words == ()


def test_negated_fields() -> None:
    q = parse("-feed:bbc -lang:en kind:summit")
    assert q.values("feed", negated=True) == ("bbc",)
    assert q.values("lang", negated=True) == ("en",)
    assert q.values("feed") == () and q.values("kind") == ("summit",)


def test_field_names_are_case_insensitive() -> None:
    assert parse("FEED:bbc").values("feed") == ("bbc",)


def test_an_unknown_prefix_is_a_plain_word() -> None:
    assert parse("10:30 https://example.com").words == ("10:30", "https://example.com")


def test_punctuation_alone_is_dropped() -> None:
    assert parse("- !! gaza").words == ("gaza",)


def test_the_issue_example() -> None:
    q = parse("+unread lang:ar @7-days")
    assert q == Query(unread=True, age=timedelta(days=7), clauses=(Clause("lang", "ar"),))


def test_window_of_an_age_ends_open() -> None:
    start, end = parse("@2-days").window(NOW)
    assert start == NOW - timedelta(days=2) and end is None


def test_window_of_days_covers_the_last_day_in_the_clock_zone() -> None:
    start, end = parse("@2024-03-10--2024-03-16").window(NOW)
    assert start == datetime(2024, 3, 10, tzinfo=NOW.tzinfo)
    assert end == datetime(2024, 3, 17, tzinfo=NOW.tzinfo)


def test_window_of_both_takes_the_later_start() -> None:
    start, _ = parse("@2-days @2024-03-01--2024-03-16").window(NOW)
    assert start == NOW - timedelta(days=2)
    assert parse("gaza").window(NOW) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        'gaza "security council" -sport +unread -starred @7-days feed:bbc -lang:en actor:"غير بيدرسون"',
        "@2024-03-10--2024-03-16 kind:visit",
        "@2024-03-10 +read",
    ],
)
def test_describe_reads_back_to_the_same_query(text: str) -> None:
    q = parse(text)
    assert parse(q.describe()) == q
