"""Provides the `briefing` click group (`main`), its context `Ctx`, `open_store` and the date parsers.

The commands live in their own modules and are attached with `add_command` by `briefing.cli`; this module
imports none of them. Each command imports what it needs inside its body, so `briefing today` never pays for
Textual or camel-tools. Errors end as one line on stderr: exit 2 for bad usage or input, 1 for runtime
failures.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from briefing import __version__
from briefing.cli.lazy_group import LazyGroup
from briefing.config import ConfigError, Settings, load
from briefing.errors import fail

if TYPE_CHECKING:
    from briefing.store import Store

log = logging.getLogger(__name__)


@dataclass
class Ctx:
    """What every command receives (`click.pass_obj`): the loaded settings and the current time."""

    settings: Settings
    now: datetime


def parse_now(value: str | None, flag: str = "--now") -> datetime:
    """`--now` (or `flag`, e.g. `--published`): an ISO 8601 date-time, local time when it has no offset;
    empty is now."""
    if not value:
        return datetime.now().astimezone()
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"not an ISO 8601 date-time: {value!r}", param_hint=flag) from None
    return dt if dt.tzinfo else dt.astimezone()


def parse_date(value: str | None, flag: str) -> date | None:
    """A `YYYY-MM-DD` option named `flag`, or None when it was not given."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"not a date (YYYY-MM-DD): {value!r}", param_hint=flag) from None


@click.group(
    cls=LazyGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), help="The cache file.")
@click.option(
    "--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="The config file."
)
@click.option("--no-color", is_flag=True, help="No colour (NO_COLOR is honoured too).")
@click.option(
    "--now", "now_text", metavar="ISO8601", help="Pretend the current time is this (tests and demos)."
)
@click.option(
    "--bidi",
    type=click.Choice(["app", "terminal", "off"]),
    help="How the app lays out Arabic (also `briefing tui --bidi`).",
)
@click.option("-v", "--verbose", count=True, help="Log what happens on stderr (-vv: more).")
@click.version_option(__version__, prog_name="briefing")
@click.pass_context
def main(
    ctx: click.Context,
    db: Path | None,
    config_path: Path | None,
    no_color: bool,
    now_text: str | None,
    bidi: str | None,
    verbose: int,
) -> None:
    """A news briefing for the Middle East in your terminal: stories, actors and upcoming events."""
    import os  # noqa: PLC0415

    from briefing import paths  # noqa: PLC0415
    from briefing.logs import setup_logging  # noqa: PLC0415

    setup_logging(verbose, paths.data_dir())
    color = False if (no_color or os.environ.get("NO_COLOR")) else None
    try:
        settings = load(config_path, db=db, color=color)
    except ConfigError as exc:
        fail(str(exc), code=2)
    if bidi is not None:  # `briefing --bidi app` as well as `briefing tui --bidi app`
        settings = replace(settings, bidi=bidi)
    ctx.obj = Ctx(settings, parse_now(now_text))
    if ctx.invoked_subcommand is None:
        app = main.get_command(ctx, "tui")
        assert app is not None  # attached by briefing.cli
        ctx.invoke(app)


@contextmanager
def open_store(ctx: Ctx) -> Iterator[Store]:
    """The cache, opened for one command and closed after it; a cache that cannot be opened is one line on
    stderr and exit 1."""
    from briefing.cli.cache_faults import cache_problem  # noqa: PLC0415
    from briefing.store import SchemaTooNew, Store  # noqa: PLC0415

    try:
        store = Store.open(ctx.settings.db)
    except SchemaTooNew as exc:
        fail(str(exc), code=1)
    except (sqlite3.DatabaseError, OSError) as exc:
        # a file that is no SQLite database at all (`--db notes.txt`) is bad input; a damaged one is not
        fail(cache_problem(exc, ctx.settings.db), code=2 if "not a database" in str(exc) else 1)
    try:
        yield store
    except sqlite3.DatabaseError as exc:  # damaged pages found while reading, a full disk while writing
        log.exception("cache error")
        fail(cache_problem(exc, ctx.settings.db), code=1)
    finally:
        store.close()
