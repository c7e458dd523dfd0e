"""Provides the `briefing` command line: `main`, the click group with every command attached, and `run`, the
console script and `python -m briefing`. Bare `briefing` opens the Textual app.

The group, its context and `open_store` are in `briefing.cli.group`; each command module builds its
commands without knowing the group, and this module attaches them (`add_command`), so nothing imports back.
"""

from __future__ import annotations

import sys

from briefing.cli import actors, analyze, app, brief, cache_health, feeds, fetch, housekeeping, search
from briefing.cli.group import main

for command in (
    fetch.fetch,
    brief.today,
    brief.export,
    analyze.analyze,
    feeds.feeds,
    app.tui,
    housekeeping.prune,
    housekeeping.paths,
    actors.actors,
    search.search,
    cache_health.doctor,
):
    main.add_command(command)

__all__ = ["main", "run"]


def run() -> None:
    """The `briefing` command and `python -m briefing`: `main`, then a quick exit.

    Each command closes what it opens (the cache, the HTTP client, the parse worker, the terminal), so what
    Python does at exit, tearing down every imported module, only costs time: about 50 ms after a fetch.
    Once a command has finished and its output is flushed, the process ends with `os._exit` and the same
    code. An exception that escapes a command leaves the normal way, with its traceback.
    """
    import os  # noqa: PLC0415

    try:
        main()
        code: object = 0
    except SystemExit as done:
        code = done.code
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)  # as SystemExit("message") would
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`briefing today | head`): nothing left to say
            pass
    os._exit(code or 0)
