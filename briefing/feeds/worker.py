"""Provides `ParseWorker`: a second process that parses plain feeds while the event loop goes on fetching.

A first fetch of many feeds is CPU-bound in one process: the event loop, HTTP, parsing and the store all take
turns on one core. The lxml fast path (`parse.parse_feed_fast`, about 2 ms a feed) is the part that needs
nothing from the rest, so one forked worker runs it on another core: it gets the body, URL and headers and
sends back the `ParsedFeed` (or None for a feed that needs feedparser, or the parser's error message), the
same value the call gives in the main process. The caller keeps a feed when the worker already has a few
waiting (`busy`) and parses it in place, so the worker never becomes the queue everything waits for.

Started at the first body that needs parsing (an all-304 run never forks), only from the main thread on
Linux with two cores or more, like the parse pool; the child closes every inherited descriptor but its
socket, ignores Ctrl-C (its parent's end closing is its signal to go) and leaves with `os._exit`. When the
worker fails or does not answer within `ANSWER_TIMEOUT`, the feeds it held are parsed in place.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import pickle
import signal
import socket
import struct
import sys
import threading
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.feeds.parse import ParsedFeed

MAX_WAITING = 6
"""Feeds sent to the worker and not yet answered before the next one is parsed in place instead."""
ANSWER_TIMEOUT = 10.0
"""Seconds to wait for one answer (a parse takes milliseconds): a worker that is stuck is given up, and its
feeds are parsed in place."""
_HEAD = struct.Struct("!Q")

Answer = tuple[str, "ParsedFeed | None | str"]
"""("ok", the ParsedFeed or None) or ("error", the parser's message)."""


def _child(sock: socket.socket) -> None:
    """The worker's loop: one request, one answer, until the parent closes its end."""
    from briefing.feeds.parse import parse_feed_fast  # noqa: PLC0415 (already loaded before the fork)

    stream = sock.makefile("rb")
    while True:
        head = stream.read(_HEAD.size)
        if len(head) < _HEAD.size:
            return
        seq, body, url, headers = pickle.loads(stream.read(_HEAD.unpack(head)[0]))
        answer: Answer
        try:
            answer = ("ok", parse_feed_fast(body, url, headers))
        except Exception as exc:  # noqa: BLE001 (reported as the in-place parse reports it)
            answer = ("error", f"parser failed: {type(exc).__name__}: {exc}"[:200])
        data = pickle.dumps((seq, answer), protocol=pickle.HIGHEST_PROTOCOL)
        sock.sendall(_HEAD.pack(len(data)) + data)


class ParseWorker:
    """The parent's side: `parse` sends a body and awaits the answer; `close` ends and reaps the child."""

    def __init__(self, pid: int, sock: socket.socket) -> None:
        self.pid, self.sock = pid, sock
        self.waiting: dict[int, asyncio.Future[Answer]] = {}
        self._seq = 0
        self._writer: asyncio.StreamWriter | None = None
        self._reader_task: asyncio.Task[None] | None = None
        self._ready: asyncio.Future[bool] | None = None
        self.failed = False

    @classmethod
    def start(cls) -> ParseWorker | None:
        """Fork the worker, or None where that is not safe or not useful (see the module docstring)."""
        if sys.platform != "linux" or threading.current_thread() is not threading.main_thread():
            return None
        if len(os.sched_getaffinity(0)) < 2:
            return None
        import briefing.feeds.parse  # noqa: F401, PLC0415 (loaded once, before the fork)

        parent, child = socket.socketpair()
        try:
            pid = os.fork()
        except OSError:
            parent.close()
            child.close()
            return None
        if pid == 0:  # the worker
            code = 0
            try:
                gc.freeze()  # the collector leaves the inherited objects alone: no copy of their pages
                signal.set_wakeup_fd(-1)  # the event loop's descriptor: closed next
                signal.signal(signal.SIGINT, signal.SIG_IGN)
                fd = child.fileno()
                os.closerange(3, fd)
                os.closerange(fd + 1, 65536)
                _child(child)
            except BaseException:  # noqa: BLE001 (the parent sees the closed socket and parses in place)
                code = 1
            finally:
                os._exit(code)
        child.close()
        return cls(pid, parent)

    @property
    def busy(self) -> bool:
        return self.failed or len(self.waiting) >= MAX_WAITING

    async def _connect(self) -> None:
        reader, self._writer = await asyncio.open_unix_connection(sock=self.sock)
        self._reader_task = asyncio.get_running_loop().create_task(self._read(reader))

    async def _read(self, reader: asyncio.StreamReader) -> None:
        try:
            while True:
                head = await reader.readexactly(_HEAD.size)
                seq, answer = pickle.loads(await reader.readexactly(_HEAD.unpack(head)[0]))
                future = self.waiting.pop(seq, None)
                if future is not None and not future.done():
                    future.set_result(answer)
        except (OSError, EOFError, asyncio.IncompleteReadError, pickle.UnpicklingError):
            self._fail()

    def _fail(self) -> None:
        self.failed = True
        for future in self.waiting.values():
            if not future.done():
                future.set_exception(ConnectionError("the parse worker stopped"))
        self.waiting.clear()

    async def parse(self, body: bytes, url: str, headers: Mapping[str, str]) -> Answer:
        """The worker's answer for one feed; raises ConnectionError when the worker has stopped."""
        if self._ready is None:
            self._ready = asyncio.get_running_loop().create_future()
            try:
                await self._connect()
                self._ready.set_result(True)
            except OSError:
                self._ready.set_result(False)
        elif not self._ready.done():
            await self._ready
        if self.failed or self._writer is None or not self._ready.result():
            self.failed = True
            raise ConnectionError("the parse worker stopped")
        self._seq += 1
        future: asyncio.Future[Answer] = asyncio.get_running_loop().create_future()
        self.waiting[self._seq] = future
        data = pickle.dumps((self._seq, body, url, dict(headers)), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self._writer.write(_HEAD.pack(len(data)) + data)
            await self._writer.drain()
        except OSError as exc:
            self._fail()
            raise ConnectionError("the parse worker stopped") from exc
        try:
            return await asyncio.wait_for(future, ANSWER_TIMEOUT)
        except TimeoutError:
            self._fail()
            raise ConnectionError("the parse worker did not answer") from None

    def close(self) -> None:
        """Shut the socket (the worker's signal to leave) and reap it, killing it after two seconds."""
        if self._reader_task is not None:
            self._reader_task.cancel()
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)  # at once: the transport closes its descriptor later
        if self._writer is not None:
            self._writer.close()
        else:
            self.sock.close()
        self._fail()
        deadline = time.monotonic() + 2.0
        with contextlib.suppress(ChildProcessError):
            while os.waitpid(self.pid, os.WNOHANG) == (0, 0):
                if time.monotonic() > deadline:
                    os.kill(self.pid, signal.SIGKILL)
                    os.waitpid(self.pid, 0)
                    break
                time.sleep(0.002)
