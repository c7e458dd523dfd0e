"""Provides terminal-ready lines for mixed Arabic/English text: wrapping in cells, then bidi reordering.

Three modes, chosen by the user because terminals disagree about bidi:

- ``"terminal"``: the terminal applies the Unicode bidi algorithm itself (mlterm, Konsole, VTE with BiDi on);
  we hand it logical-order lines.
- ``"app"``: the terminal does not reorder; we reorder each already-wrapped line with python-bidi, so the
  cells read correctly right to left.
- ``"off"``: logical order, no special handling anywhere.

Wrapping always happens first, in logical order: reordering a whole paragraph and then cutting it into lines
would put the end of an Arabic sentence on the first line. Every function here is pure: it returns new strings
and never touches the caller's text. No Textual import: `render.console` uses this module too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any, Literal

from rich.cells import get_character_cell_size

BidiMode = Literal["app", "terminal", "off"]

_WORD = re.compile(r"\S+")
# A Latin date or dotted number inside Arabic text (2024-03-17, 17/03/2024, 1.5.2024). By the bidi algorithm
# the digits after an Arabic letter become Arabic numbers and the hyphens turn neutral, so the date is drawn
# as 17-03-2024. Writers mean it as one number read left to right: we type its separators as digits, so the
# whole token is one number run and its neighbours see it as any other number.
_LATIN_DATE = re.compile(r"\d+(?:[-/.]\d+)+")
# Bidi_Paired_Bracket pairs that occur in news text (UAX #9, rule N0).
_OPENING = {"(": ")", "[": "]", "{": "}", "\u2045": "\u2046", "\u2329": "\u232a", "\u3008": "\u3009"}
_CLOSING = {close: open_ for open_, close in _OPENING.items()}
# What an isolated range looks like from outside: U+FFFC OBJECT REPLACEMENT CHARACTER is a neutral (ON).
_ISOLATE = "\ufffc"


def is_rtl(text: str) -> bool:
    """True when the first strong directional character of `text` is right-to-left (Arabic, Hebrew...)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def cell_width(text: str) -> int:
    """Terminal cells `text` occupies (combining marks and format characters take none)."""
    return sum(get_character_cell_size(ch) for ch in text)


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me")


