"""Provides the actors pane: who the selected story names, with role, affiliation and Latin name."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from briefing.models import Actor
from briefing.render.bidi import BidiMode
from briefing.render.sanitize import clean_line
from briefing.tui import keys
from briefing.tui.widgets.paragraph import Paragraph

SEPARATOR = " · "


class ActorRow(Vertical):
    """One actor: the name (and Latin name), then role and affiliation."""

    DEFAULT_CSS = """
    ActorRow {
        height: auto;
    }
    """

    def __init__(self, actor: Actor, mode: BidiMode) -> None:
        super().__init__(classes=f"kind-{actor.kind}")
        self.actor = actor
        self._mode = mode

    def compose(self) -> ComposeResult:
        actor = self.actor
        name = clean_line(actor.name)
        latin = clean_line(actor.name_latin or "")
        text = name + (SEPARATOR + latin if latin and latin != name else "")
        spans = [(0, len(name), "bold"), (len(name), len(text), "$text-muted")]
        yield Paragraph(text, mode=self._mode, spans=spans, classes="name")
        details = [
            part for part in (clean_line(actor.role or ""), clean_line(actor.affiliation or "")) if part
        ]
        if actor.kind != "person" or not details:  # people are the usual case; say so only for the others
            details.append(f"({actor.kind})")
        yield Paragraph(SEPARATOR.join(details), mode=self._mode, classes="details")


class ActorsPane(VerticalScroll, can_focus=True):
    """The actors of the selected story."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.SCROLL_DOWN, keys.SCROLL_UP]

    def __init__(self, *, mode: BidiMode, id: str | None = None) -> None:
        super().__init__(id=id)
        self._mode = mode
        self._actors: tuple[Actor, ...] = ()
        self.border_title = "Actors"

    @property
    def actors(self) -> tuple[Actor, ...]:
        return self._actors

    def show(self, actors: Sequence[Actor]) -> None:
        self._actors = tuple(actors)
        self.border_title = f"Actors ({len(self._actors)})"
        self.refresh(recompose=True)
        self.scroll_home(animate=False)

    def compose(self) -> ComposeResult:
        if not self._actors:
            yield Static(Content("No actors named in this story."), classes="placeholder")
        for actor in self._actors:
            yield ActorRow(actor, self._mode)
