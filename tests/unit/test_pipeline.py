"""Batch analysis: the worker pool path and the promise that one failing article never costs the batch."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from briefing import pipeline
from briefing.models import ParsedEntry
from briefing.store import Store

T0 = datetime(2024, 3, 16, 19, 0, tzinfo=timezone(timedelta(hours=2)))
TEXTS = [
    ("وزير الخارجية يزور عمّان", "من المقرر أن يزور وزير الخارجية الأردني أيمن الصفدي القاهرة يوم غد الأحد."),
    (
        "Envoy due in Damascus",
        "U.N. envoy Geir Pedersen will arrive in Damascus on Sunday for two days of talks.",
    ),
    ("قمة عربية", "تستضيف الرياض القمة العربية في 25 آذار/مارس المقبل بمشاركة القادة العرب."),
]


def filled(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "c.sqlite3")
    feed = store.feeds.ensure("f.xml", "Outlet")
    assert feed.id is not None
    store.ingest(
        feed.id, [ParsedEntry(f"g{i}", "", t, "", T0, body) for i, (t, body) in enumerate(TEXTS)], T0
    )
    return store


def crash_on_the_summit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The analyzer raises on the third text, as an analyzer bug would."""
    import briefing.nlp.analyze as analyze_module

    real = analyze_module.analyze

    def flaky(raw: str, published: datetime, **kw: object):  # type: ignore[no-untyped-def]
        if "القمة" in raw:
            raise RuntimeError("analyzer bug")
        return real(raw, published, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(analyze_module, "analyze", flaky)


@contextmanager
def logged() -> Iterator[list[logging.LogRecord]]:
    """The records of `briefing.pipeline` while the block runs."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    logging.getLogger("briefing.pipeline").addHandler(handler)
    try:
        yield records
    finally:
        logging.getLogger("briefing.pipeline").removeHandler(handler)


def test_worker_pool_analyzes_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "PARALLEL_THRESHOLD", 1)
    monkeypatch.setattr(pipeline, "_workers", lambda: 2)
    with filled(tmp_path) as store:
        done = store.articles(pipeline.analyze_pending(store))
        assert len(done) == 3 and all(a.analysis is not None for a in done)
        assert store.unanalyzed_ids() == []
        starts = sorted(e.start.isoformat() for a in done if a.analysis for e in a.analysis.events)
        assert starts == ["2024-03-17", "2024-03-17", "2024-03-25"]


def test_one_failing_article_does_not_cost_the_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    crash_on_the_summit(monkeypatch)
    with logged() as records, filled(tmp_path) as store:
        pipeline.analyze_pending(store)
        assert len(store.unanalyzed_ids()) == 1  # kept for the next refresh
        assert store.count("analyses") == 2
    [record] = records  # recorded in the log (briefing.log), not swallowed
    assert "analysis of article" in record.getMessage() and record.exc_info is not None
    assert "analyzer bug" in str(record.exc_info[1])


def test_a_failure_in_a_pool_worker_is_logged_by_the_main_process_not_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A spawned worker has no log file: its logger would print the traceback on the user's terminal through
    logging's last-resort handler. The worker stays silent and sends the traceback back; the main process
    logs it (briefing.log) and records the error line in the cache."""

    class InlinePool:
        """Runs each task as a worker would (its start-up flag set), in this process."""

        def map(self, fn, items, chunksize=1):  # type: ignore[no-untyped-def]
            out = []
            for item in items:
                monkeypatch.setattr(pipeline, "_IN_WORKER", False)
                pipeline._worker_start()
                out.append(fn(item))
                monkeypatch.setattr(pipeline, "_IN_WORKER", False)
            return out

        def shutdown(self) -> None:
            pass

    crash_on_the_summit(monkeypatch)
    monkeypatch.setattr(pipeline, "PARALLEL_THRESHOLD", 1)
    monkeypatch.setattr(pipeline, "_workers", lambda: 2)
    import concurrent.futures

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", lambda **kw: InlinePool())
    with logged() as records, filled(tmp_path) as store:
        assert len(pipeline.analyze_pending(store)) == 2
        [(error,)] = store.conn.execute("SELECT last_error FROM analysis_jobs").fetchall()
        assert error == "RuntimeError: analyzer bug"
    [record] = records  # once, from the main process, with the worker's traceback
    message = record.getMessage()
    assert "analysis of article" in message and "Traceback" in message and "analyzer bug" in message


def test_a_large_first_fetch_is_read_a_chunk_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Memory is bounded by the chunk, not by the number of new articles: neither the analysis nor the
    clustering ever asks the cache for more than CHUNK articles at once, and every article is still done."""
    monkeypatch.setattr(pipeline, "CHUNK", 2)
    with filled(tmp_path) as store:
        asked: list[int] = []
        read = store.articles

        def spy(ids, **kw):  # type: ignore[no-untyped-def]
            ids = list(ids)
            asked.append(len(ids))
            return read(ids, **kw)

        monkeypatch.setattr(store, "articles", spy)
        done = pipeline.analyze_pending(store)
        pipeline.cluster_new(store, done)
        assert len(done) == 3 and store.unanalyzed_ids() == []
        assert asked and max(asked) == 2
        assert len(store.story_ids(done)) == 3  # every article was put into a story
