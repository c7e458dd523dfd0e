"""Provides `Transport`: the HTTP/1.1 transport under a fetch run's `httpx.AsyncClient`, on asyncio streams
and h11.

httpx's default transport (httpcore on anyio) is built for general use: its own connection pool with limits,
locks and bookkeeping around every request, and a TLS context made when the client is. A fetch run already
limits requests overall and per host (`run.py`), so this transport keeps only what that needs: idle
keep-alive connections per origin, reused when their last response was read to the end. Measured on 200
loopback requests with 50 ms latency: about half the CPU of the default transport (0.24 s against 0.52 s),
and 50 ms less start-up (no httpcore or anyio import, no TLS context in a run with no https feed).

- HTTP/1.1 framing is h11's (chunked, Content-Length, close-delimited bodies, 1xx answers skipped); a
  response head may be about MAX_HEAD bytes (h11 checks at each read).
- A reused connection that the server closed while it was idle (a keep-alive race) fails before any byte
  of the answer: the request is sent once more on a new connection, as httpcore does. A connection with
  bytes after the end of an answer, or bytes the server sent while it was idle, is closed, never reused:
  those bytes would be read as the next request's answer.
- TLS: the system's default context with certifi's roots (what httpx uses), host name checked, made at the
  first https request; ALPN offers http/1.1 only.
- A host name the run's target check resolved is connected to at the addresses that passed the check
  (`safety.HostChecks`), never resolved again: no DNS rebinding between the check and the connection.
- Timeouts come from the request (httpx's connect/read/write); the caller's overall deadline cancels the
  task, and a connection interrupted mid-request or mid-body is closed, never reused.
- Errors are httpx's: ConnectError/ConnectTimeout, WriteError/WriteTimeout, ReadError/ReadTimeout,
  RemoteProtocolError.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass, field

import h11
import httpx

from briefing.feeds.network import Address, Network

MAX_HEAD = 100 * 1024
"""Largest response head (status line and headers) accepted, as httpcore allows."""
MAX_IDLE_PER_ORIGIN = 4
READ_SIZE = 64 * 1024

Origin = tuple[str, str, int]


@dataclass(eq=False)
class _Connection:
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    h11: h11.Connection = field(default_factory=lambda: h11.Connection(h11.CLIENT, MAX_HEAD))
    reused: bool = False

    def usable(self) -> bool:
        """Still open and quiet: the server has neither closed it nor sent anything unasked while it was idle
        (those bytes would be read as the answer to the next request)."""
        unasked = buffered_bytes(self.reader)
        return not (self.writer.is_closing() or self.reader.at_eof() or unasked)

    def close(self) -> None:
        self.writer.close()


def buffered_bytes(reader: asyncio.StreamReader) -> int:
    """How many bytes `reader` has received and not handed out yet. asyncio has no public look at a reader's
    buffer, so this reads its private `_buffer` (a bytearray in CPython 3.11-3.13), here and nowhere else;
    `tests/net/test_transport.py` checks the attribute and its meaning on the running Python and fails
    loudly if asyncio changes it."""
    buffer: bytearray = reader._buffer  # type: ignore[attr-defined]
    return len(buffer)


def _timeouts(request: httpx.Request) -> dict[str, float | None]:
    return dict(request.extensions.get("timeout", {}))


class Transport(httpx.AsyncBaseTransport):
    def __init__(
        self,
        addresses: Mapping[str, Sequence[str]] | None = None,
        ssl_context: ssl.SSLContext | None = None,
        network: Network | None = None,
    ) -> None:
        """`addresses` (host name -> addresses, filled as the run's target checks accept names) are where a
        checked name is connected to, in order, without resolving it again. `ssl_context` replaces the
        default TLS context (tests pass one that trusts their own CA). `network` names a forward proxy and
        the TLS roots (`network.py`)."""
        self._idle: dict[Origin, list[_Connection]] = {}
        self._addresses = addresses if addresses is not None else {}
        self._ssl = ssl_context
        self._network = network

    # --- connections --------------------------------------------------------------------------------------

    def _ssl_context(self) -> ssl.SSLContext:
        if self._ssl is None:
            net = self._network
            if net is not None and (net.cafile or net.capath):  # SSL_CERT_FILE/DIR or ca_bundle
                context = ssl.create_default_context(cafile=net.cafile, capath=net.capath)
            else:
                import certifi  # noqa: PLC0415 (only a run with https feeds pays for the roots)

                context = ssl.create_default_context(cafile=certifi.where())
            context.set_alpn_protocols(["http/1.1"])
            self._ssl = context
        return self._ssl

    async def _connect(self, origin: Origin, request: httpx.Request, proxy: Address | None) -> _Connection:
        scheme, host, port = origin
        if proxy is not None:
            return await self._via_proxy(proxy, scheme, host, port, request)
        tls = self._ssl_context() if scheme == "https" else None
        name = request.url.host.rstrip(".").lower()  # as the target check saw it (urlsplit: Unicode)
        targets = self._addresses.get(name) or self._addresses.get(host.rstrip(".").lower()) or (host,)
        for n, target in enumerate(targets, 1):
            try:
                async with asyncio.timeout(_timeouts(request).get("connect")):
                    reader, writer = await asyncio.open_connection(
                        target, port, ssl=tls, server_hostname=host if tls else None, limit=READ_SIZE
                    )
                return _Connection(reader, writer)
            except TimeoutError as exc:
                if n == len(targets):
                    raise httpx.ConnectTimeout("timed out while connecting", request=request) from exc
            except (OSError, ssl.SSLError) as exc:
                if n == len(targets) or isinstance(exc, ssl.SSLError):
                    raise httpx.ConnectError(str(exc) or type(exc).__name__, request=request) from exc
        raise AssertionError("unreachable")

    async def _via_proxy(
        self, proxy: Address, scheme: str, host: str, port: int, request: httpx.Request
    ) -> _Connection:
        """A connection to the proxy; for https, a CONNECT tunnel to host:port with TLS to the host inside."""
        try:
            async with asyncio.timeout(_timeouts(request).get("connect")):
                reader, writer = await asyncio.open_connection(*proxy, limit=READ_SIZE)
                if scheme == "https":
                    authority = f"{host}:{port}".encode("ascii")
                    writer.write(b"CONNECT %s HTTP/1.1\r\nHost: %s\r\n\r\n" % (authority, authority))
                    head = await reader.readuntil(b"\r\n\r\n")
                    status = head.split(b" ", 2)[1:2]
                    if status != [b"200"]:
                        writer.close()
                        line = head.split(b"\r\n", 1)[0].decode("latin-1")[:80]
                        raise httpx.ProxyError(f"the proxy refused the tunnel: {line}", request=request)
                    await writer.start_tls(self._ssl_context(), server_hostname=host)
        except TimeoutError as exc:
            raise httpx.ConnectTimeout("timed out while connecting to the proxy", request=request) from exc
        except (OSError, ssl.SSLError, asyncio.IncompleteReadError, asyncio.LimitOverrunError) as exc:
            raise httpx.ProxyError(f"proxy: {exc or type(exc).__name__}", request=request) from exc
        return _Connection(reader, writer)

    def _checkout(self, origin: Origin) -> _Connection | None:
        idle = self._idle.get(origin)
        while idle:
            conn = idle.pop()
            if conn.usable():
                conn.reused = True
                return conn
            conn.close()
        return None

    def _checkin(self, origin: Origin, conn: _Connection) -> None:
        # Bytes after the end of the answer (a body longer than its Content-Length) are no answer to the next
        # request: such a connection is closed, never reused.
        done = conn.h11.our_state is h11.DONE and conn.h11.their_state is h11.DONE
        if done and not conn.h11.trailing_data[0]:
            conn.h11.start_next_cycle()
            idle = self._idle.setdefault(origin, [])
            if len(idle) < MAX_IDLE_PER_ORIGIN:
                idle.append(conn)
                return
        conn.close()

    # --- one request ----------------------------------------------------------------------------------------

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        # The ASCII form of the host (IDNA for an international name) is what DNS, SNI and the pool see.
        host = url.raw_host.decode("ascii")
        origin: Origin = (url.scheme, host, url.port or (443 if url.scheme == "https" else 80))
        if url.scheme not in ("http", "https"):
            raise httpx.UnsupportedProtocol(f"unsupported URL scheme {url.scheme!r}", request=request)
        proxy = None if self._network is None else self._network.proxy_for(url.scheme, host)
        target = url.raw_path
        pool = origin
        if proxy is not None:
            # plain http through the proxy: one pool for every target, the request line in absolute form
            if url.scheme == "http":
                pool = ("http-proxy", *proxy)
                port = f":{url.port}" if url.port else ""
                target = f"http://{host}{port}".encode("ascii") + url.raw_path
            else:
                pool = ("https-tunnel", host, origin[2])
        body = await request.aread()
        conn = self._checkout(pool)
        while True:
            if conn is None:
                conn = await self._connect(origin, request, proxy)
            try:
                head = await self._exchange(conn, request, body, target)
            except _StaleConnection:
                conn.close()
                conn = None  # the server closed an idle connection as it was reused: once more, anew
                continue
            except BaseException:
                conn.close()
                raise
            break
        stream = _Body(self, pool, conn, request)
        return httpx.Response(
            head.status_code,
            headers=head.headers,
            stream=stream,
            extensions={"http_version": b"HTTP/" + head.http_version, "reason_phrase": head.reason},
        )

    async def _exchange(
        self, conn: _Connection, request: httpx.Request, body: bytes, target: bytes
    ) -> h11.Response:
        """Send the request (`target`: the path, or the absolute URL for a proxy) and read up to the head."""
        timeouts = _timeouts(request)
        data = conn.h11.send(h11.Request(method=request.method, target=target, headers=request.headers.raw))
        if body:
            data += conn.h11.send(h11.Data(data=body))
        data += conn.h11.send(h11.EndOfMessage())
        try:
            conn.writer.write(data)
            async with asyncio.timeout(timeouts.get("write")):
                await conn.writer.drain()
        except TimeoutError as exc:
            raise httpx.WriteTimeout("timed out while sending", request=request) from exc
        except OSError as exc:
            if conn.reused:
                raise _StaleConnection from exc
            raise httpx.WriteError(str(exc) or type(exc).__name__, request=request) from exc
        first = True
        while True:
            event = await _next_event(conn, request, timeouts.get("read"), stale_ok=conn.reused and first)
            first = False
            if isinstance(event, h11.Response):
                return event
            # h11.InformationalResponse (100 Continue, 103 Early Hints): the real answer follows.

    async def aclose(self) -> None:
        for idle in self._idle.values():
            for conn in idle:
                conn.close()
        self._idle.clear()


class _StaleConnection(Exception):
    """A reused connection was found closed before any byte of the answer."""


async def _next_event(
    conn: _Connection, request: httpx.Request, read_timeout: float | None, *, stale_ok: bool = False
) -> h11.Event:
    """The next h11 event, reading as needed. With `stale_ok` (the first read on a reused connection), an end
    of stream or a reset before any byte of the answer raises _StaleConnection."""
    got = False
    while True:
        try:
            event = conn.h11.next_event()
        except h11.RemoteProtocolError as exc:
            if stale_ok and not got:
                raise _StaleConnection from exc
            raise httpx.RemoteProtocolError(str(exc), request=request) from exc
        if event is not h11.NEED_DATA:
            assert isinstance(event, h11.Event)
            return event
        try:
            async with asyncio.timeout(read_timeout):
                chunk = await conn.reader.read(READ_SIZE)
        except TimeoutError as exc:
            raise httpx.ReadTimeout("timed out while reading", request=request) from exc
        except OSError as exc:
            if stale_ok and not got:
                raise _StaleConnection from exc
            raise httpx.ReadError(str(exc) or type(exc).__name__, request=request) from exc
        got = got or bool(chunk)
        conn.h11.receive_data(chunk)  # b"" at the end of the stream, which h11 turns into an event or error


class _Body(httpx.AsyncByteStream):
    """The response body, read as the caller iterates; the connection goes back to the pool at its end."""

    def __init__(
        self, transport: Transport, origin: Origin, conn: _Connection, request: httpx.Request
    ) -> None:
        self._transport, self._origin, self._conn, self._request = transport, origin, conn, request
        self._done = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        read_timeout = _timeouts(self._request).get("read")
        try:
            while not self._done:
                event = await _next_event(self._conn, self._request, read_timeout)
                if isinstance(event, h11.Data):
                    yield bytes(event.data)
                elif isinstance(event, h11.EndOfMessage):
                    self._done = True
                    self._transport._checkin(self._origin, self._conn)  # noqa: SLF001
        except BaseException:
            self._done = True
            self._conn.close()
            raise

    async def aclose(self) -> None:
        if not self._done:  # left before the end: the rest of the body is still on the wire
            self._done = True
            self._conn.close()
