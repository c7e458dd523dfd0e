"""Provides `briefing analyze PATH...|-`: articles analyzed as JSON, without touching the cache.

One file (or plain text on stdin) gives one JSON object. Several files, or JSON lines on stdin
(`briefing.cli.analyze_input`), give JSON lines, one object per article in input order, in one process: an
article that cannot be read or analyzed gives one line on stderr and no output line, and the others still
run (exit 1 when any failed).
"""

from __future__ import annotations

import click

from briefing.cli.analyze_input import LANGS, Item, items
from briefing.cli.group import Ctx, parse_now
from briefing.errors import BadInput
from briefing.models import Analysis


def _run(item: Item, ctx: Ctx, published: str | None, lang: str, title: str | None) -> Analysis:
    from briefing.nlp.analyze import analyze as run  # noqa: PLC0415

    when = item.published or (parse_now(published, "--published") if published else ctx.now)
    chosen = item.lang if item.lang != "auto" else lang
    return run(item.text, when, title=item.title if item.title is not None else title, lang=chosen)


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...|-")
@click.option("--published", metavar="ISO8601", help="Publication time (default: now).")
@click.option("--lang", type=click.Choice(LANGS), default="auto", show_default=True)
@click.option(
    "--title",
    help='The title (one article only; "" for none). Default: the first line when it looks like a title.',
)
@click.option("--json", "as_json", is_flag=True, help="Print the analysis as JSON (the only format for now).")
@click.pass_obj
def analyze(
    ctx: Ctx, paths: tuple[str, ...], published: str | None, lang: str, title: str | None, as_json: bool
) -> None:
    """Analyze article files (or stdin: `-`) without touching the cache."""
    from briefing.render.jsonout import analysis_json, analysis_line  # noqa: PLC0415

    if paths.count("-") > 1:
        raise BadInput("stdin (-) can be given only once")
    if title is not None and len(paths) > 1:
        raise BadInput("--title applies to one article; give each file its own call or use JSON lines")
    if published:
        parse_now(published, "--published")  # a bad --published is a usage error before any article is read
    failed = 0
    for item in items(paths):
        lines = len(paths) > 1 or "line" in item.extra
        if item.error is not None:
            if not lines:
                raise BadInput(item.error)
            click.echo(f"briefing: error: {item.error}", err=True)
            failed += 1
            continue
        try:
            analysis = _run(item, ctx, published, lang, title)
        except Exception as exc:  # noqa: BLE001 (one article's analyzer bug must not stop the others)
            click.echo(f"briefing: error: {item.source}: analysis failed ({type(exc).__name__})", err=True)
            failed += 1
            continue
        click.echo(analysis_line(analysis, item.extra) if lines else analysis_json(analysis), nl=False)
    if failed:
        raise SystemExit(1)
