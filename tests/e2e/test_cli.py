"""The command line end to end on the bundled sample feeds, as `make run` uses it, and its error contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED_PUBLISHED, need_shared

NOW = "2026-11-29T08:00:00+00:00"  # a real "today" with nothing cached: the newest day is shown instead


def run(
    args: list[str], tmp: Path, *, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {
        **os.environ,
        "BRIEFING_CONFIG_DIR": str(tmp / "config"),
        "BRIEFING_DATA_DIR": str(tmp / "data"),
        "COLUMNS": "120",
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=full_env,
        cwd=ROOT,
        timeout=600,
    )


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache filled from the bundled sample feeds, shared by the read-only tests of this module."""
    tmp = tmp_path_factory.mktemp("cli")
    r = run(["--now", NOW, "fetch"], tmp)
    assert r.returncode == 0, r.stderr
    assert "bundled sample feeds" in r.stderr
    return tmp


def test_today_shows_the_seed_visit_as_upcoming(cache: Path) -> None:
    r = run(["--now", NOW, "today", "--width", "120"], cache)
    assert r.returncode == 0, r.stderr
    assert "nothing cached for 2026-11-29; showing 2024-03-16" in r.stderr
    out = r.stdout
    assert "\x1b" not in out  # piped: plain text
    upcoming = out.split("Upcoming", 1)[1]
    assert "Sun 17 Mar 2024 – Mon 18 Mar" in upcoming
    assert "بيدرسون" in upcoming and "دمشق" in upcoming


def test_today_json_carries_the_visit_with_its_actors(cache: Path) -> None:
    r = run(["--now", NOW, "today", "--json"], cache)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["date"] == "2024-03-16"
    visits = [e for e in data["upcoming"] if e["start"] == "2024-03-17" and e["end"] == "2024-03-18"]
    assert visits, data["upcoming"]
    who = " ".join(visits[0]["who"])
    for name in ("بيدرسون", "المقداد", "يفيموف", "أكبري"):
        assert name in who
    assert len(visits[0]["sources"]) >= 2  # several outlets reported it: one agenda item
    assert not [
        e for e in data["upcoming"] if e["start"] <= "2024-03-16" and (e["end"] or e["start"]) <= "2024-03-16"
    ]


def test_the_three_outlet_story_is_one_story(cache: Path) -> None:
    data = json.loads(run(["--now", NOW, "today", "--json"], cache).stdout)
    langs_by_story = [{a["lang"] for a in s["articles"]} for s in data["stories"] if len(s["articles"]) >= 3]
    assert any({"ar", "en"} <= langs for langs in langs_by_story), [s["headline"] for s in data["stories"]]


def test_fetch_twice_changes_nothing(cache: Path) -> None:
    before = json.loads(run(["--now", NOW, "today", "--json"], cache).stdout)
    r = run(["--now", NOW, "fetch"], cache)
    assert r.returncode == 0 and "0 new articles" in r.stderr
    assert json.loads(run(["--now", NOW, "today", "--json"], cache).stdout) == before


@pytest.mark.parametrize("fmt", ["markdown", "json", "ics"])
def test_export_formats_to_file(cache: Path, fmt: str) -> None:
    target = cache / f"out.{fmt}"
    r = run(["--now", NOW, "export", "--format", fmt, "-o", str(target)], cache)
    assert r.returncode == 0, r.stderr
    text = target.read_text(encoding="utf-8")
    assert "2024" in text and r.stdout == ""


def test_analyze_seed_contract(tmp_path: Path) -> None:
    seed = need_shared("seed", "000_2691c3d6e140cbfc.txt")
    gold = json.loads(need_shared("seed", "seed_gold.json").read_text(encoding="utf-8"))
    r = run(["analyze", str(seed), "--published", SEED_PUBLISHED, "--json"], tmp_path)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["lang"] == "ar"
    persons = {a["name"] for a in data["actors"] if a["kind"] == "person"}
    gold_persons = {a["name_as_written"] for a in gold["actors"] if a["kind"] == "person"}
    assert persons == gold_persons
    for a in data["actors"]:
        assert a["kind"] in ("person", "org", "country", "place")
        for s, e in a["mentions"]:
            assert data["text"][s:e]  # offsets point into the analyzed text
        if a["kind"] == "person":
            assert a["role"], a
    [event] = data["events"]
    assert (event["start"], event["end"], event["kind"]) == ("2024-03-17", "2024-03-18", "visit")
    for name in ("فيصل المقداد", "ألكسندر يفيموف", "حسين أكبري"):
        assert name in event["who"]
    top4 = {s["text"] for s in data["sentences"] if s["rank"] <= 4}
    for key in gold["key_sentences_top3"]:
        assert key in top4
    assert not (tmp_path / "data").exists()  # analyze never touches the cache


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["analyze", "/no/such/file.txt", "--json"], 2, "cannot read"),
        (["--now", "yesterday", "today"], 2, "--now"),
        (["today", "--date", "16/03/2024"], 2, "--date"),
        (["today", "--bogus"], 2, "No such option"),
        (["fetch", "--feed", "/no/such/feed.xml"], 2, "no such feed file"),
        (["prune", "--older-than", "soon"], 2, "90d"),
    ],
)
def test_bad_input_is_one_clear_line_and_changes_nothing(
    cache: Path, args: list[str], code: int, message: str
) -> None:
    db = cache / "data" / "cache.sqlite3"
    before = db.read_bytes()
    r = run(args, cache)
    assert r.returncode == code
    assert message in r.stderr
    assert "Traceback" not in r.stderr
    assert r.stdout == ""
    assert db.read_bytes() == before


