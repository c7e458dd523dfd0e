"""Provides the sentence splitter (`split_spans`).

It works on the body as stored (display text, never normalized) and returns character spans, so every offset
the analyzers report points into `Analysis.text`. Sentences end at `. ! ? ؟ …` followed by white space, at a
period glued to the next Arabic word (`نوح.وتعني`, common in web copy), and at line breaks, except inside
hard-wrapped blocks of fixed-width lines, where a newline is a space, and after a line ending in a word that
cannot end a sentence (a preposition: «خلال يومي⏎19 - 20 كانون الأول»). Never inside «…», “…” or paired "…"
quotes or closed brackets, inside numbers, URLs or e-mail addresses, or after a known abbreviation (`د.`,
`أ.د.`, `هـ.`, `U.S.`, `Mr.`) or an initial. An opening quote or bracket that never closes protects nothing.
Page furniture, bylines and the title/body split come before it, in `prepare`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict

from briefing.nlp.text.lazy_re import lazy_compile

_TERMINATORS = ".!?؟…"
# A run of terminators with the closing quotes and brackets that follow it: the sentence ends after them.
_END = lazy_compile(r"[.!?؟…]+[\"'»”’)\]]*")
_PAIRS = lazy_compile(r"[«»“”\"()\[\]]")
_OPENERS = {"«": "»", "“": "”", "(": ")", "[": "]"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_AR_LETTER = lazy_compile(r"[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_ABBREV = {
    # Arabic: doctor, professor-doctor, engineer, AD/AH, BC, "ص" page
    "د",
    "أ.د",
    "ا.د",
    "م",
    "هـ",
    "ه",
    "ق.م",
    "ص",
    "ج",
    "ت",
    # English
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "sen",
    "rep",
    "gov",
    "pres",
    "st",
    "jr",
    "sr",
    "no",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "u.s",
    "u.n",
    "u.k",
    "e.u",
    "a.m",
    "p.m",
    "inc",
    "ltd",
    "co",
    "corp",
    "dept",
    "fig",
    "approx",
    "est",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mt",
    "ft",
    "op",
    "al",
}
_MARKS = "\u064b-\u065f\u0670"  # Arabic diacritics: not \w for `re`, but part of the word
_WORD_BEFORE = lazy_compile(rf"([\w.ـ{_MARKS}]+)$")
# Hard-wrapped text (fixed-width lines, a newline every 60-200 characters whatever the sentence): within such
# a # block a newline after a long line is only a space. Paragraph-per-line text has longer, uneven lines.
_WRAP_MIN, _WRAP_MAX, _WRAP_FILL = 40, 200, 0.8


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - 40), dot)
    if not m:
        return False
    word = re.sub(f"[{_MARKS}]", "", m.group(1)).strip(".").casefold()
    if word in _ABBREV:
        return True
    # A single letter before the dot is an initial (George W. Bush; ع. محمد).
    return len(word) == 1 and word.isalpha()


def split_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans `[start, end)` over `text`, trimmed of white space, in order, covering every word."""
    spans: list[tuple[int, int]] = []
    for start, end in _units(text):
        spans.extend(_split_unit(text, start, end))
    return spans


