"""Every row of the Actors table in docs/ARABIC.md, in Arabic and English, plus the name-boundary rules."""

from __future__ import annotations

from briefing.models import Actor, Sentence
from briefing.nlp.actors.extract import extract_actors
from briefing.nlp.text.sentences import split_spans


def actors(text: str, lang: str = "ar", author: str | None = None) -> list[Actor]:
    sentences = [Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(split_spans(text))]
    found = extract_actors(text, lang, sentences, author=author)
    for actor in found:  # every mention points into the text
        for s, e in actor.mentions:
            assert 0 <= s < e <= len(text)
    return found


def persons(text: str, lang: str = "ar", author: str | None = None) -> dict[str, Actor]:
    return {a.name: a for a in actors(text, lang, author) if a.kind == "person"}


def spans(text: str, actor: Actor) -> list[str]:
    return [text[s:e] for s, e in actor.mentions]


# --- Arabic rows ------------------------------------------------------------------------------------------


def test_title_demonym_name() -> None:
    found = persons("التقى وزير الدفاع الإيراني حميد رضا أشتياني في طهران نظيره السوري.")
    assert list(found) == ["حميد رضا أشتياني"]
    assert found["حميد رضا أشتياني"].roles == ("وزير الدفاع",)
    assert found["حميد رضا أشتياني"].affiliation == "إيران"


def test_title_in_the_government_of_name() -> None:
    found = persons("التقى وزير الدفاع في حكومة النظام السوري علي عباس، مساء اليوم، وفداً عسكرياً.")
    abbas = found["علي عباس"]
    assert abbas.roles == ("وزير الدفاع",)
    assert abbas.affiliation == "سورية"  # the gazetteer's spelling when the article names no country


def test_long_title_with_geir() -> None:
    text = "ومن المقرر أن يصل المبعوث الأممي الخاص إلى سورية غير بيدرسون إلى دمشق يوم غد."
    pedersen = persons(text)["غير بيدرسون"]
    assert pedersen.roles == ("المبعوث الأممي الخاص إلى سورية",)
    assert pedersen.affiliation == "الأمم المتحدة"
    assert pedersen.name_latin == "Geir Pedersen"


def test_stacked_titles() -> None:
    text = "والتقى السفير الروسي في دمشق الممثل الخاص للرئيس الروسي بسورية ألكسندر يفيموف."
    found = persons(text)
    assert list(found) == ["ألكسندر يفيموف"]
    assert found["ألكسندر يفيموف"].roles == ("السفير الروسي في دمشق", "الممثل الخاص للرئيس الروسي بسورية")
    assert found["ألكسندر يفيموف"].affiliation == "روسيا"


def test_title_comma_name() -> None:
    text = "وكان المتحدث باسم الخارجية التركية، أونجو كيتشالي، قد أشار إلى أن الحوار متوقف."
    keceli = persons(text)["أونجو كيتشالي"]
    assert keceli.roles == ("المتحدث باسم الخارجية التركية",)
    assert keceli.affiliation == "تركيا"


def test_dual_title_shared_by_two_names() -> None:
    text = "أجريت مشاورات برئاسة نائبي وزير الخارجية التركي بوراك أكجابار، والروسي ميخائيل غالوزين، في أنقرة."
    found = persons(text)
    assert set(found) == {"بوراك أكجابار", "ميخائيل غالوزين"}
    assert found["بوراك أكجابار"].roles == found["ميخائيل غالوزين"].roles == ("نائب وزير الخارجية",)
    assert found["بوراك أكجابار"].affiliation == "تركيا"
    assert found["ميخائيل غالوزين"].affiliation == "روسيا"


def test_later_short_mentions_merge() -> None:
    text = (
        "التقى وزير الدفاع الإيراني حميد رضا أشتياني وزير الدفاع السوري علي عباس. "
        "ونقلت وسائل إعلام عن رضا أشتياني قوله إن اللقاء مثمر. واعتبر عباس أن التعاون ضروري. "
        "ويصل المبعوث الأممي غير بيدرسون غداً، وينتظر أن يلتقي بيدرسون مسؤولين."
    )
    found = persons(text)
    assert set(found) == {"حميد رضا أشتياني", "علي عباس", "غير بيدرسون"}
    assert spans(text, found["حميد رضا أشتياني"]) == ["حميد رضا أشتياني", "رضا أشتياني"]
    assert spans(text, found["علي عباس"]) == ["علي عباس", "عباس"]
    assert spans(text, found["غير بيدرسون"]) == ["غير بيدرسون", "بيدرسون"]
    assert found["غير بيدرسون"].aliases == ("بيدرسون",)


