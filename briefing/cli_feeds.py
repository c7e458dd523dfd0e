"""Provides `briefing feeds list|add|remove`: the user's feed list (TOML) and each feed's health."""

from __future__ import annotations

from pathlib import Path

import click

from briefing.cli import Ctx, main, open_store
from briefing.errors import BadInput
from briefing.feeds.sources import FeedListError, FeedSource, configured_feeds, user_feeds, write_feeds_file


def _mine(ctx: Ctx) -> list[FeedSource]:
    try:
        return user_feeds(ctx.settings.feeds_file)
    except FeedListError as exc:
        raise BadInput(str(exc)) from exc


@main.group()
def feeds() -> None:
    """Manage the feeds you follow."""


@feeds.command("list")
@click.pass_obj
def list_(ctx: Ctx) -> None:
    """List the feeds with their last success, last error, next fetch and item count."""
    try:
        sources, samples = configured_feeds(ctx.settings.feeds_file)
    except FeedListError as exc:
        raise BadInput(str(exc)) from exc
    if samples:
        click.echo("briefing: no feeds configured; these are the bundled sample feeds", err=True)
    with open_store(ctx) as store:
        status = {f.url: f for f in store.feeds()}
    for src in sources:
        f = status.get(src.url)
        title = src.title or (f.title if f else "") or "-"
        last = f.last_success.strftime("%Y-%m-%d %H:%M") if f and f.last_success else "never"
        items = f.item_count if f else 0
        line = f"{src.url}\t{title}\titems={items}\tlast_ok={last}"
        if f and f.next_fetch:
            line += f"\tnext={f.next_fetch.strftime('%Y-%m-%d %H:%M')}"
        if f and f.gone:
            line += "\tGONE"
        if f and f.last_error:
            line += f"\terror={f.last_error}"
        click.echo(line)


@feeds.command()
@click.argument("url")
@click.option("--title", default="")
@click.option("--lang", type=click.Choice(["ar", "en"]))
@click.option("--full-text", is_flag=True, help="Always extract the full text of this feed's articles.")
@click.pass_obj
def add(ctx: Ctx, url: str, title: str, lang: str | None, full_text: bool) -> None:
    """Follow a feed (an http(s) URL or a local file)."""
    if "://" not in url:
        path = Path(url).expanduser()
        if not path.is_file():
            raise BadInput(f"no such feed file: {url}")
        url = str(path.resolve())
    elif not url.startswith(("http://", "https://", "file://")):
        raise BadInput(f"unsupported URL scheme: {url}")
    mine = _mine(ctx)
    if any(f.url == url for f in mine):
        raise BadInput(f"already following {url}")
    write_feeds_file(ctx.settings.feeds_file, [*mine, FeedSource(url, title, lang, full_text)])
    click.echo(f"briefing: following {url}", err=True)


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
    click.echo(f"briefing: no longer following {url}", err=True)
