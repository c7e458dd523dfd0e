"""Provides actor extraction for one article and the merge of actors across articles, outlets and scripts.

`extract_actors` finds persons (with titles and affiliations), organisations, countries and places in an
article's display text, with no downloaded model: rules over titles and name boundaries, CLDR country and city
names (babel), hand-kept tables under `briefing/data/`, wordfreq frequencies. Arabic goes through `actors_ar`,
English through `actors_en`; both report `[start, end)` mentions into the text they were given. `merge_actors`
joins the same actor met in several articles: same key, a shared alias, the same Latin name, or (for persons)
names whose consonant skeletons agree across scripts ("بيدرسون" / "Pedersen").
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.models import Actor, Sentence
from briefing.nlp.actors_build import build
from briefing.nlp.actors_merge import merge_actors
from briefing.nlp.arabic import arabic_ratio

__all__ = ["extract_actors", "merge_actors"]


def extract_actors(
    text: str, lang: str, sentences: Sequence[Sentence], author: str | None = None
) -> list[Actor]:
    """The actors of one article: persons first, then organisations, countries and places, by first mention.
    `author` (the byline) is never reported as an actor."""
    if not text.strip():
        return []
    arabic = lang == "ar" or (lang not in ("en",) and arabic_ratio(text) > 0.5)
    if arabic:
        from briefing.nlp.actors_ar import ArabicScan  # noqa: PLC0415 (one language per article)

        finds = ArabicScan(text, list(sentences), author).run()
        return build(finds, text, "ar")
    from briefing.nlp.actors_en import EnglishScan  # noqa: PLC0415

    finds = EnglishScan(text, list(sentences), author).run()
    return build(finds, text, "en")
