"""Provides the messages of the app: what the workers report (past tense) and what the stories list says.

Workers never touch widgets; they post one of these and the app reacts on its own event loop.
"""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from briefing.models import Article, Briefing, Story
from briefing.tui.access import FeedChoice, Filters, View


class BriefingBuilt(Message):
    """The `build` worker returned a fresh view (for `filters`; `view.complete` False: the agenda follows).

    `marks_seen`: the number of the last read mark stored before the build started (newer ones are not in
    `view.read` and the app keeps applying them)."""

    def __init__(self, view: View, filters: Filters, marks_seen: int = 0) -> None:
        super().__init__()
        self.view = view
        self.filters = filters
        self.marks_seen = marks_seen

    @property
    def briefing(self) -> Briefing:
        return self.view.briefing


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


class FeedsListed(Message):
    """The feeds worker read the feed list (for the filters screen)."""

    def __init__(self, feeds: tuple[FeedChoice, ...]) -> None:
        super().__init__()
        self.feeds = feeds


class SearchFinished(Message):
    """The search worker found `hits` for `query` (best first; may be empty); `starred`: the ids of the
    hits that are starred."""

    def __init__(self, query: str, hits: tuple[Article, ...], starred: frozenset[int] = frozenset()) -> None:
        super().__init__()
        self.query = query
        self.hits = hits
        self.starred = starred


class StarsStored(Message):
    """The star worker stored the stars of `article_ids` (or failed to: `error` says why)."""

    def __init__(self, article_ids: frozenset[int], starred: bool, error: str = "") -> None:
        super().__init__()
        self.article_ids = article_ids
        self.starred = starred
        self.error = error


class ArticleLoaded(Message):
    """The article worker read one article's stored text (`article` None: it is no longer cached)."""

    def __init__(self, article_id: int, article: Article | None) -> None:
        super().__init__()
        self.article_id = article_id
        self.article = article


class ReadMarked(Message):
    """The mark worker stored the read state of `article_ids` (the app's mark request number `request`)."""

    def __init__(self, article_ids: frozenset[int], read: bool, request: int) -> None:
        super().__init__()
        self.article_ids = article_ids
        self.read = read
        self.request = request


class ExportWritten(Message):
    """The export worker wrote the Markdown file at `path`."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path


class TaskFailed(Message):
    """A worker other than build/refresh raised; `task` says which ("feeds", "search", "article", "mark",
    "export"), `error` why (one line), `request` which mark request failed."""

    def __init__(self, task: str, error: str, request: int = 0) -> None:
        super().__init__()
        self.task = task
        self.error = error
        self.request = request
