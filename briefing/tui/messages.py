"""Provides the messages of the app: what the workers report (past tense) and what the stories list says.

Workers never touch widgets; they post one of these and the app reacts on its own event loop.
"""

from __future__ import annotations

from textual.message import Message

from briefing.models import Briefing, Story


class BriefingBuilt(Message):
    """The `build` worker returned a fresh view-model."""

    def __init__(self, briefing: Briefing) -> None:
        super().__init__()
        self.briefing = briefing


class BuildFailed(Message):
    """The `build` worker raised; `error` is a one-line description for the user."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class RefreshFinished(Message):
    """The `refresh` worker returned; `summary` is what it said (e.g. "12 new articles from 5 feeds")."""

    def __init__(self, summary: str) -> None:
        super().__init__()
        self.summary = summary


class RefreshFailed(Message):
    """The `refresh` worker raised; the old view stays."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class StoryHighlighted(Message):
    """The cursor of the stories list moved to `story`."""

    def __init__(self, story: Story) -> None:
        super().__init__()
        self.story = story


class StoryOpened(Message):
    """The user pressed enter (or clicked) on `story` in the stories list."""

    def __init__(self, story: Story) -> None:
        super().__init__()
        self.story = story


class PanesMounted(Message):
    """The main screen has composed its panes: the first build can be shown."""
