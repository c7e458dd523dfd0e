"""News patterns of the sentence ranker: furniture (datelines, credits, captions, boilerplate) is never ranked
as news, the lead is a strong prior, and a sentence that tells of an upcoming event or a plan comes next."""

from __future__ import annotations

import pytest

from briefing.nlp.rank.features import features
from briefing.nlp.rank.furniture import is_furniture
from briefing.nlp.rank.score import rank_sentences
from briefing.nlp.text.sentences import split_spans


@pytest.mark.parametrize(
    "line",
    [
        "ANKARA",
        "MOSCOW (Sputnik) —",
        "BEIRUT, May 4 (Reuters) -",
        "عمّان - (بترا):",
        "واس - الرياض:",
        "القاهرة:",
        "Photo: AFP",
        "(Photo by Jane Doe/Getty Images)",
        "تصوير: سامر يوسف",
        "الصورة: وزير المالية خلال المؤتمر",
        "Reporting by Omar Said; Editing by Ann Lee",
        "Demonstrators gather outside the court in the capital (AFP)",
        "جانب من الاجتماع الوزاري في العاصمة (أرشيف)",
        "© 2031 The Daily Example",
        "اقرأ أيضاً: الحكومة تقر الموازنة",
        "All rights reserved.",
    ],
)
def test_datelines_credits_captions_and_boilerplate_are_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "sentence",
    [
        "NATO leaders met in Brussels on Monday to discuss the budget.",
        "صور الأقمار الصناعية تظهر تقدم القوات نحو المدينة الساحلية.",
        "شارك الوزير في افتتاح المعرض الدولي للكتاب أمس.",
        "وقال المتحدث باسم الوزارة إن الوفد سيصل صباح الغد (بحسب رويترز) لبدء جولة طويلة من المحادثات مع "
        "الحكومة حول ملف الحدود والمياه والتجارة بين البلدين الجارين منذ سنوات طويلة.",
        "The minister said the source of the leak was found.",
    ],
)
def test_news_sentences_are_not_furniture(sentence: str) -> None:
    assert not is_furniture(sentence)


def order(text: str, upcoming: set[int] | None = None) -> list[str]:
    ranked = rank_sentences(text, split_spans(text), upcoming=upcoming or set())
    return [s.text for s in sorted(ranked, key=lambda s: s.rank)]


def test_a_dateline_line_never_takes_the_lead() -> None:
    text = (
        "MOSCOW (Sputnik) —\n"
        "Russia and Turkey agreed on Tuesday to reopen the grain corridor through the Black Sea.\n"
        "The agreement follows two weeks of talks in Istanbul between the two delegations.\n"
        "Photo: AFP"
    )
    ranked = order(text)
    assert ranked[0].startswith("Russia and Turkey")
    assert ranked[-2:] == ["MOSCOW (Sputnik) —", "Photo: AFP"]


def test_position_counts_news_sentences_only() -> None:
    text = "ANKARA\nالتقى الرئيس وفد المعارضة في القصر أمس. وبحث الجانبان ملف الانتخابات المقبلة."
    feats, _ = features(text, split_spans(text))
    assert [f["first"] for f in feats] == [0.0, 1.0, 0.0]
    assert feats[0]["position"] == 0.0 and feats[1]["position"] == 1.0


def test_the_lead_stays_first_and_the_upcoming_event_comes_next() -> None:
    text = (
        "أعلنت وزارة الصحة افتتاح مستشفى جديد للأطفال في مدينة الزرقاء بكلفة عشرين مليون دينار.\n"
        "ويضم المستشفى مئتي سرير وقسماً للعناية المركزة وآخر للطوارئ.\n"
        "وأشادت الوزارة بجهود الكوادر الطبية والهندسية التي عملت على المشروع.\n"
        "وقالت الوزارة إن الوزير سيزور المستشفى يوم الأحد المقبل لتفقد أقسامه."
    )
    plain = order(text)
    assert plain[0].startswith("أعلنت وزارة الصحة")
    # The future prefix سـ ("سيزور") is a strong future cue in its own right ...
    assert plain.index(text.splitlines()[3]) <= 2
    # ... and the event extractor's upcoming event puts the sentence right after the lead, over the lead's
    # elaboration.
    with_event = order(text, upcoming={3})
    assert with_event[:2] == [text.splitlines()[0], text.splitlines()[3]]


def test_the_future_prefix_is_a_strong_cue_and_similar_looking_nouns_are_not() -> None:
    text = (
        "وستعقد اللجنة اجتماعها الأول الشهر المقبل. وتناول الاجتماع السياسة الخارجية للبلاد. "
        "The board will meet."
    )
    feats, _ = features(text, split_spans(text))
    assert [f["ahead"] for f in feats] == [1.0, 0.0, 1.0]


def test_a_short_heading_in_ordinary_case_is_not_a_dateline() -> None:
    assert not is_furniture("Leaders meet in Brussels")


def test_analyze_ranks_the_upcoming_event_right_after_the_lead() -> None:
    from datetime import datetime  # noqa: PLC0415

    from briefing.nlp.analyze import analyze  # noqa: PLC0415

    text = (
        "وقّعت وزارة الطاقة اتفاقية مع شركة صينية لبناء محطة للطاقة الشمسية في الصحراء الشرقية.\n"
        "وتبلغ قدرة المحطة ستمئة ميغاواط وتغطي مساحة أربعين كيلومتراً مربعاً.\n"
        "وأوضحت الوزارة أن المحطة ستزود نحو مئتي ألف منزل بالكهرباء.\n"
        "ويزور رئيس الوزراء موقع المشروع يوم الخميس المقبل لوضع حجر الأساس."
    )
    analysis = analyze(text, datetime.fromisoformat("2031-05-04T10:00:00+03:00"), title="محطة شمسية جديدة")
    assert any(e.sentence_index == 3 for e in analysis.events)
    top = [s.index for s in sorted(analysis.sentences, key=lambda s: s.rank)]
    assert top[:2] == [0, 3]
