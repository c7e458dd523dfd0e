"""Odd but legal HTTP answers and unusable feed URLs, each one feed's failure while the others are stored
(reliability issue rows 1 and 2)."""

from __future__ import annotations

from briefing.store import Store
from tests.net.conftest import fetch
from tests.net.server import LocalServer, Reply, rss


def test_204_206_and_a_301_without_location_fail_alone(server: LocalServer, store: Store) -> None:
    good = [server.route(f"/good{i}.xml", Reply(200, rss(f"Good {i}", 3, prefix=f"g{i}"))) for i in range(3)]
    odd = {
        "204": server.route("/empty.xml", Reply(204)),
        "206": server.route("/part.xml", Reply(206, rss("Part"), {"Content-Range": "bytes 0-9/100"})),
        "301": server.route("/moved.xml", Reply(301, b"moved somewhere")),
    }
    out = fetch(store, [*good, *odd.values()])
    assert all(out[u].status == "ok" for u in good), [out[u].error for u in good]
    assert store.count("articles") == 9
    for code, url in odd.items():
        assert out[url].status == "error", (code, out[url])
        assert out[url].error is not None and f"HTTP {code}" in out[url].error
    assert "Location" in (out[odd["301"]].error or "")


def test_an_invalid_url_in_the_list_is_that_feed_failure(server: LocalServer, store: Store) -> None:
    good = server.route("/good.xml", Reply(200, rss("Good", 2)))
    out = fetch(store, [good, "http://[::1/bad"])
    assert out[good].status == "ok"
    assert out["http://[::1/bad"].status == "error"
    assert store.count("articles") == 2
