"""Fetch benchmark: `briefing fetch --no-analyze` against newsboat (`reload-threads 8`), same feeds, same run.

A local server process serves 200 feeds x 20 items from 8 loopback addresses (127.0.0.2-9, 25 feeds each) and
answers every request after 50 ms, with ETag and Last-Modified, and 304 to a matching conditional request.
Each round gives both readers a fresh cache and times a first fetch (everything new) and a second fetch
(nothing changed), alternating which reader goes first. Peak memory is the largest resident set of the
reader's whole process tree (briefing's parse workers included), sampled every 10 ms.

    .venv/bin/python bench/fetch.py [--rounds 3] [--feeds 200] [--items 20] [--latency 0.05]

Needs newsboat on PATH (`apt-get install newsboat`); without it only briefing is timed. Sends traffic to
127.0.0.2-9 only. Targets (issue 3): first fetch <= 0.6x newsboat, second fetch <= 0.25x newsboat's second.
After each second fetch, `bench/fetch_floor.py` sends the same 200 conditional requests and nothing else (no
cache, no config): its time is the floor any client of these requests stays above, printed beside the ratios.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from email.utils import formatdate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOSTS = [f"127.0.0.{i}" for i in range(2, 10)]
LAST_MODIFIED = formatdate(1710583200, usegmt=True)
WORDS_EN = (
    "talks ceasefire envoy minister delegation aid crossing council statement sources negotiations "
    "visit capital summit proposal security border relief convoy hospital agency"
).split()
WORDS_AR = (
    "المفاوضات الهدنة المبعوث الوزير الوفد المساعدات المعبر المجلس البيان المصادر الزيارة العاصمة "
    "القمة المقترح الأمن الحدود الإغاثة القافلة المستشفى الوكالة"
).split()


def make_feed(i: int, items: int, host: str, port: int) -> bytes:
    """A realistic feed: paragraph-length descriptions (no teasers, so no full-text fetches), half Arabic."""
    arabic = i % 2 == 0
    words = WORDS_AR if arabic else WORDS_EN
    out = []
    for j in range(items):
        text = " ".join(words[(i * 7 + j * 3 + k) % len(words)] for k in range(90))
        title = " ".join(words[(i + j + k) % len(words)] for k in range(8))
        day = 1 + (i + j) % 28
        out.append(
            f"<item><title>{title} {i}-{j}</title><link>http://{host}:{port}/a/{i}/{j}</link>"
            f"<guid isPermaLink='false'>bench-{i}-{j}</guid>"
            f"<pubDate>{formatdate(1709251200 + day * 86400 + j * 60, usegmt=True)}</pubDate>"
            f"<description><![CDATA[<p>{text}.</p><p>{text[:200]}.</p>]]></description></item>"
        )
    lang = "ar" if arabic else "en"
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench feed {i}</title>'
        f"<link>http://{host}:{port}/</link><language>{lang}</language>{''.join(out)}</channel></rss>"
    ).encode()


def serve(
    port: int, feeds: int, items: int, latency: float, ready: multiprocessing.synchronize.Event
) -> None:
    """The server process: asyncio, HTTP/1.1 keep-alive, one listener per loopback address."""
    bodies = {}
    for i in range(feeds):
        host = HOSTS[i % len(HOSTS)]
        bodies[f"/feed/{i}.xml"] = (make_feed(i, items, host, port), f'"v1-{i}"')
    stats = {"requests": 0, "not_modified": 0, "max_in_flight_per_host": 0}
    in_flight: dict[str, int] = {}

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        host = writer.get_extra_info("sockname")[0]
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                path = lines[0].split(" ")[1]
                headers = {
                    k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)
                }
                if path == "/__stats":
                    body, status, extra = json.dumps(stats).encode(), "200 OK", ""
                elif path == "/__reset":
                    for k in stats:
                        stats[k] = 0
                    body, status, extra = b"{}", "200 OK", ""
                else:
                    stats["requests"] += 1
                    in_flight[host] = in_flight.get(host, 0) + 1
                    stats["max_in_flight_per_host"] = max(stats["max_in_flight_per_host"], in_flight[host])
                    await asyncio.sleep(latency)
                    in_flight[host] -= 1
                    found = bodies.get(path)
                    if found is None:
                        body, status, extra = b"not found", "404 Not Found", ""
                    else:
                        feed, etag = found
                        validators = f"ETag: {etag}\r\nLast-Modified: {LAST_MODIFIED}\r\n"
                        if headers.get("if-none-match") == etag or (
                            "if-none-match" not in headers
                            and headers.get("if-modified-since") == LAST_MODIFIED
                        ):
                            stats["not_modified"] += 1
                            body, status, extra = b"", "304 Not Modified", validators
                        else:
                            body, status = feed, "200 OK"
                            extra = validators + "Content-Type: application/rss+xml; charset=utf-8\r\n"
                writer.write(
                    f"HTTP/1.1 {status}\r\n{extra}Content-Length: {len(body)}\r\n\r\n".encode() + body
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, IndexError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        servers = [await asyncio.start_server(handle, host, port, backlog=256) for host in HOSTS]
        ready.set()
        await asyncio.gather(*(s.serve_forever() for s in servers))

    asyncio.run(main())


def free_port() -> int:
    import socket

    for _ in range(50):
        with socket.socket() as s:
            s.bind((HOSTS[0], 0))
            port = int(s.getsockname()[1])
        try:
            socks = []
            for h in HOSTS:
                t = socket.socket()
                t.bind((h, port))
                socks.append(t)
            for t in socks:
                t.close()
            return port
        except OSError:
            for t in socks:
                t.close()
    raise SystemExit("no free port on 127.0.0.2-9")


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            with open(f"/proc/{p}/task/{p}/children") as fh:
                todo.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


def timed(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, int, str]:
    """Wall seconds, CPU seconds (user + system, children included), peak tree RSS, last stderr line."""
    start = time.perf_counter()
    err_file = tempfile.TemporaryFile()
    proc = subprocess.Popen(
        cmd, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err_file
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    sampler.join()
    err_file.seek(0)
    err = err_file.read()
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed ({proc.returncode}): {err.decode()[-500:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, cpu, peak, err.decode().strip().splitlines()[-1] if err.strip() else ""


def stats(port: int, reset: bool = False) -> dict[str, int]:
    with urllib.request.urlopen(
        f"http://{HOSTS[0]}:{port}/{'__reset' if reset else '__stats'}", timeout=5
    ) as r:
        return dict(json.loads(r.read()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--items", type=int, default=20)
    ap.add_argument("--latency", type=float, default=0.05)
    args = ap.parse_args()
    load_before = os.getloadavg()[0]
    newsboat = shutil.which("newsboat")
    port = free_port()
    ready = multiprocessing.get_context("spawn").Event()
    server = multiprocessing.get_context("spawn").Process(
        target=serve, args=(port, args.feeds, args.items, args.latency, ready), daemon=True
    )
    server.start()
    if not ready.wait(30):
        raise SystemExit("the benchmark server did not start")
    urls = [f"http://{HOSTS[i % len(HOSTS)]}:{port}/feed/{i}.xml" for i in range(args.feeds)]
    briefing_bin = str(Path(sys.executable).with_name("briefing"))
    results: dict[str, dict[str, list[float]]] = {"briefing": {}, "newsboat": {}, "floor": {}}
    peaks: dict[str, int] = {"briefing": 0, "newsboat": 0}
    notes: dict[str, str] = {}
    try:
        for rnd in range(args.rounds):
            with tempfile.TemporaryDirectory(prefix="bench-fetch-") as tmp_name:
                tmp = Path(tmp_name)
                (tmp / "config").mkdir()
                (tmp / "config" / "config.toml").write_text("allow_private = true\n")
                (tmp / "config" / "feeds.toml").write_text(
                    "".join(f'[[feed]]\nurl = "{u}"\n\n' for u in urls)
                )
                (tmp / "urls").write_text("\n".join(urls) + "\n")
                (tmp / "validated").write_text("".join(f'{u} "v1-{i}"\n' for i, u in enumerate(urls)))
                (tmp / "nb.conf").write_text("reload-threads 8\n")
                env = {
                    **os.environ,
                    "HOME": str(tmp),
                    "BRIEFING_CONFIG_DIR": str(tmp / "config"),
                    "BRIEFING_DATA_DIR": str(tmp / "data"),
                    "LANG": "C.UTF-8",
                }
                commands = {
                    "briefing": [briefing_bin, "--db", str(tmp / "b.sqlite3"), "fetch", "--no-analyze"],
                    "newsboat": [
                        newsboat or "newsboat",
                        "-x",
                        "reload",
                        "-u",
                        str(tmp / "urls"),
                        "-c",
                        str(tmp / "nb.db"),
                        "-C",
                        str(tmp / "nb.conf"),
                    ],
                    "floor": [sys.executable, str(ROOT / "bench" / "fetch_floor.py"), str(tmp / "validated")],
                }
                order = ["briefing", "newsboat"] if rnd % 2 == 0 else ["newsboat", "briefing"]
                if not newsboat:
                    order = ["briefing"]
                for which in ("first", "second"):
                    for name in order if which == "first" else [*order, "floor"]:
                        stats(port, reset=True)
                        secs, cpu, peak, tail = timed(commands[name], env, ROOT)
                        s = stats(port)
                        results[name].setdefault(which, []).append(secs)
                        results[name].setdefault(f"{which} cpu", []).append(cpu)
                        peaks[name] = max(peaks.get(name, 0), peak)
                        notes[f"{name} {which}"] = (
                            f"{s['requests']} requests, {s['not_modified']} answered 304, "
                            f"at most {s['max_in_flight_per_host']} in flight per host"
                        )
                        if name == "briefing" and tail:
                            notes[f"{name} {which}"] += f"; {tail.removeprefix('briefing: ')}"
    finally:
        server.terminate()
        server.join(5)

    print(
        f"fetch benchmark: {args.feeds} feeds x {args.items} items on {len(HOSTS)} loopback hosts, "
        f"{args.latency * 1000:.0f} ms per response, {args.rounds} rounds, {os.cpu_count()} cores (medians; "
        f"load average before: {load_before:.1f}, after: {os.getloadavg()[0]:.1f})"
    )
    for name in ("briefing", "newsboat"):
        if results[name]:
            med = {k: statistics.median(v) for k, v in results[name].items()}
            print(
                f"  {name:9} first {med['first']:5.2f} s (cpu {med['first cpu']:5.2f} s)   "
                f"second {med['second']:5.2f} s (cpu {med['second cpu']:5.2f} s)   "
                f"peak RSS {peaks[name] / 2**20:4.0f} MB"
            )
    floor = statistics.median(results["floor"]["second"])
    print(
        f"  floor     second {floor:5.2f} s: only the 200 conditional requests, 2 per host, from a bare "
        f"asyncio + h11 script (bench/fetch_floor.py)"
    )
    for key, note in notes.items():
        print(f"  {key:16} {note}")
    if results["newsboat"]:
        r1 = statistics.median(results["briefing"]["first"]) / statistics.median(results["newsboat"]["first"])
        r2 = statistics.median(results["briefing"]["second"]) / statistics.median(
            results["newsboat"]["second"]
        )
        print(f"  ratio first  {r1:.2f}x newsboat (target <= 0.60)  {'ok' if r1 <= 0.6 else 'MISSED'}")
        print(f"  ratio second {r2:.2f}x newsboat (target <= 0.25)  {'ok' if r2 <= 0.25 else 'MISSED'}")
        r3 = floor / statistics.median(results["newsboat"]["second"])
        print(f"  floor second {r3:.2f}x newsboat: what no client of these requests can go below")
    else:
        print("  newsboat not found: install it (apt-get install newsboat) for the comparison")


if __name__ == "__main__":
    main()
