"""Provides `--query` and `--view`, the options `briefing today`, `export` and `search` share, and
`chosen_query`, which reads them (with `search`'s own terms) as one query of the query language.

Each part is read on its own first, so a bad one is named in the one error line (`--view: no saved view
'nope' (views: ...)`, `--query: lang:fr ...`, `query: ...` for search's terms) and the command exits 2.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

from briefing.cli.group import Ctx
from briefing.errors import BadInput
from briefing.query import Query, QueryError, parse

F = TypeVar("F", bound=Callable[..., object])


def query_options(function: F) -> F:
    """Adds `--query QUERY` (as `query_text`) and `--view NAME` (as `view_name`) to a command."""
    function = click.option(
        "--view",
        "view_name",
        metavar="NAME",
        help="A saved view of config.toml's [views] (with --query: both).",
    )(function)
    return click.option(
        "--query",
        "query_text",
        metavar="QUERY",
        help='Only the articles this query matches (e.g. "+unread lang:ar").',
    )(function)


def chosen_query(ctx: Ctx, text: str | None, view: str | None, terms: str | None = None) -> Query | None:
    """The saved view `view`, the `--query` text and `terms` (search's own words) as one query: every part
    must hold. None when none restricts anything; a bad part is one line and exit 2 (`BadInput`)."""
    from briefing.views import combined, view_query  # noqa: PLC0415

    try:
        if view is not None:
            view_query(view, ctx.settings.views)
    except QueryError as exc:
        raise BadInput(f"--view: {exc}") from None
    for option, part in (("--query", text), ("query", terms)):
        try:
            if part is not None:
                parse(part)
        except QueryError as exc:
            raise BadInput(f"{option}: {exc}") from None
    given = " ".join(part for part in (text, terms) if part is not None and part.strip())
    try:
        return combined(given or None, view, ctx.settings.views)
    except QueryError as exc:  # each part read alone above; kept for a part that reads only alone
        raise BadInput(f"--query: {exc}") from None
