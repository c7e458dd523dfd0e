"""Provides `briefing actors`: who is named across the cache, most mentioned first, with their stories.

Reads the actors the analysis recorded under stable ids (`Store.actors.stats`): a header row, then one line
per actor on stdout, tab-separated: mentions, articles, kind, name (and the Latin name when it differs), and
the titles of its three most recent stories (` | ` between them); `--json` gives the same as objects, with
the stable id, first and last seen and every story id.
"""

from __future__ import annotations

import json
from typing import Literal, cast

import click

from briefing.cli.group import Ctx, open_store
from briefing.safetext import clean_line

Kind = Literal["person", "org", "country", "place"]
SHOWN_STORIES = 3


@click.command()
@click.option(
    "--limit", type=click.IntRange(1, 10000), default=40, show_default=True, help="How many actors."
)
@click.option(
    "--kind",
    type=click.Choice(["person", "org", "country", "place"]),
    help="Only persons, organisations, countries or places.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the actors as a JSON array.")
@click.pass_obj
def actors(ctx: Ctx, limit: int, kind: str | None, as_json: bool) -> None:
    """List the actors named in cached articles, with mention counts and the stories they appear in."""
    with open_store(ctx) as store:
        found = store.actors.stats(limit=limit, kind=cast(Kind | None, kind))
    if as_json:
        rows = [
            {
                "id": a.key,
                "kind": a.kind,
                "name": clean_line(a.name),
                "name_latin": clean_line(a.name_latin) if a.name_latin else None,
                "mentions": a.mentions,
                "articles": a.articles,
                "first_seen": a.first_seen.isoformat(),
                "last_seen": a.last_seen.isoformat(),
                "stories": list(a.stories),
            }
            for a in found
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo("briefing: no actors yet (run `briefing fetch` or `briefing analyze` first)", err=True)
        return
    with open_store(ctx) as store:
        titles = store.story_titles(story for a in found for story in a.stories[:SHOWN_STORIES])
    click.echo("\t".join(["mentions", "articles", "kind", "name", "stories"]))
    for a in found:
        name = clean_line(a.name)
        if a.name_latin and a.name_latin.casefold() != a.name.casefold():
            name += f" ({clean_line(a.name_latin)})"
        shown = [clean_line(titles.get(story, "")) or story for story in a.stories[:SHOWN_STORIES]]
        more = len(a.stories) - SHOWN_STORIES
        stories = " | ".join(shown) + (f" | and {more} more" if more > 0 else "")
        click.echo("\t".join([str(a.mentions), str(a.articles), a.kind, name, stories or "-"]))
