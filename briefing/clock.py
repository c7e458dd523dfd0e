"""Provides the one time zone every time on screen is shown in, and how the header names it.

The briefing is built for a moment (`Briefing.now`, the user's local time unless `--now` says otherwise);
every published time the terminal, the app and the full text show is converted to that moment's zone, so
one article never shows as 17:00 in a list and 19:00 (its outlet's offset) in its header. The zone is
named once, in the header (`times UTC+02:00`).
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo


def in_zone(moment: datetime, zone: tzinfo | None) -> datetime:
    """`moment` in `zone` (unchanged when either has no zone)."""
    if zone is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(zone)


def zone_label(reference: datetime) -> str:
    """`UTC`, `UTC+02:00`, `UTC-05:30`: the offset of `reference` (its zone at that moment); "" if naive."""
    offset = reference.utcoffset()
    if offset is None:
        return ""
    if offset == timedelta(0):
        return "UTC"
    sign = "+" if offset > timedelta(0) else "-"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"
