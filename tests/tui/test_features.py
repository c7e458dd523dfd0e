"""Pilot tests of the keys that reach the cache: `/` search, `f` filters, `m` mark read, `e` export, enter for
the full text, `a` for the actors view; the quick first view; the palette entries and remapping by id.

The cache is `tests/tui/fakes.FakeCache`: the fixture briefing behind the `CacheAccess` functions."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest

import briefing.tui.app as app_module
from briefing.tui.access import Filters
from briefing.tui.screens.article import ArticleScreen
from briefing.tui.screens.export import ExportScreen
from briefing.tui.screens.filters import FiltersScreen
from briefing.tui.screens.search import SearchScreen
from briefing.tui.widgets.actors import ActorsPane
from briefing.tui.widgets.agenda import AgendaPane
from briefing.tui.widgets.story import StoryPane
from tests.tui.conftest import RecordingApp, first_view, recording, screen_text, settle
from tests.tui.fakes import ARCHIVE, FakeCache
from tests.tui.fixtures import AID, ENGLISH, FEED_IDS, PEDERSEN, SEED, seed_briefing

SIZE = (160, 45)


def app_with(cache: FakeCache, **kwargs: object) -> RecordingApp:
    return RecordingApp(None, cache=cache.access(), **kwargs)  # type: ignore[arg-type]


def marks(app: RecordingApp) -> list[bool]:
    """The unread marks of the stories list, top to bottom."""
    return app.main.stories.unread_marks


def scope_of(pane: ActorsPane) -> str:
    return pane.scope  # a function: mypy would keep an earlier assert's narrowing of the attribute


def views(cache: FakeCache) -> list[tuple[Filters, bool]]:
    return [argument for name, argument in cache.calls if name == "view"]  # type: ignore[misc]


# --- `/` search -------------------------------------------------------------------------------------------


async def test_the_search_is_prepared_once_a_moment_after_the_first_complete_view() -> None:
    cache = FakeCache(fail={"prepare"})  # a failed head start is not the user's business
    app = app_with(cache)
    timers: list[tuple[float, object]] = []
    set_timer = app.set_timer

    def recording_timer(delay: float, callback: object = None, **kwargs: object) -> object:
        timers.append((delay, callback))
        return set_timer(1000.0, None, **kwargs)  # type: ignore[arg-type]  # never fires by itself

    app.set_timer = recording_timer  # type: ignore[method-assign,assignment]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "prepare" not in [name for name, _ in cache.calls]  # not while the first keys come
        prepares = [callback for delay, callback in timers if delay == app_module.PREPARE_AFTER]
        assert len(prepares) == 1 and app_module.PREPARE_AFTER >= 1.0
        prepares[0]()  # type: ignore[operator]  # the moment has passed
        await app.workers.wait_for_complete()
        app.start_build()  # a second view (after a refresh or a filter)
        await settle(pilot)
        await app.workers.wait_for_complete()
        assert len([callback for delay, callback in timers if delay == app_module.PREPARE_AFTER]) == 1
        assert [name for name, _ in cache.calls].count("prepare") == 1
        assert not app.said("error", "")


async def test_slash_searches_and_g_opens_the_story_of_a_hit() -> None:
    cache = FakeCache()
    app = app_with(cache)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"Iranian defence", "enter")
        await settle(pilot)
        assert ("search", "Iranian defence") in cache.calls
        assert [hit.title for hit in app.screen.hits] == [SEED.articles[2].title]
        assert "1 article matches" in screen_text(app)
        await pilot.press("down", "g")
        await settle(pilot)
        story = app.main.query_one(StoryPane)
        assert not isinstance(app.screen, SearchScreen)
        assert story.story == SEED and app.focused is story
        assert story.selected_article == SEED.articles[2]  # the hit, not the story's first article


async def test_a_hit_in_another_story_selects_that_story() -> None:
    cache = FakeCache()
    app = app_with(cache)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Mediators", "enter")
        await settle(pilot)
        await pilot.press("down", "g")
        await settle(pilot)
        story = app.main.query_one(StoryPane)
        assert story.story == ENGLISH and story.selected_article == ENGLISH.articles[1]


async def test_a_hit_in_no_story_on_screen_opens_its_full_text() -> None:
    cache = FakeCache()
    app = app_with(cache, bidi="app")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"انهيار", "enter")
        await settle(pilot)
        await pilot.press("down", "g")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article.article_id == ARCHIVE.id and app.screen.text == ARCHIVE.text
        assert "يسايسلا راسملا" in screen_text(app)  # app mode: the cells hold the visual order


async def test_search_without_words_nothing_found_and_failures_are_said() -> None:
    cache = FakeCache(fail={"search"})
    app = app_with(cache)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", "space", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen) and "Type a word" in app.screen.status
        assert not [call for call in cache.calls if call[0] == "search"]
        await pilot.press(*"x", "enter")
        await settle(pilot)
        assert "Search failed" in app.screen.status and app.said("error", "database is locked")
        cache.fail.clear()
        await pilot.press(*"zzz", "enter")
        await settle(pilot)
        assert "Nothing matches" in app.screen.status
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SearchScreen)


async def test_search_filters_and_marks_need_the_cache() -> None:
    app = RecordingApp(seed_briefing)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in ("slash", "f", "m"):
            await pilot.press(key)
        assert not isinstance(app.screen, SearchScreen | FiltersScreen)
        assert app.said("warning", "Search is not available") and app.said("warning", "Filters are not")
        assert app.said("warning", "Marking read is not")


# --- `f` filters ------------------------------------------------------------------------------------------


async def open_filters(pilot: object, app: RecordingApp) -> FiltersScreen:
    await pilot.press("f")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    assert isinstance(app.screen, FiltersScreen)
    return app.screen


@pytest.mark.parametrize(
    ("button", "lang", "stories"), [("#lang-ar", "ar", [SEED, AID]), ("#lang-en", "en", [ENGLISH])]
)
async def test_language_filter(button: str, lang: str, stories: list[object]) -> None:
    cache = FakeCache()
    app = app_with(cache)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_filters(pilot, app)
        await pilot.click(button)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.filters == Filters(lang=lang)  # type: ignore[arg-type]
        assert views(cache)[-1][0] == Filters(lang=lang)  # type: ignore[arg-type]
        assert app.briefing is not None and list(app.briefing.stories) == stories
        assert f"filtered: {lang.upper()}" in screen_text(app)


async def test_feed_filter_lists_the_feeds_and_keeps_their_stories() -> None:
    cache = FakeCache()
    app = app_with(cache, bidi="app")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_filters(pilot, app)
        assert ("feeds", None) in cache.calls
        text = screen_text(app)
        assert "قرشملا ةيقرب" in text and "Harbour Post" in text  # feed names, app bidi order
        feeds = screen.query_one("#feeds")
        feeds.focus()
        await pilot.press("down", "down", "down", "space")  # Harbour Post
        await pilot.click("#apply")
        await settle(pilot)
        assert app.filters.feeds == {FEED_IDS["Harbour Post"]}
        assert app.briefing is not None and list(app.briefing.stories) == [ENGLISH]
        assert "filtered: Harbour Post" in screen_text(app)


async def test_day_filter_and_a_bad_day() -> None:
    cache = FakeCache()
    app = app_with(cache)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_filters(pilot, app)
        screen.query_one("#day").focus()
        await pilot.press(*"16 March", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FiltersScreen) and "not a date" in screen_text(app)
        await pilot.press(*["backspace"] * 8, *"2024-03-10", "enter")
        await settle(pilot)
        assert app.filters == Filters(day=date(2024, 3, 10))
        assert app.briefing is not None and app.briefing.date == date(2024, 3, 10)
        assert "No stories" in screen_text(app) and "2024-03-10" in screen_text(app)


async def test_unread_only_filter_reset_and_cancel() -> None:
    cache = FakeCache(read={ref.article_id for ref in ENGLISH.articles if ref.article_id})
    app = app_with(cache)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert marks(app) == [True, False, True]  # the English story's articles are all read
        await open_filters(pilot, app)
        await pilot.click("#unread")
        await pilot.click("#apply")
        await settle(pilot)
        assert app.filters == Filters(unread_only=True)
        assert app.briefing is not None and list(app.briefing.stories) == [SEED, AID]
        await open_filters(pilot, app)
        await pilot.press("escape")  # cancel: nothing rebuilt
        await settle(pilot)
        calls = len(views(cache))
        assert app.filters == Filters(unread_only=True)
        await open_filters(pilot, app)
        await pilot.click("#reset")
        await settle(pilot)
        assert app.filters == Filters() and len(views(cache)) == calls + 1
        assert app.briefing is not None and len(app.briefing.stories) == 3
        assert "filtered" not in screen_text(app)


# --- `m` mark read ----------------------------------------------------------------------------------------


async def test_m_toggles_the_read_mark_of_the_selected_story() -> None:
    cache = FakeCache()
    app = app_with(cache)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert marks(app) == [True, True, True] and "●  1" in screen_text(app)
        await pilot.press("m")
        await settle(pilot)
        seed_ids = frozenset(ref.article_id for ref in SEED.articles if ref.article_id)
        # the search normalizer's warm-up (`prepare`, 3 s after the first view) may land in between
        calls = [call for call in cache.calls if call[0] != "prepare"]
        assert calls[-1] == ("mark_read", (seed_ids, True))
        assert marks(app) == [False, True, True] and "●  1" not in screen_text(app)
        await pilot.press("j", "m", "m")  # the English story: read, then unread again
        await settle(pilot)
        assert marks(app) == [False, True, True]
        assert cache.read == seed_ids  # stored in the order pressed
        app.start_build()  # a rebuild keeps the marks: they come back from the cache
        await settle(pilot)
        assert marks(app) == [False, True, True]


async def test_a_failed_mark_is_undone_and_reported() -> None:
    cache = FakeCache(fail={"mark_read"})
    app = app_with(cache)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert marks(app) == [True, True, True]
        assert app.said("error", "mark_read failed")


async def test_marks_made_while_the_agenda_loads_survive_the_full_view() -> None:
    cache = FakeCache(two_phase=True)
    cache.gate = threading.Event()
    app = app_with(cache)
    async with app.run_test(size=SIZE) as pilot:
        await first_view(pilot)
        assert app.view is not None and not app.view.complete
        assert app.main.query_one(AgendaPane).loading and "agenda loading" in screen_text(app)
        await pilot.press("m")
        await pilot.pause()
        cache.gate.set()
        await settle(pilot)
        assert app.view.complete and marks(app) == [False, True, True]
        assert len(app.main.query_one(AgendaPane).marked_items) == 1
        assert [quick for _, quick in views(cache)] == [True, False]


# --- enter: full text; `a`: actors view -------------------------------------------------------------------


async def test_enter_on_an_article_shows_its_full_text_and_marks_it_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", recording(opened))
    cache = FakeCache()
    app = app_with(cache)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "j", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        second = SEED.articles[1]
        assert app.screen.article == second and ("article", second.article_id) in cache.calls
        assert "المحادثات ستستمر" in screen_text(app) and app.screen.text
        assert second.article_id in cache.read and second.article_id in app.read
        await pilot.press("o")
        assert opened == [second.url]
        await pilot.press("j", "k", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, ArticleScreen)
        assert marks(app) == [True, True, True]  # one of three articles read: the story stays unread


async def test_full_text_of_an_article_no_longer_cached() -> None:
    cache = FakeCache()
    cache.articles.clear()
    app = app_with(cache)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert "no longer in the cache" in screen_text(app)
        await pilot.press("q")  # closes the full text, does not quit
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, ArticleScreen)


async def test_a_toggles_story_actors_and_all_actors_with_counts() -> None:
    app = app_with(FakeCache())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.main.query_one(ActorsPane)
        assert scope_of(pane) == "story" and pane.actors == SEED.actors
        await pilot.press("a")
        await settle(pilot)
        assert scope_of(pane) == "all" and pane.actors[0] == PEDERSEN  # the most mentioned first
        text = screen_text(app)
        assert "All actors (8)" in text and "4 mentions · in 1 story" in text
        await pilot.press("j")  # the story changes; the all-actors view stays
        await settle(pilot)
        assert scope_of(pane) == "all" and len(pane.actors) == 8
        await pilot.press("a")
        await settle(pilot)
        assert scope_of(pane) == "story" and pane.actors == ENGLISH.actors


# --- `e` export -------------------------------------------------------------------------------------------


async def test_e_exports_the_current_view_to_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = app_with(FakeCache())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("enter")
        await settle(pilot)
        written = tmp_path / "briefing-2024-03-16.md"
        text = written.read_text(encoding="utf-8")
        assert text.startswith("# Briefing") and "وزير دفاع النظام السوري" in text  # logical order
        assert app.said("information", str(written))
        await pilot.press("e", "enter")  # the default name is not reused
        await settle(pilot)
        assert (tmp_path / "briefing-2024-03-16-2.md").exists()


async def test_export_to_a_chosen_path_of_the_filtered_view(tmp_path: Path) -> None:
    app = app_with(FakeCache())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_filters(pilot, app)
        await pilot.click("#lang-en")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert "filtered: EN" in screen_text(app)
        field = app.screen.query_one("#path")
        field.value = str(tmp_path / "missing" / "x.md")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen) and "no such directory" in screen_text(app)
        field.value = str(tmp_path / "gaza.md")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        text = (tmp_path / "gaza.md").read_text(encoding="utf-8")
        assert "Gaza truce talks" in text and "وزير دفاع" not in text


async def test_export_waits_for_the_agenda() -> None:
    cache = FakeCache(two_phase=True)
    cache.gate = threading.Event()
    app = app_with(cache)
    async with app.run_test(size=SIZE) as pilot:
        await first_view(pilot)
        await pilot.press("e")
        assert app.said("warning", "still loading") and not isinstance(app.screen, ExportScreen)
        cache.gate.set()
        await settle(pilot)


# --- palette and keymap -----------------------------------------------------------------------------------


async def test_palette_has_an_entry_for_each_new_action() -> None:
    cache = FakeCache()
    app = app_with(cache, keymap={"search": "ctrl+f"})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        commands = {command.title: command for command in app.get_system_commands(app.screen)}
        for title in (
            "Search the cache",
            "Filters",
            "Mark read / unread",
            "Export as Markdown",
            "Actors: story / all",
            "Full text",
        ):
            assert title in commands
        assert "(^f)" in commands["Search the cache"].help
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Mark read", "enter")
        await settle(pilot)
        assert marks(app)[0] is False
        commands["Actors: story / all"].callback()
        await settle(pilot)
        assert app.main.query_one(ActorsPane).scope == "all"
        commands["Full text"].callback()
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)


async def test_new_bindings_are_remapped_by_id() -> None:
    cache = FakeCache()
    keymap = {"search": "ctrl+f", "filters": "F", "mark-read": "space", "export": "x", "actors-scope": "A"}
    app = app_with(cache, keymap=keymap)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", "f", "m", "e", "a")
        await settle(pilot)
        assert app.screen is app.main and marks(app)[0] is True
        assert app.main.query_one(ActorsPane).scope == "story"
        await pilot.press("space", "A")
        await settle(pilot)
        assert marks(app)[0] is False and app.main.query_one(ActorsPane).scope == "all"
        await pilot.press("ctrl+f")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape", "F")
        await settle(pilot)
        assert isinstance(app.screen, FiltersScreen)
        await pilot.press("escape", "x")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
