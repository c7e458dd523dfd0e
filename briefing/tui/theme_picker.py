"""Provides the theme picker (`t`, the palette's "Theme"): briefing's and the user's themes first, then
Textual's stock themes; the chosen theme is saved as `theme = "..."` in config.toml.

The picker is a command palette whose single provider yields the themes in that order (the palette keeps
the order of equal scores, so a search also lists ours before a stock theme that matches as well). Choosing
a theme applies it and saves it for the next start; a save that fails is an error notification and the
theme still applies for this run.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider

from briefing import paths
from briefing.config import ConfigError
from briefing.config_write import save_setting
from briefing.safetext import clean_line

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

OURS = "briefing theme"
STOCK = "Textual stock theme"


def theme_order(own: tuple[str, ...], available: list[str]) -> list[tuple[str, str]]:
    """(name, help) for every available theme: `own` (in their order) first, then the rest by name."""
    mine = [name for name in own if name in available]
    rest = sorted(name for name in available if name not in mine)
    return [(name, OURS) for name in mine] + [(name, STOCK) for name in rest]


def choose_theme(app: BriefingApp, name: str, config_file: Path | None) -> None:
    """Apply theme `name` and save it in `config_file` (the default config.toml when None)."""
    app.theme = name
    path = config_file or paths.config_file()
    try:
        save_setting(path, "theme", name)
    except (OSError, ConfigError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        app.notify(
            clean_line(f"{name} is used for now but not saved: {reason}"),
            title="Theme",
            severity="error",
            timeout=12,
            markup=False,
        )
        return
    app.notify(clean_line(f"{name}, saved in {path.name}"), title="Theme", markup=False)


class ThemeChoices(Provider):
    """The palette's entries for the theme picker, ours first (see `theme_order`)."""

    def _commands(self) -> list[tuple[str, str, Callable[[], None]]]:
        app: BriefingApp = self.app  # type: ignore[assignment]
        current = app.theme
        return [
            (
                name,
                f"{help_text} (current)" if name == current else help_text,
                partial(app.choose_theme, name),
            )
            for name, help_text in theme_order(app.own_themes, list(app.available_themes))
        ]

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


def theme_palette() -> CommandPalette:
    """The picker `t` opens."""
    return CommandPalette(providers=[ThemeChoices], placeholder="Search for themes…")
