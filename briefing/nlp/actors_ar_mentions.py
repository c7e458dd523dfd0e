"""Provides the Arabic scanner's later mentions and untitled names, on top of the name reader.

A person found with a title or from the table is met again by surname, by the last two words of a longer
name, or by a table form, with clitics ("وعباس", "لبيدرسون"); a lone surname right after an unclaimed given
name belongs to someone else. Without a title, a name starts with a known given name (or "أبو", "أم", "عبد")
and must look like a name throughout: its second word a known name, a nisba ("الحسيني") or rare in
wordfreq. A given name alone counts when it is no common word, when called out ("يا فاخر") or as a speaker
label ("عماد: ..."); after a verb of saying, uncommon words before what was said are a name too.
"""

from __future__ import annotations

from functools import lru_cache

from briefing.nlp.actors_ar_names import NEVER_START, NameReader, NameSpan
from briefing.nlp.actors_en_lexicon import given_latin
from briefing.nlp.actors_lexicon import strip_clitic, zipf
from briefing.nlp.actors_tokens import Found
from briefing.nlp.arabic import normalize

_SPEECH = frozenset(
    normalize(w)
    for w in """قال قالت يقول تقول أضاف أضافت أكد أكدت أوضح أوضحت صرح صرحت أعلن أعلنت
أشار أشارت أفاد أفادت ذكر ذكرت رأى رأت اعتبر اعتبرت شدد شددت لفت لفتت تابع تابعت يضيف تضيف يرى ترى حذر حذرت
كتب كتبت""".split()
)


@lru_cache(maxsize=16384)
def rare(norm: str) -> bool:
    """Whether an Arabic word is rare enough in wordfreq (Zipf < 3) to be a family name rather than a noun."""
    from wordfreq import zipf_frequency  # noqa: PLC0415

    return zipf_frequency(norm, "ar") < 3.0


