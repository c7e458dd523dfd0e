"""Provides the feeds to fetch: the user's `feeds.toml`, or the bundled sample feeds when it lists none.

A feed is a URL (http, https, file) or a local path; relative paths in a feeds file are relative to that file.
Each `FeedSource` carries the policy of where it came from (trusted, opted in to private targets, manual).
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
    """One feed to fetch, with the policy that goes with where it came from."""

    url: str
    title: str = ""
    lang: str | None = None
    full_text: bool | None = None
    """Extract each entry's page: True always, False never, None when the entry's text is short."""
    category: str = ""
    """The user's folder for the feed (kept from OPML)."""
    trusted: bool = False
    """Given directly (`--feed`, `feeds add`) or bundled: the URL itself is not checked."""
    allow_private: bool = False
    """The user opted in to private/loopback/link-local targets and local files (feeds and their pages)."""
    manual: bool = False
    """Fetched on request (`--feed`): retried now, whatever the backoff, Retry-After or a 410 said."""


def read_feeds_file(path: Path, *, trusted: bool = False) -> list[FeedSource]:
    """The feeds of a TOML feeds file. Entries the user added by hand (`feeds add`) carry
    `allow_private = true`, the per-feed form of the opt-in; an OPML import never writes it."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise FeedListError(f"cannot read feeds file {path}: {exc}") from exc
    items = raw.get("feed", [])
    if not isinstance(items, list):
        raise FeedListError(f"{path}: `feed` must be an array of tables ([[feed]])")
    out: list[FeedSource] = []
    for i, item in enumerate(items):
        url = str(item.get("url", "")).strip() if isinstance(item, dict) else ""
        if not url:
            raise FeedListError(f"{path}: feed #{i + 1} has no url")
        if "://" not in url:
            url = str((path.parent / url).expanduser().resolve())
        full = item.get("full_text")
        lang = item.get("lang")
        out.append(
            FeedSource(
                url,
                str(item.get("title", "")),
                str(lang) if lang else None,
                bool(full) if full is not None else None,
                str(item.get("category", "")),
                trusted=trusted or item.get("allow_private") is True,
            )
        )
    return out


def write_feeds_file(path: Path, feeds: list[FeedSource]) -> None:
    """Write the feeds list atomically. Strings are TOML basic strings (JSON escapes are valid TOML)."""
    lines = ["# Feeds for briefing: one [[feed]] table per feed.", ""]
    for f in feeds:
        lines.append("[[feed]]")
        lines.append(f"url = {json.dumps(f.url, ensure_ascii=False)}")
        if f.title:
            lines.append(f"title = {json.dumps(f.title, ensure_ascii=False)}")
        if f.lang:
            lines.append(f"lang = {json.dumps(f.lang)}")
        if f.category:
            lines.append(f"category = {json.dumps(f.category, ensure_ascii=False)}")
        if f.full_text is not None:
            lines.append(f"full_text = {'true' if f.full_text else 'false'}")
        if f.trusted:
            lines.append("allow_private = true  # added by hand: a local or private target is fine")
        lines.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("\n".join(lines), encoding="utf-8")
    tmp.replace(path)


def sample_feeds() -> list[FeedSource]:
    """The bundled demo feeds: local files shipped with briefing, hence trusted."""
    return read_feeds_file(paths.sample_feeds_dir() / "feeds.toml", trusted=True)


def user_feeds(feeds_file: Path) -> list[FeedSource]:
    return read_feeds_file(feeds_file) if feeds_file.exists() else []


def configured_feeds(feeds_file: Path) -> tuple[list[FeedSource], bool]:
    """The feeds to fetch, and whether they are the bundled samples (the user has configured none)."""
    mine = user_feeds(feeds_file)
    return (mine, False) if mine else (sample_feeds(), True)
