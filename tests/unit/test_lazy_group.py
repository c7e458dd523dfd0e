"""The CLI's lazy group: a command's module is imported when that command runs, `--help` still lists them all,
and the app's dialog screens are not imported before one opens."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from briefing.cli.lazy_group import LazyGroup

ROOT = Path(__file__).resolve().parents[2]
COMMAND_MODULES = [
    "briefing.cli.actors",
    "briefing.cli.analyze",
    "briefing.cli.app",
    "briefing.cli.brief",
    "briefing.cli.cache_health",
    "briefing.cli.feeds",
    "briefing.cli.fetch",
    "briefing.cli.housekeeping",
    "briefing.cli.search",
]


def imported_after(code: str) -> set[str]:
    """The `briefing` modules a fresh interpreter holds after running `code`."""
    listing = "print(json.dumps(sorted(m for m in sys.modules if m.startswith('briefing'))))"
    probe = f"{code}\nimport json, sys\n{listing}"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


def test_a_command_imports_its_own_module_only() -> None:
    loaded = imported_after(
        "from briefing.cli import main\ntry:\n    main.main(['tui', '--help'])\nexcept SystemExit:\n    pass"
    )
    assert "briefing.cli.app" in loaded
    assert not loaded & (set(COMMAND_MODULES) - {"briefing.cli.app"})


def test_the_app_imports_no_dialog_before_one_opens() -> None:
    loaded = imported_after("import briefing.tui.app")
    dialogs = {"article", "export", "feeds", "filters", "search", "views"}
    assert not loaded & {f"briefing.tui.screens.{name}" for name in dialogs}
    assert "briefing.tui.screens.main" in loaded


def test_help_lists_every_command_sorted() -> None:
    loaded = imported_after(
        "from briefing.cli import main\ntry:\n    main.main(['--help'])\nexcept SystemExit:\n    pass"
    )
    assert set(COMMAND_MODULES) <= loaded
    from briefing.cli import main  # noqa: PLC0415

    names = main.list_commands(click.Context(main))
    assert names == sorted(names)
    assert {
        "fetch",
        "today",
        "export",
        "analyze",
        "feeds",
        "tui",
        "prune",
        "paths",
        "actors",
        "search",
        "doctor",
    } == set(names)


def test_lazy_group_imports_a_command_on_lookup() -> None:
    group = LazyGroup(name="demo")
    group.add_lazy("zeta", "click.testing:CliRunner")  # not a command: refused when looked up
    group.add_lazy("alpha", "tests.unit.test_lazy_group:hello")
    assert group.list_commands(click.Context(group)) == ["alpha", "zeta"]
    result = CliRunner().invoke(group, ["alpha"])
    assert result.exit_code == 0 and result.output == "hello from a lazy command\n"
    with pytest.raises(TypeError, match="is not a click command"):
        group.get_command(click.Context(group), "zeta")
    assert group.get_command(click.Context(group), "nothing") is None


@click.command()
def hello() -> None:
    """A command for the lazy group test."""
    click.echo("hello from a lazy command")
