"""Provides the Arabic actor scanner (`scan_arabic`): one article's scan state run through an ordered list of
rules (`RULES`).

Each rule is a function of the scan state (`ar_state.ArabicScan`) that claims the tokens it reads, so the
order is the order of certainty: outlets (`ar_orgs`), countries and places of the gazetteer (`ar_tables`),
organisations, places after a place-type head (`ar_places`), names in slots only a person fills ("مقابلة مع
...", "رسالة من ...", `ar_slots`), persons introduced by a title ("وزير الدفاع الإيراني حميد رضا أشتياني",
`ar_titles`), persons of the bilingual table, appositions (`ar_context`), later mentions of those found
(surname, last two words, with clitics: `ar_mentions`), nasabs, untitled names that start with a known given
name (`ar_untitled`), then names read from their context (a verb of saying, a kinship word, a blessing, a
credit line), and the later mentions once more. Names are read in `ar_names` over the word classes of the
state.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from briefing.models import Sentence
from briefing.nlp.actors.ar_context import scan_appositions, scan_lone_given, scan_speakers
from briefing.nlp.actors.ar_mentions import scan_aliases
from briefing.nlp.actors.ar_orgs import scan_media, scan_orgs
from briefing.nlp.actors.ar_places import scan_place_heads
from briefing.nlp.actors.ar_slots import scan_blessed, scan_credits, scan_nasab, scan_slots
from briefing.nlp.actors.ar_state import ArabicScan
from briefing.nlp.actors.ar_tables import scan_gazetteer, scan_known
from briefing.nlp.actors.ar_titles import scan_roles
from briefing.nlp.actors.ar_untitled import scan_untitled
from briefing.nlp.actors.tokens import Found

Rule = Callable[[ArabicScan], None]

RULES: tuple[Rule, ...] = (
    scan_media,
    scan_gazetteer,
    scan_orgs,
    scan_place_heads,
    scan_slots,
    scan_roles,
    scan_known,
    scan_appositions,
    scan_aliases,
    scan_nasab,
    scan_untitled,
    scan_speakers,
    scan_lone_given,
    scan_blessed,
    scan_credits,
    scan_aliases,  # again: surnames of the persons the context rules found
)


def scan_arabic(
    text: str, sentences: list[Sentence], author: str | None, rules: Sequence[Rule] = RULES
) -> list[Found]:
    """The detections of one Arabic article, `rules` run in order over one scan state."""
    scan = ArabicScan.start(text, sentences, author)
    for rule in rules:
        rule(scan)
    return scan.found
