"""Provides the bridge from feed text to Textual `Content`: wrapped, bidi-ordered lines with styled spans.

Feed text is never markup: it becomes `Content(text, spans)` objects whose styles come from our own code.
Spans are given as logical offsets; in "app" bidi mode each line is reordered and every character keeps the
style of the logical character it came from, so a highlighted name stays highlighted after reordering.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.content import Content, Span

from briefing.render.bidi import BidiMode, is_rtl, paragraph_is_rtl, reorder, wrap

StyleSpan = tuple[int, int, str]
"""A `[start, end)` range of a text and the style (theme variables allowed: "bold $text-accent")."""


def styled_lines(
    text: str,
    width: int,
    mode: BidiMode,
    spans: Sequence[StyleSpan] = (),
    *,
    rtl: bool | None = None,
    isolates: Sequence[tuple[int, int]] = (),
    shape: bool = False,
) -> list[Content]:
    """`text` wrapped to `width` cells, one `Content` per line, in the cell order that `mode` needs.

    `rtl` forces the paragraph direction (None: from each paragraph's first strong character); `isolates`
    are ranges of `text` (feed fields inside our own lines) reordered on their own (see `bidi.reorder`).
    """
    styles = [""] * len(text)
    for start, end, style in spans:
        for index in range(max(0, start), min(end, len(text))):
            styles[index] = style
    lines: list[Content] = []
    for start, end in wrap(text, width):
        line = text[start:end]
        if mode == "app" and line:
            direction = paragraph_is_rtl(text, start) if rtl is None else rtl
            local = [
                (max(s, start) - start, min(e, end) - start) for s, e in isolates if s < end and e > start
            ]
            visual, order = reorder(line, direction, shape=shape, isolates=local)
        else:
            visual, order = line, list(range(len(line)))
        content_spans: list[Span] = []
        run_start = 0
        for position in range(1, len(order) + 1):
            here = styles[start + order[run_start]]
            if position == len(order) or styles[start + order[position]] != here:
                if here:
                    content_spans.append(Span(run_start, position, here))
                run_start = position
        lines.append(Content(visual, content_spans))
    return lines


def visual_line(text: str, mode: BidiMode, *, rtl: bool | None = None) -> str:
    """One short line (a label, a feed name inside a status line) in the cell order that `mode` needs."""
    if mode != "app" or not text:
        return text
    return reorder(text, is_rtl(text) if rtl is None else rtl)[0]


def find_mentions(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Non-overlapping `[start, end)` ranges where any of `names` occurs in `text`, longest names first.

    Plain substring search: Arabic names often carry a prefix (وبيدرسون), which this still finds.
    """
    taken = [False] * len(text)
    found: list[tuple[int, int]] = []
    for name in sorted({n for n in names if len(n) >= 2}, key=len, reverse=True):
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if not any(taken[start:end]):
                found.append((start, end))
                for index in range(start, end):
                    taken[index] = True
            start = text.find(name, end)
    return sorted(found)
