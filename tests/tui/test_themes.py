"""Theme files: the built-in ones load, a broken file is reported and skipped, never fatal."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from textual.command import Command, CommandList
from textual.pilot import Pilot

from briefing.config import load
from briefing.models import Briefing
from briefing.paths import builtin_themes_dir, config_file, user_themes_dir
from briefing.tui.theme_picker import OURS, STOCK
from briefing.tui.themes import DEFAULT_THEME, discover_themes, load_theme_file, load_themes
from tests.tui.conftest import RecordingApp, settle

BUILTIN = sorted(path.stem for path in builtin_themes_dir().glob("*.toml"))
APP_TCSS = Path(__file__).resolve().parents[2] / "briefing" / "tui" / "app.tcss"

GOOD = """
name = "{name}"
primary = "#336699"
background = "#101010"
dark = true
[variables]
"text-muted" = "auto 60%"
"block-cursor-text-style" = "bold underline"
"border" = "#336699 50%"
"""


def write(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def test_there_are_at_least_four_builtin_themes_and_all_load() -> None:
    loaded = load_themes([builtin_themes_dir()])
    assert loaded.errors == []
    assert {"briefing-dark", "briefing-light", "briefing-high-contrast"} <= set(loaded.themes)
    assert len(loaded.themes) >= 4 and DEFAULT_THEME in loaded.themes
    assert loaded.themes["briefing-light"].dark is False
    for theme in loaded.themes.values():
        theme.to_color_system().generate()  # every colour and variable is usable


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("name = [", "not valid TOML"),
        ('name = "x"', "primary is required"),
        ('primary = "#fff"', "name must be"),
        ('name = "x"\nprimary = "not-a-colour"', "primary = 'not-a-colour' is not a colour"),
        ('name = "x"\nprimary = 3', "primary must be a colour string"),
        ('name = "x"\nprimary = "#fff"\ndark = "yes"', "dark must be true or false"),
        ('name = "x"\nprimary = "#fff"\nprimray = "#fff"', "unknown field(s): primray"),
        ('name = "x"\nprimary = "#fff"\n[variables]\nborder = "blurple"', "variables.border"),
        ('name = "x"\nprimary = "#fff"\n[variables]\n"block-cursor-text-style" = "loud"', "not a text style"),
        ('name = "x"\nprimary = "#fff"\nvariables = 3', "variables must be a table"),
        ('name = "x"\nprimary = "#fff"\ntext_alpha = 7', "between 0 and 1"),
        ('name = "../../etc"\nprimary = "#fff"', "name must be"),
    ],
)
def test_a_broken_theme_file_is_reported_with_its_reason(tmp_path: Path, text: str, reason: str) -> None:
    write(tmp_path, "ok.toml", GOOD.format(name="fine"))
    write(tmp_path, "broken.toml", text)
    loaded = load_themes([tmp_path])
    assert list(loaded.themes) == ["fine"]
    assert len(loaded.errors) == 1 and "broken.toml" in loaded.errors[0] and reason in loaded.errors[0]


def test_unreadable_and_non_utf8_files_are_reported(tmp_path: Path) -> None:
    (tmp_path / "latin1.toml").write_bytes(b'name = "caf\xe9"\nprimary = "#fff"\n')
    (tmp_path / "dir.toml").mkdir()
    loaded = load_themes([tmp_path, tmp_path / "missing"])
    assert loaded.themes == {}
    assert any("latin1.toml: not UTF-8" in error for error in loaded.errors)
    assert any("dir.toml: cannot read" in error for error in loaded.errors)


def test_a_user_theme_replaces_a_builtin_of_the_same_name() -> None:
    write(user_themes_dir(), "mine.toml", GOOD.format(name="briefing-dark"))
    assert discover_themes().themes["briefing-dark"].primary == "#336699"
    assert load_theme_file(user_themes_dir() / "mine.toml").variables["text-muted"] == "auto 60%"


def test_app_tcss_uses_theme_variables_only() -> None:
    declarations = re.findall(
        r"^\s+([a-z-]+):\s*([^;]+);", APP_TCSS.read_text(encoding="utf-8"), re.MULTILINE
    )
    coloured = [
        (prop, value)
        for prop, value in declarations
        if "color" in prop
        or "background" in prop
        or prop in ("border", "border-top", "border-bottom", "border-left", "border-right")
        and value.strip() != "none"
    ]
    assert len(coloured) > 20
    for prop, value in coloured:
        assert "$" in value and "#" not in value and "rgb" not in value, f"{prop}: {value}"


async def test_a_broken_user_theme_is_a_notification_not_a_crash(briefing: Briefing) -> None:
    write(user_themes_dir(), "broken.toml", "name = [")
    write(user_themes_dir(), "wrong.toml", 'name = "wrong"\nprimary = "blurple"')
    write(user_themes_dir(), "mine.toml", GOOD.format(name="mine"))
    app = RecordingApp(lambda: briefing, theme="mine")
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert app.is_running and app.theme == "mine"
        assert app.said("warning", "broken.toml: not valid TOML")
        assert app.said("warning", "wrong.toml: primary = 'blurple' is not a colour")
        assert "wrong" not in app.available_themes


async def test_a_short_theme_name_means_the_builtin(briefing: Briefing) -> None:
    app = RecordingApp(lambda: briefing, theme="light")
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert app.theme == "briefing-light" and app.notes == []


async def test_an_unknown_theme_falls_back_to_the_default(briefing: Briefing) -> None:
    app = RecordingApp(lambda: briefing, theme="no-such-theme")
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert app.theme == DEFAULT_THEME and app.said("warning", "Unknown theme 'no-such-theme'")


@pytest.mark.parametrize("name", BUILTIN)
async def test_theme_parameter_selects_a_theme(briefing: Briefing, name: str) -> None:
    app = RecordingApp(lambda: briefing, theme=name)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert app.theme == name and app.notes == []


async def test_switching_theme_restyles_the_panes(briefing: Briefing) -> None:
    app = RecordingApp(lambda: briefing)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        stories = app.main.query_one("#stories")
        dark = stories.styles.background
        app.theme = "briefing-light"
        await settle(pilot)
        assert stories.styles.background != dark
        assert stories.styles.background.hex.upper() == "#FFFFFF"


async def test_the_palette_theme_switcher_lists_the_builtin_themes(briefing: Briefing) -> None:
    app = RecordingApp(lambda: briefing)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("t")  # the theme binding opens the palette's theme switcher
        await pilot.pause()
        await pilot.press(*"briefing-sand")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app.theme == "briefing-sand"
        assert {f"{name}" for name in BUILTIN} <= set(app.available_themes)
        assert os.environ["BRIEFING_CONFIG_DIR"]  # the user's own themes are not in play


def palette_entries(app: RecordingApp) -> list[tuple[str, str]]:
    """(name, help) of each entry the open theme picker lists, top to bottom."""
    listed = app.screen.query_one(CommandList)
    entries = []
    for index in range(listed.option_count):
        option = listed.get_option_at_index(index)
        assert isinstance(option, Command)
        entries.append((str(option.hit.text), str(option.hit.help)))
    return entries


async def pick(pilot: Pilot[None], name: str) -> None:
    await pilot.press("t")
    await pilot.pause()
    await pilot.press(*name)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await settle(pilot)


async def test_the_picker_lists_our_themes_and_the_users_before_the_stock_ones(briefing: Briefing) -> None:
    write(user_themes_dir(), "mine.toml", GOOD.format(name="zz-mine"))
    app = RecordingApp(lambda: briefing)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await pilot.pause(0.5)
        entries = palette_entries(app)
        ours = len(BUILTIN) + 1
        assert sorted(name for name, _ in entries[:ours]) == sorted([*BUILTIN, "zz-mine"])
        assert entries[0] == (DEFAULT_THEME, f"{OURS} (current)")
        assert len(entries) > ours and all(help_text == STOCK for _, help_text in entries[ours:])
        assert "textual-dark" in {name for name, _ in entries[ours:]}


async def test_a_chosen_theme_is_saved_and_the_next_start_uses_it(briefing: Briefing) -> None:
    app = RecordingApp(lambda: briefing)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pick(pilot, "briefing-sand")
        assert app.theme == "briefing-sand" and app.said("information", "saved in config.toml")
    assert config_file().read_text(encoding="utf-8") == 'theme = "briefing-sand"\n'
    settings = load()
    again = RecordingApp(lambda: briefing, theme=settings.theme)
    async with again.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert again.theme == "briefing-sand" and again.notes == []


async def test_saving_a_theme_keeps_the_other_settings_and_comments(briefing: Briefing) -> None:
    text = (
        "# mine, keep\n"
        'theme = "briefing-dark"   # the night theme\n'
        'bidi = "app"\n'
        "\n"
        "# my views\n"
        "[views]\n"
        'morning = "+unread lang:ar @1-day"\n'
    )
    config_file().parent.mkdir(parents=True, exist_ok=True)
    config_file().write_text(text, encoding="utf-8")
    app = RecordingApp(lambda: briefing)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pick(pilot, "briefing-light")
    assert config_file().read_text(encoding="utf-8") == text.replace(
        '"briefing-dark"   #', '"briefing-light"   #'
    )
    settings = load()
    assert (settings.theme, settings.bidi) == ("briefing-light", "app")
    assert settings.views == {"morning": "+unread lang:ar @1-day"}


async def test_a_theme_given_at_start_is_not_saved_and_a_named_config_file_is_used(
    briefing: Briefing, tmp_path: Path
) -> None:
    named = tmp_path / "elsewhere.toml"
    app = RecordingApp(lambda: briefing, theme="briefing-light", config_file=named)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert app.theme == "briefing-light" and not named.exists() and not config_file().exists()
        await pick(pilot, "briefing-high-contrast")
    assert named.read_text(encoding="utf-8") == 'theme = "briefing-high-contrast"\n'
    assert not config_file().exists()


async def test_a_theme_that_cannot_be_saved_is_an_error_notification(briefing: Briefing) -> None:
    config_file().parent.parent.mkdir(parents=True, exist_ok=True)
    config_file().parent.write_text("not a directory", encoding="utf-8")  # the config dir is a file
    app = RecordingApp(lambda: briefing)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pick(pilot, "briefing-sand")
        assert app.is_running and app.theme == "briefing-sand"
        assert app.said("error", "briefing-sand is used for now but not saved")


async def test_a_config_file_that_is_not_toml_is_not_overwritten(briefing: Briefing) -> None:
    config_file().parent.mkdir(parents=True, exist_ok=True)
    config_file().write_text("theme = [\n", encoding="utf-8")
    app = RecordingApp(lambda: briefing)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pick(pilot, "briefing-sand")
        assert app.is_running and app.said("error", "not valid TOML")
    assert config_file().read_text(encoding="utf-8") == "theme = [\n"
