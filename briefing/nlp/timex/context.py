"""Provides the context rules that the scanners' patterns cannot see, applied by `tagger.scan` to the settled
mentions of a text: `settle_context` drops dates that are no event dates and re-anchors relative dates said
in reported speech.

- Datelines, bylines and credit lines ("SEOUL, Nov. 28 (Yonhap) --", «الرياض 16 شوال 1436 هـ الموافق 01
  أغسطس 2015 م واس», "Published: 3 August 2015", «تصوير: ...») date the report, never an event.
- Names that contain a date («صالون 22 تشرين الثاني», «ميدان 30 يونيو», "November 22 Street") are places
  and movements, not days.
- A list of weekdays right before the dates they name («أيام الجمعة والسبت والأحد «1 و2 و3» من ديسمبر»,
  «يوم الخميس 28 شوال», «يوم الأحد الموافق 24/10/1436هـ») is said by the dates: the weekdays alone would
  resolve to the coming Friday. They join the words of the date they introduce.
- A relative day in reported speech counts from when it was said: in «أعلن مساء الثلاثاء عقد جلسة غداً»
  tomorrow is Wednesday, whatever the publication day (`Mention.base` carries the speech date); a count
  after a date of its sentence counts from that date («في 29 مايو ... بعد أربعة أيام» is 2 June).
- A day or month said after «بعد» / "after" («إلى ما بعد عيد الفطر») is a lower bound: a vague time from the
  next day on, not the day itself.
- A text that dates by the Hijri calendar alone means Hijri months by «الشهر الجاري» and «الشهر المقبل».
"""

from __future__ import annotations

from dataclasses import replace

from briefing.nlp.text.cues import AR_REPORTING, EN_REPORTING, L, R, alternation
from briefing.nlp.text.lazy_re import lazy_compile
from briefing.nlp.timex.types import SENTENCE_MARK, Mention, Normalized

# What may follow a dateline's date: an agency in parentheses, a dash, or SPA's «م واس».
_AFTER_DATELINE = lazy_compile(
    r"\s*(?:م(?![^\W_]))?\s*(?:[(\[][^()\[\]\n]{1,30}[)\]]|--|—|–|-\s|(?:واس|ا\s*ف\s*ب|رويترز|قنا|وام|بنا|كونا)"
    r"(?![^\W_]))"
)
# What may precede it on its line: a place of one to four words, with a comma or dash.
_BEFORE_DATELINE = lazy_compile(r"(?:^|\n)\s*(?:[^\W\d_][^\W\d_'.-]*\s*){1,3}[,،:–—-]?\s*$")
# A byline or credit line: one of these words opens a short line holding the date.
_BYLINE = lazy_compile(
    r"\W{0,3}(?:(?:published|updated|posted|photo|credit|copyright|by)\b|©|"
    rf"(?:تاريخ\s+النشر|نشر\s+في|نشر\s+بتاريخ|اخر\s+تحديث|تحديث|بقلم|تصوير|تحرير|حقوق){R})[^\n]{{0,50}}$"
)
_SAME_DAY_AGAIN = lazy_compile(r"\s*(?:الموافق|corresponding\s+to|/)\s*$")
_SAME_DAY_NEXT = lazy_compile(r"\s*(?:ه(?![^\W_])\s*)?(?:الموافق|corresponding\s+to)")
# A noun that names a hall, street, square, movement ... by a date («صالون 22 تشرين الثاني»).
_AR_NAMERS = (
    "صالون",
    "قاعه",
    "شارع",
    "ميدان",
    "ساحه",
    "جسر",
    "دوار",
    "نفق",
    "حي",
    "مدرسه",
    "مستشفي",
    "ملعب",
    "مطار",
    "ثوره",
    "حركه",
    "تيار",
    "قوي",
    "تحالف",
    "جمعه",
    "مجمع",
    "برج",
    "فندق",
    "منتزه",
    "حديقه",
)
_NAMED_BEFORE = lazy_compile(rf"{L}(?:{alternation(_AR_NAMERS)})\s*$")
_NAMED_AFTER = lazy_compile(
    r"\s+(?:street|st\.|square|hall|avenue|ave\.|road|bridge|stadium|movement|revolution|alliance)\b"
)
# Between a weekday list and its dates: only spaces, quotes, brackets, commas and "and".
_LIST_GAP = lazy_compile(r"^[\s«»\"'()\[\]،,]*(?:(?:و|الموافق|يوم)[\s«»\"'()\[\]]*)?$|^\s*(?:,|and)?\s*$")
_REPORTING = lazy_compile(rf"{L}(?:{alternation(AR_REPORTING)}){R}|\b(?:{alternation(EN_REPORTING)})\b")


