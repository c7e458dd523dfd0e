"""Provides `render_markdown`: a Briefing as CommonMark, safe to paste anywhere.

Feed text is escaped so that it can never become markup (links, HTML, emphasis, headings), links survive
only with http(s)/mailto schemes, and an Arabic paragraph that starts with Latin text or digits gets an
ARABIC LETTER MARK so that renderers still lay it out right-to-left.
"""

from __future__ import annotations

import re

from briefing.clock import in_zone, shown_zone, zone_label
from briefing.lists import join_names
from briefing.models import AgendaItem, Briefing
from briefing.render.console import format_span, other_dates
from briefing.safetext import clean_line, is_arabic, safe_url

ALM = "\u061c"
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~!&{}])")
_LINE_START = re.compile(r"^(\s*)(\d*)([#>+\-=.)])")
_STRONG_LTR = re.compile(r"[A-Za-z0-9]")


def escape(text: str) -> str:
    """Escape feed text for CommonMark: every character that could start markup is backslash-escaped."""
    text = _INLINE_SPECIAL.sub(r"\\\1", clean_line(text))
    # The backslash goes before the punctuation (`2024\. x`, `\# x`): before a digit it is not an escape in
    # CommonMark and would show as a literal backslash.
    return _LINE_START.sub(lambda m: m.group(1) + m.group(2) + "\\" + m.group(3), text)


def rtl(text: str) -> str:
    """Prefix an ALM when Arabic text would otherwise start with a left-to-right character."""
    stripped = text.lstrip("\\ ")
    if is_arabic(text) and stripped and _STRONG_LTR.match(stripped):
        return ALM + text
    return text


def para(text: str) -> str:
    return rtl(escape(text))


_CLOSING_HASHES = re.compile(r"(\s)(#+)(\s*)$")


def heading(text: str) -> str:
    """`para` for the text of an ATX heading, where a trailing ` ##` would be taken as the optional closing
    sequence and vanish: those hashes are escaped too."""
    return _CLOSING_HASHES.sub(lambda m: m.group(1) + m.group(2).replace("#", "\\#") + m.group(3), para(text))


def link(title: str, url: str) -> str:
    safe = safe_url(url)
    label = escape(title) or "link"
    if not safe:
        return label
    return f"[{label}](<{safe.replace('<', '%3C').replace('>', '%3E')}>)"


def _agenda(item: AgendaItem) -> list[str]:
    e = item.event
    status = "" if e.status == "firm" else f" ({escape(e.status)})"
    lines = [f"- **{escape(format_span(item))}** · {escape(item.relative)}{status}: {para(e.summary)}"]
    if e.where:
        lines.append(f"  - where: {para(e.where)}")
    if e.who:
        lines.append(f"  - who: {para(join_names(e.who))}")
    if item.other_dates:
        lines.append(f"  - other sources say: {other_dates(item)}")
    lines.append("  - sources: " + ", ".join(link(f"{s.feed}: {s.title}", s.url) for s in item.sources))
    return lines


def render_markdown(b: Briefing) -> str:
    out = [f"# Briefing — {b.date.strftime('%A %d %B %Y')}", ""]
    zone = shown_zone(b.now, b.times)
    if label := zone_label(b.now, b.times):
        out += [f"*Times: {escape(label)}.*", ""]
    out += ["## Stories", ""]
    if not b.stories:
        out += ["No stories for this day.", ""]
    for n, s in enumerate(b.stories, 1):
        out += [f"### {n}. {heading(s.headline)}", ""]
        out += [para(sentence) + "\n" for sentence in s.summary]
        if s.why:
            out += ["*" + escape("; ".join(s.why)) + "*", ""]
        out += [
            f"- {link(f'{r.feed}: {r.title}', r.url)} ({in_zone(r.published, zone):%Y-%m-%d %H:%M})"
            for r in s.articles
        ]
        out.append("")
    out += ["## Actors", ""]
    for a in b.actors[:30]:
        details = ", ".join(para(x) for x in (a.role, a.affiliation, a.name_latin) if x)
        out.append(f"- **{para(a.name)}** ({escape(a.kind)}){': ' + details if details else ''}")
    out += ["", "## Upcoming", ""]
    if not b.upcoming:
        out.append("Nothing scheduled in the cached articles.")
    for item in b.upcoming:
        out += _agenda(item)
    out.append("")
    return "\n".join(out)
