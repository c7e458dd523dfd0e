"""One time zone for every time shown (briefing.clock)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from briefing.clock import LOCAL, OUTLET, in_zone, shown_zone, zone_label

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


def test_the_zone_times_are_shown_in_is_chosen_in_one_place() -> None:
    now = datetime(2024, 3, 16, 20, 0, tzinfo=timezone(timedelta(hours=3)))
    published = datetime(2024, 3, 16, 19, 0, tzinfo=BEIRUT)
    assert shown_zone(now) == shown_zone(now, LOCAL) == now.tzinfo
    assert in_zone(published, shown_zone(now, LOCAL)).hour == 20  # the user's zone
    assert shown_zone(now, OUTLET) is None
    assert in_zone(published, shown_zone(now, OUTLET)).hour == 19  # the outlet's own offset
    assert zone_label(now, OUTLET) == "outlet's own"
    assert zone_label(now, LOCAL) == "UTC+03:00"
