"""Provides `Part`, `BlockVisual` and `BlockView`: paragraphs of feed text drawn as lines, each paragraph
wrapped, bidi-ordered and aligned on its own.

Why lines and not a widget per paragraph: Textual lays out every widget on every refresh, and panes of a
hundred rows of several widgets each made a key press take a tenth of a second or more on a large cache. A
pane is one `BlockView` (or one option list of `BlockVisual`s) however many paragraphs it shows, and the
lines of each paragraph are computed once per width and kept (`part_lines` is cached), so moving the
cursor, which restyles a few parts, recomputes only those.

Each `Part` has a base style (theme variables allowed), optional styled spans and bidi isolates (as for
`Paragraph`), a direction, a prefix for its first line (a marker) whose width indents the following lines,
and a `fill` style laid over the full width of each of its lines (a cursor or a marked row). A right-to-left
part is right-aligned (except in "off" mode). An empty part is a blank line. Text is cleaned here as a last
line of defence; it is never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal, cast

from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from briefing.render.bidi import BidiMode, cell_width, is_rtl
from briefing.safetext import clean_text
from briefing.tui.rendering import StyleSpan, styled_lines


@dataclass(frozen=True)
class Part:
    """One paragraph of a block."""

    text: str
    style: str = ""
    spans: Sequence[StyleSpan] = ()
    isolates: Sequence[tuple[int, int]] = ()
    direction: Literal["auto", "ltr", "rtl"] = "auto"
    prefix: str = ""
    """Drawn before the first line (our own text, e.g. "▶ "); the lines after are indented as wide."""
    prefix_style: str = ""
    fill: str = ""
    """A style over the whole width of every line of the part (its background reaches the right edge)."""
    key: object = field(default=None, compare=False)
    """What the part shows (an article, an event), for the pane that owns it; not part of its looks."""


BLANK = Part("")


def cleaned(part: Part) -> Part:
    """`part` with its text sanitized and its sequences made tuples (hashable, so its lines can be cached)."""
    text = clean_text(part.text)
    if text != part.text:  # offsets were computed on the caller's text: they no longer line up
        return replace(part, text=text, spans=(), isolates=())
    if isinstance(part.spans, tuple) and isinstance(part.isolates, tuple):
        return part
    return replace(part, spans=tuple(part.spans), isolates=tuple(part.isolates))


@lru_cache(maxsize=8192)
def part_lines(part: Part, width: int, mode: BidiMode) -> tuple[Content, ...]:
    """The lines of a (cleaned) part for a content width of `width` cells."""
    if not part.text:
        return (Content(" " * width).stylize_before(part.fill) if part.fill else Content(""),)
    indent = cell_width(part.prefix)
    room = max(1, width - indent)
    rtl = is_rtl(part.text) if part.direction == "auto" else part.direction == "rtl"
    forced = None if part.direction == "auto" else rtl
    lines = styled_lines(part.text, room, mode, part.spans, rtl=forced, isolates=part.isolates)
    out: list[Content] = []
    for index, line in enumerate(lines):
        if part.style:
            line = line.stylize_before(part.style)
        if rtl and mode != "off":
            line = line.pad_left(max(0, room - line.cell_length))
        head = Content(part.prefix if index == 0 else " " * indent)
        if index == 0 and part.prefix_style:
            head = head.stylize(part.prefix_style)
        line = head + line if indent else line
        if part.fill:
            line = line.pad_right(max(0, width - line.cell_length)).stylize_before(part.fill)
        out.append(line)
    return tuple(out)


def runs(numbers: Sequence[int]) -> list[tuple[int, int]]:
    """Increasing `numbers` as `[first, end)` runs of consecutive numbers."""
    out: list[tuple[int, int]] = []
    for number in numbers:
        if out and out[-1][1] == number:
            out[-1] = (out[-1][0], number + 1)
        else:
            out.append((number, number + 1))
    return out


class BlockVisual(Visual):
    """Parts as lines: a Textual `Visual`, so an option list can show it as one option."""

    def __init__(self, parts: Sequence[Part], mode: BidiMode) -> None:
        self.parts = tuple(cleaned(part) for part in parts)
        self.mode = mode
        self._cache: tuple[int, list[Content], list[int]] | None = None

    def _layout(self, width: int) -> tuple[list[Content], list[int]]:
        if self._cache is None or self._cache[0] != width:
            lines: list[Content] = []
            starts: list[int] = []
            for part in self.parts:
                starts.append(len(lines))
                lines.extend(part_lines(part, width, self.mode))
            self._cache = (width, lines, starts)
        return self._cache[1], self._cache[2]

    def laid_out(self, width: int) -> bool:
        """Whether the lines for this content width are computed already."""
        return self._cache is not None and self._cache[0] == width

    def lines(self, width: int) -> list[Content]:
        """The lines for a content width of `width` cells."""
        return self._layout(max(1, width))[0]

    def span_of(self, index: int, width: int) -> tuple[int, int]:
        """The `[first, end)` lines of part `index` at this width."""
        lines, starts = self._layout(max(1, width))
        return starts[index], starts[index + 1] if index + 1 < len(starts) else len(lines)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return Content("\n").join(self.lines(width)).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.lines(width))


class BlockView(ScrollView, can_focus=True):
    """A scrollable pane that draws parts line by line (Textual's line API).

    Only the lines on screen are rendered, each once per width until the parts change; new parts change
    the pane's virtual size and repaint it, which lays out nothing else on the screen (unless the pane's
    height follows its content, as in the stacked narrow layout).
    """

    DEFAULT_CSS = """
    BlockView {
        overflow-x: hidden;
    }
    """

    def __init__(
        self, parts: Sequence[Part] = (), *, mode: BidiMode, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.visual = BlockVisual(parts, mode)
        self._strips: dict[tuple[int, int], Strip] = {}
        """Rendered lines by (width, line)."""
        self._pane_title: str | None = None

    @property
    def parts(self) -> tuple[Part, ...]:
        return self.visual.parts

    @property
    def text(self) -> str:
        """The logical text of every part, one per line (what the pane says, before any reordering)."""
        return "\n".join(part.text for part in self.visual.parts)

    @property
    def line_width(self) -> int:
        """The width the lines are wrapped to (the pane's inside, less its scrollbar)."""
        return max(1, self.scrollable_content_region.width)

    def update(self, parts: Sequence[Part]) -> None:
        """Show `parts`. Lines that are the same as before (`part_lines` gives the same objects for an
        equal part) keep their rendered strips; when the number of lines stays, only the lines that
        changed are repainted (a cursor or a mark that moved restyles a few lines, not the pane)."""
        previous = self.visual
        self.visual = BlockVisual(parts, previous.mode)
        width = self.line_width
        if not self.scrollable_content_region.width or not previous.laid_out(width):
            self._strips.clear()
            self._sync_size()
            self.refresh(layout=self.styles.auto_dimensions)
            return
        before, after = previous.lines(width), self.lines(width)
        changed = [n for n, line in enumerate(after) if n >= len(before) or before[n] is not line]
        self._strips = {
            (width, n): strip
            for n, line in enumerate(after)
            if n < len(before) and before[n] is line and (strip := self._strips.get((width, n))) is not None
        }
        self._sync_size()
        if len(before) != len(after) or self.styles.auto_dimensions:
            self.refresh(layout=self.styles.auto_dimensions)
            return
        top = round(self.scroll_offset.y)
        bottom = top + self.scrollable_content_region.height
        for first, end in runs([n for n in changed if top <= n < bottom]):
            self.refresh_lines(first, end - first)

    def set_title(self, title: str) -> None:
        """Set the border title. Setting one repaints the whole pane, so this does only when it changes."""
        if title != self._pane_title:
            self._pane_title = title
            self.border_title = title

    def lines(self, width: int) -> list[Content]:
        return self.visual.lines(width)

    def _sync_size(self) -> None:
        if self.scrollable_content_region.width:
            size = Size(self.line_width, len(self.lines(self.line_width)))
            if size == self.virtual_size:
                return
            if self.styles.auto_dimensions:  # the pane's height follows its lines: the screen lays out again
                self.virtual_size = size
            else:  # a fixed height: only this pane's scroll range changes (no layout of the whole screen)
                self.set_reactive(ScrollView.virtual_size, size)
            self._scroll_update(size)

    def on_resize(self) -> None:
        self._strips.clear()
        self._sync_size()

    def notify_style_update(self) -> None:
        self._strips.clear()  # a new theme: the same lines in other colours
        super().notify_style_update()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(max(1, width)))

    def render_line(self, y: int) -> Strip:
        width = self.line_width
        number = self.scroll_offset.y + y
        strip = self._strips.get((width, number))
        if strip is None:
            lines = self.lines(width)
            style = self.visual_style
            if number >= len(lines):
                return Strip.blank(width, style.rich_style)
            options = RenderOptions(self._get_style, cast(RulesMap, self.styles))
            strip = lines[number].render_strips(width, 1, style, options)[0]
            strip = strip.extend_cell_length(width, style.rich_style)
            self._strips[width, number] = strip
        return strip
