"""Provides `briefing analyze PATH|-`: one article file's analysis as JSON, without touching the cache."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from briefing.cli.group import Ctx, parse_now
from briefing.errors import BadInput


@click.command()
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
    from briefing.safetext import clean_text  # noqa: PLC0415

    when = parse_now(published, "--published") if published else ctx.now
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
