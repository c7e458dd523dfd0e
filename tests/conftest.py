"""Shared fixtures: every test runs with its own config and data directories, never the user's."""

from __future__ import annotations

import os
import subprocess
import sys
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


# A small, fresh process that runs a command and reports that command's own peak memory. Measuring from the
# pytest process would not do: a child forked from it counts the parent's resident pages from before its
# exec in ru_maxrss, and by the end of the suite pytest itself holds hundreds of megabytes.
_LAUNCHER = (
    "import os, subprocess, sys\n"
    "p = subprocess.Popen(sys.argv[1:])\n"
    "_, status, usage = os.wait4(p.pid, 0)\n"
    "sys.stderr.write(f'\\nBRIEFING_TEST_MAXRSS_KB={usage.ru_maxrss}\\n')\n"
    "sys.exit(os.waitstatus_to_exitcode(status))\n"
)


def launch_measured(args: list[str], **popen: object) -> subprocess.Popen[bytes]:
    """Start `args` under the launcher; read its peak RSS afterwards with `peak_rss_bytes(stderr)`."""
    return subprocess.Popen([sys.executable, "-c", _LAUNCHER, *args], **popen)  # type: ignore[call-overload]


def peak_rss_bytes(stderr: str) -> int:
    """The peak RSS the launcher reported at the end of `stderr` (ru_maxrss is in KB on Linux)."""
    marker = "BRIEFING_TEST_MAXRSS_KB="
    return int(stderr.rsplit(marker, 1)[1].split()[0]) * 1024
