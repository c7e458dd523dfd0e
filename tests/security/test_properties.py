"""Property tests on arbitrary Unicode (RELIABILITY.md row 22): the sanitizer, the splitter, the analyzer and
every renderer never raise, and nothing forbidden gets through. Bounded: at most a few hundred examples each,
no deadline (the first analysis loads the gazetteers)."""

from __future__ import annotations

import io
import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from briefing.models import Briefing
from briefing.nlp.analyze import analyze
from briefing.nlp.text.sentences import split_spans
from briefing.render.console import render_today
from briefing.render.ics import render_ics
from briefing.render.jsonout import briefing_json
from briefing.render.markdown import escape, render_markdown
from briefing.safetext import clean_line, clean_text, safe_url
from tests.security.hostile import (
    FORBIDDEN,
    FORBIDDEN_CRLF_OK,
    SAFE_LINK,
    assert_json_safe,
    assert_markdown_safe,
    assert_no_controls,
    markdown_text,
)
from tests.security.strategies import (
    ARABIC,
    BIDI,
    CONTROLS,
    LATIN,
    NOW,
    PUNCT,
    briefings,
    hostile_text,
    urls,
)

BOUNDED = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
RENDERERS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
KEPT_MARKS = "\u200e\u200f\u061c"

# --- the sanitizer ------------------------------------------------------------------------------------------


@BOUNDED
@given(st.one_of(st.text(), hostile_text))
def test_clean_text_removes_exactly_the_forbidden_characters(text: str) -> None:
    out = clean_text(text)
    assert clean_text(out) == out  # idempotent
    assert not FORBIDDEN.search(out)
    # Nothing else is touched: CRs become newlines, the forbidden characters go, the rest stays in order.
    assert out == FORBIDDEN.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    for mark in KEPT_MARKS:
        assert out.count(mark) == text.count(mark)


@BOUNDED
@given(st.one_of(st.text(), hostile_text))
def test_clean_line_is_one_clean_line(text: str) -> None:
    out = clean_line(text)
    assert clean_line(out) == out
    assert not FORBIDDEN.search(out) and "\n" not in out and "\t" not in out
    assert out == out.strip()


@BOUNDED
@given(urls)
@example("java\tscript:alert(1)")
@example("\x00javascript:alert(1)")
@example("\u202ejavascript:alert(1)")
@example(" JAVASCRIPT:alert(1)")
@example("http://javascript:alert(1)")
@example("mailto:javascript:alert(1)")
def test_safe_url_keeps_only_http_and_mailto(url: str) -> None:
    out = safe_url(url)
    assert safe_url(out) == out
    if out:
        assert SAFE_LINK.match(out), out
        assert not FORBIDDEN.search(out) and not any(c.isspace() for c in out)
    # A script URL never survives, however it is disguised (controls, bidi marks, case, white space); an http
    # host or a mail address that merely reads "javascript:" is no script ("mailto:javascript:x" mails).
    if clean_text(url).strip().lower().replace("\t", "").startswith("javascript:"):
        assert out == ""


# --- Markdown escaping --------------------------------------------------------------------------------------


@BOUNDED
@given(st.one_of(st.text(), hostile_text))
def test_markdown_escape_shows_the_text_literally(text: str) -> None:
    """What a CommonMark renderer shows for `escape(text)` is the cleaned text itself: no emphasis, link,
    heading, list, HTML or entity is ever created from feed text."""
    md = escape(text)
    assert_markdown_safe(md, text_may_quote_schemes=True)
    assert markdown_text(md).strip() == clean_line(text)


# --- the splitter and the analyzer --------------------------------------------------------------------------

WORDS = (
    "The envoy Geir Pedersen will visit Damascus on Sunday March 17 2024 said Foreign Minister Faisal Mekdad "
    "talks next week in Cairo U.N. President Mr. Dr. met tomorrow Iran Israel Hamas Gaza Doha summit 3.5 "
    "قال المبعوث الأممي غير بيدرسون سيزور دمشق يوم الأحد 17 مارس آذار وزير الخارجية فيصل المقداد "
    "الأسبوع المقبل القاهرة الرئيس د. غدا بعد غد قمة الدوحة إيران إسرائيل حماس غزة «قال» ٢٠٢٤"
).split()
noise = st.text(alphabet=PUNCT + CONTROLS + BIDI, min_size=1, max_size=3)
EVENTS = [
    "U.N. envoy Geir Pedersen will visit Damascus on Sunday",
    "The summit will be held in Doha on March 20, 2024",
    "Talks are expected next week in Cairo",
    "Foreign Minister Faisal Mekdad will travel to Tehran tomorrow",
    "سيزور المبعوث الأممي غير بيدرسون دمشق يوم الأحد",
    "تعقد القمة في الدوحة في 20 مارس/آذار 2024",
    "يلتقي وزير الخارجية فيصل المقداد نظيره الإيراني الأسبوع المقبل",
    "تبدأ المحادثات في القاهرة بعد غد",
]
words = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(WORDS),
        noise,
        st.text(alphabet=ARABIC + LATIN, min_size=1, max_size=8),
    ),
    min_size=1,
    max_size=25,
)
sentence = st.one_of(
    words.map(" ".join),
    st.tuples(st.sampled_from(EVENTS), noise, st.integers(0, 60)).map(
        lambda t: t[0][: t[2]] + t[1] + t[0][t[2] :]
    ),
    st.sampled_from(EVENTS),
)
article_text = st.lists(
    st.tuples(sentence, st.sampled_from([". ", "؟ ", "! ", "… ", ".\n\n", "\n", " ", "", ".» ", "? "])),
    min_size=1,
    max_size=12,
).map(lambda parts: "".join(s + end for s, end in parts))
"""Article-like text: sentences of real words (names, dates, verbs) in both languages, with noise between."""


