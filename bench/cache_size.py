"""Cache size benchmark: bytes per article of a cache filled by a first fetch of real Arabic news.

Turns days of the SaudiNewsNet corpus (`../shared/corpora/saudinewsnet/`, one zip per day) into one RSS file
per paper and day, runs `briefing --db X fetch --no-full-text --feed FILE ...` on them (analysis and stories
included) in a fresh cache, checkpoints and vacuums the file, and prints its size per article and the share of
each table (`dbstat`; an index counts with its table, the search index's shadow tables as one). With
`--compare REV`, the same feeds are fetched first by the code of git revision REV (a `git archive` of it), so
the baseline is measured in the same run on the same machine.

    .venv/bin/python bench/cache_size.py [--days 2015-08-01 ...] [--limit N] [--compare main]

Peak memory is the largest resident set of one child process (`ru_maxrss`: the fetch process, or one
analysis worker when that is larger), not of the whole process tree.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import defaultdict
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet"
PYTHON = sys.executable
# Runs one command and prints the largest resident set (KB) among its descendants on stderr's last line.
_PEAK = (
    "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)"
)


def write_feeds(days: list[str], limit: int | None, out: Path) -> tuple[list[Path], int]:
    """One RSS file per paper and day; returns the files and the number of items written."""
    files: list[Path] = []
    total = 0
    for day in days:
        with zipfile.ZipFile(CORPUS / f"{day}.zip") as z:
            articles = json.loads(z.read(f"{day}.json"))
        if limit is not None:
            articles = articles[:limit]
        by_source: dict[str, list[dict[str, str]]] = defaultdict(list)
        for a in articles:
            by_source[a["source"]].append(a)
        for source, items in sorted(by_source.items()):
            xml = [
                f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{source}</title>"
            ]
            for n, a in enumerate(items):
                when = datetime.fromisoformat(a["date_extracted"] + "+03:00")
                paragraphs = "".join(
                    f"<p>{escape(p.strip())}</p>" for p in a["content"].split("\n") if p.strip()
                )
                xml.append(
                    f"<item><title>{escape(a['title'])}</title><link>{escape(a['url'])}</link>"
                    f"<guid isPermaLink='false'>{source}-{day}-{n}</guid>"
                    f"<pubDate>{format_datetime(when)}</pubDate><author>{escape(a['author'])}</author>"
                    f"<description>{escape(paragraphs)}</description></item>"
                )
            xml.append("</channel></rss>")
            path = out / f"{day}-{source}.xml"
            path.write_text("".join(xml), encoding="utf-8")
            files.append(path)
            total += len(items)
    return files, total


def fetch(code: Path, db: Path, feeds: list[Path]) -> tuple[float, int]:
    """Run a first fetch of `feeds` into `db` with the briefing package found in `code`; return seconds and
    the peak resident set in KB."""
    env = {
        **os.environ,
        "PYTHONPATH": str(code),
        "BRIEFING_CONFIG_DIR": str(db.parent / "config"),
        "BRIEFING_DATA_DIR": str(db.parent / "data"),
    }
    args = [PYTHON, "-c", _PEAK, PYTHON, "-m", "briefing", "--db", str(db), "fetch", "--no-full-text"]
    for f in feeds:
        args += ["--feed", str(f)]
    t0 = time.perf_counter()
    # `-m` puts the working directory first on the path: a neutral one, so PYTHONPATH picks the code.
    done = subprocess.run(
        args, env=env, check=True, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=db.parent
    )
    lines = done.stderr.strip().splitlines()
    print("\n".join(lines[:-1]), file=sys.stderr)
    return time.perf_counter() - t0, int(lines[-1])


def measure(db: Path) -> tuple[int, int, dict[str, int]]:
    """(file size after checkpoint and VACUUM, articles, bytes per table with its indexes)."""
    conn = sqlite3.connect(str(db))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    articles = int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    owner = {str(n): str(t) for n, t in conn.execute("SELECT name, tbl_name FROM sqlite_master")}
    tables: dict[str, int] = defaultdict(int)
    for name, size in conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"):
        table = owner.get(str(name), str(name))
        if table.startswith("articles_fts"):
            table = "articles_fts (search index)"
        tables[table] += int(size)
    conn.close()
    return db.stat().st_size, articles, dict(tables)


def report(label: str, size: int, articles: int, tables: dict[str, int], seconds: float, rss: int) -> None:
    print(
        f"\n{label}: {articles} articles, {size / 1e6:.1f} MB, {size / max(articles, 1) / 1000:.1f} KB per "
        f"article; fetch {seconds:.0f} s, peak RSS of one process {rss / 1000:.0f} MB"
    )
    print("| table | MB | KB per article | share |")
    print("|---|---|---|---|")
    for table, b in sorted(tables.items(), key=lambda kv: -kv[1]):
        if b * 1000 < size:  # under 0.1 %: schema pages, empty tables
            continue
        print(f"| {table} | {b / 1e6:.1f} | {b / max(articles, 1) / 1000:.2f} | {100 * b / size:.0f} % |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", nargs="+", default=["2015-08-01"], help="corpus days (YYYY-MM-DD)")
    parser.add_argument("--limit", type=int, default=None, help="at most N articles of each day")
    parser.add_argument("--compare", metavar="REV", help="also measure the code of this git revision first")
    parser.add_argument("--keep", type=Path, help="leave the caches in this directory")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefing-cache-size-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        feeds_dir = work / "feeds"
        feeds_dir.mkdir(exist_ok=True)
        feeds, items = write_feeds(args.days, args.limit, feeds_dir)
        print(f"{items} items in {len(feeds)} feed files ({', '.join(args.days)})")
        runs: list[tuple[str, Path]] = []
        if args.compare:
            code = work / "baseline-code"
            code.mkdir(exist_ok=True)
            archive = subprocess.run(
                ["git", "-C", str(ROOT), "archive", args.compare, "briefing"], check=True, capture_output=True
            ).stdout
            subprocess.run(["tar", "-x", "-C", str(code)], input=archive, check=True)
            runs.append((f"baseline ({args.compare})", code))
        tree = work / "tree-code"  # a copy: edits made while the benchmark runs do not reach it
        shutil.copytree(ROOT / "briefing", tree / "briefing", dirs_exist_ok=True)
        runs.append(("this tree", tree))
        for n, (label, code) in enumerate(runs):
            db = work / f"cache-{n}" / "cache.db"
            db.parent.mkdir(exist_ok=True)
            seconds, rss = fetch(code, db, feeds)
            size, articles, tables = measure(db)
            report(label, size, articles, tables, seconds, rss)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
