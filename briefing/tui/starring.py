"""Provides `Starring`, the app's stars: `s` stars or unstars what is selected, `S` lists the starred.

What `s` acts on: the selected story (all its articles) when the stories list has the focus, the article
under the cursor when the story pane has it, the article on screen in the full text, the result under the
cursor in the search or starred view. A second `s` unstars (when everything it acts on is starred already).
The new state shows at once; a job stores it (`Jobs.star`, `CacheAccess.star`) and, should that fail, the
app puts the marks back and says why. The starred view is the search dialog running the query `+starred`.

A collaborator of `BriefingApp` (`app.starring`): the app's `action_star` and `action_starred_view` call it,
and its `StarsStored` handler hands the message here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.tui.format import count
from briefing.tui.messages import StarsStored

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


class Starring:
    """The stars of the articles the app shows, and the `s` / `S` keys."""

    def __init__(self, app: BriefingApp) -> None:
        self._app = app
        self.starred: frozenset[int] = frozenset()
        """Ids of the starred articles the app knows of (the view's, and those starred or unstarred since)."""
        self._changed: dict[int, bool] = {}
        """Article id -> the state `s` gave it in this session (a build may have read the cache before the
        star was stored: these win over the view's)."""

    def of_view(self, view_starred: frozenset[int]) -> frozenset[int]:
        """The starred ids of a new view, with this session's stars applied; kept as `starred`."""
        starred = set(view_starred) | self.starred
        for article_id, state in self._changed.items():
            if state:
                starred.add(article_id)
            else:
                starred.discard(article_id)
        self.starred = frozenset(starred)
        return self.starred

    def _targets(self) -> tuple[frozenset[int], str] | None:
        """The article ids `s` acts on here, and what to call them ("story" or "article")."""
        from briefing.tui.screens.article import ArticleScreen  # noqa: PLC0415
        from briefing.tui.screens.search import SearchScreen  # noqa: PLC0415

        app = self._app
        screen = app.screen
        if isinstance(screen, SearchScreen):
            hit = screen.highlighted_hit
            return (frozenset({hit.id}), "article") if hit is not None else None
        if isinstance(screen, ArticleScreen):
            found = screen.article.article_id
            return (frozenset({found}), "article") if found is not None else None
        if screen is not app.main:
            return None
        if app.main.story_pane.has_focus:
            article = app.main.selected_article
            if article is None or article.article_id is None:
                return None
            return frozenset({article.article_id}), "article"
        story = app.main.selected_story
        if story is None:
            return None
        ids = frozenset(ref.article_id for ref in story.articles if ref.article_id is not None)
        return (ids, "story") if ids else None

    def _known(self) -> frozenset[int]:
        """Every starred id the app knows of: the desk's and the open search dialogs'."""
        from briefing.tui.screens.search import SearchScreen  # noqa: PLC0415

        known = set(self.starred)
        for screen in self._app.screen_stack:
            if isinstance(screen, SearchScreen):
                known |= screen.starred
        return frozenset(known)

    def toggle(self) -> None:
        """`s`: star what is selected, or unstar it when it is all starred already."""
        if self._app.jobs.cache is None:
            self._app.warn("Stars are not available here: the app was started without the cache.")
            return
        found = self._targets()
        if found is None:
            self._app.warn("Nothing selected to star.")
            return
        ids, what = found
        star = not ids <= self._known()
        self._show(ids, star)
        self._app.jobs.star(ids, star)
        said = "Starred" if star else "Unstarred"
        detail = f"the story ({count(len(ids), 'article')})" if what == "story" else "the article"
        self._app.notify(f"{said} {detail} · S lists the starred", markup=False)

    def _show(self, ids: frozenset[int], star: bool) -> None:
        from briefing.tui.screens.article import ArticleScreen  # noqa: PLC0415
        from briefing.tui.screens.search import SearchScreen  # noqa: PLC0415

        for article_id in ids:
            self._changed[article_id] = star
        self.starred = self.starred | ids if star else self.starred - ids
        app = self._app
        app.main.show_stars(self.starred)
        for screen in app.screen_stack:
            if isinstance(screen, SearchScreen):
                screen.show_stars(ids, star)
            elif isinstance(screen, ArticleScreen):
                screen.show_star(screen.article.article_id in self._known())

    def stored(self, message: StarsStored) -> None:
        """The worker's report: a failure puts the marks back and says why."""
        if message.error:
            self._show(message.article_ids, not message.starred)
            self._app.notify(message.error, title="Could not star", severity="error", markup=False)

    def is_starred(self, article_id: int | None) -> bool:
        return article_id is not None and article_id in self._known()

    def open_view(self) -> None:
        """`S`: the starred articles, newest first, in the search dialog (enter reads one, `s` unstars)."""
        from briefing.tui.screens.search import STARRED_QUERY, SearchScreen  # noqa: PLC0415

        app = self._app
        if app.jobs.cache is None:
            app.warn("The starred view is not available here: the app was started without the cache.")
            return
        if isinstance(app.screen, SearchScreen):
            return
        screen = SearchScreen(
            mode=app.bidi, query=STARRED_QUERY, zone=app.zone, title="Starred articles", run=True
        )
        app.push_screen(screen, app.dialogs.search_closed)
