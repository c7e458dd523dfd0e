"""Provides the Arabic date scanner (`scan_ar`): one handler per pattern that turns a match over normalized
text into a `Mention`, or rejects it from its context.

Covers relative days (اليوم، غداً، بعد غد، أمس), weekdays with المقبل/الماضي, weeks, months and years
relative to now, explicit dates in the four regional month-name series with double forms ("25 آذار/مارس"),
spelled-out ordinals, ranges, Hijri dates and feasts, offsets ("بعد يومين"), windows ("خلال أسبوع") and
vague words ("قريباً"). dateparser gets most of these wrong, hence our own table-driven patterns, which live
with the word tables in `ar_patterns`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefing.nlp.text.cues import (
    AR_AMBIGUOUS_MONTHS,
    AR_HIJRI_FEASTS,
    AR_HIJRI_MONTHS,
    AR_MONTHS,
    AR_PARTS,
    AR_WEEKDAYS,
    ar_rel,
)
from briefing.nlp.text.lazy_re import lazy_compile
from briefing.nlp.text.numbers import count_value
from briefing.nlp.timex.ar_patterns import (
    ANCHORED,
    DATE,
    DATE_CONTEXT,
    FEAST,
    GATE,
    HIJRI,
    HIJRI_MONTH,
    HIJRI_NUMERIC,
    MONTH_DAY,
    MONTH_ONLY,
    NOT_TODAY,
    NUMERIC,
    OFFSET,
    PREV_WORD,
    REL_DAY,
    REL_DAYS,
    UNIT,
    VAGUE,
    WEEKDAY,
    WEEKDAY_DAY,
    YEAR_ONLY,
    day_of,
    unit_of,
)
from briefing.nlp.timex.calendar import range_start_year
from briefing.nlp.timex.types import Direction, Mention, Normalized, Unit

SUNDAY = 6
"""The first day of the week in Arabic news: the work week of Saudi Arabia and most Arab states runs from
Sunday, so «الأسبوع المقبل» said on a Monday is the week from the next Sunday."""


def _key(text: str) -> str:
    return " ".join(text.split())


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _part(m: re.Match[str]) -> str | None:
    return AR_PARTS.get(m["part"] or "")


def _at(m: re.Match[str]) -> tuple[int, int]:
    return m.start(), m.end()


def _prev_word(nt: Normalized, pos: int) -> str:
    m = PREV_WORD.search(nt.norm, max(0, pos - 20), pos)
    return m.group(1) if m else ""


def _direction(rel: int | None) -> Direction:
    return "future" if rel is not None and rel > 0 else "past" if rel is not None and rel < 0 else "either"


def _date(m: re.Match[str], nt: Normalized) -> Mention | None:
    d1, d2, d3 = day_of(m["d1"]), day_of(m["d2"]), day_of(m["d3"])
    month = AR_MONTHS.get(_key(m["m"]))
    if d1 is None or month is None or (m["d2"] and d2 is None):
        return None
    start = m.start()
    if m["pre"] and not (m["d2"] or m["d3"]):
        start = m.start("wdp") if m["wdp"] else m.start("d1")
    if m["d3"] and d3 is not None:
        month2 = AR_MONTHS.get(_key(m["m3"]))
        year2 = _int(m["y3"])
        year = range_start_year(_int(m["y"]), month, year2, month2)  # "30 كانون الأول - 2 كانون الثاني 2025"
        return Mention(
            start,
            m.end(),
            "date",
            day=d1,
            month=month,
            year=year,
            day2=d3,
            month2=month2,
            year2=year2,
            confidence=0.95,
            priority=3,
        )
    end = m.end() if not m["d3"] else m.start("d3")
    rel = ar_rel(m["drel"])  # "25 آذار المقبل" / "15 كانون الثاني الماضي"
    year = _int(m["y"])
    year_rel = ar_rel(m["yrel"]) if m["yrel"] else None  # "الـ20 من مايو من العام المقبل"
    return Mention(
        start,
        end,
        "date",
        _direction(rel),
        0.95,
        day=d1,
        month=month,
        year=year,
        day2=d2,
        rel=rel or None,
        priority=3,
        year_rel=year_rel,
    )


def _numeric(m: re.Match[str], nt: Normalized) -> Mention | None:
    if m["iy"]:
        y, mo, d = int(m["iy"]), int(m["im"]), int(m["id"])
    else:
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return Mention(m.start(), m.end(), "date", day=d, month=mo, year=y, confidence=0.9, priority=3)


def _hijri_numeric(m: re.Match[str], nt: Normalized) -> Mention | None:
    d, mo = int(m["d"]), int(m["m"])
    if not (1 <= mo <= 12 and 1 <= d <= 30):
        return None
    return Mention(*_at(m), "hijri", day=d, month=mo, year=int(m["y"]), confidence=0.9, priority=3)


def _hijri(m: re.Match[str], nt: Normalized) -> Mention | None:
    d1, d2 = day_of(m["d1"]), day_of(m["d2"])
    if d1 is None or d1 > 30:
        return None
    rel = ar_rel(m["rel"])  # "25 شوال الجاري" (this year's), "8 ذو القعدة المقبل"
    return Mention(
        *_at(m),
        "hijri",
        _direction(rel),
        day=d1,
        day2=d2,
        month=AR_HIJRI_MONTHS[_key(m["hm"])],
        year=_int(m["y"]),
        rel=rel,
        confidence=0.9,
        priority=3,
    )


def _hijri_month(m: re.Match[str], nt: Normalized) -> Mention | None:
    context = _prev_word(nt, m.start()) in DATE_CONTEXT
    if not (m["part"] or m["shahr"] or m["y"] or m["rel"] or context):
        return None
    rel = ar_rel(m["rel"])
    return Mention(
        *_at(m),
        "hijri_month",
        _direction(rel),
        0.8,
        month=AR_HIJRI_MONTHS[_key(m["hm"])],
        year=_int(m["y"]),
        part=_part(m),
        rel=rel,
        priority=2,
    )


def _feast(m: re.Match[str], nt: Normalized) -> Mention | None:
    month, day = AR_HIJRI_FEASTS[_key(m["f"])]
    rel = ar_rel(m["rel"])
    return Mention(*_at(m), "hijri", _direction(rel), 0.8, day=day, month=month, rel=rel, priority=2)


def _month_only(m: re.Match[str], nt: Normalized) -> Mention | None:
    name = _key(m["m"])
    context = _prev_word(nt, m.start()) in DATE_CONTEXT
    if not (m["part"] or m["shahr"] or m["rel"] or m["y"] or m["yrel"] or context):
        return None
    if name in AR_AMBIGUOUS_MONTHS and not (m["shahr"] or m["y"] or m["rel"] or m["yrel"]):
        return None
    rel = ar_rel(m["rel"])
    return Mention(
        *_at(m),
        "month",
        _direction(rel),
        0.85,
        month=AR_MONTHS[name],
        rel=rel if rel else None,
        year=_int(m["y"]),
        part=_part(m),
        priority=2,
        year_rel=ar_rel(m["yrel"]) if m["yrel"] else None,
    )


def _unit_rel(m: re.Match[str], nt: Normalized) -> Mention | None:
    if m["u3"] and not m["part"]:
        return None  # a bare "الشهر" is no date; "نهاية الشهر" is
    word = m["u"] or (m["u2"] or m["u3"] or "")[2:]
    unit: Unit = {"اسبوع": "week", "شهر": "month", "عام": "year", "سنه": "year"}[word]  # type: ignore[assignment]
    # "الأسبوع بعد المقبل": the week after next; "العام قبل الماضي": the year before last.
    rel = 2 if m["after"] else -2 if m["before"] else ar_rel(m["rel"]) if m["u"] else 0
    way, part = _direction(rel), _part(m)
    return Mention(*_at(m), "unit", way, 0.9, unit=unit, rel=rel, part=part, priority=2, week_start=SUNDAY)


def _rel_day(m: re.Match[str], nt: Normalized) -> Mention | None:
    rel = _key(m["rel"])
    if rel == "اليوم" and not m["wd"] and NOT_TODAY.match(nt.norm, m.end()):
        return None
    prev = _prev_word(nt, m.start())
    if rel == "غدا" and prev in ("قد", "لقد"):
        return None  # the verb "غدا" (became)
    if rel == "غد" and not (m["tod"] or m["yawm"] or m["wd"] or prev in ("حتي", "الي", "مساء", "صباح")):
        return None  # "غد أفضل" is a better future, not tomorrow
    if rel == "الغد" and prev in ("صحيفه", "جريده", "حزب", "موقع", "قناه", "تلفزيون"):
        return None
    days = REL_DAYS[rel]
    direction = _direction(days)
    if m["wd"]:
        wd = AR_WEEKDAYS["ال" + m["wd"][2:]]
        return Mention(*_at(m), "weekday", direction, 0.95, weekday=wd, anchor=days, priority=2)
    return Mention(m.start(), m.end(), "offset", days=days, direction=direction, confidence=0.95, priority=2)


def _weekday(m: re.Match[str], nt: Normalized) -> Mention | None:
    prev = _prev_word(nt, m.start())
    name = "ال" + m["wd"][2:]
    if name == "الاثنين" and (prev in ("بين", "كلا", "هذين", "لهذين") or nt.norm.startswith(" معا", m.end())):
        return None
    if name == "الاحد" and (prev == "الواحد" or nt.norm.startswith(" عشر", m.end())):
        return None
    rel = ar_rel(m["rel"]) if m["rel"] != "هذا" else 0
    if m["after"] and rel == 1:  # "الأربعاء بعد المقبل": the Wednesday after next
        rel = 2
    wd, wd2 = AR_WEEKDAYS[name], AR_WEEKDAYS["ال" + m["wd2"][2:]] if m["wd2"] else None
    return Mention(*_at(m), "weekday", _direction(rel), 0.85, weekday=wd, weekday2=wd2, rel=rel, priority=1)


def _weekday_day(m: re.Match[str], nt: Normalized) -> Mention | None:
    day = int(m["d"])
    if not 1 <= day <= 31:
        return None
    wd = AR_WEEKDAYS["ال" + m["wd"][2:]]
    return Mention(*_at(m), "weekday", "either", 0.85, weekday=wd, day=day, priority=2)


def _month_day(m: re.Match[str], nt: Normalized) -> Mention | None:
    d1, d2 = day_of(m["d1"]), day_of(m["d2"])
    if d1 is None or (m["d2"] and d2 is None):
        return None
    rel = ar_rel(m["rel"]) or 0
    return Mention(*_at(m), "unit", _direction(rel), 0.9, unit="month", rel=rel, day=d1, day2=d2, priority=3)


def _offset(m: re.Match[str], nt: Normalized) -> Mention | None:
    if ANCHORED.match(nt.norm, m.end()):
        return None  # "بعد يومين من المحادثات" counts from another event, not from today
    unit, implied = unit_of(m["u"])
    n = count_value(m["n"]) if m["n"] else implied
    if not n:
        return None
    if m["u"].startswith("سا"):  # hours: round up to days
        n, unit = max(1, -(-n // 24)), "day"
    pre = _key(m["pre"])
    if pre in ("خلال", "في غضون"):
        return Mention(m.start(), m.end(), "window", unit=unit, count=n, direction="future", confidence=0.7)
    sign = -1 if pre in ("قبل", "منذ") else 1
    return Mention(*_at(m), "offset", _direction(sign), 0.85, unit=unit, count=sign * n)


_SET_LATER = lazy_compile(
    r"(?:يحدد|تحديد|سيحدد|يعلن|سيعلن|الاعلان\s+عن)\s+(?:عن\s+)?(?:ال)?موعد(?:ه|ها)?\s+$"
)


def _vague(m: re.Match[str], nt: Normalized) -> Mention | None:
    if m["later"] and _SET_LATER.search(nt.norm, max(0, m.start() - 30), m.start()):
        return None  # «وسيحدد الموعد لاحقاً»: the date is not known yet
    if m["dir"] and m["u"] in ("اشهر", "شهور") and m["dir"] not in ("ماضيه", "منصرمه", "فائته"):
        return None  # «خلال الأشهر المقبلة» names no time an agenda can hold
    if m["dir"]:
        past = m["dir"] in ("ماضيه", "منصرمه", "فائته")
        if m["u"] == "ساعات":  # "خلال الساعات المقبلة": still today
            return Mention(*_at(m), "vague", "past" if past else "future", 0.6, days=0)
        return Mention(*_at(m), "vague", "past" if past else "future", 0.6, days=-1 if past else 1)
    if m["soon"]:
        return Mention(m.start(), m.end(), "vague", days=1, direction="future", confidence=0.6)
    text = m["later"]
    past = m["ls"] == "سابق" or text == "مؤخرا"
    direction: Direction = "past" if past else "future"
    if m["lday"]:
        return Mention(m.start(), m.end(), "offset", days=0, direction=direction, confidence=0.85)
    unit: Unit = {"اسبوع": "week", "شهر": "month", "عام": "year"}.get(m["lu"] or "", "day")  # type: ignore[assignment]
    return Mention(*_at(m), "vague", direction, 0.5, days=0 if past else 1, unit=unit, week_start=SUNDAY)


def _year(m: re.Match[str], nt: Normalized) -> Mention | None:
    start = m.start("y") if m["prep"] else m.start()
    return Mention(start, m.end(), "year", year=int(m["y"]), part=_part(m), confidence=0.85)


# fmt: off
_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], Normalized], Mention | None]], ...] = (
    (DATE, _date), (NUMERIC, _numeric), (HIJRI_NUMERIC, _hijri_numeric), (HIJRI, _hijri),
    (HIJRI_MONTH, _hijri_month), (FEAST, _feast),
    (MONTH_ONLY, _month_only), (UNIT, _unit_rel), (MONTH_DAY, _month_day), (REL_DAY, _rel_day),
    (WEEKDAY, _weekday), (WEEKDAY_DAY, _weekday_day), (OFFSET, _offset), (VAGUE, _vague), (YEAR_ONLY, _year),
)
# fmt: on


def scan_ar(nt: Normalized) -> list[Mention]:
    """Arabic date mentions in normalized text (overlapping candidates included; the caller settles them)."""
    if not GATE.search(nt.norm):
        return []
    out: list[Mention] = []
    for pattern, build in _RULES:
        for match in pattern.finditer(nt.norm):
            if match.end() > match.start() and (mention := build(match, nt)) is not None:
                out.append(mention)
    return out
