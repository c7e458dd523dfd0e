"""A headline's event joins the agenda only when the body tells no upcoming event: a headline that says
"in April" about a meeting the body dates to 3 and 4 April is the same event, not a second one."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from briefing.models import Event
from briefing.nlp.title import with_title

PUBLISHED = datetime(2024, 3, 15, 12, 0, tzinfo=timezone(timedelta(hours=3)))


def _body_event() -> Event:
    return Event(
        summary="اللجنة الأمنية تجتمع في أنقرة",
        kind="meeting",
        trigger="اجتماع",
        date_text="في 3 و4 نيسان المقبل",
        start=date(2024, 4, 3),
        end=date(2024, 4, 4),
    )


def test_a_headline_month_around_the_body_dates_adds_no_event() -> None:
    title = "البلدان يتفقان على اجتماع أمني في نيسان المقبل"
    _, events = with_title(title, "ar", PUBLISHED, [], [_body_event()])
    assert [e.start for e in events] == [date(2024, 4, 3)]


def test_a_headline_event_counts_when_the_body_has_none() -> None:
    title = "الرئيس يزور القاهرة يوم الأحد المقبل"
    _, events = with_title(title, "ar", PUBLISHED, [], [])
    assert [e.start for e in events] == [date(2024, 3, 17)]
    _, events = with_title(title, "ar", PUBLISHED, [], [_body_event()])
    assert [e.start for e in events] == [date(2024, 4, 3)]  # the body's account stands
