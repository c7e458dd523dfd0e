"""HTTP fetching through httpx.MockTransport: etiquette and limits (RELIABILITY rows 11-14)."""

from __future__ import annotations

import asyncio
import gzip
import zlib
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta

import httpx

from briefing.feeds.fetch import (
    RETRY_AFTER_CAP,
    USER_AGENT,
    FetchResult,
    fetch_http,
    parse_retry_after,
    read_local,
)

NOW = datetime(2024, 3, 16, 12, 0, tzinfo=UTC)
FEED = b"<rss version='2.0'><channel><title>x</title></channel></rss>"


async def chunks(data: bytes, size: int = 65536) -> AsyncIterator[bytes]:
    """A streamed body, as a server sends it (MockTransport would pre-read plain bytes)."""
    for i in range(0, len(data), size):
        yield data[i : i + size]


def run(
    handler: Callable[[httpx.Request], httpx.Response], url: str = "https://feeds.example/rss", **kw: object
) -> FetchResult:
    async def go() -> FetchResult:
        async with httpx.AsyncClient(
            transport=httpx.MockTransport(handler), follow_redirects=False
        ) as client:
            return await fetch_http(client, url, now=NOW, **kw)  # type: ignore[arg-type]

    return asyncio.run(go())


def test_ok_sends_user_agent_and_returns_validators() -> None:
    seen: list[httpx.Request] = []

    def handler(req: httpx.Request) -> httpx.Response:
        seen.append(req)
        return httpx.Response(
            200,
            content=chunks(FEED),
            headers={"ETag": '"v1"', "Last-Modified": "Sat, 16 Mar 2024 10:00:00 GMT"},
        )

    r = run(handler)
    assert r.status == "ok" and r.body == FEED
    assert r.etag == '"v1"' and r.last_modified == "Sat, 16 Mar 2024 10:00:00 GMT"
    assert seen[0].headers["user-agent"] == USER_AGENT
    assert "cookie" not in seen[0].headers


def test_conditional_get_sends_validators_verbatim_and_304_means_not_modified() -> None:
    def handler(req: httpx.Request) -> httpx.Response:
        assert req.headers["if-none-match"] == 'W/"weird etag"'
        assert req.headers["if-modified-since"] == "Sat, 16 Mar 2024 10:00:00 GMT"
        return httpx.Response(304)

    r = run(handler, etag='W/"weird etag"', last_modified="Sat, 16 Mar 2024 10:00:00 GMT")
    assert r.status == "not_modified" and r.body == b""


def redirecting(codes: list[int]) -> Callable[[httpx.Request], httpx.Response]:
    def handler(req: httpx.Request) -> httpx.Response:
        hop = int(req.url.params.get("hop", "0"))
        if hop < len(codes):
            return httpx.Response(
                codes[hop], headers={"Location": f"https://feeds.example/rss?hop={hop + 1}"}
            )
        return httpx.Response(200, content=chunks(FEED))

    return handler


def test_permanent_redirects_give_a_new_url_and_temporary_ones_do_not() -> None:
    assert run(redirecting([301, 308])).permanent_url == "https://feeds.example/rss?hop=2"
    assert run(redirecting([301, 302])).permanent_url is None
    assert run(redirecting([307])).permanent_url is None


