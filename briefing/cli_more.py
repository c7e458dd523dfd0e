"""Provides the `export`, `analyze`, `feeds`, `tui`, `prune` and `paths` commands of the command line."""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

import click

from briefing.cli import (
    AGENDA_DAYS_HELP,
    Ctx,
    _briefing,
    _parse_date,
    _parse_now,
    do_refresh,
    main,
    open_store,
    parse_agenda_days,
)
from briefing.errors import BadInput

if TYPE_CHECKING:
    from briefing.models import Article
    from briefing.tui.access import CacheAccess


def write_output(path: Path, text: str) -> None:
    """Write a file the user named on the command line (atomically: `briefing.files.write_atomic`)."""
    from briefing.files import write_atomic  # noqa: PLC0415

    path = path.expanduser()
    if path.is_dir():
        raise BadInput(f"{path} is a directory")
    if not path.parent.is_dir():
        raise BadInput(f"no such directory: {path.parent}")
    write_atomic(path, text)


@main.command()
@click.option(
    "--format", "fmt", type=click.Choice(["markdown", "json", "ics"]), default="markdown", show_default=True
)
@click.option("--date", "day_text", metavar="YYYY-MM-DD", help="The day to export (default: today).")
@click.option("--since", "since_text", metavar="YYYY-MM-DD", help="First day of a range (with --until).")
@click.option("--until", "until_text", metavar="YYYY-MM-DD", help="Last day of a range.")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here (atomically)."
)
@click.option("--days", "days_text", metavar="N|all", help=AGENDA_DAYS_HELP + "  [default: all]")
@click.pass_obj
def export(
    ctx: Ctx,
    fmt: str,
    day_text: str | None,
    since_text: str | None,
    until_text: str | None,
    output: Path | None,
    days_text: str | None,
) -> None:
    """Export the briefing as Markdown, JSON or an iCalendar file of the upcoming events."""
    day = _parse_date(day_text, "--date")
    since, until = _parse_date(since_text, "--since"), _parse_date(until_text, "--until")
    if day and (since or until):
        raise click.UsageError("use either --date or --since/--until")
    if since and until and since > until:
        raise click.UsageError("--since is after --until")
    with open_store(ctx) as store:
        agenda_days = parse_agenda_days(days_text) if days_text else None
        b = _briefing(ctx, store, day or until, "all", 30, since=since, agenda_days=agenda_days)
    if fmt == "json":
        from briefing.render.jsonout import briefing_json  # noqa: PLC0415

        text = briefing_json(b)
    elif fmt == "ics":
        from briefing.render.ics import render_ics  # noqa: PLC0415

        text = render_ics(b)
    else:
        from briefing.render.markdown import render_markdown  # noqa: PLC0415

        text = render_markdown(b)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_output(output, text)
        click.echo(f"briefing: wrote {output}", err=True)


@main.command()
@click.argument("path", metavar="PATH|-")
@click.option("--published", metavar="ISO8601", help="Publication time (default: now).")
@click.option("--lang", type=click.Choice(["auto", "ar", "en"]), default="auto", show_default=True)
@click.option("--title", help="The title (default: the first line that is not page furniture).")
@click.option("--json", "as_json", is_flag=True, help="Print the analysis as JSON (the only format for now).")
@click.pass_obj
def analyze(ctx: Ctx, path: str, published: str | None, lang: str, title: str | None, as_json: bool) -> None:
    """Analyze one article file without touching the cache."""
    from briefing.feeds.parse import html_to_text  # noqa: PLC0415
    from briefing.nlp.analyze import analyze as run  # noqa: PLC0415
    from briefing.render.jsonout import analysis_json  # noqa: PLC0415
    from briefing.render.sanitize import clean_text  # noqa: PLC0415

    when = _parse_now(published) if published else ctx.now
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    text = clean_text(text)
    if text.lstrip().startswith("<"):
        text = html_to_text(text)
    if not text.strip():
        raise BadInput(f"{path} is empty")
    analysis = run(text, when, title=title, lang=lang)
    click.echo(analysis_json(analysis), nl=False)


def tui_cache(ctx: Ctx, *, fixed_now: bool = True) -> CacheAccess:
    """The app's view of the cache: closures over `Store` and `build_briefing`, one connection per call
    (each runs in a worker thread while a refresh may be writing; WAL lets them read meanwhile). With
    `fixed_now` False the briefing follows the clock: a desk left open past midnight moves to the new day."""
    from briefing.agenda import DEFAULT_DAYS  # noqa: PLC0415
    from briefing.store import Store  # noqa: PLC0415
    from briefing.tui.access import CacheAccess, FeedChoice, Filters, View  # noqa: PLC0415
    from briefing.viewmodel import build_briefing  # noqa: PLC0415

    def view(filters: Filters, quick: bool) -> View:
        with Store.open(ctx.settings.db) as store:
            now = ctx.now if fixed_now else datetime.now().astimezone()
            b = build_briefing(
                store,
                now,
                day=filters.day,
                lang=filters.lang,
                limit=50,
                feeds=filters.feeds or None,
                unread_only=filters.unread_only,
                with_agenda=not quick,  # the quick first screen: stories only, the agenda follows
                agenda_days=None if filters.agenda_all else DEFAULT_DAYS,
            )
        read = {r.article_id for story in b.stories for r in story.articles if r.read and r.article_id}
        return View(b, frozenset(read), complete=not quick)

    def feeds() -> list[FeedChoice]:
        with Store.open(ctx.settings.db) as store:
            return [
                FeedChoice(f.id, f.title or f.url, f.item_count) for f in store.feeds() if f.id is not None
            ]

    def search(query: str) -> list[Article]:
        from briefing.nlp.text.arabic import normalize  # noqa: PLC0415 (camel-tools: paid on the first search)

        with Store.open(ctx.settings.db) as store:
            return list(store.search(query, normalize, limit=100))

    def article(article_id: int) -> Article | None:
        with Store.open(ctx.settings.db) as store:
            found = store.articles([article_id])
        return found[0] if found else None

    def mark_read(ids: Collection[int], read: bool) -> None:
        with Store.open(ctx.settings.db) as store:
            store.mark_read(ids, read)

    def prepare() -> None:
        from briefing.nlp.text.arabic import normalize  # noqa: PLC0415

        normalize("")  # builds the table from camel-tools' character sets, once per process

    return CacheAccess(
        view=view, feeds=feeds, search=search, article=article, mark_read=mark_read, prepare=prepare
    )


@main.command()
@click.option("--theme", help="Theme name (built-in or from the user themes directory).")
@click.option("--bidi", type=click.Choice(["app", "terminal", "off"]), help="How Arabic is laid out.")
@click.pass_obj
def tui(ctx: Ctx, theme: str | None, bidi: str | None) -> None:
    """Open the interactive app (the default command)."""
    from briefing.store import Store  # noqa: PLC0415
    from briefing.tui.app import BriefingApp  # noqa: PLC0415

    with open_store(ctx) as store:
        if store.count("articles") == 0:
            _briefing(ctx, store, None, "all", 1)

    def refresh(progress: Callable[[int, int, str], None]) -> str:
        # Store.open, not open_store: in a worker thread an error must be an exception the app reports,
        # not a message on stderr (under the app's screen) and a SystemExit.
        with Store.open(ctx.settings.db) as s:
            report = do_refresh(ctx, s, quiet=True, progress=progress)
        failed = "; ".join(f"{o.title}: {o.error}" for o in report.failed)
        return f"{report.new} new articles" + (f"; failed: {failed}" if failed else "")

    fixed_now = click.get_current_context().find_root().params.get("now_text") is not None
    mode = cast(Literal["app", "terminal", "off"], bidi or ctx.settings.bidi)
    app = BriefingApp(
        cache=tui_cache(ctx, fixed_now=fixed_now),
        refresh=refresh,
        theme=theme or ctx.settings.theme,
        bidi=mode,
        keymap=ctx.settings.keymap,
    )
    app.run()


@main.command()
@click.option("--older-than", "older", required=True, metavar="90d", help="Age: a number of days, like 90d.")
@click.pass_obj
def prune(ctx: Ctx, older: str) -> None:
    """Drop old articles and their analysis from the cache."""
    if not (older.endswith("d") and older[:-1].isdigit()):
        raise BadInput(f"--older-than takes a number of days like 90d, not {older!r}")
    with open_store(ctx) as store:
        n = store.prune(ctx.now - timedelta(days=int(older[:-1])))
    click.echo(f"briefing: removed {n} articles", err=True)


@main.command()
@click.pass_obj
def paths(ctx: Ctx) -> None:
    """Print where the config, feeds list, cache and user themes live."""
    from briefing import paths as p  # noqa: PLC0415

    click.echo(f"config  {p.config_file()}")
    click.echo(f"feeds   {ctx.settings.feeds_file}")
    click.echo(f"cache   {ctx.settings.db}")
    click.echo(f"themes  {p.user_themes_dir()}")


# Registering the remaining command modules (their decorators attach to `main`).
from briefing import cli_actors, cli_feeds, cli_search  # noqa: E402,F401
