"""Provides the command line's error conventions: one line on stderr, exit 2 for bad input, 1 for failures."""

from __future__ import annotations

from typing import NoReturn

import click


class BadInput(click.ClickException):
    """Bad usage or input: exit code 2."""

    exit_code = 2

    def show(self, file: object = None) -> None:
        click.echo(f"briefing: error: {self.message}", err=True)


def fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"briefing: error: {message}", err=True)
    raise SystemExit(code)
