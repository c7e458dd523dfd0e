"""Provides the tokens the actor extractor walks over, with offsets into the display text, and its raw finds.

Arabic tokens carry their normalized form for matching; a clitic reading ("وعباس" = و + عباس) maps back to the
original characters through `after_clitic`, so a mention span covers the name without its clitic even when the
word carries diacritics. `Found` is one detection in one article, before mentions are grouped into `Actor`s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from briefing.models import ActorKind, Sentence
from briefing.nlp.actors.known import Known
from briefing.nlp.text.arabic import normalize
from briefing.nlp.text.lazy_re import lazy_compile

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_AR_TOKEN = lazy_compile(rf"[^\W\d_](?:[^\W\d_]|[{_MARKS}])*|\d+(?:[.,٫]\d+)*|\S")
_EN_TOKEN = lazy_compile(
    r"(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Lt|Col|Capt|Prof|Gov|Sgt|Maj|Adm|Brig|St)\.(?=\s)"
    r"|[^\W\d_]+(?:[-'’][^\W\d_]+)*(?<!['’]s)|['’]s\b|\d+(?:[.,]\d+)*|\S"
)


@dataclass(frozen=True, slots=True)
class Tok:
    """One token: its position in the token list, its span in the text, and its matching form."""

    i: int
    start: int
    end: int
    text: str
    norm: str
    word: bool
    sent: int


@dataclass
class Found:
    """One detection: a mention of a person, organisation, country or place, with what its context said."""

    kind: ActorKind
    start: int
    end: int
    tokens: tuple[str, ...]
    eid: str | None = None
    roles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    known: Known | None = None
    strong: bool = True
    first: int = -1
    """Index of the first token of the mention (after any clitic), -1 when unknown."""
    last: int = -1


@lru_cache(maxsize=65536)
def _norm(word: str) -> str:
    return normalize(word)


def _sentence_of(offsets: list[int], sentences: list[tuple[int, int]]) -> list[int]:
    out: list[int] = []
    k = 0
    for pos in offsets:
        while k + 1 < len(sentences) and pos >= sentences[k][1]:
            k += 1
        out.append(k)
    return out


def _spans(text: str, sentences: list[Sentence]) -> list[tuple[int, int]]:
    if sentences:
        return [(s.start, s.end) for s in sentences]
    from briefing.nlp.text.sentences import split_spans  # noqa: PLC0415

    return split_spans(text) or [(0, len(text))]


def _join_initials(words: list[str], sent: list[int]) -> list[int]:
    """A sentence that ends in a one-letter initial and its dot ("تشارلز ك . بارتلز", as tokenized
    corpora and some feeds space it) goes on into the next one: an initial never ends a sentence."""
    out = list(sent)
    shift = 0
    for i in range(len(words)):
        if (
            i >= 2
            and sent[i] != sent[i - 1]
            and words[i - 1] == "."
            and len(words[i - 2]) == 1
            and words[i - 2].isalpha()
            and words[i][0].isalpha()
        ):
            shift += 1
        out[i] = sent[i] - shift
    return out


def tokenize(text: str, sentences: list[Sentence], lang: str) -> list[Tok]:
    """Tokens of `text` with their sentence numbers; Arabic words normalized, English words as written."""
    pattern = _AR_TOKEN if lang == "ar" else _EN_TOKEN
    matches = list(pattern.finditer(text))
    sent = _join_initials(
        [m.group() for m in matches], _sentence_of([m.start() for m in matches], _spans(text, sentences))
    )
    toks: list[Tok] = []
    for i, m in enumerate(matches):
        word = m.group()
        norm = _norm(word) if word[0].isalpha() else word
        is_word = word[0].isalpha() and bool(norm)  # a lone mark normalizes to nothing: not a word
        toks.append(Tok(i, m.start(), m.end(), word, norm or word, is_word, sent[i]))
    return toks


@lru_cache(maxsize=65536)
def _char_map(word: str) -> tuple[int, ...]:
    """For each normalized character of `word`, its index in `word` (plus the length at the end)."""
    out = [i for i, ch in enumerate(word) if normalize(ch)]
    return (*out, len(word))


def after_clitic(tok: Tok, clitic_len: int) -> int:
    """The text offset where the word starts once `clitic_len` normalized characters of clitic are skipped."""
    if clitic_len == 0:
        return tok.start
    cmap = _char_map(tok.text)
    return tok.start + cmap[min(clitic_len, len(cmap) - 1)]
