"""Provides the Arabic scanner's later mentions, on top of the name reader.

A person found with a title or from the table is met again by surname, by the last two words of a longer
name, or by a table form, with clitics ("وعباس", "لبيدرسون"); a lone surname right after an unclaimed given
name belongs to someone else, and one right after "عائلة" names the family. Names without a title are read
in `ar_untitled`.
"""

from __future__ import annotations

from functools import lru_cache

from briefing.nlp.actors.ar_lexicon import strip_clitic
from briefing.nlp.actors.ar_names import NameReader, NameSpan
from briefing.nlp.actors.tokens import Found
from briefing.nlp.text.arabic import normalize

_SPEECH = frozenset(
    normalize(w)
    for w in """قال قالت يقول تقول أضاف أضافت أكد أكدت أوضح أوضحت صرح صرحت أعلن أعلنت
أشار أشارت أفاد أفادت ذكر ذكرت رأى رأت اعتبر اعتبرت شدد شددت لفت لفتت تابع تابعت يضيف تضيف يرى ترى حذر حذرت
كتب كتبت نوه نوهت نفى نفت أعرب أعربت اعترف اعترفت أقر أقرت زعم زعمت يؤكد تؤكد يوضح توضح يشير تشير
يعتبر تعتبر""".split()
)


_FAMILY = frozenset(normalize(w) for w in "عائلة العائلة عائلات أسرة الأسرة عشيرة حمولة".split())


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
            if hit is None or (hit[0][1] == i and (self.inside_other_name(i) or self.after_family(i))):
                i += 1
                continue
            if self.named_after(i):
                i = hit[0][1] + 1  # "شارع عرفات": a street named after the person met before
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

    def after_family(self, i: int) -> bool:
        """A surname right after "عائلة", "أسرة" names the family, not the person met before."""
        prev = i - 1
        return prev >= 0 and self.toks[prev].sent == self.toks[i].sent and self.toks[prev].norm in _FAMILY

    @staticmethod
    def after_speech(norm: str) -> bool:
        return any(rest in _SPEECH for _, rest in strip_clitic(norm))

    def speech_ends(self, last: int) -> bool:
        """After a verb of saying, a name is followed by what was said: punctuation, "إن", "أن", a quote,
        "إلى أن" ("وأشار عريقات إلى أن ..."), or by whom it was told: "للصحفيين", "لوكالة ..."."""
        nxt = last + 1
        if self.apposition_ends(last):
            return True
        norm = self.toks[nxt].norm
        return (
            norm in ("ان", "بان", "لـ")
            or self.toks[nxt].text in '«"'
            or self.that_clause(nxt)
            or (norm.startswith("لل") and len(norm) > 4)
            or (norm.startswith("ل") and norm[1:] in self.lex.media_heads)
        )

    def that_clause(self, i: int) -> bool:
        """ "إلى أن" opening what was said after "أشار", "لفت", "نوه" and the like."""
        return (
            i + 1 < self.n
            and self.toks[i].norm == "الي"
            and self.toks[i + 1].norm in ("ان", "انه", "انها")
            and self.toks[i + 1].sent == self.toks[i].sent
        )

    def vocative(self, i: int) -> bool:
        """ "يا فاخر": a given name called out."""
        return i > 0 and self.toks[i - 1].norm == "يا" and self.toks[i - 1].sent == self.toks[i].sent
