"""Provides `Settings`, frozen and read once from the config TOML, the environment and the command line.

Nothing else reads configuration; the CLI builds one `Settings` and passes it (or the fields it needs) down.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from briefing import paths
from briefing.clock import TIMES


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
    proxy: str | None = None
    """An http:// forward proxy for every feed (else HTTP_PROXY / HTTPS_PROXY / ALL_PROXY / NO_PROXY)."""
    ca_bundle: str | None = None
    """A file of trusted CA certificates for https (else SSL_CERT_FILE / SSL_CERT_DIR, else certifi's)."""
    times: str = "local"
    """Which zone times are shown in: "local" (the user's, the default) or "outlet" (each article's outlet's
    own, the offset its feed gave); `briefing.clock.shown_zone`."""
    views: dict[str, str] = field(default_factory=dict)
    """Saved views: name -> query (`[views] morning = "+unread lang:ar @1-day"`), for `today --view NAME`
    and the app's views (`V`, the palette)."""


CONCURRENCY_RANGE = (1, 256)


def _check(path: Path, key: str, value: Any) -> Any:
    """`value` of setting `key` if it has the right type and range, else a `ConfigError` naming the key."""
    where = f"{path}: {key}"
    if key in ("db", "feeds_file", "theme"):
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where} must be a non-empty string")
        return Path(value).expanduser() if key != "theme" else value
    if key in ("proxy", "ca_bundle"):
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where} must be a non-empty string")
        if key == "ca_bundle":
            bundle = Path(value).expanduser()
            if not bundle.is_file():
                raise ConfigError(f"{where}: no such file: {bundle}")
            return str(bundle)
        return value.strip()
    if key in ("allow_private", "color"):
        if not isinstance(value, bool):
            raise ConfigError(f"{where} must be true or false (unquoted), not {value!r}")
        return value
    if key == "bidi":
        if value not in ("app", "terminal", "off"):
            raise ConfigError(f"{where} must be app, terminal or off")
        return value
    if key == "times":
        if value not in TIMES:
            raise ConfigError(f"{where} must be {' or '.join(map(repr, TIMES))}, not {value!r}")
        return value
    if key == "concurrency":
        low, high = CONCURRENCY_RANGE
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ConfigError(f"{where} must be a whole number from {low} to {high}, not {value!r}")
        return value
    if key == "keymap":
        if not _string_table(value):
            raise ConfigError(f'{where} must be a table of strings (e.g. refresh = "ctrl+r")')
        return dict(value)
    if key == "views":
        return _views(where, value)
    raise ConfigError(f"unknown setting in {path}: {key}")


def _string_table(value: Any) -> bool:
    """Whether `value` is a TOML table of strings."""
    pairs = value.items() if isinstance(value, dict) else ()
    return isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in pairs)


def _views(where: str, value: Any) -> dict[str, str]:
    """The [views] table: each a name and a query that parses (checked now, not when the view is used)."""
    from briefing.query import QueryError, parse  # noqa: PLC0415

    if not _string_table(value):
        raise ConfigError(f'{where} must be a table of queries (e.g. morning = "+unread lang:ar @1-day")')
    for name, text in value.items():
        if not name.strip() or not text.strip():
            raise ConfigError(f"{where}: a view needs a name and a query")
        try:
            parse(text)
        except QueryError as exc:
            raise ConfigError(f"{where}.{name}: {exc}") from None
    return dict(value)


_FIELDS = (
    "db",
    "feeds_file",
    "theme",
    "bidi",
    "allow_private",
    "color",
    "keymap",
    "concurrency",
    "proxy",
    "ca_bundle",
    "views",
    "times",
)


def load(config_path: Path | None = None, **overrides: Any) -> Settings:
    """Settings from the config file (if any), then the given overrides (those not None). Every key is
    checked for its type and range (`ConfigError` names the first bad one); a config file named on the
    command line must exist."""
    path = config_path or paths.config_file()
    values: dict[str, Any] = {}
    if config_path is not None and not path.exists():
        raise ConfigError(f"no such config file: {path}")
    if path.exists():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config {path}: {exc}") from exc
        unknown = set(raw) - set(_FIELDS)
        if unknown:
            raise ConfigError(f"unknown setting(s) in {path}: {', '.join(sorted(unknown))}")
        values = {key: _check(path, key, value) for key, value in raw.items()}
    settings = replace(Settings(), **values)
    return replace(settings, **{k: v for k, v in overrides.items() if v is not None})
