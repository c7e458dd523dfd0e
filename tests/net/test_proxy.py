"""A forward proxy from HTTP_PROXY (or the config's `proxy`): a feed whose host name does not resolve here
is fetched through it; NO_PROXY is honoured; the private-address guard still applies to feed URLs; a bad
proxy setting is one line and exit 2 (reliability issue row 6). The proxy is a tiny loopback one, written
here, that forwards to the test server."""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from briefing.feeds.network import Network, NetworkError
from briefing.store import Store
from tests.conftest import ROOT
from tests.net.server import LocalServer, Reply, rss


class ForwardProxy:
    """Answers absolute-form GETs by asking `upstream` (127.0.0.1:port) for the same path; records each."""

    def __init__(self, upstream_port: int) -> None:
        self.seen: list[str] = []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                return None

            def do_GET(self) -> None:  # noqa: N802
                proxy.seen.append(self.path)
                parts = urlsplit(self.path)
                conn = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=10)
                conn.request("GET", parts.path or "/", headers={"Host": parts.netloc})
                answer = conn.getresponse()
                body = answer.read()
                self.send_response(answer.status)
                for k, v in answer.getheaders():
                    if k.lower() not in ("content-length", "connection", "transfer-encoding"):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                conn.close()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def proxy(server: LocalServer) -> Iterator[ForwardProxy]:
    p = ForwardProxy(server.port)
    yield p
    p.close()


def _fetch(tmp_path: Path, urls: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    (config / "feeds.toml").write_text("".join(f'[[feed]]\nurl = "{u}"\n\n' for u in urls))
    full = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    full.update(BRIEFING_CONFIG_DIR=str(config), BRIEFING_DATA_DIR=str(tmp_path / "data"), **env)
    return subprocess.run(
        [sys.executable, "-m", "briefing", "--db", str(tmp_path / "c.sqlite3"), "fetch", "--no-analyze"],
        cwd=ROOT,
        env=full,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_feed_whose_host_does_not_resolve_here_is_fetched_through_the_proxy(
    server: LocalServer, proxy: ForwardProxy, tmp_path: Path
) -> None:
    server.route("/news.xml", Reply(200, rss("Proxied", 3, prefix="px")))
    unreachable = "http://feeds.invalid/news.xml"  # .invalid never resolves (RFC 6761)
    private = server.url("/news.xml")  # a loopback feed from a list: still refused, proxy or not
    r = _fetch(tmp_path, [unreachable, private], HTTP_PROXY=f"http://127.0.0.1:{proxy.port}")
    assert r.returncode == 0, r.stderr
    assert proxy.seen == [unreachable]
    assert "1/2 feeds fetched, 3 new articles" in r.stderr
    assert "refused" in r.stderr and "Traceback" not in r.stderr
    with Store.open(tmp_path / "c.sqlite3") as store:
        assert store.count("articles") == 3


def test_no_proxy_and_the_config_proxy(server: LocalServer, proxy: ForwardProxy, tmp_path: Path) -> None:
    server.route("/news.xml", Reply(200, rss("Proxied", 2, prefix="px")))
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text(f'proxy = "http://127.0.0.1:{proxy.port}"\n')
    r = _fetch(tmp_path, ["http://feeds.invalid/news.xml"], HTTP_PROXY="http://127.0.0.1:9")
    assert r.returncode == 0, r.stderr  # the config's proxy wins over the environment's
    assert proxy.seen == ["http://feeds.invalid/news.xml"]
    net = Network.from_env({"HTTPS_PROXY": "http://p.example:3128", "NO_PROXY": "example.org,.local"})
    assert net.proxy_for("https", "news.example.org") is None and net.proxy_for("https", "a.local") is None
    assert net.proxy_for("https", "example.com") == ("p.example", 3128)
    assert net.proxy_for("http", "example.com") is None


@pytest.mark.parametrize(
    "value", ["socks5://127.0.0.1:1080", "http://user:secret@127.0.0.1:3128", "http://[::1"]
)
def test_a_bad_proxy_setting_is_one_line_and_exit_2(tmp_path: Path, value: str) -> None:
    with pytest.raises(NetworkError):
        Network.from_env({"HTTP_PROXY": value})
    r = _fetch(tmp_path, ["https://news.example/feed.xml"], HTTP_PROXY=value)
    assert r.returncode == 2, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "HTTP_PROXY" in r.stderr and "secret" not in r.stderr
