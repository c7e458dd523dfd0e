"""`briefing --no-color tui` (and `NO_COLOR`, and `color = false`) draws the app without colour: Textual's
monochrome filter turns every colour into a grey of the same lightness, so what is bold, dim or reversed
still shows, but no hue is left anywhere on the screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.app import App

from briefing.cli import main
from briefing.tui.app import BriefingApp
from tests.tui.conftest import RecordingApp, settle
from tests.tui.fixtures import seed_briefing

SIZE = (120, 40)


def hues(app: App[None]) -> set[str]:
    """The colours on the screen that are not greys (foreground and background of every cell)."""
    found: set[str] = set()
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            style = segment.style
            for colour in (style.color, style.bgcolor) if style else ():
                if colour is None:
                    continue
                rgb = colour.get_truecolor()
                if not rgb.red == rgb.green == rgb.blue:
                    found.add(rgb.hex)
    return found


@pytest.mark.parametrize(
    ("args", "env", "config"),
    [
        (["--no-color"], {}, ""),
        ([], {"NO_COLOR": "1"}, ""),
        ([], {}, "color = false\n"),
    ],
    ids=["flag", "env", "config"],
)
def test_every_way_of_asking_for_no_colour_reaches_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], env: dict[str, str], config: str
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)  # restored (unset) after the test: `tui` sets it
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text(config, encoding="utf-8")
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setattr("briefing.cli.app.load_briefing", lambda *a, **k: None)  # no sample fetch
    seen: list[bool] = []
    monkeypatch.setattr(BriefingApp, "run", lambda self, *a, **k: seen.append(self.no_color))
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "c.sqlite3"), *args, "tui"])
    assert result.exit_code == 0, result.output
    assert seen == [True]


@pytest.mark.parametrize("theme", ["briefing-dark", "briefing-light", "briefing-high-contrast"])
async def test_a_no_colour_app_draws_no_hue(monkeypatch: pytest.MonkeyPatch, theme: str) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    coloured = RecordingApp(seed_briefing, theme=theme)
    async with coloured.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert hues(coloured)  # the check sees colour when there is some
    monkeypatch.setenv("NO_COLOR", "1")
    app = RecordingApp(seed_briefing, theme=theme)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert hues(app) == set()
        await pilot.press("question_mark")  # the help screen, over the main one
        await settle(pilot)
        assert hues(app) == set()
