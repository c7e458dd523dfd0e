"""Provides the Arabic scanner's names without a title, on top of the later mentions.

Without a title, a name starts with a known given name (or "أبو", "أم", "عبد") and must look like a name
throughout: its second word a known name, a nisba ("الحسيني") or rare in wordfreq; or one definite word
that closes the phrase where no verb can take it as its object ("يوسف القطب خلال ..."). A given name alone
counts when it is no common word, when called out ("يا فاخر") or as a speaker label ("عماد: ...", and
"منيب: ..." for a word too rare to be a noun); after a verb of saying, uncommon words before what was said
are a name too. A Latin given name and the next Latin word are a name when both stand alone between spaces.
"""

from __future__ import annotations

from briefing.nlp.actors.ar_lexicon import strip_clitic, zipf
from briefing.nlp.actors.ar_mentions import MentionReader, rare
from briefing.nlp.actors.ar_names import NEVER_START, NameSpan
from briefing.nlp.actors.en_lexicon import given_latin
from briefing.nlp.text.arabic import normalize

# A tribe or clan and the area named after it: "عرب أبو كشك", "عشيرة أبو ...": no person.
_TRIBE = frozenset(normalize(w) for w in "عرب عشيرة عشائر قبيلة قبائل حمولة".split())


class UntitledReader(MentionReader):
    """Names without a title over the state of `MentionReader`."""

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
                and self.label_colon(i)
                and (tok.norm in lex.given | lex.given_ambiguous or self.label_name(i))
            ):
                self.add_person((i, i, 0, tok.norm), [], None, strong=False)  # a speaker label: "عماد: ..."
                i += 1
                continue
            if prev is not None and (self.named_after(i) or prev.norm in _TRIBE):
                i += 1  # "مستشفى ...", "عرب أبو كشك": a place or a tribe named after a person
                continue
            if tok.text.isascii():
                nxt = toks[i + 1] if i + 1 < self.n else None
                if (
                    nxt is not None
                    and nxt.word
                    and nxt.text.isascii()
                    and nxt.sent == tok.sent
                    and tok.norm in given_latin()
                    and self.whole_word(i)
                    and self.whole_word(i + 1)
                ):  # a Latin name in Arabic text: "ahmed nasr" (never letters inside an address)
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
                if (
                    self.given_at(i, rest)
                    or rest in ("ابو", "ام", "عبد")
                    or self.din_start(i, rest)
                    or self.ambiguous_start(i, rest)
                    or self.coordinated(i, k, rest)
                ):
                    name = self.read_name(i, "given", k, rest)
                    if name is not None and name[1] in (i, i + 1) and self.surname_at_boundary(i, rest):
                        name = (i, i + 1, k, rest)
                        break
                    # The first word is read without its clitic: "وعبد" is the particle "عبد".
                    content = (
                        [
                            t
                            for t in range(name[0], name[1] + 1)
                            if (rest if t == i else toks[t].norm) not in lex.connectors
                            and toks[t].norm not in ("الله", "الدين")
                        ]
                        if name
                        else []
                    )
                    if (
                        name
                        and (len(content) >= 2 or (rest in ("ابو", "ام", "عبد") and name[1] > name[0]))
                        and (
                            len(content) < 2
                            or self.plausible_second(content[1], rest)
                            or self.coordinated(i, k, rest)
                        )
                    ):
                        break
                    if name and len(content) == 1 and name[0] == name[1] and self.coordinated(i, k, rest):
                        break  # "محمد وعلي": a given name joined to a person just named
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

    def din_start(self, i: int, rest: str) -> bool:
        """A compound given name in "الدين" ("عز الدين القسام", "نور الدين ..."): the first word is a given
        name only with it, and a name follows."""
        nxt = i + 1
        return (
            rest in self.lex.din_before
            and nxt + 1 < self.n
            and self.toks[nxt].norm == "الدين"
            and self.toks[nxt + 1].sent == self.toks[i].sent
        )

    def coordinated(self, i: int, k: int, rest: str) -> bool:
        """A given name, even one that is also a word ("علي", "أمل"), joined by و to a person named right
        before it: "محمد وعلي", "سليم الخوري وعطا ..." ."""
        prev = i - 1
        return (
            k == 1
            and self.toks[i].norm[0] == "و"
            and prev >= 0
            and self.toks[prev].sent == self.toks[i].sent
            and self.claimed[prev] == "person"
            and (self.given_at(i, rest) or rest in self.lex.given_ambiguous)
            and rest not in NEVER_START
        )

    def label_colon(self, i: int) -> bool:
        """A colon right after token `i`, or after a stage direction in brackets: "ليلى ( تضحك ) : ..."."""
        j = i + 1
        if j < self.n and self.toks[j].text == "(":
            close = next((t for t in range(j + 1, min(j + 8, self.n)) if self.toks[t].text == ")"), None)
            if close is None or any(self.toks[t].sent != self.toks[i].sent for t in range(j, close + 1)):
                return False
            j = close + 1
        return j < self.n and self.toks[j].text == ":"

    def label_name(self, i: int) -> bool:
        """A speaker label the lists lack ("منيب: ..."): a word rare in wordfreq, no article, verb or
        pronoun."""
        norm = self.toks[i].norm
        return (
            rare(norm)
            and not self.written_common(i)  # "صحافة" is rare only once ة is normalized
            and not norm.endswith(("وه", "وا", "وني", "تم", "ته", "تها"))  # a verb with its object: "سألوه"
            and not norm.startswith("ال")
            and norm not in self.common
            and not self.verb_shape(norm)
            and not self.pronominal(norm)
            and not self.blocked(i)
            and not self.plain_word(i)
            and self.name_like(norm)
        )

    def whole_word(self, i: int) -> bool:
        """Whether token `i` stands alone between spaces (or the text's ends), not inside "3xi" or a URL."""
        a, b = self.toks[i].start, self.toks[i].end
        return (a == 0 or self.text[a - 1].isspace()) and (b == len(self.text) or self.text[b].isspace())

    def common_whole(self, norm: str, rest: str) -> bool:
        """Whether a clitic word reads as one common word ("لدينا") rather than clitic + name: "لمحمد" and
        "وأبو" are common too, but far less than the name they carry."""
        return norm in self.common and zipf(rest) < zipf(norm) + 1.0

    def plausible_second(self, t: int, first: str = "") -> bool:
        """Without a title, a definite second word must look like a family name: a nisba ("الحسيني"), a known
        name, or a word rare in wordfreq ("السكاكيني"), not an ordinary noun ("اللحمة")."""
        norm = self.toks[t].norm
        if (
            not norm.startswith("ال")
            or norm in self.names
            or norm[2:] in self.lex.given
            or (norm.endswith("ي") and not self.toks[t].text.endswith("ى"))  # a nisba, not "المستشفى"
        ):
            return True
        if t > 0 and (self.toks[t - 1].norm in self.lex.connectors or first in self.lex.connectors):
            return True  # "عبد الفتاح", "أبو العز", "وعبد القادر": a particle makes any word a name
        if t > 0 and self.toks[t - 1].norm == "الدين":
            return True  # after a compound given name: "عز الدين القسام"
        # Rare both as normalized and as written: normalizing "اللحمة" to "اللحمه" hides how common it is.
        return rare(norm) and not self.written_common(t)

    def surname_at_boundary(self, i: int, rest: str) -> bool:
        """A plain given name and one definite word that closes the phrase, opening a clause or after a
        preposition ("يوسف القطب خلال ...", "شكوى من مريم العودة إلى ..."): an ordinary noun does not follow
        a given name directly there, so the word is a family name."""
        last, after, prev = i + 1, i + 2, i - 1
        if last >= self.n or self.toks[last].sent != self.toks[i].sent or self.blocked(last):
            return False
        if (
            prev >= 0
            and self.toks[prev].sent == self.toks[i].sent
            and self.toks[prev].word
            and not self.is_stop(prev)
        ):
            return False  # after a verb the definite word may be its object: "واستقبل خالد الضيوف في ..."
        return (
            self.given_at(i, rest)
            and rest != "علي"
            and self.toks[last].norm.startswith("ال")
            and not self.plain_word(last)
            and (self.toks[last].norm,) not in self.demonyms
            and (
                after >= self.n
                or self.toks[after].sent != self.toks[last].sent
                or self.is_stop(after)
                or self.toks[after].text in "،,.:؛;()"
            )
        )

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
        # Before an ordinary definite word the name probably goes on with a surname the lists lack; a definite
        # participle is a state said of the person ("مهند الواقف").
        norm = self.toks[nxt].norm
        return self.is_stop(nxt) or not norm.startswith("ال") or self.participle(norm[2:])

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