def test_clitics_on_later_mentions() -> None:
    text = (
        "وصل المبعوث الأممي غير بيدرسون إلى دمشق، والتقى وزير الخارجية فيصل المقداد ووزير الدفاع علي عباس. "
        "وقالت مصادر لبيدرسون إن الاجتماع بالمقداد كان مثمراً، وإن بيدرسون وعباس بحثا الوضع الأمني."
    )
    found = persons(text)
    assert spans(text, found["غير بيدرسون"]) == ["غير بيدرسون", "بيدرسون", "بيدرسون"]
    assert spans(text, found["فيصل المقداد"]) == ["فيصل المقداد", "المقداد"]
    assert spans(text, found["علي عباس"]) == ["علي عباس", "عباس"]
    clitic = text.index("وعباس")
    assert (clitic + 1, clitic + 5) in found["علي عباس"].mentions  # the span leaves the clitic out


def test_false_friends() -> None:
    assert persons("وقال إن تواجد القوات الأجنبية في سورية غير قانوني ويجب أن ينتهي.") == {}
    assert persons("ارتفعت أسعار الخبز في حي عباس بمدينة بندر عباس الإيرانية.") == {}
    assert persons("وقال مسؤول إن الوضع غير مستقر في المنطقة.") == {}


def test_author_and_credits_are_not_actors() -> None:
    text = "كتب محمد كركص أن وزير الخارجية السوري فيصل المقداد التقى نظيره الإيراني."
    found = persons(text, author="محمد كركص")
    assert list(found) == ["فيصل المقداد"]


def test_countries_and_places() -> None:
    text = (
        "وصل الوفد إلى سورية قادماً من طهران، ثم زار دمشق وغزة، فيما قالت الولايات المتحدة إن سوريا "
        "لم تلتزم بالاتفاق. وعاد الوفد إلى سوريّة بعد أسبوع."
    )
    found = actors(text)
    assert not [a for a in found if a.kind == "person"]
    kinds = {a.name: a.kind for a in found}
    assert kinds["سورية"] == "country"
    assert kinds["الولايات المتحدة"] == "country"
    assert kinds["طهران"] == kinds["دمشق"] == kinds["غزة"] == "place"
    syria = [a for a in found if a.key == "country:SY"]
    assert len(syria) == 1 and len(syria[0].mentions) == 3
    assert "سوريا" in syria[0].aliases


def test_demonyms_give_affiliations_not_actors() -> None:
    text = (
        "قال الرئيس السوري بشار الأسد إن الجيش سيرد. وأكد المبعوث الأمريكي جيمس جيفري والسفير الأميركي "
        "روبرت فورد والمتحدث الإسرائيلي أفيخاي أدرعي والمبعوث الأممي غير بيدرسون أن الحل سياسي. "
        "وقال وزير الدفاع التركي يشار غولر إن نظيره الروسي سيزور أنقرة."
    )
    found = actors(text)
    by_name = {a.name: a for a in found}
    assert by_name["بشار الأسد"].affiliation == "سورية"
    assert by_name["جيمس جيفري"].affiliation == "الولايات المتحدة"
    assert by_name["روبرت فورد"].affiliation == "الولايات المتحدة"
    assert by_name["أفيخاي أدرعي"].affiliation == "إسرائيل"
    assert by_name["غير بيدرسون"].affiliation == "الأمم المتحدة"
    assert by_name["يشار غولر"].affiliation == "تركيا"
    assert not {"سورية", "الولايات المتحدة", "إسرائيل", "تركيا", "روسيا"} & {a.name for a in found}


def test_organisations() -> None:
    text = (
        "وكانت وزارة الخارجية التركية قد ذكرت أن اجتماعات اللجنة الدستورية ستستأنف، فيما دعا مجلس الأمن "
        'إلى التهدئة. وكشفت صحيفة "الشرق الأوسط" عن مصادر دبلوماسية، ونقلت وكالة سانا عن مسؤول أن '
        "جامعة الدول العربية وحركة حماس وحزب الله رحبوا بالخطوة."
    )
    orgs = {a.name: a for a in actors(text) if a.kind == "org"}
    for name in (
        "وزارة الخارجية التركية",
        "اللجنة الدستورية",
        "مجلس الأمن",
        "الشرق الأوسط",
        "جامعة الدول العربية",
        "حزب الله",
    ):
        assert name in orgs, name
    assert any(name in orgs for name in ("وكالة سانا", "سانا"))
    assert any(name in orgs for name in ("حركة حماس", "حماس"))
    assert orgs["الشرق الأوسط"].name_latin == "Asharq Al-Awsat"  # the newspaper, not the region


