"""Provides `save_setting`, which sets one top-level string setting in config.toml and keeps the rest.

The file is edited as text, not rewritten from parsed data, so the user's comments, blank lines, other
settings and tables stay as they were: an existing `key = ...` line before the first table gets the new
value (its trailing comment kept); otherwise the line is added after the last top-level setting, before
the comments and blank lines that lead to the first table. The result is parsed again and must hold the
same settings as before plus the new value, else nothing is written (`ConfigError`). The file is
replaced atomically (`write_atomic`); a symbolic link is followed, so a config file kept elsewhere (a
dotfiles repository) is updated in place.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from briefing.config import ConfigError
from briefing.files import write_atomic

_TABLE = re.compile(r"^[ \t]*\[")


def toml_string(value: str) -> str:
    """`value` as a TOML basic string (quotes, backslashes and control characters escaped)."""
    out = ['"']
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _parses(text: str) -> bool:
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return False
    return True


def _ending(line: str) -> str:
    return line[len(line.rstrip("\r\n")) :] or "\n"


def _comment_of(rest: str) -> str | None:
    """The whitespace and `# comment` after the value of `key =rest` ("" when none); None when the value
    does not end on this line (a multi-line string or array)."""
    body = rest.rstrip("\r\n")
    for index, char in enumerate(body):
        if char == "#" and _parses(f"v ={body[:index]}"):
            value = body[:index]
            return body[len(value.rstrip()) :]
    return "" if _parses(f"v ={body}") else None


def _edit(text: str, key: str, value: str) -> str:
    """`text` with `key = value` set at the top level (see the module docstring)."""
    lines = text.splitlines(keepends=True)
    name = re.escape(key)
    wanted = re.compile(rf"^(?P<indent>[ \t]*)(?:{name}|\"{name}\"|'{name}')[ \t]*=(?P<rest>.*)$", re.DOTALL)
    first_table = len(lines)
    for number, line in enumerate(lines):
        if _TABLE.match(line) and _parses("".join(lines[:number])):
            first_table = number
            break
    for number, line in enumerate(lines[:first_table]):
        match = wanted.match(line)
        if match and _parses("".join(lines[:number])):
            comment = _comment_of(match.group("rest"))
            if comment is None:
                raise ConfigError(f"{key} spans several lines; set it by hand")
            lines[number] = f"{match.group('indent')}{key} = {toml_string(value)}{comment}{_ending(line)}"
            return "".join(lines)
    where = first_table
    while first_table < len(lines) and where > 0 and lines[where - 1].strip()[:1] in ("#", ""):
        where -= 1  # the comments and blank lines right above the first table belong to the table
    if where > 0 and not lines[where - 1].endswith(("\n", "\r")):
        lines[where - 1] += "\n"
    ending = _ending(lines[0]) if lines else "\n"
    lines.insert(where, f"{key} = {toml_string(value)}{ending}")
    return "".join(lines)


def save_setting(path: Path, key: str, value: str) -> None:
    """Set top-level `key` to the string `value` in the config file at `path` (created, with its directory,
    if missing). `ConfigError` when the file is not TOML or could not be edited safely; `OSError` when it
    cannot be read or written. Either way the file is left as it was."""
    target = path.resolve() if path.is_symlink() else path
    try:
        text = target.read_bytes().decode("utf-8") if target.exists() else ""  # bytes: keep \r\n
    except UnicodeDecodeError:
        raise ConfigError(f"{path} is not UTF-8 text") from None
    try:
        before: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    edited = _edit(text, key, value)
    try:
        after = tomllib.loads(edited)
    except tomllib.TOMLDecodeError:
        after = None
    if after != {**before, key: value}:
        raise ConfigError(f"could not set {key} in {path} without changing other settings; set it by hand")
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, edited)
