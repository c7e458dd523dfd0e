"""Provides `live_cities`: CLDR's time-zone exemplar cities usable as place names, computed from babel and
wordfreq; `live_territories`: CLDR's territory names in Arabic and English, from babel; and `main`, which
writes either list to its file under `briefing/data/`.

The gazetteer reads the files rather than computing the lists: the computation (babel's time-zone names and
wordfreq's Arabic frequency list) took most of a `briefing analyze` call, and loading babel's locale data
for the territory names (which also imports `babel.dates`, whose import looks up the local time zone) took
a fifth of what was left. Both libraries are pinned in constraints.txt; unit tests check that the files
still equal the live lists. Regenerate them after upgrading either:

    python -m briefing.nlp.actors.cldr_cities > briefing/data/cldr_cities.tsv
    python -m briefing.nlp.actors.cldr_cities territories > briefing/data/cldr_territories.tsv
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

# Time zones whose exemplar "cities" are research stations or US counties, never news places.
_SKIP_ZONE_PREFIXES = (
    "Antarctica/",
    "America/Indiana/",
    "America/Kentucky/",
    "America/North_Dakota/",
    "Etc/",
)
# A CLDR city whose Arabic name is this frequent as a word ("العيون" = the eyes, "ترك" = he left) is too
# ambiguous to tag without a hand-kept row.
_CITY_MAX_ZIPF = 4.3
HEADER = "# CLDR time-zone exemplar cities usable as places (python -m briefing.nlp.actors.cldr_cities)"
TERRITORIES_HEADER = "# CLDR territory names (python -m briefing.nlp.actors.cldr_cities territories)"


def live_cities() -> Iterator[tuple[str, str, str]]:
    """(id, Arabic name, English name) of each usable CLDR city, from the installed babel and wordfreq."""
    from babel import Locale  # noqa: PLC0415 (only to generate or check the data file)
    from babel.dates import get_timezone_location  # noqa: PLC0415
    from wordfreq import zipf_frequency  # noqa: PLC0415

    for zone, info in Locale("ar").time_zones.items():
        city = info.get("city")
        if not city or zone.startswith(_SKIP_ZONE_PREFIXES):
            continue
        if zipf_frequency(city, "ar") >= _CITY_MAX_ZIPF:
            continue
        en = get_timezone_location(zone, locale="en", return_city=True)
        yield f"tz:{zone}", city, en


def live_territories() -> Iterator[tuple[str, str, str]]:
    """(territory code, Arabic name, English name) in babel's order of the Arabic names (the gazetteer keeps
    the first row of a name); a code with no English name has the code."""
    from babel import Locale  # noqa: PLC0415 (only to generate or check the data file)

    english = Locale("en").territories
    for code, ar_name in Locale("ar").territories.items():
        yield code, ar_name, english.get(code, code)


def main() -> None:
    if sys.argv[1:] == ["territories"]:
        header, rows = [TERRITORIES_HEADER, "code\tar\ten"], live_territories()
    else:
        header, rows = [HEADER, "id\tar\ten"], live_cities()
    sys.stdout.write("\n".join([*header, *("\t".join(row) for row in rows)]) + "\n")


if __name__ == "__main__":
    main()
