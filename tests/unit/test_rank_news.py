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
        "رابط الخبر بصحيفة المساء: افتتاح جسر جديد على النهر",
        "Link to the story: New bridge opens over the river",
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


def order(text: str, upcoming: set[int] | None = None, title: str = "") -> list[str]:
    ranked = rank_sentences(text, split_spans(text), title=title, upcoming=upcoming or set())
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


def test_a_headline_lifts_the_second_item_it_names() -> None:
    # Two items under one headline: the minister's tour, then, after «وفي سياق آخر», the new hospital. The
    # headline names both, so the sentence that opens the second item joins the lead in the top 3 over the
    # first item's details; without a title the details keep their places.
    text = (
        "تفقد وزير الصحة أمس مستودعات الأدوية في الميناء الجنوبي برفقة عدد من مديري الإدارات.\n"
        "واطلع الوزير خلال الجولة على آلية استلام الشحنات وتخزينها في المستودعات المبردة.\n"
        "واستمع إلى شرح من مدير المستودعات عن خطط التوسعة وعدد العاملين في الموقع.\n"
        "وأشاد بمستوى التنظيم داخل المستودعات وبالتزام العاملين بمعايير السلامة.\n"
        "وفي سياق آخر، افتتح الوزير مستشفى الأطفال الجديد في حي الربوة بسعة مئتي سرير.\n"
        "وحضر الافتتاح عدد من أعضاء المجلس البلدي وممثلو الجمعيات الأهلية."
    )
    lead, *_, second_item, _ = text.splitlines()
    top = order(text, title="وزير الصحة يتفقد مستودعات الأدوية ويفتتح مستشفى الأطفال")[:3]
    assert top[0] == lead and second_item in top
    assert second_item not in order(text)[:3]


def test_in_a_titled_article_a_plan_without_a_date_outranks_the_leads_details() -> None:
    text = (
        "اختتمت اللجنة الوزارية المشتركة اجتماعاتها في العاصمة بعد يومين من المباحثات حول التجارة.\n"
        "وشارك في الاجتماعات ممثلون عن وزارات الاقتصاد والمالية والنقل في البلدين.\n"
        "وتناولت المباحثات حجم التبادل التجاري بين البلدين خلال العام الماضي.\n"
        "وعرض الجانبان أرقام الصادرات والواردات في القطاعات الزراعية والصناعية.\n"
        "وستوقع الحكومتان اتفاقية لإلغاء الرسوم الجمركية على المنتجات الزراعية."
    )
    plan = text.splitlines()[-1]
    assert plan in order(text, title="اختتام اجتماعات اللجنة الوزارية المشتركة")[:3]


def test_a_plan_told_during_an_announced_visit_and_a_quoted_headline_get_no_credit() -> None:
    # The future cue of a sentence that points back to the visit ("خلال زيارته") is the visit's, already
    # counted; a quote that repeats the headline's words supports the news, it is not the news.
    text = (
        "يزور رئيس الوزراء العاصمة الفرنسية الأسبوع المقبل.\n"
        "وسيلتقي خلال زيارته وزير الاقتصاد الفرنسي.\n"
        "وقال المتحدث: «رئيس الوزراء يزور العاصمة الفرنسية».\n"
        "وقال المتحدث إن رئيس الوزراء يزور العاصمة الفرنسية."
    )
    feats, _ = features(text, split_spans(text), title="رئيس الوزراء يزور العاصمة الفرنسية")
    assert feats[1]["ahead"] == 0.0
    assert feats[2]["headline"] < 0.5 * feats[3]["headline"]
