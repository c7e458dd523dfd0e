"""Provides what `briefing analyze` reads: `Item`, one article to analyze (or why it cannot be), from a file,
from plain text on stdin, or from one line of JSON lines on stdin (`items`).

JSON lines input is stdin whose first non-blank character is `{`: one object per line with a string `text`
and optionally `title` (a string; "" says there is none), `published` (ISO 8601), `lang` (`auto`, `ar`,
`en`) and `id` (a string or number echoed in the output). Anything else on stdin, and every file, is one
article's text (UTF-8; HTML when it starts with `<`). Bad input never raises: the item carries its error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

LANGS = ("auto", "ar", "en")


@dataclass(frozen=True)
class Item:
    """One article to analyze: its text and settings, where it came from (`source`, for messages; `extra`,
    echoed in JSON lines output), or the one-line `error` that stops it."""

    source: str
    text: str = ""
    title: str | None = None
    published: datetime | None = None
    lang: str = "auto"
    extra: dict[str, Any] = field(default_factory=dict)
    error: str | None = None


def _decode(data: bytes, source: str) -> tuple[str, str | None]:
    """The article text of a file's bytes, or the reason it has none."""
    from briefing.safetext import clean_text  # noqa: PLC0415

    try:
        text = clean_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        return "", f"{source} is not UTF-8 text ({exc.reason} at byte {exc.start})"
    if text.lstrip().startswith("<"):
        from briefing.feeds.parse import html_to_text  # noqa: PLC0415 (lxml and ftfy: only for HTML)

        text = html_to_text(text)
    if not text.strip():
        return "", f"{source} is empty"
    return text, None


def _file(path: str) -> Item:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return Item(path, error=f"cannot read {path}: {exc.strerror or exc}")
    text, error = _decode(data, path)
    return Item(path, text=text, extra={"path": path}, error=error)


def _published(value: Any, where: str) -> tuple[datetime | None, str | None]:
    if value is None or value == "":
        return None, None
    try:
        dt = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        dt = None
    if dt is None:
        return None, f"{where}: published is not an ISO 8601 date-time: {value!r}"
    return (dt if dt.tzinfo else dt.astimezone()), None


def _json_line(line: str, number: int) -> Item:
    """One JSON lines record as an item."""
    from briefing.safetext import clean_text  # noqa: PLC0415

    where = f"stdin line {number}"
    extra: dict[str, Any] = {"line": number}
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return Item(where, extra=extra, error=f"{where}: not JSON ({exc})")
    if not isinstance(obj, dict):
        return Item(where, extra=extra, error=f"{where}: not a JSON object")
    if isinstance(obj.get("id"), (str, int, float)) and not isinstance(obj.get("id"), bool):
        extra["id"] = obj["id"]
    text, title, lang = obj.get("text"), obj.get("title"), obj.get("lang", "auto")
    problem = None
    if not isinstance(text, str) or not text.strip():
        problem = "text is missing or empty"
    elif title is not None and not isinstance(title, str):
        problem = "title is not a string"
    elif lang not in LANGS:
        problem = f"lang is not one of {', '.join(LANGS)}: {lang!r}"
    published, bad_date = _published(obj.get("published"), where)
    if problem or bad_date:
        return Item(where, extra=extra, error=bad_date or f"{where}: {problem}")
    assert isinstance(text, str)
    return Item(
        where,
        text=clean_text(text),
        title=clean_text(title) if isinstance(title, str) else None,
        published=published,
        lang=str(lang),
        extra=extra,
    )


def _stdin() -> Iterator[Item]:
    data = sys.stdin.buffer.read()
    if not data.lstrip().startswith(b"{"):
        text, error = _decode(data, "stdin")
        yield Item("stdin", text=text, error=error)
        return
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            where = f"stdin line {number}"
            yield Item(where, extra={"line": number}, error=f"{where} is not UTF-8 text ({exc.reason})")
            continue
        yield _json_line(line, number)


def items(paths: tuple[str, ...]) -> Iterator[Item]:
    """The articles named by `paths` (`-` is stdin), in order, one at a time."""
    for path in paths:
        if path == "-":
            yield from _stdin()
        else:
            yield _file(path)
