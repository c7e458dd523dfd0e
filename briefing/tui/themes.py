"""Provides the colour themes: TOML files read into `textual.theme.Theme`, built-in first, then the user's.

A theme file holds the `Theme` fields (name, primary, secondary, accent, foreground, background, surface,
panel, warning, error, success, boost, dark, luminosity_spread, text_alpha) and a `[variables]` table of
Textual design variables. A file that cannot be read, is not TOML, or has a wrong field is skipped and
described in `ThemesLoaded.errors`, which the app shows as a notification: a broken theme is never fatal.
A user theme with the name of a built-in one replaces it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.color import Color, ColorParseError
from textual.theme import Theme

from briefing.paths import builtin_themes_dir, user_themes_dir

DEFAULT_THEME = "briefing-dark"

_COLOUR_FIELDS = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "warning",
    "error",
    "success",
    "boost",
)
_FLOAT_FIELDS = ("luminosity_spread", "text_alpha")
_KNOWN = {"name", "dark", "variables", *_COLOUR_FIELDS, *_FLOAT_FIELDS}
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_TEXT_STYLES = {
    "bold",
    "dim",
    "italic",
    "underline",
    "underline2",
    "reverse",
    "strike",
    "blink",
    "none",
    "not",
}
_ALPHA = re.compile(r"^(?P<colour>.+?)(?:\s+(?P<alpha>\d{1,3})%)?$")


@dataclass
class ThemesLoaded:
    """What `load_themes` found: usable themes (by name, later files winning) and one line per broken file."""

    themes: dict[str, Theme] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


class ThemeFileError(ValueError):
    """A theme file that cannot become a `Theme`; the message says which field is wrong."""


def _colour(key: str, value: object) -> str:
    if not isinstance(value, str):
        raise ThemeFileError(f"{key} must be a colour string")
    try:
        Color.parse(value)
    except ColorParseError:
        raise ThemeFileError(f"{key} = {value!r} is not a colour") from None
    return value


def _variable(key: str, value: object) -> str:
    """Accept the value kinds Textual's design variables use: colours, `auto 60%`, `#fff 50%`, text styles."""
    if not isinstance(value, str):
        raise ThemeFileError(f"variables.{key} must be a string")
    if key.endswith("text-style"):
        if not value.split() or not set(value.split()) <= _TEXT_STYLES:
            raise ThemeFileError(f"variables.{key} = {value!r} is not a text style")
        return value
    match = _ALPHA.match(value.strip())
    colour = match.group("colour") if match else ""
    if colour != "auto":
        try:
            Color.parse(colour)
        except ColorParseError:
            raise ThemeFileError(f"variables.{key} = {value!r} is not a colour") from None
    return value


def theme_from_dict(data: dict[str, Any]) -> Theme:
    """A `Theme` from the parsed TOML of one file; `ThemeFileError` names the first wrong field."""
    unknown = sorted(set(data) - _KNOWN)
    if unknown:
        raise ThemeFileError(f"unknown field(s): {', '.join(unknown)}")
    name = data.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise ThemeFileError("name must be a short identifier (letters, digits, '-', '_', '.')")
    if "primary" not in data:
        raise ThemeFileError("primary is required")
    colours = {key: _colour(key, data[key]) for key in _COLOUR_FIELDS if key in data}
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ThemeFileError("dark must be true or false")
    floats: dict[str, float] = {}
    for key in _FLOAT_FIELDS:
        if key in data:
            value = data[key]
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
                raise ThemeFileError(f"{key} must be a number between 0 and 1")
            floats[key] = float(value)
    variables = data.get("variables", {})
    if not isinstance(variables, dict):
        raise ThemeFileError("variables must be a table")
    checked = {str(key): _variable(str(key), value) for key, value in variables.items()}
    return Theme(
        name=name,
        primary=colours["primary"],
        secondary=colours.get("secondary"),
        accent=colours.get("accent"),
        foreground=colours.get("foreground"),
        background=colours.get("background"),
        surface=colours.get("surface"),
        panel=colours.get("panel"),
        boost=colours.get("boost"),
        warning=colours.get("warning"),
        error=colours.get("error"),
        success=colours.get("success"),
        dark=dark,
        luminosity_spread=floats.get("luminosity_spread", 0.15),
        text_alpha=floats.get("text_alpha", 0.95),
        variables=checked,
    )


def load_theme_file(path: Path) -> Theme:
    """One theme file; `ThemeFileError` (with the reason) when it cannot be used."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ThemeFileError(f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ThemeFileError("not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ThemeFileError(f"not valid TOML: {exc}") from None
    return theme_from_dict(data)


def load_themes(directories: Iterable[Path]) -> ThemesLoaded:
    """Every `*.toml` theme in `directories`, in order (a later theme replaces an earlier namesake)."""
    loaded = ThemesLoaded()
    for directory in directories:
        try:
            paths = sorted(directory.glob("*.toml"))
        except OSError as exc:
            loaded.errors.append(f"{directory}: cannot list themes: {exc}")
            continue
        for path in paths:
            try:
                theme = load_theme_file(path)
            except ThemeFileError as exc:
                loaded.errors.append(f"theme file {path.name}: {exc}")
                continue
            loaded.themes[theme.name] = theme
    return loaded


def discover_themes() -> ThemesLoaded:
    """The built-in themes, then the user's themes directory (if it exists)."""
    directories = [builtin_themes_dir()]
    user = user_themes_dir()
    if user.is_dir():
        directories.append(user)
    return load_themes(directories)
