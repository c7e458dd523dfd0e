"""Provides `build_briefing(store, now)`: the one view-model that the TUI, `today` and every export read.

It only reads: analyses, stories and event dates were computed at ingest. It imports nothing heavy (no
camel-tools, no Textual), so the one-shot printout starts fast. Actors are combined across articles by the
stable key the extractor gave them; the same event reported by several outlets becomes one agenda item
(`agenda`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from briefing.agenda import DATE_SLACK, DEFAULT_DAYS, agenda, article_ref
from briefing.clock import LOCAL
from briefing.models import (
    Actor,
    Article,
    Briefing,
    Sentence,
    Story,
    summary_sentences,
)
from briefing.safetext import is_arabic
from briefing.store import Store

STORY_WINDOW = timedelta(hours=48)
"""Stories are built from the articles of the last two days up to the end of the briefing's day."""
AGENDA_LOOKBACK = timedelta(days=21)
"""Upcoming events are taken from articles published in the last three weeks."""
_KIND_ORDER = {"person": 0, "org": 1, "place": 2, "country": 3}


def _in_lang(text: str, lang: str | None) -> bool:
    return is_arabic(text) == (lang == "ar")


def combine_actors(actors: Iterable[Actor], lang: str | None = None) -> list[Actor]:
    """One actor per key. The displayed name and roles come from the fullest mention in `lang` (the story's
    language) when there is one, so an Arabic story shows Arabic names; other forms become aliases."""
    groups: dict[str, list[Actor]] = defaultdict(list)
    for a in actors:
        groups[f"{a.kind}:{a.key or a.name}"].append(a)
    merged: list[Actor] = []
    for variants in groups.values():
        best = max(variants, key=lambda a: (_in_lang(a.name, lang), len(a.roles), len(a.name)))
        names = dict.fromkeys(x for a in variants for x in (a.name, *a.aliases))
        merged.append(
            replace(
                best,
                name_latin=best.name_latin or next((a.name_latin for a in variants if a.name_latin), None),
                roles=best.roles or next((a.roles for a in variants if a.roles), ()),
                affiliation=best.affiliation
                or next((a.affiliation for a in variants if a.affiliation), None),
                aliases=tuple(n for n in names if n != best.name),
                mentions=tuple(m for a in variants for m in a.mentions),
            )
        )
    return sorted(merged, key=lambda x: (_KIND_ORDER[x.kind], -len(x.mentions)))


def _story(story_id: str, members: list[Article], day: date, today: date) -> Story:
    members = sorted(members, key=lambda a: a.published)
    analyzed = [a for a in members if a.analysis]
    langs = [a.analysis.lang for a in analyzed if a.analysis]
    # The story's language: most articles, then most text (a one-line teaser should not set it).
    text_in = {
        lang: sum(len(a.analysis.text) for a in analyzed if a.analysis and a.analysis.lang == lang)
        for lang in langs
    }
    main_lang = max(sorted(set(langs)), key=lambda x: (langs.count(x), text_in[x])) if langs else None
    # The headline comes from the fullest article in the story's main language; its summary leads.
    lead = max(
        analyzed or members,
        key=lambda a: (
            a.analysis is not None and a.analysis.lang == main_lang,
            len(a.analysis.text if a.analysis else a.text),
        ),
    )
    others = [a for a in analyzed if a is not lead and a.analysis and a.analysis.lang == main_lang]
    actors = story_actors(analyzed, lead, main_lang)
    naming = _naming(analyzed)
    shared = [x for x in actors if naming[_key(x)] >= 2]
    summary = _story_summary(lead, others, {f"{x.kind}:{x.key or x.name}" for x in shared})
    why = []
    if len(members) > 1:
        if shared:
            why.append("shared actors: " + ", ".join(x.name for x in shared[:5]))
        dates = sorted(
            {e.start for a in analyzed if a.analysis for e in a.analysis.events} & _common_dates(analyzed)
        )
        if dates:
            why.append("same event dates: " + ", ".join(d.isoformat() for d in dates[:3]))
    events = tuple(agenda(analyzed, day, today))
    score = _base_score(members, day) + 0.5 * len(events) + 0.1 * min(10, len(actors))
    return Story(
        id=story_id,
        headline=lead.title,
        summary=tuple(summary),
        articles=tuple(article_ref(a) for a in members),
        actors=tuple(actors),
        events=events,
        why=tuple(why),
        lang=main_lang,
        score=score,
    )


