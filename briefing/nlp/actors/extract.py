"""Provides actor extraction for one article and the merge of actors across articles, outlets and scripts.

`extract_actors` finds persons (with titles and affiliations), organisations, countries and places in an
article's display text, with no downloaded model: rules over titles and name boundaries, CLDR country and city
names (babel), hand-kept tables under `briefing/data/`, wordfreq frequencies. Arabic goes through `ar_scan`,
English through `en_scan`; both report `[start, end)` mentions into the text they were given. `merge_actors`
joins the same actor met in several articles: same key, a shared alias, the same Latin name, or (for persons)
names whose consonant skeletons agree across scripts ("بيدرسون" / "Pedersen"). With camel-tools' NER data
installed (`CAMELTOOLS_DATA`), its entities are merged with the rules' (`ner_camel`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from briefing.models import Actor, Sentence
from briefing.nlp.actors.build import build
from briefing.nlp.actors.merge import merge_actors
from briefing.nlp.text.arabic import arabic_ratio

if TYPE_CHECKING:
    from briefing.nlp.actors.ner_camel import Recognizer

__all__ = ["extract_actors", "merge_actors"]


def extract_actors(
    text: str,
    lang: str,
    sentences: Sequence[Sentence],
    author: str | None = None,
    *,
    backend: Recognizer | None | Literal["auto"] = "auto",
) -> list[Actor]:
    """The actors of one article: persons first, then organisations, countries and places, by first mention.
    `author` (the byline) is never reported as an actor. `backend` adds a statistical recognizer's entities
    to Arabic articles (`briefing.nlp.actors.ner_camel`): "auto" uses camel-tools' NER when its data is
    installed, None never does."""
    if not text.strip():
        return []
    arabic = lang == "ar" or (lang not in ("en",) and arabic_ratio(text) > 0.5)
    if arabic:
        from briefing.nlp.actors.ar_scan import scan_arabic  # noqa: PLC0415 (one language per article)

        finds = scan_arabic(text, list(sentences), author)
        recognizer = _backend(backend)
        if recognizer is not None:
            from briefing.nlp.actors.ner_camel import merge_ner, ner_finds  # noqa: PLC0415

            finds = merge_ner(finds, ner_finds(text, list(sentences), recognizer))
        return build(finds, text, "ar")
    from briefing.nlp.actors.en_scan import EnglishScan  # noqa: PLC0415

    finds = EnglishScan(text, list(sentences), author).run()
    return build(finds, text, "en")


def _backend(backend: Recognizer | None | Literal["auto"]) -> Recognizer | None:
    if backend != "auto":
        return backend
    if not os.environ.get("CAMELTOOLS_DATA"):
        return None  # the common case costs one environment lookup
    from briefing.nlp.actors.ner_camel import installed_recognizer  # noqa: PLC0415

    return installed_recognizer()
