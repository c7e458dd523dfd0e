"""Provides `render_today`: the one-shot printout of a Briefing with Rich (plain text when piped).

Feed text is never markup: every string is sanitized and appended to `Text` objects, so a title holding
`[link=file:///etc/passwd]` or an escape sequence prints literally or not at all.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import IO

from rich.console import Console
from rich.text import Text

from briefing.clock import in_zone, shown_zone
from briefing.lists import join_names, story_languages
from briefing.models import Actor, AgendaItem, Briefing, Story
from briefing.safetext import clean_line

MAX_ACTORS_PER_STORY = 6


def format_span(item: AgendaItem) -> str:
    e = item.event
    if e.precision == "month":
        return e.start.strftime("%B %Y")
    if e.precision == "year":
        return e.start.strftime("%Y")
    if e.precision == "vague":
        return f"by {e.end.strftime('%a %d %b %Y')}" if e.end else "in the coming days"
    if e.precision == "week":
        return "week of " + e.start.strftime("%a %d %b %Y")
    first = e.start.strftime("%a %d %b %Y")
    if e.end and e.end != e.start:
        return f"{first} – {e.end.strftime('%a %d %b')}"
    return first


def other_dates(item: AgendaItem) -> str:
    """`Tue 04 Aug, Wed 05 Aug`: the dates that other sources gave for the event."""
    return ", ".join(d.strftime("%a %d %b") for d in item.other_dates)


def agenda_title(b: Briefing) -> str:
    """`Upcoming · next 7 days, most reported first` (or `all upcoming events`)."""
    scope = "all upcoming events" if b.agenda_days is None else f"next {b.agenda_days} days"
    return f"Upcoming · {scope}, most reported first"


def actor_line(a: Actor) -> Text:
    t = Text(clean_line(a.name), style="bold")
    extra = [clean_line(x) for x in (a.role, a.affiliation) if x]
    if a.name_latin and a.name_latin != a.name:
        t.append(f" ({clean_line(a.name_latin)})", style="dim")
    if extra:
        t.append(" — " + ", ".join(extra))
    return t


def _story(out: list[Text], n: int, story: Story, zone: tzinfo | None) -> None:
    outlets = sorted({clean_line(r.feed) for r in story.articles})
    head = Text(f"{n}. ", style="bold cyan")
    head.append(clean_line(story.headline), style="bold")
    out.append(head)
    meta = f"{len(outlets)} outlet{'s' if len(outlets) != 1 else ''} · {story_languages(story)}"
    out.append(Text("   " + meta, style="dim"))
    for sentence in story.summary:
        out.append(Text("   " + clean_line(sentence)))
    persons = [a for a in story.actors if a.kind in ("person", "org")][:MAX_ACTORS_PER_STORY]
    if persons:
        line = Text("   Actors: ", style="magenta")
        for i, a in enumerate(persons):
            if i:
                line.append("; ")
            line.append(clean_line(a.name), style="bold")
            if a.role:
                line.append(f" ({clean_line(a.role)})")
        out.append(line)
    for r in story.articles:
        when = in_zone(r.published, zone).strftime("%d %b %H:%M")
        out.append(Text(f"   · {clean_line(r.feed)}, {when}: {clean_line(r.title)}", style="dim"))
    out.append(Text())


def _agenda_item(out: list[Text], item: AgendaItem) -> None:
    e = item.event
    head = Text(format_span(item), style="bold green")
    # Every string of the view-model passes the sanitizer here, computed labels included: the renderer
    # cannot know which of them quote feed text (a label may one day carry a date as the article wrote it).
    head.append(f" · {clean_line(item.relative)}", style="green")
    if e.status != "firm":
        head.append(f" · {clean_line(e.status)}", style="yellow")
    out.append(head)
    line = Text("   " + clean_line(e.summary))
    if e.where:
        line.append(f"  @ {clean_line(e.where)}", style="cyan")
    out.append(line)
    if e.who:
        out.append(Text("   with: " + join_names(e.who), style="magenta"))
    if item.other_dates:
        out.append(Text(f"   other sources say: {other_dates(item)}", style="yellow"))
    sources = ", ".join(sorted({clean_line(s.feed) for s in item.sources}))
    out.append(Text(f"   sources: {sources}", style="dim"))


def render_today(briefing: Briefing, out: IO[str], *, width: int | None = None, color: bool = True) -> None:
    """The printout. Lines are collected and printed a section at a time: one `print` per line cost more
    than the lines themselves (Rich measures the terminal on each call) with an agenda of hundreds."""
    console = Console(
        file=out, width=width, no_color=not color, highlight=False, emoji=False, markup=False, soft_wrap=False
    )
    lines: list[Text] = []

    def flush() -> None:
        if lines:
            console.print(*lines, sep="\n")
            lines.clear()

    title = Text("Briefing · ", style="bold")
    title.append(briefing.date.strftime("%A %d %B %Y"), style="bold")
    lines += [title, Text()]
    flush()
    console.rule(Text("Top stories"), align="left")
    if not briefing.stories:
        lines.append(Text("   No stories for this day."))
    for n, story in enumerate(briefing.stories, 1):
        _story(lines, n, story, shown_zone(briefing.now, briefing.times))
    flush()
    console.rule(Text(agenda_title(briefing)), align="left")
    if not briefing.upcoming:
        lines.append(Text("   Nothing scheduled in the cached articles."))
    for item in briefing.upcoming:
        _agenda_item(lines, item)
    lines.append(Text())
    flush()
    key = [a for a in briefing.actors if a.kind == "person"][:12]
    if key:
        console.rule(Text("Key actors"), align="left")
        lines += [Text("   ").append_text(actor_line(a)) for a in key]
        flush()
