"""A real HTTP server on 127.0.0.1 for fetch tests: routes are plain functions, every request is recorded.

Threaded (one thread per connection, HTTP/1.1 keep-alive), so a trickling route does not hold up the others.
Routes never run for long: a trickle stops after `max_seconds` or when the client hangs up, and the fixture
shuts the server down at the end of each test.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: bytes | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    """Seconds to wait before answering (latency)."""


@dataclass(frozen=True)
class Seen:
    path: str
    headers: dict[str, str]
    at: float


Route = Callable[["Seen"], Reply]


class LocalServer:
    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # quiet
                return None

            def do_GET(self) -> None:  # noqa: N802
                seen = Seen(self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
                with server._lock:
                    server.requests.append(seen)
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                try:
                    route = server.routes.get(self.path.split("?")[0])
                    reply = route(seen) if route else Reply(404, b"not found")
                    if reply.delay:
                        time.sleep(reply.delay)
                    self.send_response(reply.status)
                    for k, v in reply.headers.items():
                        self.send_header(k, v)
                    if isinstance(reply.body, bytes):
                        if "Content-Length" not in reply.headers:
                            self.send_header("Content-Length", str(len(reply.body)))
                        self.end_headers()
                        self.wfile.write(reply.body)
                    else:
                        self.send_header("Connection", "close")
                        self.end_headers()
                        for chunk in reply.body:
                            self.wfile.write(chunk)
                            self.wfile.flush()
                        self.close_connection = True
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True
                finally:
                    with server._lock:
                        server.in_flight -= 1

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.host = host
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def route(self, path: str, reply: Reply | Route) -> str:
        """Serve `reply` (or call it) at `path`; returns the full URL."""
        self.routes[path] = reply if callable(reply) else (lambda _seen, r=reply: r)
        return self.url(path)

    def hits(self, path: str) -> list[Seen]:
        return [r for r in self.requests if r.path.split("?")[0] == path]

    def __enter__(self) -> LocalServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def trickle(data: bytes, per_second: float = 1.0, max_seconds: float = 120.0) -> Iterator[bytes]:
    """A body sent `per_second` bytes a second (bounded in time, so the test server always stops)."""
    start = time.monotonic()
    for i in range(len(data)):
        if time.monotonic() - start > max_seconds:
            return
        yield data[i : i + 1]
        time.sleep(1.0 / per_second)


def rss(
    title: str,
    items: int = 3,
    *,
    prefix: str = "item",
    text: str = "",
    link_base: str = "https://news.example/",
) -> bytes:
    """A small valid RSS 2.0 feed."""
    body = "".join(
        f"<item><title>{title} {prefix} {i}</title><link>{link_base}{prefix}-{i}</link>"
        f"<guid>{prefix}-{i}</guid>"
        f"<pubDate>Sat, 16 Mar 2024 1{i % 10}:00:00 +0200</pubDate>"
        f"<description>{text or f'Paragraph about {title} number {i}.'}</description></item>"
        for i in range(items)
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"{body}</channel></rss>"
    ).encode()
