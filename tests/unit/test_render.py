"""Renderers: Markdown is CommonMark with no injected markup, ICS parses back, JSON keeps the contract shape,
and no control character reaches any output (RELIABILITY rows 1, 2, 7)."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest
from icalendar import Calendar
from markdown_it import MarkdownIt

from briefing.models import Actor, AgendaItem, ArticleRef, Briefing, Event, Story
from briefing.render.console import render_today
from briefing.render.ics import render_ics
from briefing.render.jsonout import briefing_json
from briefing.render.markdown import ALM, render_markdown

TZ = timezone(timedelta(hours=2))
NOW = datetime(2024, 3, 16, 23, 59, tzinfo=TZ)
HOSTILE = (
    "[bold]x[/] [link=file:///etc/passwd]y[/link] \x1b[2J\x1b]52;c;ZXZpbA==\x07 "
    "<script>alert(1)</script> *em* [/"
)


def sample(title: str = "وزير دفاع النظام السوري يلتقي نظيره الإيراني") -> Briefing:
    pedersen = Actor(
        "غير بيدرسون",
        "person",
        "Geir Pedersen",
        ("المبعوث الأممي الخاص إلى سورية",),
        "الأمم المتحدة",
        ("بيدرسون",),
        ((0, 5),),
        "person:geir pedersen",
    )
    event = Event(
        "غير بيدرسون يصل إلى دمشق",
        "visit",
        "يصل",
        "يوم غدٍ الأحد",
        date(2024, 3, 17),
        date(2024, 3, 18),
        who=("غير بيدرسون", "فيصل المقداد"),
        where="دمشق",
    )
    ref = ArticleRef(title, "https://www.example.com/a", "العربي الجديد", NOW - timedelta(hours=5), "ar", 1)
    bad = ArticleRef(HOSTILE, "javascript:alert(1)", HOSTILE, NOW - timedelta(hours=6), "en", 2)
    item = AgendaItem(event, (ref, bad), "tomorrow")
    story = Story(
        "s1",
        title,
        ("2024 كان عاماً صعباً على سورية.", HOSTILE),
        (ref, bad),
        (pedersen,),
        (item,),
        ("shared actors: غير بيدرسون",),
        "ar",
        5.0,
    )
    return Briefing(date(2024, 3, 16), NOW, (story,), (pedersen,), (item,))


def test_markdown_is_commonmark_with_sections_and_no_injected_markup() -> None:
    text = render_markdown(sample(HOSTILE))
    tokens = MarkdownIt("commonmark").parse(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert {"Stories", "Actors", "Upcoming"} <= set(headings)
    html = MarkdownIt("commonmark").render(text)
    assert "<script" not in html  # shown as &lt;script&gt;, never a tag
    assert "[link=file:///etc/passwd]" in html  # literal text, not a link
    assert "*em*" in html and "<em>em</em>" not in html  # emphasis from the feed stays literal
    links = re.findall(r'href="([^"]+)"', html)
    assert links and all(link.startswith("https://") for link in links)
    assert "\x1b" not in text and "\x07" not in text


def test_markdown_keeps_arabic_paragraphs_right_to_left() -> None:
    text = render_markdown(sample())
    assert ALM + "2024 كان عاماً صعباً على سورية." in text


def test_times_in_the_users_zone_or_each_outlets() -> None:
    """`NOW - 5 h` is 18:59 at UTC+2 (the briefing's zone); given at UTC+3 by its outlet it reads 19:59."""
    local = sample()
    story = local.stories[0]
    beirut = replace(
        story.articles[0], published=story.articles[0].published.astimezone(timezone(timedelta(hours=3)))
    )
    local = replace(local, stories=(replace(story, articles=(beirut, *story.articles[1:])),))
    outlet = replace(local, times="outlet")
    assert "*Times: UTC+02:00.*" in render_markdown(local) and "(2024-03-16 18:59)" in render_markdown(local)
    assert "*Times: outlet's own.*" in render_markdown(outlet) and "(2024-03-16 19:59)" in render_markdown(
        outlet
    )
    for briefing, shown in ((local, "16 Mar 18:59"), (outlet, "16 Mar 19:59")):
        out = io.StringIO()
        render_today(briefing, out, width=200, color=False)
        assert f"العربي الجديد, {shown}" in out.getvalue()


def test_ics_parses_back_with_stable_uids() -> None:
    b = sample()
    first, second = render_ics(b), render_ics(b)
    cal = Calendar.from_ical(first)
    [ev] = cal.walk("VEVENT")
    assert ev.decoded("dtstart") == date(2024, 3, 17)
    assert ev.decoded("dtend") == date(2024, 3, 19)  # exclusive end: the 17th and 18th
    assert str(ev["location"]) == "دمشق"
    assert "العربي الجديد" in str(ev["description"])
    assert "javascript:" not in first and "\x1b" not in first
    assert [e["uid"] for e in Calendar.from_ical(second).walk("VEVENT")] == [ev["uid"]]


def test_json_has_the_contract_shape_and_no_controls() -> None:
    out = briefing_json(sample(HOSTILE))
    data = json.loads(out)
    assert set(data) >= {"date", "stories", "actors", "upcoming"}
    story = data["stories"][0]
    assert set(story) >= {"headline", "summary", "articles", "actors", "events"}
    assert set(story["articles"][0]) >= {"title", "url", "feed", "published"}
    assert data["upcoming"][0]["start"] == "2024-03-17" and data["upcoming"][0]["end"] == "2024-03-18"
    assert "\x1b" not in out and "\\u001b" not in out and "\x07" not in out
    assert all(a["url"] in ("", "https://www.example.com/a") for a in story["articles"])


@pytest.mark.parametrize("color", [True, False])
def test_console_prints_literally_and_without_escapes(color: bool) -> None:
    buf = io.StringIO()
    render_today(sample(HOSTILE), buf, width=100, color=color)
    out = buf.getvalue()
    assert "[link=file:///etc/passwd]" in out  # shown literally
    assert "\x1b]8" not in out and "\x1b[2J" not in out and "\x1b]52" not in out
    assert "غير بيدرسون" in out and "Sun 17 Mar 2024 – Mon 18 Mar" in out
