"""Provides the `briefing` command line (click). Bare `briefing` opens the Textual app.

Each command imports what it needs inside its body, so `briefing today` never pays for Textual or
camel-tools. Errors end as one line on stderr: exit 2 for bad usage or input, 1 for runtime failures.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from briefing import __version__
from briefing.config import ConfigError, Settings, load
from briefing.errors import BadInput, fail
from briefing.render.sanitize import clean_line


@dataclass
class Ctx:
    settings: Settings
    now: datetime


def _parse_now(value: str | None) -> datetime:
    if not value:
        return datetime.now().astimezone()
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"not an ISO 8601 date-time: {value!r}", param_hint="--now") from None
    return dt if dt.tzinfo else dt.astimezone()


def _parse_date(value: str | None, flag: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"not a date (YYYY-MM-DD): {value!r}", param_hint=flag) from None


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), help="The cache file.")
@click.option(
    "--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="The config file."
)
@click.option("--no-color", is_flag=True, help="No colour (NO_COLOR is honoured too).")
@click.option(
    "--now", "now_text", metavar="ISO8601", help="Pretend the current time is this (tests and demos)."
)
@click.version_option(__version__, prog_name="briefing")
@click.pass_context
def main(
    ctx: click.Context, db: Path | None, config_path: Path | None, no_color: bool, now_text: str | None
) -> None:
    """A news briefing for the Middle East in your terminal: stories, actors and upcoming events."""
    import os  # noqa: PLC0415

    color = False if (no_color or os.environ.get("NO_COLOR")) else None
    try:
        settings = load(config_path, db=db, color=color)
    except ConfigError as exc:
        fail(str(exc), code=2)
    ctx.obj = Ctx(settings, _parse_now(now_text))
    if ctx.invoked_subcommand is None:
        ctx.invoke(main.commands["tui"])


@contextmanager
def open_store(ctx: Ctx) -> Iterator[Any]:
    from briefing.store import SchemaTooNew, Store  # noqa: PLC0415

    try:
        store = Store.open(ctx.settings.db)
    except SchemaTooNew as exc:
        fail(str(exc), code=1)
    except (sqlite3.DatabaseError, OSError) as exc:
        fail(f"cannot open the cache {ctx.settings.db}: {exc}", code=1)
    try:
        yield store
    finally:
        store.close()


def _sources(
    ctx: Ctx, feed_args: tuple[str, ...], *, allow_private: bool = False, full_text: bool | None = None
) -> tuple[list[Any], bool]:
    """The feeds to fetch and whether they are the bundled samples. `--feed` targets are trusted and fetched
    now whatever their backoff; list entries carry the opt-in; `full_text` (when given) overrides each
    feed."""
    from dataclasses import replace  # noqa: PLC0415

    from briefing.feeds.sources import FeedListError, FeedSource, configured_feeds  # noqa: PLC0415

    opted_in = allow_private or ctx.settings.allow_private
    sources: list[FeedSource]
    samples = False
    if feed_args:
        sources = []
        for f in feed_args:
            if "://" not in f:
                path = Path(f).expanduser()
                if not path.is_file():
                    raise BadInput(f"no such feed file: {f}")
                f = str(path.resolve())
            elif not f.lower().startswith(("http://", "https://", "file://")):
                raise BadInput(f"unsupported URL scheme (http, https or file): {f}")
            sources.append(FeedSource(f, trusted=True, manual=True))
    else:
        try:
            sources, samples = configured_feeds(ctx.settings.feeds_file)
        except FeedListError as exc:
            raise BadInput(str(exc)) from exc
    sources = [
        replace(
            s,
            allow_private=s.allow_private or opted_in,
            full_text=s.full_text if full_text is None else full_text,
        )
        for s in sources
    ]
    return sources, samples


def do_refresh(
    ctx: Ctx,
    store: Any,
    feed_args: tuple[str, ...] = (),
    analyze: bool = True,
    quiet: bool = False,
    *,
    allow_private: bool = False,
    full_text: bool | None = None,
    progress: Any = None,
) -> Any:
    """Fetch, analyze and cluster. `quiet` (the TUI, or an automatic first fill) prints nothing: the caller
    reports from the returned RefreshReport; `progress(done, total, label)` replaces the stderr bar."""
    from briefing.pipeline import refresh  # noqa: PLC0415

    sources, samples = _sources(ctx, feed_args, allow_private=allow_private, full_text=full_text)
    if samples and not quiet:
        click.echo("briefing: no feeds configured; using the bundled sample feeds", err=True)
    if progress is None and sys.stderr.isatty() and not quiet:
        from briefing.progress import StderrProgress  # noqa: PLC0415

        progress = StderrProgress()
    try:
        report = refresh(
            store, sources, ctx.now, analyze=analyze, progress=progress, concurrency=ctx.settings.concurrency
        )
    finally:
        if hasattr(progress, "close"):
            progress.close()
    if not quiet:
        for o in report.failed:
            # Titles and errors can quote what a server sent: sanitized like any feed text.
            click.echo(f"briefing: {clean_line(o.title)}: {clean_line(o.error or '')}", err=True)
    return report


@main.command()
@click.option(
    "--feed", "feeds", multiple=True, metavar="URL_OR_PATH", help="Fetch only this feed (repeatable)."
)
@click.option("--no-analyze", is_flag=True, help="Store articles without analyzing them.")
@click.option(
    "--full-text/--no-full-text",
    default=None,
    help="Extract every entry's page / none (default: teasers, and feeds with full_text = true).",
)
@click.option("--allow-private", is_flag=True, help="Allow private and loopback addresses from feed lists.")
@click.pass_obj
def fetch(
    ctx: Ctx, feeds: tuple[str, ...], no_analyze: bool, full_text: bool | None, allow_private: bool
) -> None:
    """Pull the configured feeds (or those given) into the cache and analyze new articles."""
    with open_store(ctx) as store:
        report = do_refresh(
            ctx, store, feeds, analyze=not no_analyze, allow_private=allow_private, full_text=full_text
        )
    ok = [o for o in report.outcomes if o.status in ("ok", "not_modified")]
    skipped = [o for o in report.outcomes if o.status == "skipped"]
    waiting = f", {len(skipped)} not due yet" if skipped else ""
    click.echo(
        f"briefing: {len(ok)}/{len(report.outcomes)} feeds fetched{waiting}, {report.new} new articles, "
        f"{report.analyzed} analyzed",
        err=True,
    )
    if not ok and report.failed:
        sys.exit(1)


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


def _briefing(
    ctx: Ctx,
    store: Any,
    day: date | None,
    lang: str,
    limit: int,
    since: date | None = None,
    agenda_days: int | None = 7,
) -> Any:
    from briefing.viewmodel import build_briefing  # noqa: PLC0415

    if store.count("articles") == 0:
        _, samples = _sources(ctx, ())
        if samples:
            click.echo("briefing: the cache is empty; reading the bundled sample feeds first", err=True)
            do_refresh(ctx, store, quiet=True)
    b = build_briefing(store, ctx.now, day=day, lang=lang, limit=limit, since=since, agenda_days=agenda_days)
    for note in b.notes:
        click.echo(f"briefing: {note}", err=True)
    return b


@main.command()
@click.option("--date", "day_text", metavar="YYYY-MM-DD", help="The day to brief (default: today).")
@click.option("--lang", type=click.Choice(["ar", "en", "all"]), default="all", show_default=True)
@click.option("--limit", type=click.IntRange(1, 100), default=8, show_default=True, help="How many stories.")
@click.option("--width", type=click.IntRange(20, 500), help="Output width in columns.")
@click.option("--json", "as_json", is_flag=True, help="Print the briefing as JSON.")
@click.option("--days", "days_text", metavar="N|all", help=AGENDA_DAYS_HELP + "  [default: 7]")
@click.pass_obj
def today(
    ctx: Ctx,
    day_text: str | None,
    lang: str,
    limit: int,
    width: int | None,
    as_json: bool,
    days_text: str | None,
) -> None:
    """Print the briefing: top stories, their actors, and what is scheduled next."""
    day = _parse_date(day_text, "--date")
    agenda_days = parse_agenda_days(days_text)
    with open_store(ctx) as store:
        b = _briefing(ctx, store, day, lang, limit, agenda_days=agenda_days)
    if as_json:
        from briefing.render.jsonout import briefing_json  # noqa: PLC0415

        click.echo(briefing_json(b), nl=False)
        return
    from briefing.render.console import render_today  # noqa: PLC0415

    render_today(b, sys.stdout, width=width, color=ctx.settings.color is not False)


from briefing import cli_more  # noqa: E402,F401  (registers export, analyze, feeds, tui, prune, paths)


def run() -> None:
    """The `briefing` command and `python -m briefing`: `main`, then a quick exit.

    Each command closes what it opens (the cache, the HTTP client, the parse worker, the terminal), so what
    Python does at exit, tearing down every imported module, only costs time: about 50 ms after a fetch.
    Once a command has finished and its output is flushed, the process ends with `os._exit` and the same
    code. An exception that escapes a command leaves the normal way, with its traceback.
    """
    import os  # noqa: PLC0415

    try:
        main()
        code: object = 0
    except SystemExit as done:
        code = done.code
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)  # as SystemExit("message") would
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`briefing today | head`): nothing left to say
            pass
    os._exit(code or 0)