def test_unreadable_feed_is_reported_and_the_cache_kept(cache: Path, tmp_path: Path) -> None:
    bad = tmp_path / "broken.xml"
    bad.write_bytes(b"\x00\x01 this is no feed")
    db = cache / "data" / "cache.sqlite3"
    articles_before = json.loads(run(["--now", NOW, "today", "--json"], cache).stdout)
    r = run(["fetch", "--feed", str(bad)], cache)
    assert r.returncode == 1
    assert "not a feed" in r.stderr and "Traceback" not in r.stderr
    assert json.loads(run(["--now", NOW, "today", "--json"], cache).stdout) == articles_before
    assert db.exists()


def test_today_does_not_import_heavy_modules(cache: Path) -> None:
    env = {
        **os.environ,
        "BRIEFING_CONFIG_DIR": str(cache / "config"),
        "BRIEFING_DATA_DIR": str(cache / "data"),
    }
    r = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "briefing", "--now", NOW, "today"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert r.returncode == 0
    imported = {
        line.split("|")[-1].strip().split(".")[0] for line in r.stderr.splitlines() if "import time:" in line
    }
    for heavy in ("textual", "torch", "transformers", "camel_tools"):
        assert heavy not in imported, heavy


def test_search_reads_the_query_language(cache: Path) -> None:
    r = run(["--now", NOW, "search", "lang:ar", "@2024-03-16", "بيدرسون", "-feed:levant", "--json"], cache)
    assert r.returncode == 0, r.stderr
    hits = json.loads(r.stdout)
    assert hits and all("levant" not in h["url"] for h in hits)
    assert all(h["published"].startswith("2024-03-16") for h in hits)
    bad = run(["search", "lang:fr"], cache)
    assert bad.returncode == 2 and "query: lang:fr" in bad.stderr and "Traceback" not in bad.stderr


