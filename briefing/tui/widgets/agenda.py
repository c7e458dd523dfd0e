"""Provides the agenda pane: upcoming events across the briefing, grouped by day with a relative label.

Each event shows its summary, then where, who and how many sources reported it. The events of the selected
story are marked (a bar in the margin and a "▶" before the summary), so the pane answers "what is coming
up, and which of it belongs to the story I am reading". The view-model ranks the events (most reported,
firmest first) within the agenda's scope (the next seven days unless the filters ask for all): the pane
takes the first `SHOWN` of that ranking and lists them by day, says how many more there are (the export
has them all), and under them the selected story's other events. The pane draws lines, not widgets
(`BlockView`): moving through the stories restyles a few lines and lays out nothing new.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import groupby
from typing import ClassVar

from textual.binding import BindingType

from briefing.lists import join_names
from briefing.models import AgendaItem, Event
from briefing.render.bidi import BidiMode
from briefing.safetext import clean_line
from briefing.tui import keys
from briefing.tui.format import agenda_heading, count, span_label
from briefing.tui.widgets.block import BLANK, BlockView, Part

MARK = "▶ "
PLAIN = "  "
SHOWN = 40
"""How many events the pane lists (the best ranked), besides the selected story's."""


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
    if who := join_names(event.who):
        add("who: ", who)
    add(count(len(item.sources), "source"))
    if until := span_label(item):
        add(until)
    if event.status != "firm":
        add(event.status)
    return text, isolates


HEADING = "bold $text-primary"
MARKED = "on $accent 15%"


def event_parts(item: AgendaItem, *, marked: bool) -> list[Part]:
    """One upcoming event: its summary, then where, who, sources and end; a marked event (of the selected
    story) has a "▶" and a tinted background."""
    details, isolates = event_details(item)
    fill = MARKED if marked else ""
    return [
        Part(
            clean_line(item.event.summary),
            style="bold" if marked else "",
            prefix=MARK if marked else PLAIN,
            prefix_style="bold $text-accent",
            fill=fill,
            key=item,
        ),
        Part(details, style="$text-muted", isolates=isolates, prefix=PLAIN, fill=fill),
    ]


def _by_day(items: Sequence[AgendaItem]) -> list[AgendaItem]:
    """Ranked items in date order (the ranking kept within a day)."""
    return sorted(items, key=lambda item: (item.event.start, item.event.precision != "day"))


def heading(text: str) -> list[Part]:
    return [BLANK, Part(text, style=HEADING, direction="ltr")]


class AgendaPane(BlockView):
    """Upcoming events, by day; the selected story's events marked."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.SCROLL_DOWN, keys.SCROLL_UP]

    def __init__(self, *, mode: BidiMode, id: str | None = None) -> None:
        super().__init__(mode=mode, id=id)
        self._items: tuple[AgendaItem, ...] = ()
        self._marked: frozenset[Event] = frozenset()
        self._shown = False
        self.set_title("Upcoming")
        self.update(self._parts())

    @property
    def marked_items(self) -> list[AgendaItem]:
        return [item for item in self._items if item.event in self._marked]

    @property
    def shown_items(self) -> list[AgendaItem]:
        """The events listed, in the order shown: the first `SHOWN` by day, then the selected story's
        others."""
        return [*_by_day(self._items[:SHOWN]), *_by_day(self._later())]

    def _later(self) -> list[AgendaItem]:
        return [item for item in self._items[SHOWN:] if item.event in self._marked]

    def show(self, items: Sequence[AgendaItem], *, complete: bool = True) -> None:
        """The upcoming events; `complete` False: they are still being read (a loading indicator shows)."""
        self.loading = not complete
        if not complete:
            self.set_title("Upcoming")
            return
        items = tuple(items)
        if items == self._items and self._shown:
            return
        self._items, self._shown = items, True
        self.set_title(f"Upcoming ({len(self._items)})")
        self._redraw()

    def mark(self, items: Iterable[AgendaItem]) -> None:
        """Mark the events of `items` (the selected story's) and bring the first of them into view."""
        self._marked = frozenset(item.event for item in items)
        self._redraw()
        target = self._marked_line()
        if target is not None and target <= self.max_scroll_y:  # now: one frame, not two
            self.scroll_to(y=target, animate=False, immediate=True)
        else:
            self.call_after_refresh(self._scroll_to_marked)

    def _redraw(self) -> None:
        self.update(self._parts())

    def _parts(self) -> list[Part]:
        if not self._items:
            return [Part("Nothing upcoming in the cached articles.", style="italic $text-muted")]
        parts = self._days(self._items[:SHOWN])[1:]  # no blank line at the top
        if len(self._items) > SHOWN:
            more = count(len(self._items) - SHOWN, "more event")
            parts += [BLANK, Part(f"and {more} (e exports them all)", style="italic $text-muted")]
            if later := self._later():
                parts += [*heading("This story, further down the agenda"), *self._days(later)]
        return parts

    def _days(self, items: Sequence[AgendaItem]) -> list[Part]:
        parts: list[Part] = []
        for day, group in groupby(_by_day(items), key=agenda_heading):
            parts += heading(day)
            for item in group:
                parts += event_parts(item, marked=item.event in self._marked)
        return parts

    def _marked_line(self) -> int | None:
        """The first line of the day heading above the first marked event (an event shown without its date
        is useless on a small terminal); 0 when nothing is marked; None before the first layout."""
        if not self.scrollable_content_region.width:
            return None
        visual, width = self.visual, self.line_width
        top: int | None = None
        for index, part in enumerate(visual.parts):
            if part.style == HEADING:
                top = index
            elif isinstance(part.key, AgendaItem) and part.key.event in self._marked:
                return visual.span_of(top if top is not None else index, width)[0]
        return 0

    def _scroll_to_marked(self) -> None:
        self.scroll_to(y=self._marked_line() or 0, animate=False)
