"""`--bidi` works before the command (`briefing --bidi app`, as the README shows) and after `tui`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.tui.app import BriefingApp


@pytest.mark.parametrize(
    ("args", "mode"),
    [
        (["--bidi", "app"], "app"),
        (["--bidi", "app", "tui"], "app"),
        (["tui", "--bidi", "off"], "off"),
        (["--bidi", "app", "tui", "--bidi", "off"], "off"),  # the command's own option wins
        ([], "terminal"),
    ],
)
def test_bidi_before_or_after_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], mode: str
) -> None:
    seen: list[str] = []
    monkeypatch.setattr(BriefingApp, "run", lambda self, *a, **k: seen.append(self.bidi))
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(tmp_path / "config"))
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "c.sqlite3"), *args])
    assert result.exit_code == 0, result.output
    assert seen == [mode]
