"""Provides the patterns and word tables of the Arabic date scanner (`ar_scan`): one compiled regex per
kind of date expression over normalized text (explicit and numeric dates, Hijri dates, months and feasts,
weeks/months/years relative to now, days of this month, relative days, weekdays, offsets, vague words, bare
years), the cheap `GATE` that skips text holding no date, the words that make a bare month name a date, the
day offsets of relative-day words, and the readers of a day word (`day_of`) and a unit word (`unit_of`,
shared with the duration finder in `durations`). The word-boundary guards `L` and `R` are in `cues`.
"""

from __future__ import annotations

from briefing.nlp.text.cues import (
    AR_HIJRI_FEASTS,
    AR_HIJRI_MONTHS,
    AR_MONTHS,
    AR_PARTS,
    AR_REL_RE,
    AR_TIME_OF_DAY,
    AR_WEEKDAYS,
    L,
    R,
    alternation,
)
from briefing.nlp.text.lazy_re import lazy_compile
from briefing.nlp.text.numbers import AR_COUNT_RE, AR_ORDINAL_RE, ar_ordinal
from briefing.nlp.timex.types import Unit

_WD = r"(?:ال|لل)(?:" + alternation(w[2:] for w in AR_WEEKDAYS) + ")"
_MONTH = alternation(AR_MONTHS)
_HMONTH = alternation(AR_HIJRI_MONTHS)
# A day of the month: "7", "الـ7", an ordinal ("السابع", "اليوم الأول من"), "أول" or "غرة".
_DAY = rf"(?:(?:ال)?[0-3]?[0-9]|(?:اليوم\s+)?(?:{AR_ORDINAL_RE})|اول|غره)"
_YEAR = r"(?:19|20|21)[0-9]{2}"
_HYEAR = r"1[345][0-9]{2}"
_TOD = alternation(AR_TIME_OF_DAY)
_PART = alternation(AR_PARTS)
# The month's other name: «آذار/مارس», «مارس (آذار)», «ديسمبر كانون الأول».
_ALT = rf"(?:(?:\s*(?:/|\(|-)\s*|\s+)(?:{_MONTH})(?:\s*\))?)"
_YEAR_TAIL = rf"(?:\s*[،,]?\s*(?:من\s+)?(?:(?:عام|العام|سنه)\s+)?(?P<y>{_YEAR})(?:\s*م)?{R})"
# "من العام المقبل" after a day and month: the year relative to now.
_YEAR_REL = rf"(?:\s+(?:من\s+)?(?:العام|السنه)\s+(?P<yrel>{AR_REL_RE}){R})"
_QUOTE_END = r"[»\")]?"
_HIJRI_MARK = r"(?:\s*(?:ه|هجري|هجريه|للهجره))"