def _units(text: str) -> list[tuple[int, int]]:
    """Stretches of text no line break cuts: single lines, or the wrapped lines of a hard-wrapped block."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    units: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and text[lines[j][0] : lines[j][1]].strip():
            j += 1
        if j == i:  # blank line
            i += 1
            continue
        units.extend(_join_dangling(text, _wrap_units(text, lines[i:j])))
        i = j
    return units


# Words that cannot end a sentence: prepositions, "during", "the day(s) of", "that": a line ending in one was
# broken inside a sentence («خلال يومي⏎19 - 20 كانون الأول»), not at a paragraph's end.
_DANGLING = lazy_compile(
    r"(?<![^\W_])(?:[وف]?(?:في|من|الى|إلى|على|علي|عن|مع|خلال|بين|حتى|حتي|منذ|لدى|لدي|نحو|يوم|يومي|ايام|أيام|"
    r"أن|ان|إن|التي|الذي|بعد|قبل)|و|of|in|on|at|to|from|the|and|during|between)\s*$",
    re.IGNORECASE,
)


def _join_dangling(text: str, units: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines joined to the next when they end in a word that cannot end a sentence."""
    out: list[tuple[int, int]] = []
    for a, b in units:
        if out and _DANGLING.search(text, out[-1][0], out[-1][1]):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _wrap_units(text: str, block: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if len(block) < 3:
        return block
    widths = [len(text[a:b].rstrip()) for a, b in block]
    width = max(widths)
    # Word wrapping leaves every line but a paragraph's last within a word's length of the full width.
    full = sum(1 for w in widths[:-1] if w >= _WRAP_FILL * width)
    if not (_WRAP_MIN <= width <= _WRAP_MAX and full >= 0.5 * (len(block) - 1)):
        return block
    units = [block[0]]
    for (a, b), prev_width in zip(block[1:], widths, strict=False):
        prev = text[units[-1][0] : units[-1][1]].rstrip()
        soft = (
            prev_width >= _WRAP_FILL * width
            and prev[-1] not in _TERMINATORS
            and not text[a].isspace()  # an indented line starts a paragraph
        )
        units[-1:] = [(units[-1][0], b)] if soft else [units[-1], (a, b)]
    return units


def _protected(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside matched quotes and brackets, outermost only, sorted. An opener never closed protects
    nothing, so one stray parenthesis cannot swallow the rest of a paragraph; straight quotes count only when
    they pair up. Linear in the number of quote and bracket characters, whatever their nesting."""
    straight = text.count('"', start, end) % 2 == 0
    stack: list[tuple[str, int]] = []
    open_count: dict[str, int] = defaultdict(int)
    found: list[tuple[int, int]] = []
    for m in _PAIRS.finditer(text, start, end):
        ch, at = m.group(), m.start()
        if ch == '"':
            if not straight:
                continue
            if stack and stack[-1][0] == '"':
                found.append((stack.pop()[1], at))
                open_count['"'] -= 1
            else:
                stack.append((ch, at))
                open_count['"'] += 1
        elif ch in _OPENERS:
            stack.append((ch, at))
            open_count[ch] += 1
        elif open_count[_CLOSERS[ch]]:
            while stack:  # openers left unclosed inside this pair are dropped
                opener, pos = stack.pop()
                open_count[opener] -= 1
                if opener == _CLOSERS[ch]:
                    found.append((pos, at))
                    break
    outer: list[tuple[int, int]] = []
    for a, b in sorted(found):
        if outer and a < outer[-1][1]:
            continue  # nested in the previous pair (pairs never partly overlap)
        outer.append((a, b))
    return outer


def _inside(protected: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    i = bisect_left(starts, s) - 1  # the last pair opening before s
    return i >= 0 and e <= protected[i][1]


def _split_unit(text: str, start: int, end: int) -> list[tuple[int, int]]:
    protected = _protected(text, start, end)
    starts = [a for a, _ in protected]
    cuts: list[int] = []
    for m in _END.finditer(text, start, end):
        s, e = m.span()
        if _inside(protected, starts, s, e):
            continue  # inside a quote or brackets that close later
        if e < end and not text[e].isspace():
            # Glued to the next word: a cut only before an Arabic word ("نوح.وتعني", "عام 1959.أتم", "ومكوناته
            # .لهذا"); before a Latin letter or a digit it is a URL, an e-mail address, a decimal or "U.S".
            if not (e == s + 1 and text[s] == "." and _AR_LETTER.match(text[e])):
                continue
        if text[s] == "." and e - s == 1 and _is_abbreviation(text, s):
            continue
        if text[s] == "." and s > start and text[s - 1].isdigit() and e < end and text[e].isdigit():
            continue
        cuts.append(e)
    spans: list[tuple[int, int]] = []
    prev = start
    for cut in [*cuts, end]:
        seg = text[prev:cut]
        a = prev + len(seg) - len(seg.lstrip())
        b = prev + len(seg.rstrip())
        if b > a:
            spans.append((a, b))
        prev = cut
    return spans
