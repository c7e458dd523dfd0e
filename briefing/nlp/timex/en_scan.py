"""Provides the English date scanner: regexes over case-folded text that turn date expressions into
`Mention`s.

Covers today/tonight/tomorrow/yesterday, weekdays with next/last/this, next week/month/year, explicit
dates in day-first and month-first order with ranges ("25-26 March", "March 25-26", "between 3 and 5
April"), parts of months ("early April", "mid-April", "end of March"), offsets ("in two days"), windows
("within a week"), vague phrases ("later this month", "in the coming days", "soon"), Ramadan and the Eids.
The patterns and word tables are in `en_patterns`; this module reads their matches.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefing.nlp.text.cues import EN_MONTHS, EN_PARTS, EN_VERB_MONTHS, EN_WEEKDAYS
from briefing.nlp.text.numbers import count_value
from briefing.nlp.timex.calendar import range_start_year
from briefing.nlp.timex.en_patterns import (
    DATE_CONTEXT,
    DMY,
    HIJRI,
    MDY,
    MONTH_ONLY,
    NUMERIC,
    OFFSET,
    PREV_WORD,
    REL_DAY,
    REL_DAYS,
    UNIT,
    UNITS,
    VAGUE,
    WEEKDAY,
    YEAR_ONLY,
)
from briefing.nlp.timex.types import Direction, Mention, Normalized


def _at(m: re.Match[str]) -> tuple[int, int]:
    return m.start(), m.end()


def _prev_word(nt: Normalized, pos: int) -> str:
    m = PREV_WORD.search(nt.norm, max(0, pos - 15), pos)
    return m.group(1) if m else ""


def _month(word: str, nt: Normalized, pos: int, strict: bool) -> int | None:
    """The month number; "may"/"march" count as months only when capitalized in the original (strict) text."""
    key = word.rstrip(".")
    if strict and key in EN_VERB_MONTHS and not nt.text[nt.offsets[pos]].isupper():
        return None
    return EN_MONTHS.get(key)


def _day(word: str | None) -> int | None:
    if not word:
        return None
    value = int(word.rstrip("stndrh"))
    return value if 1 <= value <= 31 else None


def _dir(rel: int | None) -> Direction:
    return "future" if rel and rel > 0 else "past" if rel and rel < 0 else "either"


def _date(m: re.Match[str], nt: Normalized) -> Mention | None:
    month = _month(m["m"], nt, m.start("m"), strict=False)
    d1, d2 = _day(m["d1"]), _day(m["d2"])
    if month is None or d1 is None:
        return None
    d3 = _day(m.groupdict().get("d3"))
    m3 = _month(m["m3"], nt, m.start("m3"), strict=False) if m["m3"] else None
    year = int(m["y"]) if m["y"] else None
    year2 = int(y3) if (y3 := m.groupdict().get("y3")) else None
    start = m.start()
    if m["pre"] and not (d2 or d3):
        start = m.start("wd") if m["wd"] else m.start("m") if m.re is MDY else m.start("d1")
    if d3 and m3:  # "30 March to 2 April"
        return Mention(
            start,
            m.end(),
            "date",
            day=d1,
            month=month,
            year=range_start_year(year, month, year2, m3),
            day2=d3,
            month2=m3,
            year2=year2,
            confidence=0.95,
            priority=3,
        )
    return Mention(
        start,
        m.end(),
        "date",
        day=d1,
        month=month,
        year=year,
        day2=d2,
        month2=m3,
        confidence=0.95,
        priority=3,
    )


def _numeric(m: re.Match[str], nt: Normalized) -> Mention | None:
    if m["iy"]:
        y, mo, d = int(m["iy"]), int(m["im"]), int(m["id"])
    else:
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        mo, d = (b, a) if a > 12 else (a, b)  # English outlets write month first unless that is impossible
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return Mention(m.start(), m.end(), "date", day=d, month=mo, year=y, confidence=0.9, priority=3)


def _rel_day(m: re.Match[str], nt: Normalized) -> Mention | None:
    rel = " ".join(m["rel"].split())
    days = 0 if rel.startswith("this") else REL_DAYS[rel]
    direction = _dir(days)
    if m["le"]:
        direction = "future" if m["le"] == "later" else "past"
    if m["wd"]:
        return Mention(
            *_at(m), "weekday", direction, 0.95, weekday=EN_WEEKDAYS[m["wd"]], anchor=days, priority=2
        )
    return Mention(m.start(), m.end(), "offset", days=days, direction=direction, confidence=0.95, priority=2)


def _weekday(m: re.Match[str], nt: Normalized) -> Mention | None:
    mod = " ".join((m["mod"] or "").split())
    rel = {"next": 1, "coming": 1, "this coming": 1, "last": -1, "past": -1, "this": 0}.get(mod)
    start = m.start("wd") if mod == "on" else m.start()
    return Mention(
        start,
        m.end(),
        "weekday",
        weekday=EN_WEEKDAYS[m["wd"]],
        rel=rel,
        direction=_dir(rel),
        confidence=0.85,
        priority=1,
    )


def _unit_rel(m: re.Match[str], nt: Normalized) -> Mention | None:
    part = EN_PARTS.get(" ".join((m["part"] or "").split()))
    if m["we"]:
        wrel = " ".join(m["wrel"].split())
        rel = {"next": 1, "last": -1}.get(wrel, 0)
        return Mention(*_at(m), "unit", _dir(rel), 0.8, unit="week", rel=rel, part="late", priority=2)
    if m["u3"] and not part:
        return None  # "the week" alone is no date; "the end of the week" is
    word = m["u"] or m["u2"] or m["u3"]
    if m["u2"]:
        rel = 2
    elif m["u"]:
        rel_word = " ".join(m["rel"].split())
        rel = {"next": 1, "the coming": 1, "the following": 1, "last": -1, "the past": -1}.get(rel_word, 0)
    else:
        rel = 0
    return Mention(
        *_at(m),
        "unit",
        _dir(rel),
        0.9 if rel != 1 or m["rel"] != "the following" else 0.6,
        unit=UNITS[word],
        rel=rel,
        part=part,
        priority=2,
    )


def _month_only(m: re.Match[str], nt: Normalized) -> Mention | None:
    part_word = " ".join((m["part"] or "").split()) or ("mid" if m["mid"] else "")
    if not (part_word or m["rel"] or m["y"] or _prev_word(nt, m.start()) in DATE_CONTEXT):
        return None
    month = _month(m["m"], nt, m.start("m"), strict=True)
    if month is None:
        return None
    rel_word = " ".join((m["rel"] or "").split())
    rel = {"next": 1, "the coming": 1, "last": -1, "this": 0}.get(rel_word)
    return Mention(
        *_at(m),
        "month",
        _dir(rel),
        0.85,
        month=month,
        year=int(m["y"]) if m["y"] else None,
        rel=rel if rel else None,
        part=EN_PARTS.get(part_word),
        priority=2,
    )


def _offset(m: re.Match[str], nt: Normalized) -> Mention | None:
    word = m["u"] or m["u2"]
    if m["pre"] == "after" and nt.norm.startswith(" of", m.end()):
        return None  # "after two days of talks" counts from the talks, not from today
    n = count_value(m["n"] or m["n2"])
    if not n:
        return None
    unit = UNITS[word.rstrip("s")]
    if word.startswith("hour"):
        n = max(1, -(-n // 24))
    pre = " ".join((m["pre"] or "").split())
    if pre in ("within", "over the next"):
        return Mention(m.start(), m.end(), "window", unit=unit, count=n, direction="future", confidence=0.7)
    sign = -1 if m["post"] in ("ago", "earlier") else 1
    return Mention(*_at(m), "offset", _dir(sign), 0.85, unit=unit, count=sign * n)


def _vague(m: re.Match[str], nt: Normalized) -> Mention | None:
    if m["soon"]:
        return Mention(m.start(), m.end(), "vague", days=1, direction="future", confidence=0.6)
    if m["dir"]:
        past = m["dir"].startswith(("past", "last"))
        return Mention(*_at(m), "vague", "past" if past else "future", 0.6, days=-1 if past else 1)
    past = m["le"] == "earlier"
    return Mention(
        *_at(m), "vague", "past" if past else "future", 0.6, days=0 if past else 1, unit=UNITS[m["lu"]]
    )


def _year(m: re.Match[str], nt: Normalized) -> Mention | None:
    start = m.start() if m["part"] else m.start("y")
    return Mention(
        start,
        m.end(),
        "year",
        year=int(m["y"]),
        part=EN_PARTS.get(" ".join((m["part"] or "").split())),
        confidence=0.85,
    )


def _hijri(m: re.Match[str], nt: Normalized) -> Mention | None:
    if m["eid"]:
        month, day = (10, 1) if "fitr" in m["eid"] else (12, 10)
        return Mention(m.start(), m.end(), "hijri", month=month, day=day, confidence=0.8, priority=2)
    part = EN_PARTS.get(" ".join((m["part"] or "").split()))
    if not (part or _prev_word(nt, m.start()) in DATE_CONTEXT):
        return None
    return Mention(m.start(), m.end(), "hijri_month", month=9, part=part, confidence=0.8, priority=2)


_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], Normalized], Mention | None]], ...] = (
    (DMY, _date),
    (MDY, _date),
    (NUMERIC, _numeric),
    (REL_DAY, _rel_day),
    (WEEKDAY, _weekday),
    (UNIT, _unit_rel),
    (MONTH_ONLY, _month_only),
    (OFFSET, _offset),
    (VAGUE, _vague),
    (YEAR_ONLY, _year),
    (HIJRI, _hijri),
)


def scan_en(nt: Normalized) -> list[Mention]:
    """English date mentions in case-folded text (overlaps included; the caller settles them)."""
    out: list[Mention] = []
    for pattern, build in _RULES:
        for match in pattern.finditer(nt.norm):
            if match.end() > match.start() and (mention := build(match, nt)) is not None:
                out.append(mention)
    return out