def test_today_query_and_saved_views(cache: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[views]\nenglish = "lang:en"\nenvoy = "بيدرسون -lang:en"\n', encoding="utf-8")
    base = ["--now", NOW, "--config", str(config), "today", "--json", "--limit", "20"]
    everything = json.loads(run(["--now", NOW, "today", "--json", "--limit", "20"], cache).stdout)
    english = run([*base, "--query", "lang:en"], cache)
    assert english.returncode == 0, english.stderr
    stories = json.loads(english.stdout)["stories"]
    assert stories and all(s["lang"] == "en" for s in stories)
    assert len(stories) < len(everything["stories"])
    assert json.loads(run([*base, "--view", "english"], cache).stdout) == json.loads(english.stdout)
    envoy = json.loads(run([*base, "--view", "envoy"], cache).stdout)["stories"]
    assert envoy and all(s["lang"] == "ar" for s in envoy)
    assert any("بيدرسون" in " ".join(s["summary"]) + s["headline"] for s in envoy)
    both = json.loads(run([*base, "--view", "envoy", "--query", "lang:en"], cache).stdout)
    assert both["stories"] == []  # every part must hold: Arabic (the view) and English (the query)
    days = json.loads(run([*base, "--query", "@2024-03-15"], cache).stdout)
    assert days["date"] == "2024-03-15"  # the query's day is the briefing's
    unknown = run([*base, "--view", "nope"], cache)
    assert unknown.returncode == 2 and "--view: no saved view 'nope' (views: englis" in unknown.stderr
    bad = run([*base, "--query", "lang:fr"], cache)
    assert bad.returncode == 2 and "--query: lang:fr" in bad.stderr and "Traceback" not in bad.stderr
    config.write_text('[views]\nbroken = "+later"\n', encoding="utf-8")
    refused = run([*base], cache)
    assert refused.returncode == 2 and "views.broken: unknown tag +later" in refused.stderr


def test_search_finds_no_star_in_a_fresh_cache(cache: Path) -> None:
    r = run(["--now", NOW, "search", "+starred"], cache)
    assert r.returncode == 0 and r.stdout == "" and "nothing matches" in r.stderr


def test_export_and_search_read_query_and_view(cache: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[views]\nenglish = "lang:en"\n', encoding="utf-8")
    base = ["--now", NOW, "--config", str(config)]
    everything = json.loads(run([*base, "export", "--format", "json"], cache).stdout)
    english = run([*base, "export", "--format", "json", "--query", "lang:en"], cache)
    assert english.returncode == 0, english.stderr
    stories = json.loads(english.stdout)["stories"]
    assert stories and all(a["lang"] == "en" for s in stories for a in s["articles"])
    assert len(stories) < len(everything["stories"])
    assert json.loads(run([*base, "export", "--format", "json", "--view", "english"], cache).stdout) == (
        json.loads(english.stdout)
    )
    day = json.loads(run([*base, "export", "--format", "json", "--query", "@2024-03-15"], cache).stdout)
    assert day["date"] == "2024-03-15"  # a query's days are the export's, as for `today`
    markdown = run([*base, "export", "--view", "english"], cache).stdout
    assert "## Stories" in markdown and "بيدرسون" not in markdown.split("## Actors")[0]

    words = json.loads(run([*base, "search", "truce", "--json"], cache).stdout)
    arabic = run([*base, "search", "truce", "--query", "lang:ar", "--json"], cache)
    assert words and arabic.returncode == 0 and json.loads(arabic.stdout) == []  # the words and the filter
    viewed = json.loads(run([*base, "search", "--view", "english", "--json"], cache).stdout)
    assert viewed and all("meridian" in h["url"] for h in viewed)  # a view alone lists what it selects
    both = json.loads(run([*base, "search", "Pedersen", "--view", "english", "--json"], cache).stdout)
    assert both and [h["title"] for h in both] == [h["title"] for h in viewed if "Pedersen" in h["title"]]

    for args, line in (
        (["export", "--view", "nope"], "--view: no saved view 'nope' (views: english)"),
        (["export", "--query", "lang:fr"], "--query: lang:fr"),
        (["search", "truce", "--view", "nope"], "--view: no saved view 'nope'"),
        (["search", "truce", "--query", '"open'], '--query: a quote (") is not closed'),
        (["search", "lang:fr", "--view", "english"], "query: lang:fr"),
        (["search"], "give a QUERY"),
    ):
        bad = run([*base, *args], cache)
        assert bad.returncode == 2 and line in bad.stderr, (args, bad.stderr)
        assert "Traceback" not in bad.stderr and len(bad.stderr.strip().splitlines()) == 1, bad.stderr


def test_times_in_the_users_zone_or_each_outlets(cache: Path, tmp_path: Path) -> None:
    """The seed article was published at 19:00 in its outlet's zone (UTC+2): 17:00 in the user's (UTC here)
    by default, 19:00 with `times = "outlet"`, in `today` and the Markdown export alike."""
    config = tmp_path / "config.toml"
    config.write_text('times = "outlet"\n', encoding="utf-8")
    assert SEED_PUBLISHED.startswith("2024-03-16T19:00:00+02:00")
    for extra, clock, label in (([], "17:00", "UTC"), (["--config", str(config)], "19:00", "outlet's own")):
        today = run(["--now", NOW, *extra, "today", "--width", "200"], cache)
        assert today.returncode == 0, today.stderr
        seed = [line for line in today.stdout.splitlines() if "العربي الجديد, 16 Mar" in line]
        assert seed and all(f"16 Mar {clock}:" in line for line in seed), seed
        markdown = run(["--now", NOW, *extra, "export"], cache).stdout
        assert f"*Times: {label}.*" in markdown and f"(2024-03-16 {clock})" in markdown
    # Published at 21:00 on the 15th at UTC+2: already the 16th for a user at UTC+5, the 15th for its outlet.
    karachi = "2026-11-29T08:00:00+05:00"
    for extra, day in (([], "2024-03-16"), (["--config", str(config)], "2024-03-15")):
        found = run(["--now", karachi, *extra, "search", "وفد إسرائيلي", "lang:ar"], cache)
        assert found.returncode == 0 and found.stdout.startswith(f"{day}\tموجز النيل"), found.stdout
    # Fetched at 08:00 UTC: 11:00 for a user at UTC+3; 10:00 in the seed outlet's zone (UTC+2).
    for extra, clock in (([], "11:00"), (["--config", str(config)], "10:00")):
        listed = run(["--now", "2026-11-29T08:00:00+03:00", *extra, "feeds", "list"], cache).stdout
        [seed] = [line for line in listed.splitlines() if "\tالعربي الجديد\t" in line]
        assert f"last_ok=2026-11-29 {clock}" in seed, seed
