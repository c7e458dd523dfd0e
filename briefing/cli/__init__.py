"""Provides the `briefing` command line: `main`, the click group with every command attached, and `run`, the
console script and `python -m briefing`. Bare `briefing` opens the Textual app.

The group, its context and `open_store` are in `briefing.cli.group`; each command module builds its
commands without knowing the group, and this module attaches them by name (`LazyGroup.add_lazy`), so nothing
imports back and a command's module is imported only when that command runs (or `--help` lists them all).
"""

from __future__ import annotations

import sys

from briefing.cli.group import main
from briefing.errors import fail_line as say_error

for name, target in (
    ("fetch", "briefing.cli.fetch:fetch"),
    ("today", "briefing.cli.brief:today"),
    ("export", "briefing.cli.brief:export"),
    ("analyze", "briefing.cli.analyze:analyze"),
    ("feeds", "briefing.cli.feeds:feeds"),
    ("tui", "briefing.cli.app:tui"),
    ("prune", "briefing.cli.housekeeping:prune"),
    ("paths", "briefing.cli.housekeeping:paths"),
    ("actors", "briefing.cli.actors:actors"),
    ("search", "briefing.cli.search:search"),
    ("doctor", "briefing.cli.cache_health:doctor"),
):
    main.add_lazy(name, target)  # imported when run or listed: `briefing tui` does not load the others

__all__ = ["main", "run"]


def run() -> None:
    """The `briefing` command and `python -m briefing`: `main`, then a quick exit.

    Each command closes what it opens (the cache, the HTTP client, the parse worker, the terminal), so what
    Python does at exit, tearing down every imported module, only costs time: about 50 ms after a fetch.
    Once a command has finished and its output is flushed, the process ends with `os._exit` and the same
    code. Output that cannot be written is a failure: a full disk or a closed stdout is one line on stderr
    and exit 1, a closed pipe (`briefing today | head -1`) a quiet exit 1. Any other exception that escapes
    a command leaves the normal way, with its traceback.
    """
    import os  # noqa: PLC0415

    import click  # noqa: PLC0415

    code: object = 0
    try:
        # click's own handling prints a usage error in four lines; the README promises one
        result = main.main(standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except click.UsageError as exc:
        where = f" (see `{exc.ctx.command_path} -h`)" if exc.ctx is not None else ""
        say_error(f"{exc.format_message()}{where}")
        code = exc.exit_code
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except click.Abort:
        code = 1
    except SystemExit as done:
        code = done.code
    except OSError as exc:  # click.echo flushes: a full disk (`> /dev/full`) is raised by the command
        code = _output_failed(exc)
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)  # as SystemExit("message") would
        code = 1
    try:
        sys.stdout.flush()
    except (OSError, ValueError) as exc:
        code = _output_failed(exc) or code
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(code or 0)


def _output_failed(exc: BaseException) -> int:
    """Exit 1 for output that could not be written: one line on stderr, except for a closed pipe (the
    reader has all it wanted)."""
    import errno  # noqa: PLC0415

    if isinstance(exc, OSError) and exc.errno == errno.EPIPE:
        return 1
    why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
    try:
        sys.stderr.write(f"briefing: error: cannot write the output: {why}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    return 1
