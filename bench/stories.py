"""Story benchmark on real news: days of the saudinewsnet corpus (14 Saudi papers) as local RSS feeds.

    # the first fetch of N days (fetch + analysis + clustering), timed with peak memory of the process tree:
    .venv/bin/python bench/stories.py fetch --days 2015-08-01,2015-08-02
    # a cache of stored analyses to iterate on (fetch and analysis only, no stories), built once:
    .venv/bin/python bench/stories.py build --db /tmp/snn8.sqlite3 --days 2015-07-26,2015-07-27,...
    # re-cluster the stored analyses of that cache (clustering time alone, per day, or some days in one call):
    .venv/bin/python bench/stories.py recluster --db /tmp/snn8.sqlite3 [--days 2015-08-01,2015-08-02]
    # the top stories of one day, with every member's outlet and title (for a reader's review):
    .venv/bin/python bench/stories.py top --db /tmp/snn8.sqlite3 --day 2015-08-02 [--limit 20]
    # B-cubed on the labelled sets: the story set written for the tests and the bundled sample feeds:
    .venv/bin/python bench/stories.py bcubed

The corpus (/work/shared/corpora/saudinewsnet, or SAUDINEWSNET) has one zip per day; each paper of each day
becomes one RSS file, its articles published at their crawl time (Riyadh time). Nothing is sent anywhere.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import zipfile
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from fetch import timed  # noqa: E402 (the bench's sibling module: wall, CPU and peak tree memory)

CORPUS = Path(os.environ.get("SAUDINEWSNET", "/work/shared/corpora/saudinewsnet"))
RIYADH = timezone(timedelta(hours=3))
EIGHT_DAYS = "2015-07-26,2015-07-27,2015-07-31,2015-08-01,2015-08-02,2015-08-03,2015-08-04,2015-08-06"


def articles_of(day: str) -> list[dict[str, str]]:
    with zipfile.ZipFile(CORPUS / f"{day}.zip") as z:
        data: list[dict[str, str]] = json.loads(z.read(f"{day}.json"))
    return data


def write_feeds(days: list[str], out: Path) -> int:
    """One RSS file per paper and day under `out`, a feeds.toml listing them and a config.toml pointing at
    it; returns the number of articles."""
    out.mkdir(parents=True, exist_ok=True)
    entries: list[str] = []
    total = 0
    for day in days:
        by_source: dict[str, list[dict[str, str]]] = {}
        for a in articles_of(day):
            by_source.setdefault(a["source"], []).append(a)
        for source, items in sorted(by_source.items()):
            rows = []
            for a in items:
                when = datetime.fromisoformat(a["date_extracted"]).replace(tzinfo=RIYADH)
                link = escape(a["url"])
                rows.append(
                    f"<item><title>{escape(a['title'])}</title><link>{link}</link><guid>{link}</guid>"
                    f"<pubDate>{format_datetime(when)}</pubDate>"
                    f"<description>{escape(a['content'])}</description></item>"
                )
            name = f"{source}-{day}.xml"
            (out / name).write_text(
                '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                f"<title>{source}</title><link>http://{source}.example/</link><language>ar</language>"
                f"{''.join(rows)}</channel></rss>",
                encoding="utf-8",
            )
            entries.append(f'[[feed]]\ntitle = "{source}"\nurl = "{name}"\nlang = "ar"\nfull_text = false\n')
            total += len(items)
    (out / "feeds.toml").write_text("\n".join(entries), encoding="utf-8")
    return total


def _config(feeds: Path, db: Path) -> Path:
    config = feeds / "config.toml"
    text = f'db = "{db}"\nfeeds_file = "{feeds / "feeds.toml"}"\nallow_private = true\n'
    config.write_text(text, encoding="utf-8")
    return config


def _briefing(config: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "briefing", "--config", str(config), *args]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "CI": "true"}


def cmd_fetch(args: argparse.Namespace) -> None:
    days = args.days.split(",")
    work = Path(tempfile.mkdtemp(prefix="bench-stories-"))
    try:
        n = write_feeds(days, work / "feeds")
        db = Path(args.db) if args.db else work / "cache.sqlite3"
        config = _config(work / "feeds", db)
        wall, cpu, peak, _ = timed(_briefing(config, "fetch"), _env(), ROOT)
        print(
            f"{len(days)} days, {n} articles: first fetch {wall:.1f} s wall, {cpu:.1f} s CPU "
            f"({1000 * cpu / max(1, n):.1f} ms per article), peak {peak / 2**20:.0f} MB (process tree)"
        )
        today = _briefing(config, "--now", f"{days[-1]}T23:00:00+03:00", "today", "--date", days[-1])
        wall, cpu, peak, _ = timed(today, _env(), ROOT)
        print(f"today --date {days[-1]}: {wall:.2f} s wall, peak {peak / 2**20:.0f} MB")
    finally:
        shutil.rmtree(work)


def cmd_build(args: argparse.Namespace) -> None:
    """Fetch without analysis, then analyze: a cache of analyses and no stories."""
    from briefing.pipeline import analyze_pending  # noqa: PLC0415
    from briefing.store import Store  # noqa: PLC0415

    days = args.days.split(",")
    work = Path(tempfile.mkdtemp(prefix="bench-stories-"))
    try:
        n = write_feeds(days, work / "feeds")
        config = _config(work / "feeds", Path(args.db))
        wall, _, _, _ = timed(_briefing(config, "fetch", "--no-analyze"), _env(), ROOT)
        print(f"{n} articles fetched in {wall:.1f} s", flush=True)
        start = time.perf_counter()
        with Store.open(Path(args.db)) as store:
            analyze_pending(store)
        print(f"analyzed in {time.perf_counter() - start:.1f} s")
    finally:
        shutil.rmtree(work)


def cmd_recluster(args: argparse.Namespace) -> None:
    """Forget the stories and cluster the stored analyses again, one day of articles per call, as daily
    fetches would; prints the time of each call (loading its window included) and the total."""
    from briefing.pipeline import cluster_new  # noqa: PLC0415
    from briefing.store import Store  # noqa: PLC0415

    with Store.open(Path(args.db)) as store:
        with store.transaction() as c:  # a bench resets the stories of its own cache
            c.execute("UPDATE articles SET story_id = NULL")
        row = store.conn.execute("SELECT min(published_utc), max(published_utc) FROM articles").fetchone()
        first, last = (datetime.fromisoformat(x) for x in row)
        day = first.astimezone(RIYADH).date()
        total = total_cpu = 0.0
        if args.days:  # one call for these days, as their first fetch clusters them
            articles: list[int] = []
            for d in args.days.split(","):
                start = datetime.fromisoformat(d).replace(tzinfo=RIYADH)
                articles += store.ids_between(start, start + timedelta(days=1) - timedelta(microseconds=1))
            from briefing.nlp.rank.terms import terms as load  # noqa: PLC0415

            load("")
            t0, c0 = time.perf_counter(), time.process_time()
            cluster_new(store, articles)
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            print(f"{len(articles)} articles of {args.days} in one call: {wall:.1f} s ({cpu:.1f} s CPU)")
            return
        from briefing.nlp.rank.terms import terms  # noqa: PLC0415

        terms("")  # camel-tools loads once per process, with or without stories: not clustering time
        while day <= last.astimezone(RIYADH).date():
            start = datetime(day.year, day.month, day.day, tzinfo=RIYADH)
            articles = store.ids_between(start, start + timedelta(days=1) - timedelta(microseconds=1))
            t0, c0 = time.perf_counter(), time.process_time()
            cluster_new(store, articles)
            spent, cpu = time.perf_counter() - t0, time.process_time() - c0
            total += spent
            total_cpu += cpu
            if articles:
                print(
                    f"{day}: {len(articles)} articles clustered in {spent:.2f} s ({cpu:.2f} s CPU)",
                    flush=True,
                )
            day += timedelta(days=1)
        print(f"total clustering {total:.1f} s ({total_cpu:.1f} s CPU)")


def cmd_top(args: argparse.Namespace) -> None:
    from briefing.store import Store  # noqa: PLC0415
    from briefing.viewmodel import build_briefing  # noqa: PLC0415

    day = date.fromisoformat(args.day)
    now = datetime(day.year, day.month, day.day, 23, 59, tzinfo=RIYADH)
    with Store.open(Path(args.db), readonly=True) as store:
        briefing = build_briefing(store, now, day=day, limit=args.limit, with_agenda=False)
    for i, story in enumerate(briefing.stories, 1):
        print(f"\n## {i}. {story.headline}  ({len(story.articles)} articles)")
        print("   actors: " + ", ".join(a.name for a in story.actors[:8]))
        print("   why: " + "; ".join(story.why))
        for line in story.summary[:2]:
            print(f"   > {line[:160]}")
        for ref in story.articles:
            print(f"   - {ref.feed}: {ref.title}")


def cmd_bcubed(args: argparse.Namespace) -> None:
    """B-cubed of the stories on the story set written for the tests (one article at a time, and in one
    batch) and on the bundled sample feeds (a first fetch through the command line, stories read from its
    cache, labels from tests/golden/sample_expectations.json)."""
    from briefing.nlp.analyze import analyze  # noqa: PLC0415
    from briefing.nlp.stories.cluster import Item, assign, features  # noqa: PLC0415
    from briefing.store import Store  # noqa: PLC0415
    from tests.unit.test_cluster import DATA, bcubed, incremental  # noqa: PLC0415 (one scorer for both)

    written = sorted(
        json.loads(DATA.read_text(encoding="utf-8"))["articles"],
        key=lambda a: datetime.fromisoformat(a["published"]),
    )
    analyses = {
        a["id"]: analyze(a["text"], datetime.fromisoformat(a["published"]), title=a["title"]) for a in written
    }
    gold = {a["id"]: a["story"] for a in written}
    batch = assign([Item(a["id"], features(analyses[a["id"]])) for a in written], [])
    for name, predicted in (("one at a time", incremental(written, analyses)), ("one batch", batch)):
        p, r, f1 = bcubed(predicted, gold)
        print(f"story set ({len(gold)} articles), {name}: P {p:.3f} R {r:.3f} F1 {f1:.3f}")
    expected = json.loads((ROOT / "tests/golden/sample_expectations.json").read_text(encoding="utf-8"))
    labels = {item["link"]: item["story"] for item in expected["items"].values()}
    with tempfile.TemporaryDirectory(prefix="bench-stories-") as tmp:
        env = {**_env(), "BRIEFING_CONFIG_DIR": f"{tmp}/config", "BRIEFING_DATA_DIR": f"{tmp}/data"}
        timed([sys.executable, "-m", "briefing", "fetch"], env, ROOT)
        with Store.open(Path(tmp) / "data" / "cache.sqlite3", readonly=True) as store:
            rows = store.conn.execute("SELECT url, story_id FROM articles").fetchall()
    stories = {url: story for url, story in rows if url in labels}
    p, r, f1 = bcubed(stories, {url: labels[url] for url in stories})
    print(f"sample feeds ({len(stories)} of {len(labels)} labelled): P {p:.3f} R {r:.3f} F1 {f1:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("fetch")
    p.add_argument("--days", default="2015-08-01,2015-08-02")
    p.add_argument("--db", help="keep the cache here (default: a temporary file)")
    p = sub.add_parser("build")
    p.add_argument("--db", required=True)
    p.add_argument("--days", default=EIGHT_DAYS)
    p = sub.add_parser("recluster")
    p.add_argument("--db", required=True)
    p.add_argument("--days", help="cluster these days in one call (default: each day in turn)")
    p = sub.add_parser("top")
    p.add_argument("--db", required=True)
    p.add_argument("--day", required=True)
    p.add_argument("--limit", type=int, default=20)
    sub.add_parser("bcubed")
    args = parser.parse_args()
    commands = {"fetch": cmd_fetch, "build": cmd_build, "recluster": cmd_recluster, "top": cmd_top}
    {**commands, "bcubed": cmd_bcubed}[args.cmd](args)


if __name__ == "__main__":
    main()
