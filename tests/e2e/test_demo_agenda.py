"""The demo's agenda reads right: every upcoming entry of `briefing today` on the bundled sample feeds has the
title a careful reader checked against its sample article (tests/golden/demo_agenda.json), and each title is
a readable statement (no lone verb, no dangling preposition, no bare pronoun)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.e2e.test_cli import NOW, run

EXPECTED = ROOT / "tests" / "golden" / "demo_agenda.json"
_DANGLING = set(
    "في إلى من على عن مع و أو الذي التي أن بين حول يوم خلال عند نحو حتى بعد قبل المقبل يبدأ تبدأ ستبدأ يصل "
    "يعقد تعقد يُعقد تُعقد ستعقد ستُعقد سيعقد مقررة المقررة for to in on at of with by from the a an and or "
    "is are will be scheduled expected due".split()
)


@pytest.fixture(scope="module")
def upcoming(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    tmp = tmp_path_factory.mktemp("demo")
    assert run(["--now", NOW, "fetch"], tmp).returncode == 0
    r = run(["--now", NOW, "today", "--days", "all", "--json"], tmp)
    assert r.returncode == 0, r.stderr
    entries: list[dict[str, object]] = json.loads(r.stdout)["upcoming"]
    return entries


def test_every_demo_entry_has_its_checked_title(upcoming: list[dict[str, object]]) -> None:
    expected = json.loads(Path(EXPECTED).read_text(encoding="utf-8"))["entries"]
    got = [{"start": e["start"], "status": e["status"], "title": e["summary"]} for e in upcoming]

    def order(entry: dict[str, object]) -> tuple[str, str]:  # the agenda ranks; the check is about titles
        return str(entry["start"]), str(entry["title"])

    assert sorted(got, key=order) == sorted(expected, key=order)


def test_every_demo_title_is_a_readable_statement(upcoming: list[dict[str, object]]) -> None:
    for e in upcoming:
        title = str(e["summary"])
        words = re.findall(r"[\w\u0600-\u06ff]+", title)
        assert len(words) >= 3, title
        assert words[-1].lower() not in _DANGLING, title
        assert words[0].lower() not in {"هو", "هي", "هم", "they", "he", "she", "it"}, title
