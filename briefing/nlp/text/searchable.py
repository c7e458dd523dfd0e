"""Provides `searchable`, the normalizer of the search index: a text without its page furniture lines (skip
links, share prompts, "read also" lines, photo credits: `prepare.is_furniture`), Arabic-normalized
(`arabic.normalize`).

The index and the queries go through the same function, so a search for "Skip to main content" finds no
page by its navigation line, and a page's text is searched as the analysis reads it. The index keeps no
text (a contentless FTS5 table): an article leaves it by the values it was indexed with, made again by
this function, so it must stay deterministic; changing what it drops needs a schema migration that
re-indexes (as schema 8 did when furniture was first dropped).
"""

from __future__ import annotations

from briefing.nlp.text.arabic import normalize
from briefing.nlp.text.prepare import is_furniture


def searchable(text: str) -> str:
    """`text` for the search index or a query: furniture lines dropped, then normalized."""
    if "\n" not in text:
        return "" if is_furniture(text.strip()) else normalize(text)
    return normalize("\n".join(line for line in text.split("\n") if not is_furniture(line.strip())))