def _base_score(members: Sequence[Article], day: date, langs: Collection[str | None] | None = None) -> float:
    """The part of a story's score that needs no actors or agenda: outlets, languages (by default, those of
    the analyzed members), how recent."""
    outlets = {a.feed_title for a in members}
    if langs is None:
        langs = {a.analysis.lang for a in members if a.analysis}
    newest = max(a.published for a in members)
    end = datetime.combine(day, time.max, tzinfo=newest.tzinfo)
    return 2.0 * len(outlets) + 1.0 * len(langs) + 1.0 / (1.0 + (end - newest).total_seconds() / 86400)


def _score_bound(heads: Sequence[Article], day: date, upcoming: Mapping[int, int]) -> float:
    """At least the story's score, from its articles' headers (`Store.article_heads_between`) and their
    counts of upcoming events: its agenda has at most one item per upcoming event of its articles, and its
    languages are at most those of its articles (an article's stored language is its analysis's)."""
    events = sum(upcoming.get(a.id, 0) for a in heads)
    langs = {a.lang for a in heads if a.lang}
    return _base_score(heads, day, langs) + 0.5 * events + 0.1 * 10


Loader = Callable[[Sequence[int]], list[Article]]
"""Whole articles (text and analysis) by id: `Store.articles`."""


def _load_stories(
    sids: Sequence[str], by_story: Mapping[str, list[Article]], load: Loader
) -> dict[str, list[Article]]:
    """The whole articles of the stories `sids` (by story id, in `load`'s order), read in one call of `load`
    instead of one a story."""
    story_of = {a.id: sid for sid in sids for a in by_story[sid]}
    members: dict[str, list[Article]] = {sid: [] for sid in sids}
    for article in load(list(story_of)):
        members[story_of[article.id]].append(article)
    for articles in members.values():  # oldest first as `load` gives one story's (it reads in chunks)
        articles.sort(key=lambda a: a.published.astimezone(UTC))  # the order of the stored UTC time
    return members


def _top_stories(
    by_story: dict[str, list[Article]],
    day: date,
    today: date,
    limit: int,
    upcoming: Mapping[int, int],
    load: Loader,
) -> list[Story]:
    """The `limit` best stories, in the order a full sort of every story would give, building only the
    stories whose score bound can still reach the top (a day of real news has thousands of single-article
    stories, and building one means reading its articles whole, merging its actors and its agenda).
    `by_story` holds article headers; only the members of the stories built are read whole (`load`), those of
    several stories at a time (`_load_stories`)."""
    order = {sid: i for i, sid in enumerate(by_story)}
    bounds = sorted(
        ((_score_bound(heads, day, upcoming), sid) for sid, heads in by_story.items()), key=lambda x: -x[0]
    )
    built: list[Story] = []
    scores: list[float] = []
    loaded: dict[str, list[Article]] = {}
    for position, (bound, sid) in enumerate(bounds):
        if len(scores) >= limit and bound < scores[limit - 1]:
            break
        if sid not in loaded:
            # Until `limit` stories are built none is skipped: read as many as are still missing at once;
            # after that each further one may be the last that can reach the top, read alone.
            ahead = [s for _, s in bounds[position : position + max(limit - len(scores), 1)]]
            loaded = _load_stories(ahead, by_story, load)
        members = loaded.pop(sid)
        if not members:  # pruned since the headers were read
            continue
        story = _story(sid, members, day, today)
        built.append(story)
        scores = sorted((*scores, story.score), reverse=True)[: max(limit, 1)]
    built.sort(key=lambda st: (-st.score, order[st.id]))
    return built[:limit]


