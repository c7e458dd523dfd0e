"""Provides `briefing fetch`: pull the configured feeds (or those given) into the cache and analyze them."""

from __future__ import annotations

import sys

import click

from briefing.cli.group import Ctx, open_store
from briefing.cli.refresh import do_refresh
from briefing.words import count


@click.command()
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
    new = count(report.new, "new article")
    click.echo(
        f"briefing: {len(ok)}/{len(report.outcomes)} feeds fetched{waiting}, {new}, "
        f"{report.analyzed} analyzed",
        err=True,
    )
    if not ok and report.failed:
        sys.exit(1)
