"""Provides what several commands share to fill and read the cache: `do_refresh` (fetch, analyze, cluster,
reporting on stderr) and `load_briefing` (the briefing of the cache, filled from the bundled samples first
when it is empty)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

import click

from briefing.cli.sources import feed_sources
from briefing.errors import BadInput, say
from briefing.safetext import clean_line

if TYPE_CHECKING:
    from briefing.cli.group import Ctx
    from briefing.models import Briefing
    from briefing.pipeline import RefreshReport
    from briefing.query import Query
    from briefing.store import Store

Progress = Callable[[int, int, str], None]


def do_refresh(
    ctx: Ctx,
    store: Store,
    feed_args: tuple[str, ...] = (),
    analyze: bool = True,
    quiet: bool = False,
    *,
    allow_private: bool = False,
    full_text: bool | None = None,
    progress: Progress | None = None,
) -> RefreshReport:
    """Fetch, analyze and cluster. `quiet` (the TUI, or an automatic first fill) prints nothing: the caller
    reports from the returned RefreshReport; `progress(done, total, label)` replaces the stderr bar."""
    from briefing.feeds.network import Network, NetworkError  # noqa: PLC0415
    from briefing.pipeline import refresh  # noqa: PLC0415

    try:
        network = Network.from_env(proxy=ctx.settings.proxy, ca_bundle=ctx.settings.ca_bundle)
    except NetworkError as exc:
        raise BadInput(str(exc)) from exc
    sources, samples = feed_sources(ctx, feed_args, allow_private=allow_private, full_text=full_text)
    if samples and not quiet:
        click.echo("briefing: no feeds configured; using the bundled sample feeds", err=True)
    if progress is None and sys.stderr.isatty() and not quiet:
        from briefing.progress import StderrProgress  # noqa: PLC0415

        progress = StderrProgress()
    try:
        report = refresh(
            store,
            sources,
            ctx.now,
            analyze=analyze,
            progress=progress,
            concurrency=ctx.settings.concurrency,
            network=network,
        )
    finally:
        close = getattr(progress, "close", None)  # the stderr bar, or a caller's progress that has one
        if close is not None:
            close()
    if not quiet:
        for o in report.failed:
            # Titles and errors can quote what a server sent: sanitized like any feed text.
            click.echo(f"briefing: {clean_line(o.title)}: {clean_line(o.error or '')}", err=True)
    return report


AGENDA_DAYS_HELP = "How many days ahead the agenda looks, or `all` for every upcoming event."


def parse_agenda_days(text: str | None) -> int | None:
    """`--days`: a number of days (1-3660), or `all` (None); default: `agenda.DEFAULT_DAYS`."""
    from briefing.agenda import DEFAULT_DAYS  # noqa: PLC0415

    if text is None:
        return DEFAULT_DAYS
    if text.strip().lower() == "all":
        return None
    if not text.strip().isdigit() or not 1 <= int(text) <= 3660:
        raise click.BadParameter(f"expected a number of days (1-3660) or `all`, got {text!r}")
    return int(text)


def load_briefing(
    ctx: Ctx,
    store: Store,
    day: date | None,
    lang: str,
    limit: int,
    since: date | None = None,
    agenda_days: int | None = 7,
    query: Query | None = None,
) -> Briefing:
    """The briefing of `day` (or `since`..`day`), its notes on stderr; with `query`, of the articles it
    matches only (its days, when it names some, are the briefing's unless `day` or `since` is given). An
    empty cache with no feeds configured is first filled from the bundled sample feeds."""
    from briefing.viewmodel import build_briefing  # noqa: PLC0415
    from briefing.views import matching, scope  # noqa: PLC0415

    if store.count("articles") == 0:
        _, samples = feed_sources(ctx, ())
        if samples:
            click.echo("briefing: the cache is empty; reading the bundled sample feeds first", err=True)
            do_refresh(ctx, store, quiet=True)
    day, since = scope(query, day, since)
    only = matching(store, query, ctx.now) if query is not None else None
    b = build_briefing(
        store,
        ctx.now,
        day=day,
        lang=lang,
        limit=limit,
        since=since,
        agenda_days=agenda_days,
        only=only,
        times=ctx.settings.times,
    )
    for note in b.notes:
        say(note)
    return b
