"""Provides the patterns and word tables of the English date scanner (`en_scan`), over case-folded text: one
compiled regex per kind of expression (day-first and month-first dates with their ranges, numeric dates,
relative days, weekdays, next/last week, month or year, bare months, offsets, vague phrases, bare years,
Ramadan and the Eids), the words that make a bare month or year a date, and the day offsets of relative-day
words.
"""

from __future__ import annotations

from briefing.nlp.text.cues import EN_MONTHS, EN_PARTS, EN_WEEKDAYS, alternation
from briefing.nlp.text.lazy_re import lazy_compile
from briefing.nlp.text.numbers import EN_COUNT_RE
from briefing.nlp.timex.types import Unit

_MONTH = rf"(?:{alternation(EN_MONTHS)})\b\.?"
_WD = rf"(?:{alternation(EN_WEEKDAYS)})(?!s\b)\b"
_ORD = r"(?:st|nd|rd|th)?"
_DAY = rf"(?:[0-3]?[0-9]){_ORD}(?![0-9])"
_YEAR = r"(?:19|20|21)[0-9]{2}\b"
_PART = rf"(?:{alternation(k for k in EN_PARTS if not k.endswith('-'))})"
_SEP = r"\s*(?:-|–|to|and|through|until|till)\s*"

DMY = lazy_compile(
    rf"\b(?:(?P<pre>from|between)\s+)?(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?(?P<d1>{_DAY})"
    rf"(?:{_SEP}(?:the\s+)?(?P<d2>{_DAY})(?=\s+(?:of\s+)?{_MONTH}))?\s+(?:of\s+)?(?P<m>{_MONTH})"
    rf"(?:,?\s+(?P<y>{_YEAR}))?"
    rf"(?:{_SEP}(?:the\s+)?(?P<d3>{_DAY})\s+(?:of\s+)?(?P<m3>{_MONTH})(?:,?\s+(?P<y3>{_YEAR}))?)?"
)
MDY = lazy_compile(
    rf"\b(?:(?P<pre>from|between)\s+)?(?:(?P<wd>{_WD}),?\s+)?(?P<m>{_MONTH})\s+(?P<d1>{_DAY})"
    rf"(?:{_SEP}(?:(?P<m3>{_MONTH})\s+)?(?P<d2>{_DAY}))?(?:,?\s+(?P<y>{_YEAR}))?"
)
NUMERIC = lazy_compile(
    rf"(?<![0-9/.-])(?:(?P<a>[01]?[0-9])/(?P<b>[0-3]?[0-9])/(?P<y>{_YEAR})"
    rf"|(?P<iy>(?:19|20|21)[0-9]{{2}})-(?P<im>[01][0-9])-(?P<id>[0-3][0-9]))(?![0-9])"
)
REL_DAY = lazy_compile(
    r"\b(?:(?P<le>later|earlier)\s+)?(?P<rel>the\s+day\s+after\s+tomorrow|the\s+day\s+before\s+yesterday|today|"
    r"tonight|tomorrow|yesterday|last\s+night|this\s+(?:morning|afternoon|evening))\b"
    rf"(?:\s+(?:morning|afternoon|evening|night)\b)?(?:\s*,?\s*\(?(?P<wd>{_WD})\)?)?"
)
WEEKDAY = lazy_compile(
    rf"\b(?:(?P<mod>next|last|this\s+coming|this|coming|past|on)\s+)?(?P<wd>{_WD})"
    r"(?:\s+(?:morning|afternoon|evening|night)\b)?"
)
UNIT = lazy_compile(
    rf"\b(?:(?P<part>{_PART})[\s-]+)?(?:(?P<rel>next|last|this|the\s+coming|the\s+past|the\s+current|the\s+following)"
    r"\s+(?P<u>week|month|year)\b|the\s+(?P<u2>week|month|year)\s+after\s+next\b|(?:the|this)\s+(?P<u3>week|month|year)\b"
    r"|(?P<wrel>this|next|last|the\s+coming|the)\s+(?P<we>weekend)\b)"
)
MONTH_ONLY = lazy_compile(
    rf"\b(?:(?P<part>{_PART})[\s-]+|(?P<mid>mid)-)?(?:(?P<rel>next|last|this|the\s+coming)\s+)?(?P<m>{_MONTH})"
    rf"(?:,?\s+(?P<y>{_YEAR}))?"
)
OFFSET = lazy_compile(
    rf"\b(?:(?P<pre>in|within|after|over\s+the\s+next)\s+(?:the\s+next\s+)?(?P<n>[0-9]{{1,3}}|{EN_COUNT_RE})\s+"
    r"(?P<u>days?|weeks?|months?|years?|hours?)(?:'s?\s+time)?\b"
    rf"|(?P<n2>[0-9]{{1,3}}|{EN_COUNT_RE})\s+(?P<u2>days?|weeks?|months?|years?)\s+(?P<post>ago|from\s+now|later|earlier)\b)"
)
VAGUE = lazy_compile(
    r"(?<!\bas\s)\b(?:(?P<soon>soon|shortly|in\s+the\s+near\s+future|at\s+a\s+later\s+date|in\s+the\s+days\s+ahead)"
    r"|in\s+the\s+(?P<dir>coming|next\s+few|next|past|last\s+few|last)\s+(?:few\s+)?(?P<u>days|weeks|months)"
    r"|(?P<le>later|earlier)\s+(?:this|in\s+the)\s+(?P<lu>week|month|year))\b"
)
YEAR_ONLY = lazy_compile(
    rf"\b(?:(?P<part>{_PART})\s+)?(?:(?P<prep>in|by|until|since|during|through|before|after|of)\s+)(?P<y>{_YEAR})"
)
HIJRI = lazy_compile(
    r"\b(?:(?P<part>early|mid|late|the\s+end\s+of|end\s+of|the\s+start\s+of|start\s+of)[\s-]+)?(?P<ramadan>ramadan)\b"
    r"|\b(?P<eid>eid\s+al-?fitr|eid\s+al-?adha)\b"
)

DATE_CONTEXT = (
    "in",
    "by",
    "until",
    "till",
    "since",
    "from",
    "during",
    "before",
    "after",
    "through",
    "of",
    "for",
    "on",
    "between",
    "to",
    "around",
)
PREV_WORD = lazy_compile(r"([a-z]+)\s*$")
UNITS: dict[str, Unit] = {"day": "day", "week": "week", "month": "month", "year": "year", "hour": "day"}

REL_DAYS = {
    "today": 0,
    "tonight": 0,
    "tomorrow": 1,
    "yesterday": -1,
    "last night": -1,
    "the day after tomorrow": 2,
    "the day before yesterday": -2,
}
