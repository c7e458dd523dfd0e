"""The fetch run's HTTP/1.1 transport (`briefing/feeds/transport.py`) against scripted servers on 127.0.0.1:
keep-alive reuse, a keep-alive race, bodies left unread, framing, limits, timeouts and TLS."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import httpx
import pytest
import trustme

from briefing.feeds.transport import MAX_HEAD, Transport, buffered_bytes

Script = Callable[[asyncio.StreamReader, asyncio.StreamWriter, "Wire"], Awaitable[None]]


@dataclass
class Wire:
    """What the server saw: connections opened and request heads read."""

    connections: int = 0
    heads: list[bytes] = field(default_factory=list)

    async def head(self, reader: asyncio.StreamReader) -> bytes:
        head = await reader.readuntil(b"\r\n\r\n")
        self.heads.append(head)
        return head


@asynccontextmanager
async def serving(script: Script, tls: ssl.SSLContext | None = None) -> AsyncIterator[tuple[str, Wire]]:
    wire = Wire()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        wire.connections += 1
        try:
            await script(reader, writer, wire)
        except (asyncio.IncompleteReadError, ConnectionError, ssl.SSLError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=tls)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"{'https' if tls else 'http'}://{'localhost' if tls else '127.0.0.1'}:{port}", wire
    finally:
        server.close()


def client(transport: Transport | None = None, timeout: float = 5.0) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=transport or Transport(), timeout=timeout)


def ok(body: bytes, extra: bytes = b"") -> bytes:
    return b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n%s\r\n%s" % (len(body), extra, body)


async def keep_alive(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, wire: Wire) -> None:
    while True:
        head = await wire.head(reader)
        writer.write(ok(head.split(b" ")[1]))
        await writer.drain()


async def test_connections_are_kept_alive_and_reused() -> None:
    async with serving(keep_alive) as (base, wire), client() as c:
        answers = [(await c.get(f"{base}/feed/{i}")).content for i in range(5)]
    assert answers == [f"/feed/{i}".encode() for i in range(5)]
    assert wire.connections == 1


async def test_the_request_carries_httpx_headers_and_the_host() -> None:
    async with serving(keep_alive) as (base, wire), client() as c:
        await c.get(f"{base}/a?x=1", headers={"If-None-Match": '"v1"', "User-Agent": "briefing-test"})
    head = wire.heads[0].decode()
    assert head.startswith("GET /a?x=1 HTTP/1.1\r\n")
    assert 'if-none-match: "v1"' in head.lower() and "user-agent: briefing-test" in head.lower()
    assert f"host: {base.removeprefix('http://')}" in head.lower()


async def test_a_checked_name_is_connected_to_its_checked_addresses_in_order() -> None:
    """No look-up: the first address has no server (refused), the second answers; the Host header keeps
    the name."""
    async with serving(keep_alive) as (base, wire):
        port = int(base.rsplit(":", 1)[1])
        transport = Transport({"feeds.invalid": ["127.0.0.9", "127.0.0.1"]})
        async with client(transport) as c:
            r = await c.get(f"http://feeds.invalid:{port}/feed")
    assert r.content == b"/feed" and wire.connections == 1
    assert f"host: feeds.invalid:{port}" in wire.heads[0].decode().lower()


async def test_an_international_name_is_sent_in_its_ascii_form() -> None:
    async with serving(keep_alive) as (base, wire):
        port = int(base.rsplit(":", 1)[1])
        async with client(Transport({"bücher.invalid": ["127.0.0.1"]})) as c:
            r = await c.get(f"http://bücher.invalid:{port}/feed")
    assert r.content == b"/feed"
    assert f"host: xn--bcher-kva.invalid:{port}" in wire.heads[0].decode().lower()


async def test_a_connection_the_server_closed_while_idle_is_replaced() -> None:
    """A keep-alive race: the server answers once and closes without saying so; the next request, sent on
    the reused connection, fails before any answer and is sent once more on a new connection."""

    async def once(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, wire: Wire) -> None:
        await wire.head(reader)
        writer.write(ok(b"one"))
        await writer.drain()

    async with serving(once) as (base, wire), client() as c:
        first = await c.get(f"{base}/1")
        await asyncio.sleep(0.05)
        second = await c.get(f"{base}/2")
    assert (first.content, second.content) == (b"one", b"one")
    assert wire.connections == 2


async def test_a_body_left_unread_closes_its_connection() -> None:
    async with serving(keep_alive) as (base, wire), client() as c:
        async with c.stream("GET", f"{base}/big") as r:
            assert r.status_code == 200  # the body is never read
        assert (await c.get(f"{base}/next")).content == b"/next"
    assert wire.connections == 2


async def test_bytes_beyond_an_answer_are_never_read_as_the_next_answer() -> None:
    """A body longer than its Content-Length, or bytes sent to an idle connection, must not become the answer
    to the next request on that connection (a desync): the connection is closed instead."""

    async def overlong(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, wire: Wire) -> None:
        while True:
            head = await wire.head(reader)
            if b"/first" in head:
                writer.write(ok(b"abc") + b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nevil")
            else:
                writer.write(ok(b"real"))
            await writer.drain()

    async def chatty(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, wire: Wire) -> None:
        while True:
            head = await wire.head(reader)
            writer.write(ok(b"real" if b"/second" in head else b"abc"))
            await writer.drain()
            await asyncio.sleep(0.02)
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nevil")
            await writer.drain()

    for script in (overlong, chatty):
        async with serving(script) as (base, wire), client() as c:
            assert (await c.get(f"{base}/first")).content == b"abc"
            await asyncio.sleep(0.1)
            assert (await c.get(f"{base}/second")).content == b"real", script.__name__
        assert wire.connections == 2, script.__name__


async def test_chunked_and_close_delimited_bodies() -> None:
    async def chunked(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, wire: Wire) -> None:
        await wire.head(reader)
        writer.write(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
        )
        await writer.drain()

    async def until_close(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, wire: Wire) -> None:
        await wire.head(reader)
        writer.write(b"HTTP/1.0 200 OK\r\nContent-Type: text/xml\r\n\r\n<rss/>")
        await writer.drain()

    async with serving(chunked) as (base, _), client() as c:
        assert (await c.get(base)).content == b"hello world"
    async with serving(until_close) as (base, _), client() as c:
        r = await c.get(base)
        assert (r.content, r.http_version) == (b"<rss/>", "HTTP/1.0")


async def test_an_informational_answer_is_skipped() -> None:
    async def early_hints(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, wire: Wire) -> None:
        await wire.head(reader)
        writer.write(b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n" + ok(b"feed"))
        await writer.drain()

    async with serving(early_hints) as (base, _), client() as c:
        r = await c.get(base)
    assert (r.status_code, r.content) == (200, b"feed")


async def test_an_oversized_head_and_a_broken_answer_are_protocol_errors() -> None:
    async def huge_head(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, wire: Wire) -> None:
        await wire.head(reader)
        writer.write(b"HTTP/1.1 200 OK\r\nX-Pad: " + b"a" * (3 * MAX_HEAD) + b"\r\n\r\n")
        await writer.drain()

    async def garbage(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, wire: Wire) -> None:
        await wire.head(reader)
        writer.write(b"SSH-2.0-OpenSSH\r\n\r\n")
        await writer.drain()

    async def cut_short(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, wire: Wire) -> None:
        await wire.head(reader)
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this")
        await writer.drain()

    for script in (huge_head, garbage, cut_short):
        async with serving(script) as (base, _), client() as c:
            with pytest.raises(httpx.RemoteProtocolError):
                await c.get(base)


async def test_timeouts_and_refused_connections_are_httpx_errors() -> None:
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, wire: Wire) -> None:
        await wire.head(reader)
        await asyncio.sleep(5)

    async with serving(silent) as (base, _), client(timeout=0.2) as c:
        with pytest.raises(httpx.ReadTimeout):
            await c.get(base)
    async with serving(keep_alive) as (base, _):
        pass  # the port is free again: nothing listens there
    async with client() as c:
        with pytest.raises(httpx.ConnectError):
            await c.get(base)
        with pytest.raises(httpx.UnsupportedProtocol):
            await c.get("ftp://127.0.0.1/feed")


async def test_a_cancelled_request_leaves_no_connection_to_reuse() -> None:
    """The caller's overall deadline cancels the task mid-body: that connection must not serve the next
    request, whose answer would be the rest of the old body."""

    async def trickle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, wire: Wire) -> None:
        while True:
            head = await wire.head(reader)
            if b"/slow" in head:
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")
                await writer.drain()
                await asyncio.sleep(0.3)
                writer.write(b"defghij")
            else:
                writer.write(ok(b"fast"))
            await writer.drain()

    async with serving(trickle) as (base, wire), client() as c:
        with pytest.raises(TimeoutError):
            async with asyncio.timeout(0.1):
                await c.get(f"{base}/slow")
        assert (await c.get(f"{base}/fast")).content == b"fast"
    assert wire.connections == 2


@pytest.fixture(scope="module")
def tls() -> tuple[ssl.SSLContext, trustme.CA]:
    ca = trustme.CA()
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("localhost").configure_cert(server_context)
    return server_context, ca


async def test_https_with_a_trusted_certificate(tls: tuple[ssl.SSLContext, trustme.CA]) -> None:
    server_context, ca = tls
    trusting = ssl.create_default_context()
    ca.configure_trust(trusting)
    async with (
        serving(keep_alive, tls=server_context) as (base, wire),
        client(Transport(ssl_context=trusting)) as c,
    ):
        answers = [(await c.get(f"{base}/{i}")).content for i in range(3)]
    assert answers == [b"/0", b"/1", b"/2"] and wire.connections == 1


async def test_https_refuses_a_certificate_it_cannot_verify(tls: tuple[ssl.SSLContext, trustme.CA]) -> None:
    server_context, _ = tls
    async with serving(keep_alive, tls=server_context) as (base, _), client() as c:
        with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
            await c.get(base)


def test_buffered_bytes_reads_asyncio_private_buffer_as_assumed() -> None:
    """`Transport` tells an idle connection with unasked bytes from a quiet one through the reader's private
    `_buffer`; if asyncio renames it or changes its meaning, this fails here rather than letting a stale
    connection's bytes be read as the next answer."""

    async def check() -> None:
        reader = asyncio.StreamReader()
        assert isinstance(reader._buffer, bytearray)  # type: ignore[attr-defined]
        assert buffered_bytes(reader) == 0
        reader.feed_data(b"HTTP/1.1 200 OK\r\n")
        assert buffered_bytes(reader) == 17
        assert await reader.read(5) == b"HTTP/"
        assert buffered_bytes(reader) == 12
        await reader.read(100)
        assert buffered_bytes(reader) == 0

    asyncio.run(check())
