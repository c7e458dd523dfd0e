"""Provides the calendar arithmetic behind the date resolver: month ends and steps, the next and last
weekday, early/mid/late parts of a span, the year of a range's yearless start, choosing the occurrence of
a yearless date that the tense asks for, and Hijri conversion through `hijridate` (imported on first use).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def range_start_year(year: int | None, month: int, year2: int | None, month2: int | None) -> int | None:
    """The year of a date range's start (`month`, `year`): when the start has none, the end's year, or the
    year before when the start month comes after the end month ("30 December to 2 January 2025")."""
    if year is None and year2 is not None and month2 is not None:
        return year2 if month <= month2 else year2 - 1
    return year


def next_weekday(pub: date, weekday: int) -> date:
    """The first `weekday` strictly after `pub` (1..7 days on)."""
    return pub + timedelta(days=(weekday - pub.weekday() - 1) % 7 + 1)


def last_weekday(pub: date, weekday: int) -> date:
    """The last `weekday` strictly before `pub` (1..7 days back)."""
    return pub - timedelta(days=(pub.weekday() - weekday - 1) % 7 + 1)


def nearest_weekday(base: date, weekday: int) -> date:
    back = (base.weekday() - weekday) % 7
    return base - timedelta(days=back) if back <= 3 else base + timedelta(days=7 - back)


YEAR_PARTS = {"early": ((1, 1), (3, 31)), "mid": ((5, 1), (8, 31)), "late": ((10, 1), (12, 31))}


def part_range(first: date, last: date, part: str | None) -> tuple[date, date]:
    """Early, mid or late part of `[first, last]`: for months days 1-10, 11-20, 21-end; for years the first
    quarter, May to August, the last quarter; for weeks Monday-Tuesday, Wednesday-Thursday, Friday-Sunday."""
    if part is None:
        return first, last
    span = (last - first).days + 1
    if span >= 365:
        (m1, d1), (m2, d2) = YEAR_PARTS[part]
        return date(first.year, m1, d1), date(first.year, m2, d2)
    if span >= 28 and span <= 31:
        cuts = (first + timedelta(days=9), first + timedelta(days=10), first + timedelta(days=19))
    else:
        third = max(span // 3, 1)
        cuts = (
            first + timedelta(days=third - 1),
            first + timedelta(days=third),
            first + timedelta(days=2 * third - 1),
        )
    if part == "early":
        return first, cuts[0]
    if part == "mid":
        return cuts[1], cuts[2]
    return cuts[2] + timedelta(days=1), last


def choose(cands: list[tuple[date, date | None]], pub: date, way: str) -> tuple[date, date | None] | None:
    """Pick the candidate occurrence (one per year) that the tense asks for: the next one on or after the
    publication date when future, the last one on or before it when past, else the nearest."""
    if not cands:
        return None
    if way == "future":
        ahead = [c for c in cands if (c[1] or c[0]) >= pub]
        return ahead[0] if ahead else cands[-1]
    if way == "past":
        behind = [c for c in cands if c[0] <= pub]
        return behind[-1] if behind else cands[0]
    return min(cands, key=lambda c: abs((c[0] - pub).days))


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def hijri_date(y: int, m: int, d: int) -> date | None:
    from hijridate import Hijri  # noqa: PLC0415 (small, but only dates that need it pay the import)

    try:
        g = Hijri(y, m, d).to_gregorian()
        return date(g.year, g.month, g.day)
    except (ValueError, OverflowError):
        return None


def hijri_today(pub: date) -> tuple[int, int]:
    from hijridate import Gregorian  # noqa: PLC0415

    h = Gregorian(pub.year, pub.month, pub.day).to_hijri()
    return h.year, h.month


def hijri_month_len(y: int, m: int) -> int:
    from hijridate import Hijri  # noqa: PLC0415

    try:
        return int(Hijri(y, m, 1).month_length())
    except (ValueError, OverflowError):
        return 29
