"""Provides `analyze`: one article in, its `Analysis` out. Pure CPU work: no store, no clock, no network.

The order matters: furniture is stripped first (the byline is kept as the author, never an actor), then
sentences are split, actors found (their mentions feed the ranker's density term), the upcoming events
extracted with the actors as their participants, and the sentences ranked (a sentence that tells of an
upcoming event is news the lead may not hold). The title is analyzed as a sentence of its own and its actors
and events joined to the body's (`briefing.nlp.title`).
"""

from __future__ import annotations

from datetime import datetime

from briefing.models import Analysis, Sentence
from briefing.nlp.text.lang import detect_lang
from briefing.nlp.text.prepare import prepare
from briefing.nlp.text.sentences import split_spans
from briefing.nlp.title import with_title


def analyze(
    raw: str,
    published: datetime,
    *,
    title: str | None = None,
    lang: str = "auto",
    author: str | None = None,
) -> Analysis:
    """Analyze an article's plain text. Without `title`, the first line is the title only when it looks like
    one (`prepare`); `title=""` says there is none."""
    from briefing.nlp.actors.extract import extract_actors  # noqa: PLC0415 (loads gazetteers once, on first use)
    from briefing.nlp.events.extract import extract_events  # noqa: PLC0415
    from briefing.nlp.rank.score import rank_sentences  # noqa: PLC0415

    prepared = prepare(raw, title=title, author=author)
    body = prepared.body
    if lang == "auto":
        lang = detect_lang(f"{prepared.title}\n{body}")
    spans = split_spans(body)
    plain = [Sentence(i, a, b, body[a:b]) for i, (a, b) in enumerate(spans)]
    actors = extract_actors(body, lang, plain, author=prepared.author)
    mentions = [m for a in actors for m in a.mentions]
    events = extract_events(body, plain, actors, published, lang)
    # The ranker favours the sentences that tell of what is coming (ARABIC.md, "Upcoming events"); a
    # cancelled or postponed plan is told where its new date (or the cancellation) is.
    today = published.date()
    upcoming = {e.sentence_index for e in events if e.start >= today and e.status in ("firm", "conditional")}
    sentences = rank_sentences(body, spans, prepared.title, mentions, actors=actors, upcoming=upcoming)
    actors, events = with_title(prepared.title, lang, published, actors, events)
    return Analysis(
        lang=lang,
        title=prepared.title,
        published=published,
        text=body,
        sentences=tuple(sentences),
        actors=tuple(actors),
        events=tuple(events),
        author=prepared.author,
        dateline=prepared.dateline,
    )
