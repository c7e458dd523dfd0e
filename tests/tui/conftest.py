"""TUI test helpers: hand-built briefings (fixtures.py), an app that records notifications, screen text.

The root conftest gives every test its own BRIEFING_CONFIG_DIR, so user themes never leak in.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.app import App
from textual.notifications import SeverityLevel
from textual.pilot import Pilot

from briefing.models import Briefing
from briefing.tui.app import BriefingApp
from tests.tui.fixtures import empty_briefing, hostile_briefing, seed_briefing


class RecordingApp(BriefingApp):
    """`BriefingApp` that keeps every notification as (severity, title, message)."""

    def __init__(self, build: Callable[[], Briefing], **kwargs: object) -> None:
        self.notes: list[tuple[str, str, str]] = []
        super().__init__(build, **kwargs)  # type: ignore[arg-type]

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        self.notes.append((severity, title, message))
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def said(self, severity: str, fragment: str) -> bool:
        return any(s == severity and fragment in f"{t} {m}" for s, t, m in self.notes)


def recording(opened: list[str]) -> Callable[..., bool]:
    """A stand-in for `webbrowser.open` that records the URLs it is asked to open."""

    def open_url(url: str, *args: object, **kwargs: object) -> bool:
        opened.append(url)
        return True

    return open_url


async def settle(pilot: Pilot[None]) -> None:
    """Wait for the workers and for the panes to recompose."""
    await pilot.app.workers.wait_for_complete()
    for _ in range(4):
        await pilot.pause()


async def first_view(pilot: Pilot[None]) -> None:
    """Wait (up to a second) until the app shows its first view, without waiting for the workers: a test
    with a gated cache looks at the quick view while the full one is still being built."""
    app = pilot.app
    for _ in range(50):
        if getattr(app, "view", None) is not None:
            return
        await pilot.pause(0.02)


def screen_text(app: App[None]) -> str:
    """What the terminal cells hold, line by line (combining marks appear as separate characters)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@pytest.fixture
def briefing() -> Briefing:
    return seed_briefing()


@pytest.fixture
def empty() -> Briefing:
    return empty_briefing()


@pytest.fixture
def hostile() -> Briefing:
    return hostile_briefing()
