"""Provides `fetch_http` and `read_local`: one body from http(s) or a local file, politely and within limits.

HTTP goes through the one `httpx.AsyncClient` the caller passes in. Redirects are followed here (not by httpx)
so that only an all-permanent chain (301/308) rewrites the stored URL. The body is read raw and decompressed
with a length cap, because httpx decodes gzip with no output limit; an overall deadline bounds a server that
trickles one byte a second, which httpx's per-read timeout never trips.
"""

from __future__ import annotations

import asyncio
import email.utils
import http.cookiejar
import sys
import types
import zlib
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


def _skip_httpx_cli() -> None:
    """httpx's `__init__` imports its own command-line tool (rich, click, pygments: ~80 ms, a tenth of a
    fetch where every feed answers 304). An empty placeholder module makes that import fail the way httpx
    expects when the tool's extras are missing, and httpx falls back to a stub `main`."""
    if "httpx" not in sys.modules:
        sys.modules.setdefault("httpx._main", types.ModuleType("httpx._main"))


_skip_httpx_cli()

import httpx  # noqa: E402

from briefing import __version__  # noqa: E402
from briefing.feeds.decode import BodyDecoder, TooLarge  # noqa: E402
from briefing.feeds.network import Network  # noqa: E402
from briefing.feeds.transport import Transport  # noqa: E402
from briefing.safetext import clean_line  # noqa: E402

USER_AGENT = (
    f"briefing/{__version__} (terminal news briefing; feed reader; +https://example.invalid/briefing)"
)
MAX_BYTES = 20 * 1024 * 1024
"""Largest feed body accepted, after decompression."""
DEADLINE = 30.0
"""Seconds one request may take in all, however slowly the bytes arrive."""
MAX_REDIRECTS = 5
RETRY_AFTER_CAP = timedelta(hours=6)
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"

Guard = Callable[[str], Awaitable[str | None]]
"""guard(url) -> why that URL may not be fetched, or None."""


@dataclass(frozen=True)
class FetchResult:
    url: str
    status: str
    """"ok", "not_modified", "gone", "refused" (a target check said no) or "error"."""
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    permanent_url: str | None = None
    """Set when every redirect hop was permanent (301/308): the feed's new address."""
    retry_after: datetime | None = None


def is_local(url: str) -> bool:
    return url.startswith("file://") or "://" not in url


def read_local(url: str, max_bytes: int = MAX_BYTES) -> FetchResult:
    path = Path(unquote(urlsplit(url).path) if url.startswith("file://") else url)
    try:
        with path.open("rb") as fh:
            body = fh.read(max_bytes + 1)
    except OSError as exc:
        return FetchResult(url, "error", error=f"cannot read {path}: {exc.strerror or exc}")
    if len(body) > max_bytes:
        return FetchResult(url, "error", error=f"{path} is larger than {max_bytes // (1024 * 1024)} MB")
    return FetchResult(url, "ok", body=body)


def parse_retry_after(value: str | None, now: datetime) -> datetime | None:
    """Retry-After as seconds or an HTTP date, capped so a hostile server cannot silence a feed forever."""
    if not value:
        return None
    value = value.strip()
    when: datetime | None
    if value.isdigit():
        when = now + timedelta(seconds=int(value))
    else:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
    return min(max(when, now), now + RETRY_AFTER_CAP)


async def _read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    decoder = BodyDecoder.for_header(response.headers.get("content-encoding", ""))
    declared = response.headers.get("content-length", "")
    if decoder is None and declared.isdigit() and int(declared) > max_bytes:
        raise TooLarge  # no need to read 60 MB to know
    out = bytearray()
    async for chunk in response.aiter_raw():
        if decoder is None:
            out += chunk
        else:
            out += decoder.decompress(chunk, max_bytes + 1 - len(out))
        if len(out) > max_bytes:
            raise TooLarge
    if decoder is not None:
        out += decoder.flush(max_bytes + 1 - len(out))
    if len(out) > max_bytes:
        raise TooLarge
    return bytes(out)


async def _drain(response: httpx.Response) -> None:
    """Read a small unwanted body (a 304, a redirect, an error page) so that the connection goes back to the
    pool; without this every conditional request would open a new connection. A large body is not read:
    its connection is closed instead."""
    length = response.headers.get("content-length", "")
    if response.status_code in (204, 304) or (length.isdigit() and int(length) <= 65536):
        try:
            await _read_capped(response, 65536)
        except (TooLarge, zlib.error, httpx.StreamError):
            pass


