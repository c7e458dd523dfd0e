"""Provides `Block`: several paragraphs of feed text drawn by one widget (a row of the agenda, an actor, an
article), each wrapped, bidi-ordered and aligned on its own.

Why one widget and not a `Paragraph` per line: Textual lays out every widget on every refresh, and a pane of
a hundred rows of four widgets each made a key press take a quarter of a second on a large cache. A `Block`
is one widget however many paragraphs it shows; its lines are computed once per width.

Each `Part` has a base style (theme variables allowed), optional styled spans and bidi isolates (as for
`Paragraph`), a direction, and a prefix for its first line (a marker) whose width indents the following
lines. A right-to-left part is right-aligned (except in "off" mode). Text is cleaned here as a last line of
defence; it is never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from briefing.render.bidi import BidiMode, cell_width, is_rtl
from briefing.render.sanitize import clean_text
from briefing.tui.rendering import StyleSpan, styled_lines


@dataclass(frozen=True)
class Part:
    """One paragraph of a `Block`."""

    text: str
    style: str = ""
    spans: Sequence[StyleSpan] = ()
    isolates: Sequence[tuple[int, int]] = ()
    direction: Literal["auto", "ltr", "rtl"] = "auto"
    prefix: str = ""
    """Drawn before the first line (our own text, e.g. "▶ "); the lines after are indented as wide."""
    prefix_style: str = ""


class Block(Widget):
    """Paragraphs of text as one widget."""

    DEFAULT_CSS = """
    Block {
        height: auto;
        width: 1fr;
    }
    """

    def __init__(
        self, parts: Sequence[Part], *, mode: BidiMode, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._parts = tuple(self._cleaned(part) for part in parts)
        self._mode = mode
        self._cache: tuple[int, list[Content]] | None = None

    @staticmethod
    def _cleaned(part: Part) -> Part:
        text = clean_text(part.text)
        if text == part.text:
            return part
        # Offsets were computed on the caller's text; if cleaning changed it they no longer line up.
        return Part(text, part.style, (), (), part.direction, part.prefix, part.prefix_style)

    @property
    def text(self) -> str:
        """The logical text of every part, one per line (what the block says, before any reordering)."""
        return "\n".join(part.text for part in self._parts)

    def update(self, parts: Sequence[Part]) -> None:
        self._parts = tuple(self._cleaned(part) for part in parts)
        self._cache = None
        self.refresh(layout=True)

    def lines(self, width: int) -> list[Content]:
        """The lines for a content width of `width` cells (cached for the last width)."""
        if self._cache is None or self._cache[0] != width:
            self._cache = (width, [line for part in self._parts for line in self._part_lines(part, width)])
        return self._cache[1]

    def _part_lines(self, part: Part, width: int) -> list[Content]:
        indent = cell_width(part.prefix)
        room = max(1, width - indent)
        rtl = is_rtl(part.text) if part.direction == "auto" else part.direction == "rtl"
        forced = None if part.direction == "auto" else rtl
        lines = styled_lines(part.text, room, self._mode, part.spans, rtl=forced, isolates=part.isolates)
        out: list[Content] = []
        for index, line in enumerate(lines):
            if part.style:
                line = line.stylize_before(part.style)
            if rtl and self._mode != "off":
                line = line.pad_left(max(0, room - line.cell_length))
            head = Content(part.prefix if index == 0 else " " * indent)
            if index == 0 and part.prefix_style:
                head = head.stylize(part.prefix_style)
            out.append(head + line if indent else line)
        return out

    def render(self) -> Content:
        return Content("\n").join(self.lines(max(1, self.content_size.width)))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(max(1, width)))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width
