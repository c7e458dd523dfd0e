"""What the user types is checked and never drives the terminal: bad feed URLs refused at `feeds add`, at
import and (when already in the list) reported per feed; escapes in arguments never printed raw
(reliability issue rows 2 and 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.security.conftest import run

ESC_ARG = "http://x\x1b]52;c;aGk=\x07.example/\x1b[2J"


@pytest.mark.parametrize(
    "url",
    [
        "http://[::1/bad",
        "http://",
        "https://exa mple.org/x",
        "file:///nonexistent/feed.xml",
        "http://h:99999/",
    ],
)
def test_feeds_add_refuses_unusable_urls(tmp_path: Path, url: str) -> None:
    r = run(["feeds", "add", url], tmp_path)
    err = r.stderr.decode()
    assert r.returncode == 2, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "config" / "feeds.toml").exists()


def test_a_bad_url_already_in_the_list_is_one_feed_line(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    good = tmp_path / "good.xml"
    good.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>G</title><item><title>One</title>'
        "<guid>g1</guid><link>https://news.example/1</link></item></channel></rss>"
    )
    (config / "feeds.toml").write_text(
        f'[[feed]]\nurl = "http://[::1/bad"\n\n[[feed]]\nurl = "{good}"\nallow_private = true\n'
    )
    r = run(["--db", str(tmp_path / "c.sqlite3"), "fetch", "--no-analyze"], tmp_path)
    err = r.stderr.decode()
    assert r.returncode == 0, err
    assert "Traceback" not in err
    assert [ln for ln in err.splitlines() if "::1/bad" in ln and "not a valid URL" in ln], err
    assert "1/2 feeds fetched, 1 new article," in err
    listed = run(["--db", str(tmp_path / "c.sqlite3"), "feeds", "list"], tmp_path)
    assert listed.returncode == 0 and b"not a valid URL" in listed.stdout


def test_opml_import_refuses_an_invalid_url_even_with_the_opt_in(tmp_path: Path) -> None:
    opml = tmp_path / "in.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        '<outline text="bad" type="rss" xmlUrl="http://[::1/bad"/>'
        '<outline text="ok" type="rss" xmlUrl="https://news.example/feed.xml"/></body></opml>'
    )
    r = run(["feeds", "import", "--allow-private", str(opml)], tmp_path)
    err = r.stderr.decode()
    assert r.returncode == 0, err
    assert "imported 1 feed " in err and "not a valid URL" in err
    assert "::1/bad" not in (tmp_path / "config" / "feeds.toml").read_text()


@pytest.mark.parametrize(
    "args",
    [
        ["feeds", "add", ESC_ARG],
        ["fetch", "--feed", ESC_ARG],
        ["feeds", "remove", ESC_ARG],
        ["--db", "{tmp}/not\x1b[2J\x9b31m.sqlite3", "today"],
        ["export", "--format", "json", "-o", "{tmp}/no-such-dir/\x1b]0;pwned\x07x.json"],
        [
            "--now",
            "2024-03-16T20:00:00+00:00",
            "export",
            "--format",
            "json",
            "-o",
            "{tmp}/\x1b]0;pwned\x07x.json",
        ],
        ["--db", "{tmp}/\x1b[2Jc.sqlite3", "paths"],
    ],
)
def test_escapes_in_arguments_never_reach_the_terminal(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "not\x1b[2J\x9b31m.sqlite3").write_bytes(b"not a database, " * 100)
    r = run([a.replace("{tmp}", str(tmp_path)) for a in args], tmp_path)
    for stream in (r.stdout, r.stderr):
        text = stream.decode("utf-8", "replace")
        assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text, text
    assert b"Traceback" not in r.stderr


def test_command_line_slips_are_one_line_and_exit_2(tmp_path: Path) -> None:
    """Usage errors in one line; `--published` blamed by name; a file that is no cache is bad input."""
    notdb = tmp_path / "notes.txt"
    notdb.write_text("not a database at all\n" * 50)
    for args, word in [
        (["export", "--format", "pdf"], "--format"),
        (["analyze", "-", "--published", "yesterday"], "--published"),
        (["no-such-command"], "no-such-command"),
        (["--db", str(notdb), "today"], "not a briefing cache"),
    ]:
        r = run(args, tmp_path)
        err = r.stderr.decode()
        assert r.returncode == 2, (args, err)
        assert len(err.strip().splitlines()) == 1 and word in err, (args, err)
    assert b"--now" not in run(["analyze", "-", "--published", "yesterday"], tmp_path).stderr


def test_export_since_alone_runs_to_today(tmp_path: Path) -> None:
    db = str(tmp_path / "c.sqlite3")
    now = "2024-03-16T20:00:00+00:00"
    ranged = run(["--db", db, "--now", now, "export", "--format", "json", "--since", "2024-03-14"], tmp_path)
    explicit = run(
        [
            "--db",
            db,
            "--now",
            now,
            "export",
            "--format",
            "json",
            "--since",
            "2024-03-14",
            "--until",
            "2024-03-16",
        ],
        tmp_path,
    )
    assert ranged.returncode == 0 and ranged.stdout == explicit.stdout
