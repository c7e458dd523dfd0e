"""The shipped CLDR city list is what babel and wordfreq give today (regenerate it after upgrading them)."""

from __future__ import annotations

from importlib import resources

from briefing.nlp.actors.cldr_cities import live_cities


def test_data_file_equals_the_live_computation() -> None:
    text = resources.files("briefing").joinpath("data", "cldr_cities.tsv").read_text(encoding="utf-8")
    rows = [tuple(line.split("\t")) for line in text.splitlines() if line and not line.startswith("#")]
    assert rows[0] == ("id", "ar", "en")
    assert rows[1:] == list(live_cities())
