"""Measures `briefing analyze` as scripts use it: start-up, one call per file against one call for all files.

Run as `.venv/bin/python bench/analyze_batch.py [N]` (default N = 100). It writes N tiny articles (a title
and two sentences of its own, varied by number) to a temporary directory, then prints:

- the interpreter alone (`python -c pass`), as the floor every call pays;
- the import time of `briefing analyze` on a tiny file (`python -X importtime`: the sum of the top-level
  modules' cumulative times) and the wall time of that call (median of three);
- the wall time of N calls, one file each, and of one call with the N files (JSON lines), and the ratio.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CITIES = ("Geneva", "Vienna", "Muscat", "Doha", "Cairo", "Amman", "Rome", "Oslo")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def article(i: int) -> str:
    city, day = CITIES[i % len(CITIES)], DAYS[i % len(DAYS)]
    return (
        f"Delegates gather in {city} for round {i}\n\n"
        f"Negotiators will resume talks in {city} on {day}, officials said. "
        f"The round number {i} is expected to last two days.\n"
    )


def command(*args: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "briefing",
        "--now",
        "2026-05-01T10:00:00+00:00",
        "analyze",
        *args,
        "--json",
    ]


ARABIC = (
    "وفد يصل إلى مسقط غدا\n\n"
    "يصل وفد المفاوضين إلى مسقط يوم الخميس المقبل، وفق ما أعلنه المتحدث باسم الوزارة.\n"
)


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one run: CPU time hardly moves when other jobs
    load the machine, wall time does."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        cmd, check=True, capture_output=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def wall(cmd: list[str]) -> float:
    return timed(cmd)[0]


def import_seconds(path: Path) -> float:
    """The import time of one call: the top-level modules' cumulative microseconds from -X importtime."""
    cmd = [sys.executable, "-X", "importtime", *command(str(path))[1:]]
    r = subprocess.run(
        cmd, check=True, capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    total = 0
    for line in r.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line.split("|")
        if not name.startswith("  "):  # a top-level import (nested ones are indented further)
            total += int(cumulative)
    return total / 1e6


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i in range(n):
            path = Path(tmp) / f"article{i:03d}.txt"
            path.write_text(article(i), encoding="utf-8")
            files.append(str(path))
        floor = statistics.median(wall([sys.executable, "-c", "pass"]) for _ in range(3))
        imports = statistics.median(import_seconds(Path(files[0])) for _ in range(3))
        arabic = Path(tmp) / "arabic.txt"
        arabic.write_text(ARABIC, encoding="utf-8")
        floor_cpu = statistics.median(timed([sys.executable, "-c", "pass"])[1] for _ in range(3))
        print(f"python -c pass:                  {floor:6.2f} s wall, {floor_cpu:.2f} s CPU")
        print(f"analyze start-up (imports):      {imports:6.2f} s")
        for name, path in (("English", files[0]), ("Arabic", str(arabic))):
            runs = [timed(command(path)) for _ in range(5)]
            tiny, cpu = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
            print(f"analyze one tiny {name} file:   {tiny:6.2f} s wall, {cpu:.2f} s CPU (median of 5)")
        separate = sum(wall(command(f)) for f in files)
        together = wall(command(*files))
        print(f"{n} calls, one file each:        {separate:6.2f} s ({separate / n:.2f} s per file)")
        print(f"1 call with {n} files:           {together:6.2f} s ({together / n:.3f} s per file)")
        print(f"ratio:                           {separate / together:6.1f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
