"""Fuzz the ingest path for a while: bytes -> parse_feed -> Store.ingest -> analyze -> stories ->
build_briefing -> today / Markdown / JSON / ICS, with the RELIABILITY.md checks after every step
(tests/fuzz/harness.py).

    .venv/bin/python bench/fuzz_ingest.py [--seconds 600] [--engine auto|atheris|hypothesis]
                                          [--corpus DIR] [--artifacts DIR] [--seed-limit 400] [--strict]
                                          [--replay FILE ...]

Engines: atheris (coverage-guided libFuzzer; `pip install atheris`) when it is installed, else Hypothesis
(structure-aware feed documents, mutated seeds and raw bytes) in a loop bounded by --seconds. Seeds: the
hostile feeds of tests/security, the bundled sample feeds and a spread of ../shared/corpora/feedparser-tests.
A failing input is written to --artifacts (crash-<sha1>; libFuzzer's own names under atheris); replay it with
--replay. Known, reported bugs (harness.KnownBug) are counted, not fatal, unless --strict. No network: the
harness never fetches. Exit status: 0 when nothing new was found, 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def have_atheris() -> bool:
    try:
        import atheris  # noqa: F401, PLC0415
    except ImportError:
        return False
    return True


def write_seeds(corpus: Path, limit: int) -> int:
    from tests.fuzz.harness import seeds  # noqa: PLC0415

    corpus.mkdir(parents=True, exist_ok=True)
    n = 0
    for _, data in seeds(corpus_limit=limit):
        (corpus / hashlib.sha1(data).hexdigest()).write_bytes(data)
        n += 1
    return n


def run_atheris(seconds: int, corpus: Path, artifacts: Path, strict: bool, seed_limit: int) -> None:
    import atheris  # noqa: PLC0415

    # Instrument first: a module imported before this block (the seeds import the harness) gets no coverage.
    with atheris.instrument_imports(include=["briefing", "feedparser"]):
        from tests.fuzz.harness import Harness, KnownBug  # noqa: PLC0415
    write_seeds(corpus, seed_limit)

    harness = Harness(known_bugs_ok=not strict)

    def one(data: bytes) -> None:
        try:
            harness.one_input(data)
        except KnownBug:
            pass

    args = [
        sys.argv[0],
        str(corpus),
        f"-max_total_time={seconds}",
        f"-artifact_prefix={artifacts}/",
        "-timeout=60",
        "-rss_limit_mb=3072",
        "-print_final_stats=1",
    ]
    atheris.Setup(args, one)
    atheris.Fuzz()  # exits the process when the time is up (0) or on a finding (non-zero)


def run_hypothesis(seconds: int, artifacts: Path, strict: bool, seed_limit: int) -> int:
    import random  # noqa: PLC0415

    from hypothesis import HealthCheck, given, settings  # noqa: PLC0415
    from hypothesis.database import DirectoryBasedExampleDatabase  # noqa: PLC0415

    from tests.fuzz.harness import Harness, KnownBug, fuzz_inputs, random_pool, seeds  # noqa: PLC0415

    harness = Harness(known_bugs_ok=not strict)
    seed_items = list(seeds(corpus_limit=seed_limit))
    for name, data in seed_items:  # the seeds themselves first: a regression there is the cheapest find
        try:
            harness.one_input(data)
        except KnownBug:
            pass
        except Exception:
            save(artifacts, data)
            print(f"fuzz_ingest: seed {name} fails", file=sys.stderr)
            raise
    stats = {"inputs": len(seed_items), "known": 0}
    rng = random.Random()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pool = random_pool(seed_items, 40, rng)

        # Small batches: the time limit is checked between them (and each input costs up to ~0.2 s).
        @settings(
            max_examples=10,
            deadline=None,
            database=DirectoryBasedExampleDatabase(artifacts / "hypothesis"),
            suppress_health_check=list(HealthCheck),
            print_blob=True,
        )
        @given(fuzz_inputs(pool))
        def batch(data: bytes) -> None:
            if time.monotonic() > end:
                return
            try:
                harness.one_input(data)
            except KnownBug:
                stats["known"] += 1
            except Exception:
                save(artifacts, data)
                raise
            finally:
                stats["inputs"] += 1

        batch()
    print(
        f"fuzz_ingest: engine=hypothesis inputs={stats['inputs']} known_bug_hits={stats['known']} "
        f"seconds={seconds} new_failures=0"
    )
    return 0


def save(artifacts: Path, data: bytes) -> Path:
    artifacts.mkdir(parents=True, exist_ok=True)
    path = artifacts / f"crash-{hashlib.sha1(data).hexdigest()}"
    path.write_bytes(data)
    return path


def replay(files: list[Path], strict: bool) -> int:
    from tests.fuzz.harness import Harness, KnownBug  # noqa: PLC0415

    failed = 0
    for f in files:
        try:
            Harness(known_bugs_ok=not strict).one_input(f.read_bytes())
            print(f"{f}: ok")
        except KnownBug as exc:
            print(f"{f}: known bug: {exc}")
        except Exception:
            failed += 1
            print(f"{f}: FAILS")
            traceback.print_exc()
    return 1 if failed else 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seconds", type=int, default=600)
    p.add_argument("--engine", choices=["auto", "atheris", "hypothesis"], default="auto")
    p.add_argument(
        "--corpus", type=Path, help="atheris corpus directory, kept between runs (default: ARTIFACTS/corpus)"
    )
    p.add_argument("--artifacts", type=Path, default=Path(tempfile.gettempdir()) / "briefing-fuzz")
    p.add_argument("--strict", action="store_true", help="treat the known, reported bugs as failures too")
    p.add_argument("--seed-limit", type=int, default=400, help="feedparser corpus files among the seeds")
    p.add_argument("--replay", nargs="+", type=Path, help="run these input files once each and stop")
    args = p.parse_args()
    if args.replay:
        return replay(args.replay, args.strict)
    args.artifacts.mkdir(parents=True, exist_ok=True)
    engine = args.engine
    if engine == "auto":
        engine = "atheris" if have_atheris() else "hypothesis"
    if engine == "atheris" and not have_atheris():
        print(
            "fuzz_ingest: atheris is not installed (pip install atheris); use --engine hypothesis",
            file=sys.stderr,
        )
        return 2
    print(f"fuzz_ingest: engine={engine} seconds={args.seconds} artifacts={args.artifacts}", file=sys.stderr)
    if engine == "atheris":
        corpus = args.corpus or args.artifacts / "corpus"
        run_atheris(args.seconds, corpus, args.artifacts, args.strict, args.seed_limit)
        return 0
    return run_hypothesis(args.seconds, args.artifacts, args.strict, args.seed_limit)


if __name__ == "__main__":
    sys.exit(main())
