"""Text preparation and the sentence splitter (ARABIC.md, "Text preparation")."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.nlp.text.prepare import prepare
from briefing.nlp.text.sentences import split_spans


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
        ("حاضر أ.د. محمد علي في الجامعة. ثم غادر.", 2),  # `أ.د.` (professor doctor)
        ("ولد سنة 1420 هـ. وتوفي بعد ذلك.", 1),  # `هـ.` (AH) is an abbreviation
        ("بني المعبد عام 300 ق.م. وما زال قائماً.", 1),  # `ق.م.` (BC)
        ("قال: «نرفض ذلك؛ ولن نقبل. أبداً» وغادر.", 1),  # `؛` and `.` inside quotes
        ("ارتفع المؤشر ٣.٥ في المئة. ثم تراجع.", 2),  # Eastern Arabic decimal
        ("بلغ النمو ٣٫٥ في المئة. ثم تراجع.", 2),  # Arabic decimal separator
        ("Room No. 5 was empty. Nobody came.", 2),
        ("The U.N. Security Council met on Jan. 5. It adjourned.", 2),
        # A period glued to the next Arabic word still ends the sentence (common in web copy).
        ("عاش في مدينة بون.وانتقل بعدها إلى فيينا.", 2),
        ("وصل عام 1959.أتم دراسته", 2),
        ("وظيفة الكبد مهمة .لهذا نجده ينظم الجسم.", 2),
        ("قال د.محمد إن الوضع مستقر.", 1),  # ... but not after an abbreviation
        # A bracket that never closes protects nothing; one that closes protects what it encloses.
        ("الآلة (إذا استثنينا الإيقاع. وهي قديمة. ولها أسماء.", 3),
        ("وقال الوزير (الذي وصل أمس. كما قيل) إن الاجتماع مثمر. ثم غادر.", 2),
    ],
)
def test_splitter_cases(text: str, expected: int) -> None:
    assert len(sentences(text)) == expected, sentences(text)


def test_hard_wrapped_lines_are_joined() -> None:
    # Fixed-width text (EASC's newspaper articles): a newline inside a sentence is a space, an indented line
    # starts a paragraph, and a period at the end of a line still ends the sentence.
    text = (
        "نجحت سياسة القبضة الحديدية لوزير الطيران المصري الفريق أحمد شفيق في إعادة حركة\n"
        "الملاحة الجوية إلى طبيعتها في مطار القاهرة الدولي حيث انتظمت مواعيد إقلاع\n"
        "الطائرات وهبوطها.\n"
        " وعلمت الوطن أن شفيق رفض وساطة قام بها عدد من العاملين في شركة مصر\n"
        "للطيران لإقناعه بالعدول عن قراراته بفصل عدد من ضباط المراقبة الجوية. وأضاف\n"
        "المصدر أن الحركة عادت إلى طبيعتها بالكامل في مطار القاهرة الدولي\n"
        " وجاء في البيان أن الإجراءات ستطبق على جميع ضباط المراقبة الجوية."
    )
    got = sentences(text)
    assert len(got) == 4, got
    assert got[0].endswith("وهبوطها.") and "\n" in got[0]
    assert got[2].startswith("وأضاف") and got[2].endswith("الدولي")  # an indented line starts a paragraph
    assert got[3].startswith("وجاء")


def test_short_lines_are_paragraphs_not_wrapping() -> None:
    text = "السطر الأول\nالسطر الثاني\nالسطر الثالث"
    assert len(sentences(text)) == 3


def test_a_line_ending_in_a_preposition_runs_on() -> None:
    # A line broken inside a sentence (after «خلال يومي», "during the") is no paragraph end.
    text = "يعقد الملتقى السنوي للمهندسين خلال يومي\n12 و13 أيار المقبل في عمّان.\nوتشارك فيه عشرون جامعة"
    got = sentences(text)
    assert len(got) == 2, got
    assert got[0].startswith("يعقد") and got[0].endswith("في عمّان.")
    assert (
        len(sentences("The forum opens during the\nsecond week of May.\nTwenty universities take part")) == 2
    )


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


@pytest.mark.parametrize(
    ("text", "dateline", "body_starts"),
    [
        ("UNITED NATIONS, Oct 1 (Reuters) - The Council will meet.", "UNITED NATIONS", "The Council"),
        ("DUBAI, June 3 (Reuters) - Iran will hold an election.", "DUBAI", "Iran will"),
        ("GAZA CITY — Strikes hit the north.", "GAZA CITY", "Strikes hit"),
        ("بيروت - «الوكالة»: أعلن الجيش أن الاجتماع سيعقد غداً.", "بيروت", "أعلن الجيش"),
        ("القاهرة - (أ ف ب): قال الوزير إن المحادثات مستمرة.", "القاهرة", "قال الوزير"),
        ("NATO - the alliance - met on Monday.", None, "NATO - the alliance"),
        ("MOSCOW (Sputnik) — The talks resumed on Friday.", "MOSCOW", "The talks"),
        ("قنا - الدوحة: افتتح الوزير المعرض صباح اليوم.", "الدوحة", "افتتح الوزير"),
        ("الرئيس - المنتخب حديثاً: وعد بإصلاحات واسعة.", None, "الرئيس - المنتخب"),
    ],
)
def test_inline_wire_datelines_are_furniture(text: str, dateline: str | None, body_starts: str) -> None:
    p = prepare(f"Title\n\n{text}")  # a title line is followed by a blank line (CONTRACT.md)
    assert p.dateline == dateline
    assert p.body.startswith(body_starts)
