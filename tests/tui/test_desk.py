"""Pilot tests of the reader's desk: unread counts, `n`/`p` next and previous unread, `M` mark everything in
view read and `u` undo, the feeds view (`L`), one time zone, the help key and the filters dialog at every
size (80x24, 100x30, 160x45)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from textual.widgets import Button, OptionList

from briefing.models import Briefing
from briefing.tui.access import FeedChoice, Filters
from briefing.tui.screens.article import ArticleScreen, paragraphs
from briefing.tui.screens.feeds import FeedsScreen, feed_parts
from briefing.tui.screens.filters import FiltersScreen
from tests.tui.conftest import RecordingApp, screen_text, settle
from tests.tui.fakes import FakeCache
from tests.tui.fixtures import AID, ENGLISH, FEED_IDS, SEED, seed_briefing

SIZES = [(80, 24), (100, 30), (160, 45)]
ALL_IDS = frozenset(
    r.article_id for s in (SEED, ENGLISH, AID) for r in s.articles if r.article_id is not None
)


def app_with(cache: FakeCache, **kwargs: object) -> RecordingApp:
    return RecordingApp(None, cache=cache.access(), **kwargs)  # type: ignore[arg-type]


def header(app: RecordingApp) -> str:
    """The status bar's text, its lines joined (a narrow screen wraps it)."""
    return " ".join(screen_text(app).split("╭", 1)[0].split())


@pytest.mark.parametrize("size", SIZES)
async def test_unread_counts_in_the_header_and_stories_title(size: tuple[int, int]) -> None:
    english = {r.article_id for r in ENGLISH.articles if r.article_id is not None}
    cache = FakeCache(read=english)
    app = app_with(cache)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        unread = len(ALL_IDS - english)
        assert f"{unread} unread" in header(app)
        assert app.main.stories.border_title == f"Stories (3 · {unread} unread)"
        await pilot.press("m")  # the first story read: the counts follow at once
        await settle(pilot)
        left = len(ALL_IDS - english - {r.article_id for r in SEED.articles})
        assert f"{left} unread" in header(app)
        assert app.main.stories.border_title == f"Stories (3 · {left} unread)"


@pytest.mark.parametrize("size", SIZES)
async def test_n_and_p_skip_read_stories(size: tuple[int, int]) -> None:
    english = {r.article_id for r in ENGLISH.articles if r.article_id is not None}
    cache = FakeCache(read=english)  # the second story is read
    app = app_with(cache)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert app.main.stories.highlighted == 0
        await pilot.press("n")
        await settle(pilot)
        assert app.main.selected_story == AID  # over the read English story
        await pilot.press("n")
        await settle(pilot)
        assert app.main.selected_story == AID and app.said("information", "No unread story below")
        await pilot.press("p")
        await settle(pilot)
        assert app.main.selected_story == SEED
        await pilot.press("p")
        await settle(pilot)
        assert app.said("information", "No unread story above")


@pytest.mark.parametrize("size", SIZES)
async def test_mark_everything_read_and_undo(size: tuple[int, int]) -> None:
    english = frozenset(r.article_id for r in ENGLISH.articles if r.article_id is not None)
    cache = FakeCache(read=english)
    app = app_with(cache)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("M")
        await settle(pilot)
        assert app.main.stories.unread_marks == [False, False, False]
        assert "0 unread" in header(app) and cache.read == set(ALL_IDS)
        assert app.said("information", f"Marked {len(ALL_IDS - english)} articles read")
        await pilot.press("u")  # only what M changed comes back: the English story stays read
        await settle(pilot)
        assert app.main.stories.unread_marks == [True, False, True]
        assert cache.read == set(english)
        await pilot.press("u")
        await settle(pilot)
        assert app.said("warning", "Nothing to undo")
        await pilot.press("M", "M")
        await settle(pilot)
        assert app.said("information", "Everything in view is read already")


async def test_m_can_be_undone_too() -> None:
    cache = FakeCache()
    app = app_with(cache)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("m", "u")
        await settle(pilot)
        assert app.main.stories.unread_marks == [True, True, True] and cache.read == set()


async def test_opening_an_article_marks_it_read_and_counts_drop() -> None:
    cache = FakeCache()
    app = app_with(cache)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert f"{len(ALL_IDS) - 1} unread" in header(app)


@pytest.mark.parametrize("size", SIZES)
async def test_feeds_view_lists_health_and_filters_the_desk(size: tuple[int, int]) -> None:
    cache = FakeCache()
    app = app_with(cache)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        assert isinstance(app.screen, FeedsScreen)
        text = screen_text(app)
        assert "1 feed failed at the last fetch: Harbour Post." in text
        assert "Feeds (7 ·" in text
        listing = app.screen.query_one(OptionList)
        assert listing.option_count == 1 + len(FEED_IDS)  # All feeds, then each feed
        harbour = next(f for f in app.screen.feeds if f.title == "Harbour Post")
        assert harbour.last_error and harbour.unread >= 0
        # The Meridian Monitor is the third feed: All feeds, then two feeds before it.
        listing.highlighted = 3
        await pilot.press("enter")
        await settle(pilot)
        assert app.filters == Filters(feeds=frozenset({FEED_IDS["The Meridian Monitor"]}))
        assert "The Meridian Monitor" in header(app)
        await pilot.press("L")
        await settle(pilot)
        assert isinstance(app.screen, FeedsScreen)
        assert app.screen.query_one(OptionList).highlighted == 3  # the feed shown now
        app.screen.query_one(OptionList).highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        assert app.filters == Filters()
        assert [name for name, _ in cache.calls].count("feeds") == 2  # read again each time


