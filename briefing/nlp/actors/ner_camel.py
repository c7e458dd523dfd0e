"""Provides the optional camel-tools NER backend: its entities merged with the rules' finds, for users who
installed camel-tools' NER data.

The backend is on only when `CAMELTOOLS_DATA` names a directory whose `catalogue.json` declares a
`NamedEntityRecognition` component and whose default dataset (`<CAMELTOOLS_DATA>/data/<path>`) holds a model
(`config.json`). That check reads the catalogue with `json`, without importing camel-tools: `camel_tools.data`
(imported by `camel_tools.ner`) downloads a catalogue at import when it finds none, so it is imported only
after the check passes, once per process, and torch and transformers with it.

Merging: the rules run first and win (their persons carry roles and affiliations, their spans follow our
conventions); an NER entity is added only where no rule find overlaps it: PERS as a person, ORG as an
organisation, LOC and GPE as a country or place (the gazetteer's kind when it knows the name, else a place).
MISC is ignored. The recognizer is anything with camel-tools' `predict(sentences) -> labels` (a `Recognizer`),
so tests can pass a fake one through `extract_actors(..., backend=...)`.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Protocol

from briefing.models import ActorKind, Sentence
from briefing.nlp.actors.gazetteer import ar_phrase, tables
from briefing.nlp.actors.tokens import Found, Tok, tokenize
from briefing.nlp.text.arabic import normalize

_COMPONENT = "NamedEntityRecognition"
_KINDS: dict[str, ActorKind] = {
    "PERS": "person",
    "PER": "person",
    "ORG": "org",
    "LOC": "place",
    "GPE": "place",
}


class Recognizer(Protocol):
    """What the backend needs of camel-tools' `NERecognizer`: BIO labels for lists of words."""

    def predict(self, sentences: list[list[str]], batch_size: int = 32) -> list[list[str]]: ...


def model_path(data_dir: str | None = None) -> Path | None:
    """The installed NER model named by the camel-tools catalogue under `CAMELTOOLS_DATA`, or None. Reads
    files only: nothing of camel-tools is imported here."""
    root = data_dir if data_dir is not None else os.environ.get("CAMELTOOLS_DATA")
    if not root:
        return None
    base = Path(root).expanduser().absolute()
    try:
        catalogue = json.loads((base / "catalogue.json").read_text(encoding="utf-8"))
        component = catalogue["components"][_COMPONENT]
        dataset = component["datasets"][component["default"]]
        path = base / "data" / str(dataset["path"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return path if (path / "config.json").is_file() else None


def installed_recognizer() -> Recognizer | None:
    """camel-tools' recognizer for the installed model, loaded once per process and model; None without
    one."""
    path = model_path()
    return _load(str(path)) if path is not None else None


@cache
def _load(path: str) -> Recognizer:
    from camel_tools.ner import NERecognizer  # noqa: PLC0415 (only with installed data: see the module doc)

    recognizer: Recognizer = NERecognizer(path, use_gpu=False)
    return recognizer


def ner_finds(text: str, sentences: list[Sentence], recognizer: Recognizer) -> list[Found]:
    """The recognizer's PERS, ORG, LOC and GPE entities in `text`, as finds with character offsets."""
    toks = [t for t in tokenize(text, sentences, "ar") if not t.text.isspace()]
    by_sent: dict[int, list[Tok]] = {}
    for t in toks:
        by_sent.setdefault(t.sent, []).append(t)
    groups = list(by_sent.values())
    labels = recognizer.predict([[t.text for t in g] for g in groups])
    finds: list[Found] = []
    for group, tags in zip(groups, labels, strict=False):
        start: int | None = None
        kind = ""
        for i, tag in enumerate([*tags[: len(group)], "O"]):
            inside = tag.startswith("I-") and tag[2:] == kind and start is not None
            if start is not None and not inside:
                finds.append(_found(text, group[start:i], kind))
                start = None
            if tag.startswith("B-") or (tag.startswith("I-") and start is None):
                start, kind = i, tag[2:]
    return [f for f in finds if f.kind in ("person", "org", "country", "place") and f.tokens]


def _found(text: str, span: list[Tok], label: str) -> Found:
    kind: ActorKind = _KINDS.get(label, "person")
    words = tuple(normalize(t.text) for t in span if t.word)
    eid: str | None = None
    if label not in _KINDS:
        words = ()  # MISC and labels we do not know: dropped by the caller
    elif kind == "place":
        eid = tables().ar_phrases.get(ar_phrase(text[span[0].start : span[-1].end]))
        if eid is not None:
            kind = tables().entries[eid].kind
    return Found(kind, span[0].start, span[-1].end, words, eid=eid, strong=False)


def merge_ner(finds: list[Found], extra: list[Found]) -> list[Found]:
    """The rules' finds plus the NER entities that overlap none of them (the rules win where both speak)."""
    taken = sorted((f.start, f.end) for f in finds)
    out = list(finds)
    for f in extra:
        if not any(s < f.end and f.start < e for s, e in taken):
            out.append(f)
            taken.append((f.start, f.end))
    return out
