"""Hypothesis strategies for hostile text, URLs and whole Briefings (RELIABILITY.md row 22).

Plain `st.text()` rarely produces what matters here (an escape sequence, a bidi override next to Arabic,
Rich markup, Markdown syntax at the start of a line), so the text strategies mix random characters from the
alphabets briefing reads with fragments an attacker would write.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import strategies as st

from briefing.models import Actor, AgendaItem, ArticleRef, Briefing, Event, Story

ARABIC = "".join(chr(c) for c in range(0x0621, 0x064B)) + "ًٌٍَُِّْٰـ٠١٢٣٤٥٦٧٨٩،؛؟«»"
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
PUNCT = " .,;:!?…'\"()[]{}<>*_`#\\-+=|~&^%$@/\t\n\r\u00a0\u2028\u2029"
CONTROLS = "".join(chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)])
BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\ufeff"
FRAGMENTS = [
    "\x1b[2J",
    "\x1b]0;title\x07",
    "\x1b]8;;file:///etc/passwd\x1b\\",
    "\x1b]52;c;ZXZpbA==\x07",
    "\u009b31m",
    "\u009d8;;x\u009c",
    "[bold]",
    "[/]",
    "[/",
    "[b",
    "[link=file:///etc/passwd]",
    "[/link]",
    "[@click=quit]",
    "<script>",
    "</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "file:///etc/passwd",
    "[x](javascript:alert(1))",
    "![i](file:///x)",
    "<http://evil>",
    "&#27;",
    "&lt;",
    "&amp;",
    "# ",
    "> ",
    "- ",
    "1. ",
    "***",
    "```",
    "    ",
    "\n\n",
    "\r\n",
    "BEGIN:VEVENT",
    "END:VCALENDAR",
    ";",
    ",",
    "\\n",
    "U.S.",
    "د.",
    "«",
    "»",
    "...",
    "؟",
    "Mr.",
    "http://x.example/a.b",
    "mailto:a@b.c",
    "\u202eلا\u202c",
    "\u200f",
]

alphabet_text = st.text(alphabet=ARABIC + LATIN + PUNCT + CONTROLS + BIDI, max_size=40)
hostile_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), alphabet_text, st.text(max_size=12)), max_size=8
).map("".join)
"""Any string, biased toward escapes, markup, bidi controls and the Arabic and Latin alphabets."""

SCHEMES = [
    "http://",
    "https://",
    "HTTPS://",
    "mailto:",
    "javascript:",
    "JaVaScRiPt:",
    " javascript:",
    "java\tscript:",
    "\x00javascript:",
    "\u202ejavascript:",
    "file://",
    "file:",
    "data:text/html,",
    "vbscript:",
    "ftp://",
    "//",
    "",
    "\x1bhttp://",
]
urls = st.one_of(
    st.builds(lambda s, rest: s + rest, st.sampled_from(SCHEMES), hostile_text),
    st.builds(
        lambda s, host, rest: f"{s}{host}.example/{rest}",
        st.sampled_from(SCHEMES),
        st.text(alphabet=LATIN, min_size=1, max_size=8),
        hostile_text,
    ),
    hostile_text,
)

dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
NOW = datetime(2024, 3, 16, 20, 0, tzinfo=UTC)

actors = st.builds(
    Actor,
    name=hostile_text,
    kind=st.sampled_from(["person", "org", "country", "place"]),
    name_latin=st.none() | hostile_text,
    roles=st.lists(hostile_text, max_size=2).map(tuple),
    affiliation=st.none() | hostile_text,
    aliases=st.lists(hostile_text, max_size=2).map(tuple),
    key=hostile_text,
)

refs = st.builds(
    ArticleRef,
    title=hostile_text,
    url=urls,
    feed=hostile_text,
    published=st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
    ),
    lang=st.sampled_from([None, "ar", "en", "other"]),
    article_id=st.none() | st.integers(1, 10_000),
)


@st.composite
def events(draw: st.DrawFn) -> Event:
    start = draw(dates)
    end = draw(st.none() | st.integers(0, 30).map(lambda d: start + timedelta(days=d)))
    return Event(
        summary=draw(hostile_text),
        kind=draw(st.sampled_from(["visit", "meeting", "talks", "election", "summit", "x"])),
        trigger=draw(hostile_text),
        date_text=draw(hostile_text),
        start=start,
        end=end,
        precision=draw(st.sampled_from(["day", "week", "month", "year", "vague"])),
        who=tuple(draw(st.lists(hostile_text, max_size=3))),
        where=draw(st.none() | hostile_text),
        purpose=draw(st.none() | hostile_text),
        status=draw(st.sampled_from(["firm", "conditional", "cancelled", "postponed"])),
    )


agenda_items = st.builds(
    AgendaItem, event=events(), sources=st.lists(refs, max_size=3).map(tuple), relative=hostile_text
)

stories = st.builds(
    Story,
    id=hostile_text,
    headline=hostile_text,
    summary=st.lists(hostile_text, max_size=3).map(tuple),
    articles=st.lists(refs, max_size=3).map(tuple),
    actors=st.lists(actors, max_size=3).map(tuple),
    events=st.lists(agenda_items, max_size=1).map(tuple),
    why=st.lists(hostile_text, max_size=2).map(tuple),
    lang=st.sampled_from([None, "ar", "en"]),
    score=st.floats(0, 100),
)

briefings = st.builds(
    Briefing,
    date=dates,
    now=st.just(NOW),
    stories=st.lists(stories, max_size=3).map(tuple),
    actors=st.lists(actors, max_size=4).map(tuple),
    upcoming=st.lists(agenda_items, max_size=3).map(tuple),
    notes=st.lists(hostile_text, max_size=2).map(tuple),
)
