"""Builds a cache from days of the saudinewsnet corpus fed as RSS files, and prints the agenda of given days.

Run as `.venv/bin/python bench/agenda_day.py --cache /tmp/agenda-cache --from 2015-07-26 --to 2015-08-04
--show 2015-08-03 --show 2015-08-05 [--top 30] [--days 7]`. Each day's zip of the corpus
(/work/shared/corpora/saudinewsnet, or `--corpus`) becomes one RSS file per paper (the crawl time as the
publication time, in Riyadh's UTC offset); every file is fetched with `briefing fetch --feed PATH` into the
cache directory (`BRIEFING_DATA_DIR`), which is kept and reused: a cache that already holds articles is not
fetched again (delete the directory to rebuild it). For every `--show` day the script times
`briefing today --date DAY --json` (and the CPU time of building the briefing in-process) and prints the
first `--top` agenda entries with, for each source, the sentence the event was read from, so that a reader
can judge each one against its article.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import zipfile
from collections import defaultdict
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

CORPUS = Path("/work/shared/corpora/saudinewsnet")
ROOT = Path(__file__).resolve().parent.parent


def _rss(source: str, items: list[dict[str, Any]]) -> str:
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0"><channel>',
        f"<title>{escape(source)}</title><link>https://{escape(source)}.example/</link>",
        "<description>saudinewsnet</description>",
    ]
    for a in items:
        when = datetime.fromisoformat(a["date_extracted"]).strftime("%a, %d %b %Y %H:%M:%S +0300")
        body = "".join(f"<p>{escape(p)}</p>" for p in a.get("content", "").split("\n") if p.strip())
        out.append(
            f"<item><title>{escape(a.get('title') or '')}</title><link>{escape(a['url'])}</link>"
            f"<guid>{escape(a['url'])}</guid><pubDate>{when}</pubDate>"
            f"<description>{escape(body)}</description></item>"
        )
    out.append("</channel></rss>")
    return "\n".join(out)


def write_feeds(corpus: Path, first: date, last: date, into: Path) -> list[Path]:
    """One RSS file per paper and day of the corpus between `first` and `last` (days missing are skipped)."""
    into.mkdir(parents=True, exist_ok=True)
    paths = []
    day = first
    while day <= last:
        zpath = corpus / f"{day.isoformat()}.zip"
        if zpath.is_file():
            with zipfile.ZipFile(zpath) as z:
                articles = json.loads(z.read(z.namelist()[0]))
            by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
            seen: set[str] = set()
            for a in articles:
                if a["url"] not in seen:
                    seen.add(a["url"])
                    by_source[a["source"]].append(a)
            for source, items in sorted(by_source.items()):
                path = into / f"{day.isoformat()}-{source}.xml"
                path.write_text(_rss(source, items), encoding="utf-8")
                paths.append(path)
        day += timedelta(days=1)
    return paths


def _env(cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["BRIEFING_DATA_DIR"] = str(cache / "data")
    env["BRIEFING_CONFIG_DIR"] = str(cache / "config")
    env["PYTHONPATH"] = str(ROOT)
    return env


def _briefing(cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "briefing", *args]
    return subprocess.run(cmd, env=_env(cache), capture_output=True, text=True, check=False)


def build(cache: Path, corpus: Path, first: date, last: date) -> None:
    if (cache / "data").is_dir() and any((cache / "data").iterdir()):
        print(f"reusing the cache in {cache}", file=sys.stderr)
        return
    (cache / "config").mkdir(parents=True, exist_ok=True)
    feeds = write_feeds(corpus, first, last, cache / "feeds")
    t0 = time.perf_counter()
    args = ["fetch", "--no-full-text"]
    for f in feeds:
        args += ["--feed", str(f)]
    done = _briefing(cache, *args)
    print(done.stderr.strip(), file=sys.stderr)
    print(f"fetch of {len(feeds)} feed files: {time.perf_counter() - t0:.0f} s", file=sys.stderr)


def show(cache: Path, day: str, top: int, days: int | None) -> None:
    """Time `today --date DAY --json`, then print the first `top` entries with, for each source, the
    sentence the event was read from (for a reader to judge it against its article)."""
    t0 = time.perf_counter()
    extra = ["--days", "all" if days is None else str(days)]
    done = _briefing(cache, "today", "--date", day, "--json", *extra)
    took = time.perf_counter() - t0
    if done.returncode != 0:
        print(done.stderr, file=sys.stderr)
        return
    sys.path.insert(0, str(ROOT))
    from briefing.store import Store  # noqa: PLC0415
    from briefing.viewmodel import build_briefing  # noqa: PLC0415

    riyadh = timezone(timedelta(hours=3))
    with Store.open(cache / "data" / "cache.sqlite3") as store:
        c0 = time.process_time()
        b = build_briefing(
            store, datetime.now(riyadh), day=date.fromisoformat(day), limit=8, agenda_days=days
        )
        cpu = time.process_time() - c0
        print(
            f"\n== {day}: {len(b.upcoming)} agenda entries; `today --date {day} --json` took {took:.2f} s "
            f"(build_briefing {cpu:.2f} s of CPU)"
        )
        for n, item in enumerate(b.upcoming[:top], 1):
            _print_item(store, n, item)


def _print_item(store: Any, n: int, item: Any) -> None:
    ev = item.event
    end = f"..{ev.end}" if ev.end else ""
    outlets = sorted({s.feed for s in item.sources})
    others = f" other dates {[d.isoformat() for d in item.other_dates]}" if item.other_dates else ""
    print(
        f"{n:2}. {ev.start}{end} [{ev.precision}] {item.relative} · {len(outlets)} papers · score "
        f"{item.score} · conf {ev.confidence}{others}\n    {ev.kind}: {ev.summary}\n"
        f"    date text: {ev.date_text} · who: {', '.join(ev.who)} · where: {ev.where}"
    )
    articles = store.articles([s.article_id for s in item.sources if s.article_id][:3])
    for a in articles:
        sentence = ""
        if a.analysis:
            for e in a.analysis.events:
                if e.start == ev.start or e.kind == ev.kind:
                    idx = e.sentence_index
                    found = [s.text for s in a.analysis.sentences if s.index == idx]
                    sentence = found[0] if found else ""
                    break
        print(f"    - {a.feed_title} {a.published.isoformat()[:16]} {a.title[:90]}\n      {a.url[:110]}")
        print(f"      > {sentence[:400]}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cache", type=Path, required=True, help="cache directory (kept, reused)")
    p.add_argument("--corpus", type=Path, default=CORPUS)
    p.add_argument("--from", dest="first", default="2015-07-26")
    p.add_argument("--to", dest="last", default="2015-08-04")
    p.add_argument("--show", action="append", default=[], metavar="YYYY-MM-DD")
    p.add_argument("--top", type=int, default=30)
    p.add_argument("--days", default="7", help="the agenda's scope: a number of days or `all`")
    a = p.parse_args()
    build(a.cache, a.corpus, date.fromisoformat(a.first), date.fromisoformat(a.last))
    for day in a.show:
        show(a.cache, day, a.top, None if a.days == "all" else int(a.days))


if __name__ == "__main__":
    main()
