"""Provides every filesystem location briefing uses; no other module decides a path.

User files follow the platform's conventions through platformdirs (on Linux: ~/.config/briefing,
~/.local/share/briefing). `BRIEFING_CONFIG_DIR` and `BRIEFING_DATA_DIR` override them (tests use these).
The bundled sample feeds and themes live beside the package, at the top of the source tree.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP = "briefing"
ROOT = Path(__file__).resolve().parent.parent


def config_dir() -> Path:
    env = os.environ.get("BRIEFING_CONFIG_DIR")
    return Path(env) if env else user_config_path(APP)


def data_dir() -> Path:
    env = os.environ.get("BRIEFING_DATA_DIR")
    return Path(env) if env else user_data_path(APP)


def config_file() -> Path:
    return config_dir() / "config.toml"


def feeds_file() -> Path:
    return config_dir() / "feeds.toml"


def user_themes_dir() -> Path:
    return config_dir() / "themes"


def default_db() -> Path:
    return data_dir() / "cache.sqlite3"


def builtin_themes_dir() -> Path:
    return ROOT / "themes"


def sample_feeds_dir() -> Path:
    return ROOT / "sample_feeds"
