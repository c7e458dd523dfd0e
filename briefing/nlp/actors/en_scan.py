"""Provides the English actor scanner: capitalised names after a title, known names, later surname mentions.

Layers, most certain first, each claiming its tokens: multi-word names of the bilingual table ("Israel Katz"
before the country), gazetteer countries, places and organisations, capitalised organisation names built on a
head ("Turkish Foreign Ministry"), titled persons ("Syrian Foreign Minister Faisal Mekdad", "U.N. envoy Geir
Pedersen", "Turkey's foreign ministry spokesman Oncu Keceli"), a title in apposition ("Pedersen, the U.N.
envoy,"), the table's single names, later mentions ("Pedersen said", "Mr. Pedersen"), and untitled names that
start with a known given name or come before a verb of saying. The token state and the name and title
readers the layers use are in `en_reader`.
"""

from __future__ import annotations

from functools import cache

from briefing.models import Sentence
from briefing.nlp.actors.en_lexicon import EN, given_latin
from briefing.nlp.actors.en_reader import EnglishReader
from briefing.nlp.actors.gazetteer import tables
from briefing.nlp.actors.known import lookup_latin, table
from briefing.nlp.actors.tokens import Found


@cache
def _gaz_firsts() -> frozenset[str]:
    return frozenset(p[0] for p in tables().en_phrases)


