"""Provides `Paragraph`, a block of feed text that wraps and orders itself for the chosen bidi mode.

Textual wraps text itself, but reordering must happen after wrapping and per line, so this widget does its
own wrapping with `briefing.render.bidi` for the width it is given, every time it is laid out. Right-to-left
paragraphs are right-aligned (except in "off" mode); `direction` can force one (a meta line that starts with
an Arabic feed name is still a left-to-right line). The text is sanitized here as a last line of defence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from briefing.render.bidi import BidiMode, is_rtl, wrap
from briefing.safetext import clean_text
from briefing.tui.rendering import StyleSpan, styled_lines


class Paragraph(Widget):
    """Feed text as a paragraph: literal (never markup), wrapped, bidi-ordered, with optional styled spans."""

    DEFAULT_CSS = """
    Paragraph {
        height: auto;
        width: 1fr;
    }
    Paragraph.-rtl {
        text-align: right;
    }
    """

    def __init__(
        self,
        text: str,
        *,
        mode: BidiMode,
        spans: Sequence[StyleSpan] = (),
        direction: Literal["auto", "ltr", "rtl"] = "auto",
        isolates: Sequence[tuple[int, int]] = (),
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        cleaned = clean_text(text)
        self.text = cleaned
        # Offsets were computed on the caller's text; if cleaning changed it they no longer line up.
        self._spans = tuple(spans) if cleaned == text else ()
        self._isolates = tuple(isolates) if cleaned == text else ()
        self._mode = mode
        self._forced = None if direction == "auto" else direction == "rtl"
        self._cache: tuple[int, list[Content]] | None = None
        rtl = is_rtl(cleaned) if self._forced is None else self._forced
        self.set_class(mode != "off" and rtl, "-rtl")

    def lines(self, width: int) -> list[Content]:
        """The lines for a content width of `width` cells (cached for the last width)."""
        if self._cache is None or self._cache[0] != width:
            lines = styled_lines(
                self.text, width, self._mode, self._spans, rtl=self._forced, isolates=self._isolates
            )
            self._cache = (width, lines)
        return self._cache[1]

    def render(self) -> Content:
        return Content("\n").join(self.lines(max(1, self.content_size.width)))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(wrap(self.text, max(1, width)))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width
