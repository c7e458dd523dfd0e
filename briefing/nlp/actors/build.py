"""Provides the step from one article's detections to its `Actor` list: grouping mentions, naming, ordering.

Mentions of one person are grouped by identity (the bilingual table's key, else the name's normalized
words), and
a shorter name that ends a longer one ("رضا أشتياني", "بيدرسون") joins it when it fits exactly one. The
actor's
name is its fullest form as written, the other forms are aliases, titles are kept in order of appearance,
and an
affiliation id is shown in the article's own spelling when the article names it ("سورية"), else the
gazetteer's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from briefing.models import Actor, ActorKind
from briefing.nlp.actors.gazetteer import display, entry
from briefing.nlp.actors.merge import with_identity
from briefing.nlp.actors.tokens import Found
from briefing.nlp.text.arabic import normalize

_KIND_ORDER: dict[ActorKind, int] = {"person": 0, "org": 1, "country": 2, "place": 3}


@dataclass
class _Group:
    kind: ActorKind
    finds: list[Found] = field(default_factory=list)
    forms: set[tuple[str, ...]] = field(default_factory=set)


def _identity(f: Found) -> str:
    if f.kind == "person":
        return f.known.key if f.known else "person:" + " ".join(f.tokens)
    return f"{f.kind}:{f.eid}" if f.eid else f"{f.kind}:" + " ".join(f.tokens)


def _group(finds: list[Found]) -> list[_Group]:
    groups: dict[str, _Group] = {}
    for f in finds:
        g = groups.setdefault(_identity(f), _Group(f.kind))
        g.finds.append(f)
        g.forms.add(f.tokens)
    # A person's shorter name that ends exactly one longer name joins it.
    people = [k for k, g in groups.items() if g.kind == "person"]
    for short in sorted(people, key=lambda k: min(len(t) for t in groups[k].forms)):
        if short not in groups:
            continue
        forms = groups[short].forms
        targets = {
            k
            for k in people
            if k != short and k in groups and any(_ends_name(s, t) for s in forms for t in groups[k].forms)
        }
        if not targets and all(len(t) == 1 for t in forms):
            # "Sheikh Meshal", "الشيخ تميم": a lone given name after a title joins the one full name it opens.
            targets = {
                k
                for k in people
                if k != short
                and k in groups
                and any(len(t) > 1 and t[0] in {f[0] for f in forms} for t in groups[k].forms)
            }
        if len(targets) == 1:
            target = groups[targets.pop()]
            target.finds.extend(groups[short].finds)
            target.forms |= forms
            del groups[short]
    return list(groups.values())


_SON_OF = frozenset({"بن", "بنت", "ابن", "ولد"})


def _ends_name(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether `short` is the end of `full` as a later form of the same person: "أبوالغيط" ends "أحمد أبو
    الغيط" (the kunya written joined); the end of a nasab after "بن" ("سلمان بن عبد العزيز" in "محمد بن
    سلمان بن عبد العزيز") names the father."""
    s, t = _joined(short), _joined(full)
    if len(short) < len(full) and s == t:
        return True  # "علي عبد الله صالح" and "علي عبدالله صالح"
    return len(s) < len(t) and t[-len(s) :] == s and t[-len(s) - 1] not in _SON_OF


def _joined(form: tuple[str, ...]) -> tuple[str, ...]:
    """A name with "أبو" or "عبد" written joined to the next word, the way they are often spelt ("أبوالغيط",
    "عبدالله")."""
    out: list[str] = []
    for w in form:
        if out and out[-1] in ("ابو", "عبد"):
            out[-1] += w
        else:
            out.append(w)
    return tuple(out)


def _written(text: str, f: Found) -> str:
    written = text[f.start : f.end]
    # «للأمم المتحدة» is لـ + «الأمم المتحدة» with the article's alef elided; once the first لـ is taken
    # as the clitic, the name as written alone is ال + the rest: «الأمم المتحدة», not «لأمم المتحدة».
    # Only before a hamza-alef: «للبنان» is لـ + «لبنان», whose own lam must stay.
    if f.start > 0 and text[f.start - 1] == "ل" and written[:2] in ("لأ", "لإ", "لآ"):
        return "ال" + written[1:]
    return written


def build(finds: list[Found], text: str, lang: str) -> list[Actor]:
    """The article's actors: persons, then organisations, countries and places, each by first mention."""
    groups = _group(finds)
    names_by_eid: dict[str, str] = {}
    built: list[tuple[int, int, Actor]] = []
    for g in groups:
        g.finds.sort(key=lambda f: f.start)
        counts = Counter(normalize(_written(text, f)) for f in g.finds)
        # A gazetteer entry is shown by its proper name when the article uses it: «دمشق», not the
        # descriptive «العاصمة السورية» that the same entry also matches.
        group_eid = next((f.eid for f in g.finds if f.eid), None)
        proper = normalize(display(group_eid, lang)) if group_eid and g.kind != "person" else None
        best = max(
            g.finds,
            key=lambda f: (
                proper is not None and normalize(_written(text, f)) == proper,
                len(f.tokens) if g.kind != "person" else len(_written(text, f).split()),
                counts[normalize(_written(text, f))],
                -f.start,
            ),
        )
        name = _written(text, best)
        aliases: list[str] = []
        seen = {normalize(name)}
        for f in g.finds:
            form = _written(text, f)
            if normalize(form) not in seen:
                seen.add(normalize(form))
                aliases.append(form)
        roles: list[str] = []
        for f in g.finds:
            roles.extend(r for r in f.roles if r not in roles)
        known = next((f.known for f in g.finds if f.known), None)
        eid = next((f.eid for f in g.finds if f.eid), None)
        if eid and g.kind == "country":
            names_by_eid.setdefault(eid, name)  # an affiliation shows the article's own spelling ("سورية")
        affiliation = next((f.affiliation for f in g.finds if f.affiliation), None)
        if affiliation is None and known is not None:
            affiliation = known.affiliation
        latin: str | None
        if known is not None:
            key, latin = known.key, known.latin
        elif eid:
            found = entry(eid)
            key, latin = f"{g.kind}:{eid}", (found.en if found else None)
        else:
            key = f"{g.kind}:" + " ".join(normalize(w) for w in name.split())
            latin = name if lang != "ar" else None
        mentions = tuple(sorted({(f.start, f.end) for f in g.finds}))
        actor = Actor(
            name=name,
            kind=g.kind,
            name_latin=latin,
            roles=tuple(roles),
            affiliation=affiliation,
            aliases=tuple(aliases),
            mentions=mentions,
            key=key,
        )
        built.append((_KIND_ORDER[g.kind], mentions[0][0], actor))
    built.sort(key=lambda item: (item[0], item[1]))
    return [with_identity(_with_affiliation(a, names_by_eid, lang)) for _, _, a in built]


def _with_affiliation(actor: Actor, names_by_eid: dict[str, str], lang: str) -> Actor:
    if actor.affiliation is None:
        return actor
    shown = names_by_eid.get(actor.affiliation) or display(actor.affiliation, lang)
    return Actor(
        actor.name, actor.kind, actor.name_latin, actor.roles, shown, actor.aliases, actor.mentions, actor.key
    )
