"""Provides the status bar: the briefing's date and counts, active filters, notes, and refresh progress.

Its lines are left-to-right English with feed names and notes inside; in "app" bidi mode those are reordered
as runs of a left-to-right line.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import ProgressBar, Static

from briefing.clock import zone_label
from briefing.models import Briefing
from briefing.render.bidi import BidiMode
from briefing.safetext import clean_line
from briefing.tui.format import count, long_day_label
from briefing.tui.rendering import visual_line


class StatusBar(Horizontal):
    """The top of the screen: one line, or up to three when a narrow screen wraps the notes."""

    DEFAULT_CSS = """
    StatusBar {
        height: auto;
        max-height: 3;
    }
    StatusBar #summary {
        width: 1fr;
        height: auto;
    }
    StatusBar #progress-label, StatusBar ProgressBar {
        display: none;
        width: auto;
    }
    StatusBar.-refreshing #progress-label, StatusBar.-refreshing ProgressBar {
        display: block;
    }
    """

    def __init__(self, *, mode: BidiMode, id: str | None = None) -> None:
        super().__init__(id=id)
        self._mode = mode
        self.progress_text = ""
        self._shown: tuple[Briefing, str, bool] | None = None
        """What the progress label says, in logical order."""

    def compose(self) -> ComposeResult:
        yield Static(Content("briefing · loading…"), id="summary")
        yield Static(Content(""), id="progress-label")
        yield ProgressBar(total=None, show_eta=False, id="progress")

    def show_briefing(
        self, briefing: Briefing, *, filters: str = "", complete: bool = True, unread: int | None = None
    ) -> None:
        """The summary line; `filters` describes the active filters (feed names inside: cleaned here),
        an incomplete view (the agenda still loading) says so instead of a count, `unread` is how many of
        the view's articles are unread."""
        self._shown = (briefing, filters, complete)
        self._draw(unread)

    def show_unread(self, unread: int) -> None:
        """The read state changed: the same summary with this unread count."""
        if self._shown is not None:
            self._draw(unread)

    def _draw(self, unread: int | None) -> None:
        assert self._shown is not None
        briefing, filters, complete = self._shown
        parts: list[tuple[str, str] | str] = [
            ("briefing", "bold $text-primary"),
            " · ",
            (long_day_label(briefing.date), "bold"),
            " · ",
            count(len(briefing.stories), "story", "stories"),
            " · ",
            f"{len(briefing.upcoming)} upcoming" if complete else "agenda loading…",
        ]
        if unread is not None:
            parts[5:5] = [" · ", (f"{unread} unread", "bold $text-accent" if unread else "")]
        if zone := zone_label(briefing.now, briefing.times):
            parts += [" · ", (f"times {zone}", "$text-muted")]
        if filters:
            shown = visual_line(clean_line(filters), self._mode, rtl=False)
            parts += [" · ", ("filtered: ", "$text-accent"), (shown, "bold $text-accent")]
        for note in briefing.notes:
            parts += [" · ", (visual_line(clean_line(note), self._mode, rtl=False), "$text-warning")]
        self.query_one("#summary", Static).update(Content.assemble(*parts))

    def show_error(self, error: str) -> None:
        self.query_one("#summary", Static).update(
            Content.assemble(
                ("briefing", "bold $text-primary"),
                " · ",
                (visual_line(clean_line(error), self._mode, rtl=False), "$text-error"),
            )
        )

    def start_refresh(self) -> None:
        self.add_class("-refreshing")
        self.progress_text = "Refreshing… "
        self.query_one("#progress-label", Static).update(Content(self.progress_text))
        self.query_one(ProgressBar).update(total=None, progress=0)

    def progress(self, done: int, total: int, label: str) -> None:
        """`done` of `total` feeds fetched; `label` names the feed (feed text: cleaned, never markup)."""
        name = clean_line(label)[:40]
        head = f"Refreshing {done}/{total}"
        self.progress_text = head + (f" · {name}" if name else "") + " "
        shown = head + (f" · {visual_line(name, self._mode)}" if name else "") + " "
        self.query_one("#progress-label", Static).update(Content(shown))
        self.query_one(ProgressBar).update(total=max(total, 1), progress=min(done, max(total, 1)))

    def finish_refresh(self) -> None:
        self.remove_class("-refreshing")

    @property
    def refreshing(self) -> bool:
        return self.has_class("-refreshing")
