"""The app as a user sees it: run `briefing` in tmux on the sample feeds, send keys, read the screen cells.

Judged from `tmux capture-pane` (what the terminal shows), not from an SVG. Sizes: 160x45 and 80x24.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

NOW = "2026-11-29T08:00:00+00:00"


SOCKET = f"briefing-test-{os.getpid()}"
"""The private tmux server's socket name; each test session adds its own suffix (see `session`)."""
# A private tmux server started with a plain environment: never the user's server, and nothing of pytest's
# environment or file descriptors leaks into the app under test.
CLEAN_ENV = {k: os.environ[k] for k in ("PATH", "HOME", "LANG", "LC_ALL") if k in os.environ} | {
    "TERM": "xterm-256color"
}


_socket = [SOCKET]


def _tmux(*args: str) -> str:
    return subprocess.run(
        ["tmux", "-L", _socket[0], *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
        env=CLEAN_ENV,
        stdin=subprocess.DEVNULL,
    ).stdout


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("tmux") is None:
        if os.environ.get("CI"):
            pytest.fail("tmux is needed for the terminal test (apt-get install tmux)")
        pytest.skip("tmux not installed")
    tmp = tmp_path_factory.mktemp("tmux")
    env = {**os.environ, "BRIEFING_DATA_DIR": str(tmp / "data"), "BRIEFING_CONFIG_DIR": str(tmp / "config")}
    subprocess.run(
        [sys.executable, "-m", "briefing", "--now", NOW, "fetch"],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=600,
    )
    return tmp


@pytest.fixture
def session(filled: Path, request: pytest.FixtureRequest) -> Iterator[tuple[str, Path]]:
    name = f"briefing-test-{os.getpid()}-{request.node.name}".replace("[", "-").replace("]", "")
    marker = filled / f"{name}.exit"
    width, height = request.param
    # A server per test: killing the previous test's server and starting the next one on the same socket
    # raced (new-session failed now and then).
    _socket[0] = f"{SOCKET}-{width}x{height}"
    cmd = (
        f"BRIEFING_DATA_DIR={filled / 'data'} BRIEFING_CONFIG_DIR={filled / 'config'} "
        f"{sys.executable} -m briefing --now {NOW}; echo $? > {marker}; sleep 5"
    )
    # Size the window first and only then start the app in it: with no client attached tmux starts at its
    # default 80x24, and the app must see the final size from its first frame.
    _tmux("new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), "-c", str(ROOT), "sleep 600")
    _tmux("set-option", "-t", name, "window-size", "manual")
    _tmux("resize-window", "-t", name, "-x", str(width), "-y", str(height))
    deadline = time.monotonic() + 10
    while (
        _tmux("display-message", "-p", "-t", name, "#{pane_width}x#{pane_height}").strip()
        != f"{width}x{height}"
    ):
        assert time.monotonic() < deadline, "tmux did not take the window size"
        time.sleep(0.1)
    _tmux("respawn-pane", "-k", "-t", name, "-c", str(ROOT), cmd)
    try:
        yield name, marker
    finally:
        subprocess.run(["tmux", "-L", _socket[0], "kill-server"], capture_output=True, timeout=30)


def _screen(name: str) -> str:
    return _tmux("capture-pane", "-p", "-t", name)


def _wait_for(name: str, text: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _screen(name)
        if text in screen:
            return screen
        time.sleep(0.3)
    raise AssertionError(f"{text!r} never appeared; screen was:\n{screen}")


@pytest.mark.parametrize("session", [(160, 45), (80, 24)], indirect=True, ids=["160x45", "80x24"])
def test_three_panes_seed_story_actors_and_visit(session: tuple[str, Path]) -> None:
    name, marker = session
    seen = [_wait_for(name, "Stories")]
    _tmux("send-keys", "-t", name, "j")
    _tmux("send-keys", "-t", name, "k")
    seen.append(_wait_for(name, "وزير دفاع النظام السوري"))
    # Visit every pane with tab, as a user would on a small terminal where the panes are stacked. The full
    # view (with the agenda) follows the quick first one: wait for it rather than for a fixed time, so a
    # loaded machine does not fail the test.
    seen.append(_wait_for(name, " upcoming"))  # the status bar of the full view ("agenda loading…" before)
    for pane in ("Story", "Actors (", "Upcoming ("):
        _tmux("send-keys", "-t", name, "Tab")
        seen.append(_wait_for(name, pane, timeout=15))
    # The agenda pane scrolls to the selected story's event once it has focus: wait for that, not a delay.
    seen.append(_wait_for(name, "Sun 17 Mar", timeout=15))
    everything = "\n".join(seen)
    for pane in ("Stories (", "Story", "Actors (", "Upcoming ("):
        assert pane in everything, everything
    assert "بيدرسون" in everything  # the seed story's actors
    assert "Sun 17 Mar" in everything  # and its visit on the agenda
    _quit(name, marker)


def _wait_gone(name: str, text: str, what: str, timeout: float = 15) -> None:
    """Wait until `text` is off the screen (`what` names the failure)."""
    deadline = time.monotonic() + timeout
    while text in _screen(name):
        assert time.monotonic() < deadline, what
        time.sleep(0.3)


def _quit(name: str, marker: Path) -> None:
    """`q`, then the app's exit code (written to `marker` by the session) must be 0."""
    _tmux("send-keys", "-t", name, "q")
    deadline = time.monotonic() + 20
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert marker.read_text().strip() == "0"


def _unread(screen: str) -> int:
    """The unread count of the stories pane's title (`Stories (6 · 11 unread)`)."""
    match = re.search(r"Stories \(\d+ · (\d+) unread\)", screen)
    assert match is not None, screen
    return int(match.group(1))


@pytest.mark.parametrize(
    "session", [(160, 45), (100, 30), (80, 24)], indirect=True, ids=["160x45", "100x30", "80x24"]
)
def test_unread_counts_next_unread_mark_all_and_the_feeds_view(session: tuple[str, Path]) -> None:
    name, marker = session
    screen = _wait_for(name, " unread)")
    unread = _unread(screen)
    assert unread > 0 and f"· {unread} unread ·" in " ".join(screen.split())  # the header says it too
    # the help key at every width: waited for, as the footer may be drawn a frame after the header
    footer = _wait_for(name, "? Help", timeout=15)
    assert "? Help" in footer.splitlines()[-1]
    _tmux("send-keys", "-t", name, "n")  # from the first story to the next unread one
    _wait_for(name, "2 outlets · AR, EN · 2 articles", timeout=15)  # an English and an Arabic outlet
    _tmux("send-keys", "-t", name, "M")
    _wait_for(name, "· 0 unread)", timeout=15)
    _tmux("send-keys", "-t", name, "u")  # undone: the cache is as the test found it
    _wait_for(name, f"· {unread} unread)", timeout=15)
    _tmux("send-keys", "-t", name, "L")
    feeds = _wait_for(name, "Feeds (5 ·", timeout=30)
    assert "No feed failed at its last fetch." in feeds
    assert "unread · " in feeds and "last fetched" in feeds
    _tmux("send-keys", "-t", name, "Escape")
    # Only once the dialog is gone: a `q` right behind the escape would arrive as alt+q.
    _wait_gone(name, "Feeds (5 ·", "escape did not close the feeds view")
    _quit(name, marker)


@pytest.mark.parametrize("session", [(160, 45), (80, 24)], indirect=True, ids=["160x45", "80x24"])
def test_a_star_and_the_starred_view(session: tuple[str, Path]) -> None:
    name, marker = session
    _wait_for(name, " unread)")
    assert "★" not in _screen(name)
    _tmux("send-keys", "-t", name, "s")  # the first story, stored in the cache
    _wait_for(name, "★", timeout=15)
    _tmux("send-keys", "-t", name, "S")
    starred = _wait_for(name, "match “+starred”", timeout=30)
    assert "Starred articles" in starred
    _tmux("send-keys", "-t", name, "Escape")
    _wait_gone(name, "Starred articles", "escape did not close the starred view")
    _tmux("send-keys", "-t", name, "s")  # unstarred: the cache is as the test found it
    _wait_gone(name, "★", "the star stayed")
    _quit(name, marker)
