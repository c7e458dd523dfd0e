"""`briefing tui`: the saved theme is used, `--theme` wins for the run, a choice goes to `--config`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.tui.app import BriefingApp


@pytest.mark.parametrize(
    ("args", "theme"),
    [([], "briefing-sand"), (["tui", "--theme", "light"], "briefing-light")],
)
def test_the_saved_theme_unless_theme_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], theme: str
) -> None:
    named = tmp_path / "mine.toml"
    named.write_text('theme = "briefing-sand"  # chosen with t\n', encoding="utf-8")
    seen: list[tuple[str, Path | None]] = []
    monkeypatch.setattr(
        BriefingApp, "run", lambda self, *a, **k: seen.append((self.theme, self._config_file))
    )
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "c.sqlite3"), "--config", str(named), *args])
    assert result.exit_code == 0, result.output
    assert seen == [(theme, named)]
    assert named.read_text(encoding="utf-8") == 'theme = "briefing-sand"  # chosen with t\n'
