"""Provides `with_title`: the persons, places and events of an article's title joined to its body's.

The title is analyzed as a sentence of its own (offsets into the title). A title actor that is a body actor
(the merge rules of `merge_actors`, or a person's single name that ends a body person's name) becomes the
body actor's `title_mentions`; the others are added with title mentions only. A title event is kept only when
the body tells no upcoming event (a headline restates the main news, less precisely); it carries
`sentence_index` -1, and its `who` uses the body's names for actors met in both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from briefing.models import Actor, Event, Sentence
from briefing.nlp.text.arabic import normalize

_KIND_ORDER = {"person": 0, "org": 1, "country": 2, "place": 3}
TITLE_SENTENCE = -1
"""The `sentence_index` of an event found in the title."""


def _same(title_actor: Actor, body_actor: Actor) -> bool:
    from briefing.nlp.actors.merge import merge_actors  # noqa: PLC0415

    if title_actor.kind != body_actor.kind:
        return False
    if len(merge_actors([body_actor, title_actor])) == 1:
        return True
    words = normalize(title_actor.name).split()
    forms = [normalize(f).split() for f in (body_actor.name, *body_actor.aliases)]
    return title_actor.kind == "person" and len(words) == 1 and any(f and f[-1] == words[0] for f in forms)


def _joined(body_actor: Actor, title_actor: Actor) -> Actor:
    roles = body_actor.roles + tuple(r for r in title_actor.roles if r not in body_actor.roles)
    return replace(
        body_actor,
        roles=roles,
        name_latin=body_actor.name_latin or title_actor.name_latin,
        affiliation=body_actor.affiliation or title_actor.affiliation,
        title_mentions=title_actor.mentions,
    )


def _first(actor: Actor) -> tuple[int, int]:
    if actor.title_mentions:
        return (0, actor.title_mentions[0][0])
    return (1, actor.mentions[0][0] if actor.mentions else 0)


def join_actors(body: Sequence[Actor], in_title: Sequence[Actor]) -> tuple[list[Actor], dict[str, str]]:
    """The body's actors with the title's joined in, persons first, each kind by first mention (a title
    mention comes before any body mention), and the body name each joined title actor goes by."""
    actors = list(body)
    names: dict[str, str] = {}
    for t in in_title:
        pos = next((i for i, b in enumerate(actors) if not b.title_mentions and _same(t, b)), None)
        if pos is None:
            actors.append(replace(t, mentions=(), title_mentions=t.mentions))
        else:
            actors[pos] = _joined(actors[pos], t)
            names[t.name] = actors[pos].name
    return sorted(actors, key=lambda a: (_KIND_ORDER[a.kind], *_first(a))), names


def with_title(
    title: str,
    lang: str,
    published: datetime,
    actors: Sequence[Actor],
    events: Sequence[Event],
) -> tuple[list[Actor], list[Event]]:
    """The article's actors and events with the title's added (see the module docstring)."""
    from briefing.nlp.actors.extract import extract_actors  # noqa: PLC0415
    from briefing.nlp.events.extract import extract_events  # noqa: PLC0415

    if not title.strip():
        return list(actors), list(events)
    sentence = [Sentence(0, 0, len(title), title)]
    title_actors = extract_actors(title, lang, sentence)
    joined, names = join_actors(actors, title_actors)
    if events:
        # A headline restates the main news less precisely ("in April", "after the Eid", no venue): when the
        # body tells upcoming events they are the better-dated account, so the title's are not even read.
        return joined, list(events)
    title_events = [
        replace(e, sentence_index=TITLE_SENTENCE, who=tuple(names.get(w, w) for w in e.who))
        for e in extract_events(title, sentence, title_actors, published, lang)
    ]
    return joined, title_events
