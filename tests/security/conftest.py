"""Helpers for the security tests: the real `briefing` command in a subprocess, in its own directories."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

NOW = "2024-03-16T20:00:00+00:00"


def env_for(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a `briefing` subprocess: its own config and data directories, no colour hints."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    env.update(BRIEFING_CONFIG_DIR=str(home / "config"), BRIEFING_DATA_DIR=str(home / "data"))
    env.update(extra)
    return env


def run(
    args: list[str], home: Path, *, timeout: float = 120, **extra_env: str
) -> subprocess.CompletedProcess[bytes]:
    """`briefing ARGS` as a user would run it; bytes out, so nothing is decoded away before the checks."""
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        capture_output=True,
        env=env_for(home, **extra_env),
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )
