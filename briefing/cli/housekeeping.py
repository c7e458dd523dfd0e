"""Provides `briefing prune` (drop old articles from the cache) and `briefing paths` (where files live)."""

from __future__ import annotations

from datetime import timedelta

import click

from briefing.cli.group import Ctx, open_store
from briefing.errors import BadInput


@click.command()
@click.option("--older-than", "older", required=True, metavar="90d", help="Age: a number of days, like 90d.")
@click.pass_obj
def prune(ctx: Ctx, older: str) -> None:
    """Drop old articles and their analysis from the cache."""
    if not (older.endswith("d") and older[:-1].isdigit()):
        raise BadInput(f"--older-than takes a number of days like 90d, not {older!r}")
    with open_store(ctx) as store:
        n = store.prune(ctx.now - timedelta(days=int(older[:-1])))
    click.echo(f"briefing: removed {n} articles", err=True)


@click.command()
@click.pass_obj
def paths(ctx: Ctx) -> None:
    """Print where the config, feeds list, cache and user themes live."""
    from briefing import paths as p  # noqa: PLC0415
    from briefing.safetext import clean_line  # noqa: PLC0415 (paths come from the user: --db, config)

    for name, where in (
        ("config", p.config_file()),
        ("feeds", ctx.settings.feeds_file),
        ("cache", ctx.settings.db),
        ("themes", p.user_themes_dir()),
    ):
        click.echo(f"{name:<7} {clean_line(str(where))}")