MAX_EXTRA_SENTENCES = 2
"""How many sentences other outlets may add to the lead article's summary."""


def _sentence_keys(article: Article, sentence: Sentence) -> set[str]:
    """The persons, organisations and places a sentence names (by actor key), from the stored mentions."""
    assert article.analysis is not None
    return {
        f"{a.kind}:{a.key or a.name}"
        for a in article.analysis.actors
        if a.kind != "country" and any(sentence.start <= m[0] < sentence.end for m in a.mentions)
    }


def _story_summary(lead: Article, others: Sequence[Article], story_keys: Collection[str]) -> list[str]:
    """The lead article's summary, plus up to two top sentences from other articles of the story that name
    one of the story's own actors (`story_keys`: those several of its articles name) and someone or something
    the summary does not: a second outlet's wording of the same fact names the same actors and is left out,
    and so is a sentence about something else. (Novelty is judged on stored actor keys, so building the
    briefing needs no text normalization.)"""
    if lead.analysis is None:
        return [lead.text[:300]]
    chosen = list(summary_sentences(lead.analysis.sentences))
    covered: set[str] = set()
    for sentence in chosen:
        covered |= _sentence_keys(lead, sentence)
    extra: list[tuple[int, float, str, set[str]]] = []
    for article in others:
        assert article.analysis is not None
        for sentence in sorted(article.analysis.sentences, key=lambda x: x.rank)[:3]:
            keys = _sentence_keys(article, sentence)
            if not keys & set(story_keys):
                continue
            extra.append((len(keys - covered), sentence.score, sentence.text, keys))
    added: list[str] = []
    for _novel, _score, text, keys in sorted(extra, key=lambda x: (-x[0], -x[1])):
        if len(added) >= MAX_EXTRA_SENTENCES:
            break
        if keys - covered:
            added.append(text)
            covered |= keys
    return [s.text for s in chosen] + added


STORY_ACTOR_KINDS = ("person", "org", "place")
SINGLE_MENTION_STORY = 3
"""In a story of this many articles or more, an actor that only one of them names, and not the lead article,
is left out of its actors (a stadium, a club one player left): it is what that article adds, not what the
story is about."""


def story_actors(articles: Sequence[Article], lead: Article, lang: str | None) -> list[Actor]:
    """A story's persons, organisations and places, ranked by how many of its articles name them (then by
    mentions); see `SINGLE_MENTION_STORY`."""
    actors = [
        x
        for x in combine_actors((x for a in articles if a.analysis for x in a.analysis.actors), lang)
        if x.kind in STORY_ACTOR_KINDS
    ]
    naming = _naming(articles)
    if len(articles) >= SINGLE_MENTION_STORY:
        in_lead = _naming([lead])
        actors = [x for x in actors if naming[_key(x)] >= 2 or in_lead[_key(x)]]
    return sorted(actors, key=lambda x: (-naming[_key(x)], -len(x.mentions), _KIND_ORDER[x.kind]))


def _key(actor: Actor) -> tuple[str, str]:
    return actor.kind, actor.key or actor.name


def _naming(articles: Sequence[Article]) -> Counter[tuple[str, str]]:
    """How many of the articles name each actor (by its kind and key)."""
    return Counter(k for a in articles if a.analysis for k in {_key(x) for x in a.analysis.actors})


def _common_dates(articles: Sequence[Article]) -> set[date]:
    counts: dict[date, int] = defaultdict(int)
    for a in articles:
        if a.analysis:
            for d in {e.start for e in a.analysis.events}:
                counts[d] += 1
    return {d for d, c in counts.items() if c >= 2}


