"""Pilot tests of saved views (`V`, the palette) and of the query in the filters dialog: the desk keeps the
stories of the articles a query matches, the status bar names the view or the query, a bad query is one line
in the dialog."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, Static

from briefing.tui.access import Filters
from briefing.tui.screens.filters import FiltersScreen
from briefing.tui.screens.views import ViewsScreen
from tests.tui.conftest import RecordingApp, screen_text, settle
from tests.tui.fakes import FakeCache
from tests.tui.fixtures import AID, ENGLISH, SEED, seed_briefing

SIZES = [(80, 24), (100, 30), (160, 45)]
VIEWS = {"english": "lang:en", "starred": "+starred", "tehran": "طهران lang:ar"}


def app_with(cache: FakeCache, **kwargs: object) -> RecordingApp:
    return RecordingApp(None, cache=cache.access(), views=VIEWS, **kwargs)  # type: ignore[arg-type]


def shown(app: RecordingApp) -> list[str]:
    """The ids of the stories on the desk."""
    return [story.id for story in app.main.stories.stories]


def header(app: RecordingApp) -> str:
    return " ".join(screen_text(app).split("╭", 1)[0].split())


@pytest.mark.parametrize("size", SIZES)
async def test_v_lists_the_views_and_enter_filters_the_desk(size: tuple[int, int]) -> None:
    cache = FakeCache()
    app = app_with(cache)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert shown(app) == [SEED.id, ENGLISH.id, AID.id]
        await pilot.press("V")
        await settle(pilot)
        assert isinstance(app.screen, ViewsScreen)
        text = screen_text(app)
        assert "Saved views (3)" in text and "english" in text and "lang:en" in text
        assert app.screen.query_one(OptionList).option_count == 1 + len(VIEWS)
        await pilot.press("down", "enter")  # the first view
        await settle(pilot)
        assert app.screen is app.main
        assert app.filters == Filters(query="lang:en", view="english")
        assert shown(app) == [SEED.id, ENGLISH.id]  # the seed story has an English article
        assert [r.lang for r in app.main.stories.stories[0].articles] == ["en"]  # only that one
        assert "filtered: view english" in header(app)
        await pilot.press("f")  # the filters dialog shows the view's query
        await settle(pilot)
        assert isinstance(app.screen, FiltersScreen)
        assert app.screen.query_one("#query", Input).value == "lang:en"
        await pilot.press("escape", "V")
        await settle(pilot)
        assert app.screen.query_one(OptionList).highlighted == 1  # the view shown now
        await pilot.press("up", "enter")  # every article again
        await settle(pilot)
        assert app.filters == Filters() and shown(app) == [SEED.id, ENGLISH.id, AID.id]


async def test_a_view_keeps_the_other_filters_and_the_starred_view_follows_stars() -> None:
    cache = FakeCache(starred={ENGLISH.articles[0].article_id or 0})
    app = app_with(cache)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.dialogs.apply_filters(Filters(unread_only=True))
        await settle(pilot)
        app.saved_views.apply("starred")
        await settle(pilot)
        assert app.filters == Filters(unread_only=True, query="+starred", view="starred")
        assert shown(app) == [ENGLISH.id]


async def test_the_palette_has_one_entry_per_view() -> None:
    app = app_with(FakeCache())
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        commands = {command.title: command for command in app.get_system_commands(app.screen)}
        assert "(V)" in commands["Saved views"].help
        assert commands["View: tehran"].help == "Show the desk for طهران lang:ar"
        commands["View: tehran"].callback()
        await settle(pilot)
        assert app.filters.view == "tehran" and shown(app) == [SEED.id]


async def test_no_views_says_how_to_add_one() -> None:
    app = RecordingApp(None, cache=FakeCache().access())  # type: ignore[arg-type]
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("V")
        await settle(pilot)
        assert isinstance(app.screen, ViewsScreen)
        assert "None saved yet" in str(app.screen.query_one("#views-hint", Static).content)
        await pilot.press("enter")
        await settle(pilot)
        assert app.filters == Filters()


@pytest.mark.parametrize("size", SIZES)
async def test_the_query_in_the_filters_dialog(size: tuple[int, int]) -> None:
    cache = FakeCache()
    app = app_with(cache)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FiltersScreen)
        dialog.query_one("#query", Input).focus()
        await pilot.press(*"lang:fr", "enter")
        await settle(pilot)
        assert app.screen is dialog and dialog.query_one("#query", Input).has_focus
        assert "query: lang:fr: the languages are ar, en" in screen_text(app)
        dialog.query_one("#query", Input).value = ""
        await pilot.press(*"Mediators", "enter")
        await settle(pilot)
        assert app.filters == Filters(query="Mediators")
        assert shown(app) == [ENGLISH.id]
        assert "filtered: query Mediators" in header(app)


async def test_editing_a_views_query_makes_it_a_query_of_its_own() -> None:
    app = app_with(FakeCache())
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.saved_views.apply("english")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        field = app.screen.query_one("#query", Input)
        field.focus()
        await pilot.press("end", "space", *"Mediators", "enter")  # focus selects all: end keeps it
        await settle(pilot)
        assert app.filters == Filters(query="lang:en Mediators")


async def test_views_need_the_cache() -> None:
    app = RecordingApp(seed_briefing, views=VIEWS)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("V")
        await settle(pilot)
        assert app.screen is app.main and app.said("warning", "Saved views are not available")
