"""Where output goes: devices, FIFOs and hard-linked files are written through, never replaced; a failed
write is one line, exit 1, no temporary file; stdout that is full or closed is exit 1 (reliability issue
rows 9, 10, 11, and the mode of exported files)."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing import files
from briefing.cli import main
from tests.conftest import ROOT
from tests.security.conftest import NOW, env_for, run


@pytest.fixture
def cached(tmp_path: Path) -> Path:
    """A cache holding the bundled sample feeds."""
    db = tmp_path / "cache.sqlite3"
    r = run(["--db", str(db), "--now", NOW, "fetch", "--no-analyze"], tmp_path)
    assert r.returncode == 0, r.stderr
    return db


def _export(db: Path, home: Path, target: Path | str) -> subprocess.CompletedProcess[bytes]:
    return run(["--db", str(db), "--now", NOW, "export", "--format", "json", "-o", str(target)], home)


def test_a_fifo_is_written_through_not_replaced(cached: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    r = _export(cached, tmp_path, fifo)
    reader.join(30)
    assert r.returncode == 0, r.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert got and got[0].startswith(b"{")


def test_a_hard_linked_file_keeps_its_links(cached: Path, tmp_path: Path) -> None:
    target, other = tmp_path / "out.json", tmp_path / "other-name.json"
    target.write_text("old")
    os.link(target, other)
    r = _export(cached, tmp_path, target)
    assert r.returncode == 0, r.stderr
    assert target.stat().st_ino == other.stat().st_ino
    assert other.read_text().startswith("{")


def test_a_device_is_written_through_and_a_full_one_is_one_line(cached: Path, tmp_path: Path) -> None:
    assert _export(cached, tmp_path, "/dev/null").returncode == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    r = _export(cached, tmp_path, "/dev/full")  # every write: ENOSPC
    err = r.stderr.decode()
    assert r.returncode == 1 and err.count("\n") == 1 and "No space left" in err, err
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_new_files_follow_the_umask_and_existing_ones_keep_their_mode(cached: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.json"
    r = subprocess.run(
        f"umask 022; exec {sys.executable} -m briefing --db {cached} --now {NOW} export -o {fresh}",
        shell=True,
        env=env_for(tmp_path),
        cwd=ROOT,
        capture_output=True,
    )
    assert r.returncode == 0, r.stderr
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
    kept = tmp_path / "kept.json"
    kept.write_text("old")
    kept.chmod(0o640)
    assert _export(cached, tmp_path, kept).returncode == 0
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640


@pytest.mark.parametrize("failure", [errno.ENOSPC, errno.EROFS])
def test_a_failed_write_is_one_line_and_leaves_no_temporary_file(
    cached: Path, tmp_path: Path, isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch, failure: int
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    def refuse(_fd: int) -> None:
        raise OSError(failure, os.strerror(failure))

    monkeypatch.setattr(files.os, "fsync", refuse)
    result = CliRunner().invoke(
        main, ["--db", str(cached), "--now", NOW, "export", "--format", "json", "-o", str(out_dir / "x.json")]
    )
    assert result.exit_code == 1, result.output
    assert result.output.count("\n") == 1 and os.strerror(failure) in result.output, result.output
    assert list(out_dir.iterdir()) == []


def test_stdout_full_or_closed_is_exit_1(cached: Path, tmp_path: Path) -> None:
    args = [sys.executable, "-m", "briefing", "--db", str(cached), "--now", NOW, "today"]
    with open("/dev/full", "wb") as full:
        r = subprocess.run(args, stdout=full, stderr=subprocess.PIPE, env=env_for(tmp_path), cwd=ROOT)
    err = r.stderr.decode()
    assert r.returncode == 1, err
    assert "Traceback" not in err and [ln for ln in err.splitlines() if "error" in ln] == [
        "briefing: error: cannot write the output: No space left on device"
    ]
    proc = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env_for(tmp_path), cwd=ROOT
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before anything is written (`| head -0`)
    err = proc.stderr.read().decode()
    assert proc.wait(60) == 1
    assert "Traceback" not in err and "error" not in err, err
