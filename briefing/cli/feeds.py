"""Provides `briefing feeds list|add|remove|import|export`: the feed list (TOML) and each feed's health."""

from __future__ import annotations

import sys
from datetime import datetime, tzinfo
from pathlib import Path

import click

from briefing.cli.group import Ctx, open_store
from briefing.cli.output import deliver
from briefing.cli.sources import feed_target
from briefing.clock import in_zone, shown_zone
from briefing.errors import BadInput, say
from briefing.feeds.sources import FeedListError, FeedSource, configured_feeds, user_feeds, write_feeds_file
from briefing.safetext import clean_line
from briefing.words import count


def _mine(ctx: Ctx) -> list[FeedSource]:
    try:
        return user_feeds(ctx.settings.feeds_file)
    except FeedListError as exc:
        raise BadInput(str(exc)) from exc


def _when(dt: datetime | None, zone: tzinfo | None) -> str:
    """`2024-03-16 19:00` in `zone` (`briefing.clock.shown_zone`), or `never`."""
    return in_zone(dt, zone).strftime("%Y-%m-%d %H:%M") if dt else "never"


@click.group()
def feeds() -> None:
    """Manage the feeds you follow."""


@feeds.command("list")
@click.pass_obj
def list_(ctx: Ctx) -> None:
    """List the feeds with their last success, last error, next allowed fetch, item count and problems."""
    from briefing.feeds.safety import check_url, url_problem  # noqa: PLC0415

    try:
        sources, samples = configured_feeds(ctx.settings.feeds_file)
    except FeedListError as exc:
        raise BadInput(str(exc)) from exc
    if samples:
        click.echo("briefing: no feeds configured; these are the bundled sample feeds", err=True)
    with open_store(ctx) as store:
        status = {f.url: f for f in store.feeds.all()}
        moved = store.feeds.aliases()
        page_failures = store.pages.failures()
        analysis_failures = store.analysis_jobs.failures()
        shown = shown_zone(ctx.now, ctx.settings.times)
        own = store.feed_zones() if shown is None else {}  # times = "outlet": each feed's own zone
    for src in sources:
        f = status.get(moved.get(src.url, src.url))
        zone = shown if shown is not None or f is None or f.id is None else own.get(f.id)
        title = clean_line(src.title or (f.title if f else "")) or "-"
        fields = [
            clean_line(src.url),
            title,
            f"items={f.item_count if f else 0}",
            f"last_ok={_when(f.last_success if f else None, zone)}",
        ]
        if f and f.gone:
            pass
        elif f and f.next_fetch and f.next_fetch > ctx.now:
            fields.append(f"next={_when(f.next_fetch, zone)}")
        else:
            fields.append("next=due")  # fetched at the next `briefing fetch`
        if src.category:
            fields.append(f"category={clean_line(src.category)}")
        if src.url in moved:
            fields.append(f"moved_to={clean_line(moved[src.url])}")
        if f and f.gone:
            fields.append("GONE")
        if f and f.id in page_failures:
            fields.append(f"pages_failed={page_failures[f.id]}")
        if f and f.id in analysis_failures:  # articles the analyzers failed on; skipped after MAX_TRIES
            failed, skipped = analysis_failures[f.id]
            fields.append(f"analysis_failed={failed}")
            if skipped:
                fields.append(f"analysis_skipped={skipped}")
        refused = url_problem(src.url) or (
            None if (src.trusted or ctx.settings.allow_private) else check_url(src.url)
        )
        if refused:
            fields.append(f"error={clean_line(refused)}")
        elif f and f.last_error:
            fields.append(f"error={clean_line(f.last_error)}")
        click.echo("\t".join(fields))


@feeds.command()
@click.argument("url")
@click.option("--title", default="")
@click.option("--lang", type=click.Choice(["ar", "en"]))
@click.option("--category", default="", help="A folder name for the feed.")
@click.option(
    "--full-text/--no-full-text", default=None, help="Always / never extract this feed's article pages."
)
@click.pass_obj
def add(ctx: Ctx, url: str, title: str, lang: str | None, category: str, full_text: bool | None) -> None:
    """Follow a feed (an http(s) URL or a local file). Typed by you, it may be local or private."""
    from briefing.feeds.safety import check_url  # noqa: PLC0415

    url = feed_target(url)
    mine = _mine(ctx)
    if any(f.url == url for f in mine):
        raise BadInput(f"already following {url}")
    trusted = check_url(url) is not None  # a local or private target typed by hand: mark the opt-in
    write_feeds_file(
        ctx.settings.feeds_file, [*mine, FeedSource(url, title, lang, full_text, category, trusted)]
    )
    say(f"following {url}")


@feeds.command()
@click.argument("url")
@click.pass_obj
def remove(ctx: Ctx, url: str) -> None:
    """Stop following a feed (its cached articles stay until pruned)."""
    mine = _mine(ctx)
    kept = [f for f in mine if f.url != url]
    if len(kept) == len(mine):
        raise BadInput(f"not following {url}")
    write_feeds_file(ctx.settings.feeds_file, kept)
    say(f"no longer following {url}")


@feeds.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--allow-private", is_flag=True, help="Accept private and loopback addresses from the file.")
@click.pass_obj
def import_(ctx: Ctx, file: Path, allow_private: bool) -> None:
    """Follow the feeds of an OPML file (http(s) only; titles and categories kept)."""
    from briefing.feeds.opml import MAX_BYTES, OpmlError, parse_opml  # noqa: PLC0415
    from briefing.feeds.safety import check_url, url_problem  # noqa: PLC0415

    try:
        with file.expanduser().open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise BadInput(f"cannot read {file}: {exc.strerror or exc}") from exc
    try:
        result = parse_opml(data)
    except OpmlError as exc:
        raise BadInput(f"{file}: {exc}") from exc
    problems = list(result.skipped)
    mine = _mine(ctx)
    known = {f.url for f in mine}
    added: list[FeedSource] = []
    for src in result.feeds:
        refused = url_problem(src.url) or (
            None if (allow_private or ctx.settings.allow_private) else check_url(src.url)
        )
        if refused:
            problems.append(f"{src.title or src.url}: {refused}")
        elif src.url not in known:
            added.append(src)
            known.add(src.url)
    for line in problems[:20]:
        say(f"skipped {line}")
    if len(problems) > 20:
        say(f"... and {len(problems) - 20} more skipped")
    if added:
        write_feeds_file(ctx.settings.feeds_file, [*mine, *added])
    kept = len(result.feeds) - len(added)
    click.echo(
        f"briefing: imported {count(len(added), 'feed')} ({kept} already followed or "
        f"refused, {len(result.skipped)} not http(s))",
        err=True,
    )
    if not added and problems and not result.feeds:
        sys.exit(1)


@feeds.command("export")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def export_(ctx: Ctx, file: Path | None) -> None:
    """Write the feed list as OPML (to FILE, atomically, or to stdout)."""
    from briefing.feeds.opml import render_opml  # noqa: PLC0415

    everything = _mine(ctx)
    mine = [f for f in everything if f.url.lower().startswith(("http://", "https://"))]
    if len(mine) < len(everything):
        click.echo(
            f"briefing: {len(everything) - len(mine)} local feeds left out (OPML carries http(s) only)",
            err=True,
        )
    if not everything:
        click.echo("briefing: no feeds configured; exporting an empty list", err=True)
    text = render_opml(mine)
    deliver(text, file, f"wrote {len(mine)} feeds to {file}")
