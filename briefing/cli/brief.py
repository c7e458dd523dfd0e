"""Provides `briefing today` (the briefing on the terminal or as JSON) and `briefing export` (Markdown, JSON
or iCalendar, to stdout or a file)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from briefing.cli.group import Ctx, open_store, parse_date
from briefing.cli.output import deliver
from briefing.cli.query_options import chosen_query, query_options
from briefing.cli.refresh import AGENDA_DAYS_HELP, load_briefing, parse_agenda_days


@click.command()
@click.option("--date", "day_text", metavar="YYYY-MM-DD", help="The day to brief (default: today).")
@click.option("--lang", type=click.Choice(["ar", "en", "all"]), default="all", show_default=True)
@click.option("--limit", type=click.IntRange(1, 100), default=8, show_default=True, help="How many stories.")
@click.option("--width", type=click.IntRange(20, 500), help="Output width in columns.")
@click.option("--json", "as_json", is_flag=True, help="Print the briefing as JSON.")
@click.option("--days", "days_text", metavar="N|all", help=AGENDA_DAYS_HELP + "  [default: 7]")
@query_options
@click.pass_obj
def today(
    ctx: Ctx,
    day_text: str | None,
    lang: str,
    limit: int,
    width: int | None,
    as_json: bool,
    days_text: str | None,
    query_text: str | None,
    view_name: str | None,
) -> None:
    """Print the briefing: top stories, their actors, and what is scheduled next."""
    day = parse_date(day_text, "--date")
    agenda_days = parse_agenda_days(days_text)
    query = chosen_query(ctx, query_text, view_name)
    with open_store(ctx) as store:
        b = load_briefing(ctx, store, day, lang, limit, agenda_days=agenda_days, query=query)
    if as_json:
        from briefing.render.jsonout import briefing_json  # noqa: PLC0415

        click.echo(briefing_json(b), nl=False)
        return
    from briefing.render.console import render_today  # noqa: PLC0415

    render_today(b, sys.stdout, width=width, color=ctx.settings.color is not False)


@click.command()
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
@query_options
@click.pass_obj
def export(
    ctx: Ctx,
    fmt: str,
    day_text: str | None,
    since_text: str | None,
    until_text: str | None,
    output: Path | None,
    days_text: str | None,
    query_text: str | None,
    view_name: str | None,
) -> None:
    """Export the briefing as Markdown, JSON or an iCalendar file of the upcoming events."""
    day = parse_date(day_text, "--date")
    since, until = parse_date(since_text, "--since"), parse_date(until_text, "--until")
    if day and (since or until):
        raise click.UsageError("use either --date or --since/--until")
    if since and not until:
        until = ctx.now.date()  # a range up to today
    if since and until and since > until:
        raise click.UsageError("--since is after --until")
    query = chosen_query(ctx, query_text, view_name)
    with open_store(ctx) as store:
        agenda_days = parse_agenda_days(days_text) if days_text else None
        b = load_briefing(
            ctx, store, day or until, "all", 30, since=since, agenda_days=agenda_days, query=query
        )
    if fmt == "json":
        from briefing.render.jsonout import briefing_json  # noqa: PLC0415

        text = briefing_json(b)
    elif fmt == "ics":
        from briefing.render.ics import render_ics  # noqa: PLC0415

        text = render_ics(b)
    else:
        from briefing.render.markdown import render_markdown  # noqa: PLC0415

        text = render_markdown(b)
    deliver(text, output, f"wrote {output}")
