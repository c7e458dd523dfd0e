"""Provides the export of the app's current view: the briefing on screen as Markdown, written to a file.

The text comes from `briefing.render.markdown` (the same as `briefing export`), from the stored logical
text: the bidi mode of the screen never reaches a file. The default file is `briefing-YYYY-MM-DD.md` in the
current directory (named from the date only, never from feed text), numbered when that name is taken; a
path the user types is theirs to choose. Files are written beside the target and renamed into place.
No Textual import: the app calls `write_export` from a thread worker.
"""

from __future__ import annotations

from pathlib import Path

from briefing.files import write_atomic
from briefing.models import Briefing


def default_export_path(briefing: Briefing, directory: Path | None = None) -> Path:
    """`briefing-2024-03-16.md` in `directory` (default: the current one), or `-2`, `-3`... if it exists."""
    folder = directory if directory is not None else Path.cwd()
    stem = f"briefing-{briefing.date.isoformat()}"
    path = folder / f"{stem}.md"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}.md"
        number += 1
    return path


def resolve_target(text: str, base: Path | None = None) -> Path:
    """The file a typed path names: `~` expanded, relative paths from `base` (default: the current directory).

    `ValueError` (with a message for the user) for an empty path, a directory, or a missing parent directory.
    """
    typed = text.strip()
    if not typed:
        raise ValueError("no file name given")
    path = Path(typed).expanduser()
    if not path.is_absolute():
        path = (base if base is not None else Path.cwd()) / path
    if path.is_dir():
        raise ValueError(f"{path} is a directory")
    if not path.parent.is_dir():
        raise ValueError(f"no such directory: {path.parent}")
    return path


def write_export(briefing: Briefing, path: Path) -> Path:
    """Write `briefing` as Markdown to `path` (atomically) and return the absolute path written."""
    from briefing.render.markdown import render_markdown  # noqa: PLC0415 (only when exporting)

    target = path.resolve()
    write_atomic(target, render_markdown(briefing))
    return target