class EnglishScan(EnglishReader):
    """The scan of one English article; `run()` returns its detections."""

    def __init__(self, text: str, sentences: list[Sentence], author: str | None) -> None:
        super().__init__(text, sentences, author)

    def run(self) -> list[Found]:
        self.scan_known(multi=True)
        self.scan_gazetteer()
        self.scan_orgs()
        self.scan_titled()
        self.scan_known(multi=False)
        self.scan_aliases()
        self.scan_untitled()
        self.scan_appositions()
        self.scan_aliases()
        return self.found

    # --- layers
    # -----------------------------------------------------------------------------------------------

    def scan_known(self, multi: bool) -> None:
        longest = table().max_len
        for i in range(self.n):
            if not self.free(i, self.toks[i].sent) or not self.cap(i):
                continue
            for length in range(min(longest, self.n - i), 0 if not multi else 1, -1):
                span = range(i, i + length)
                if not all(self.free(t, self.toks[i].sent) for t in span):
                    continue
                known = lookup_latin(tuple(self.toks[t].text for t in span))
                if known and known.kind == "person":
                    self.add("person", i, i + length - 1, known=known, tokens=self.known_tokens(known))
                    break

    def scan_gazetteer(self) -> None:
        gaz, firsts = tables(), _gaz_firsts()
        i = 0
        while i < self.n:
            sent = self.toks[i].sent
            hit = 0
            if self.free(i, sent) and self.keys[i] in firsts and (self.cap(i) or self.keys[i][0].isdigit()):
                for length in range(min(gaz.max_len, self.n - i), 0, -1):
                    if all(self.free(t, sent) for t in range(i, i + length)):
                        eid = gaz.en_phrases.get(tuple(self.keys[i : i + length]))
                        if eid:
                            self.add(gaz.entries[eid].kind, i, i + length - 1, eid=eid)
                            hit = length
                            break
            i += hit or 1

    def scan_orgs(self) -> None:
        i = 0
        while i < self.n:
            sent = self.toks[i].sent
            if not (self.free(i, sent) and self.cap(i)) or self.toks[i].text.casefold() in EN.stop:
                i += 1
                continue
            last, t, has_head = i, i, False
            while t < self.n and self.free(t, sent):
                low = self.toks[t].text.casefold()
                if low in EN.heads and low not in EN.org_heads:
                    break  # "Lebanese Parliament Speaker": the title is not part of the organisation
                if self.cap(t) and low not in EN.stop:
                    has_head = has_head or low in EN.org_heads
                    last = t
                elif not (low in ("of", "for", "and", "on") and t + 1 < self.n and self.cap(t + 1)):
                    break
                t += 1
            if has_head and last > i:
                self.add("org", i, last)
                i = last + 1
            else:
                i += 1

    def scan_titled(self) -> None:
        i = 0
        while i < self.n:
            sent = self.toks[i].sent
            title = self.read_title(i, sent) if self.claimed[i] in (None, "country", "org") else None
            if title is None:
                i += 1
                continue
            end, affiliation, body = title
            words = [self.toks[t].text for t in range(body, end)]
            honorific = len(words) == 1 and words[0].casefold() in EN.honorifics
            roles = [] if honorific or not words else [" ".join(words)]
            named = next((f for f in self.found if f.kind == "person" and f.first == end), None)
            if named is not None:  # a table name read before the titles ("Israel Katz" before "Israel")
                named.roles.extend(r for r in roles if r not in named.roles)
                named.affiliation = named.affiliation or affiliation
                i = named.last + 1
                continue
            last = self.read_name(end, sent)
            if last is None and end + 1 < self.n and self.toks[end].text == ",":
                last = self.read_name(end + 1, sent)  # "Oman's central bank governor, Tahir al-Amri, said"
                if last is not None and not self.apposition_end(last + 1, sent):
                    last = None
                end += last is not None
            if last is None:
                i = end
                continue
            known = lookup_latin(tuple(self.toks[t].text for t in range(end, last + 1)))
            self.add(
                "person",
                end,
                last,
                roles=roles,
                affiliation=affiliation,
                known=known,
                tokens=self.known_tokens(known) if known else None,
            )
            i = last + 1
        self.scan_appositions()

    def scan_appositions(self) -> None:
        """ "Geir Pedersen, the U.N. envoy for Syria, said": a title after the name is the person's."""
        for f in [f for f in self.found if f.kind == "person"]:
            c = f.last + 1
            if c + 1 >= self.n or self.toks[c].text != ",":
                continue
            start = c + 2 if self.toks[c + 1].text.casefold() in ("the", "a", "an") else c + 1
            title = self.read_title(start, self.toks[c].sent)
            if title is None:
                continue
            end, affiliation, body = title
            if end < self.n and self.toks[end].text not in (",", ".", ";") and self.toks[end].sent == f.last:
                continue
            role = " ".join(self.toks[t].text for t in range(body, end))
            if role and role not in f.roles:
                f.roles.append(role)
            f.affiliation = f.affiliation or affiliation

    def scan_aliases(self) -> None:
        forms: dict[str, Found | None] = {}
        for f in self.found:
            if f.kind != "person":
                continue
            surnames = {f.tokens[-1]} if len(f.tokens) >= 2 else set()
            surnames |= {s.split("-", 1)[1] for s in surnames if s.startswith(("al-", "el-")) and len(s) > 5}
            if f.known:
                surnames |= {form.casefold() for form in f.known.latin_forms if " " not in form}
            for s in surnames:
                prev = forms.get(s)
                forms[s] = (
                    f
                    if prev is None
                    and s not in forms
                    or prev is f
                    or (prev is not None and prev.tokens == f.tokens)
                    else None
                )
        for i in range(self.n):
            sent = self.toks[i].sent
            if not self.free(i, sent) or not self.cap(i):
                continue
            target = forms.get(self.toks[i].text.casefold())
            if target is None or (
                i > 0 and self.name_word(i - 1, sent) and self.toks[i - 1].text not in EN.honorific_forms
            ):
                continue
            self.add("person", i, i, known=target.known, tokens=target.tokens, strong=False)

    def scan_untitled(self) -> None:
        i = 0
        given = given_latin()
        while i < self.n:
            sent = self.toks[i].sent
            if not self.name_word(i, sent):
                i += 1
                continue
            last = self.read_name(i, sent)
            assert last is not None
            said = last + 1 < self.n and self.toks[last + 1].text.casefold() in EN.speech
            titled = (
                last + 2 < self.n and self.toks[last + 1].text == "," and self.titled_after(last + 2, sent)
            )
            if last > i and (self.toks[i].text.casefold() in given or said or titled):
                if not (i > 0 and self.toks[i - 1].text.casefold() in EN.org_before):
                    self.add("person", i, last, strong=False)
            i = last + 1
