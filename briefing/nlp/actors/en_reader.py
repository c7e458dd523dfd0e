"""Provides the reader under the English actor scanner (`en_scan`): the state of one article's scan (tokens,
their gazetteer keys, which tokens are claimed, the detections so far) and how to claim a span (`add`), what
counts as a name word, where a capitalised name ends (`read_name`: particles such as "bin" inside, at most
four words), where a title ends and which country or organisation it names (`read_title`, with capitalised
portfolio words: "Minister of Water and Irrigation"), and what may follow a name set off by commas.
"""

from __future__ import annotations

from briefing.models import ActorKind, Sentence
from briefing.nlp.actors.en_lexicon import EN, english_zipf, given_latin
from briefing.nlp.actors.gazetteer import english_key, tables
from briefing.nlp.actors.known import Known
from briefing.nlp.actors.tokens import Found, tokenize

_MAX_NAME = 4


class EnglishReader:
    """The token state of one English article's scan and the name and title readers over it."""

    def __init__(self, text: str, sentences: list[Sentence], author: str | None) -> None:
        self.text = text
        self.toks = tokenize(text, sentences, "en")
        self.n = len(self.toks)
        self.keys = [english_key(t.text) for t in self.toks]
        self.claimed: list[str | None] = [None] * self.n
        self.found: list[Found] = []
        self.author = frozenset(w.casefold() for w in (author or "").split())

    # --- helpers
    # ----------------------------------------------------------------------------------------------

    def add(
        self,
        kind: ActorKind,
        first: int,
        last: int,
        eid: str | None = None,
        roles: list[str] | None = None,
        affiliation: str | None = None,
        known: Known | None = None,
        tokens: tuple[str, ...] | None = None,
        strong: bool = True,
    ) -> Found | None:
        words = tokens or tuple(t.text.casefold() for t in self.toks[first : last + 1])
        if kind == "person" and self.author and set(words) <= self.author:
            return None
        f = Found(
            kind,
            self.toks[first].start,
            self.toks[last].end,
            words,
            eid=eid,
            roles=roles or [],
            affiliation=affiliation,
            known=known,
            strong=strong,
            first=first,
            last=last,
        )
        for t in range(first, last + 1):
            self.claimed[t] = kind
        self.found.append(f)
        return f

    def free(self, i: int, sent: int) -> bool:
        return 0 <= i < self.n and self.claimed[i] is None and self.toks[i].sent == sent

    def cap(self, i: int) -> bool:
        text = self.toks[i].text
        return self.toks[i].word and (
            text[0].isupper() or text.startswith(("al-", "el-", "bin", "ibn", "abu"))
        )

    def name_word(self, i: int, sent: int) -> bool:
        tok = self.toks[i]
        low = tok.text.casefold()
        return (
            self.free(i, sent)
            and self.cap(i)
            and low not in EN.stop
            and low not in EN.heads
            and low not in EN.mods
            and (low,) not in tables().en_demonyms
            and not tok.text.isupper()
        )

    def read_name(self, j: int, sent: int) -> int | None:
        """The last token of a capitalised name starting at `j` (particles such as "bin" inside), or None."""
        if j >= self.n or not self.name_word(j, sent):
            return None
        last, t = j, j + 1
        while t < self.n and t - j < _MAX_NAME:
            low = self.toks[t].text.casefold()
            if self.name_word(t, sent):
                last = t
            elif low in EN.particles and t + 1 < self.n and self.name_word(t + 1, sent):
                pass
            else:
                break
            t += 1
        return last

    @staticmethod
    def known_tokens(known: Known) -> tuple[str, ...]:
        return tuple(known.latin.casefold().split())

    def read_title(self, i: int, sent: int) -> tuple[int, str | None, int] | None:
        """For a title at `i`: (first token after it, affiliation id, first token of the title proper)."""
        gaz = tables()
        t, has_head, affiliation, body = i, False, None, i
        portfolio = False
        while t < self.n and self.toks[t].sent == sent:
            low = self.toks[t].text.casefold()
            key = self.keys[t]
            if has_head and (
                (low in ("of", "for") and self.portfolio_word(t + 1, sent))
                or (portfolio and (self.portfolio_word(t, sent) or low in ("and", "&")))
            ):
                portfolio = True  # "Minister of Water and Irrigation", "Minister for Foreign Affairs"
                t += 1
                continue
            portfolio = False
            if self.claimed[t] in ("country", "org") and not has_head and t == body:
                f = next(f for f in self.found if f.first <= t <= f.last)
                affiliation = affiliation or f.eid
                t = f.last + 1
                if t < self.n and self.toks[t].text in ("'s", "’s"):
                    t += 1
                if f.kind == "country":
                    body = t  # "Turkey's foreign ministry spokesman": the country is the affiliation
                continue
            if (key,) in gaz.en_demonyms or (low,) in gaz.en_demonyms:
                dem = gaz.en_demonyms.get((key,)) or gaz.en_demonyms[(low,)]
                affiliation = affiliation or dem
                t += 1
                if not has_head and dem[:2].isupper() and len(dem) == 2:
                    body = t
                continue
            if low in EN.heads:
                has_head = True
            elif low in EN.mods or (
                low in ("for", "to", "in", "of", "on")
                and has_head
                and t + 1 < self.n
                and (
                    self.claimed[t + 1] in ("country", "place", "org")
                    or self.toks[t + 1].text.casefold() in EN.mods
                )
            ):
                pass
            elif self.claimed[t] in ("country", "place", "org") and has_head:
                f = next(f for f in self.found if f.first <= t <= f.last)
                t = f.last + 1
                continue
            else:
                break
            t += 1
        return (t, affiliation, body) if has_head and t > i else None

    def portfolio_word(self, t: int, sent: int) -> bool:
        """A capitalised ordinary English word ("Water", "Irrigation", "Affairs"), not a name, in a title."""
        if not self.free(t, sent) or not self.cap(t):
            return False
        low = self.toks[t].text.casefold()
        return low in EN.mods or (low not in given_latin() and english_zipf(low) >= 3.5)

    def apposition_end(self, t: int, sent: int) -> bool:
        """What may follow a name set off after a title: a comma, the sentence end, a verb of saying."""
        return (
            t >= self.n
            or self.toks[t].sent != sent
            or self.toks[t].text in (",", ".", ";")
            or self.toks[t].text.casefold() in EN.speech
        )

    def titled_after(self, t: int, sent: int) -> bool:
        """ "Safeen Dizayee, head of ...", "Nadia Haddad, a researcher at ...": a title after the comma."""
        if t < self.n and self.toks[t].text.casefold() in ("the", "a", "an"):
            t += 1
        return t < self.n and self.read_title(t, sent) is not None