def _dateline(nt: Normalized, m: Mention, kept: list[Mention]) -> bool:
    line_start = nt.norm.rfind("\n", 0, m.start) + 1
    before = nt.norm[line_start : m.start]
    line_end = nt.norm.find("\n", m.end)
    rest = (line_end if line_end >= 0 else len(nt.norm)) - m.end
    if _BYLINE.match(before) and rest <= 40:
        return True
    if m.kind not in ("date", "hijri"):
        return False
    if len(before) <= 40 and _BEFORE_DATELINE.search("\n" + before):
        return bool(_AFTER_DATELINE.match(nt.norm, m.end) or _SAME_DAY_NEXT.match(nt.norm, m.end))
    if _SAME_DAY_AGAIN.search(before):
        # A second date of the same day («... هـ الموافق 01 أغسطس 2015 م واس») continues a dateline.
        earlier = [k for k in kept if line_start <= k.start and k.end <= m.start]
        return (
            bool(earlier) and _dateline(nt, earlier[-1], kept) and bool(_AFTER_DATELINE.match(nt.norm, m.end))
        )
    return False


def _named(nt: Normalized, m: Mention) -> bool:
    if m.kind != "date":
        return False
    return bool(
        _NAMED_BEFORE.search(nt.norm, max(0, m.start - 12), m.start) or _NAMED_AFTER.match(nt.norm, m.end)
    )


def _listed_weekdays(nt: Normalized, kept: list[Mention]) -> set[int]:
    """Indexes of weekday mentions that only introduce the dates after them."""
    drop: set[int] = set()
    nxt: Mention | None = None
    for i in range(len(kept) - 1, -1, -1):
        m = kept[i]
        if m.kind == "weekday" and m.anchor is None and nxt is not None:
            gap = nt.norm[m.end : nxt.start]
            if _LIST_GAP.match(gap) and (nxt.kind in ("date", "hijri") or (i + 1) in drop):
                drop.add(i)
        nxt = m
    return drop


def _speech_base(nt: Normalized, m: Mention, earlier: list[Mention]) -> Mention | None:
    """The date a relative day was said on, when it follows "<reporting verb> ... <that date>" in its
    sentence: «أعلن ... مساء الثلاثاء ... غداً», "announced on Tuesday ... tomorrow"."""
    relative = (m.kind == "offset" and m.unit == "day" and m.days != 0) or (
        m.kind == "weekday" and m.anchor not in (None, 0)
    )
    if not relative:
        return None
    for k in reversed(earlier):
        if SENTENCE_MARK.search(nt.norm, k.end, m.start):
            return None
        if k.kind not in ("weekday", "date") or k.anchor is not None or (k.rel or 0) > 0:
            continue
        said = _REPORTING.search(nt.norm, max(0, k.start - 60), k.start)
        if said is None or SENTENCE_MARK.search(nt.norm, said.end(), k.start):
            continue
        return k
    return None


def _counted_from(nt: Normalized, m: Mention, earlier: list[Mention]) -> Mention | None:
    """The calendar date a count of days, weeks or months after («بعد أربعة أيام», "four days after") counts
    from, when its sentence names one before it: «أعيد انتخابه في 29 مايو ثم أعلن أنه سيتنحى بعد أربعة
    أيام» is 2 June, not four days after the article."""
    if m.kind != "offset" or m.count <= 0:
        return None
    for k in reversed(earlier):
        if SENTENCE_MARK.search(nt.norm, k.end, m.start):
            return None
        if k.kind in ("date", "hijri") and k.day is not None and k.day2 is None:
            return k
    return None


_AFTER = lazy_compile(rf"(?:{L}(?:ما\s+)?بعد|\bafter)\s+$")


def _after(nt: Normalized, m: Mention) -> bool:
    """«إلى ما بعد عيد الفطر», "after March 25": a named day or month as a lower bound."""
    return m.kind in ("date", "month", "hijri", "hijri_month") and bool(
        _AFTER.search(nt.norm, max(0, m.start - 10), m.start)
    )


def _hijri_months(out: list[Mention]) -> list[Mention]:
    """In a text that dates by the Hijri calendar only (Hijri dates, no Gregorian month named), "this
    month" and "next month" are Hijri months: «تبدأ الدورات يوم الـ25 من الشهر الجاري» said in Shawwal is 25
    Shawwal."""
    if not any(m.kind in ("hijri", "hijri_month") for m in out) or any(
        m.kind in ("date", "month") for m in out
    ):
        return out
    return [replace(m, hijri=True) if m.kind == "unit" and m.unit == "month" else m for m in out]


def settle_context(nt: Normalized, kept: list[Mention]) -> list[Mention]:
    """The mentions (sorted by position) without datelines, names and introducing weekdays, with each
    relative day in reported speech anchored on its speech date, and months relative to now in the
    text's own calendar."""
    listed = _listed_weekdays(nt, kept)
    out: list[Mention] = []
    lead: int | None = None
    for i, m in enumerate(kept):
        if i in listed:
            lead = m.start if lead is None else lead
            continue
        if lead is not None:
            # The weekdays that introduce a date are part of its words («يوم الخميس 28 شوال»).
            m, lead = replace(m, start=lead), None
        if _named(nt, m) or _dateline(nt, m, kept):
            continue
        base = _speech_base(nt, m, out) or _counted_from(nt, m, out)
        out.append(
            replace(m, base=base) if base is not None else replace(m, after=True) if _after(nt, m) else m
        )
    return _hijri_months(out)
