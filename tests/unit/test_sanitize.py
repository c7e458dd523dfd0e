"""The one sanitizer (RELIABILITY.md rows 1, 4, 7, 22)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.safetext import clean_line, clean_text, is_arabic, safe_url
from tests.security.hostile import FORBIDDEN


def test_escape_sequences_are_removed() -> None:
    hostile = "a\x1b[2Jb\x1b]0;pwned\x07c\x1b]52;c;ZXZpbA==\x07d\x9b31me\x1b]8;;file:///etc/passwd\x1b\\x"
    out = clean_text(hostile)
    assert not FORBIDDEN.search(out)
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out


def test_bidi_overrides_go_but_marks_stay() -> None:
    text = "\u202eمرحبا\u2066 عالم\u2069\u200f \u200e\u061c"
    out = clean_text(text)
    assert "\u202e" not in out and "\u2066" not in out and "\u2069" not in out
    assert "\u200f" in out and "\u200e" in out and "\u061c" in out


def test_a_stray_byte_order_mark_goes() -> None:
    assert clean_line("\ufeffدمشق\ufeff") == "دمشق" and clean_line("\ufeff") == ""


def test_tabs_and_newlines_survive_and_cr_becomes_newline() -> None:
    assert clean_text("a\tb\r\nc\rd") == "a\tb\nc\nd"
    assert clean_line("a\n b\t c") == "a b c"


def test_only_http_and_mailto_links() -> None:
    assert safe_url("https://example.com/x?y=1") == "https://example.com/x?y=1"
    assert safe_url("mailto:desk@example.com") == "mailto:desk@example.com"
    for bad in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "file:///etc/passwd",
        "data:text/html,x",
        "ftp://x",
        "vbscript:x",
        "http://a b",
        "",
        None,
    ]:
        assert safe_url(bad) == ""


@settings(max_examples=500)
@given(st.text())
def test_idempotent_and_nothing_forbidden_left(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once
    assert not FORBIDDEN.search(once)


def test_is_arabic_finds_any_arabic_letter() -> None:
    assert is_arabic("وصل الوفد إلى المدينة")
    assert is_arabic("Talks in الدوحة today")
    assert is_arabic("\ufefb")  # a presentation form (lam-alef ligature)
    assert not is_arabic("The delegation arrived")
    assert not is_arabic("")


def test_is_arabic_agrees_with_the_analyzers_on_arabic_blocks() -> None:
    """The neutral copy and nlp's own must draw the same line, or the view-model and the analyzers would
    disagree on a story's language."""
    from briefing.nlp.text.arabic import is_arabic as nlp_is_arabic  # noqa: PLC0415

    for code in range(0x0500, 0x0900):
        assert is_arabic(chr(code)) == nlp_is_arabic(chr(code)), hex(code)
    for code in range(0xFB00, 0x10000):
        assert is_arabic(chr(code)) == nlp_is_arabic(chr(code)), hex(code)