def _clusters(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """[start, end) split into base letters with the combining marks that follow them."""
    i = start
    while i < end:
        j = i + 1
        while j < end and _is_mark(text[j]):
            j += 1
        yield i, j
        i = j


def _split_long(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Cut one word wider than `width` into pieces, never separating a letter from its marks."""
    pieces: list[tuple[int, int]] = []
    piece_start, cells = start, 0
    for c_start, c_end in _clusters(text, start, end):
        size = cell_width(text[c_start:c_end])
        if cells and cells + size > width:
            pieces.append((piece_start, c_start))
            piece_start, cells = c_start, 0
        cells += size
    pieces.append((piece_start, end))
    return pieces


def _wrap_paragraph(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    line: tuple[int, int] | None = None
    cells = 0
    for match in _WORD.finditer(text, start, end):
        w_start, w_end = match.span()
        size = cell_width(text[w_start:w_end])
        if line is not None:
            gap = cell_width(text[line[1] : w_start])
            if cells + gap + size <= width:
                line, cells = (line[0], w_end), cells + gap + size
                continue
            spans.append(line)
        if size <= width:
            line, cells = (w_start, w_end), size
        else:
            *whole, last = _split_long(text, w_start, w_end, width)
            spans.extend(whole)
            line, cells = last, cell_width(text[last[0] : last[1]])
    if line is not None:
        spans.append(line)
    return spans or [(start, start)]


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap to `width` cells, in logical order: one `[start, end)` span of `text` per line.

    Newlines end paragraphs (an empty paragraph gives an empty line); the spaces where a line breaks are
    dropped; a word wider than the line is cut between letters.
    """
    width = max(1, width)
    spans: list[tuple[int, int]] = []
    start = 0
    for paragraph in text.split("\n"):
        end = start + len(paragraph)
        spans.extend(_wrap_paragraph(text, start, end, width))
        start = end + 1
    return spans


def _shape(line: str) -> str:
    """Arabic presentation forms, one for one (no ligatures, harakat kept) so offsets stay valid."""
    import arabic_reshaper  # small, but only "app" mode with shaping needs it

    reshaper = arabic_reshaper.ArabicReshaper(
        configuration={"delete_harakat": False, "support_ligatures": False}
    )
    shaped = str(reshaper.reshape(line))
    return shaped if len(shaped) == len(line) else line


def _strong(kind: str) -> str | None:
    """L or R as rule N0 sees a resolved type (numbers count as R), None for neutrals."""
    if kind == "L":
        return "L"
    return "R" if kind in ("R", "AL", "EN", "AN") else None


def _resolve_brackets(storage: dict[str, Any]) -> None:
    """Rule N0, which python-bidi's pure-Python module predates: a bracket pair takes the direction of its
    content (the embedding direction if the content has it, else the opposite one when the text before the
    pair agrees), so `(المبعوث)` inside an English line stays one right-to-left unit.

    Sanitized feed text has no explicit embeddings, so one level run covers the line.
    """
    chars: list[dict[str, Any]] = storage["chars"]
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for index, char in enumerate(chars):
        if char["type"] != "ON":
            continue
        if char["ch"] in _OPENING:
            stack.append((_OPENING[char["ch"]], index))
        elif char["ch"] in _CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char["ch"]:
                    pairs.append((stack[depth][1], index))
                    del stack[depth:]
                    break
    embedding = "R" if storage["base_level"] % 2 else "L"
    sor = storage["runs"][0]["sor"] if storage["runs"] else embedding
    for start, end in sorted(pairs):
        inside = {_strong(chars[i]["type"]) for i in range(start + 1, end)} - {None}
        if embedding in inside:
            direction = embedding
        elif inside:
            # Only the opposite direction is inside: the pair follows it when the text before the pair
            # does too, else the embedding direction; either way, the direction of the text before.
            direction = next((d for i in range(start - 1, -1, -1) if (d := _strong(chars[i]["type"]))), sor)
        else:
            continue
        chars[start]["type"] = chars[end]["type"] = direction


def reorder(
    line: str, rtl: bool, *, shape: bool = False, isolates: Sequence[tuple[int, int]] = ()
) -> tuple[str, list[int]]:
    """One line in visual (left-to-right cell) order, and for each visual character its index in `line`.

    `rtl` is the direction of the paragraph the line came from (not of the line alone). The levels come from
    python-bidi's algorithm module; the reordering is done on clusters (a letter plus its combining marks) so
    that marks stay after their base letter, where a terminal expects them; `get_display` would put `غداً`'s
    tanween before the alef. Mirrored characters (brackets) are swapped in right-to-left runs.

    `isolates` are `[start, end)` ranges laid out on their own, as if wrapped in FSI...PDI (which the
    python-bidi algorithm module predates): their direction comes from their first strong character and,
    from outside, each is one neutral character. Our own lines that embed feed fields use them: without,
    "عنب بلدي · 18:40" in an English line would pull the time into the Arabic run ("18:40 · يدلب بنع").
    """
    ranges: list[tuple[int, int]] = []
    for start, end in sorted(isolates):
        start, end = max(0, start), min(len(line), end)
        if end > start and (not ranges or start >= ranges[-1][1]):
            ranges.append((start, end))
    if not ranges:
        return _reorder_run(line, rtl, shape)
    outer: list[str] = []
    targets: list[int | tuple[int, int]] = []
    position = 0
    for start, end in ranges:
        outer += line[position:start]
        targets += range(position, start)
        outer.append(_ISOLATE)
        targets.append((start, end))
        position = end
    outer += line[position:]
    targets += range(position, len(line))
    outer_visual, outer_order = _reorder_run("".join(outer), rtl, shape)
    visual: list[str] = []
    order: list[int] = []
    for slot, index in enumerate(outer_order):
        target = targets[index]
        if isinstance(target, tuple):
            inner = line[target[0] : target[1]]
            inner_visual, inner_order = _reorder_run(inner, is_rtl(inner), shape)
            visual.append(inner_visual)
            order += (target[0] + offset for offset in inner_order)
        else:
            visual.append(outer_visual[slot])
            order.append(target)
    return "".join(visual), order


# Bidi classes after which a line can be at more than one level, or at the other level than its paragraph.
_OPPOSITE_OF_LTR = frozenset(("R", "AL", "AN"))
_OPPOSITE_OF_RTL = frozenset(("L", "EN", "AN"))
_EXPLICIT = frozenset(("LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"))


def _reorder_run(line: str, rtl: bool, shape: bool) -> tuple[str, list[int]]:
    if not line:
        return "", []
    source = _shape(line) if shape else line
    uniform = _uniform_run(source, rtl)
    return uniform if uniform is not None else _reorder_levels(source, rtl)


def _uniform_run(source: str, rtl: bool) -> tuple[str, list[int]] | None:
    """The visual order of a line that resolves to one level, without running the algorithm (most lines:
    English text in a left-to-right paragraph, Arabic words and punctuation in a right-to-left one); None
    for any other line.

    In a left-to-right paragraph, a line with no right-to-left letter, Arabic number or explicit embedding
    stays at level 0: its visual order is its logical order. In a right-to-left paragraph, a line with no
    left-to-right letter, number or embedding is all at level 1 (every neutral lies between right-to-left
    letters or the paragraph's edges): its clusters are reversed and its brackets mirrored, as
    `_reorder_levels` would give (a unit test compares the two on generated lines).
    """
    opposite = _OPPOSITE_OF_RTL if rtl else _OPPOSITE_OF_LTR
    kinds = [unicodedata.bidirectional(ch) for ch in source]
    if any(kind in opposite or kind in _EXPLICIT for kind in kinds):
        return None
    if not rtl:
        return source, list(range(len(source)))
    from bidi.mirror import MIRRORED  # noqa: PLC0415

    clusters: list[list[int]] = []
    for index, ch in enumerate(source):
        if clusters and (kinds[index] == "BN" or _is_mark(ch)):
            clusters[-1].append(index)  # a mark, or what rule X9 drops (ZWJ), stays after its letter
        else:
            clusters.append([index])
    visual: list[str] = []
    order: list[int] = []
    for cluster in reversed(clusters):
        base = source[cluster[0]]
        visual.append(MIRRORED.get(base, base) if unicodedata.mirrored(base) else base)
        visual += (source[mark] for mark in cluster[1:])
        order += cluster
    return "".join(visual), order


def _reorder_levels(source: str, rtl: bool) -> tuple[str, list[int]]:
    """The visual order of a line by the bidi algorithm's levels (python-bidi), on clusters."""
    from bidi import algorithm  # pure-Python UBA: we need its per-character levels, not just the string
    from bidi.mirror import MIRRORED

    storage: dict[str, Any] = algorithm.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    algorithm.get_embedding_levels(source, storage)
    chars: list[dict[str, Any]] = storage["chars"]
    for index, char in enumerate(chars):
        char["idx"] = index
    for match in _LATIN_DATE.finditer(source):
        for index in range(*match.span()):
            chars[index]["type"] = "EN"
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    _resolve_brackets(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)

    # Glue marks (and anything X9 dropped, such as ZWJ) to the letter before them, then reorder clusters.
    kept: dict[int, dict[str, Any]] = {char["idx"]: char for char in storage["chars"]}
    clusters: list[dict[str, Any]] = []
    for index in range(len(source)):
        found = kept.get(index)
        if clusters and (found is None or _is_mark(source[index])):
            clusters[-1]["marks"].append(index)
        elif found is not None:
            found["marks"] = []
            clusters.append(found)
        else:  # a dropped character before any letter: keep it, at the paragraph level
            clusters.append(
                {"ch": source[index], "level": storage["base_level"], "orig": "BN", "idx": index, "marks": []}
            )
    storage["chars"] = clusters
    algorithm.reorder_resolved_levels(storage, False)

    visual: list[str] = []
    order: list[int] = []
    for cluster in storage["chars"]:
        base = source[cluster["idx"]]
        if cluster["level"] % 2 and unicodedata.mirrored(base):
            base = MIRRORED.get(base, base)
        visual.append(base)
        order.append(cluster["idx"])
        for mark in cluster["marks"]:
            visual.append(source[mark])
            order.append(mark)
    return "".join(visual), order


def paragraph_is_rtl(text: str, offset: int) -> bool:
    """Direction of the paragraph (newline-delimited) of `text` that contains `offset`."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return is_rtl(text[start : end if end >= 0 else len(text)])


def display_lines(text: str, width: int, mode: BidiMode, *, shape: bool = False) -> list[str]:
    """`text` wrapped to `width` cells, each line ready for a terminal in `mode`.

    "terminal" and "off" give logical-order lines; "app" reorders each line (and, with `shape`, uses Arabic
    presentation forms for terminals that do not join letters).
    """
    lines: list[str] = []
    for start, end in wrap(text, width):
        line = text[start:end]
        if mode == "app" and line:
            line = reorder(line, paragraph_is_rtl(text, start), shape=shape)[0]
        lines.append(line)
    return lines
