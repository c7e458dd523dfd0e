"""Provides the one time zone every time on screen is shown in (`shown_zone`), and how the header names it
(`zone_label`).

The briefing is built for a moment (`Briefing.now`, the user's local time unless `--now` says otherwise).
By default (`times = "local"` in config.toml) every published time the terminal, the app, the full text and
the Markdown export show is converted to that moment's zone, so one article never shows as 17:00 in a list
and 19:00 (its outlet's offset) in its header. With `times = "outlet"` every time is shown in its outlet's
own zone instead: the offset its feed gave the published date, kept in the cache as the feed wrote it. Either
way the zone is named once, in the header (`times UTC+02:00`, `times outlet's own`). `shown_zone` is the one
place that choice is made; everything that shows a time passes its answer to `in_zone`.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

LOCAL = "local"
"""`times = "local"`: every time in the briefing's zone (the user's, or `--now`'s)."""
OUTLET = "outlet"
"""`times = "outlet"`: every time in its outlet's own zone (the offset of its feed's published dates)."""
TIMES = (LOCAL, OUTLET)
OUTLET_LABEL = "outlet's own"


def shown_zone(now: datetime, times: str = LOCAL) -> tzinfo | None:
    """The zone every time is shown in: `now`'s (the briefing's) for `local`, None (each moment keeps its
    own offset, the outlet's) for `outlet`."""
    return None if times == OUTLET else now.tzinfo


def in_zone(moment: datetime, zone: tzinfo | None) -> datetime:
    """`moment` in `zone` (unchanged when either has no zone: None is the outlet's own)."""
    if zone is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(zone)


def zone_label(reference: datetime, times: str = LOCAL) -> str:
    """`UTC`, `UTC+02:00`, `UTC-05:30`: the offset of `reference` (its zone at that moment), "" if naive;
    `outlet's own` when times are shown in each outlet's zone."""
    if times == OUTLET:
        return OUTLET_LABEL
    offset = reference.utcoffset()
    if offset is None:
        return ""
    if offset == timedelta(0):
        return "UTC"
    sign = "+" if offset > timedelta(0) else "-"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"
