"""Provides `to_utf8`: a feed or page body re-encoded as UTF-8, whatever its BOM, header or declaration say.

Servers get charsets wrong in both directions: a UTF-8 feed served as `iso-8859-1` (a server default), a
windows-1256 Arabic feed served as `utf-8`, or with no charset at all. The order of trust used here:

1. a byte-order mark;
2. valid UTF-8 with non-ASCII bytes (legacy Arabic or Latin text practically never validates as UTF-8);
3. the document's own declaration (`<?xml encoding=...?>` or `<meta charset>`), then the HTTP header,
   when the codec is known and decodes the bytes; a Latin-1/windows-1252 label (the usual server default)
   is only believed when the text does not look like windows-1256 Arabic;
4. windows-1256 when most non-ASCII characters then come out as Arabic letters; otherwise feedparser's own
   guess (windows-1252 for pages).

feedparser is then given UTF-8 bytes with a matching declaration and `charset=utf-8` header, so it has
nothing left to guess.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']", re.I)
_XML_DECL_ANY = re.compile(rb"^\s*<\?xml[^>]*\?>")
_META = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9._:-]{1,40})", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]{1,40})", re.I)
_WEAK = {"cp1252"}
"""Labels servers send by default: believed only when the text does not look Arabic."""


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"  # as browsers do: bytes 0x80-0x9f are curly quotes and dashes, not C1 controls
    # Codecs that are not text encodings (rot13, zlib...) are not accepted from a document.
    not_text = {"rot-13", "zlib_codec", "base64_codec", "hex_codec", "bz2_codec", "uu_codec", "quopri_codec"}
    return None if name in not_text else name


def header_charset(headers: Mapping[str, str]) -> str | None:
    for key, value in headers.items():
        if key.lower() == "content-type":
            m = _HEADER_CHARSET.search(value)
            return m.group(1) if m else None
    return None


def _arabic_share(text: str) -> float:
    high = [c for c in text if ord(c) > 127]
    if not high:
        return 0.0
    return sum(1 for c in high if "\u0600" <= c <= "\u06ff") / len(high)


def detect(body: bytes, headers: Mapping[str, str] | None = None) -> str | None:
    """The codec name to decode `body` with (see the module docstring for the order of trust), or None
    when nothing is declared and the text is not Arabic (the caller then guesses as it can)."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    if body[:4] in (b"\x00<\x00?", b"\x00<\x00r", b"\x00<\x00f"):
        return "utf-16-be"
    if body[:4] in (b"<\x00?\x00", b"<\x00r\x00", b"<\x00f\x00"):
        return "utf-16-le"
    try:
        body.decode("utf-8")
        return "utf-8"  # ASCII or valid UTF-8
    except UnicodeDecodeError:
        pass
    head = body[:2048]
    declared = [m.group(1).decode("ascii") for m in (_XML_DECL.match(head), _META.search(head)) if m]
    labelled = header_charset(headers or {})
    if labelled:
        declared.append(labelled)
    arabic = _arabic_share(body.decode("cp1256", errors="replace")) >= 0.6
    for label in declared:
        codec = _codec(label)
        if codec is None:
            continue
        name = codec
        if name == "utf-8" or name.startswith(("utf-16", "utf-32")):
            continue  # the bytes are not UTF-8, whatever the label says
        if name in _WEAK and arabic:
            continue
        try:
            body.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        return name
    return "cp1256" if arabic else None


def to_utf8(body: bytes, headers: Mapping[str, str] | None = None) -> tuple[bytes, dict[str, str]]:
    """`body` as UTF-8 (no BOM, the XML declaration's encoding rewritten) and headers saying so."""
    name = detect(body, headers)
    if name is None:  # feedparser's own guess (chardet when installed, else windows-1252) is as good as any
        return body, dict(headers or {})
    out_headers = {k: v for k, v in (headers or {}).items() if k.lower() != "content-type"}
    content_type = next((v for k, v in (headers or {}).items() if k.lower() == "content-type"), "")
    mime = content_type.split(";")[0].strip() or "application/xml"
    out_headers["content-type"] = f"{mime}; charset=utf-8"
    if name == "utf-8":
        data = body[3:] if body.startswith(codecs.BOM_UTF8) else body
    else:
        text = body.decode(name, errors="replace")
        data = text.lstrip("\ufeff").encode("utf-8")
    m = _XML_DECL_ANY.match(data)
    if m and name != "utf-8":
        data = b'<?xml version="1.0" encoding="utf-8"?>' + data[m.end() :]
    elif m and _XML_DECL.match(data) and not re.search(rb"utf-?8", m.group(0), re.I):
        data = b'<?xml version="1.0" encoding="utf-8"?>' + data[m.end() :]
    return data, out_headers


def decode(body: bytes, headers: Mapping[str, str] | None = None) -> str:
    """`body` as text (for HTML pages), by the same rules."""
    return body.decode(detect(body, headers) or "cp1252", errors="replace").lstrip("\ufeff")
