"""Provides `live_cities`: CLDR's time-zone exemplar cities usable as place names, computed from babel and
wordfreq, and `main`, which writes them to `briefing/data/cldr_cities.tsv`.

The gazetteer reads the file rather than computing the list: the computation (babel's time-zone names and
wordfreq's Arabic frequency list) took most of a `briefing analyze` call. Both libraries are pinned in
constraints.txt; a unit test checks that the file still equals `live_cities()`. Regenerate it after
upgrading either: `python -m briefing.nlp.actors.cldr_cities > briefing/data/cldr_cities.tsv`.
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


def main() -> None:
    lines = [HEADER, "id\tar\ten", *("\t".join(row) for row in live_cities())]
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
