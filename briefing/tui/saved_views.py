"""Provides `SavedViews`, the app's saved views: the `[views]` of config.toml, picked with `V` or from the
command palette ("View: NAME"), each filtering the desk by its query like the filters dialog does.

A collaborator of `BriefingApp` (`app.saved_views`): the app's `action_views` and palette entries call it;
choosing a view replaces the query of the app's filters (its other filters stay) and rebuilds the desk.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


class SavedViews:
    """The saved views (name -> query) and how the app applies one."""

    def __init__(self, app: BriefingApp, views: Mapping[str, str]) -> None:
        self._app = app
        self.views = dict(views)

    def open(self) -> None:
        """`V`: the list of views."""
        from briefing.tui.screens.views import ViewsScreen  # noqa: PLC0415

        app = self._app
        if app.jobs.cache is None:
            app.warn("Saved views are not available here: the app was started without the cache.")
        elif not isinstance(app.screen, ViewsScreen):
            screen = ViewsScreen(self.views, mode=app.bidi, current=app.filters.view)
            app.push_screen(screen, self.apply)

    def apply(self, name: str | None) -> None:
        """Show the view `name` on the desk (`NO_VIEW`: take the view's query off; None: nothing)."""
        from briefing.tui.screens.views import NO_VIEW  # noqa: PLC0415

        app = self._app
        if name is None:
            return
        if app.jobs.cache is None:
            app.warn("Saved views are not available here: the app was started without the cache.")
            return
        query = self.views.get(name, "") if name != NO_VIEW else ""
        app.dialogs.apply_filters(replace(app.filters, query=query, view=name if query else ""))
