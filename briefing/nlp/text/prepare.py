"""Provides `prepare`: an article's plain text made ready for analysis. Page furniture is cut (skip links,
share and follow prompts, "read also" lines, photo credits), the title is split from the body, a byline near
the top becomes the author and dateline, and a wire dateline opening the text ("DUBAI, June 3 (Reuters) -",
«بيروت - (أ ف ب):») is removed; what was cut is kept as metadata (`Prepared`). The sentence splitter is in
`text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.nlp.text.lazy_re import lazy_compile

# --- page furniture ---------------------------------------------------------------------------------------

_SKIP_LINES = lazy_compile(
    r"^(skip to (main )?content|تخط(ى|ي) إلى المحتوى( الرئيسي)?|انتقل إلى المحتوى( الرئيسي)?|"
    r"share( this)?( article)?|شارك(ها)?|تابعونا( على .*)?|follow us( on .*)?|advertisement|إعلان)\s*:?$",
    re.IGNORECASE,
)
_READ_ALSO = lazy_compile(
    r"^(اقرأ|إقرأ|اقرا)\s+(أيضا|أيضاً|ايضا|ايضاً)|^(read (more|also)|related)\b", re.IGNORECASE
)
# Photo credits and captions: a short line ending in a parenthesised credit.
_CREDIT = lazy_compile(
    r"\((?:[^()]{0,40}(?:أرشيف|getty|afp|reuters|رويترز|فرانس برس|أ\s?ف\s?ب|الأناضول|anadolu|ap|epa|"
    r"فرانس ?برس|وكالات|سانا|xinhua|شينخوا|إكس|x|فيسبوك|facebook|تويتر|twitter)[^()]{0,40})\)\s*\.?$",
    re.IGNORECASE,
)
# Byline: "NAME ــ PLACE", "NAME - PLACE", "كتب: NAME", "By NAME".
_NAME_WORD = r"[^\s.،,:؟?!ـ–—-]+"
_BYLINE_DASH = lazy_compile(
    rf"^(?P<author>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})\s*(?:ـ+|–|—|-)\s*(?P<place>[^.،,:؟?!ـ]{{2,30}})$"
)
_BYLINE_WORD = lazy_compile(r"^(?:كتب|كتبت|بقلم|by)\s*:?\s+(?P<author>[^.،,:؟?!]{3,40})$", re.IGNORECASE)


AGENCY = (
    r"(?i:Reuters|AP|AFP|UPI|dpa|Xinhua|Anadolu|AA|WAFA|KUNA|SPA|WAM|MENA|IRNA|QNA|BNA|ONA|Sputnik|TASS|RIA|"
    r"ANSA|EFE|Kyodo|Yonhap|PTI|IANS|CNN|BBC|NNA|SANA|"
    r"رويترز|أ ?ف ?ب|ا ?ف ?ب|فرانس ?برس|د ?ب ?أ|أ ?ب|الأناضول|واس|وام|كونا|قنا|بنا|سانا|وفا|شينخوا|"
    r"سبوتنيك|تاس|إرنا|ارنا|أ ?ش ?أ|وكالات|الوكالات|العمانية|المركزية)"
)
"""News agencies as they appear in datelines and credits (a regex alternation, case-insensitive)."""

_INLINE_DATELINE_EN = lazy_compile(
    r"(?P<place>[A-Z][A-Z .'’-]{1,40}?)(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*"
    # with an agency credit any dash ends it; without one only the em dash of "GAZA CITY —" (a plain hyphen
    # after a capitalised word is ordinary prose: "NATO - the alliance - met")
    rf"(?:\((?:{AGENCY})\)\s*[-–—]+|—)\s+"
)
_INLINE_DATELINE_AR = lazy_compile(
    r"(?P<place>[\u0621-\u064a ]{2,25}?)\s*[-–—ـ]+\s*[(«](?P<agency>[^()«»]{2,30})[)»]\s*:?\s*"
    # the agency first: «واس - الرياض:» (a known agency only: "الرئيس - المنتخب" is prose)
    rf"|(?P<agency2>{AGENCY})\s*[-–—ـ]+\s*(?P<place2>[\u0621-\u064a ]{{2,25}}?)\s*:\s*"
)


@dataclass(frozen=True)
class Prepared:
    """An article's text made ready for analysis, with what was cut kept as metadata."""

    title: str
    body: str
    author: str | None = None
    dateline: str | None = None
    removed: tuple[str, ...] = ()


