"""Provides the export dialog (`e`): where to write the current view as Markdown.

The field starts with a free `briefing-YYYY-MM-DD.md` in the current directory; enter checks the path and
dismisses with it (the app writes the file in a worker and reports the path), escape cancels.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from briefing.safetext import clean_line
from briefing.tui import keys
from briefing.tui.export import resolve_target


class ExportScreen(ModalScreen[Path | None]):
    """Choose the Markdown file to write."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.CLOSE]

    def __init__(self, default: Path, summary: str) -> None:
        super().__init__()
        self._default = default
        self._summary = summary

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog") as dialog:
            dialog.border_title = "Export as Markdown"
            dialog.border_subtitle = "enter writes · escape cancels"
            yield Static(Content(self._summary), classes="label")
            yield Input(value=str(self._default), id="path")
            yield Static(Content("A relative path is taken from the current directory."), id="export-error")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            path = resolve_target(event.value)
        except ValueError as error:
            message = Content.styled(clean_line(str(error)), "$text-error")
            self.query_one("#export-error", Static).update(message)
            return
        self.dismiss(path)

    def action_close(self) -> None:
        self.dismiss(None)
