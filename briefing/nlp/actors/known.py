"""Provides the bilingual table of known actors and the transliteration-aware name matcher.

`data/known_actors.tsv` lists persons in both scripts (latin forms, Arabic forms, role, affiliation); a
name met
in an article is looked up by its normalized tokens. Names not in the table are compared across scripts by
their
consonant skeletons: Arabic and Latin letters map to one class per sound family (ب/b/p -> B, ق/ك/k/q -> K,
ش/sh ->
X ...), vowels, hamza and ain drop out, repeated classes collapse, so "بيدرسون", "بيدرسن" and "Pedersen"
all read
BDRSN and "المقداد" / "Mekdad" read MKD.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from briefing.nlp.actors.gazetteer import english_key
from briefing.nlp.text.arabic import normalize
from briefing.nlp.text.lazy_re import lazy_compile

# Arabic letter -> sound class ("" drops it). Long vowels, hamza carriers and ain drop like Latin vowels do.
_AR_CLASS = {
    "ب": "B",
    "پ": "B",
    "ت": "T",
    "ط": "T",
    "ث": "T",
    "ج": "J",
    "چ": "X",
    "ح": "H",
    "خ": "K",
    "د": "D",
    "ذ": "D",
    "ض": "D",
    "ر": "R",
    "ز": "Z",
    "ظ": "Z",
    "ژ": "Z",
    "س": "S",
    "ص": "S",
    "ش": "X",
    "غ": "G",
    "گ": "G",
    "ف": "F",
    "ڤ": "F",
    "ق": "K",
    "ك": "K",
    "ک": "K",
    "ل": "L",
    "م": "M",
    "ن": "N",
    "ه": "H",
    "ة": "",
    "و": "",
    "ي": "",
    "ى": "",
    "ا": "",
    "أ": "",
    "إ": "",
    "آ": "",
    "ء": "",
    "ئ": "",
    "ؤ": "",
    "ع": "",
}
# Latin digraphs first, then single letters.
_LATIN_DIGRAPHS = (
    ("tch", "X"),
    ("sch", "X"),
    ("sh", "X"),
    ("ch", "X"),
    ("kh", "K"),
    ("gh", "G"),
    ("th", "T"),
    ("dh", "D"),
    ("ph", "F"),
    ("ck", "K"),
    ("dj", "J"),
    ("zh", "J"),
    ("ts", "S"),
    ("tz", "S"),
)
_LATIN_CLASS = {
    "b": "B",
    "p": "B",
    "t": "T",
    "d": "D",
    "j": "J",
    "g": "G",
    "h": "H",
    "k": "K",
    "q": "K",
    "c": "K",
    "x": "KS",
    "r": "R",
    "z": "Z",
    "s": "S",
    "f": "F",
    "v": "F",
    "w": "",
    "l": "L",
    "m": "M",
    "n": "N",
    "y": "",
    "a": "",
    "e": "",
    "i": "",
    "o": "",
    "u": "",
}
# Classes that transliteration confuses are merged for comparison: ج is j, g (Egypt) or c (Turkish);
# ت+ش is Turkish ç.
_LOOSE = str.maketrans({"J": "G", "X": "S", "Z": "S"})
_COMPOUND_STARTS = frozenset({"عبد", "ابو", "بن", "ابن", "ام", "بنت", "ال", "آل", "نصر"})
_LATIN_ARTICLE = lazy_compile(r"^(al|el|ul)[-’' ]", re.IGNORECASE)


def _collapse(s: str) -> str:
    """Collapse repeated classes and drop a leading L: the article "ال" / "al-" is written in one script and
    not the other, and stripping any leading L on both sides also keeps "الكسندر" = "Alexander"."""
    out: list[str] = []
    for ch in s:
        if not out or out[-1] != ch:
            out.append(ch)
    if len(out) > 2 and out[0] == "L":
        out.pop(0)
    return "".join(out)


def arabic_skeleton(word: str) -> str:
    """The consonant skeleton of one Arabic word: "بيدرسون" -> "BDRSN"; a final ه (teh marbuta) is silent."""
    w = normalize(word).replace("تش", "چ")
    if w.endswith("ه") and len(w) > 2:
        w = w[:-1]
    return _collapse("".join(_AR_CLASS.get(ch, "") for ch in w)).translate(_LOOSE)


def latin_skeleton(word: str) -> str:
    """The consonant skeleton of one Latin word: "Pedersen" -> "BDRSN", "al-Mekdad" -> "MKD"."""
    w = unicodedata.normalize("NFKD", word.casefold())
    w = "".join(ch for ch in w if "a" <= ch <= "z" or ch in "-' ")
    w = _LATIN_ARTICLE.sub("", w)
    w = w.replace("ç", "tch").replace("ş", "sh")
    out: list[str] = []
    i = 0
    while i < len(w):
        for graph, cls in _LATIN_DIGRAPHS:
            if w.startswith(graph, i):
                out.append(cls)
                i += len(graph)
                break
        else:
            ch = w[i]
            if ch == "h" and i == len(w) - 1 and len(w) > 2:
                pass  # final h: "Fatimah"
            else:
                out.append(_LATIN_CLASS.get(ch, ""))
            i += 1
    return _collapse("".join(out)).translate(_LOOSE)


def name_skeleton(name: str) -> tuple[str, ...]:
    """Per-word skeletons of a name in either script; words that vanish (particles) are left out."""
    words = [w for w in name.replace("-", " ").split() if w.casefold() not in ("al", "el", "ul")]
    arabic = any("\u0600" <= ch <= "\u06ff" for ch in name)
    sk = [arabic_skeleton(w) if arabic else latin_skeleton(w) for w in words]
    return tuple(s for s in sk if s)


@dataclass(frozen=True)
class Known:
    """A person of the bilingual table."""

    latin: str
    arabic: str
    kind: str
    role: str
    affiliation: str
    latin_forms: tuple[str, ...]
    arabic_forms: tuple[str, ...]

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.latin.casefold()}"


@dataclass(frozen=True)
class KnownTable:
    people: tuple[Known, ...]
    by_arabic: dict[tuple[str, ...], Known]
    by_latin: dict[tuple[str, ...], Known]
    by_skeleton: dict[tuple[str, ...], Known | None]
    max_len: int


@cache
def table() -> KnownTable:
    people: list[Known] = []
    with resources.files("briefing").joinpath("data", "known_actors.tsv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")][1:]
    for latin, arabic, kind, role, affiliation in rows:
        lat, ara = tuple(latin.split("|")), tuple(arabic.split("|"))
        people.append(Known(lat[0], ara[0], kind, role, affiliation, lat, ara))
    by_ar: dict[tuple[str, ...], Known] = {}
    by_lat: dict[tuple[str, ...], Known] = {}
    by_sk: dict[tuple[str, ...], Known | None] = {}
    for person in people:
        for form in person.arabic_forms:
            by_ar.setdefault(tuple(normalize(w) for w in form.split()), person)
        for form in person.latin_forms:
            by_lat.setdefault(tuple(english_key(w) for w in form.split()), person)
            if len(form.split()) >= 2:
                sk = name_skeleton(form)
                # Two table persons with one skeleton make it useless for either.
                by_sk[sk] = None if sk in by_sk and by_sk[sk] is not person else person
    longest = max(len(k) for k in (*by_ar, *by_lat))
    return KnownTable(tuple(people), by_ar, by_lat, by_sk, longest)


@cache
def known_tokens() -> frozenset[str]:
    """Normalized words of the table's Arabic forms (they are names, whatever wordfreq says), less the
    words that
    only complete a compound ("السلام" in "عبد السلام", "الله", "الدين"), which are ordinary words alone."""
    words: set[str] = set()
    for key in table().by_arabic:
        words.update(w for prev, w in zip(("",) + key, key, strict=False) if prev not in _COMPOUND_STARTS)
    return frozenset(words - {"الله", "الدين"})


@cache
def known_single() -> frozenset[str]:
    """One-word Arabic forms of the table ("نتنياهو", "المقداد"): a surname that stands for the person."""
    return frozenset(key[0] for key in table().by_arabic if len(key) == 1)


def lookup_arabic(tokens: tuple[str, ...]) -> Known | None:
    """The known person whose Arabic form is exactly these normalized tokens, else one whose full Latin
    name has
    the same skeleton (a spelling the table lacks: "غير بيدرشن")."""
    t = table()
    if found := t.by_arabic.get(tokens):
        return found
    if len(tokens) >= 2:
        return t.by_skeleton.get(tuple(arabic_skeleton(w) for w in tokens if arabic_skeleton(w)))
    return None


def lookup_latin(words: tuple[str, ...]) -> Known | None:
    return table().by_latin.get(tuple(english_key(w) for w in words))


def same_person(a: str, b: str) -> bool:
    """Whether two names (any scripts) may name one person: equal skeletons, or one is the other's surname."""
    sa, sb = name_skeleton(a), name_skeleton(b)
    if not sa or not sb:
        return False
    if sa == sb:
        return True
    short, long_ = (sa, sb) if len(sa) < len(sb) else (sb, sa)
    return len(short) == 1 and len(short[0]) >= 3 and long_[-1] == short[0]
