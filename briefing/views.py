"""Provides saved views and briefings filtered by a query: what `briefing today --query/--view` and the app's
query filter share.

A saved view is a name for a query in config.toml (`[views] morning = "+unread lang:ar @1-day"`). A
briefing filtered by a query keeps only the articles the query matches (`Store.search.find_ids`), for its
stories and its agenda alike; a query that names days (`@2024-03-10--2024-03-16`) also sets the briefing's
days when none were asked for. Nothing heavy is imported: the Arabic normalizer (camel-tools) loads only
when a query has words to match.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING

from briefing.query import Query, QueryError, parse

if TYPE_CHECKING:
    from briefing.store import Store


def normalize_lazily(text: str) -> str:
    """The search index's normalizer, imported on the first call (only queries with words need it)."""
    from briefing.nlp.text.searchable import searchable  # noqa: PLC0415 (camel-tools: about a second)

    return searchable(text)


def view_query(name: str, views: Mapping[str, str]) -> str:
    """The query text of the saved view `name`; `QueryError` naming the views there are when it is unknown."""
    if name in views:
        return views[name]
    known = ", ".join(sorted(views)) or "none: add a [views] table to config.toml"
    raise QueryError(f"no saved view {name!r} (views: {known})")


def combined(text: str | None, view: str | None, views: Mapping[str, str]) -> Query | None:
    """The query of a saved view and a query text together (every part must hold), None when neither is
    given; `QueryError` when a part cannot be read or the view does not exist."""
    parts = [view_query(view, views)] if view is not None else []
    if text is not None and text.strip():
        parts.append(text)
    if not parts:
        return None
    query = parse(" ".join(parts))
    return None if query.empty else query


def scope(query: Query | None, day: date | None, since: date | None) -> tuple[date | None, date | None]:
    """The briefing's (day, since): a query's days (`@2024-03-10--2024-03-16`) when none were asked for."""
    if query is None or query.days is None or day is not None or since is not None:
        return day, since
    first, last = query.days
    return last, (first if first != last else None)


def matching(store: Store, query: Query, now: datetime) -> Callable[[datetime, datetime], set[int]]:
    """`build_briefing`'s `only`: the ids of the articles in a window that `query` matches."""

    def ids(start: datetime, end: datetime) -> set[int]:
        return store.search.find_ids(query, normalize_lazily, now, start, end)

    return ids
