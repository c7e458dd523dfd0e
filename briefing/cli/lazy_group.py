"""Provides `LazyGroup`, a click group whose commands are imported when they are needed.

`briefing tui` imported every command module (and what each imports) before it ran; with this group a
command's module is imported when that command is looked up: when it runs, or when `briefing --help`
lists every command with its summary (the same listing as before: the names sorted).
"""

from __future__ import annotations

import importlib
from typing import Any

import click


class LazyGroup(click.Group):
    """A `click.Group` that also holds commands by where they are defined ("module:attribute")."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy: dict[str, str] = {}
        """Command name -> "module:attribute" of a command not imported yet."""

    def add_lazy(self, name: str, target: str) -> None:
        """Attach the command `name`, the click command `target` ("module:attribute"), imported when used."""
        self.lazy[name] = target

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = self.lazy.pop(cmd_name, None)
        if target is not None and cmd_name not in self.commands:
            module, attribute = target.split(":")
            command = getattr(importlib.import_module(module), attribute)
            if not isinstance(command, click.Command):
                raise TypeError(f"{target} is not a click command")
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)
