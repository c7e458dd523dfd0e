"""Lists as the front ends write them (briefing.lists): the comma of the names' script, a story's
languages."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from briefing.lists import join_names, language_tags, story_languages
from briefing.models import ArticleRef, Story

WHEN = datetime(2024, 3, 16, 19, 0, tzinfo=timezone(timedelta(hours=3)))


def test_arabic_names_take_the_arabic_comma() -> None:
    assert join_names(["غير بيدرسون", "فيصل المقداد"]) == "غير بيدرسون، فيصل المقداد"


def test_latin_and_mixed_lists_take_the_latin_comma() -> None:
    assert join_names(["U.N. Security Council", "Hezbollah"]) == "U.N. Security Council, Hezbollah"
    assert join_names(["William Burns", "وليام بيرنز"]) == "William Burns, وليام بيرنز"


def test_empty_names_are_left_out_and_feed_text_is_cleaned() -> None:
    assert join_names(["", "  ", "Hamas\x1b[2J"]) == "Hamas[2J"
    assert join_names([]) == ""


def test_a_storys_languages_as_every_front_end_shows_them() -> None:
    refs = (
        ArticleRef("عنوان", "https://a.example/1", "A", WHEN, "ar"),
        ArticleRef("title", "https://b.example/1", "B", WHEN, "en"),
        ArticleRef("عنوان آخر", "https://c.example/1", "C", WHEN, "ar"),
    )
    story = Story("s", "عنوان", (), refs, (), (), lang="ar")
    assert story_languages(story) == "AR, EN"
    assert language_tags([None, ""]) == "??"
