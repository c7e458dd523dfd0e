"""Provides `render_ics`: the upcoming agenda as an RFC 5545 calendar (icalendar), one VEVENT per item.

Events are all-day (the articles give days, not times); DTEND is exclusive, so a 17-18 March visit ends on
the 19th. UIDs hash what identifies the real-world event, so re-exporting updates rather than duplicates.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from icalendar import Calendar
from icalendar import Event as VEvent

from briefing.models import AgendaItem, Briefing
from briefing.safetext import clean_line, safe_url


def uid(item: AgendaItem) -> str:
    e = item.event
    basis = "|".join([e.start.isoformat(), e.kind, e.where or "", *sorted(e.who)[:1]])
    return hashlib.sha1(basis.encode()).hexdigest()[:20] + "@briefing"


def render_ics(b: Briefing, stamp: datetime | None = None) -> str:
    cal = Calendar()
    cal.add("prodid", "-//briefing//upcoming events//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"briefing {b.date.isoformat()}")
    for item in b.upcoming:
        e = item.event
        ev = VEvent()
        ev.add("uid", uid(item))
        ev.add("dtstamp", stamp or b.now)
        ev.add("dtstart", e.start)
        ev.add("dtend", (e.end or e.start) + timedelta(days=1))
        status = "" if e.status == "firm" else f" ({clean_line(e.status)})"
        ev.add("summary", clean_line(e.summary) + status)
        if e.where:
            ev.add("location", clean_line(e.where))
        lines = []
        if e.who:
            lines.append("With: " + ", ".join(clean_line(w) for w in e.who))
        if e.date_text:
            lines.append(
                f"Date as reported: {clean_line(e.date_text)} (precision: {clean_line(e.precision)})"
            )
        lines.append("Sources:")
        lines += [
            f"- {clean_line(s.feed)}: {clean_line(s.title)} {safe_url(s.url)}".rstrip() for s in item.sources
        ]
        ev.add("description", "\n".join(lines))
        if e.status in ("cancelled",):
            ev.add("status", "CANCELLED")
        elif e.status != "firm":
            ev.add("status", "TENTATIVE")
        else:
            ev.add("status", "CONFIRMED")
        cal.add_component(ev)
    return str(cal.to_ical().decode("utf-8"))