def test_redirect_loop_is_a_clean_error() -> None:
    def handler(req: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": str(req.url)})

    r = run(handler)
    assert r.status == "error" and "redirects" in (r.error or "")


def test_redirect_to_file_scheme_is_refused() -> None:
    r = run(lambda req: httpx.Response(301, headers={"Location": "file:///etc/passwd"}))
    assert r.status == "error" and "non-http" in (r.error or "")


def test_410_is_gone_and_429_honours_retry_after() -> None:
    assert run(lambda req: httpx.Response(410)).status == "gone"
    r = run(lambda req: httpx.Response(429, headers={"Retry-After": "120"}))
    assert r.status == "error" and r.retry_after == NOW + timedelta(seconds=120)
    r = run(lambda req: httpx.Response(503, headers={"Retry-After": "Sat, 16 Mar 2024 13:00:00 GMT"}))
    assert r.retry_after == NOW + timedelta(hours=1)
    assert run(lambda req: httpx.Response(500)).status == "error"


def test_retry_after_is_capped() -> None:
    assert parse_retry_after("99999999", NOW) == NOW + RETRY_AFTER_CAP
    assert parse_retry_after("garbage", NOW) is None


def test_gzip_bomb_stops_at_the_cap() -> None:
    bomb = gzip.compress(b"\0" * (50 * 1024 * 1024))  # ~50 KB that would become 50 MB

    def handler(req: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=chunks(bomb), headers={"Content-Encoding": "gzip"})

    r = run(handler, max_bytes=1024 * 1024)
    assert r.status == "error" and "larger than" in (r.error or "")


def test_gzip_and_deflate_bodies_are_decoded() -> None:
    for enc, data in (("gzip", gzip.compress(FEED)), ("deflate", zlib.compress(FEED))):
        r = run(
            lambda req, d=data, e=enc: httpx.Response(200, content=chunks(d), headers={"Content-Encoding": e})
        )
        assert r.status == "ok" and r.body == FEED, enc


def test_plain_body_over_the_cap() -> None:
    r = run(lambda req: httpx.Response(200, content=chunks(b"x" * 2_000_000)), max_bytes=1_000_000)
    assert r.status == "error"


def test_trickling_server_hits_the_overall_deadline() -> None:
    async def trickle() -> AsyncIterator[bytes]:
        for _ in range(100):
            await asyncio.sleep(0.05)
            yield b"x"

    r = run(lambda req: httpx.Response(200, content=trickle()), deadline=0.5)
    assert r.status == "error" and "within" in (r.error or "")


def test_local_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "feed.xml"
    f.write_bytes(FEED)
    assert read_local(str(f)).body == FEED
    assert read_local(f"file://{f}").body == FEED
    missing = read_local(str(tmp_path / "nope.xml"))
    assert missing.status == "error" and "cannot read" in (missing.error or "")


# --- target safety (RELIABILITY row 8) ------------------------------------------------------------------


def test_check_url_refuses_local_private_and_odd_schemes() -> None:
    from briefing.feeds.safety import check_url

    for bad in (
        "file:///etc/passwd",
        "ftp://example.com/f",
        "javascript:alert(1)",
        "|cmd",
        "/etc/passwd",
        "http://127.0.0.1/",
        "http://127.1/",
        "http://0x7f000001/",
        "http://2130706433/",
        "http://169.254.169.254/latest",
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://172.16.0.1/",
        "http://[::1]/",
        "http://[fe80::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://localhost/",
        "http://LOCALHOST./",
        "http://a.localhost/",
        "http://0.0.0.0/",
        "http://100.64.0.1/",
    ):
        assert check_url(bad), bad
    for good in ("https://www.aljazeera.net/rss", "http://93.184.216.34/feed", "https://[2606:4700::1111]/"):
        assert check_url(good) is None, good


def test_check_resolved_refuses_names_that_resolve_to_loopback() -> None:
    from briefing.feeds.safety import HostChecks, check_resolved

    checks = HostChecks()
    problem = asyncio.run(check_resolved("http://ip6-localhost/", checks)) or asyncio.run(
        check_resolved("http://localhost/", checks)
    )
    assert problem and "this machine" in problem


def test_a_guarded_fetch_cannot_be_redirected_to_a_private_address() -> None:
    from briefing.feeds.safety import check_url

    async def guard(target: str) -> str | None:
        return check_url(target)

    seen: list[str] = []

    def handler(req: httpx.Request) -> httpx.Response:
        seen.append(str(req.url))
        return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})

    r = run(handler, guard=guard)
    assert r.status == "refused" and "169.254.169.254" in (r.error or "")
    assert seen == ["https://feeds.example/rss"]  # the metadata address was never requested


def test_client_keeps_no_cookies_and_ignores_proxy_environment(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from briefing.feeds.fetch import make_client

    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    cookies: list[str | None] = []

    def handler(req: httpx.Request) -> httpx.Response:
        cookies.append(req.headers.get("cookie"))
        return httpx.Response(200, headers={"Set-Cookie": "id=1; Path=/"}, content=chunks(b"x"))

    async def go() -> None:
        client = make_client()
        client._transport = httpx.MockTransport(handler)  # the client's own settings, a fake network
        async with client:
            for _ in range(2):
                await fetch_http(client, "https://feeds.example/rss", now=NOW)

    asyncio.run(go())
    assert cookies == [None, None]


def test_the_httpx_cli_placeholder_keeps_httpx_working_without_its_cli() -> None:
    """`fetch._skip_httpx_cli` plants an empty `httpx._main` so that importing httpx skips its command-line
    tool (click, rich, pygments). That relies on httpx importing the tool in `try: ... except ImportError`
    and falling back to a stub `main`: checked here against the installed httpx, so a release that changes
    it fails this test instead of breaking `import httpx`."""
    import inspect  # noqa: PLC0415
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    source = inspect.getsource(httpx)
    assert "from ._main import main" in source and "except ImportError" in source
    probe = (
        "import sys\n"
        "import briefing.feeds.fetch\n"
        "import httpx\n"
        "assert type(sys.modules['httpx._main']).__name__ == 'module'\n"
        "assert not hasattr(sys.modules['httpx._main'], 'main')\n"
        "assert 'click' not in sys.modules and 'pygments' not in sys.modules\n"
        "assert httpx.AsyncClient is not None\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
