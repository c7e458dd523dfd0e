"""Shared fixtures: every test runs with its own config and data directories, never the user's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_2691c3d6e140cbfc.txt"
SEED_GOLD = SHARED / "seed" / "seed_gold.json"
SEED_PUBLISHED = "2024-03-16T19:00:00+02:00"


def need_shared(*parts: str) -> Path:
    """A path under ../shared. Under CI its absence is a failure, elsewhere a skip."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI must run with ../shared beside the clone")
        pytest.skip(f"{path} not present")
    return path


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


@pytest.fixture
def seed_text() -> str:
    return need_shared("seed", "000_2691c3d6e140cbfc.txt").read_text(encoding="utf-8")
