"""The ingest fuzz harness in its short, bounded form (the longer run is `bench/fuzz_ingest.py`).

1. Every seed (hostile feeds, sample feeds, a spread of feedparser's corpus) through the whole path, strictly.
2. A short Hypothesis run of generated feed documents, mutated seeds and raw bytes.
3. The bench script itself runs for a couple of seconds under each engine that is installed, so that the
   `make fuzz` command cannot rot unnoticed.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests.conftest import ROOT
from tests.fuzz.harness import Harness, KnownBug, fuzz_inputs, random_pool, seeds

SEEDS = list(seeds(corpus_limit=30))
POOL = random_pool(SEEDS, 20, random.Random(22))
HARNESS = Harness()
HITS = {"inputs": 0, "known": 0}


@pytest.mark.parametrize("name,data", SEEDS, ids=[name for name, _ in SEEDS])
def test_seed_goes_through_the_whole_ingest_path(name: str, data: bytes) -> None:
    Harness(known_bugs_ok=False).one_input(data)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(fuzz_inputs(POOL))
def test_generated_feeds_go_through_the_whole_ingest_path(data: bytes) -> None:
    HITS["inputs"] += 1
    try:
        HARNESS.one_input(data)
    except KnownBug:  # reported, with a strict xfail in tests/security/test_poison.py
        HITS["known"] += 1


def _engines() -> list[str]:
    try:
        import atheris  # noqa: F401, PLC0415
    except ImportError:
        return ["hypothesis"]
    return ["hypothesis", "atheris"]


@pytest.mark.parametrize("engine", _engines())
def test_the_long_fuzz_command_runs(engine: str, tmp_path: Path) -> None:
    r = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "fuzz_ingest.py"),
            "--engine",
            engine,
            "--seconds",
            "2",
            "--seed-limit",
            "5",
            "--artifacts",
            str(tmp_path / "artifacts"),
            "--corpus",
            str(tmp_path / "corpus"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=240,
        stdin=subprocess.DEVNULL,
    )
    assert r.returncode == 0, (r.stdout[-2000:], r.stderr[-4000:])
    assert not list((tmp_path / "artifacts").glob("crash-*"))
    if engine == "atheris":
        assert "Done" in r.stderr and "runs in" in r.stderr
    else:
        assert "new_failures=0" in r.stdout