def build_briefing(
    store: Store,
    now: datetime,
    *,
    day: date | None = None,
    lang: str = "all",
    limit: int = 10,
    since: date | None = None,
    feeds: Collection[int] | None = None,
    unread_only: bool = False,
    with_agenda: bool = True,
    agenda_days: int | None = DEFAULT_DAYS,
    only: Callable[[datetime, datetime], Collection[int]] | None = None,
    times: str = LOCAL,
) -> Briefing:
    """The briefing for `day` (default: today in `now`'s timezone). When the cache holds nothing for that day
    and no day was asked for, the newest day with articles is used, as of the end of that day. With `since`,
    stories are built from every article from the start of that day on (exports of a date range).
    `feeds` (feed ids) keeps only those feeds' articles (stories and agenda); `unread_only` builds the
    stories from unread articles only (the agenda keeps every article). `with_agenda=False` leaves the
    upcoming agenda empty: on a large cache its query is most of the build, and a first screen can do
    without it. The agenda covers `agenda_days` days after the day (None: every upcoming event). `only(start,
    end)`, when given, names the articles published in [start, end) to keep (those a query matches:
    `--query`, a saved view), for the stories and the agenda alike. `times` says which zone the briefing's
    times are shown in (`briefing.clock.shown_zone`); which articles are the day's is `now`'s zone either way.

    Every relative label ("tomorrow", "next week") counts from the briefing's "as of" time: `now` on its own
    day, the end of the day for any other day (`today --date 2024-03-16` is as of that evening)."""
    tz = now.tzinfo
    notes: list[str] = []
    asked = day is not None
    day = day or now.date()
    end = datetime.combine(day, time.max, tzinfo=tz)
    start_of_day = datetime.combine(day, time.min, tzinfo=tz)
    if day != now.date():
        now = end
    if not asked and not store.has_articles_between(start_of_day, end):
        newest = store.newest_published()
        if newest is not None:
            newest_day = newest.astimezone(tz).date()
            notes.append(
                f"nothing cached for {day.isoformat()}; "
                f"showing {newest_day.isoformat()}, the newest day with articles"
            )
            day = newest_day
            end = datetime.combine(day, time.max, tzinfo=tz)
            now = end
        else:
            notes.append("the cache is empty: run `briefing fetch`")
    first = datetime.combine(since, time.min, tzinfo=tz) if since else end - STORY_WINDOW
    # Headers only: a window holds thousands of articles, and only the members of the stories built are
    # read whole (an article's stored language is its analysis's, so the filter needs no analysis).
    window = [
        a
        for a in store.article_heads_between(first, end)
        if (lang == "all" or a.lang == lang)
        and (feeds is None or a.feed_id in feeds)
        and not (unread_only and a.read)
    ]
    if only is not None:
        kept = set(only(first, end))
        window = [a for a in window if a.id in kept]
    story_of = store.story_ids(a.id for a in window)
    by_story: dict[str, list[Article]] = defaultdict(list)
    for article in window:
        by_story[story_of.get(article.id, f"a{article.id}")].append(article)
    today = now.date()
    upcoming_events = store.upcoming_event_counts(first, end, day)
    stories = _top_stories(by_story, day, today, limit, upcoming_events, store.articles)
    horizon = None if agenda_days is None else day + timedelta(days=agenda_days + DATE_SLACK)
    agenda_articles = (
        store.articles_with_events_after(day, end, end - AGENDA_LOOKBACK, horizon) if with_agenda else []
    )
    if lang != "all":
        agenda_articles = [a for a in agenda_articles if _lang(a) == lang]
    if feeds is not None:
        agenda_articles = [a for a in agenda_articles if a.feed_id in feeds]
    if only is not None and agenda_articles:
        kept = set(only(end - AGENDA_LOOKBACK, end))
        agenda_articles = [a for a in agenda_articles if a.id in kept]
    upcoming = agenda(agenda_articles, day, today, days=agenda_days)
    story_langs = [s.lang for s in stories if s.lang]
    main_lang = max(sorted(set(story_langs)), key=story_langs.count) if story_langs else None
    actors = combine_actors((x for s in stories for x in s.actors), main_lang)
    return Briefing(
        day,
        now,
        tuple(stories),
        tuple(actors),
        tuple(upcoming),
        tuple(notes),
        agenda_days=agenda_days,
        times=times,
    )


def _lang(a: Article) -> str | None:
    return a.analysis.lang if a.analysis else a.lang
