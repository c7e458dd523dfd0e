"""Provides the short labels the panes show: times, day headings, language tags, counts, hosts.

English labels from a fixed table rather than `strftime`, so the screen does not depend on the locale.
Every label that carries feed text cleans it with `briefing.safetext`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from urllib.parse import urlsplit

from briefing.clock import in_zone, shown_zone
from briefing.models import AgendaItem, Briefing
from briefing.safetext import clean_line, safe_url
from briefing.words import count as count  # re-exported: the panes take every label from here

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class When:
    """The briefing's day and the zone its times are shown in (None: each its outlet's own): times on that
    day show as a clock, others with their date."""

    day: date
    tz: tzinfo | None

    @classmethod
    def of(cls, briefing: Briefing) -> When:
        return cls(briefing.date, shown_zone(briefing.now, briefing.times))


def day_label(day: date) -> str:
    """`Sun 17 Mar`."""
    return f"{DAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"


def long_day_label(day: date) -> str:
    """`Sat 16 Mar 2024`."""
    return f"{day_label(day)} {day.year}"


def stamp(moment: datetime, when: When) -> str:
    """`19:05` on the briefing's day, `15 Mar 19:05` on another, in the zone times are shown in."""
    moment = in_zone(moment, when.tz)
    clock = f"{moment.hour:02d}:{moment.minute:02d}"
    if moment.date() == when.day:
        return clock
    return f"{moment.day} {MONTHS[moment.month - 1]} {clock}"


def agenda_heading(item: AgendaItem) -> str:
    """The day group of an agenda item with its relative label: `Sun 17 Mar · tomorrow`."""
    event = item.event
    if event.precision == "week":
        label = f"Week of {event.start.day} {MONTHS[event.start.month - 1]}"
    elif event.precision == "month":
        label = f"{MONTHS[event.start.month - 1]} {event.start.year}"
    elif event.precision == "year":
        label = str(event.start.year)
    elif event.precision == "vague":
        label = "Date not fixed"
    else:
        label = day_label(event.start)
    relative = clean_line(item.relative)
    return f"{label} · {relative}" if relative else label


def span_label(item: AgendaItem) -> str:
    """`until Mon 18 Mar` for an event that lasts beyond its first day, else ""."""
    end = item.event.end
    if end is None or end <= item.event.start:
        return ""
    return f"until {day_label(end)}"


def lang_tag(lang: str | None) -> str:
    """`AR`, `EN`, or `··` when the language is unknown."""
    tag = clean_line(lang or "")[:2].upper()
    return tag if tag else "··"


def host(url: str) -> str:
    """The host of a safe link (`www.enabbaladi.net`), or "" for a link that will not be opened."""
    link = safe_url(url)
    if not link:
        return ""
    try:
        return clean_line(urlsplit(link).hostname or "")
    except ValueError:
        return ""
