"""Provides the temporal tagger and resolver: `find_timexes` finds date expressions in Arabic or English text
and resolves them against the article's publication date.

Work is split in two steps so that callers can resolve each expression with its own clause's tense: `scan`
(over the scanners in `ar_scan` / `en_scan`) finds `Mention`s, unresolved descriptions such as "weekday 6,
next" or "day 25 of month 3, no year", over normalized text; `resolve` turns a mention into dates. Resolution
runs in the publication's own UTC offset, because "tomorrow" means the day after the article's local date.
The types (`Mention`, `Normalized`, `Resolved`, `Timex`, `Tense`, ...) live in `types`; the calendar
arithmetic in `calendar`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from briefing.models import Precision
from briefing.nlp.timex import ar_scan, en_scan
from briefing.nlp.timex.calendar import (
    add_months,
    choose,
    hijri_date,
    hijri_month_len,
    hijri_today,
    last_weekday,
    month_end,
    nearest_weekday,
    next_weekday,
    part_range,
    safe_date,
)
from briefing.nlp.timex.context import settle_context
from briefing.nlp.timex.types import Mention, Normalized, Resolved, Tense, Timex, Unit

# --- resolution ---------------------------------------------------------------------------------


def _unit_range(pub: date, unit: Unit, rel: int, week_start: int = 0) -> tuple[date, date]:
    if unit == "week":
        first = pub - timedelta(days=(pub.weekday() - week_start) % 7) + timedelta(weeks=rel)
        return first, first + timedelta(days=6)
    if unit == "month":
        first = add_months(pub.replace(day=1), rel)
        return first, month_end(first.year, first.month)
    if unit == "year":
        return date(pub.year + rel, 1, 1), date(pub.year + rel, 12, 31)
    day = pub + timedelta(days=rel)
    return day, day


def _shift(pub: date, unit: Unit, n: int) -> date:
    if unit == "day":
        return pub + timedelta(days=n)
    if unit == "week":
        return pub + timedelta(weeks=n)
    return add_months(pub, n * (12 if unit == "year" else 1))


def _way(m: Mention, tense: Tense) -> str:
    if m.rel == 1 or m.direction == "future":
        return "future"
    if m.rel == -1 or m.direction == "past":
        return "past"
    return tense


def resolve(m: Mention, pub: date, tense: Tense = "unknown") -> Resolved | None:
    """Dates for a mention, or None when it names no real date (30 February) or one past the calendar's
    ends (a feed dated in year 9999 saying "next Sunday")."""
    try:
        if m.base is not None:  # said on an earlier day: "tomorrow" counts from that day
            counted = m.kind == "offset" and m.count > 0  # «في 29 مايو ... بعد أربعة أيام»: past or not
            said = _resolve(m.base, pub, "unknown" if counted else "past")
            if said is not None and (counted or said.value < pub):
                pub = said.value
        r = _resolve(m, pub, tense)
    except OverflowError:
        return None
    if r is not None and m.after:  # "after the Eid": from the day after, open-ended
        return Resolved(
            (r.value_end or r.value) + timedelta(days=1), None, "vague", r.confidence * 0.8, "future"
        )
    return r


def _resolve(m: Mention, pub: date, tense: Tense) -> Resolved | None:
    conf = m.confidence
    if m.kind == "offset":
        value = _shift(pub, m.unit, m.count if m.count else m.days)
        return Resolved(value, None, m.unit, conf, m.direction)
    if m.kind == "window":
        end = _shift(pub, m.unit, m.count) if m.count else None
        start = pub + timedelta(days=1) if m.direction == "future" else pub
        return Resolved(start, end, "vague", conf, m.direction)
    if m.kind == "vague":
        start = pub + timedelta(days=m.days)
        # "later this month": the window runs to the end of the current unit; "soon" has no end.
        end = _unit_range(pub, m.unit, 0, m.week_start)[1] if m.unit != "day" else None
        if end is not None and m.direction == "past":
            start, end = _unit_range(pub, m.unit, 0, m.week_start)[0], pub
        if end is not None and end < start:
            end = start
        return Resolved(start, end, "vague", conf, m.direction)
    if m.kind == "weekday" and m.weekday is not None:
        return _resolve_weekday(m, pub, tense)
    if m.kind == "unit" and m.unit == "month" and m.hijri:
        return _resolve_hijri_unit(m, pub)
    if m.kind == "unit" and m.day:  # "27 و28 من الشهر المقبل"
        first = _unit_range(pub, "month", m.rel or 0)[0]
        a_day = safe_date(first.year, first.month, m.day)
        b_day = safe_date(first.year, first.month, m.day2) if m.day2 else None
        return Resolved(a_day, b_day, "day", conf, m.direction) if a_day else None
    if m.kind == "unit":
        first, last = _unit_range(pub, m.unit, m.rel or 0, m.week_start)
        a, b = part_range(first, last, m.part)
        return Resolved(a, b, m.unit, conf, m.direction)
    if m.kind == "year" and m.year:
        a, b = part_range(date(m.year, 1, 1), date(m.year, 12, 31), m.part)
        return Resolved(a, b, "year", conf, m.direction)
    if m.kind == "month" and m.month:
        return _resolve_month(m, pub, tense)
    if m.kind == "date" and m.day and m.month:
        return _resolve_date(m, pub, tense)
    if m.kind in ("hijri", "hijri_month") and m.month:
        return _resolvehijri_date(m, pub, tense)
    return None


def _resolve_hijri_unit(m: Mention, pub: date) -> Resolved | None:
    """A day or part of the current, next or last Hijri month ("الـ25 من الشهر الجاري" in Shawwal)."""
    hy, hm = hijri_today(pub)
    y, mo = divmod(hm - 1 + (m.rel or 0), 12)
    year, month = hy + y, mo + 1
    if m.day:
        a_day = hijri_date(year, month, m.day)
        b_day = hijri_date(year, month, m.day2) if m.day2 else None
        return Resolved(a_day, b_day, "day", m.confidence, m.direction) if a_day else None
    first = hijri_date(year, month, 1)
    if first is None:
        return None
    a, b = part_range(first, first + timedelta(days=hijri_month_len(year, month) - 1), m.part)
    return Resolved(a, b, "month", m.confidence, m.direction)


def _weekday_of_month(m: Mention, pub: date, wd: int) -> date | None:
    """«يوم الأربعاء 27»: the day `m.day` of the last, this or the next month, Gregorian or Hijri, that falls
    on the weekday, nearest the publication (the article knows which month it means; the weekday says)."""
    day = m.day or 1
    cands = [safe_date(d.year, d.month, day) for d in (add_months(pub.replace(day=1), n) for n in (-1, 0, 1))]
    hy, hm = hijri_today(pub)
    for n in (-1, 0, 1):
        y, mo = divmod(hm - 1 + n, 12)
        cands.append(hijri_date(hy + y, mo + 1, day))
    fits = [c for c in cands if c is not None and c.weekday() == wd]
    return min(fits, key=lambda c: (abs((c - pub).days), c < pub)) if fits else None


def _resolve_weekday(m: Mention, pub: date, tense: Tense) -> Resolved:
    wd = m.weekday if m.weekday is not None else 0
    conf = m.confidence
    if m.day is not None and (value := _weekday_of_month(m, pub, wd)) is not None:
        return Resolved(
            value, None, "day", conf, "future" if value > pub else "past" if value < pub else "either"
        )
    if m.anchor is not None:
        base = pub + timedelta(days=m.anchor)
        if base.weekday() == wd:
            return _weekday_range(m, base, conf)
        # The weekday and the relative word disagree: trust the weekday, nearest to what the word said.
        return _weekday_range(m, nearest_weekday(base, wd), conf * 0.6)
    way = _way(m, tense)
    if m.rel is not None and m.rel >= 1:
        value = next_weekday(pub, wd) + timedelta(weeks=m.rel - 1)
    elif m.rel == -1:
        value = last_weekday(pub, wd)
    elif pub.weekday() == wd and m.rel in (0, None):
        # News names the day it is published by its weekday («السبت», "on Saturday"): that day, not next week.
        value = pub
    elif way == "future":
        value = next_weekday(pub, wd)
    elif way == "past":
        value = pub if pub.weekday() == wd else last_weekday(pub, wd)
    else:
        value, conf = nearest_weekday(pub, wd), conf * 0.75
    return _weekday_range(m, value, conf)


def _weekday_range(m: Mention, value: date, conf: float) -> Resolved:
    """ "يومي الأحد والاثنين": the second weekday ends the span, on or after the first."""
    end = None
    if m.weekday2 is not None:
        end = value + timedelta(days=(m.weekday2 - value.weekday()) % 7)
    return Resolved(value, end, "day", conf, m.direction)


def _resolve_month(m: Mention, pub: date, tense: Tense) -> Resolved | None:
    month = m.month or 1
    if m.year or m.year_rel is not None:
        year = m.year or pub.year + (m.year_rel or 0)
    elif m.rel == 1:
        year = pub.year if month > pub.month else pub.year + 1
    elif m.rel == -1:
        year = pub.year if month < pub.month else pub.year - 1
    else:
        cands: list[tuple[date, date | None]] = [
            (date(y, month, 1), month_end(y, month)) for y in (pub.year - 1, pub.year, pub.year + 1)
        ]
        way = _way(m, tense)
        if way == "future":
            year = pub.year if month >= pub.month else pub.year + 1
        elif way == "past":
            year = pub.year if month <= pub.month else pub.year - 1
        else:
            pick = choose(cands, pub.replace(day=1), "unknown")
            year = pick[0].year if pick else pub.year
    a, b = part_range(date(year, month, 1), month_end(year, month), m.part)
    return Resolved(a, b, "month", m.confidence, m.direction)


def _resolve_date(m: Mention, pub: date, tense: Tense) -> Resolved | None:
    day, month = m.day or 1, m.month or 1
    day2, month2 = m.day2, m.month2 or month

    def make(y: int) -> tuple[date, date | None] | None:
        a = safe_date(y, month, day)
        if a is None:
            return None
        if day2 is None:
            return a, None
        b = safe_date(y, month2, day2)
        if b is not None and b < a:
            b = safe_date(y + 1, month2, day2)
        return (a, b) if b is not None else None

    if m.year or m.year_rel is not None:
        got = make(m.year or pub.year + (m.year_rel or 0))
        conf = m.confidence
    else:
        cands = [c for y in (pub.year - 1, pub.year, pub.year + 1) if (c := make(y)) is not None]
        way = _way(m, tense)
        got = choose(cands, pub, way)
        conf = m.confidence * (0.95 if way != "unknown" else 0.85)
    if got is None:
        return None
    if m.year2 and got[1] is not None:
        b = safe_date(m.year2, month2, day2 or 1)
        got = (got[0], b if b and b >= got[0] else got[1])
    return Resolved(got[0], got[1], "day", conf, m.direction)


def _resolvehijri_date(m: Mention, pub: date, tense: Tense) -> Resolved | None:
    month = m.month or 1
    hy_now, _ = hijri_today(pub)

    def make(y: int) -> tuple[date, date | None] | None:
        if m.kind == "hijri":
            a = hijri_date(y, month, m.day or 1)
            b = hijri_date(y, month, m.day2) if m.day2 else None
            return (a, b) if a else None
        first = hijri_date(y, month, 1)
        if first is None:
            return None
        last = first + timedelta(days=hijri_month_len(y, month) - 1)
        return part_range(first, last, m.part)

    if m.year or (m.rel == 0 and m.kind == "hijri"):
        got = make(m.year or hy_now)  # "25 شوال الجاري": the current Hijri year, even when just past
    else:
        cands = [c for y in (hy_now - 1, hy_now, hy_now + 1) if (c := make(y)) is not None]
        got = choose(cands, pub, _way(m, tense))
    if got is None:
        return None
    precision: Precision = "day" if m.kind == "hijri" else "month"
    return Resolved(got[0], got[1], precision, m.confidence, m.direction)


# --- the public entry point ---------------------------------------------------------------------


def scan(nt: Normalized, lang: str) -> list[Mention]:
    """Every date expression in the text, overlaps settled (longest, then highest priority, wins), without
    datelines, names and weekdays that introduce dates, relative days in reported speech anchored on when
    they were said (`context.settle_context`)."""
    found: list[Mention] = []
    if not lang.startswith("en"):
        found += ar_scan.scan_ar(nt)
    if not lang.startswith("ar"):
        found += en_scan.scan_en(nt)
    kept: list[Mention] = []
    for m in sorted(found, key=lambda x: (-(x.end - x.start), -x.priority, x.start)):
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return settle_context(nt, sorted(kept, key=lambda x: x.start))


def local_date(published: datetime) -> date:
    """The article's own calendar date (in the offset it was published with)."""
    return published.date()


def to_timex(nt: Normalized, m: Mention, r: Resolved) -> Timex:
    a, b = nt.span(m.start, m.end)
    return Timex(a, b, nt.text[a:b], r.value, r.value_end, r.precision, round(r.confidence, 3), r.direction)


def find_timexes(text: str, published: datetime, lang: str, tense: Tense = "unknown") -> list[Timex]:
    """Date expressions in `text`, resolved against `published` (timezone-aware) with the tense hint."""
    nt = Normalized.of(text)
    pub = local_date(published)
    out: list[Timex] = []
    for m in scan(nt, lang):
        r = resolve(m, pub, tense)
        if r is not None:
            out.append(to_timex(nt, m, r))
    return out