async def test_feeds_view_shows_the_error_line_and_escape_closes() -> None:
    cache = FakeCache()
    app = app_with(cache)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        assert "failed: HTTP 503 Service Unavailable" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.main and app.filters == Filters()


async def test_feeds_view_needs_the_cache() -> None:
    app = RecordingApp(seed_briefing)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("L", "M", "n")
        await settle(pilot)
        assert app.said("warning", "The feeds view is not available")
        assert app.said("warning", "Marking read is not available")


@pytest.mark.parametrize("size", SIZES)
async def test_one_time_zone_named_in_the_header(size: tuple[int, int]) -> None:
    app = app_with(FakeCache())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert "times UTC+03:00" in header(app)
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        first = SEED.articles[0].published
        assert f"{first.hour:02d}:{first.minute:02d}" in screen_text(app)


def briefing_with_times(times: str) -> Briefing:
    """The seed briefing with its newest article (18:40 in the briefing's zone, UTC+03:00) as its outlet gave
    it, 16:40 at UTC+01:00, shown in the zone `times` chooses."""
    first = SEED.articles[0]
    given = replace(first, published=first.published.astimezone(timezone(timedelta(hours=1))))
    seed = replace(SEED, articles=(given, *SEED.articles[1:]))
    base = seed_briefing()
    return replace(base, stories=(seed, *base.stories[1:]), times=times)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    ("times", "label", "clock"), [("local", "UTC+03:00", "18:40"), ("outlet", "outlet's own", "16:40")]
)
async def test_times_in_the_users_zone_or_each_outlets(
    size: tuple[int, int], times: str, label: str, clock: str
) -> None:
    other = "16:40" if clock == "18:40" else "18:40"
    app = app_with(FakeCache(briefing_with_times(times)))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert f"times {label}" in header(app)
        stories = app.main.query_one("#stories")
        listed = " ".join(s.text for s in stories.render_lines(stories.region.reset_offset))
        assert f"3 outlets · AR, EN · {clock}" in listed and other not in listed  # the newest article
        await pilot.press("enter")
        await settle(pilot)
        pane = "\n".join(part.text for part in app.main.story_pane.parts)
        assert f"برقية المشرق · {clock}" in pane and f"برقية المشرق · {other}" not in pane
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert f"Sat 16 Mar 2024 {clock}" in screen_text(app)


@pytest.mark.parametrize("size", SIZES)
async def test_the_help_key_is_always_in_the_footer(size: tuple[int, int]) -> None:
    app = app_with(FakeCache())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "? Help" in footer
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert "? Help" in screen_text(app).splitlines()[-1]


@pytest.mark.parametrize("size", SIZES)
async def test_panes_stack_below_120_columns(size: tuple[int, int]) -> None:
    app = app_with(FakeCache())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        stories = app.main.query_one("#stories").region
        story = app.main.query_one("#story").region
        if size[0] < 120:
            assert story.y >= stories.bottom and stories.width >= size[0] - 2
        else:
            assert story.x >= stories.right


@pytest.mark.parametrize("size", SIZES)
async def test_filters_dialog_buttons_are_on_screen(size: tuple[int, int]) -> None:
    app = app_with(FakeCache())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FiltersScreen)
        for button in app.screen.query(Button):
            region = button.region
            assert region.height > 0 and region.bottom <= size[1], button.id
        await pilot.click("#reset")
        await settle(pilot)
        assert app.screen is app.main


@pytest.mark.parametrize("size", SIZES)
async def test_y_copies_the_link_and_shows_it(size: tuple[int, int], monkeypatch: pytest.MonkeyPatch) -> None:
    copied: list[str] = []
    app = app_with(FakeCache())
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        url = SEED.articles[0].url
        assert copied == [url] and app.said("information", f"Link copied {url}")
        await pilot.press("enter", "enter", "y")  # in the full text: that article's link
        await settle(pilot)
        assert copied[-1] == SEED.articles[0].url


async def test_o_without_a_browser_shows_the_link(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("webbrowser.open", lambda url, *args, **kwargs: False)
    app = app_with(FakeCache())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert app.said("warning", f"No browser to open; the link {SEED.articles[0].url}")
        assert not app.said("information", "Opening in the browser")


def test_full_text_drops_the_page_furniture_the_analysis_strips() -> None:
    text = (
        "Skip to main content\n"
        "Talks resume in Cairo\n"
        "By Layla Haddad\n"
        "Negotiators met on Tuesday to discuss the truce.\n"
        "A delegation arrives at the talks (AFP)\n"
        "Share this article\n"
        "The next round is due next week."
    )
    assert paragraphs(text, "Talks resume in Cairo") == [
        "Negotiators met on Tuesday to discuss the truce.",
        "The next round is due next week.",
    ]
    assert paragraphs("one\n\n\ntwo") == ["one", "two"]


def test_the_feeds_view_shows_a_feeds_times_in_its_own_zone_for_outlet_times() -> None:
    fetched = datetime(2024, 3, 16, 17, 0, tzinfo=UTC)
    beirut = timezone(timedelta(hours=2))
    feed = FeedChoice(1, "Wire", 3, last_success=fetched, zone=beirut)
    assert "last fetched 16 Mar 20:00" in feed_parts(feed, timezone(timedelta(hours=3)))[1].text  # local
    assert "last fetched 16 Mar 19:00" in feed_parts(feed, None)[1].text  # the outlet's own
