"""Provides how the front ends write short lists: names joined with the comma of their script, and the
languages of a story.

An Arabic list takes the Arabic comma («غير بيدرسون، فيصل المقداد»); a list with a Latin name in it takes
the Latin one («U.N. Security Council, Hezbollah»), so that neither script gets the other's punctuation.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefing.models import Story
from briefing.safetext import clean_line, is_arabic

ARABIC_COMMA = "، "
LATIN_COMMA = ", "


def join_names(names: Iterable[str]) -> str:
    """The names (cleaned, empty ones left out) joined with «، » when every one is Arabic, else with ", "."""
    shown = [name for name in (clean_line(n) for n in names) if name]
    arabic = bool(shown) and all(is_arabic(name) for name in shown)
    return (ARABIC_COMMA if arabic else LATIN_COMMA).join(shown)


def language_tags(langs: Iterable[str | None]) -> str:
    """The languages of a story's articles, as every front end shows them: `AR, EN` (sorted; `??` when no
    article's language is known)."""
    tags = sorted({clean_line(lang)[:2].upper() for lang in langs if lang and clean_line(lang)})
    return ", ".join(tags) or "??"


def story_languages(story: Story) -> str:
    """`AR, EN`: the languages of the story's articles (and of the story itself)."""
    return language_tags([story.lang, *(ref.lang for ref in story.articles)])
