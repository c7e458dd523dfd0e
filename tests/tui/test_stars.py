"""Pilot tests of stars: `s` on a story, an article, the full text and a search result; the starred view
(`S`); stars kept across a rebuild, put back when storing fails; and escape from a result's full text back
to the results."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from briefing.tui.screens.article import ArticleScreen
from briefing.tui.screens.search import SearchScreen
from tests.tui.conftest import RecordingApp, screen_text, settle
from tests.tui.fakes import ARCHIVE, FakeCache
from tests.tui.fixtures import ENGLISH, SEED, seed_briefing

SIZES = [(80, 24), (100, 30), (160, 45)]
SEED_IDS = frozenset(r.article_id for r in SEED.articles if r.article_id is not None)


def app_with(cache: FakeCache, **kwargs: object) -> RecordingApp:
    return RecordingApp(None, cache=cache.access(), **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("size", SIZES)
async def test_s_stars_the_selected_story_and_again_unstars_it(size: tuple[int, int]) -> None:
    cache = FakeCache()
    app = app_with(cache)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert "★" not in screen_text(app)
        await pilot.press("s")
        await settle(pilot)
        assert app.main.stories.star_marks == [True, False, False]
        assert cache.stars == set(SEED_IDS)
        lines = screen_text(app).splitlines()
        first = next(i for i, line in enumerate(lines) if "Stories (" in line) + 1
        assert "★" in lines[first] and "1 " in lines[first]  # the first story's meta line
        assert app.said("information", f"Starred the story ({len(SEED_IDS)} articles)")
        await pilot.press("s")
        await settle(pilot)
        assert app.main.stories.star_marks == [False, False, False] and cache.stars == set()
        assert "★" not in screen_text(app)


async def test_s_in_the_story_pane_stars_the_article_under_the_cursor() -> None:
    cache = FakeCache()
    app = app_with(cache)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "j", "s")  # the story pane, its second article
        await settle(pilot)
        second = SEED.articles[1].article_id
        assert cache.stars == {second}
        assert app.main.stories.star_marks[0] is True  # a story with a starred article shows the star
        pane = screen_text(app)
        assert sum(line.count("★") for line in pane.splitlines()) == 2  # the story's line, the article's
        assert app.said("information", "Starred the article")


async def test_stars_survive_a_rebuild_and_show_in_the_full_text() -> None:
    cache = FakeCache(starred={SEED.articles[0].article_id or 0})
    app = app_with(cache)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert app.main.stories.star_marks == [True, False, False]  # read from the cache
        await pilot.press("j", "s")  # the English story
        await settle(pilot)
        app.start_build()
        await settle(pilot)
        assert app.main.stories.star_marks == [True, True, False]
        await pilot.press("k", "enter", "enter")  # the seed story's first article, starred
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen) and app.screen.starred
        assert "★ starred" in screen_text(app)
        await pilot.press("s")
        await settle(pilot)
        assert not app.screen.starred and SEED.articles[0].article_id not in cache.stars
        await pilot.press("escape")
        await settle(pilot)
        assert app.main.stories.star_marks == [False, True, False]  # it was the story's only starred one
        english = {r.article_id for r in ENGLISH.articles}
        assert cache.stars == english


@pytest.mark.parametrize("size", SIZES)
async def test_the_starred_view_lists_reads_and_unstars(size: tuple[int, int]) -> None:
    cache = FakeCache(starred={ARCHIVE.id})
    app = app_with(cache)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("s")  # the seed story: its articles join the archive article
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert ("search", "+starred") in cache.calls
        assert {hit.id for hit in screen.hits} == SEED_IDS | {ARCHIVE.id}
        assert "Starred articles" in screen_text(app)
        assert screen.starred == SEED_IDS | {ARCHIVE.id}
        assert screen.query_one(OptionList).has_focus  # the cursor starts on the list
        await pilot.press("s")  # unstar the first result: it stays, without its star
        await settle(pilot)
        first = screen.hits[0]
        assert first.id not in cache.stars and first.id not in screen.starred
        assert len(screen.hits) == len(SEED_IDS) + 1
        await pilot.press("s")  # and back
        await settle(pilot)
        assert first.id in cache.stars
        await pilot.press("enter")  # read it: the full text over the starred view
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen) and app.screen.article.article_id == first.id
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen and screen.query_one(OptionList).has_focus
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.main
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#query").value == ""  # type: ignore[attr-defined]


async def test_escape_from_a_search_result_goes_back_to_the_results() -> None:
    cache = FakeCache()
    app = app_with(cache)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Iranian defence", "enter")
        await settle(pilot)
        search = app.screen
        assert isinstance(search, SearchScreen) and len(search.hits) == 1
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article.article_id == SEED.articles[2].article_id
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is search and [h.title for h in search.hits] == [SEED.articles[2].title]
        assert "1 article matches" in screen_text(app)


async def test_a_star_that_cannot_be_stored_is_put_back() -> None:
    cache = FakeCache(fail={"star"})
    app = app_with(cache)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert app.main.stories.star_marks == [False, False, False]
        assert app.said("error", "database is locked")


async def test_stars_need_the_cache() -> None:
    app = RecordingApp(seed_briefing)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("s", "S")
        await settle(pilot)
        assert app.said("warning", "Stars are not available")
        assert app.said("warning", "The starred view is not available")
        assert app.screen is app.main
