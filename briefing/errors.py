"""Provides the command line's error conventions (one line on stderr, exit 2 for bad input, 1 for failures)
and `say`, a cleaned line on stderr."""

from __future__ import annotations

from typing import NoReturn

import click

from briefing.safetext import clean_line


class BadInput(click.ClickException):
    """Bad usage or input: exit code 2."""

    exit_code = 2

    def show(self, file: object = None) -> None:
        fail_line(self.message)


def fail_line(message: str) -> None:
    """The one `briefing: error: ...` line on stderr, cleaned."""
    click.echo(f"briefing: error: {clean_line(message)}", err=True)


def fail(message: str, code: int = 1) -> NoReturn:
    fail_line(message)
    raise SystemExit(code)


def say(message: str) -> None:
    """One `briefing: ...` line on stderr, cleaned like feed text (it may quote what the user typed)."""
    click.echo(f"briefing: {clean_line(message)}", err=True)