def is_furniture(line: str) -> bool:
    """Whether a line of a page is furniture: a skip link, a share or follow prompt, a "read also" line, a
    short line ending in a photo credit."""
    words = len(line.split())
    if _SKIP_LINES.match(line) or _READ_ALSO.match(line):
        return True
    return words <= 25 and bool(_CREDIT.search(line))


def _byline(line: str) -> tuple[str, str | None] | None:
    if len(line.split()) > 7:
        return None
    if m := _BYLINE_WORD.match(line):
        return m["author"].strip(), None
    if m := _BYLINE_DASH.match(line):
        return m["author"].strip(), m["place"].strip()
    return None


TITLE_MAX_CHARS = 200
"""A longer first line is a paragraph, never a title."""
_SENTENCE_END = lazy_compile(r"[.!?؟…:;؛。۔][\"'»”’)\]]*$")


def _title_line(lines: list[str]) -> int | None:
    """Where the title is when none was given: the first line that is not furniture, only when it looks like
    a title (short, no sentence-final punctuation, followed by a blank line or a byline, and then more
    text). A single line is always body."""
    for pos, line in enumerate(lines):
        if not line or is_furniture(line):
            continue
        looks = len(line) <= TITLE_MAX_CHARS and not _SENTENCE_END.search(line)
        after = lines[pos + 1] if pos + 1 < len(lines) else None
        followed = after is not None and (not after or _byline(after) is not None) and any(lines[pos + 2 :])
        return pos if looks and followed else None
    return None


def prepare(raw: str, title: str | None = None, author: str | None = None) -> Prepared:
    """Strip page furniture from a plain-text article. Without `title`, the first line that is not furniture
    is the title when it looks like one (`_title_line`); `title=""` says there is none. A byline near the top
    becomes `author` and `dateline` unless `author` is already known."""
    lines = [ln.strip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    title_pos = _title_line(lines) if title is None else None
    if title_pos is not None:
        title = lines[title_pos]
    removed: list[str] = []
    kept: list[str] = []
    dateline: str | None = None
    for pos, line in enumerate(lines):
        if not line:
            if kept and kept[-1] != "":
                kept.append("")
            continue
        if pos == title_pos or (title and line == title.strip()):
            continue
        near_top = sum(1 for k in kept if k) < 2 and pos < 12
        if near_top and (by := _byline(line)):
            removed.append(line)
            author = author or by[0]
            dateline = by[1]
            continue
        if is_furniture(line):
            removed.append(line)
            continue
        kept.append(line)
    body = "\n\n".join(p for p in "\n".join(kept).split("\n\n") if p.strip())
    body = "\n\n".join(_join_lines(p) for p in body.split("\n\n"))
    if (m := _INLINE_DATELINE_EN.match(body) or _INLINE_DATELINE_AR.match(body)) is not None:
        # A wire dateline opening the text ("DUBAI, June 3 (Reuters) -", «بيروت - (أ ف ب):») is furniture:
        # its date is when the story was filed, not an event, and the agency is a credit, not an actor.
        dateline = dateline or (m["place"] or m.groupdict().get("place2") or "").strip().rstrip(",")
        body = body[m.end() :]
    return Prepared(
        title=(title or "").strip(), body=body, author=author, dateline=dateline, removed=tuple(removed)
    )


def _join_lines(paragraph: str) -> str:
    return "\n".join(ln for ln in paragraph.split("\n") if ln)
