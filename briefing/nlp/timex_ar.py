"""Provides the Arabic date scanner: regexes over normalized text that turn date expressions into `Mention`s.

Covers relative days (اليوم، غداً، بعد غد، أمس), weekdays with المقبل/الماضي, weeks, months and years
relative to now, explicit dates in the four regional month-name series with double forms ("25 آذار/مارس"),
spelled-out ordinals, ranges, Hijri dates and feasts, offsets ("بعد يومين"), windows ("خلال أسبوع") and
vague words ("قريباً"). dateparser gets most of these wrong, hence our own table-driven patterns.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefing.nlp.cues import (
    AR_AMBIGUOUS_MONTHS,
    AR_HIJRI_FEASTS,
    AR_HIJRI_MONTHS,
    AR_MONTHS,
    AR_PARTS,
    AR_REL_RE,
    AR_TIME_OF_DAY,
    AR_WEEKDAYS,
    alternation,
    ar_rel,
)
from briefing.nlp.numbers import AR_COUNT_RE, AR_ORDINAL_RE, ar_ordinal, count_value
from briefing.nlp.timex import Direction, Mention, Normalized, Unit
from briefing.nlp.timex_calendar import range_start_year

L = r"(?:(?<![^\W_])|(?<=(?<![^\W_])[وفبل]))"  # word start, a one-letter clitic (و ف ب ل) allowed
R = r"(?![^\W_])"
_WD = r"(?:ال|لل)(?:" + alternation(w[2:] for w in AR_WEEKDAYS) + ")"
_MONTH = alternation(AR_MONTHS)
_HMONTH = alternation(AR_HIJRI_MONTHS)
_DAY = rf"(?:[0-3]?[0-9]|{AR_ORDINAL_RE}|اول|غره)"
_YEAR = r"(?:19|20|21)[0-9]{2}"
_HYEAR = r"1[345][0-9]{2}"
_TOD = alternation(AR_TIME_OF_DAY)
_PART = alternation(AR_PARTS)
_ALT = rf"(?:\s*(?:/|\(|-)\s*(?:{_MONTH})(?:\s*\))?)"
_YEAR_TAIL = rf"(?:\s*[،,]?\s*(?:من\s+)?(?:(?:عام|العام|سنه)\s+)?(?P<y>{_YEAR})(?:\s*م)?{R})"
_HIJRI_MARK = r"(?:\s*(?:ه|هجري|هجريه|للهجره))"

_DATE = re.compile(
    rf"{L}(?:(?P<pre>من|بين)\s+)?(?P<wdp>(?:يوم\s+)?(?P<wd>{_WD})\s*[،,]?\s*(?:الموافق\s+)?)?(?:يوم\s+)?"
    rf"(?P<d1>{_DAY})(?:\s*(?:-|–|و|الي|حتي|او)\s*(?:يوم\s+)?(?:{_DAY}\s*[،,]?\s*و\s*)*(?P<d2>{_DAY})(?=\s*(?:من\s+)?(?:شهر\s+)?(?:{_MONTH})))?"
    rf"\s*(?:من\s+)?(?:شهر\s+)?(?P<m>{_MONTH}){R}{_ALT}?(?:\s+(?P<drel>{AR_REL_RE}){R})?{_YEAR_TAIL}?"
    rf"(?:\s*(?:-|–|الي|حتي)\s*(?:يوم\s+)?(?P<d3>{_DAY})\s*(?:من\s+)?(?:شهر\s+)?(?P<m3>{_MONTH}){R}{_ALT}?"
    rf"(?:\s*[،,]?\s*(?:(?:عام|العام)\s+)?(?P<y3>{_YEAR}))?)?"
)
_NUMERIC = re.compile(
    rf"(?<![0-9/.-])(?:(?P<d>[0-3]?[0-9])[/.-](?P<m>[01]?[0-9])[/.-](?P<y>{_YEAR})"
    rf"|(?P<iy>{_YEAR})-(?P<im>[01][0-9])-(?P<id>[0-3][0-9]))(?![0-9])"
)
_HIJRI = re.compile(
    rf"{L}(?P<d1>{_DAY})(?:\s*(?:-|و|الي)\s*(?P<d2>{_DAY}))?\s*(?:من\s+)?(?:شهر\s+)?(?P<hm>{_HMONTH}){R}"
    rf"(?:\s*(?:من\s+)?(?:(?:عام|العام|سنه)\s+)?(?P<y>{_HYEAR}){_HIJRI_MARK}?{R})?"
)
_HIJRI_MONTH = re.compile(
    rf"{L}(?:(?P<part>{_PART})\s+)?(?P<shahr>شهر\s+)?(?P<hm>{_HMONTH}){R}(?:\s+(?P<rel>{AR_REL_RE}))?"
    rf"(?:\s+(?P<y>{_HYEAR}){_HIJRI_MARK}?{R})?"
)
_FEAST = re.compile(
    rf"{L}(?:(?:اول|ثاني)\s+ايام\s+)?(?P<f>{alternation(AR_HIJRI_FEASTS)})(?:\s+(?P<rel>{AR_REL_RE}))?"
)
_MONTH_ONLY = re.compile(
    rf"{L}(?:(?P<part>{_PART})\s+)?(?P<shahr>شهر\s+)?(?P<m>{_MONTH}){R}{_ALT}?(?:\s+(?P<rel>{AR_REL_RE}))?"
    rf"{_YEAR_TAIL}?"
)
_UNIT = re.compile(
    rf"{L}(?:(?P<part>{_PART})\s+)?(?:"
    rf"(?:ال|لل)(?P<u>اسبوع|شهر|عام|سنه)\s+(?:(?P<after>بعد\s+(?:المقبل|القادم))|(?P<rel>{AR_REL_RE}))"
    rf"|(?:هذا|هذه)\s+(?P<u2>الاسبوع|الشهر|العام|السنه)"
    rf"|(?P<u3>الاسبوع|الشهر|العام|السنه)(?!\s+(?:{AR_REL_RE})))"
)
_MONTH_DAY = re.compile(
    rf"{L}(?P<d1>{_DAY})(?:\s*(?:-|–|و|الي|حتي)\s*(?P<d2>{_DAY}))?\s+من\s+(?:هذا\s+)?الشهر(?:\s+(?P<rel>{AR_REL_RE}))?{R}"
)
_REL_DAY = re.compile(
    rf"{L}(?:(?P<tod>{_TOD})\s+)?(?:(?P<yawm>يوم|ليله)\s+)?"
    r"(?P<rel>بعد\s+(?:ال)?غد|اول\s+(?:من\s+)?امس|امس\s+الاول|اليوم|الليله(?:\s+الماضيه)?|غدا|الغد|غد|الامس|امس"
    r"|البارحه|هذا\s+المساء|هذا\s+الصباح)"
    rf"{R}(?:\s*[،,]?\s*(?:يوم\s+)?(?P<wd>{_WD}){R})?"
)
_WEEKDAY = re.compile(
    rf"{L}(?:(?P<tod>{_TOD})\s+)?(?:(?P<yawm>يوم|يومي|ليله)\s+)?(?P<wd>{_WD}){R}"
    rf"(?:\s*(?:و|الي|حتي)\s*(?P<wd2>{_WD}){R})?(?:\s+(?P<rel>{AR_REL_RE}|هذا){R})?"
    rf"(?:\s+(?:صباحا|مساء|ظهرا|ليلا|فجرا|عصرا){R})?"
)
UNIT_WORDS = (
    "يوم|يوما|ايام|يومين|يومان|اسبوع|اسبوعا|اسابيع|اسبوعين|شهر|شهرا|اشهر|شهور|شهرين|عام|عاما|اعوام|عامين|سنه"
    "|سنوات|سنتين|ساعه|ساعات|ساعتين|ساعه"
)
_OFFSET = re.compile(
    rf"{L}(?P<pre>بعد\s+مرور|بعد|في\s+غضون|خلال|قبل|منذ)\s+(?:(?P<n>[0-9]{{1,3}}|{AR_COUNT_RE})\s+)?"
    rf"(?P<u>{UNIT_WORDS}){R}"
)
_VAGUE = re.compile(
    rf"{L}(?:(?:خلال|في)\s+(?:ال)?(?P<u>ايام|اسابيع|اشهر|شهور|ساعات|فتره)\s+(?:ال)?(?:قليله\s+)?(?:ال)?"
    r"(?P<dir>مقبله|قادمه|ماضيه|منصرمه|فائته)"
    r"|(?P<soon>قريبا(?!\s+من)|في\s+القريب\s+العاجل|عما\s+قريب|في\s+وقت\s+قريب)"
    r"|(?P<later>في\s+وقت\s+(?P<ls>لاحق|سابق)(?:\s+من\s+(?:(?P<lday>اليوم)|(?:هذا\s+ال|ال)(?P<lu>اسبوع|شهر|عام)"
    r"(?:\s+(?:الجاري|الحالي))?))?|لاحقا|مؤخرا))"
)
_YEAR_ONLY = re.compile(
    rf"{L}(?:(?P<part>{_PART})\s+)?(?:(?:عام|العام|سنه|السنه)\s+|(?P<prep>في|خلال|منذ|حتي|قبل|بعد|بحلول)\s+)"
    rf"(?P<y>{_YEAR})(?:\s*م)?{R}"
)

_NOT_TODAY = re.compile(
    r"\s+(?:التالي|الموالي|الاول|الثاني|الثالث|الاخير|نفسه|ذاته|الذي|الوطني|العالمي|الدولي|السابق|الواحد|التاريخي)"
)
# Words after which a bare month or Hijri month name is a date ("في نيسان", "خلال رمضان").
_DATE_CONTEXT = frozenset("في خلال منذ حتي قبل بعد بحلول حلول قبيل طيله طوال مع شهر".split())
_ANCHORED = re.compile(r"\s+(?:من|علي)\s+(?!الان)")
# fmt: off
_REL_DAYS = {
    "اليوم": 0, "الليله": 0, "هذا المساء": 0, "هذا الصباح": 0, "غدا": 1, "الغد": 1, "غد": 1, "بعد غد": 2,
    "بعد الغد": 2, "امس": -1, "الامس": -1, "البارحه": -1, "الليله الماضيه": -1, "اول امس": -2,
    "اول من امس": -2, "امس الاول": -2,
}
# fmt: on
_PREV_WORD = re.compile(r"(\w+)\s*$")


def _key(text: str) -> str:
    return " ".join(text.split())


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _part(m: re.Match[str]) -> str | None:
    return AR_PARTS.get(m["part"] or "")


def _at(m: re.Match[str]) -> tuple[int, int]:
    return m.start(), m.end()


def _prev_word(nt: Normalized, pos: int) -> str:
    m = _PREV_WORD.search(nt.norm, max(0, pos - 20), pos)
    return m.group(1) if m else ""


def _direction(rel: int | None) -> Direction:
    return "future" if rel is not None and rel > 0 else "past" if rel is not None and rel < 0 else "either"


def _day(word: str | None) -> int | None:
    if not word:
        return None
    if word.isdigit():
        value = int(word)
        return value if 1 <= value <= 31 else None
    if word in ("اول", "غره"):
        return 1
    return ar_ordinal(word)


def unit_of(word: str) -> tuple[Unit, int]:
    """The unit of a unit word and the count it implies by itself (dual = 2, singular = 1, plural = 0)."""
    # fmt: off
    stem = {"يو": "day", "اي": "day", "اس": "week", "شه": "month", "اش": "month", "عا": "year", "اع": "year",
            "سن": "year", "سا": "hour"}[word[:2]]
    # fmt: on
    plural = ("ايام", "اسابيع", "اشهر", "شهور", "اعوام", "سنوات", "ساعات")
    implied = 2 if word.endswith(("ين", "ان")) else 0 if word in plural else 1
    if stem == "hour":
        return "day", implied
    return stem, implied  # type: ignore[return-value]


def _date(m: re.Match[str], nt: Normalized) -> Mention | None:
    d1, d2, d3 = _day(m["d1"]), _day(m["d2"]), _day(m["d3"])
    month = AR_MONTHS.get(_key(m["m"]))
    if d1 is None or month is None or (m["d2"] and d2 is None):
        return None
    start = m.start()
    if m["pre"] and not (m["d2"] or m["d3"]):
        start = m.start("wdp") if m["wdp"] else m.start("d1")
    if m["d3"] and d3 is not None:
        month2 = AR_MONTHS.get(_key(m["m3"]))
        year2 = _int(m["y3"])
        year = range_start_year(_int(m["y"]), month, year2, month2)  # "30 كانون الأول - 2 كانون الثاني 2025"
        return Mention(
            start,
            m.end(),
            "date",
            day=d1,
            month=month,
            year=year,
            day2=d3,
            month2=month2,
            year2=year2,
            confidence=0.95,
            priority=3,
        )
    end = m.end() if not m["d3"] else m.start("d3")
    rel = ar_rel(m["drel"])  # "25 آذار المقبل" / "15 كانون الثاني الماضي"
    year = _int(m["y"])
    return Mention(
        start,
        end,
        "date",
        _direction(rel),
        0.95,
        day=d1,
        month=month,
        year=year,
        day2=d2,
        rel=rel or None,
        priority=3,
    )


def _numeric(m: re.Match[str], nt: Normalized) -> Mention | None:
    if m["iy"]:
        y, mo, d = int(m["iy"]), int(m["im"]), int(m["id"])
    else:
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return Mention(m.start(), m.end(), "date", day=d, month=mo, year=y, confidence=0.9, priority=3)


def _hijri(m: re.Match[str], nt: Normalized) -> Mention | None:
    d1, d2 = _day(m["d1"]), _day(m["d2"])
    if d1 is None or d1 > 30:
        return None
    return Mention(
        *_at(m),
        "hijri",
        day=d1,
        day2=d2,
        month=AR_HIJRI_MONTHS[_key(m["hm"])],
        year=_int(m["y"]),
        confidence=0.9,
        priority=3,
    )


def _hijri_month(m: re.Match[str], nt: Normalized) -> Mention | None:
    context = _prev_word(nt, m.start()) in _DATE_CONTEXT
    if not (m["part"] or m["shahr"] or m["y"] or m["rel"] or context):
        return None
    rel = ar_rel(m["rel"])
    return Mention(
        *_at(m),
        "hijri_month",
        _direction(rel),
        0.8,
        month=AR_HIJRI_MONTHS[_key(m["hm"])],
        year=_int(m["y"]),
        part=_part(m),
        rel=rel,
        priority=2,
    )


def _feast(m: re.Match[str], nt: Normalized) -> Mention | None:
    month, day = AR_HIJRI_FEASTS[_key(m["f"])]
    rel = ar_rel(m["rel"])
    return Mention(*_at(m), "hijri", _direction(rel), 0.8, day=day, month=month, rel=rel, priority=2)


def _month_only(m: re.Match[str], nt: Normalized) -> Mention | None:
    name = _key(m["m"])
    context = _prev_word(nt, m.start()) in _DATE_CONTEXT
    if not (m["part"] or m["shahr"] or m["rel"] or m["y"] or context):
        return None
    if name in AR_AMBIGUOUS_MONTHS and not (m["shahr"] or m["y"] or m["rel"]):
        return None
    rel = ar_rel(m["rel"])
    return Mention(
        *_at(m),
        "month",
        _direction(rel),
        0.85,
        month=AR_MONTHS[name],
        rel=rel if rel else None,
        year=_int(m["y"]),
        part=_part(m),
        priority=2,
    )


def _unit_rel(m: re.Match[str], nt: Normalized) -> Mention | None:
    if m["u3"] and not m["part"]:
        return None  # a bare "الشهر" is no date; "نهاية الشهر" is
    word = m["u"] or (m["u2"] or m["u3"] or "")[2:]
    unit: Unit = {"اسبوع": "week", "شهر": "month", "عام": "year", "سنه": "year"}[word]  # type: ignore[assignment]
    rel = 2 if m["after"] else ar_rel(m["rel"]) if m["u"] else 0
    return Mention(*_at(m), "unit", _direction(rel), 0.9, unit=unit, rel=rel, part=_part(m), priority=2)


def _rel_day(m: re.Match[str], nt: Normalized) -> Mention | None:
    rel = _key(m["rel"])
    if rel == "اليوم" and not m["wd"] and _NOT_TODAY.match(nt.norm, m.end()):
        return None
    prev = _prev_word(nt, m.start())
    if rel == "غدا" and prev in ("قد", "لقد"):
        return None  # the verb "غدا" (became)
    if rel == "غد" and not (m["tod"] or m["yawm"] or m["wd"] or prev in ("حتي", "الي", "مساء", "صباح")):
        return None  # "غد أفضل" is a better future, not tomorrow
    if rel == "الغد" and prev in ("صحيفه", "جريده", "حزب", "موقع", "قناه", "تلفزيون"):
        return None
    days = _REL_DAYS[rel]
    direction = _direction(days)
    if m["wd"]:
        wd = AR_WEEKDAYS["ال" + m["wd"][2:]]
        return Mention(*_at(m), "weekday", direction, 0.95, weekday=wd, anchor=days, priority=2)
    return Mention(m.start(), m.end(), "offset", days=days, direction=direction, confidence=0.95, priority=2)


def _weekday(m: re.Match[str], nt: Normalized) -> Mention | None:
    prev = _prev_word(nt, m.start())
    name = "ال" + m["wd"][2:]
    if name == "الاثنين" and (prev in ("بين", "كلا", "هذين", "لهذين") or nt.norm.startswith(" معا", m.end())):
        return None
    if name == "الاحد" and (prev == "الواحد" or nt.norm.startswith(" عشر", m.end())):
        return None
    rel = ar_rel(m["rel"]) if m["rel"] != "هذا" else 0
    wd, wd2 = AR_WEEKDAYS[name], AR_WEEKDAYS["ال" + m["wd2"][2:]] if m["wd2"] else None
    return Mention(*_at(m), "weekday", _direction(rel), 0.85, weekday=wd, weekday2=wd2, rel=rel, priority=1)


def _month_day(m: re.Match[str], nt: Normalized) -> Mention | None:
    d1, d2 = _day(m["d1"]), _day(m["d2"])
    if d1 is None or (m["d2"] and d2 is None):
        return None
    rel = ar_rel(m["rel"]) or 0
    return Mention(*_at(m), "unit", _direction(rel), 0.9, unit="month", rel=rel, day=d1, day2=d2, priority=3)


def _offset(m: re.Match[str], nt: Normalized) -> Mention | None:
    if _ANCHORED.match(nt.norm, m.end()):
        return None  # "بعد يومين من المحادثات" counts from another event, not from today
    unit, implied = unit_of(m["u"])
    n = count_value(m["n"]) if m["n"] else implied
    if not n:
        return None
    if m["u"].startswith("سا"):  # hours: round up to days
        n, unit = max(1, -(-n // 24)), "day"
    pre = _key(m["pre"])
    if pre in ("خلال", "في غضون"):
        return Mention(m.start(), m.end(), "window", unit=unit, count=n, direction="future", confidence=0.7)
    sign = -1 if pre in ("قبل", "منذ") else 1
    return Mention(*_at(m), "offset", _direction(sign), 0.85, unit=unit, count=sign * n)


def _vague(m: re.Match[str], nt: Normalized) -> Mention | None:
    if m["dir"]:
        past = m["dir"] in ("ماضيه", "منصرمه", "فائته")
        if m["u"] == "ساعات":  # "خلال الساعات المقبلة": still today
            return Mention(*_at(m), "vague", "past" if past else "future", 0.6, days=0)
        return Mention(*_at(m), "vague", "past" if past else "future", 0.6, days=-1 if past else 1)
    if m["soon"]:
        return Mention(m.start(), m.end(), "vague", days=1, direction="future", confidence=0.6)
    text = m["later"]
    past = m["ls"] == "سابق" or text == "مؤخرا"
    direction: Direction = "past" if past else "future"
    if m["lday"]:
        return Mention(m.start(), m.end(), "offset", days=0, direction=direction, confidence=0.85)
    unit: Unit = {"اسبوع": "week", "شهر": "month", "عام": "year"}.get(m["lu"] or "", "day")  # type: ignore[assignment]
    return Mention(*_at(m), "vague", direction, 0.5, days=0 if past else 1, unit=unit)


def _year(m: re.Match[str], nt: Normalized) -> Mention | None:
    start = m.start("y") if m["prep"] else m.start()
    return Mention(start, m.end(), "year", year=int(m["y"]), part=_part(m), confidence=0.85)


# fmt: off
_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], Normalized], Mention | None]], ...] = (
    (_DATE, _date), (_NUMERIC, _numeric), (_HIJRI, _hijri), (_HIJRI_MONTH, _hijri_month), (_FEAST, _feast),
    (_MONTH_ONLY, _month_only), (_UNIT, _unit_rel), (_MONTH_DAY, _month_day), (_REL_DAY, _rel_day),
    (_WEEKDAY, _weekday), (_OFFSET, _offset), (_VAGUE, _vague), (_YEAR_ONLY, _year),
)
# fmt: on
# A cheap gate: text with no digit and none of these stems holds no Arabic date.
_GATE = re.compile(
    r"[0-9]|يوم|ايام|اسابيع|اشهر|شهور|بارح|غد|امس|اسبوع|شهر|عام|سنه|قريب|لاحق|سابق|مؤخر|الليله|المساء|الصباح|ساع|عيد|"
    + "|".join(sorted({*AR_MONTHS, *AR_HIJRI_MONTHS, *(w[2:] for w in AR_WEEKDAYS)}))
)


def scan_ar(nt: Normalized) -> list[Mention]:
    """Arabic date mentions in normalized text (overlapping candidates included; the caller settles them)."""
    if not _GATE.search(nt.norm):
        return []
    out: list[Mention] = []
    for pattern, build in _RULES:
        for match in pattern.finditer(nt.norm):
            if match.end() > match.start() and (mention := build(match, nt)) is not None:
                out.append(mention)
    return out
