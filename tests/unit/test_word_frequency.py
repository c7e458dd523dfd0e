"""The word-frequency table answers what wordfreq answers, is rebuilt when wordfreq's lists change, and is
never needed: without it every question goes to wordfreq."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from wordfreq import get_frequency_dict, top_n_list, zipf_frequency

from briefing.nlp.text import word_frequency

# Forms wordfreq changes before looking up (marks, tatweel, capitals, digits, two words): the slow path.
ODD = ["مُحمّد", "الـرئيس", "Minister", "Geir Pedersen", "ناتو123", "2024", "سيزور", "xqzvw", "‏دمشق"]


@pytest.fixture
def fresh_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "words.sqlite3"
    monkeypatch.setattr(word_frequency, "table_path", lambda: path)
    word_frequency._table.cache_clear()
    yield path
    word_frequency._table.cache_clear()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_table_gives_wordfreqs_zipf_values_and_lists(lang: str) -> None:
    words = list(get_frequency_dict(lang))
    sample = random.Random(7).sample(words, 3000) + ODD
    assert word_frequency._table() is not None  # built or found: the fast path is what is tested
    assert [word_frequency.zipf(w, lang) for w in sample] == [zipf_frequency(w, lang) for w in sample]
    for n in (10, 3000, 10_000):
        assert word_frequency.top_words(lang, n) == top_n_list(lang, n)


def test_a_missing_table_is_built_once_and_a_stale_one_rebuilt(fresh_table: Path) -> None:
    assert word_frequency.zipf("الرئيس", "ar") == zipf_frequency("الرئيس", "ar")
    assert fresh_table.exists()
    conn = sqlite3.connect(fresh_table)
    conn.execute("UPDATE meta SET value = 'large_ar.msgpack.gz:1:1'")  # as after a wordfreq upgrade
    conn.execute("DELETE FROM words_ar")
    conn.commit()
    conn.close()
    word_frequency._table.cache_clear()
    assert word_frequency.zipf("الرئيس", "ar") == zipf_frequency("الرئيس", "ar") > 5


def test_without_a_table_wordfreq_answers(fresh_table: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path | None = None) -> Path:
        raise OSError("read-only file system")

    monkeypatch.setattr(word_frequency, "build", refuse)
    assert word_frequency.zipf("الوزير", "ar") == zipf_frequency("الوزير", "ar") > 4
    assert word_frequency.top_words("en", 50) == top_n_list("en", 50)
    assert not fresh_table.exists()
