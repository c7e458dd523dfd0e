"""Provides the feeds a command works on: `feed_target`, the check of one feed typed on the command line
(`fetch --feed`, `feeds add`), and `feed_sources`, the feeds a refresh fetches."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import BadInput

if TYPE_CHECKING:
    from briefing.cli.group import Ctx
    from briefing.feeds.sources import FeedSource


def feed_target(arg: str) -> str:
    """A feed the user typed: a URL (http, https or file) as given, or an existing file as its absolute
    path. Anything else is `BadInput`."""
    from urllib.parse import unquote, urlsplit  # noqa: PLC0415

    from briefing.feeds.safety import url_problem  # noqa: PLC0415

    bad = url_problem(arg)
    if bad:
        raise BadInput(bad)
    if "://" not in arg:
        path = Path(arg).expanduser()
        if not path.is_file():
            raise BadInput(f"no such feed file: {arg}")
        return str(path.resolve())
    if not arg.lower().startswith(("http://", "https://", "file://")):
        raise BadInput(f"unsupported URL scheme (http, https or file): {arg}")
    if arg.lower().startswith("file://") and not Path(unquote(urlsplit(arg).path)).is_file():
        raise BadInput(f"no such feed file: {arg}")
    return arg


def feed_sources(
    ctx: Ctx, feed_args: tuple[str, ...], *, allow_private: bool = False, full_text: bool | None = None
) -> tuple[list[FeedSource], bool]:
    """The feeds to fetch and whether they are the bundled samples. `--feed` targets are trusted and fetched
    now whatever their backoff; list entries carry the opt-in; `full_text` (when given) overrides each
    feed."""
    from dataclasses import replace  # noqa: PLC0415

    from briefing.feeds.sources import FeedListError, FeedSource, configured_feeds  # noqa: PLC0415

    opted_in = allow_private or ctx.settings.allow_private
    sources: list[FeedSource]
    samples = False
    if feed_args:
        sources = [FeedSource(feed_target(f), trusted=True, manual=True) for f in feed_args]
    else:
        try:
            sources, samples = configured_feeds(ctx.settings.feeds_file)
        except FeedListError as exc:
            raise BadInput(str(exc)) from exc
    sources = [
        replace(
            s,
            allow_private=s.allow_private or opted_in,
            full_text=s.full_text if full_text is None else full_text,
        )
        for s in sources
    ]
    return sources, samples
