"""Provides `merge_actors`: one actor per identity across articles, outlets and scripts.

Two actors of one kind are the same when their keys agree, when they share a Latin name, when one's name
(of two
words or more) is the other's name or alias, or, for persons in different scripts, when their names' consonant
skeletons agree word for word ("فيصل المقداد" / "Faisal Mekdad"). The merged actor keeps the richest name
of the
first script met, the union of names as aliases, of titles, and of Latin names; its mentions are those of the
article the name came from, since offsets only mean something inside one article's text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from briefing.models import Actor
from briefing.nlp.actors.known import name_skeleton
from briefing.nlp.text.arabic import is_arabic, normalize

_KIND_ORDER = {"person": 0, "org": 1, "country": 2, "place": 3}


def identity_forms(actor: Actor, *, lookup: bool = False) -> list[str]:
    """The forms under which an actor may be met again anywhere in the cache, strongest first: its key, its
    Latin name, every written form of two words or more (and its one-word name for organisations, countries
    and places), and for persons the consonant skeleton of each such form tagged with its script. The store
    keeps these forms, so an actor met again in a later article resolves to the id it was given first. With
    `lookup`, the skeletons are tagged with the other script: a skeleton only joins names across scripts
    ("بيدرسون" / "Pedersen"), since within one script it would join "محمد" and "محمود"."""
    kind = actor.kind
    forms = [f"k:{actor.key}"] if actor.key else []
    if actor.name_latin:
        forms.append(f"l:{kind}:{actor.name_latin.casefold()}")
    for form in dict.fromkeys(normalize(f) for f in (actor.name, *actor.aliases)):
        if len(form.split()) >= 2 or (kind != "person" and form):
            forms.append(f"n:{kind}:{form}")
    if kind == "person":
        for form in (actor.name, *actor.aliases):
            sk = name_skeleton(form)
            if len(sk) >= 2:
                arabic = is_arabic(form)
                script = "ar" if arabic != lookup else "la"
                forms.append(f"s:{script}:" + " ".join(sk))
    return list(dict.fromkeys(forms))


def with_identity(actor: Actor) -> Actor:
    """`actor` carrying its identity forms: `identity` (what the cache records it under) and `lookup` (what
    the cache is searched by), so the store resolves actors without the analyzers."""
    return replace(
        actor, identity=tuple(identity_forms(actor)), lookup=tuple(identity_forms(actor, lookup=True))
    )


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _same(a: Actor, b: Actor) -> bool:
    if a.kind != b.kind:
        return False
    if a.key and a.key == b.key:
        return True
    if a.name_latin and b.name_latin and a.name_latin.casefold() == b.name_latin.casefold():
        return True
    a_forms = {normalize(f) for f in (a.name, *a.aliases)}
    b_forms = {normalize(f) for f in (b.name, *b.aliases)}
    if any(len(f.split()) >= 2 for f in a_forms & b_forms) or normalize(a.name) == normalize(b.name):
        return True
    if a.kind == "person" and is_arabic(a.name) != is_arabic(b.name):
        sa, sb = name_skeleton(a.name), name_skeleton(b.name)
        return bool(sa) and sa == sb
    return False


def _richness(a: Actor) -> tuple[int, int, int]:
    return (len(a.name.split()), len(a.mentions), len(a.roles))


def merge_actors(actors: Iterable[Actor]) -> list[Actor]:
    """Merge the same actor met in several articles; persons first, then organisations, countries, places."""
    items = list(actors)
    parent = list(range(len(items)))
    for i in range(len(items)):
        for j in range(i):
            if _find(parent, i) != _find(parent, j) and _same(items[i], items[j]):
                parent[_find(parent, i)] = _find(parent, j)
    groups: dict[int, list[Actor]] = {}
    for i, actor in enumerate(items):
        groups.setdefault(_find(parent, i), []).append(actor)
    merged = [_merge_group(group) for _, group in sorted(groups.items())]
    return sorted(merged, key=lambda a: _KIND_ORDER[a.kind])


def _merge_group(group: list[Actor]) -> Actor:
    if len(group) == 1:
        return group[0]
    script = is_arabic(group[0].name)
    best = max((a for a in group if is_arabic(a.name) == script), key=_richness)
    latin = next(
        (a.name_latin for a in group if a.name_latin and a.key == f"{a.kind}:{a.name_latin.casefold()}"), None
    ) or next((a.name_latin for a in group if a.name_latin), None)
    key = next((a.key for a in group if latin and a.key == f"{a.kind}:{latin.casefold()}"), best.key)
    aliases: list[str] = []
    seen = {normalize(best.name)}
    for a in group:
        for form in (a.name, *a.aliases):
            if normalize(form) not in seen:
                seen.add(normalize(form))
                aliases.append(form)
    roles: list[str] = []
    for a in [best, *group]:
        roles.extend(r for r in a.roles if r not in roles)
    affiliation = best.affiliation or next((a.affiliation for a in group if a.affiliation), None)
    return Actor(
        name=best.name,
        kind=best.kind,
        name_latin=latin,
        roles=tuple(roles),
        affiliation=affiliation,
        aliases=tuple(aliases),
        mentions=best.mentions,
        key=key,
    )
