"""Provides the help screen: every key binding, as currently mapped (a user keymap included)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing.tui import keys

KEY_COLUMN = 18


def help_rows(
    sections: Sequence[tuple[str, Sequence[Binding]]],
    keymap: Mapping[str, str],
    key_display: Callable[[Binding], str],
) -> list[tuple[str, str, str]]:
    """(section, keys, description) rows; `keymap` (binding id -> keys) overrides the default keys."""
    rows: list[tuple[str, str, str]] = []
    for section, bindings in sections:
        for binding in bindings:
            key_string = keymap.get(binding.id or "", binding.key)
            shown = [
                binding.key_display
                if binding.key_display and key_string == binding.key
                else key_display(Binding(key.strip(), binding.action))
                for key in key_string.split(",")
            ]
            rows.append((section, " ".join(dict.fromkeys(shown)), binding.description))
    return rows


class HelpScreen(ModalScreen[None]):
    """A modal list of the key bindings; escape, ? or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.CLOSE_HELP]

    def __init__(self, rows: Sequence[tuple[str, str, str]]) -> None:
        super().__init__()
        self._rows = rows

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as container:
            container.border_title = "Keys"
            container.border_subtitle = "escape closes"
            section = ""
            for row_section, key_text, description in self._rows:
                if row_section != section:
                    section = row_section
                    yield Static(Content(section), classes="section")
                yield Static(
                    Content.assemble((key_text.ljust(KEY_COLUMN), "bold $text-accent"), description),
                    classes="binding",
                )
