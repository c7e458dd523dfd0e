"""Story clustering across languages and across the events of one report: the keys an Arabic and an English
report can share, one person's latin spellings, and the event a report leads with.

The items are built by hand from keys (what `features` gives), so each test states exactly which keys the
articles share; the last test checks that `features` records what these rules read.
"""

from __future__ import annotations

from datetime import datetime

from briefing.nlp.analyze import analyze
from briefing.nlp.stories.centre import LANG
from briefing.nlp.stories.cluster import DAY, WEIGHTS, Item, assign, features
from briefing.nlp.stories.spelling import fold_spellings

DAY0 = 19790.0


def item(article_id: int, lang: str, *keys: str, day: float = DAY0) -> Item:
    return Item(article_id, {**{k: WEIGHTS[k.split(":")[0]] for k in keys}, DAY: day, LANG + lang: 1.0})


def test_an_arabic_report_joins_the_english_one_on_the_keys_english_can_carry() -> None:
    # the Arabic report names the town, the date and the party in their cross-script forms, and officials
    # whose names stayed in Arabic script: those are no sign of another event, and do not dilute the match
    english = item(
        1,
        "en",
        "place:p:kuwait-city",
        "date:2024-04-04",
        "org:o:national-assembly",
        "person:fahad al-yousef",
        "country:KW",
        "term:vote",
        "term:parliament",
        "term:emir",
    )
    arabic = item(
        2,
        "ar",
        "place:p:kuwait-city",
        "date:2024-04-04",
        "org:o:national-assembly",
        "country:KW",
        "person:عبد الله الراشد",
        "person:سالم المطيري",
        "org:المجلس السابق",
        "org:ادارة الانتخابات",
        "term:انتخابات",
        "term:مجلس",
        "term:امة",
        day=DAY0 + 1.2,
    )
    assert len(set(assign([english, arabic], []).values())) == 1


def test_arabic_script_names_still_count_between_arabic_reports() -> None:
    # the same two reports in one language: the names in Arabic script could have been shared, and were not
    first = item(
        1,
        "ar",
        "place:p:kuwait-city",
        "date:2024-04-04",
        "person:عبد الله الراشد",
        "term:انتخابات",
    )
    second = item(
        2,
        "ar",
        "place:p:kuwait-city",
        "person:سالم المطيري",
        "term:مؤتمر",
        "term:نفط",
        day=DAY0 + 1.2,
    )
    assert len(set(assign([first, second], []).values())) == 2


def test_a_report_leading_with_another_event_stays_out() -> None:
    # two reports of a meeting in Cairo on the 25th; then two reports leading with the minister's visit to
    # Amman on the 21st, the first stop of a tour, one of which also mentions the meeting (same ministers,
    # same towns further down)
    meeting = (
        "person:sameh shoukry",
        "person:ayman safadi",
        "place:p:cairo",
        "date:2024-03-25",
        "lead:2024-03-25",
    )
    a = item(1, "ar", *meeting, "place:p:gaza", "term:اجتماع")
    b = item(2, "ar", *meeting, "org:o:arab-league", "term:اجتماع", day=DAY0 + 0.6)
    c = item(
        3,
        "en",
        "person:sameh shoukry",
        "person:ayman safadi",
        "place:p:amman",
        "place:p:cairo",
        "place:p:gaza",
        "place:p:baghdad",
        "place:p:beirut",
        "date:2024-03-21",
        "lead:2024-03-21",
        "date:2024-03-25",
        "org:o:arab-league",
        "term:visit",
        "term:tour",
        day=DAY0 + 1.4,
    )
    d = item(
        4, "ar", "person:sameh shoukry", "place:p:amman", "date:2024-03-21", "lead:2024-03-21", day=DAY0 + 2.2
    )
    out = assign([a, b, c, d], [])
    assert out[1] == out[2]
    assert out[3] == out[4]
    assert out[1] != out[3]


def test_features_record_the_language_and_the_lead_dates() -> None:
    text = (
        "Foreign ministers will meet in Cairo on Monday to discuss aid deliveries. "
        "The talks follow weeks of preparation. "
        "The ministers will visit Amman on Thursday."
    )
    f = features(
        analyze(text, datetime.fromisoformat("2024-03-20T09:00:00+00:00"), title="Ministers to meet")
    )
    assert f[LANG + "en"] == 1.0
    leads = {k for k in f if k.startswith("lead:")}
    assert leads == {"lead:2024-03-25"}
    assert "date:2024-03-21" in f and f["lead:2024-03-25"] == 0.0


def test_spellings_of_one_name_a_vowel_apart_are_one_person() -> None:
    # the English report's spelling and the romanized Arabic one: a short vowel, a doubled letter
    english = item(
        1, "en", "person:meshal al-ahmad al-sabah", "person:mohammed bin salman", "date:2024-04-04"
    )
    arabic = item(
        2,
        "ar",
        "person:mishal al-ahmad al-sabah",
        "person:mohamed bin salman",
        "date:2024-04-04",
        day=DAY0 + 1,
    )
    out = list(fold_spellings([english, arabic]))
    assert out[0] is english
    assert set(out[1].features) == {"person:meshal al-ahmad al-sabah", "person:mohammed bin salman"} | {
        "date:2024-04-04",
        DAY,
        LANG + "ar",
    }
    assert len(set(assign([english, arabic], []).values())) == 1


def test_names_more_than_a_vowel_apart_stay_two_persons() -> None:
    a = item(1, "en", "person:hassan ali", "person:ali abbas", "person:omar")
    b = item(2, "en", "person:hussein ali", "person:ali abbasi", "person:umar")
    assert list(fold_spellings([a, b]))[1] is b
