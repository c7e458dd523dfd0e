"""`briefing actors`: the actors recorded across the cache, as lines or JSON."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from briefing.cli import main
from briefing.models import ParsedEntry
from briefing.pipeline import analyze_pending
from briefing.store import Store
from tests.unit.test_actors_store import AR, EN, T0


def run(tmp: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(tmp / "c.sqlite3"), *args], catch_exceptions=False)


def fill(tmp: Path) -> None:
    with Store.open(tmp / "c.sqlite3") as s:
        feed = s.feeds.ensure("https://example.com/feed.xml")
        assert feed.id is not None
        s.ingest(
            feed.id, [ParsedEntry("a", "", "ar", "", T0, AR), ParsedEntry("b", "", "en", "", T0, EN)], T0
        )
        analyze_pending(s)


def test_actors_json(tmp_path: Path) -> None:
    fill(tmp_path)
    result = run(tmp_path, "actors", "--json", "--kind", "person")
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert [r["id"] for r in rows] == ["person:geir pedersen"]
    assert rows[0]["articles"] == 2 and rows[0]["mentions"] == 4
    assert rows[0]["name_latin"] == "Geir Pedersen"


def test_actors_lines_and_limit(tmp_path: Path) -> None:
    fill(tmp_path)
    result = run(tmp_path, "actors", "--limit", "3")
    header, *lines = result.output.splitlines()
    assert header.split("\t") == ["mentions", "articles", "kind", "name", "stories"]
    assert len(lines) == 3
    assert all(len(line.split("\t")) == 5 for line in lines)
    assert any("Geir Pedersen" in line for line in lines)


def test_actors_lines_name_stories_by_title(tmp_path: Path) -> None:
    fill(tmp_path)
    with Store.open(tmp_path / "c.sqlite3") as s:
        ids = [int(r[0]) for r in s.conn.execute("SELECT id FROM articles ORDER BY id")]
        s.set_stories([(ids[0], "s1"), (ids[1], "s1")])
    result = run(tmp_path, "actors", "--kind", "person")
    [pedersen] = [line for line in result.output.splitlines() if "Geir Pedersen" in line]
    stories = pedersen.split("\t")[4]
    assert stories in {"ar", "en"}  # the story's newest title (the fixture titles are "ar" and "en")
    assert "s1" not in stories


def test_empty_cache(tmp_path: Path) -> None:
    result = run(tmp_path, "actors")
    assert result.exit_code == 0 and "no actors yet" in result.output
