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
