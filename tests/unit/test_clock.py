"""One time zone for every time shown (briefing.clock)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from briefing.clock import in_zone, zone_label

BEIRUT = timezone(timedelta(hours=2))


def test_a_time_is_shown_in_the_briefing_zone() -> None:
    published = datetime(2024, 3, 16, 19, 0, tzinfo=BEIRUT)
    assert in_zone(published, UTC).hour == 17
    assert in_zone(published, None) == published
    naive = datetime(2024, 3, 16, 19, 0)
    assert in_zone(naive, UTC) is naive


def test_zone_labels() -> None:
    assert zone_label(datetime(2024, 3, 16, tzinfo=UTC)) == "UTC"
    assert zone_label(datetime(2024, 3, 16, tzinfo=BEIRUT)) == "UTC+02:00"
    assert zone_label(datetime(2024, 3, 16, tzinfo=timezone(-timedelta(hours=5, minutes=30)))) == "UTC-05:30"
    assert zone_label(datetime(2024, 3, 16)) == ""
