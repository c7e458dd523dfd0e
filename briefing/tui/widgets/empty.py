"""Provides the empty-cache pane: what to do when there is nothing to brief on yet."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


def empty_message(can_refresh: bool) -> Content:
    how = "Press r to fetch the feeds now" if can_refresh else "Fetch the feeds first"
    return Content.assemble(
        ("No stories in the cache yet.", "bold"),
        "\n\n",
        f"{how}, or run  ",
        ("briefing fetch", "bold $text-accent"),
        "  in a shell and come back.\n",
        "With no feeds configured, the bundled sample feeds are used, so this works offline.",
    )


class EmptyPane(Static):
    """Shown instead of the panes when the briefing has no stories."""

    def __init__(self, *, can_refresh: bool, id: str | None = None) -> None:
        super().__init__(empty_message(can_refresh), id=id)
