"""Saved views and query-filtered briefings (briefing.views): combining a view with a query, the days a
query names, and a briefing that keeps only the articles a query matches."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.query import QueryError, parse
from briefing.views import combined, scope, view_query

VIEWS = {"morning": "+unread lang:ar", "week": "@2024-03-10--2024-03-16"}


def test_a_view_and_a_query_together() -> None:
    assert combined(None, None, VIEWS) is None
    assert combined("  ", None, VIEWS) is None
    assert combined(None, "morning", VIEWS) == parse("+unread lang:ar")
    assert combined("gaza", "morning", VIEWS) == parse("+unread lang:ar gaza")


def test_an_unknown_view_names_the_known_ones() -> None:
    with pytest.raises(QueryError, match=r"'evening' \(views: morning, week\)"):
        view_query("evening", VIEWS)
    with pytest.raises(QueryError, match=r"add a \[views\] table"):
        combined(None, "evening", {})


def test_the_days_of_a_query_are_the_briefings_unless_asked() -> None:
    week = combined(None, "week", VIEWS)
    assert scope(week, None, None) == (date(2024, 3, 16), date(2024, 3, 10))
    assert scope(parse("@2024-03-12"), None, None) == (date(2024, 3, 12), None)
    assert scope(week, date(2024, 3, 1), None) == (date(2024, 3, 1), None)
    assert scope(parse("@2-days"), None, None) == (None, None)
    assert scope(None, None, None) == (None, None)
