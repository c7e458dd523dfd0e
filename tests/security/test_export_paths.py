"""Export targets (RELIABILITY.md row 10): a title like `../../x` never decides where anything is written.

No file name in briefing is derived from feed text: `export -o FILE` writes exactly FILE (through a
temporary file beside it, renamed into place), and nothing else. These tests fill a cache with titles that
look like paths, export every format, and compare the whole directory tree before and after.
"""

from __future__ import annotations

import uuid
from html import escape
from pathlib import Path

import pytest

from tests.security.conftest import NOW, run

TOKEN = uuid.uuid4().hex[:12]
PATHLIKE = [
    f"../../../../../../../../tmp/briefing-row10-{TOKEN}",
    f"../escaped-{TOKEN}.md",
    f"/tmp/briefing-row10-abs-{TOKEN}",
    f"..\\..\\..\\briefing-row10-win-{TOKEN}",
    f"~/briefing-row10-home-{TOKEN}",
    f"%2e%2e%2fbriefing-row10-enc-{TOKEN}",
    f"out/../../briefing-row10-mid-{TOKEN}.ics",
]


def pathlike_feed() -> bytes:
    items = "".join(
        f"<item><title>{escape(t)}</title><link>https://news.example/{i}</link><guid>p{i}</guid>"
        f"<pubDate>Sat, 16 Mar 2024 1{i}:00:00 +0000</pubDate><author>{escape(t)}</author>"
        f"<description>{escape(t)}: the envoy will visit Damascus on Sunday, March 17, 2024.</description>"
        "</item>"
        for i, t in enumerate(PATHLIKE)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0">'
        f"<channel><title>{escape(PATHLIKE[0])}</title>"
        f"{items}</channel></rss>"
    ).encode()


def tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    home = tmp_path_factory.mktemp("row10")
    feed = home / "paths.xml"
    feed.write_bytes(pathlike_feed())
    db = home / "cache.sqlite3"
    r = run(["--db", str(db), "--now", NOW, "fetch", "--no-full-text", "--feed", str(feed)], home)
    assert r.returncode == 0, r.stderr.decode()
    return home, db


def nowhere_else() -> None:
    for stray in (
        Path(f"/tmp/briefing-row10-{TOKEN}"),
        Path(f"/tmp/briefing-row10-abs-{TOKEN}"),
        Path.home() / f"briefing-row10-home-{TOKEN}",
    ):
        assert not stray.exists(), stray


@pytest.mark.parametrize("fmt", ["markdown", "json", "ics"])
def test_export_writes_only_the_named_file(cache: tuple[Path, Path], tmp_path: Path, fmt: str) -> None:
    home, db = cache
    out_dir = tmp_path / "exports" / "deep"
    out_dir.mkdir(parents=True)
    target = out_dir / f"briefing.{fmt}"
    watched = [home, tmp_path]
    before = [tree(w) for w in watched]
    r = run(
        ["--db", str(db), "--now", NOW, "export", "--format", fmt, "--date", "2024-03-16", "-o", str(target)],
        home,
    )
    assert r.returncode == 0, r.stderr.decode()
    text = target.read_text(encoding="utf-8")
    assert TOKEN in text  # the path-like titles were exported, as text
    after = [tree(w) for w in watched]
    assert after[0] - before[0] <= {"cache.sqlite3-wal", "cache.sqlite3-shm"}  # the cache's own files at most
    assert after[1] - before[1] == {str(target.relative_to(tmp_path))}  # no temporary file left behind
    nowhere_else()


def test_export_replaces_a_symlink_instead_of_writing_through_it(
    cache: tuple[Path, Path], tmp_path: Path
) -> None:
    """`-o link` replaces the link itself (the rename is atomic); the file it pointed to is untouched."""
    home, db = cache
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me\n")
    link = tmp_path / "briefing.md"
    link.symlink_to(precious)
    r = run(["--db", str(db), "--now", NOW, "export", "-o", str(link)], home)
    assert r.returncode == 0, r.stderr.decode()
    assert precious.read_text() == "keep me\n"
    assert not link.is_symlink() and TOKEN in link.read_text(encoding="utf-8")


@pytest.mark.parametrize("where", ["missing-dir", "a-directory"])
def test_export_to_an_impossible_target_writes_nothing(
    cache: tuple[Path, Path], tmp_path: Path, where: str
) -> None:
    home, db = cache
    (tmp_path / "dir").mkdir()
    target = tmp_path / "missing" / "briefing.md" if where == "missing-dir" else tmp_path / "dir"
    before = tree(tmp_path)
    r = run(["--db", str(db), "--now", NOW, "export", "-o", str(target)], home)
    assert r.returncode == 2, (r.returncode, r.stderr.decode())
    err = r.stderr.decode()
    assert "error" in err.lower() and "Traceback" not in err  # one clean line (ours or click's usage error)
    assert tree(tmp_path) == before
    nowhere_else()


def test_nothing_in_the_code_names_files_after_feed_text() -> None:
    """A guard for the future: the only writers of files are `files.write_atomic` (to a path the user gave)
    and the feeds file and cache (paths decided in `briefing.paths`). If this fails, a new writer appeared:
    give it a test like the ones above before changing this list."""
    root = Path(__file__).resolve().parents[2] / "briefing"
    writers = []
    for path in root.rglob("*.py"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if any(
                w in line
                for w in (
                    "write_text(",
                    "write_bytes(",
                    "mkstemp(",
                    ', "w"',
                    ", 'w'",
                    "os.replace(",
                    '.open("w',
                    ".open('w",
                    '"wb"',
                    "'wb'",
                )
            ):
                writers.append(f"{path.relative_to(root)}:{n}")
    files = sorted({w.split(":")[0] for w in writers})
    assert files == ["feeds/sources.py", "files.py"], writers


async def test_the_apps_export_names_its_file_after_the_date_only(
    cache: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The one file name briefing chooses itself: the app's export (`e`, then enter) proposes
    `briefing-YYYY-MM-DD.md` in the current directory, and writes that file and nothing else, whatever
    the titles say."""
    from datetime import datetime  # noqa: PLC0415

    from briefing.cli.cache_access import tui_cache  # noqa: PLC0415
    from briefing.cli.group import Ctx  # noqa: PLC0415
    from briefing.config import load  # noqa: PLC0415
    from briefing.tui.app import BriefingApp  # noqa: PLC0415
    from tests.security.hostile import assert_markdown_safe  # noqa: PLC0415

    _, db = cache
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    before = tree(tmp_path)
    app = BriefingApp(cache=tui_cache(Ctx(load(None, db=db), datetime.fromisoformat(NOW))))
    async with app.run_test(size=(160, 45)) as pilot:
        for _ in range(50):  # the agenda loads after the first screen; export waits for it
            await app.workers.wait_for_complete()
            await pilot.pause()
            if app.view is not None and app.view.complete:
                break
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
    written = tree(tmp_path) - before
    assert written == {"cwd/briefing-2024-03-16.md"}, written
    text = (work / "briefing-2024-03-16.md").read_text(encoding="utf-8")
    assert TOKEN in text
    assert_markdown_safe(text)
    nowhere_else()
