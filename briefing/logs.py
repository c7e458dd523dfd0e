"""Provides `setup_logging`: the app's records through the standard `logging` module, so a failure the user
does not see (one feed's internal error, a swallowed analyzer crash, a damaged cache) is still recorded.

Records of the `briefing` loggers go to a rotating file in the data directory (`briefing.log`, 1 MB, three
old files kept; made at the first record, so a quiet command touches no file). `-v` also prints INFO
records on stderr and `-vv` DEBUG ones, cleaned like feed text, since a record can quote a feed. Nothing
reaches stderr without `-v`: errors the user must see are printed by the commands themselves, in one line.
"""

from __future__ import annotations

import logging
from pathlib import Path

from briefing.safetext import clean_text

LOG_NAME = "briefing.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 3


class _CleanFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return clean_text(super().format(record))


class _LazyFile(logging.Handler):
    """The rotating log file, made (with its directory, and `logging.handlers` imported) at the first record,
    so a command that logs nothing pays for neither; a record it cannot write (a full or read-only disk) is
    dropped without a word, so logging never adds a traceback to the user's terminal."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._file is None:
                import logging.handlers  # noqa: PLC0415

                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._file = logging.handlers.RotatingFileHandler(
                    self.path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
                )
                self._file.setFormatter(self.formatter)
            self._file.emit(record)
        except Exception:  # noqa: BLE001 (a log that cannot be written must not break the command)
            return

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def setup_logging(verbose: int, data_dir: Path) -> None:
    """Route the `briefing` loggers to the log file under `data_dir`, and to stderr with `verbose` > 0.
    Calling it again replaces what an earlier call set up (tests run several commands in one process)."""
    root = logging.getLogger("briefing")
    for old in list(root.handlers):
        root.removeHandler(old)
        old.close()
    root.setLevel(logging.DEBUG if verbose > 1 else logging.INFO)
    root.propagate = False
    handler = _LazyFile(data_dir / LOG_NAME)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if verbose > 0:
        err = logging.StreamHandler()
        err.setFormatter(_CleanFormatter("briefing: %(levelname)s %(name)s: %(message)s"))
        root.addHandler(err)
