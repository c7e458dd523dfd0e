"""The shipped CLDR city and territory lists are what babel and wordfreq give today (regenerate them after
upgrading either)."""

from __future__ import annotations

from importlib import resources

from briefing.nlp.actors.cldr_cities import live_cities, live_territories


def _rows(name: str) -> list[tuple[str, ...]]:
    text = resources.files("briefing").joinpath("data", name).read_text(encoding="utf-8")
    return [tuple(line.split("\t")) for line in text.splitlines() if line and not line.startswith("#")]


def test_data_file_equals_the_live_computation() -> None:
    rows = _rows("cldr_cities.tsv")
    assert rows[0] == ("id", "ar", "en")
    assert rows[1:] == list(live_cities())


def test_territory_file_equals_babels_names() -> None:
    rows = _rows("cldr_territories.tsv")
    assert rows[0] == ("code", "ar", "en")
    assert rows[1:] == list(live_territories())
    assert ("SY", "سوريا", "Syria") in rows
