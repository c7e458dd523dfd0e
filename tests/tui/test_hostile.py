"""Feed text is data, never markup or terminal control (RELIABILITY rows 1-4), all the way to the cells."""

from __future__ import annotations

from briefing.models import Briefing
from tests.tui.conftest import RecordingApp, settle
from tests.tui.fixtures import hostile_briefing

SIZE = (160, 45)


def segments(app: RecordingApp) -> list[tuple[str, str | None]]:
    return [
        (segment.text, segment.style.link if segment.style else None)
        for strip in app.screen._compositor.render_strips()
        for segment in strip
    ]


async def test_markup_and_escapes_in_feed_text_are_shown_literally_or_stripped(hostile: Briefing) -> None:
    for bidi in ("terminal", "app", "off"):
        app = RecordingApp(lambda: hostile, bidi=bidi)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("j", "enter", "j", "tab", "tab", "question_mark", "escape")
            await settle(pilot)
            assert app.is_running
            cells = segments(app)
            text = "".join(text for text, _ in cells)
            assert "\x1b" not in text and "\x9b" not in text and "\x07" not in text
            assert not [link for _, link in cells if link], "a feed must never produce a hyperlink"
            if bidi != "app":  # in app mode the same characters are there, reordered
                assert "[bold]x[/] [link=file:///etc/passwd]y[/link] and [/ and [b" in text
                assert "[b]Mallory[/b]" in text and "Evil [red]feed[/red]" in text
                assert "note [bold]x[/]" in text and "[bold]boom[/]" in text


async def test_hostile_text_survives_a_rebuild_and_notifications() -> None:
    app = RecordingApp(hostile_briefing, refresh=lambda progress: "[bold]done[/] [link=file:///x]y[/link] [/")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert app.is_running
        assert app.said("information", "[bold]done[/] [link=file:///x]y[/link] [/")
        assert not [
            segment
            for strip in app.screen._compositor.render_strips()
            for segment in strip
            if segment.style and segment.style.link
        ]
