"""Measures the query language and the unread counts on a large cache (the synthetic cache of bench/tui.py).

    .venv/bin/python bench/query.py                    # 100,000 articles, 7 rounds (builds the cache first)
    .venv/bin/python bench/query.py --keep DIR         # keep (and reuse) the cache in DIR (as tui.py)

Each query is parsed (`briefing.query.parse`) and answered by `Store.search.find` on a fresh connection, as
the app's `/` and `briefing search` do; the unread counts are `Store.unread_counts` (per feed) summed, as the
feeds view reads them. A tenth of the articles are marked read first. Prints the median and the slowest of
the rounds, in milliseconds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from tui import NOW, ensure_cache  # noqa: E402 (bench/tui.py: the same synthetic cache)

from briefing.query import parse  # noqa: E402
from briefing.store import Store  # noqa: E402

QUERIES = [
    "+unread lang:ar @7-days",
    "+unread",
    "@2024-03-10--2024-03-16 -lang:en",
    "feed:Wire @1-week",
    "@2-days بيدرسون",
    "+unread @7-days security -council",
]


def timed(work: Callable[[], object], rounds: int) -> tuple[float, float, object]:
    times: list[float] = []
    result: object = None
    for _ in range(rounds):
        t = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000, max(times) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="Keep the cache here (and reuse it when present).")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="briefing-bench-query-"))
    work.mkdir(parents=True, exist_ok=True)
    large = work / f"articles-{args.articles}.sqlite3"
    ensure_cache(large, args.articles)
    from briefing.nlp.text.searchable import searchable as normalize  # the index's normalizer

    with Store.open(large) as store:
        ids = [int(r[0]) for r in store.conn.execute("SELECT id FROM articles")]
        store.mark_read(random.Random(3).sample(ids, len(ids) // 10))
        store.search.index_pending(normalize)

    def unread_total() -> int:
        with Store.open(large) as store:
            return sum(store.unread_counts().values())

    rows = [("unread counts per feed, summed", *timed(unread_total, args.rounds))]
    for text in QUERIES:

        def answer(text: str = text) -> int:
            with Store.open(large) as store:
                return len(store.search.find(parse(text), normalize, NOW, limit=100))

        rows.append((f"find {text}", *timed(answer, args.rounds)))
    print(f"{len(ids)} articles, {args.rounds} rounds; milliseconds")
    print(f"{'':48} {'median':>8} {'max':>8}  result")
    for name, mid, worst, result in rows:
        print(f"{name:48} {mid:8.1f} {worst:8.1f}  {result}")


if __name__ == "__main__":
    main()
