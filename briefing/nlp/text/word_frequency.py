"""Provides wordfreq's Zipf frequencies and frequency lists (`zipf`, `top_words`) without loading wordfreq.

The actor rules ask wordfreq how common a word is a few dozen times per article. Asking wordfreq itself
means importing it (langcodes' tables) and unpacking its whole Arabic list, 620,000 words, about a second
before the first answer: most of what `briefing analyze` spent starting up. The same numbers are kept in a
table beside the package data, `word-frequencies.sqlite3`, built from the installed wordfreq the first
time it is needed (`make` builds it when it installs) and rebuilt when wordfreq's version changes. A
lookup is then one indexed read.

The table holds, per language, every word of wordfreq's list that it reads as one token, with its Zipf
value computed as `zipf_frequency` computes it, and the first `TOP` words of the list in its order (the
order of `top_n_list`). Only words that wordfreq would
read as one token unchanged are looked up in the table (Arabic letters without marks, lower-case ASCII
letters); anything else, and everything when the table cannot be built or read (a read-only install), is
asked of wordfreq itself, so the answers are wordfreq's in every case.
"""

from __future__ import annotations

import math
import sqlite3
import threading
from collections.abc import Iterator
from functools import cache
from importlib import resources, util
from pathlib import Path

from briefing.nlp.text.lazy_re import lazy_compile

LANGUAGES = ("ar", "en")
TOP = 20_000  # the longest frequency list kept for `top_words`; longer ones are asked of wordfreq
_TABLE_NAME = "word-frequencies.sqlite3"
# A word wordfreq tokenizes to itself: letters only, no marks, digits, tatweel or capitals.
_ONE_TOKEN = {
    "ar": lazy_compile("[\u0621-\u063a\u0641-\u064a]+"),
    "en": lazy_compile("[a-z]+"),
}
_lock = threading.Lock()


def table_path() -> Path:
    """Where the table lives: beside the package's data files."""
    return Path(str(resources.files("briefing").joinpath("data", _TABLE_NAME)))


def _wordfreq_files() -> str:
    """What the table was built from: the name, size and time of each of wordfreq's list files for our
    languages (a stat each, where asking for the package's version would import `importlib.metadata`)."""
    spec = util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return ""
    data = Path(spec.submodule_search_locations[0]) / "data"
    files = sorted(f for lang in LANGUAGES for f in data.glob(f"*_{lang}.msgpack.gz"))
    return ";".join(f"{f.name}:{f.stat().st_size}:{f.stat().st_mtime_ns}" for f in files)


def _zipf_of(freq: float) -> float:
    """`zipf_frequency` from a list frequency: wordfreq rounds the frequency to 3 significant digits,
    then the Zipf value to hundredths."""
    leading_zeroes = math.floor(-math.log(freq, 10))
    return round(math.log(round(freq, leading_zeroes + 3), 10) + 9, 2)


def _rows(lang: str) -> Iterator[tuple[str, int, int]]:
    """(word, rank, Zipf value in hundredths) for each word of wordfreq's list, most frequent first."""
    from wordfreq import cB_to_freq, get_frequency_list  # noqa: PLC0415 (the slow load this module avoids)

    rank = 0
    for index, bucket in enumerate(get_frequency_list(lang)):
        centi_zipf = round(_zipf_of(cB_to_freq(-index)) * 100)
        for word in bucket:
            yield word, rank, centi_zipf
            rank += 1


def build(path: Path | None = None) -> Path:
    """Write the table for every language in `LANGUAGES` from the installed wordfreq; returns its path.
    The file is written beside and renamed into place, so a reader never sees half a table."""
    path = path or table_path()
    from wordfreq.numbers import has_digit_sequence  # noqa: PLC0415

    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    conn = sqlite3.connect(partial)
    try:
        conn.executescript(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
            "CREATE TABLE top (lang TEXT NOT NULL, rank INTEGER NOT NULL, word TEXT NOT NULL,"
            " PRIMARY KEY (lang, rank)) WITHOUT ROWID;"
        )
        for lang in LANGUAGES:
            # one table per language, keyed by the word alone: the smallest file
            conn.execute(
                f"CREATE TABLE words_{lang} (word TEXT PRIMARY KEY, centi_zipf INTEGER NOT NULL)"
                " WITHOUT ROWID"
            )
            one_token = _ONE_TOKEN[lang]
            rows = list(_rows(lang))
            conn.executemany(
                f"INSERT OR IGNORE INTO words_{lang} VALUES (?, ?)",
                ((word, centi) for word, _, centi in rows if one_token.fullmatch(word)),
            )
            listed = (word for word, _, _ in rows if not has_digit_sequence(word))  # as top_n_list
            conn.executemany(
                "INSERT INTO top VALUES (?, ?, ?)",
                ((lang, rank, word) for rank, word in zip(range(TOP), listed, strict=False)),
            )
        conn.execute("INSERT INTO meta VALUES ('wordfreq', ?)", (_wordfreq_files(),))
        conn.commit()
    finally:
        conn.close()
    partial.replace(path)
    return path


def _readable(path: Path) -> sqlite3.Connection | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        row = conn.execute("SELECT value FROM meta WHERE key = 'wordfreq'").fetchone()
    except sqlite3.Error:
        return None
    if row is None or row[0] != _wordfreq_files():
        conn.close()
        return None
    return conn


@cache
def _table() -> sqlite3.Connection | None:
    """The open table, built first when it is missing or from another wordfreq; None when it cannot be
    (then every question goes to wordfreq)."""
    path = table_path()
    conn = _readable(path)
    if conn is None:
        try:
            build(path)
        except (OSError, sqlite3.Error):
            return None
        conn = _readable(path)
    return conn


def zipf(word: str, lang: str) -> float:
    """wordfreq's `zipf_frequency(word, lang)`: 0 for a word it does not know."""
    conn = _table() if lang in _ONE_TOKEN and _ONE_TOKEN[lang].fullmatch(word) else None
    if conn is None:
        from wordfreq import zipf_frequency  # noqa: PLC0415

        return float(zipf_frequency(word, lang))
    with _lock:
        row = conn.execute(f"SELECT centi_zipf FROM words_{lang} WHERE word = ?", (word,)).fetchone()
    return row[0] / 100 if row else 0.0


def top_words(lang: str, n: int) -> list[str]:
    """wordfreq's `top_n_list(lang, n)`: its `n` most frequent words, most frequent first."""
    conn = _table() if lang in LANGUAGES and n <= TOP else None
    if conn is None:
        from wordfreq import top_n_list  # noqa: PLC0415

        return list(top_n_list(lang, n))
    with _lock:
        rows = conn.execute(
            "SELECT word FROM top WHERE lang = ? AND rank < ? ORDER BY rank", (lang, n)
        ).fetchall()
    return [word for (word,) in rows]


if __name__ == "__main__":  # `python -m briefing.nlp.text.word_frequency`: (re)build the table
    print(build())
