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

from bisect import bisect_right
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

from briefing.render.bidi import BidiMode, cell_width, is_rtl, wrap
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
def part_height(part: Part, width: int) -> int:
    """How many lines `part_lines` gives for this part and width (wrapping only: no reordering)."""
    if not part.text:
        return 1
    return len(wrap(part.text, max(1, width - cell_width(part.prefix))))


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
    """Parts as lines: a Textual `Visual`, so an option list can show it as one option.

    How many lines a part takes comes from wrapping alone (`part_height`); a line is reordered and styled
    (`part_lines`) only when it is drawn, so a long list lays out without reordering what is off screen."""

    def __init__(self, parts: Sequence[Part], mode: BidiMode) -> None:
        self.parts = tuple(cleaned(part) for part in parts)
        self.mode = mode
        self._starts: tuple[int, list[int]] | None = None
        """(width, the first line of each part and, last, the number of lines)."""

    def starts(self, width: int) -> list[int]:
        """The first line of each part at a content width of `width`, then the total number of lines."""
        width = max(1, width)
        if self._starts is None or self._starts[0] != width:
            starts = [0]
            for part in self.parts:
                starts.append(starts[-1] + part_height(part, width))
            self._starts = (width, starts)
        return self._starts[1]

    def height(self, width: int) -> int:
        """The number of lines at a content width of `width`."""
        return self.starts(width)[-1]

    def line(self, width: int, number: int) -> Content | None:
        """Line `number` at a content width of `width` (None past the end)."""
        starts = self.starts(width)
        if not 0 <= number < starts[-1]:
            return None
        index = bisect_right(starts, number) - 1
        return part_lines(self.parts[index], max(1, width), self.mode)[number - starts[index]]

    def line_parts(self, width: int) -> list[tuple[Part, int]]:
        """For each line, its part and its place in the part (equal pairs draw equal lines)."""
        starts = self.starts(width)
        return [
            (part, offset)
            for index, part in enumerate(self.parts)
            for offset in range(starts[index + 1] - starts[index])
        ]

    def lines(self, width: int) -> list[Content]:
        """The lines for a content width of `width` cells."""
        width = max(1, width)
        return [line for part in self.parts for line in part_lines(part, width, self.mode)]

    def span_of(self, index: int, width: int) -> tuple[int, int]:
        """The `[first, end)` lines of part `index` at this width."""
        starts = self.starts(width)
        return starts[index], starts[index + 1]

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return Content("\n").join(self.lines(width)).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.height(width)


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
        """Show `parts`. Lines drawn by an equal part (at the same place in it) keep their rendered strips;
        when the number of lines stays, only the lines that changed are repainted (a cursor or a mark that
        moved restyles a few lines, not the pane)."""
        previous = self.visual
        self.visual = BlockVisual(parts, previous.mode)
        if not self.scrollable_content_region.width:
            self._strips.clear()
            self._sync_size()
            self.refresh(layout=self.styles.auto_dimensions)
            return
        width = self.line_width
        before, after = previous.line_parts(width), self.visual.line_parts(width)
        same = [n < len(before) and before[n] == line for n, line in enumerate(after)]
        self._strips = {
            (width, n): strip
            for n, kept in enumerate(same)
            if kept and (strip := self._strips.get((width, n))) is not None
        }
        self._sync_size()
        if len(before) != len(after) or self.styles.auto_dimensions:
            self.refresh(layout=self.styles.auto_dimensions)
            return
        top = round(self.scroll_offset.y)
        bottom = top + self.scrollable_content_region.height
        for first, end in runs([n for n in range(top, min(bottom, len(after))) if not same[n]]):
            self.refresh_lines(first, end - first)

    def set_title(self, title: str) -> None:
        """Set the border title. Setting one repaints the whole pane, so this does only when it changes."""
        if title != self._pane_title:
            self._pane_title = title
            self.border_title = title

    def lines(self, width: int) -> list[Content]:
        return self.visual.lines(width)

    def height(self, width: int) -> int:
        """The number of lines at a content width of `width`."""
        return self.visual.height(width)

    def _sync_size(self) -> None:
        if self.scrollable_content_region.width:
            size = Size(self.line_width, self.height(self.line_width))
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
        return self.height(max(1, width))

    def render_line(self, y: int) -> Strip:
        width = self.line_width
        number = self.scroll_offset.y + y
        strip = self._strips.get((width, number))
        if strip is None:
            line = self.visual.line(width, number)
            style = self.visual_style
            if line is None:
                return Strip.blank(width, style.rich_style)
            options = RenderOptions(self._get_style, cast(RulesMap, self.styles))
            strip = line.render_strips(width, 1, style, options)[0]
            strip = strip.extend_cell_length(width, style.rich_style)
            self._strips[width, number] = strip
        return strip
