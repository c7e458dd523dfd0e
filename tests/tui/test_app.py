"""Pilot tests of the main screen: every binding, the workers, and the panes following the selected story."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable

import pytest

from briefing.models import Briefing
from briefing.tui.screens.help import HelpScreen
from briefing.tui.widgets.actors import ActorsPane
from briefing.tui.widgets.agenda import AgendaPane
from briefing.tui.widgets.stories import StoriesList
from briefing.tui.widgets.story import StoryPane
from tests.tui.conftest import RecordingApp, recording, screen_text, settle
from tests.tui.fixtures import (
    AID,
    CAIRO_TALKS,
    ENGLISH,
    PEDERSEN_VISIT,
    SEED,
    SEED_HEADLINE,
    refreshed_briefing,
    seed_briefing,
)

SIZE = (160, 45)


def panes(app: RecordingApp) -> tuple[StoriesList, StoryPane, ActorsPane, AgendaPane]:
    main = app.main
    return (
        main.query_one(StoriesList),
        main.query_one(StoryPane),
        main.query_one(ActorsPane),
        main.query_one(AgendaPane),
    )


def actor_names(app: RecordingApp) -> list[str]:
    return [actor.name for actor in panes(app)[2].actors]


async def test_first_story_is_shown_with_its_actors_and_events(briefing: Briefing) -> None:
    app = RecordingApp(lambda: briefing)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        stories, story, _, agenda = panes(app)
        assert len(stories) == 3
        assert story.story == SEED
        assert actor_names(app) == [actor.name for actor in SEED.actors]
        assert agenda.marked_items == [PEDERSEN_VISIT]
        text = screen_text(app)
        assert "Stories (3 · 6 unread)" in text and "Sun 17 Mar · tomorrow" in text
        assert "Geir Pedersen" in text and "دمشق" in text
        assert app.focused is stories


@pytest.mark.parametrize(("down", "up"), [("down", "up"), ("j", "k")])
async def test_moving_in_the_list_changes_story_actors_and_events(
    briefing: Briefing, down: str, up: str
) -> None:
    app = RecordingApp(lambda: briefing)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        _, story, _, agenda = panes(app)
        await pilot.press(down)
        await settle(pilot)
        assert story.story == ENGLISH
        assert actor_names(app) == ["William Burns", "Mohammed bin Abdulrahman Al Thani"]
        assert agenda.marked_items == [CAIRO_TALKS]
        assert "Gaza truce talks to resume in Cairo" in screen_text(app)
        await pilot.press(down)
        await settle(pilot)
        assert story.story == AID and actor_names(app) == ["الأمم المتحدة"]
        await pilot.press(up, up)
        await settle(pilot)
        assert story.story == SEED and agenda.marked_items == [PEDERSEN_VISIT]


async def test_tab_and_shift_tab_move_between_panes(briefing: Briefing) -> None:
    app = RecordingApp(lambda: briefing)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        stories, story, actors, agenda = panes(app)
        seen = [app.focused]
        for _ in range(3):
            await pilot.press("tab")
            seen.append(app.focused)
        assert seen == [stories, story, actors, agenda]
        await pilot.press("shift+tab")
        assert app.focused is actors


async def test_enter_opens_the_story_and_j_moves_the_article_cursor(briefing: Briefing) -> None:
    app = RecordingApp(lambda: briefing)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        _, story, _, _ = panes(app)
        await pilot.press("enter")
        assert app.focused is story
        assert story.selected_article == SEED.articles[0]
        await pilot.press("j", "down")
        assert story.selected_article == SEED.articles[2]
        await pilot.press("j")  # stays on the last article
        assert story.selected_article == SEED.articles[2]
        await pilot.press("k")
        assert story.selected_article == SEED.articles[1]


def row_backgrounds(pane: StoryPane | AgendaPane, key: object) -> set[str]:
    """The background colours drawn on the lines of the parts whose key is `key`."""
    block, width = pane, pane.line_width
    colours: set[str] = set()
    for index, part in enumerate(block.visual.parts):
        if part.key == key:
            first, end = block.visual.span_of(index, width)
            for y in range(first, end):
                colours |= {
                    str(seg.style.bgcolor.name)
                    for seg in block.render_line(y)
                    if seg.style and seg.style.bgcolor
                }
    return colours


async def test_the_cursor_and_marked_events_are_drawn_across_the_pane(briefing: Briefing) -> None:
    app = RecordingApp(lambda: briefing)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        _, story, _, agenda = panes(app)
        plain = row_backgrounds(story, SEED.articles[1])
        blurred = row_backgrounds(story, SEED.articles[0])
        assert len(plain) == len(blurred) == 1 and blurred != plain  # one colour across the whole row
        await pilot.press("enter", "j")
        await settle(pilot)
        focused = row_backgrounds(story, SEED.articles[1])
        assert len(focused) == 1 and focused not in (plain, blurred)
        assert row_backgrounds(story, SEED.articles[0]) == plain
        [marked] = agenda.marked_items
        others = [item for item in agenda.shown_items if item != marked]
        assert row_backgrounds(agenda, marked) != row_backgrounds(agenda, others[0])


async def test_question_mark_opens_help_listing_the_bindings(briefing: Briefing) -> None:
    app = RecordingApp(lambda: briefing)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for line in ("Refresh", "Open link", "Quit", "Next pane", "Open story", "Next article", "Commands"):
            assert line in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


def gated_refresh(
    gate: threading.Event, reached: threading.Event
) -> Callable[[Callable[[int, int, str], None]], str]:
    def refresh(progress: Callable[[int, int, str], None]) -> str:
        progress(1, 2, "برقية المشرق")
        reached.set()
        gate.wait(10)
        progress(2, 2, "Harbour Post")
        return "5 new articles from 2 feeds"

    return refresh


async def wait_for(event: threading.Event) -> None:
    for _ in range(500):
        if event.is_set():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the worker never got there")


async def test_refresh_shows_progress_stays_responsive_then_shows_the_rebuilt_view() -> None:
    gate, reached = threading.Event(), threading.Event()
    built = [seed_briefing(), refreshed_briefing()]
    app = RecordingApp(
        lambda: built.pop(0) if len(built) > 1 else built[0], refresh=gated_refresh(gate, reached)
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await wait_for(reached)
        await pilot.pause()
        status = app.main.status
        assert status.refreshing and "Refreshing 1/2 · برقية المشرق" in status.progress_text
        assert "Refreshing 1/2" in screen_text(app)
        await pilot.press("r")  # a second refresh is refused while one runs
        assert app.said("information", "already running")
        await pilot.press("j")  # the UI keeps working during the refresh
        await pilot.pause()
        assert panes(app)[1].story == ENGLISH
        gate.set()
        await settle(pilot)
        assert not status.refreshing
        assert app.said("information", "5 new articles from 2 feeds")
        stories, story, _, _ = panes(app)
        assert len(stories) == 4 and app.briefing == refreshed_briefing()
        assert story.story == ENGLISH  # the selection survives the rebuild
        assert "Jordan reopens the Jaber crossing" in screen_text(app)


async def test_a_failed_refresh_reports_the_error_and_keeps_the_old_view(briefing: Briefing) -> None:
    builds: list[int] = []

    def build() -> Briefing:
        builds.append(1)
        return briefing

    def refresh(progress: Callable[[int, int, str], None]) -> str:
        progress(0, 3, "")
        raise ConnectionError("network is down [bold]x[/] \x1b[2J")

    app = RecordingApp(build, refresh=refresh)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert app.said("error", "ConnectionError: network is down [bold]x[/]")
        assert not any("\x1b" in message for _, _, message in app.notes)
        assert builds == [1]
        assert len(panes(app)[0]) == 3 and panes(app)[1].story == SEED
        assert not app.main.status.refreshing


async def test_refresh_without_a_refresher_says_how(briefing: Briefing) -> None:
    app = RecordingApp(lambda: briefing)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        assert app.said("warning", "briefing fetch")


async def test_o_opens_the_selected_article_over_http_only(
    briefing: Briefing, hostile: Briefing, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", recording(opened))
    app = RecordingApp(lambda: briefing)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        assert opened == ["https://levant-wire.example/ar/syria/683000"]
        await pilot.press("enter", "j", "o")
        assert opened[-1] == "https://gulf-observer.example/ar/syria-iran-defence"

    opened.clear()
    app = RecordingApp(lambda: hostile)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        assert opened == []
        assert app.said("warning", "no web link")


async def test_q_quits_with_exit_code_zero(briefing: Briefing) -> None:
    app = RecordingApp(lambda: briefing)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running


async def test_keymap_remaps_bindings_by_id(briefing: Briefing) -> None:
    calls: list[int] = []

    def refresh(progress: Callable[[int, int, str], None]) -> str:
        calls.append(1)
        return "done"

    app = RecordingApp(lambda: briefing, refresh=refresh, keymap={"refresh": "f5", "cursor-down": "n"})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert calls == []
        await pilot.press("f5")
        await settle(pilot)
        assert calls == [1]
        await pilot.press("n")
        await settle(pilot)
        assert panes(app)[1].story == ENGLISH
        await pilot.press("question_mark")
        await pilot.pause()
        assert "f5" in screen_text(app)


async def test_every_action_is_in_the_command_palette(briefing: Briefing) -> None:
    calls: list[int] = []

    def refresh(progress: Callable[[int, int, str], None]) -> str:
        calls.append(1)
        return "ok"

    app = RecordingApp(lambda: briefing, refresh=refresh)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {
            "Refresh feeds",
            "Open article link",
            "Help: keys",
            "Next story",
            "Previous story",
            "Open story",
            "Next pane",
            "Quit",
            "Theme",
        } <= titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Refresh feeds")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert calls == [1]


async def test_story_selection_from_the_palette(briefing: Briefing) -> None:
    app = RecordingApp(lambda: briefing)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_next_story()
        await settle(pilot)
        assert panes(app)[1].story == ENGLISH
        app.action_previous_story()
        app.action_open_story()
        await settle(pilot)
        assert panes(app)[1].story == SEED and app.focused is panes(app)[1]


async def test_empty_cache_says_how_to_fetch(empty: Briefing, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", recording(opened))
    app = RecordingApp(lambda: empty, refresh=lambda progress: "ok")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "No stories in the cache yet" in text and "briefing fetch" in text and "Press r" in text
        await pilot.press("j", "k", "tab", "enter", "o")
        assert opened == [] and app.said("warning", "No article selected")


async def test_a_failing_build_is_reported_not_fatal() -> None:
    def build() -> Briefing:
        raise OSError("cache.sqlite3 is locked")

    app = RecordingApp(build)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.said("error", "OSError: cache.sqlite3 is locked")
        assert "cache.sqlite3 is locked" in screen_text(app)
        assert app.is_running


async def test_bidi_app_mode_reorders_arabic_and_terminal_mode_keeps_logical_order(
    briefing: Briefing,
) -> None:
    for mode, expected in (("app", "ليئارسإ تابرض"), ("terminal", "ضربات إسرائيل")):
        app = RecordingApp(lambda: briefing, bidi=mode)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            pane = app.main.story_pane
            assert pane.parts[0].text == SEED_HEADLINE  # the stored string is never changed
            first_line = pane.lines(pane.line_width)[0].plain
            assert first_line.startswith(" ") and not first_line.endswith(" ")  # right-aligned
            assert expected in screen_text(app)


async def test_narrow_terminal_stacks_the_panes(briefing: Briefing) -> None:
    app = RecordingApp(lambda: briefing)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        stories, story, actors, agenda = panes(app)
        assert app.main.has_class("-narrow")
        assert story.region.y > stories.region.y and story.region.x == stories.region.x
        await pilot.press("tab", "tab", "tab")
        await settle(pilot)
        assert app.focused is agenda and agenda.region.y < 24  # scrolled into view
        assert actors.region.x == stories.region.x


async def test_app_mode_keeps_feed_fields_apart_and_highlights_on_the_names(briefing: Briefing) -> None:
    app = RecordingApp(lambda: briefing, bidi="app")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "قرشملا ةيقرب · 18:40 · levant-wire.example" in text  # not "18:40 · قرشملا ةيقرب"
        assert "where: قشمد · who: دادقملا لصيف ،نوسرديب ريغ" in text
        assert "2024-03-17" in text  # the Latin date in the summary is not flipped
        bold = [
            segment.text
            for strip in app.screen._compositor.render_strips()
            for segment in strip
            if segment.style and segment.style.bold
        ]
        assert "نوسرديب ريغ" in bold and "دادقملا لصيف" in bold  # highlighted names survive reordering
