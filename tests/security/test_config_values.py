"""Bad values in config.toml: exit 2 with one line naming the key, before anything is fetched or opened
(reliability issue rows 7 and 8, and `--config` naming a missing file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.config import ConfigError, load
from tests.security.conftest import run


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("concurrency = 0", "concurrency"),
        ("concurrency = -5", "concurrency"),
        ('concurrency = "16"', "concurrency"),
        ("concurrency = true", "concurrency"),
        ("concurrency = 100000", "concurrency"),
        ('allow_private = "false"', "allow_private"),
        ("allow_private = 0", "allow_private"),
        ('color = "no"', "color"),
        ("db = 5", "db"),
        ('feeds_file = ""', "feeds_file"),
        ("theme = []", "theme"),
        ('bidi = "sideways"', "bidi"),
        ('keymap = "ctrl+r"', "keymap"),
        ("keymap = { refresh = 5 }", "keymap"),
        ('views = "+unread"', "views"),
        ("views = { morning = 1 }", "views"),
        ('views = { morning = "" }', "views"),
        ('views = { morning = "lang:fr" }', "views.morning"),
        ('views = { late = "+later" }', "views.late"),
        ('times = "utc"', "times"),
        ("times = true", "times"),
    ],
)
def test_a_bad_value_exits_2_naming_the_key(tmp_path: Path, text: str, key: str) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(text + "\n")
    with pytest.raises(ConfigError, match=key):
        load(cfg)
    r = run(["--config", str(cfg), "fetch", "--feed", "https://news.example/feed.xml"], tmp_path, timeout=20)
    err = r.stderr.decode()
    assert r.returncode == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and key in lines[0] and "Traceback" not in err, lines
    assert not (tmp_path / "data").exists()  # refused before the cache was opened


def test_good_values_load(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text('concurrency = 4\nallow_private = true\ncolor = false\nkeymap = { refresh = "ctrl+r" }\n')
    s = load(cfg)
    assert (s.concurrency, s.allow_private, s.color, s.keymap) == (4, True, False, {"refresh": "ctrl+r"})


def test_times_load(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text("color = true\n")
    assert load(cfg).times == "local"  # unset: each time in the user's zone
    cfg.write_text('times = "outlet"\n')
    assert load(cfg).times == "outlet"


def test_saved_views_load(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    views = '[views]\nmorning = "+unread lang:ar @1-day"\n"مبعوث" = \'actor:"غير بيدرسون"\'\n'
    cfg.write_text(views, "utf-8")
    assert load(cfg).views == {"morning": "+unread lang:ar @1-day", "مبعوث": 'actor:"غير بيدرسون"'}


def test_a_missing_config_named_on_the_command_line_is_an_error(tmp_path: Path) -> None:
    r = run(["--config", str(tmp_path / "missing.toml"), "today"], tmp_path, timeout=20)
    assert r.returncode == 2
    assert r.stderr.decode().strip().count("\n") == 0 and "missing.toml" in r.stderr.decode()
