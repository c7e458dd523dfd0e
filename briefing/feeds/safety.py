"""Provides the target checks for feed and page URLs that come from lists (config, OPML) or from feed content.

A feed list written by someone else must not turn briefing into a probe of the user's own machine or network
(a cloud metadata endpoint at 169.254.169.254, a router admin page, `file:///etc/passwd`). So URLs from lists
may only use http(s) and must not point at private, loopback, link-local or otherwise special addresses,
unless the user opts in (`allow_private = true` in the config, or `--allow-private`). URLs and paths the user
types with `--feed`, and the bundled sample feeds, are trusted.

Host names are resolved and every address checked, and the addresses that passed are kept (`HostChecks`):
the fetch run's transport connects to those and does not resolve the name again, so a hostile DNS server
cannot answer a public address to the check and a private one to the connection (DNS rebinding).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from briefing.safetext import clean_line

OPT_IN = "use --allow-private or set allow_private = true in the config to allow it"
_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")


def _address_kind(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """What makes an address off-limits ("loopback", "private", ...), or None for a public address."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return _address_kind(ip.ipv4_mapped)
    for kind, flag in (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("private", ip.is_private),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("reserved", ip.is_reserved),
    ):
        if flag:
            return kind
    if isinstance(ip, ipaddress.IPv4Address) and ip in ipaddress.IPv4Network("100.64.0.0/10"):
        return "shared (carrier-grade NAT)"
    return None


def _literal(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    # inet_aton accepts the odd forms browsers accept too: 2130706433, 0x7f.1, 127.1
    if host and all(c.isalnum() or c == "." for c in host) and host[0].isdigit():
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def url_problem(url: str) -> str | None:
    """Why `url` is not a usable feed address at all (whatever the policy), or None: it must parse, carry no
    white space or control characters, and an http(s) URL needs a host and a valid port."""
    shown = clean_line(url)[:80]
    if url != clean_line(url) or ("://" in url and any(c.isspace() for c in url)):
        return f"not a valid URL (spaces or control characters): {shown!r}"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for a port out of range or not a number)
    except ValueError as exc:
        return f"not a valid URL ({exc}): {shown!r}"
    if parts.scheme.lower() in ("http", "https") and not parts.hostname:
        return f"not a valid URL (no host): {shown!r}"
    return None


def check_url(url: str) -> str | None:
    """Why `url` may not be fetched from a list without the opt-in, judging by the URL alone; None if it may.

    Host names are not resolved here (see `check_resolved`)."""
    bad = url_problem(url)
    if bad:
        return f"refused: {bad}"
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").rstrip(".").lower()
    except ValueError:
        return f"refused {url[:80]!r}: not a valid URL"
    scheme = parts.scheme.lower()
    if "://" not in url or scheme == "file":
        return f"refused {url[:80]}: a local file in a feed list ({OPT_IN})"
    if scheme not in ("http", "https"):
        return f"refused {url[:80]}: only http and https feeds are fetched from lists ({OPT_IN})"
    if not host:
        return f"refused {url[:80]}: no host"
    if host in _LOCAL_NAMES or host.endswith(".localhost"):
        return f"refused {url[:80]}: {host} is this machine ({OPT_IN})"
    ip = _literal(host)
    if ip is not None:
        kind = _address_kind(ip)
        if kind:
            return f"refused {url[:80]}: {ip} is a {kind} address ({OPT_IN})"
    return None


@dataclass
class HostChecks:
    """What a fetch run learnt about host names: the verdict per name (so each is looked up once), and the
    addresses each accepted name resolved to, which the connection must use."""

    verdicts: dict[str, str | None] = field(default_factory=dict)
    addresses: dict[str, tuple[str, ...]] = field(default_factory=dict)


async def check_resolved(url: str, checks: HostChecks | None = None) -> str | None:
    """`check_url`, then the addresses the host name resolves to. A name that does not resolve passes: the
    fetch itself then fails with a clear network error. `checks` keeps the verdict and the checked
    addresses per host name."""
    problem = check_url(url)
    if problem:
        return problem
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    if _literal(host) is not None:
        return None
    verdict: str | None = None
    if checks is not None and host in checks.verdicts:
        verdict = checks.verdicts[host]
        return verdict.replace("{url}", url[:80]) if verdict else None
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        infos = []
    addresses = tuple(dict.fromkeys(str(info[4][0]) for info in infos))
    for address in addresses:
        kind = _address_kind(ipaddress.ip_address(address.split("%")[0]))
        if kind:
            verdict = f"refused {{url}}: {host} resolves to a {kind} address ({OPT_IN})"
            break
    if checks is not None:
        checks.verdicts[host] = verdict
        if verdict is None and addresses:
            checks.addresses[host] = addresses
    return verdict.replace("{url}", url[:80]) if verdict else None


def same_host(a: str, b: str) -> bool:
    """Whether two http(s) URLs name the same host (a feed's own pages add no new reach)."""
    try:
        ha, hb = urlsplit(a).hostname, urlsplit(b).hostname
    except ValueError:
        return False
    return bool(ha) and ha == hb and "://" in a and "://" in b
