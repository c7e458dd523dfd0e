"""Provides a one-line progress indicator on stderr (only used when stderr is a terminal)."""

from __future__ import annotations

import sys

from briefing.safetext import clean_line


class StderrProgress:
    def __init__(self) -> None:
        self._shown = False

    def __call__(self, done: int, total: int, label: str) -> None:
        width = 24
        filled = int(width * done / total) if total else width
        bar = "█" * filled + "·" * (width - filled)
        sys.stderr.write(f"\r\x1b[K{bar} {done}/{total} {clean_line(label)[:40]}")
        sys.stderr.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