DATE = lazy_compile(
    rf"{L}(?:(?P<pre>من|بين)\s+)?(?P<wdp>(?:يوم\s+)?(?P<wd>{_WD})\s*[،,]?\s*(?:الموافق\s+)?)?(?:يوم\s+)?"
    rf"(?P<d1>{_DAY})(?:\s*(?:-|–|و|الي|حتي|او)\s*(?:يوم\s+)?(?:{_DAY}\s*[،,]?\s*و\s*)*(?P<d2>{_DAY})(?={_QUOTE_END}\s*(?:من\s+)?(?:شهر\s+)?(?:{_MONTH})))?"
    rf"{_QUOTE_END}\s*(?:من\s+)?(?:شهر\s+)?(?P<m>{_MONTH}){R}{_ALT}?(?:\s+(?P<drel>{AR_REL_RE}){R})?"
    rf"(?:{_YEAR_REL}|{_YEAR_TAIL})?"
    rf"(?:\s*(?:-|–|الي|حتي)\s*(?:يوم\s+)?(?P<d3>{_DAY})\s*(?:من\s+)?(?:شهر\s+)?(?P<m3>{_MONTH}){R}{_ALT}?"
    rf"(?:\s*[،,]?\s*(?:(?:عام|العام)\s+)?(?P<y3>{_YEAR}))?)?"
)
# "24/10/1436هـ": a numeric Hijri date (the year in the Hijri range, with or without the mark).
HIJRI_NUMERIC = lazy_compile(
    rf"(?<![0-9/.-])(?P<d>[0-3]?[0-9])\s*/\s*(?P<m>[01]?[0-9])\s*/\s*(?P<y>{_HYEAR}){_HIJRI_MARK}?(?![0-9])"
)
NUMERIC = lazy_compile(
    rf"(?<![0-9/.-])(?:(?P<d>[0-3]?[0-9])[/.-](?P<m>[01]?[0-9])[/.-](?P<y>{_YEAR})"
    rf"|(?P<iy>{_YEAR})-(?P<im>[01][0-9])-(?P<id>[0-3][0-9]))(?![0-9])"
)
HIJRI = lazy_compile(
    rf"{L}(?:يوم\s+)?(?P<d1>{_DAY})(?:\s*(?:-|و|الي)\s*(?P<d2>{_DAY}))?\s*(?:من\s+)?(?:شهر\s+)?(?P<hm>{_HMONTH}){R}"
    rf"(?:\s+(?P<rel>{AR_REL_RE}){R})?(?:\s*(?:من\s+)?(?:(?:عام|العام|سنه)\s+)?(?P<y>{_HYEAR}){_HIJRI_MARK}?{R})?"
)
HIJRI_MONTH = lazy_compile(
    rf"{L}(?:(?P<part>{_PART})\s+)?(?P<shahr>شهر\s+)?(?P<hm>{_HMONTH}){R}(?:\s+(?P<rel>{AR_REL_RE}))?"
    rf"(?:\s+(?P<y>{_HYEAR}){_HIJRI_MARK}?{R})?"
)
FEAST = lazy_compile(
    rf"{L}(?:(?:اول|ثاني)\s+ايام\s+)?(?P<f>{alternation(AR_HIJRI_FEASTS)})(?:\s+(?P<rel>{AR_REL_RE}))?"
)
MONTH_ONLY = lazy_compile(
    rf"{L}(?:(?P<part>{_PART})\s+)?(?P<shahr>شهر\s+)?(?P<m>{_MONTH}){R}{_ALT}?(?:\s+(?P<rel>{AR_REL_RE}))?"
    rf"(?:{_YEAR_REL}|{_YEAR_TAIL})?"
)
UNIT = lazy_compile(
    rf"{L}(?:(?P<part>{_PART})\s+)?(?:"
    rf"(?:ال|لل)(?P<u>اسبوع|شهر|عام|سنه)\s+(?:(?P<after>بعد\s+(?:المقبل|القادم))|(?P<before>قبل\s+(?:الماضي|الفائت))|(?P<rel>{AR_REL_RE}))"
    rf"|(?:هذا|هذه)\s+(?P<u2>الاسبوع|الشهر|العام|السنه)"
    rf"|(?P<u3>الاسبوع|الشهر|العام|السنه)(?!\s+(?:{AR_REL_RE})))"
)
MONTH_DAY = lazy_compile(
    rf"{L}(?P<d1>{_DAY})(?:\s*(?:-|–|و|الي|حتي)\s*(?P<d2>{_DAY}))?\s+من\s+(?:هذا\s+)?الشهر(?:\s+(?P<rel>{AR_REL_RE}))?{R}"
)
REL_DAY = lazy_compile(
    rf"{L}(?:(?P<tod>{_TOD})\s+)?(?:(?P<yawm>يوم|ليله)\s+)?"
    r"(?P<rel>بعد\s+(?:ال)?غد|اول\s+(?:من\s+)?امس|امس\s+الاول|اليوم|الليله(?:\s+الماضيه)?|غدا|الغد|غد|الامس|امس"
    r"|البارحه|هذا\s+المساء|هذا\s+الصباح|خلال\s+النهار)"
    rf"{R}(?:\s*[،,(«\"]?\s*(?:يوم\s+)?(?P<wd>{_WD}){R}[)»\"]?)?"
)
WEEKDAY = lazy_compile(
    rf"{L}(?:(?P<tod>{_TOD})\s+)?(?:(?P<yawm>يوم|يومي|ليله)\s+)?(?P<wd>{_WD}){R}"
    rf"(?:\s*(?:و|الي|حتي)\s*(?P<wd2>{_WD}){R})?(?:\s+(?P<after>بعد\s+)?(?P<rel>{AR_REL_RE}|هذا){R})?"
    rf"(?:\s+(?:صباحا|مساء|ظهرا|ليلا|فجرا|عصرا){R})?"
)
# A weekday and a bare day of the month, the month left to the reader («يوم الأربعاء 27», «الخميس الـ6»):
# no month, slash, dash or unit word may follow the number.
WEEKDAY_DAY = lazy_compile(
    rf"{L}(?:يوم\s+)?(?P<wd>{_WD}){R}\s*(?:الموافق\s+)?(?:ال)?(?P<d>[1-3]?[0-9])(?![0-9/\-.:%])"
    rf"(?!\s*(?:من\s+)?(?:شهر\s+)?(?:{_MONTH}|{_HMONTH}){R})(?!\s*[^\W\d_]*(?:يوم|ايام|ساع|دقيق|عام|سن|شهر|اسبوع))"
)
UNIT_WORDS = (
    "يوم|يوما|ايام|يومين|يومان|اسبوع|اسبوعا|اسابيع|اسبوعين|شهر|شهرا|اشهر|شهور|شهرين|عام|عاما|اعوام|عامين|سنه"
    "|سنوات|سنتين|ساعه|ساعات|ساعتين|ساعه"
)
OFFSET = lazy_compile(
    rf"{L}(?P<pre>بعد\s+مرور|بعد|في\s+غضون|خلال|قبل|منذ)\s+(?:(?P<n>[0-9]{{1,3}}|{AR_COUNT_RE})\s+)?"
    rf"(?P<u>{UNIT_WORDS}){R}"
)
VAGUE = lazy_compile(
    rf"{L}(?:(?:خلال|في)\s+(?:ال)?(?P<u>ايام|اسابيع|اشهر|شهور|ساعات|فتره)\s+(?:ال)?(?:قليله\s+)?(?:ال)?"
    r"(?P<dir>مقبله|قادمه|ماضيه|منصرمه|فائته)"
    r"|(?P<soon>قريبا(?!\s+من)|في\s+القريب\s+العاجل|عما\s+قريب|في\s+وقت\s+قريب)"
    r"|(?P<later>في\s+وقت\s+(?P<ls>لاحق|سابق)(?:\s+من\s+(?:(?P<lday>اليوم)|(?:هذا\s+ال|ال)(?P<lu>اسبوع|شهر|عام)"
    r"(?:\s+(?:الجاري|الحالي))?))?|لاحقا|مؤخرا))"
)
YEAR_ONLY = lazy_compile(
    rf"{L}(?:(?P<part>{_PART})\s+)?(?:(?:عام|العام|سنه|السنه)\s+|(?P<prep>في|خلال|منذ|حتي|قبل|بعد|بحلول)\s+)"
    rf"(?P<y>{_YEAR})(?:\s*م)?{R}"
)

