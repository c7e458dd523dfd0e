"""briefing.render.bidi: wrap in logical order, then (in "app" mode) reorder each line for the terminal."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

import pytest
from bidi import get_display
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.render.bidi import (
    _reorder_levels,
    _uniform_run,
    cell_width,
    display_lines,
    is_rtl,
    reorder,
    wrap,
)

SEED_HEADLINE = "وزير دفاع النظام السوري يلتقي نظيره الإيراني لإيجاد قوة لردع ضربات إسرائيل"
TANWEEN_FATH = "\u064b"


def test_is_rtl_follows_the_first_strong_character() -> None:
    assert is_rtl(SEED_HEADLINE)
    assert is_rtl("2024-03-17 «غير بيدرسون» in Damascus")
    assert not is_rtl("UN envoy غير بيدرسون")
    assert not is_rtl("") and not is_rtl("2024-03-17 — 19:30")
    assert is_rtl("\u200fRLM first")  # an RLM is a strong right-to-left character


def test_ghadan_keeps_its_tanween_after_the_alef_in_app_mode() -> None:
    word = "غداً"
    assert get_display(word) == TANWEEN_FATH + "ادغ"  # the python-bidi behaviour being fixed
    (line,) = display_lines(word, 20, "app")
    assert line == "ا" + TANWEEN_FATH + "دغ"
    assert unicodedata.category(line[0]) == "Lo"
    for index, char in enumerate(line):
        if unicodedata.category(char) == "Mn":
            assert index > 0 and unicodedata.category(line[index - 1]) == "Lo"


def test_every_mark_follows_its_base_letter_in_a_long_vocalised_line() -> None:
    text = "يَصِلُ المَبعوثُ غداً إلى دِمَشقَ"
    for line in display_lines(text, 12, "app"):
        assert line and unicodedata.category(line[0]) != "Mn"
        for index, char in enumerate(line):
            if unicodedata.category(char) == "Mn":
                assert unicodedata.category(line[index - 1]) == "Lo"


def test_a_latin_date_inside_an_arabic_line_reads_left_to_right() -> None:
    text = "يصل بيدرسون إلى دمشق في 2024-03-17 للقاء المقداد"
    (line,) = display_lines(text, 80, "app")
    assert "2024-03-17" in line
    assert "17-03-2024" in get_display(text)  # what the plain algorithm draws
    # The Arabic around it is reversed, and the date sits between the right words.
    assert line.startswith("دادقملا ءاقلل 2024-03-17 يف قشمد")
    assert display_lines(text, 80, "terminal") == [text]


def test_times_numbers_and_brackets_in_mixed_lines() -> None:
    assert display_lines("الساعة 19:30 اليوم", 80, "app") == ["مويلا 19:30 ةعاسلا"]
    # Brackets are mirrored in right-to-left runs and pair around their content (rule N0).
    assert display_lines("قال (المبعوث) إن", 80, "app") == ["نإ (ثوعبملا) لاق"]
    assert display_lines("UN envoy غير بيدرسون (المبعوث) arrives", 80, "app") == [
        "UN envoy (ثوعبملا) نوسرديب ريغ arrives"
    ]
    assert display_lines("قال إن (Geir Pedersen) سيصل", 80, "app") == ["لصيس (Geir Pedersen) نإ لاق"]


def test_app_mode_agrees_with_python_bidi_on_plain_lines() -> None:
    for text in (
        SEED_HEADLINE,
        "هل؟ ok!",
        "نظيره الإيراني لإيجاد 12 قوة، abc def. 3.5%",
        "English only, (really).",
    ):
        assert display_lines(text, 200, "app") == [get_display(text)]


def test_wrapping_happens_before_reordering() -> None:
    logical = display_lines(SEED_HEADLINE, 30, "terminal")
    visual = display_lines(SEED_HEADLINE, 30, "app")
    assert logical == ["وزير دفاع النظام السوري يلتقي", "نظيره الإيراني لإيجاد قوة لردع", "ضربات إسرائيل"]
    assert visual == [get_display(line) for line in logical]  # the first line still starts the sentence
    assert all(cell_width(line) <= 30 for line in logical + visual)


def test_terminal_and_off_modes_return_logical_order() -> None:
    text = "غداً يصل بيدرسون\nUN envoy arrives tomorrow"
    assert display_lines(text, 80, "terminal") == text.split("\n")
    assert display_lines(text, 80, "off") == text.split("\n")


def test_the_stored_string_is_never_altered() -> None:
    text = "غداً يصل بيدرسون إلى دمشق في 2024-03-17"
    copy = str(text)
    for mode in ("app", "terminal", "off"):
        display_lines(text, 7, mode)  # type: ignore[arg-type]
        display_lines(text, 7, mode, shape=True)  # type: ignore[arg-type]
    assert text == copy
    assert " ".join(display_lines(text, 12, "terminal")) == text


@pytest.mark.parametrize("width", [1, 2, 5, 9, 20, 80])
def test_wrapped_lines_fit_and_cover_every_word(width: int) -> None:
    text = "وزير الخارجية فيصل المقداد يستقبل Geir Pedersen في دمشق supercalifragilistic غداً"
    lines = display_lines(text, width, "terminal")
    assert all(cell_width(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(unicodedata.category(line[0]) != "Mn" for line in lines if line)  # marks stay with letters


def test_wrap_spans_point_into_the_text() -> None:
    text = "ab cd\n\nef"
    assert wrap(text, 2) == [(0, 2), (3, 5), (6, 6), (7, 9)]
    assert display_lines("", 10, "app") == [""]
    assert display_lines("a  b", 0, "off") == ["a", "b"]


def test_reorder_returns_where_each_visual_character_came_from() -> None:
    line = "غداً في Damascus"
    visual, order = reorder(line, is_rtl(line))
    assert sorted(order) == list(range(len(line)))
    assert all(visual[i] == line[j] for i, j in enumerate(order) if line[j] not in "()[]")
    assert visual.startswith("Damascus")


def test_isolates_keep_feed_fields_apart_from_our_numbers() -> None:
    line = "عنب بلدي · 18:40 · www.enabbaladi.net"
    assert reorder(line, False)[0].startswith("18:40 · يدلب بنع")  # plain UBA merges the time into the run
    visual, order = reorder(line, False, isolates=[(0, 8)])
    assert visual == "يدلب بنع · 18:40 · www.enabbaladi.net"
    assert sorted(order) == list(range(len(line)))
    details = "where: دمشق · who: غير بيدرسون، فيصل المقداد · 2 sources"
    spans = [(7, 11), (19, 44)]
    assert details[7:11] == "دمشق" and details[19:44] == "غير بيدرسون، فيصل المقداد"
    assert reorder(details, False, isolates=spans)[0] == (
        "where: قشمد · who: دادقملا لصيف ،نوسرديب ريغ · 2 sources"
    )
    # Ranges outside the line, empty or overlapping are ignored rather than trusted.
    assert reorder(line, False, isolates=[(0, 8), (4, 12), (50, 60), (3, 3)])[0] == visual


def test_shaping_uses_presentation_forms_one_for_one() -> None:
    (plain,) = display_lines("غداً لا", 20, "app")
    (shaped,) = display_lines("غداً لا", 20, "app", shape=True)
    assert len(shaped) == len(plain) and shaped != plain
    assert all("\ufb50" <= ch <= "\ufeff" or ch in " \u064b" for ch in shaped)
    assert shaped[shaped.index(TANWEEN_FATH) - 1] == "\ufe8d"  # still after the (isolated) alef


def test_the_module_does_not_import_textual() -> None:
    code = (
        "import sys, briefing.render.bidi as b; b.display_lines('غداً', 5, 'app', shape=True);"
        "print('textual' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


# Characters of every bidi class a news line has: Arabic and Latin letters, European and Arabic-Indic digits,
# marks, joiners (dropped by rule X9), separators and terminators, brackets and quotes, and the explicit
# embeddings and isolates (which always take the full algorithm).
LINE_CHARACTERS = (
    "بيدرسونغدا"
    "Damascus"
    "0123"
    "٠١٢"
    "\u064b\u064e\u0651"
    "\u200d\u200c\u00ad"
    " .,:-/%+$·—"
    "()[]«»\"'!?"
    "\u202b\u202a\u202c\u2067\u2069\u200f\u200e"
)


ONE_DIRECTION = (
    LINE_CHARACTERS,
    "بيدرسونغدا\u064b\u064e\u0651\u200d\u200c\u00ad .,:-/%+$·—()[]«»\"'!?\u200f",  # Arabic, no numbers
    "Damascus0123\u064e\u200d\u00ad .,:-/%+$·—()[]«»\"'!?\u200e",  # Latin
)


@settings(max_examples=900, deadline=None)
@given(
    line=st.sampled_from(ONE_DIRECTION).flatmap(lambda pool: st.text(alphabet=pool, min_size=1, max_size=40)),
    rtl=st.booleans(),
)
def test_a_line_at_one_level_is_ordered_as_the_full_algorithm_orders_it(line: str, rtl: bool) -> None:
    uniform = _uniform_run(line, rtl)
    if uniform is not None:
        assert uniform == _reorder_levels(line, rtl)


def test_the_shortcut_takes_the_lines_of_one_direction_and_only_those() -> None:
    assert _uniform_run("UN envoy (Geir) meets 3 ministers", False) is not None
    assert _uniform_run("غداً يزور «بيدرسون» دمشق (سوريا).", True) is not None
    assert _uniform_run("UN envoy غير بيدرسون", False) is None  # two levels
    assert _uniform_run("يزور دمشق في 17 آذار", True) is None  # a number in Arabic text
    assert _uniform_run("Damascus", True) is None  # English in an Arabic paragraph
    visual, order = _uniform_run("(سوريا)", True) or ("", [])
    assert visual == "(ايروس)" and order == [6, 5, 4, 3, 2, 1, 0]  # reversed, the brackets mirrored
