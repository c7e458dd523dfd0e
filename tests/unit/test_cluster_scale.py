"""Story clustering at the scale of a real day: no chains, no frequent keys as links, linear cost.

The items here are built by hand from keys (what `features` gives), so each test states exactly which keys
the articles share.
"""

from __future__ import annotations

from collections import Counter

import pytest

from briefing.nlp.stories import cluster
from briefing.nlp.stories.cluster import DAY, Item, assign
from briefing.nlp.stories.rarity import Rarity
from tests.unit.test_cluster import count_scores

DAY0 = 16650.0


def item(article_id: int, *keys: str, day: float = DAY0) -> Item:
    weights = {"person": 3.0, "org": 1.5, "place": 1.5, "country": 0.5, "date": 2.0, "num": 1.0, "term": 0.7}
    return Item(article_id, {**{k: weights[k.split(":")[0]] for k in keys}, DAY: day})


def background(n: int, start: int = 1000) -> list[Item]:
    """n unrelated articles of the same days, each naming the country and one name of its own."""
    return [
        item(start + i, "country:SA", "org:the kingdom", f"person:p{i}", f"term:w{i}", day=DAY0 + (i % 3) / 3)
        for i in range(n)
    ]


def test_a_chain_of_weak_links_does_not_make_one_story() -> None:
    # A match report, an illness of one of the club's players, the club's training camp, another club's
    # camp in the same town: each shares one name with the one before, none reports the same event.
    chain = [
        item(1, "org:barcelona", "org:sevilla", "place:tbilisi", "term:super", "term:cup", "term:final"),
        item(2, "org:barcelona", "org:sevilla", "place:tbilisi", "term:super", "term:cup", "term:goal"),
        item(3, "person:neymar", "org:barcelona", "term:illness", "term:mumps", "term:miss"),
        item(4, "person:neymar", "org:santos", "term:illness", "term:mumps", "term:doctor"),
        item(5, "org:santos", "place:amsterdam", "term:training", "term:camp", "term:friendly"),
        item(6, "org:ajax", "place:amsterdam", "term:training", "term:camp", "term:stadium"),
    ]
    out = assign(chain, background(300))
    assert out[1] == out[2]  # two reports of the final
    assert out[3] == out[4]  # two reports of the illness
    assert len({out[1], out[3], out[5]}) == 3
    assert out[6] != out[5]


def test_a_frequent_key_never_links_two_articles() -> None:
    # Every article of the window names the Kingdom: two articles that share only it (and the country)
    # report different things, however rare their other words.
    a = item(1, "org:the kingdom", "country:SA", "person:alpha", "term:honey", "term:festival")
    b = item(2, "org:the kingdom", "country:SA", "person:beta", "term:honey", "term:festival")
    out = assign([a, b], background(300))
    assert out[1] != out[2]
    rarity = Rarity()
    for x in (*background(300), a, b):
        rarity.count(x.features[DAY], x.features)
    assert rarity.frequent(DAY0, "org:the kingdom") and not rarity.frequent(DAY0, "person:alpha")


def test_a_member_must_be_close_to_the_centre_not_only_to_one_member() -> None:
    core = ("person:minister x", "place:amman", "date:2015-08-03", "term:visit", "term:talks")
    story = [item(i, *core) for i in range(1, 5)]
    # shares the place and the date with the story, plus its own rare persons and words: another event
    stray = item(9, "place:amman", "person:singer y", "person:singer z", "term:concert", "term:tickets")
    out = assign([*story, stray], background(200))
    assert len({out[i] for i in range(1, 5)}) == 1
    assert out[9] != out[1]


def test_cost_grows_linearly_with_the_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = count_scores(monkeypatch)
    per_item = []
    for n in (400, 1600):
        calls[0] = 0
        # every article names the country, the league and one of 40 clubs: clubs are shared by many
        items = [
            item(i, "country:SA", "org:league", f"org:club{i % 40}", f"person:p{i}", day=DAY0 + (i % 4) / 4)
            for i in range(n)
        ]
        assign(items, [])
        per_item.append(calls[0] / n)
    assert per_item[1] <= per_item[0] * 1.15 + 1
    assert per_item[1] <= cluster.BLOCK_KEYS * cluster.PER_KEY


