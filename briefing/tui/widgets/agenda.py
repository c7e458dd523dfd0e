"""Provides the agenda pane: upcoming events across the briefing, grouped by day with a relative label.

Each event shows its summary, then where, who and how many sources reported it. The events of the selected
story are marked (a bar in the margin and a "▶" before the summary), so the pane answers "what is coming
up, and which of it belongs to the story I am reading". A large cache has hundreds of upcoming events: the
pane lists the first `SHOWN` (the soonest), says how many more there are (the export has them all), and
under them the selected story's later events. Each row is one widget (`Block`): moving through the stories
stays quick.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import groupby
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from briefing.models import AgendaItem, Event
from briefing.render.bidi import BidiMode
from briefing.render.sanitize import clean_line
from briefing.tui import keys
from briefing.tui.format import agenda_heading, count, span_label
from briefing.tui.widgets.block import Block, Part

MARK = "▶ "
PLAIN = "  "
SHOWN = 40
"""How many events the pane lists (the soonest), besides the selected story's."""


def event_details(item: AgendaItem) -> tuple[str, list[tuple[int, int]]]:
    """`where: دمشق · who: غير بيدرسون، فيصل المقداد · 2 sources · until Mon 18 Mar`, and the ranges of the
    feed-derived fields (isolated for bidi, so "2 sources" is not pulled into the Arabic names)."""
    event = item.event
    text = ""
    isolates: list[tuple[int, int]] = []

    def add(label: str, value: str = "") -> None:
        nonlocal text
        text += (" · " if text else "") + label
        if value:
            isolates.append((len(text), len(text) + len(value)))
            text += value

    if where := clean_line(event.where or ""):
        add("where: ", where)
    if who := "، ".join(name for name in (clean_line(n) for n in event.who) if name):
        add("who: ", who)
    add(count(len(item.sources), "source"))
    if until := span_label(item):
        add(until)
    if event.status != "firm":
        add(event.status)
    return text, isolates


class AgendaRow(Block):
    """One upcoming event."""

    DEFAULT_CSS = """
    AgendaRow {
        height: auto;
    }
    """

    def __init__(self, item: AgendaItem, mode: BidiMode, *, marked: bool) -> None:
        self.item = item
        super().__init__(self._content(marked), mode=mode, classes="-marked" if marked else None)

    def _content(self, marked: bool) -> list[Part]:
        details, isolates = event_details(self.item)
        return [
            Part(
                clean_line(self.item.event.summary),
                style="bold" if marked else "",
                prefix=MARK if marked else PLAIN,
                prefix_style="bold $text-accent",
            ),
            Part(details, style="$text-muted", isolates=isolates, prefix=PLAIN),
        ]

    @property
    def marked(self) -> bool:
        return self.has_class("-marked")

    def set_marked(self, marked: bool) -> None:
        if marked != self.marked:
            self.set_class(marked, "-marked")
            self.update(self._content(marked))


class AgendaPane(VerticalScroll, can_focus=True):
    """Upcoming events, by day; the selected story's events marked."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.SCROLL_DOWN, keys.SCROLL_UP]

    def __init__(self, *, mode: BidiMode, id: str | None = None) -> None:
        super().__init__(id=id)
        self._mode = mode
        self._items: tuple[AgendaItem, ...] = ()
        self._marked: frozenset[Event] = frozenset()
        self.border_title = "Upcoming"

    @property
    def marked_items(self) -> list[AgendaItem]:
        return [item for item in self._items if item.event in self._marked]

    @property
    def shown_items(self) -> list[AgendaItem]:
        """The events listed: the first `SHOWN`, then the selected story's later ones."""
        return [*self._items[:SHOWN], *self._later()]

    def _later(self) -> list[AgendaItem]:
        return [item for item in self._items[SHOWN:] if item.event in self._marked]

    def show(self, items: Sequence[AgendaItem], *, complete: bool = True) -> None:
        """The upcoming events; `complete` False: they are still being read (a loading indicator shows)."""
        self.loading = not complete
        if not complete:
            self.border_title = "Upcoming"
            return
        items = tuple(sorted(items, key=lambda item: item.event.start))
        if items == self._items and self.children:
            return
        self._items = items
        self.border_title = f"Upcoming ({len(self._items)})"
        self.refresh(recompose=True)

    def mark(self, items: Iterable[AgendaItem]) -> None:
        """Mark the events of `items` (the selected story's) and bring the first of them into view."""
        self._marked = frozenset(item.event for item in items)
        for row in self.query(AgendaRow):
            row.set_marked(row.item.event in self._marked)
        later = self.query(StoryLater)
        if later:  # only this small section changes with the story: the list above stays mounted
            later.first().show(self._later())
        self.call_after_refresh(self._scroll_to_marked)

    def _scroll_to_marked(self) -> None:
        # Scroll to the day heading above the first marked event: an event shown without its date is
        # useless on a small terminal.
        heading: Widget | None = None
        for child in self.walk_children(Widget, with_self=False):
            if child.has_class("day"):
                heading = child
            elif isinstance(child, AgendaRow) and child.item.event in self._marked:
                self.scroll_to_widget(heading or child, animate=False, top=True)
                return
        self.scroll_home(animate=False)

    def compose(self) -> ComposeResult:
        if not self._items:
            yield Static(Content("Nothing upcoming in the cached articles."), classes="placeholder")
        for heading, group in groupby(self._items[:SHOWN], key=agenda_heading):
            yield Static(Content(heading), classes="day")
            for item in group:
                yield AgendaRow(item, self._mode, marked=item.event in self._marked)
        if len(self._items) > SHOWN:
            more = count(len(self._items) - SHOWN, "later event")
            yield Static(Content(f"and {more} (e exports them all)"), classes="placeholder")
            yield StoryLater(self._later(), self._mode)


class StoryLater(Vertical):
    """The selected story's events beyond the first `SHOWN`, under the list (recomposed on their own)."""

    DEFAULT_CSS = """
    StoryLater {
        height: auto;
    }
    """

    def __init__(self, items: Sequence[AgendaItem], mode: BidiMode) -> None:
        super().__init__()
        self._items = tuple(items)
        self._mode = mode

    def show(self, items: Sequence[AgendaItem]) -> None:
        if tuple(items) != self._items:
            self._items = tuple(items)
            self.refresh(recompose=True)

    def compose(self) -> ComposeResult:
        if self._items:
            yield Static(Content("This story, later"), classes="day")
        for heading, group in groupby(self._items, key=agenda_heading):
            yield Static(Content(heading), classes="day")
            for item in group:
                yield AgendaRow(item, self._mode, marked=True)
