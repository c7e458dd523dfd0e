"""Provides the actors pane: who the selected story names, or (`a`) every actor of the briefing.

Story scope lists the selected story's actors with role, affiliation and Latin name. All scope lists the
actors of every story on screen, most mentioned first, each with its mention count and how many stories
name it (the first `ALL_LIMIT`; the pane says how many more there are).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import ClassVar, Literal

from textual.binding import BindingType

from briefing.models import Actor, Story
from briefing.render.bidi import BidiMode
from briefing.safetext import clean_line
from briefing.tui import keys
from briefing.tui.format import count
from briefing.tui.widgets.block import BLANK, BlockView, Part

SEPARATOR = " · "
ALL_LIMIT = 100
"""How many actors the all-actors view shows (the most mentioned)."""
Scope = Literal["story", "all"]


def actor_key(actor: Actor) -> str:
    """The identity `combine_actors` merges on."""
    return f"{actor.kind}:{actor.key or actor.name}"


def ranked_actors(actors: Sequence[Actor], stories: Sequence[Story]) -> list[tuple[Actor, int]]:
    """`actors` with the number of `stories` naming each, most mentioned (then most widespread) first."""
    named = Counter(key for story in stories for key in {actor_key(actor) for actor in story.actors})
    ranked = [(actor, named[actor_key(actor)]) for actor in actors]
    return sorted(ranked, key=lambda pair: (-len(pair[0].mentions), -pair[1]))


PLACEHOLDER = "italic $text-muted"


def actor_parts(actor: Actor, stories: int | None = None) -> list[Part]:
    """One actor: the name (and Latin name), then role and affiliation; `stories` (all scope): how many
    stories name it, shown with its mention count. A blank line follows."""
    name = clean_line(actor.name)
    latin = clean_line(actor.name_latin or "")
    text = name + (SEPARATOR + latin if latin and latin != name else "")
    spans = [(0, len(name), "bold"), (len(name), len(text), "$text-muted")]
    details = [part for part in (clean_line(actor.role or ""), clean_line(actor.affiliation or "")) if part]
    if actor.kind != "person" or not details:  # people are the usual case; say so only for the others
        details.append(f"({actor.kind})")
    parts = [Part(text, spans=spans, key=actor), Part(SEPARATOR.join(details), style="$text-muted")]
    if stories is not None:  # our own words: a line of its own, left to right
        counts = [count(len(actor.mentions), "mention")] if actor.mentions else []
        counts.append(f"in {count(stories, 'story', 'stories')}")
        parts.append(Part(SEPARATOR.join(counts), style="$text-accent", direction="ltr"))
    return [*parts, BLANK]


def note(text: str) -> Part:
    """A line of our own in the pane (a placeholder, "and 12 more")."""
    return Part(text, style=PLACEHOLDER, direction="ltr")


class ActorsPane(BlockView):
    """The actors of the selected story, or of the whole briefing."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.SCROLL_DOWN, keys.SCROLL_UP]

    def __init__(self, *, mode: BidiMode, id: str | None = None) -> None:
        super().__init__(mode=mode, id=id)
        self._actors: tuple[Actor, ...] = ()
        self._all: tuple[tuple[Actor, int], ...] = ()
        self.scope: Scope = "story"
        self.set_title("Actors")
        self.update(self._parts())

    @property
    def actors(self) -> tuple[Actor, ...]:
        """What the pane lists now (in all scope: at most `ALL_LIMIT`)."""
        if self.scope == "all":
            return tuple(actor for actor, _ in self._all[:ALL_LIMIT])
        return self._actors

    def show(self, actors: Sequence[Actor]) -> None:
        """The selected story's actors (shown in story scope)."""
        self._actors = tuple(actors)
        if self.scope == "story":
            self._redraw()

    def show_all(self, actors: Sequence[Actor], stories: Sequence[Story]) -> None:
        """Every actor of the briefing (shown in all scope)."""
        self._all = tuple(ranked_actors(actors, stories))
        if self.scope == "all":
            self._redraw()

    def set_scope(self, scope: Scope) -> None:
        if scope != self.scope:
            self.scope = scope
            self._redraw()

    def _redraw(self) -> None:
        if self.scope == "all":
            self.set_title(f"All actors ({len(self._all)})")
        else:
            self.set_title(f"Actors ({len(self._actors)})")
        self.update(self._parts())
        self.scroll_home(animate=False)

    def _parts(self) -> list[Part]:
        if self.scope == "story":
            if not self._actors:
                return [note("No actors named in this story.")]
            return [part for actor in self._actors for part in actor_parts(actor)]
        if not self._all:
            return [note("No actors in these stories.")]
        parts = [part for actor, stories in self._all[:ALL_LIMIT] for part in actor_parts(actor, stories)]
        if len(self._all) > ALL_LIMIT:
            parts.append(note(f"and {count(len(self._all) - ALL_LIMIT, 'more actor')} (fewer mentions)"))
        return parts
