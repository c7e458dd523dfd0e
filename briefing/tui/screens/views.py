"""Provides the saved views dialog (`V`): the views named in config.toml's `[views]`, each with its query;
enter filters the desk by that view's query ("Every article" at the top takes the query off).

The screen does no I/O and only names the choice: the app puts the view's query into its filters. View
names and queries come from the user's config, still shown as text, never markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.render.bidi import BidiMode
from briefing.safetext import clean_line
from briefing.tui import keys
from briefing.tui.widgets.block import BlockVisual, Part

NO_VIEW = ""
"""The choice that takes the view's query off the desk."""


def view_parts(name: str, query: str) -> list[Part]:
    """A view: its name, then its query."""
    return [Part(clean_line(name), style="bold"), Part(clean_line(query), direction="ltr")]


class ViewsScreen(ModalScreen[str | None]):
    """Pick a saved view for the desk (dismissed with its name, `NO_VIEW`, or None when closed)."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.CLOSE]

    def __init__(self, views: Mapping[str, str], *, mode: BidiMode, current: str = "") -> None:
        super().__init__()
        self.views = dict(views)
        self._mode = mode
        self._current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="views-dialog") as dialog:
            dialog.border_title = f"Saved views ({len(self.views)})"
            dialog.border_subtitle = "enter shows the view · escape closes"
            if not self.views:
                hint = 'None saved yet: add them to config.toml: [views] morning = "+unread lang:ar @1-day"'
                yield Static(Content.styled(hint, "$text-muted"), id="views-hint")
            options: list[Option | None] = [Option(Content("Every article (no view)"), id="-")]
            for index, (name, query) in enumerate(self.views.items()):
                options += [None, Option(BlockVisual(view_parts(name, query), self._mode), id=str(index))]
            yield OptionList(*options, id="view-list", markup=False)

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        listing.focus()
        names = list(self.views)
        listing.highlighted = names.index(self._current) + 1 if self._current in names else 0

    def action_close(self) -> None:
        self.dismiss(None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        self.dismiss(list(self.views)[index - 1] if index > 0 else NO_VIEW)
