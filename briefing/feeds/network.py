"""Provides `Network`: how a fetch run reaches the web, a forward proxy and the TLS roots, from the standard
environment variables and the config file (`proxy`, `ca_bundle`), the config winning.

- `HTTP_PROXY` / `HTTPS_PROXY` / `ALL_PROXY` (lower case too) name an http:// forward proxy per target
  scheme; `NO_PROXY` lists host names (a name covers its subdomains; `*` means none is proxied).
  http targets go to the proxy in absolute form, https targets through a CONNECT tunnel (TLS end to end,
  the feed's host name checked). Proxy credentials in the URL are not supported and refused.
- `SSL_CERT_FILE` / `SSL_CERT_DIR` (or `ca_bundle`) replace certifi's roots.
- The private-address guard still applies to every feed URL (literal addresses and names that resolve
  here); a name that only the proxy can resolve is fetched through it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

Address = tuple[str, int]


class NetworkError(ValueError):
    """A proxy setting that cannot be used."""


def _proxy_address(url: str, where: str) -> Address:
    try:
        parts = urlsplit(url if "://" in url else f"http://{url}")
        port = parts.port or 80
    except ValueError as exc:
        raise NetworkError(f"{where}: not a proxy URL: {url[:80]!r}") from exc
    if parts.scheme != "http" or not parts.hostname:
        raise NetworkError(f"{where}: only an http:// proxy is supported, not {url[:80]!r}")
    if parts.username or parts.password:
        raise NetworkError(f"{where}: proxy credentials are not supported")
    return parts.hostname, port


@dataclass(frozen=True)
class Network:
    http_proxy: Address | None = None
    https_proxy: Address | None = None
    no_proxy: tuple[str, ...] = ()
    cafile: str | None = None
    capath: str | None = None

    @classmethod
    def from_env(
        cls,
        environ: Mapping[str, str] | None = None,
        *,
        proxy: str | None = None,
        ca_bundle: str | None = None,
    ) -> Network:
        """The environment's settings, with the config's `proxy` (for every scheme) and `ca_bundle` first."""
        env = os.environ if environ is None else environ

        def get(name: str) -> str:
            return (env.get(name) or env.get(name.lower()) or "").strip()

        every = proxy or get("ALL_PROXY")
        http = proxy or get("HTTP_PROXY") or every
        https = proxy or get("HTTPS_PROXY") or every
        return cls(
            _proxy_address(http, "HTTP_PROXY") if http else None,
            _proxy_address(https, "HTTPS_PROXY") if https else None,
            tuple(n.strip().lstrip(".").lower() for n in get("NO_PROXY").split(",") if n.strip()),
            ca_bundle or get("SSL_CERT_FILE") or None,
            get("SSL_CERT_DIR") or None,
        )

    def proxy_for(self, scheme: str, host: str) -> Address | None:
        """The proxy to reach `host` over `scheme` through, or None to connect directly."""
        proxy = self.https_proxy if scheme == "https" else self.http_proxy
        if proxy is None:
            return None
        host = host.rstrip(".").lower()
        for name in self.no_proxy:
            if name == "*" or host == name or host.endswith("." + name):
                return None
        return proxy
