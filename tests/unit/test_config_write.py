"""`save_setting`: one top-level string set in config.toml, the other lines kept, nothing written on doubt."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from briefing import config
from briefing.config import ConfigError
from briefing.config_write import save_setting, toml_string

KEPT = """# my briefing settings
bidi = "app"   # Arabic laid out by the app
theme = "briefing-dark"  # the night one
concurrency = 8

# saved views, one per line
[views]
morning = "+unread lang:ar @1-day"
"""


def test_an_existing_line_gets_the_new_value_and_keeps_its_comment(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(KEPT, encoding="utf-8")
    save_setting(path, "theme", "briefing-sand")
    assert path.read_text(encoding="utf-8") == KEPT.replace(
        'theme = "briefing-dark"  # the night one', 'theme = "briefing-sand"  # the night one'
    )
    assert config.load(path).theme == "briefing-sand"


def test_a_missing_setting_goes_before_the_first_table_and_its_comment(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(KEPT.replace('theme = "briefing-dark"  # the night one\n', ""), encoding="utf-8")
    save_setting(path, "theme", "briefing-light")
    text = path.read_text(encoding="utf-8")
    assert 'concurrency = 8\ntheme = "briefing-light"\n\n# saved views, one per line\n[views]' in text
    assert "# my briefing settings\n" in text and 'bidi = "app"   # Arabic laid out by the app\n' in text
    settings = config.load(path)
    assert (settings.theme, settings.bidi, settings.concurrency) == ("briefing-light", "app", 8)
    assert settings.views == {"morning": "+unread lang:ar @1-day"}


def test_no_file_and_no_directory_yet(tmp_path: Path) -> None:
    path = tmp_path / "new" / "config.toml"
    save_setting(path, "theme", "briefing-sand")
    assert path.read_text(encoding="utf-8") == 'theme = "briefing-sand"\n'


def test_a_file_without_a_final_newline_and_only_tables(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[keymap]\nrefresh = "ctrl+r"', encoding="utf-8")
    save_setting(path, "theme", "x")
    assert tomllib.loads(path.read_text(encoding="utf-8")) == {"theme": "x", "keymap": {"refresh": "ctrl+r"}}
    assert path.read_text(encoding="utf-8").startswith('theme = "x"\n[keymap]')


def test_a_theme_key_inside_a_table_or_a_string_is_not_the_setting(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    text = 'note = """\ntheme = "inside a string"\n[not a table]\n"""\n[views]\ntheme = "+starred"\n'
    path.write_text(text, encoding="utf-8")
    save_setting(path, "theme", "briefing-sand")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["theme"] == "briefing-sand" and data["views"] == {"theme": "+starred"}
    assert data["note"] == 'theme = "inside a string"\n[not a table]\n'


def test_a_hash_inside_the_old_value_is_not_taken_for_a_comment(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "odd#name" # why\r\ncolor = true\r\n', encoding="utf-8")
    save_setting(path, "theme", "briefing-sand")
    assert path.read_bytes() == b'theme = "briefing-sand" # why\r\ncolor = true\r\n'


def test_a_file_that_is_not_toml_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("theme = [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        save_setting(path, "theme", "briefing-sand")
    assert path.read_text(encoding="utf-8") == "theme = [\n"


def test_a_symbolic_link_is_followed_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "config.toml"
    real.parent.mkdir()
    real.write_text("color = false\n", encoding="utf-8")
    link = tmp_path / "config.toml"
    link.symlink_to(real)
    save_setting(link, "theme", "briefing-sand")
    assert link.is_symlink()
    assert tomllib.loads(real.read_text(encoding="utf-8")) == {"color": False, "theme": "briefing-sand"}


def test_toml_string_escapes() -> None:
    for value in ('a"b\\c\n', chr(7) + "é", "plain-name"):
        assert tomllib.loads("v = " + toml_string(value))["v"] == value
