"""Provides the feeds view (`L`): every feed with its unread count, last success, next fetch and last error;
enter shows only that feed on the desk ("All feeds" at the top shows every feed again).

The screen does no I/O: the app reads the feeds in a worker and dismisses the screen's choice into its
filters. Feed titles and errors are feed and server text: cleaned, never markup, in the bidi mode's order.
Times are shown in the zone every time is shown in (`briefing.clock.shown_zone`); where that is each
outlet's own, a feed's times are in its own zone (`FeedChoice.zone`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.clock import in_zone
from briefing.render.bidi import BidiMode
from briefing.safetext import clean_line
from briefing.tui import keys
from briefing.tui.access import FeedChoice
from briefing.tui.format import MONTHS, count
from briefing.tui.rendering import visual_line
from briefing.tui.widgets.block import BlockVisual, Part

ALL_FEEDS = -1
"""The option id of "All feeds" (feed ids are positive)."""


def moment(when: datetime | None, zone: tzinfo | None, unset: str = "never") -> str:
    """`16 Mar 17:00` in `zone`, or `unset`."""
    if when is None:
        return unset
    shown = in_zone(when, zone)
    return f"{shown.day} {MONTHS[shown.month - 1]} {shown.hour:02d}:{shown.minute:02d}"


def feed_parts(feed: FeedChoice, zone: tzinfo | None) -> list[Part]:
    """The title with its counts, then its health: last success, next fetch, the last error if any. The
    times are in `zone`, or (None: each outlet's own) the feed's."""
    zone = zone if zone is not None else feed.zone
    title = clean_line(feed.title) or f"feed {feed.id}"
    counts = f"{feed.unread} unread · {count(feed.articles, 'article')}"
    last = moment(feed.last_success, zone)
    health = f"last fetched {last} · next {moment(feed.next_fetch, zone, 'at the next refresh')}"
    parts = [
        Part(title, style="bold"),
        Part(counts + " · " + health, direction="ltr"),
    ]
    if feed.last_error:
        parts.append(Part(f"failed: {clean_line(feed.last_error)}", style="$text-error", direction="ltr"))
    return parts


class FeedsScreen(ModalScreen[int | None]):
    """The feeds, to read their health and pick one for the desk."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.CLOSE]

    def __init__(
        self, feeds: Sequence[FeedChoice], *, mode: BidiMode, zone: tzinfo | None, current: frozenset[int]
    ) -> None:
        super().__init__()
        self.feeds = tuple(feeds)
        self._mode = mode
        self._zone = zone
        self._current = current

    def compose(self) -> ComposeResult:
        failed = [feed for feed in self.feeds if feed.last_error]
        unread = sum(feed.unread for feed in self.feeds)
        with Vertical(id="feeds-dialog") as dialog:
            dialog.border_title = f"Feeds ({len(self.feeds)} · {unread} unread)"
            dialog.border_subtitle = "enter shows one feed · escape closes"
            summary = "No feed failed at its last fetch."
            if failed:
                names = ", ".join(clean_line(feed.title) or f"feed {feed.id}" for feed in failed)
                summary = f"{count(len(failed), 'feed')} failed at the last fetch: {names}."
            shown = visual_line(summary, self._mode, rtl=False)
            yield Static(
                Content.styled(shown, "$text-error" if failed else "$text-muted"), id="feeds-summary"
            )
            options: list[Option | None] = [
                Option(Content(f"All feeds · {unread} unread"), id=str(ALL_FEEDS))
            ]
            for feed in self.feeds:
                options += [
                    None,
                    Option(BlockVisual(feed_parts(feed, self._zone), self._mode), id=str(feed.id)),
                ]
            yield OptionList(*options, id="feed-list", markup=False)

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        listing.focus()
        if len(self._current) == 1:
            (only,) = self._current
            index = next((i for i, feed in enumerate(self.feeds) if feed.id == only), None)
            if index is not None:
                listing.highlighted = index + 1
                return
        listing.highlighted = 0

    def action_close(self) -> None:
        self.dismiss(None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id or ALL_FEEDS))