# --- where a name ends -----------------------------------------------------------------------------------


def test_name_ends_at_preposition_verb_quote_and_conjunction() -> None:
    assert "حسين أكبري" in persons("والتقى السفير الإيراني حسين أكبري في دمشق وزير الخارجية.")
    assert "بشار الأسد" in persons("استقبل الرئيس السوري بشار الأسد اليوم وفداً.")
    text = 'وقال الرئيس الفلسطيني محمود عباس "لن نرحل"، ووزير الخارجية رياض المالكي إن الموقف ثابت.'
    found = persons(text)
    assert {"محمود عباس", "رياض المالكي"} <= set(found)
    text = "قال المحلل السياسي سمير العبد الله سيزور دمشق."
    assert "سمير العبد الله" in persons(text)


def test_name_has_at_most_four_words() -> None:
    found = persons("وقال الباحث محمد أحمد حسين علي يوسف إن التقرير دقيق.")
    assert all(len(name.split()) <= 4 for name in found)


# --- English rows ----------------------------------------------------------------------------------------


def test_english_titles() -> None:
    text = (
        "Defense Minister Ali Abbas met his Iranian counterpart. U.N. envoy Geir Pedersen will visit "
        "Damascus, where he will meet Syrian Foreign Minister Faisal Mekdad. Turkey's foreign ministry "
        "spokesman Oncu Keceli said talks had stalled."
    )
    found = persons(text, "en")
    assert found["Ali Abbas"].roles == ("Defense Minister",)
    assert found["Geir Pedersen"].roles == ("U.N. envoy",)
    assert found["Geir Pedersen"].affiliation == "United Nations"
    assert found["Faisal Mekdad"].roles == ("Foreign Minister",)
    assert found["Faisal Mekdad"].affiliation == "Syria"
    assert found["Oncu Keceli"].roles == ("foreign ministry spokesman",)
    assert found["Oncu Keceli"].affiliation == "Turkey"
    places = {a.name: a.kind for a in actors(text, "en") if a.kind != "person"}
    assert places["Damascus"] == "place"


def test_english_later_mentions() -> None:
    text = (
        "U.N. envoy Geir Pedersen arrived on Sunday. Pedersen said the talks were useful. Mr. Pedersen left."
    )
    pedersen = persons(text, "en")["Geir Pedersen"]
    assert spans(text, pedersen) == ["Geir Pedersen", "Pedersen", "Pedersen"]


def test_english_unknown_names_and_appositions() -> None:
    text = "Karim Sadjadpour, a fellow at the Carnegie Endowment, said Tehran was cautious. Sadjadpour added."
    found = persons(text, "en")
    assert spans(text, found["Karim Sadjadpour"]) == ["Karim Sadjadpour", "Sadjadpour"]
    text = "Hans Grundberg, the U.N. special envoy for Yemen, said the truce held."
    assert persons(text, "en")["Hans Grundberg"].roles == ("U.N. special envoy for Yemen",)


def test_elided_article_after_li_is_restored_in_the_name() -> None:
    from briefing.nlp.actors.extract import extract_actors
    from briefing.nlp.text.sentences import split_spans

    text = "وقال المتحدث إن الرسالة وجهت للأمم المتحدة، وإن الدعم مستمر للبنان والأردن."
    sentences = [Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(split_spans(text))]
    names = {a.name for a in extract_actors(text, "ar", sentences)}
    assert "الأمم المتحدة" in names and "لأمم المتحدة" not in names
    assert "لبنان" in names


def test_an_accusative_participle_ends_the_name() -> None:
    assert list(persons("وقال الرئيس محمود عباس مؤكدا أن القدس خط أحمر.")) == ["محمود عباس"]
    assert list(persons("توفي الشاب أحمد جرادات متأثرا بجروحه.")) == ["أحمد جرادات"]


def test_after_a_title_and_a_given_name_a_frequent_definite_noun_is_the_verbs_object() -> None:
    found = persons("وحمّل الرئيس عباس الاحتلال المسؤولية.")
    assert [spans("وحمّل الرئيس عباس الاحتلال المسؤولية.", a) for a in found.values()] == [["عباس"]]


def test_a_definite_word_closing_the_phrase_after_a_title_and_an_ambiguous_given_name() -> None:
    assert list(persons("الحاج نمر الطويل مع أهالي القرية .")) == ["نمر الطويل"]
    assert list(persons("السيد عادل الكبير في مكتبه .")) == ["عادل الكبير"]
