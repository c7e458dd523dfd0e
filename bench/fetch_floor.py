"""The floor of a second fetch: a program that only sends the conditional requests, nothing else.

Reads URLs (one per line, `URL ETAG`) from the file given, and GETs each with `If-None-Match`, at most 2 in
flight per host, over keep-alive HTTP/1.1 (asyncio streams and h11, no cache, no config, no parsing of
anything but the status line). `bench/fetch.py` times it in the same run as briefing and newsboat, so the
second-fetch target can be read against what any Python program needs for the same requests.

    .venv/bin/python bench/fetch_floor.py URLS_FILE
"""

from __future__ import annotations

import asyncio
import sys
from urllib.parse import urlsplit

import h11

PER_HOST = 2


async def main(lines: list[str]) -> int:
    idle: dict[str, list[tuple[asyncio.StreamReader, asyncio.StreamWriter, h11.Connection]]] = {}
    hosts: dict[str, asyncio.Semaphore] = {}

    async def get(url: str, etag: str) -> int:
        parts = urlsplit(url)
        netloc = parts.netloc
        async with hosts.setdefault(netloc, asyncio.Semaphore(PER_HOST)):
            pool = idle.setdefault(netloc, [])
            if pool:
                reader, writer, conn = pool.pop()
                conn.start_next_cycle()
            else:
                reader, writer = await asyncio.open_connection(parts.hostname, parts.port or 80)
                conn = h11.Connection(h11.CLIENT)
            headers = [("Host", netloc), ("If-None-Match", etag)]
            writer.write(conn.send(h11.Request(method="GET", target=parts.path or "/", headers=headers)))
            writer.write(conn.send(h11.EndOfMessage()))
            status = 0
            while True:
                event = conn.next_event()
                if event is h11.NEED_DATA:
                    conn.receive_data(await reader.read(65536))
                elif isinstance(event, h11.Response):
                    status = event.status_code
                elif isinstance(event, h11.EndOfMessage):
                    break
            pool.append((reader, writer, conn))
            return status

    pairs = [line.split(" ", 1) for line in lines if line.strip()]
    statuses = await asyncio.gather(*(get(url, etag) for url, etag in pairs))
    return sum(1 for s in statuses if s == 304)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as fh:
        answered = asyncio.run(main(fh.read().splitlines()))
    print(f"{answered} answered 304", file=sys.stderr)
