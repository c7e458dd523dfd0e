"""Provides `Settings`, frozen and read once from the config TOML, the environment and the command line.

Nothing else reads configuration; the CLI builds one `Settings` and passes it (or the fields it needs) down.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from briefing import paths


class ConfigError(Exception):
    """The configuration file exists but cannot be used."""


@dataclass(frozen=True)
class Settings:
    db: Path = field(default_factory=paths.default_db)
    """The SQLite cache file (`--db` overrides)."""
    feeds_file: Path = field(default_factory=paths.feeds_file)
    """The TOML list of subscribed feeds; when it lists none, the bundled sample feeds are used."""
    theme: str = "briefing-dark"
    """The TUI theme: a built-in name or a theme file in the user themes directory."""
    bidi: str = "terminal"
    """How the TUI shows Arabic: "app" reorders lines itself, "terminal" leaves it to a bidi terminal."""
    allow_private: bool = False
    """Allow feeds on private, loopback or link-local addresses and non-http(s) schemes from lists."""
    color: bool = True
    """Colour in the one-shot printout (off with --no-color or NO_COLOR)."""
    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id -> key(s), to remap the TUI's keys (e.g. {"refresh": "ctrl+r"})."""
    concurrency: int = 16
    """How many feeds are fetched at once (at most 2 per host whatever this says)."""


_FIELDS = {"db", "feeds_file", "theme", "bidi", "allow_private", "color", "keymap", "concurrency"}


def load(config_path: Path | None = None, **overrides: Any) -> Settings:
    """Settings from the config file (if any), then the given overrides (those not None)."""
    path = config_path or paths.config_file()
    values: dict[str, Any] = {}
    if path.exists():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config {path}: {exc}") from exc
        unknown = set(raw) - _FIELDS
        if unknown:
            raise ConfigError(f"unknown setting(s) in {path}: {', '.join(sorted(unknown))}")
        values = dict(raw)
        for key in ("db", "feeds_file"):
            if key in values:
                values[key] = Path(str(values[key])).expanduser()
        if "bidi" in values and values["bidi"] not in {"app", "terminal", "off"}:
            raise ConfigError(f"{path}: bidi must be app, terminal or off")
    settings = replace(Settings(), **values)
    return replace(settings, **{k: v for k, v in overrides.items() if v is not None})
