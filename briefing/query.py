"""Provides the query language shared by `/` in the app, `briefing search` and `briefing today --query`.

A query is words separated by spaces; every part must hold (AND). Modelled on elfeed's search filter and
newsboat's filters:

- `word`, `"a phrase"`: full text (titles and texts, Arabic-normalized by the store);
- `+unread`, `+read`, `+starred`: read state and stars (`-unread` is `+read`, `-starred` not starred);
- `@2-days`, `@1-week`, `@3-months`, `@1-year`: published within that long before now;
  `@2024-03-10--2024-03-16`: published on those days (both included); `@2024-03-10`: on that day;
- `feed:NAME` (title or URL contains NAME), `lang:ar`, `actor:"غير بيدرسون"` (an actor's name contains
  it), `kind:visit` (the article reports an event of that kind); a value with spaces is quoted;
- a leading `-` negates a word, a phrase or a field: `-sport`, `-"a phrase"`, `-feed:X`, `-lang:en`.

`parse()` turns the text into a `Query` (pure data, no I/O) or raises `QueryError` with one line saying
what is wrong. Resolving relative ages needs a clock: `Query.window(now)`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

FIELDS = ("feed", "lang", "actor", "kind")
FLAGS = ("unread", "read", "starred")
_UNITS = {"day": 1, "week": 7, "month": 30, "year": 365}
_TOKEN = re.compile(r'(-?)(?:([A-Za-z]+):)?(?:"([^"]*)"|“([^”]*)”|(\S+))')
_AGE = re.compile(r"^(\d{1,5})-(day|week|month|year)s?(?:-ago)?$")
_DATE = r"\d{4}-\d{2}-\d{2}"
_RANGE = re.compile(rf"^({_DATE})(?:--({_DATE}))?$")
_LANGS = ("ar", "en")


class QueryError(ValueError):
    """The query text cannot be read; the message says where."""


@dataclass(frozen=True)
class Clause:
    """One `field:value` part (field is one of FIELDS), negated or not."""

    field: str
    value: str
    negated: bool = False


@dataclass(frozen=True)
class Query:
    """A parsed query: every part must hold. Empty parts restrict nothing."""

    words: tuple[str, ...] = ()
    """Words and phrases the text must contain (a phrase keeps its spaces)."""
    excluded: tuple[str, ...] = ()
    """Words and phrases the text must not contain."""
    unread: bool | None = None
    """True: only unread articles; False: only read ones; None: both."""
    starred: bool | None = None
    """True: only starred articles; False: only unstarred ones; None: both."""
    age: timedelta | None = None
    """Published within this long before now (`@2-days`)."""
    days: tuple[date, date] | None = None
    """Published on these days, first and last included (`@2024-03-10--2024-03-16`)."""
    clauses: tuple[Clause, ...] = field(default=())

    @property
    def empty(self) -> bool:
        return self == Query()

    def values(self, name: str, *, negated: bool = False) -> tuple[str, ...]:
        """The values given for field `name` (the negated ones with `negated`)."""
        return tuple(c.value for c in self.clauses if c.field == name and c.negated == negated)

    def window(self, now: datetime) -> tuple[datetime | None, datetime | None]:
        """The publication range [start, end) this query allows, in `now`'s time zone (None: open)."""
        start: datetime | None = None
        end: datetime | None = None
        if self.age is not None:
            start = now - self.age
        if self.days is not None:
            tz = now.tzinfo
            first = datetime.combine(self.days[0], time(), tz)
            last = datetime.combine(self.days[1] + timedelta(days=1), time(), tz)
            start = first if start is None else max(start, first)
            end = last
        return start, end

    def describe(self) -> str:
        """The query written back in its canonical form (what `parse` reads to the same `Query`)."""
        parts: list[str] = []
        parts += [_quote(w) for w in self.words]
        parts += ["-" + _quote(w) for w in self.excluded]
        if self.unread is not None:
            parts.append("+unread" if self.unread else "+read")
        if self.starred is not None:
            parts.append("+starred" if self.starred else "-starred")
        if self.age is not None:
            parts.append(f"@{self.age.days}-days")
        if self.days is not None:
            a, b = self.days
            parts.append(f"@{a.isoformat()}" + (f"--{b.isoformat()}" if b != a else ""))
        parts += [("-" if c.negated else "") + f"{c.field}:{_quote(c.value)}" for c in self.clauses]
        return " ".join(parts)


def _quote(text: str) -> str:
    return f'"{text}"' if any(ch.isspace() for ch in text) or not text else text


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise QueryError(f"not a date: {text!r} (write YYYY-MM-DD)") from None


def _when(text: str) -> tuple[timedelta | None, tuple[date, date] | None]:
    """`2-days` -> an age; `2024-03-10--2024-03-16` or `2024-03-10` -> a range of days."""
    if m := _AGE.match(text):
        n = int(m.group(1))
        if n == 0:
            raise QueryError(f"@{text}: the age must be at least 1")
        return timedelta(days=n * _UNITS[m.group(2)]), None
    if m := _RANGE.match(text):
        first = _date(m.group(1))
        last = _date(m.group(2)) if m.group(2) else first
        if last < first:
            raise QueryError(f"@{text}: the range ends before it starts")
        return None, (first, last)
    raise QueryError(f"@{text}: write an age (@2-days, @1-week) or days (@2024-03-10--2024-03-16)")


def _flag(name: str, negated: bool, query: Query) -> Query:
    if name == "unread":
        return replace(query, unread=not negated)
    if name == "read":
        return replace(query, unread=negated)
    if name == "starred":
        return replace(query, starred=not negated)
    known = ", ".join(f"+{f}" for f in FLAGS)
    raise QueryError(f"unknown tag +{name} (known: {known})")


def parse(text: str) -> Query:
    """Read a query (see the module docstring); raise `QueryError` when a part cannot be read."""
    if text.count('"') % 2:
        raise QueryError('a quote (") is not closed')
    query = Query()
    words: list[str] = []
    excluded: list[str] = []
    clauses: list[Clause] = []
    for m in _TOKEN.finditer(text):
        minus, name, quoted, curly, bare = m.groups()
        negated = minus == "-"
        value = quoted if quoted is not None else curly if curly is not None else bare
        is_quoted = quoted is not None or curly is not None
        if name is not None and name.lower() in FIELDS:
            value = value.strip()
            if not value:
                raise QueryError(f"{name}: needs a value ({name}:NAME)")
            key = name.lower()
            if key == "lang":
                value = value.lower()
                if value not in _LANGS:
                    raise QueryError(f"lang:{value}: the languages are {', '.join(_LANGS)}")
            clauses.append(Clause(key, value, negated))
            continue
        if value.rstrip(":").lower() in FIELDS and value.endswith(":"):
            raise QueryError(f"{value} needs a value ({value}NAME)")
        if name is not None:  # not a field (a time such as 10:30, a URL): a plain word
            value = f"{name}:{value}"
        if not is_quoted and not negated and value.startswith("+") and len(value) > 1:
            query = _flag(value[1:].lower(), False, query)
            continue
        if not is_quoted and negated and value.lower() in FLAGS:
            query = _flag(value.lower(), True, query)
            continue
        if not is_quoted and value.startswith("@") and not negated:
            age, days = _when(value[1:])
            if age is not None:
                query = replace(query, age=age)
            if days is not None:
                query = replace(query, days=days)
            continue
        if not any(ch.isalnum() for ch in value):
            continue  # punctuation alone matches nothing in the full text
        (excluded if negated else words).append(value.strip())
    return replace(query, words=tuple(words), excluded=tuple(excluded), clauses=tuple(clauses))
