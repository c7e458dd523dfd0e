"""`ReadMarks`: marks show at once, a view built before a mark was stored gets it laid over, a failed store
takes the mark back, and undo gives back only what the last undoable mark changed."""

from __future__ import annotations

from briefing.tui.marks import ReadMarks


def test_a_mark_shows_at_once_and_a_view_that_has_not_seen_it_keeps_it() -> None:
    marks = ReadMarks()
    marks.viewed({1}, marks_seen=0)
    request = marks.mark(frozenset({2, 3}), True)
    assert marks.read == {1, 2, 3}
    # a view read before the mark was stored: the mark is laid over it
    assert marks.viewed({1}, marks_seen=request - 1) == {1, 2, 3}
    marks.was_stored(request)
    assert marks.stored == request
    # a view built after it was stored has it (or, here, the cache says otherwise: the view wins)
    assert marks.viewed({1, 2}, marks_seen=request) == {1, 2}


def test_an_unread_mark_hides_the_read_state_of_an_older_view() -> None:
    marks = ReadMarks()
    marks.viewed({4, 5}, marks_seen=0)
    marks.mark(frozenset({4}), False)
    assert marks.viewed({4, 5}, marks_seen=0) == {5}


def test_a_failed_store_takes_its_marks_back_and_leaves_later_ones() -> None:
    marks = ReadMarks()
    first = marks.mark(frozenset({1}), True)
    marks.mark(frozenset({2}), True)
    marks.failed(first)
    assert marks.read == {2}


def test_undo_gives_back_only_what_the_mark_changed_and_only_once() -> None:
    marks = ReadMarks()
    marks.viewed({1}, marks_seen=0)
    marks.mark(frozenset({1, 2}), True, undoable=True)
    assert marks.take_undo() == (frozenset({2}), True)
    assert marks.take_undo() is None
    marks.mark(frozenset({1, 2}), True, undoable=True)  # nothing changed: nothing to undo
    assert marks.take_undo() is None
    marks.mark(frozenset({3}), True)  # not undoable: keeps no undo
    assert marks.take_undo() is None
