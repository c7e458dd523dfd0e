"""Provides the actors pane: who the selected story names, or (`a`) every actor of the briefing.

Story scope lists the selected story's actors with role, affiliation and Latin name. All scope lists the
actors of every story on screen, most mentioned first, each with its mention count and how many stories
name it (the first `ALL_LIMIT`; the pane says how many more there are).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from briefing.models import Actor, Story
from briefing.render.bidi import BidiMode
from briefing.render.sanitize import clean_line
from briefing.tui import keys
from briefing.tui.format import count
from briefing.tui.widgets.block import Block, Part

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


class ActorRow(Block):
    """One actor: the name (and Latin name), then role and affiliation; in all scope, the counts."""

    DEFAULT_CSS = """
    ActorRow {
        height: auto;
    }
    """

    def __init__(self, actor: Actor, mode: BidiMode, stories: int | None = None) -> None:
        """`stories`: how many stories name the actor (all scope), or None (story scope)."""
        name = clean_line(actor.name)
        latin = clean_line(actor.name_latin or "")
        text = name + (SEPARATOR + latin if latin and latin != name else "")
        spans = [(0, len(name), "bold"), (len(name), len(text), "$text-muted")]
        details = [
            part for part in (clean_line(actor.role or ""), clean_line(actor.affiliation or "")) if part
        ]
        if actor.kind != "person" or not details:  # people are the usual case; say so only for the others
            details.append(f"({actor.kind})")
        parts = [Part(text, spans=spans), Part(SEPARATOR.join(details), style="$text-muted")]
        if stories is not None:  # our own words: a line of its own, left to right
            counts = [count(len(actor.mentions), "mention")] if actor.mentions else []
            counts.append(f"in {count(stories, 'story', 'stories')}")
            parts.append(Part(SEPARATOR.join(counts), style="$text-accent", direction="ltr"))
        super().__init__(parts, mode=mode, classes=f"kind-{actor.kind}")
        self.actor = actor


class ActorsPane(VerticalScroll, can_focus=True):
    """The actors of the selected story, or of the whole briefing."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.SCROLL_DOWN, keys.SCROLL_UP]

    def __init__(self, *, mode: BidiMode, id: str | None = None) -> None:
        super().__init__(id=id)
        self._mode = mode
        self._actors: tuple[Actor, ...] = ()
        self._all: tuple[tuple[Actor, int], ...] = ()
        self.scope: Scope = "story"
        self.border_title = "Actors"

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
            self.border_title = f"All actors ({len(self._all)})"
        else:
            self.border_title = f"Actors ({len(self._actors)})"
        self.refresh(recompose=True)
        self.scroll_home(animate=False)

    def compose(self) -> ComposeResult:
        if self.scope == "all":
            if not self._all:
                yield Static(Content("No actors in these stories."), classes="placeholder")
            for actor, stories in self._all[:ALL_LIMIT]:
                yield ActorRow(actor, self._mode, stories)
            if len(self._all) > ALL_LIMIT:
                more = len(self._all) - ALL_LIMIT
                yield Static(
                    Content(f"and {count(more, 'more actor')} (fewer mentions)"), classes="placeholder"
                )
            return
        if not self._actors:
            yield Static(Content("No actors named in this story."), classes="placeholder")
        for actor in self._actors:
            yield ActorRow(actor, self._mode)
