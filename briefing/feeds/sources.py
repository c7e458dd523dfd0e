"""Provides the list of feeds to fetch: the user's `feeds.toml`, or the bundled sample feeds when it lists none.

A feed is a URL (http, https, file) or a local path; relative paths in a feeds file are relative to that file.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

from briefing import paths


class FeedListError(Exception):
    """A feeds file that cannot be read or used."""


@dataclass(frozen=True)
class FeedSource:
    url: str
    title: str = ""
    lang: str | None = None
    full_text: bool = False


def read_feeds_file(path: Path) -> list[FeedSource]:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise FeedListError(f"cannot read feeds file {path}: {exc}") from exc
    out: list[FeedSource] = []
    for i, item in enumerate(raw.get("feed", [])):
        url = str(item.get("url", "")).strip() if isinstance(item, dict) else ""
        if not url:
            raise FeedListError(f"{path}: feed #{i + 1} has no url")
        if "://" not in url:
            url = str((path.parent / url).resolve())
        out.append(
            FeedSource(url, str(item.get("title", "")), item.get("lang"), bool(item.get("full_text", False)))
        )
    return out


def write_feeds_file(path: Path, feeds: list[FeedSource]) -> None:
    """Write the feeds list atomically. Strings are written as TOML basic strings (JSON escapes are valid TOML)."""
    lines = ["# Feeds for briefing: one [[feed]] table per feed.", ""]
    for f in feeds:
        lines.append("[[feed]]")
        lines.append(f"url = {json.dumps(f.url, ensure_ascii=False)}")
        if f.title:
            lines.append(f"title = {json.dumps(f.title, ensure_ascii=False)}")
        if f.lang:
            lines.append(f"lang = {json.dumps(f.lang)}")
        if f.full_text:
            lines.append("full_text = true")
        lines.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("\n".join(lines), encoding="utf-8")
    tmp.replace(path)


def sample_feeds() -> list[FeedSource]:
    return read_feeds_file(paths.sample_feeds_dir() / "feeds.toml")


def user_feeds(feeds_file: Path) -> list[FeedSource]:
    return read_feeds_file(feeds_file) if feeds_file.exists() else []


def configured_feeds(feeds_file: Path) -> tuple[list[FeedSource], bool]:
    """The feeds to fetch, and whether they are the bundled samples (the user has configured none)."""
    mine = user_feeds(feeds_file)
    return (mine, False) if mine else (sample_feeds(), True)
