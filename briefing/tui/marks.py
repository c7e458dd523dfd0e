"""Provides `ReadMarks`, the read state of the articles on screen: what the last view read from the cache,
the marks made since (shown at once, stored by a job, taken back if storing fails) and the last undoable mark.

No Textual here: `BriefingApp` asks it what to show and tells it what the jobs reported. Each mark gets a
request number; a view built after a mark was stored (`marks_seen`) already has it, an older one does not,
so the marks it has not seen are laid over it.
"""

from __future__ import annotations

from collections.abc import Iterable


class ReadMarks:
    """The articles marked read on screen, and the marks not yet seen by a view."""

    def __init__(self) -> None:
        self.read: frozenset[int] = frozenset()
        """Ids of the articles on screen that are marked read (the view's state plus marks since)."""
        self.stored = 0
        """The last request the cache has stored (a view built from now on has every mark up to it)."""
        self._requests = 0
        self._pending: dict[int, tuple[int, bool]] = {}
        """Article id -> (request number, read) for marks a build may not have seen yet."""
        self._undo: tuple[frozenset[int], bool] | None = None
        """The last undoable mark (`m`, `M`): the ids it changed and the state it gave them."""

    def viewed(self, read: Iterable[int], marks_seen: int) -> frozenset[int]:
        """Take the read articles of a new view, built when marks up to `marks_seen` were stored; the read set
        to show (the view's, with the marks it has not seen)."""
        shown = set(read)
        for article_id, (request, state) in list(self._pending.items()):
            if request <= marks_seen:
                del self._pending[article_id]  # stored before this build read the cache
            elif state:
                shown.add(article_id)
            else:
                shown.discard(article_id)
        self.read = frozenset(shown)
        return self.read

    def mark(self, ids: frozenset[int], read: bool, *, undoable: bool = False) -> int:
        """Mark `ids` read (or unread) on screen; the request number to store it under. `undoable`: `undo`
        gives back the articles whose state this changed."""
        if undoable:
            changed = ids - self.read if read else ids & self.read
            self._undo = (frozenset(changed), read) if changed else None
        self._requests += 1
        for article_id in ids:
            self._pending[article_id] = (self._requests, read)
        self.read = self.read | ids if read else self.read - ids
        return self._requests

    def was_stored(self, request: int) -> None:
        self.stored = max(self.stored, request)

    def failed(self, request: int) -> None:
        """Take back the marks of a request the cache could not store."""
        failed = {article_id for article_id, (number, _) in self._pending.items() if number == request}
        for article_id in failed:
            _, state = self._pending.pop(article_id)
            self.read = self.read - {article_id} if state else self.read | {article_id}

    def take_undo(self) -> tuple[frozenset[int], bool] | None:
        """The last undoable mark (its ids and the state it gave them), once; None when there is none."""
        undo, self._undo = self._undo, None
        return undo
