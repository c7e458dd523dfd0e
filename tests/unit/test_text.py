"""Text preparation and the sentence splitter (ARABIC.md, "Text preparation")."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.nlp.text import prepare, split_spans


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_spans(text)]


def test_seed_furniture_is_removed_and_kept_as_metadata(seed_text: str) -> None:
    p = prepare(seed_text)
    assert p.title == "وزير دفاع النظام السوري يلتقي نظيره الإيراني لإيجاد قوة لردع ضربات إسرائيل"
    assert p.author == "محمد كركص"
    assert p.dateline == "غازي عنتاب"
    assert "Skip to main content" not in p.body
    assert "Getty" not in p.body
    assert "محمد كركص" not in p.body
    assert p.body.startswith("التقى وزير الدفاع")
    assert len(split_spans(p.body)) == 8


@pytest.mark.parametrize(
    ("line", "is_furniture"),
    [
        ("اقرأ أيضاً: مباحثات جديدة في جنيف", True),
        ("متظاهرون في ساحة الأمويين (فرانس برس)", True),
        ("جانب من الاجتماع (رويترز)", True),
        ("Read more: talks resume in Geneva", True),
        ("Skip to main content", True),
        ("وقال الوزير إن الاجتماع (الأول من نوعه) كان مثمراً.", False),
    ],
)
def test_furniture_lines(line: str, is_furniture: bool) -> None:
    p = prepare(f"عنوان الخبر\n{line}\nنص الخبر الأول.")
    assert (line not in p.body) is is_furniture


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال الوزير إن النمو بلغ 3.5 في المئة. وأضاف أن العام المقبل أفضل.", 2),
        ("وصل د. أحمد إلى المؤتمر. وتحدث عن الخطة.", 2),
        ("توفي عام 632 م. ودفن في المدينة.", 1),  # `م.` (AD) is an abbreviation: no split
        ("وقال: «لن نقبل بذلك. ولن نتراجع» ثم غادر.", 1),
        ('وقال: "لن نقبل بذلك. ولن نتراجع" ثم غادر.', 1),
        ("هل انتهت الأزمة؟ لا يبدو ذلك.", 2),
        ("انتهى الاجتماع… وبدأت المشاورات.", 2),
        ("الجلسة الأولى، والجلسة الثانية؛ والثالثة.", 1),
        ("المقال على https://example.com/a.b.html ومراسلتنا عبر info@example.org. شكراً.", 2),
        ("الفقرة الأولى بلا نقطة\nالفقرة الثانية", 2),
        ("U.N. envoy Geir Pedersen met Mr. Mekdad. They spoke for an hour.", 2),
        ("The U.S. Secretary of State arrives on Jan. 5. He will stay two days.", 2),
        ('He said: "We will return." Then he left.', 2),
        ("George W. Bush visited in 2003. It was brief.", 2),
    ],
)
def test_splitter_cases(text: str, expected: int) -> None:
    assert len(sentences(text)) == expected, sentences(text)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_sentences_tile_the_text(text: str) -> None:
    spans = split_spans(text)
    pos = 0
    for a, b in spans:
        assert pos <= a < b <= len(text)
        assert text[pos:a].strip() == ""  # only white space between sentences
        assert text[a:b] == text[a:b].strip()
        pos = b
    assert text[pos:].strip() == ""


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_prepare_never_raises(text: str) -> None:
    prepare(text)