@BOUNDED
@given(st.one_of(article_text, st.text()))
def test_sentence_spans_are_ordered_trimmed_and_cover_every_word(text: str) -> None:
    spans = split_spans(text)
    last = 0
    covered = set()
    for start, end in spans:
        assert last <= start < end <= len(text), (spans, len(text))
        piece = text[start:end]
        assert piece == piece.strip()
        covered.update(range(start, end))
        last = end
    for i, c in enumerate(text):
        if not c.isspace():
            assert i in covered, (i, c, text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(article_text, hostile_text), st.sampled_from(["auto", "ar", "en"]), st.none() | hostile_text)
def test_analyze_never_raises_and_its_offsets_point_into_its_text(
    text: str, lang: str, title: str | None
) -> None:
    a = analyze(text, NOW, title=title, lang=lang)
    n = len(a.text)
    for i, s in enumerate(a.sentences):
        assert s.index == i
        assert 0 <= s.start < s.end <= n and a.text[s.start : s.end] == s.text
    for actor in a.actors:
        for start, end in actor.mentions:
            assert 0 <= start < end <= n
    for e in a.events:
        assert 0 <= e.sentence_index < max(1, len(a.sentences))
        assert e.end is None or e.end >= e.start


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(article_text, hostile_text))
def test_analyze_on_sanitized_text_yields_only_sanitized_strings(text: str) -> None:
    """Ingest sanitizes first; what the analysis then derives (sentences, names, events) stays clean."""
    a = analyze(clean_text(text), NOW)
    strings = [a.title, a.text, *(s.text for s in a.sentences)]
    for actor in a.actors:
        strings += [actor.name, actor.name_latin or "", *actor.roles, actor.affiliation or "", *actor.aliases]
    for e in a.events:
        strings += [e.summary, e.date_text, e.where or "", *e.who, e.purpose or ""]
    for s in strings:
        assert not FORBIDDEN.search(s), s


# --- the renderers ------------------------------------------------------------------------------------------


@RENDERERS
@given(briefings, st.integers(20, 160), st.booleans())
def test_every_renderer_is_inert(b: Briefing, width: int, colour_terminal: bool) -> None:
    """The same random briefing through `today`, Markdown, JSON and ICS (one test: generating a briefing
    costs more than rendering it four times)."""
    check_console(b, width, colour_terminal)
    check_markdown(b)
    check_json(b)
    check_ics(b)


def check_console(b: Briefing, width: int, colour_terminal: bool) -> None:
    """`briefing today`: plain text when piped; in a colour terminal, only SGR codes."""
    out = io.StringIO()
    old = os.environ.get("FORCE_COLOR")
    if colour_terminal:
        os.environ["FORCE_COLOR"] = "1"
    try:
        render_today(b, out, width=width, color=colour_terminal)
    finally:
        if old is None:
            os.environ.pop("FORCE_COLOR", None)
        else:
            os.environ["FORCE_COLOR"] = old
    text = out.getvalue()
    if not colour_terminal:
        assert "\x1b" not in text
    assert "\x1b]" not in text  # never a hyperlink, title or clipboard sequence
    assert_no_controls(text, where="today", sgr_ok=True)


def check_markdown(b: Briefing) -> None:
    md = render_markdown(b)
    assert_markdown_safe(md, text_may_quote_schemes=True)
    shown = markdown_text(md)
    for s in b.stories:  # headlines and summaries are shown literally, whatever they hold
        assert clean_line(s.headline) in shown
        for sentence in s.summary:
            assert clean_line(sentence) in shown


def check_json(b: Briefing) -> None:
    data = assert_json_safe(briefing_json(b), text_may_quote_schemes=True)
    assert len(data["stories"]) == len(b.stories) and len(data["upcoming"]) == len(b.upcoming)


def check_ics(b: Briefing) -> None:
    text = render_ics(b)
    assert not FORBIDDEN_CRLF_OK.search(text)
    assert "\r" not in text.replace("\r\n", "")  # every line ends in CRLF, no bare CR
    cal = Calendar.from_ical(text)
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    assert len(events) == len(b.upcoming)  # a summary holding "END:VEVENT" adds no event
    assert [c.name for c in cal.walk()].count("VCALENDAR") == 1
    for ev, item in zip(events, b.upcoming, strict=True):
        assert str(ev["SUMMARY"]).startswith(clean_line(item.event.summary))
        for key in ("URL", "ATTACH", "ATTENDEE", "ORGANIZER", "RRULE"):
            assert key not in ev