def test_story_ids_keep_the_existing_stories() -> None:
    old = [Item(i, item(i, "person:envoy", "place:geneva", "term:talks").features, "s-old") for i in (1, 2)]
    new = item(3, "person:envoy", "place:geneva", "term:talks", "term:round")
    out = assign([new], old)
    assert out == {3: "s-old"}
    assert Counter(out.values()) == {"s-old": 1}


def minister_day(monkeypatch: pytest.MonkeyPatch | None = None) -> dict[int, str]:
    """A minister who was the subject of three stories yesterday does three different things today (opens
    a port, signs a loan, visits a hospital), each reported by two papers; each event's reports share only
    the minister and the words of the event, nothing else the clusterer links on."""
    words = {
        "port": ("term:port", "term:open", "term:berth", "term:cargo", "term:crane"),
        "loan": ("term:loan", "term:sign", "term:bank", "term:fund", "term:billion"),
        "ward": ("term:hospital", "term:ward", "term:patient", "term:visit", "term:nurse"),
    }
    yesterday = [
        Item(900 + i, item(900 + i, "person:minister", f"term:y{i}", day=DAY0 - 1).features, f"y{i}")
        for i in range(3)
    ]
    today = []
    for n, event in enumerate(("port", "loan", "ward")):
        first, second = words[event][:4], words[event][1:]
        today += [
            item(10 + n, "person:minister", *first, day=DAY0 + n / 10),
            item(20 + n, "person:minister", *second, day=DAY0 + 0.5 + n / 10),
        ]
    today.sort(key=lambda x: x.features[DAY])
    return assign(today, [*yesterday, *background(300)])


def test_a_busy_minister_doing_three_things_stays_three_stories(monkeypatch: pytest.MonkeyPatch) -> None:
    out = minister_day()
    assert [out[10], out[11], out[12]] == [out[20], out[21], out[22]]  # each event's two reports: one story
    assert len({out[10], out[11], out[12]}) == 3
    # closeness beyond the shared name is what keeps them apart: without it, all join one
    monkeypatch.setattr(cluster, "EVENT_SIMILARITY", 0.0)
    merged = minister_day()
    assert len({merged[i] for i in (10, 11, 12, 20, 21, 22)}) < 3


def test_one_event_of_a_busy_minister_joins_on_a_second_name() -> None:
    # the minister (first and last name: a given name alone is no name, see `_who`) is in four stories'
    # cores; five papers report his port opening, each naming him and the port authority but in their own
    # words: the second shared name links them
    busy = [
        Item(900 + i, item(900 + i, "person:minister m", f"term:y{i}", day=DAY0 - 0.5).features, f"y{i}")
        for i in range(4)
    ]
    reports = [
        item(i, "person:minister m", "org:port authority", f"term:w{i}a", f"term:w{i}b", day=DAY0 + i / 10)
        for i in range(1, 6)
    ]
    out = assign(reports, [*busy, *background(300)])
    assert len({out[i] for i in range(1, 6)}) == 1
    assert out[1] not in {"y0", "y1", "y2", "y3"}


def test_names_no_other_article_gives_do_not_use_up_the_candidate_keys() -> None:
    # A short report names the meeting's place and date; a longer one names the same, plus more officials
    # than `BLOCK_KEYS` whom no other article names (so they are its rarest keys): it still finds the story
    # through the place and the date.
    short = item(1, "place:cairo", "place:gaza", "date:2024-03-25", "term:ministers", "term:aid", "term:meet")
    officials = [f"person:official {i}" for i in range(cluster.BLOCK_KEYS + 2)]
    long = item(
        2,
        *officials,
        "place:cairo",
        "place:gaza",
        "date:2024-03-25",
        "term:ministers",
        "term:aid",
        day=DAY0 + 0.5,
    )
    out = assign([short, long], background(200))
    assert out[1] == out[2]


def named(article_id: int, *keys: str, names: tuple[str, ...] = (), day: float = DAY0) -> Item:
    """`item`, plus the words of the names it gives (what `features` records under `NAME`)."""
    features = dict(item(article_id, *keys, day=day).features)
    return Item(article_id, {**features, **{cluster.NAME + w: 1.0 for w in names}})