async def fetch_http(
    client: httpx.AsyncClient,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    now: datetime,
    max_bytes: int | None = None,
    deadline: float | None = None,
    guard: Guard | None = None,
    accept: str = FEED_ACCEPT,
) -> FetchResult:
    """GET `url` (following at most MAX_REDIRECTS redirects by hand) within `deadline` seconds in all.

    `guard(target)` is awaited before every request, the first included, and returns why that target may not
    be fetched (or None): a feed list's URL cannot reach a private address through a redirect either."""
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    deadline = DEADLINE if deadline is None else deadline
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate", "Accept": accept}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    target, permanent = url, True
    # host -> the cookies it set during this redirect chain (cookie-gated feeds): never stored, never sent
    # to another host, forgotten when the chain ends
    cookies: dict[str, dict[str, str]] = {}
    try:
        async with asyncio.timeout(deadline):
            for _hop in range(MAX_REDIRECTS + 1):
                if guard is not None:
                    refused = await guard(target)
                    if refused:
                        return FetchResult(url, "refused", error=refused)
                sent = headers
                host = urlsplit(target).hostname
                if host in cookies:  # only to the host that set them, only within this chain
                    sent = {**headers, "Cookie": "; ".join(f"{k}={v}" for k, v in cookies[host].items())}
                async with client.stream("GET", target, headers=sent) as resp:
                    if resp.status_code in (301, 302, 303, 307, 308) and "location" in resp.headers:
                        await _drain(resp)
                        if "set-cookie" in resp.headers and host:
                            _keep_cookies(cookies.setdefault(host, {}), resp.headers.get_list("set-cookie"))
                        permanent = permanent and resp.status_code in (301, 308)
                        location = resp.headers["location"]
                        # httpx refuses ESC in a header but lets C1 controls (U+009B is an 8-bit CSI)
                        # through: such a target would reach the terminal and be stored as the feed URL.
                        if location != clean_line(location):
                            return FetchResult(
                                url, "error", error="redirect to a URL with control characters"
                            )
                        target = urljoin(target, location)
                        if urlsplit(target).scheme not in ("http", "https"):
                            return FetchResult(
                                url, "error", error=f"redirect to a non-http URL: {clean_line(target[:80])}"
                            )
                        continue
                    moved = target if permanent and target != url else None
                    if resp.status_code not in (200, 203):
                        await _drain(resp)
                    if resp.status_code == 304:
                        return FetchResult(
                            url,
                            "not_modified",
                            etag=resp.headers.get("etag"),
                            last_modified=resp.headers.get("last-modified"),
                            permanent_url=moved,
                        )
                    if resp.status_code == 410:
                        return FetchResult(url, "gone", error="HTTP 410 Gone: the feed was removed")
                    if resp.status_code in (429, 503):
                        return FetchResult(
                            url,
                            "error",
                            error=f"HTTP {resp.status_code}",
                            retry_after=parse_retry_after(resp.headers.get("retry-after"), now),
                        )
                    if resp.status_code >= 400:
                        return FetchResult(url, "error", error=f"HTTP {resp.status_code}")
                    if resp.status_code not in (200, 203):
                        # drained above: a 204, a 206, a redirect without Location has no feed to read
                        why = "a redirect without a Location" if 300 <= resp.status_code < 400 else "no feed"
                        return FetchResult(url, "error", error=f"HTTP {resp.status_code}: {why}")
                    body = await _read_capped(resp, max_bytes)
                    return FetchResult(
                        url,
                        "ok",
                        body=body,
                        headers=_header_dict(resp.headers),
                        etag=resp.headers.get("etag"),
                        last_modified=resp.headers.get("last-modified"),
                        permanent_url=moved,
                    )
            return FetchResult(url, "error", error=f"more than {MAX_REDIRECTS} redirects")
    except TimeoutError:
        return FetchResult(url, "error", error=f"no complete answer within {deadline:g} s")
    except TooLarge:
        return FetchResult(url, "error", error=f"body larger than {max_bytes // (1024 * 1024)} MB")
    except zlib.error as exc:
        return FetchResult(url, "error", error=f"corrupt compressed body ({exc})")
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, OSError, ValueError) as exc:
        return FetchResult(url, "error", error=_describe(exc))


def _header_dict(headers: httpx.Headers) -> dict[str, str]:
    """The headers as a dict, repeated names joined with ", " as httpx does, in linear time: `dict(headers)`
    looks each name up again through the whole list (16,000 tiny headers took 5 s of CPU)."""
    values: dict[str, list[str]] = {}
    for name, value in headers.multi_items():
        values.setdefault(name, []).append(value)
    return {name: ", ".join(v) for name, v in values.items()}


def _keep_cookies(jar: dict[str, str], set_cookies: list[str]) -> None:
    """The name=value of each Set-Cookie header (attributes ignored), at most 20, printable ASCII only."""
    for line in set_cookies:
        pair = line.split(";", 1)[0].strip()
        name, eq, value = pair.partition("=")
        name = name.strip()
        if eq and name and len(jar) < 20 and (name + value).isprintable() and (name + value).isascii():
            jar[name] = value.strip()


def _describe(exc: BaseException) -> str:
    """One short line for a network error (httpx's messages can be empty or span lines)."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    if "Name or service not known" in text or "nodename nor servname" in text or "No address" in text:
        text = "host name not found"
    return f"{type(exc).__name__}: {text}"[:200]


def make_client(
    addresses: Mapping[str, Sequence[str]] | None = None, network: Network | None = None
) -> httpx.AsyncClient:
    """The one HTTP client of a fetch run, on the lean transport (`transport.py`; the run limits requests
    overall and per host itself), connecting checked host names to their checked `addresses`; connect/read
    timeouts, no cookies kept, no automatic redirects, no netrc (a feed list must not pick up credentials);
    the proxy and TLS roots come from `network` (the environment's standard variables or the config)."""
    timeout = httpx.Timeout(10.0, connect=10.0)
    # httpx copies a Cookies object's jar into its own, so a subclass would be lost; a jar whose policy
    # accepts no domain is kept as is and stores nothing: feeds have no business tracking their readers.
    jar = http.cookiejar.CookieJar(policy=http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
    return httpx.AsyncClient(
        transport=Transport(addresses, network=network),
        timeout=timeout,
        follow_redirects=False,
        cookies=jar,
        trust_env=False,
    )
