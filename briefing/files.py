"""Provides `write_atomic`, the one way briefing writes a file a user named (an export, an OPML list).

A regular file is written atomically: the text goes to a temporary file beside the target, which is then
renamed over it, so a reader never sees half a file, and a failure (a full disk, a read-only file system)
leaves the target as it was and removes the temporary file. The new file gets the mode an ordinary file
gets under the user's umask (an existing target keeps its own). What must never be replaced by a rename is
written through instead: a device (`/dev/null`, `/dev/stdout`), a FIFO, a socket, a file with other hard
links (a symbolic link to one of those included).
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str) -> None:
    """Write `text` (UTF-8, newlines as given) to `path`, whose directory must exist. OSError (a full disk,
    a read-only file system, no permission) is raised with no temporary file left behind."""
    try:
        st: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        st = None
    if st is not None and (not stat.S_ISREG(st.st_mode) or st.st_nlink > 1):
        with open(path, "w", encoding="utf-8", newline="") as through:
            through.write(text)
        return
    mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(descriptor, mode)
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
