"""SVG snapshots of the key screens (Textual is pinned exactly, so these are stable).

SVG viewers apply the bidi algorithm themselves: logical-order Arabic ("terminal" mode, the default here)
looks right in them, pre-reordered Arabic ("app" mode, `TestBidi`) looks reversed in them, and a Latin date
inside Arabic may be drawn flipped. What a terminal shows is checked from the cells in test_app.py and
test_features.py; these snapshots guard layout and colours. Regenerate with `pytest --snapshot-update` after
looking at the screen.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from briefing.paths import builtin_themes_dir
from briefing.tui.app import BriefingApp
from tests.tui.conftest import settle
from tests.tui.fakes import FakeCache
from tests.tui.fixtures import empty_briefing, seed_briefing

BUILTIN = sorted(path.stem for path in builtin_themes_dir().glob("*.toml"))
WIDE = (160, 45)
NARROW = (80, 24)
SnapCompare = Callable[..., bool]


async def ready(pilot: Pilot[None]) -> None:
    await settle(pilot)


class TestMainScreen:
    @pytest.mark.parametrize("theme", BUILTIN)
    def test_each_builtin_theme(self, snap_compare: SnapCompare, theme: str) -> None:
        app = BriefingApp(build=seed_briefing, theme=theme)
        assert snap_compare(app, terminal_size=WIDE, run_before=ready)

    def test_second_story_selected_story_pane_focused(self, snap_compare: SnapCompare) -> None:
        async def select(pilot: Pilot[None]) -> None:
            await settle(pilot)
            await pilot.press("j", "enter", "j")
            await settle(pilot)

        assert snap_compare(BriefingApp(build=seed_briefing), terminal_size=WIDE, run_before=select)


class TestEmptyCache:
    def test_empty_cache_message(self, snap_compare: SnapCompare) -> None:
        app = BriefingApp(build=empty_briefing, refresh=lambda progress: "ok")
        assert snap_compare(app, terminal_size=WIDE, run_before=ready)


class TestNarrow:
    def test_narrow_layout_stacks(self, snap_compare: SnapCompare) -> None:
        assert snap_compare(BriefingApp(build=seed_briefing), terminal_size=NARROW, run_before=ready)


class TestHelp:
    def test_help_screen(self, snap_compare: SnapCompare) -> None:
        async def open_help(pilot: Pilot[None]) -> None:
            await settle(pilot)
            await pilot.press("question_mark")
            await pilot.pause()

        assert snap_compare(BriefingApp(build=seed_briefing), terminal_size=WIDE, run_before=open_help)


class TestBidi:
    @pytest.mark.parametrize("mode", ["app", "terminal"])
    def test_main_screen_in_each_bidi_mode(self, snap_compare: SnapCompare, mode: str) -> None:
        app = BriefingApp(build=seed_briefing, bidi=mode)  # type: ignore[arg-type]
        assert snap_compare(app, terminal_size=WIDE, run_before=ready)


class TestFailedRefresh:
    def test_failed_refresh_keeps_the_view_and_says_why(self, snap_compare: SnapCompare) -> None:
        def refresh(progress: Callable[[int, int, str], None]) -> str:
            raise ConnectionError("network is unreachable")

        async def press_r(pilot: Pilot[None]) -> None:
            await settle(pilot)
            await pilot.press("r")
            await settle(pilot)

        app = BriefingApp(build=seed_briefing, refresh=refresh)
        assert snap_compare(app, terminal_size=WIDE, run_before=press_r)


class TestDialogs:
    """The screens behind the new keys, on the fake cache."""

    @pytest.mark.parametrize(
        "keys",
        [
            pytest.param(("slash", *"Gaza", "enter"), id="search-results"),
            pytest.param(("f",), id="filters"),
            pytest.param(("enter", "enter"), id="full-text"),
            pytest.param(("a", "m"), id="all-actors-and-read-mark"),
        ],
    )
    def test_dialog(self, snap_compare: SnapCompare, keys: tuple[str, ...]) -> None:
        async def press(pilot: Pilot[None]) -> None:
            await settle(pilot)
            await pilot.press(*keys)
            await settle(pilot)

        app = BriefingApp(cache=FakeCache().access())
        assert snap_compare(app, terminal_size=WIDE, run_before=press)


MEDIUM = (100, 30)
VIEWS = {"morning": "+unread lang:ar @1-day", "envoy": 'actor:"غير بيدرسون" kind:visit'}


class TestDesk:
    """The reader's desk at the three sizes: the main screen, the feeds view, everything marked read, the
    filters dialog (with its query), a starred story, the starred view and the saved views."""

    @pytest.mark.parametrize("size", [NARROW, MEDIUM, WIDE], ids=["80x24", "100x30", "160x45"])
    @pytest.mark.parametrize(
        "keys",
        [
            pytest.param((), id="main"),
            pytest.param(("L",), id="feeds-view"),
            pytest.param(("M",), id="all-read"),
            pytest.param(("n",), id="next-unread"),
            pytest.param(("f",), id="filters"),
            pytest.param(("s",), id="starred-story"),
            pytest.param(("s", "S"), id="starred-view"),
            pytest.param(("V",), id="views"),
        ],
    )
    def test_desk(self, snap_compare: SnapCompare, keys: tuple[str, ...], size: tuple[int, int]) -> None:
        async def press(pilot: Pilot[None]) -> None:
            await settle(pilot)
            await pilot.press(*keys)
            await settle(pilot)

        app = BriefingApp(cache=FakeCache().access(), views=VIEWS)
        assert snap_compare(app, terminal_size=size, run_before=press)