NOT_TODAY = lazy_compile(
    r"\s+(?:التالي|الموالي|الاول|الثاني|الثالث|الاخير|نفسه|ذاته|الذي|الوطني|العالمي|الدولي|السابق|الواحد|التاريخي)"
)
# Words after which a bare month or Hijri month name is a date ("في نيسان", "خلال رمضان").
DATE_CONTEXT = frozenset("في خلال منذ حتي قبل بعد بحلول حلول قبيل طيله طوال مع شهر".split())
ANCHORED = lazy_compile(r"(?:\s+(?:واحد|واحده|فقط|كاملين|كامله|كاملا))?\s+(?:من|علي)\s+(?!الان)")
# fmt: off
REL_DAYS = {
    "اليوم": 0, "الليله": 0, "هذا المساء": 0, "هذا الصباح": 0, "خلال النهار": 0, "غدا": 1, "الغد": 1,
    "غد": 1, "بعد غد": 2, "بعد الغد": 2, "امس": -1, "الامس": -1, "البارحه": -1, "الليله الماضيه": -1,
    "اول امس": -2, "اول من امس": -2, "امس الاول": -2,
}
# fmt: on
PREV_WORD = lazy_compile(r"(\w+)\s*$")

# A cheap gate: text with no digit and none of these stems holds no Arabic date.
GATE = lazy_compile(
    r"[0-9]|يوم|ايام|اسابيع|اشهر|شهور|بارح|غد|امس|اسبوع|شهر|عام|سنه|قريب|لاحق|سابق|مؤخر|الليله|المساء|الصباح|النهار|ساع|عيد|"
    + "|".join(sorted({*AR_MONTHS, *AR_HIJRI_MONTHS, *(w[2:] for w in AR_WEEKDAYS)}))
)


def day_of(word: str | None) -> int | None:
    """The day of the month a day word names (a numeral 1..31, an ordinal, "اول" or "غره"), else None."""
    if not word:
        return None
    if word.startswith("اليوم "):  # "اليوم الأول من شهر ذي الحجة": the first day of the month
        word = word[6:].lstrip()
    if word.startswith("ال") and word[2:].isdigit():  # "الـ20": the twentieth
        word = word[2:]
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
