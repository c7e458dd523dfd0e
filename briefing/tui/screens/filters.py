"""Provides the filters dialog (`f`): language, a query, day, unread only and feeds, applied with one rebuild.

The query is the query language of `/` (`+unread lang:ar @2-days`): the desk keeps the articles it matches.
A saved view (`V`) fills it; editing it there makes it a query of its own.

The dialog only edits a `Filters` value: Apply (or ctrl+s, or enter in the day field) dismisses with the new
filters, Reset with the default ones, Cancel (escape) with None. The fields are compact (no borders) and
the buttons are docked at the bottom of the dialog, where they stay however many feeds there are (the feed
list scrolls, shorter on a short screen): usable at 80x24. Feed titles are feed text: they become
`Content` (never markup), in the cell order of the bidi mode.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, RadioButton, RadioSet, SelectionList, Static
from textual.widgets.selection_list import Selection

from briefing.query import QueryError, parse
from briefing.render.bidi import BidiMode
from briefing.safetext import clean_line
from briefing.tui import keys
from briefing.tui.access import FeedChoice, Filters, Lang
from briefing.tui.rendering import visual_line

LANGS: tuple[tuple[Lang, str], ...] = (("all", "All languages"), ("ar", "Arabic"), ("en", "English"))


def parse_day(text: str) -> date | None:
    """The day typed in the field (None when empty); `ValueError` with a message for the user."""
    typed = text.strip()
    if not typed:
        return None
    try:
        return date.fromisoformat(typed)
    except ValueError:
        raise ValueError(f"not a date: {clean_line(typed)!r} (use YYYY-MM-DD)") from None


class FiltersScreen(ModalScreen[Filters | None]):
    """Edit the filters of the briefing."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.CLOSE, keys.APPLY_FILTERS]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]

    def __init__(self, current: Filters, feeds: Sequence[FeedChoice], *, mode: BidiMode) -> None:
        super().__init__()
        self._current = current
        self._feeds = tuple(feeds)
        self._mode = mode

    def compose(self) -> ComposeResult:
        current = self._current
        with Vertical(id="filters-dialog") as dialog:
            dialog.border_title = "Filters"
            dialog.border_subtitle = "ctrl+s applies · escape cancels"
            yield Static(Content("Language"), classes="label")
            with RadioSet(id="lang", compact=True):
                for value, label in LANGS:
                    yield RadioButton(
                        Content(label), value=current.lang == value, id=f"lang-{value}", compact=True
                    )
            yield Static(
                Content("Query, as in / (+unread lang:ar @2-days)"),
                classes="label",
            )
            yield Input(
                value=current.query,
                placeholder="empty: every article",
                id="query",
                compact=True,
            )
            yield Static(Content("Day"), classes="label")
            yield Input(
                value=current.day.isoformat() if current.day else "",
                placeholder="YYYY-MM-DD (empty: today, or the newest day cached)",
                id="day",
                compact=True,
            )
            yield Checkbox(
                Content("Unread articles only"), value=current.unread_only, id="unread", compact=True
            )
            yield Checkbox(
                Content("Every upcoming event (not only the next 7 days)"),
                value=current.agenda_all,
                id="agenda-all",
                compact=True,
            )
            yield Static(Content("Feeds (none ticked: every feed)"), classes="label")
            yield SelectionList[int](
                *(
                    Selection(
                        Content(visual_line(clean_line(feed.title) or f"feed {feed.id}", self._mode)),
                        feed.id,
                        feed.id in current.feeds,
                    )
                    for feed in self._feeds
                ),
                id="feeds",
                compact=True,
            )
            yield Static(Content(""), id="filters-error")
            with Horizontal(id="filters-buttons"):
                yield Button(Content("Apply"), variant="primary", id="apply", compact=True)
                yield Button(Content("Reset"), id="reset", compact=True)
                yield Button(Content("Cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one(RadioSet).focus()

    def chosen(self) -> Filters:
        """The filters as the dialog shows them; `ValueError` when the day is not a date, `QueryError` when
        the query cannot be read."""
        pressed = self.query_one(RadioSet).pressed_index
        lang = LANGS[pressed][0] if 0 <= pressed < len(LANGS) else "all"
        query = " ".join(self.query_one("#query", Input).value.split())
        parse(query)
        current = self._current
        return Filters(
            query=query,
            view=current.view if query == current.query else "",
            lang=lang,
            feeds=frozenset(self.query_one("#feeds", SelectionList).selected),
            day=parse_day(self.query_one("#day", Input).value),
            unread_only=self.query_one("#unread", Checkbox).value,
            agenda_all=self.query_one("#agenda-all", Checkbox).value,
        )

    def action_apply(self) -> None:
        try:
            filters = self.chosen()
        except ValueError as error:
            field = "#query" if isinstance(error, QueryError) else "#day"
            said = f"query: {error}" if isinstance(error, QueryError) else str(error)
            self.query_one("#filters-error", Static).update(Content.styled(clean_line(said), "$text-error"))
            self.query_one(field, Input).focus()
            return
        self.dismiss(filters)

    def action_close(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_apply()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "apply":
            self.action_apply()
        elif event.button.id == "reset":
            self.dismiss(Filters())
        else:
            self.dismiss(None)
