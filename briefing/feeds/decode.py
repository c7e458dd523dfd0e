"""Provides `BodyDecoder`: a response body's Content-Encoding undone with a cap on what one chunk may
expand to, as httpx would decode it but bounded (httpx decodes gzip with no output limit).

`Content-Encoding` lists the codings in the order they were applied, so they are undone last first;
`identity` is skipped, and a coding that is not gzip or deflate is left as is (as httpx does). `deflate`
is meant to be zlib-wrapped, but servers often send raw deflate: when the first bytes are not a zlib or
gzip header, they are read again as raw deflate.
"""

from __future__ import annotations

import zlib


class TooLarge(Exception):
    """The body would decode to more than the cap."""


def _layer(coding: str) -> zlib._Decompress | None:
    if coding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if coding == "deflate":
        return zlib.decompressobj(32 + zlib.MAX_WBITS)  # zlib or gzip header, auto-detected
    return None


class BodyDecoder:
    """The decoders of one body, innermost coding last; `decompress` raises `TooLarge` past `limit`."""

    def __init__(self, content_encoding: str) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
        self._codings = [c for c in reversed(codings) if _layer(c) is not None]
        self._layers = [_layer(c) for c in self._codings]
        self._started = [False] * len(self._layers)

    @classmethod
    def for_header(cls, content_encoding: str) -> BodyDecoder | None:
        """A decoder, or None when the body is not compressed (nothing to undo)."""
        decoder = cls(content_encoding)
        return decoder if decoder._layers else None

    def _one(self, i: int, data: bytes, limit: int) -> bytes:
        layer = self._layers[i]
        assert layer is not None
        try:
            out = layer.decompress(data, limit)
        except zlib.error:
            if self._codings[i] != "deflate" or self._started[i]:
                raise
            layer = self._layers[i] = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, no header
            out = layer.decompress(data, limit)
        self._started[i] = True
        # max_length bounds what one chunk may expand to: a bomb stops at the cap, not in memory
        if layer.unconsumed_tail:
            raise TooLarge
        return out

    def decompress(self, chunk: bytes, limit: int) -> bytes:
        for i in range(len(self._layers)):
            chunk = self._one(i, chunk, limit)
        return chunk

    def flush(self, limit: int) -> bytes:
        tail = b""
        for i, layer in enumerate(self._layers):
            assert layer is not None
            data = (self._one(i, tail, limit) if tail else b"") + layer.flush()
            tail = data
        return tail
