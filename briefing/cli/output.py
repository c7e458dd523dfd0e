"""Provides how a command hands over what it made: `deliver` (stdout, or a file the user named, and a line
saying so) and `write_output` (that file, written atomically)."""

from __future__ import annotations

from pathlib import Path

import click

from briefing.errors import BadInput, fail, say


def write_output(path: Path, text: str) -> None:
    """Write a file the user named on the command line (atomically: `briefing.files.write_atomic`)."""
    from briefing.files import write_atomic  # noqa: PLC0415

    path = path.expanduser()
    if path.is_dir():
        raise BadInput(f"{path} is a directory")
    if not path.parent.is_dir():
        raise BadInput(f"no such directory: {path.parent}")
    try:
        write_atomic(path, text)
    except OSError as exc:  # a full disk, a read-only file system: one line, exit 1, no temporary file left
        fail(f"cannot write {path}: {exc.strerror or exc}")


def deliver(text: str, path: Path | None, wrote: str) -> None:
    """`text` on stdout, or written to `path` with `briefing: {wrote}` on stderr (`export -o`, `feeds export
    FILE`)."""
    if path is None:
        click.echo(text, nl=False)
    else:
        write_output(path, text)
        say(wrote)