def test_an_authority_whose_titles_repeat_its_name_has_one_story_per_event() -> None:
    # The food authority's name is two words and the analysis keeps only the first as its key; every
    # title repeats both. A survey of oils and a campaign against poisoning, two papers each, the same day:
    # the one shared name and the words of that name are no evidence of one event.
    name = ("term:food", "term:drug")
    survey = tuple(
        f"term:{w}" for w in ("survey", "oils", "hydrocarbons", "levels", "samples", "safe", "lab")
    )
    campaign = tuple(
        f"term:{w}" for w in ("campaign", "poisoning", "summer", "awareness", "cities", "launch")
    )
    items = [
        named(1, "org:food authority", *name, *survey, names=("food", "authority"), day=DAY0),
        named(2, "org:food authority", *name, *survey[:3], names=("food", "authority"), day=DAY0 + 0.1),
        named(3, "org:food authority", *name, *campaign, names=("food", "authority"), day=DAY0 + 0.2),
        named(4, "org:food authority", *name, *campaign[1:], names=("food", "authority"), day=DAY0 + 0.3),
    ]
    out = assign(items, background(300))
    assert out[1] == out[2] and out[3] == out[4]
    assert out[1] != out[3]


def test_a_quiet_story_is_revived_only_by_the_same_event() -> None:
    # A governor and his region: two names. Two days ago two papers reported his condolence visit; today
    # one reports a college project he reviewed, another the next step of the condolence (an award to the
    # family): the project starts its own story, the development joins.
    keys = ("person:governor g", "place:region r")
    old = [
        Item(
            i,
            named(i, *keys, "term:condolence", "term:family", "term:martyr", day=DAY0 - 2).features,
            "s-old",
        )
        for i in (1, 2)
    ]
    college = named(3, *keys, "term:college", "term:tourism", "term:project", "term:campus", day=DAY0)
    award = named(4, *keys, "term:martyr", "term:family", "term:award", day=DAY0 + 0.1)
    out = assign([college, award], [*old, *background(300)])
    assert out[3] != "s-old"
    assert out[4] == "s-old"


def test_a_short_form_of_a_name_or_a_given_name_alone_is_no_second_name() -> None:
    # A minister's two events the same day: each report names him in full or by first and last name, and
    # the analysis took a place word for a one-word person in all of them. Two persons by key, one by name.
    keys = ("person:azzam bin muhammad dakhil", "person:azzam dakhil", "person:ubaida")
    schools = tuple(f"term:{w}" for w in ("schools", "border", "term", "start", "date", "plan", "twinning"))
    ceremony = tuple(f"term:{w}" for w in ("ceremony", "closing", "ambassadors", "sponsors", "students"))
    items = [
        item(1, *keys, *schools, day=DAY0),
        item(2, *keys, *schools[1:], day=DAY0 + 0.1),
        item(3, *keys, *ceremony, day=DAY0 + 0.2),
        item(4, *keys, *ceremony[1:], day=DAY0 + 0.3),
    ]
    out = assign(items, background(300))
    assert out[1] == out[2] and out[3] == out[4]
    assert out[1] != out[3]
    assert cluster._who(["person:azzam dakhil", "person:azzam bin muhammad dakhil", "person:ubaida"]) == 1
    assert cluster._who(["org:هيئه السياحه", "org:الهيئه العامه للسياحه", "person:محمد العمره"]) == 2


def king_calls() -> dict[int, str]:
    """The king, in three stories' cores yesterday, calls two presidents today; each call is reported in the
    same words (a phone call, relations, the region) and by the president's full name."""
    yesterday = [
        Item(900 + i, item(900 + i, "person:king salman", f"term:y{i}", day=DAY0 - 1).features, f"y{i}")
        for i in range(3)
    ]
    call = ("term:phone", "term:call", "term:relations", "term:region", "term:situation")
    today = [
        item(1, "person:king salman", "person:abdel fattah sisi", *call, "term:declaration", day=DAY0),
        item(
            2, "person:king salman", "person:abdel fattah sisi", *call[1:], "term:declaration", day=DAY0 + 0.1
        ),
        item(3, "person:king salman", "person:francois hollande", *call, "term:paris", day=DAY0 + 0.2),
    ]
    return assign(today, [*yesterday, *background(300)])


def test_the_same_kind_of_event_with_another_party_is_another_story(monkeypatch: pytest.MonkeyPatch) -> None:
    out = king_calls()
    assert out[1] == out[2]
    assert out[3] != out[1]
    # the other president is what tells them apart: the words of a call are the same for both
    monkeypatch.setattr(cluster, "_other_party", lambda *_: False)
    merged = king_calls()
    assert merged[3] == merged[1]
