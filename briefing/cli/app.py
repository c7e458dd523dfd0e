"""Provides `briefing tui`, the interactive app (also what a bare `briefing` opens)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, cast

import click

from briefing.cli.cache_access import tui_cache
from briefing.cli.group import Ctx, open_store
from briefing.cli.refresh import do_refresh, load_briefing
from briefing.words import count


@click.command()
@click.option("--theme", help="Theme name (built-in or from the user themes directory).")
@click.option("--bidi", type=click.Choice(["app", "terminal", "off"]), help="How Arabic is laid out.")
@click.pass_obj
def tui(ctx: Ctx, theme: str | None, bidi: str | None) -> None:
    """Open the interactive app (the default command)."""
    import os  # noqa: PLC0415

    if not ctx.settings.color:
        os.environ["NO_COLOR"] = "1"  # --no-color or color = false: Textual and Rich honour NO_COLOR
    from briefing.store import Store  # noqa: PLC0415
    from briefing.tui.app import BriefingApp  # noqa: PLC0415

    with open_store(ctx) as store:
        if store.count("articles") == 0:
            load_briefing(ctx, store, None, "all", 1)

    def refresh(progress: Callable[[int, int, str], None]) -> str:
        # Store.open, not open_store: in a worker thread an error must be an exception the app reports,
        # not a message on stderr (under the app's screen) and a SystemExit.
        with Store.open(ctx.settings.db) as s:
            report = do_refresh(ctx, s, quiet=True, progress=progress)
        failed = "; ".join(f"{o.title}: {o.error}" for o in report.failed)
        summary = f"{count(report.new, 'new article')}"
        return summary + (f"; {count(len(report.failed), 'feed')} failed: {failed}" if failed else "")

    root = click.get_current_context().find_root().params
    fixed_now = root.get("now_text") is not None
    mode = cast(Literal["app", "terminal", "off"], bidi or ctx.settings.bidi)
    app = BriefingApp(
        cache=tui_cache(ctx, fixed_now=fixed_now),
        refresh=refresh,
        theme=theme or ctx.settings.theme,
        bidi=mode,
        keymap=ctx.settings.keymap,
        views=ctx.settings.views,
        config_file=root.get("config_path"),  # where a theme chosen with `t` is saved; --theme is not
    )
    app.run()
