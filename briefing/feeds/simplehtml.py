"""Provides `simple_text`: the text of the simplest HTML fragments (paragraphs, line breaks, common entities)
without building a tree, or None for anything else.

Most feed descriptions are a few `<p>` paragraphs, perhaps with `<br>` and `&amp;`. For such markup every
tag is a block boundary, so `parse.html_to_text` (lxml) comes down to: split at the tags, decode the entities,
put a blank line between the pieces. That is done here with two regular expressions, a fifth of the cost.
Anything else (another tag, a comment, an attribute that is not a plain `name="value"`, an entity outside a
short list, a character lxml would refuse) returns None and goes to lxml. A test compares the two paths on
every description of the corpora and on generated fragments built from the edge cases.
"""

from __future__ import annotations

import re

_BLOCK = re.compile(r"""<(?:(/?)(p|div)(?:\s+[a-z][a-z0-9-]*="[^"<>&]*")*\s*|br\s*/?)>""", re.IGNORECASE)
"""`<p>`, `</p>`, `<div>`, `</div>` (with plain double-quoted attributes or none) and `<br>`, `<br/>`."""
_ENTITY = re.compile(r"&(?:(amp|lt|gt|quot|nbsp)|#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6}));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "nbsp": "\xa0"}
_REFUSED = re.compile("[<\ufffe\uffff]")
"""A `<` left after the known tags (another tag, a comment, a stray `<`), or a character lxml rejects."""


def _char(code: int) -> str | None:
    """A numeric character reference's character when lxml reads it the same way (printable, no control
    and no surrogate or noncharacter), else None."""
    if 0x20 <= code < 0x7F or 0xA0 <= code < 0xD800 or 0xE000 <= code < 0xFFFE or 0x10000 <= code < 0x110000:
        return chr(code)
    return None


def _decode(text: str) -> str | None:
    """`text` with its entities decoded, or None when an `&` is not one of the known entities."""
    out: list[str] = []
    pos = 0
    for m in _ENTITY.finditer(text):
        if "&" in text[pos : m.start()]:
            return None
        name, dec, hexa = m.groups()
        ch = _NAMED[name] if name else _char(int(dec) if dec else int(hexa, 16))
        if ch is None:
            return None
        out.append(text[pos : m.start()])
        out.append(ch)
        pos = m.end()
    if "&" in text[pos:]:
        return None
    out.append(text[pos:])
    return "".join(out)


def _nests(name: str, end: bool, open_tags: list[str]) -> bool:
    """Track the open elements; False where lxml's repairs would not put a boundary at this tag (an end tag
    with no matching start tag is dropped) or are not simple (a `<div>` inside a paragraph)."""
    top = open_tags[-1] if open_tags else ""
    if end:
        if top != name:
            return False
        open_tags.pop()
        return True
    if top == "p":
        if name == "div":
            return False
        open_tags.pop()  # a new paragraph closes the open one
    open_tags.append(name)
    return True


def simple_text(markup: str) -> str | None:
    """The paragraphs of `markup` as `html_to_text` gives them, before its final clean-up, or None when the
    markup is not simple enough (see the module docstring). `markup` is already sanitized."""
    pieces: list[str] = []
    open_tags: list[str] = []
    pos = 0
    for m in _BLOCK.finditer(markup):
        pieces.append(markup[pos : m.start()])
        pos = m.end()
        if m.group(2) and not _nests(m.group(2).lower(), bool(m.group(1)), open_tags):
            return None
    pieces.append(markup[pos:])
    decoded: list[str] = []
    for piece in pieces:
        if _REFUSED.search(piece):
            return None
        if "&" in piece:
            text = _decode(piece)
            if text is None:
                return None
            piece = text
        decoded.append(piece)
    return "\n\n".join(decoded)
