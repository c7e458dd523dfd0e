"""Provides `briefing search QUERY`: the cache searched with the query language (`briefing.query`), best
text matches first (newest first when the query has no words).

Words are normalized like the index (`briefing.nlp.text.searchable`: diacritics, tatweel, alef
forms, ya, ta marbuta, Eastern digits, case), so غزّة finds غزة and ٢٥ finds 25. Every part must match:
`briefing search +unread lang:ar @7-days`, `briefing search '"security council"' -feed:wire`. `--query` and
`--view` (a saved view) add their parts to the words: `briefing search truce --view morning`.
Output is one line per article on stdout: date (in the zone times are shown in, `briefing.clock`), feed,
title, link, tab-separated; `--json` gives the same as objects (`published` as the feed gave it).
"""

from __future__ import annotations

import json

import click

from briefing.cli.group import Ctx, open_store
from briefing.cli.query_options import chosen_query, query_options
from briefing.clock import in_zone, shown_zone
from briefing.errors import BadInput
from briefing.query import QueryError
from briefing.safetext import clean_line, safe_url


@click.command(context_settings={"ignore_unknown_options": True})  # `-word` and `-feed:X` are query parts
@click.argument("query", nargs=-1)
@query_options
@click.option(
    "--limit", type=click.IntRange(1, 1000), default=30, show_default=True, help="How many matches."
)
@click.option("--json", "as_json", is_flag=True, help="Print the matches as a JSON array.")
@click.pass_obj
def search(
    ctx: Ctx,
    query: tuple[str, ...],
    query_text: str | None,
    view_name: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """Search cached articles: words, "phrases", -word, +unread, @2-days, feed:, lang:, actor:, kind:."""
    from briefing.nlp.text.searchable import searchable  # noqa: PLC0415 (camel-tools: about a second, here only)

    if not query and query_text is None and view_name is None:
        raise click.UsageError("give a QUERY to search for (or --query / --view)")
    text = " ".join(query)
    parsed = chosen_query(ctx, query_text, view_name, text)
    if parsed is None:
        raise BadInput("the query has no words to search for")
    with open_store(ctx) as store:
        try:
            hits = store.search.find(parsed, searchable, ctx.now, limit=limit)
        except QueryError as exc:
            raise BadInput(f"query: {exc}") from None
    if as_json:
        rows = [
            {
                "title": clean_line(a.title),
                "feed": clean_line(a.feed_title),
                "url": safe_url(a.url),
                "published": a.published.isoformat(),
            }
            for a in hits
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo(f"briefing: nothing matches {clean_line(parsed.describe())!r}", err=True)
        return
    zone = shown_zone(ctx.now, ctx.settings.times)
    for a in hits:
        fields = [
            in_zone(a.published, zone).strftime("%Y-%m-%d"),
            clean_line(a.feed_title) or "-",
            clean_line(a.title) or "-",
        ]
        url = safe_url(a.url)
        if url:
            fields.append(url)
        click.echo("\t".join(fields))