class MentionReader(NameReader):
    """Later mentions and untitled names over the state of `NameReader`."""

    # --- later mentions
    # ---------------------------------------------------------------------------------------

    def alias_table(self) -> dict[tuple[str, ...], Found | None]:
        """Forms a person found so far may take later: full name, surname, last two words, table forms."""
        forms: dict[tuple[str, ...], Found | None] = {}
        identity: dict[tuple[str, ...], str] = {}
        for f in self.found:
            if f.kind != "person":
                continue
            ident = f.known.key if f.known else " ".join(f.tokens)
            toks = f.tokens
            cands = [toks]
            if len(toks) >= 2 and len(toks[-1]) >= 3 and toks[-1] not in self.lex.connectors | {"الله"}:
                cands.append(toks[-1:])
            if len(toks) >= 3:
                cands.append(toks[-2:])
            if f.known:
                cands.extend(tuple(normalize(w) for w in form.split()) for form in f.known.arabic_forms)
            for c in cands:
                if c in identity and identity[c] != ident:
                    forms[c] = None
                elif c not in identity:
                    identity[c], forms[c] = ident, f
        return forms

    def scan_aliases(self) -> None:
        forms = self.alias_table()
        longest = max((len(f) for f in forms), default=0)
        i = 0
        while i < self.n:
            if not self.toks[i].word or self.claimed[i] is not None:
                i += 1
                continue
            hit: tuple[NameSpan, Found] | None = None
            for k, first in strip_clitic(self.toks[i].norm):
                if k > 0 and self.toks[i].norm in self.common:
                    break
                for length in range(min(longest, self.n - i), 0, -1):
                    span = self.toks[i : i + length]
                    if any(self.claimed[s.i] is not None or s.sent != span[0].sent for s in span):
                        continue
                    target = forms.get((first, *(s.norm for s in span[1:])))
                    if target is not None and (hit is None or length > hit[0][1] - i + 1):
                        hit = ((i, i + length - 1, k, first), target)
                        break
            if hit is None or (hit[0][1] == i and self.inside_other_name(i)):
                i += 1
                continue
            (_, last, _, _), target = hit
            self.add_person(hit[0], [], None, strong=False, tokens=target.tokens, known=target.known)
            i = last + 1

    def inside_other_name(self, i: int) -> bool:
        """A lone surname right after a given name belongs to another person ("محمود عباس" vs "علي عباس")."""
        prev = i - 1
        return (
            prev >= 0
            and self.toks[prev].sent == self.toks[i].sent
            and self.claimed[prev] is None
            and self.toks[prev].norm in self.lex.given
        )

    # --- names without a title
    # --------------------------------------------------------------------------------

    def scan_untitled(self) -> None:
        lex, toks = self.lex, self.toks
        i = 0
        while i < self.n:
            tok = toks[i]
            if not tok.word or self.claimed[i] is not None:
                i += 1
                continue
            prev = toks[i - 1] if i > 0 and toks[i - 1].sent == tok.sent else None
            if (
                prev is None
                and i + 1 < self.n
                and toks[i + 1].text == ":"
                and tok.norm in lex.given | lex.given_ambiguous
            ):
                self.add_person((i, i, 0, tok.norm), [], None, strong=False)  # a speaker label: "عماد: ..."
                i += 1
                continue
            if prev is not None and (prev.norm in lex.facility_heads or prev.norm in lex.org_heads):
                i += 1
                continue
            if tok.text.isascii():
                nxt = toks[i + 1] if i + 1 < self.n else None
                if (
                    nxt is not None
                    and nxt.word
                    and nxt.text.isascii()
                    and nxt.sent == tok.sent
                    and tok.norm in given_latin()
                ):  # a Latin name in Arabic text: "ahmed nasr"
                    self.add_person((i, i + 1, 0, tok.norm), [], None, strong=False)
                    i += 2
                    continue
                i += 1
                continue
            if (
                prev is not None
                and self.after_speech(prev.norm)
                and (said := self.read_name(i, "role"))
                and said[1] > said[0]
                and self.speech_ends(said[1])
            ):
                self.add_person(said, [], None, strong=False)  # "وقال كارل هوسهوفر إن ..."
                i = said[1] + 1
                continue
            name: NameSpan | None = None
            bare_name = tok.norm in self.names
            for k, rest in strip_clitic(tok.norm):
                if k > 0 and (self.common_whole(tok.norm, rest) or bare_name or tok.norm[0] not in "ول"):
                    break  # "لدينا" is "we have", not ل + "دينا"; "كريم" is not ك + "ريم"
                if self.given_at(i, rest) or rest in ("ابو", "ام", "عبد") or self.ambiguous_start(i, rest):
                    name = self.read_name(i, "given", k, rest)
                    content = (
                        [
                            t
                            for t in range(name[0], name[1] + 1)
                            if toks[t].norm not in lex.connectors and toks[t].norm not in ("الله", "الدين")
                        ]
                        if name
                        else []
                    )
                    if (
                        name
                        and (len(content) >= 2 or (rest in ("ابو", "ام", "عبد") and name[1] > name[0]))
                        and (len(content) < 2 or self.plausible_second(content[1]))
                    ):
                        break
                    if (
                        name
                        and len(content) == 1
                        and name[0] == name[1]
                        and (
                            self.alone_ok(name[0], rest, prev)
                            or (self.vocative(i) and (rest in lex.given or rest in lex.given_ambiguous))
                        )
                    ):
                        break
                    name = None
            if name is None:
                i += 1
                continue
            self.add_person(name, [], None, strong=False)
            i = name[1] + 1

    def common_whole(self, norm: str, rest: str) -> bool:
        """Whether a clitic word reads as one common word ("لدينا") rather than clitic + name: "لمحمد" and
        "وأبو" are common too, but far less than the name they carry."""
        return norm in self.common and zipf(rest) < zipf(norm) + 1.0

    def plausible_second(self, t: int) -> bool:
        """Without a title, a definite second word must look like a family name: a nisba ("الحسيني"), a known
        name, or a word rare in wordfreq ("السكاكيني"), not an ordinary noun ("اللحمة")."""
        norm = self.toks[t].norm
        if (
            not norm.startswith("ال")
            or norm in self.names
            or norm[2:] in self.lex.given
            or norm.endswith("ي")
        ):
            return True
        if t > 0 and self.toks[t - 1].norm in self.lex.connectors:
            return True  # "عبد الفتاح", "أبو العز": a particle makes any word a name
        # Rare both as normalized and as written: normalizing "اللحمة" to "اللحمه" hides how common it is.
        return rare(norm) and not self.written_common(t)

    def alone_ok(self, i: int, rest: str, prev: object) -> bool:
        """A given name alone is a person when it is no common word ("فاخر", "منيب"; not "كريم", "أمل") and
        the next word does not make it part of something else (a place, an organisation, a title)."""
        nxt = i + 1
        if (
            not self.given_at(i, rest)
            or rest == "علي"
            or rest in self.common
            or any(r in self.common for _, r in strip_clitic(self.toks[i].norm)[1:])
        ):
            return False  # "وجدي" alone reads "and my grandfather"
        if nxt >= self.n or self.toks[nxt].sent != self.toks[i].sent or not self.toks[nxt].word:
            return True
        # Before an ordinary definite word the name probably goes on with a surname the lists lack.
        return self.is_stop(nxt) or not self.toks[nxt].norm.startswith("ال")

    def ambiguous_start(self, i: int, rest: str) -> bool:
        """A given name that is also a word ("عادل", "شريف") starts a name before a particle or a plain given
        name ("عادل قاسم نزال", "شريف أبو شمط")."""
        nxt = i + 1
        if rest not in self.lex.given_ambiguous or rest in NEVER_START or nxt >= self.n:
            return False
        norm = self.toks[nxt].norm
        if (
            self.toks[nxt].sent != self.toks[i].sent
            or not self.toks[nxt].word
            or self.claimed[nxt] is not None
        ):
            return False
        if norm in self.lex.connectors - {"ام"} or norm in self.lex.given or norm in self.lex.given_ambiguous:
            return True
        if not norm.startswith("ال") and norm.endswith("ي") and len(norm) >= 4:
            return zipf(norm) < 3.5 and (norm,) not in self.demonyms  # "صديق مكاوي", not "حكم قضائي"
        if not norm.startswith("ال") and zipf(norm) < 2.0 and norm[0] != "و":
            # A word wordfreq hardly knows is a family name ("عماد فراجين"), unless it is a verb or carries
            # a pronoun.
            return not (self.verb_like(norm) or self.pronominal(norm))
        return norm.startswith("ال") and self.name_like(norm) and self.plausible_second(nxt)

    @staticmethod
    def after_speech(norm: str) -> bool:
        return any(rest in _SPEECH for _, rest in strip_clitic(norm))

    def speech_ends(self, last: int) -> bool:
        """After a verb of saying, a name is followed by what was said: punctuation, "إن", "أن", a quote."""
        nxt = last + 1
        return (
            self.apposition_ends(last)
            or self.toks[nxt].norm in ("ان", "بان", "لـ")
            or self.toks[nxt].text in '«"'
        )

    def vocative(self, i: int) -> bool:
        """ "يا فاخر": a given name called out."""
        return i > 0 and self.toks[i - 1].norm == "يا" and self.toks[i - 1].sent == self.toks[i].sent
