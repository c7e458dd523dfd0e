"""`briefing analyze` end to end as scripts use it: titles (analyzed, detected only when they look like one),
a single line as body, several files and JSON lines in one process, a bad file among good ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.e2e.test_cli import run

NOW = ["--now", "2026-05-01T10:00:00+00:00"]
TITLED = (
    "Iranian foreign minister Abbas Araghchi meets Steve Witkoff in Muscat\n\n"
    "The two sides discussed the nuclear file for three hours. They agreed to meet again next week.\n"
)
JOINED = (
    "Araghchi to visit Cairo on Sunday\n\n"
    "Iranian foreign minister Abbas Araghchi said he would travel to Egypt. "
    "Officials gave no further details.\n"
)
ARABIC_TITLED = (
    "وزير الخارجية الإيراني عباس عراقجي يصل إلى مسقط غدا\n\n"
    "قالت مصادر إن الجولة تشمل عدة عواصم. ولم تذكر المصادر مزيدا من التفاصيل.\n"
)
LONG_FIRST = (
    "The committee reviewed the budget in a long session and asked for cuts. " * 10
    + "It ended late.\n\nA second paragraph follows here.\n"
)


def _lines(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines()]


def _write(tmp: Path, name: str, text: str) -> str:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_files_give_json_lines_with_title_actors_and_a_bad_file_fails_alone(tmp_path: Path) -> None:
    files = [
        _write(tmp_path, "titled.txt", TITLED),
        _write(tmp_path, "joined.txt", JOINED),
        str(tmp_path / "missing.txt"),
        _write(tmp_path, "ar.txt", ARABIC_TITLED),
        _write(tmp_path, "long.txt", LONG_FIRST),
    ]
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 au lait\n".encode("latin-1"))
    files.append(str(tmp_path / "latin1.txt"))
    r = run([*NOW, "analyze", *files, "--json"], tmp_path)
    assert r.returncode == 1, r.stderr
    errors = r.stderr.splitlines()
    assert len(errors) == 2
    assert "missing.txt" in errors[0] and "latin1.txt is not UTF-8" in errors[1]
    out = {Path(d["path"]).name: d for d in _lines(r.stdout)}
    assert list(out) == ["titled.txt", "joined.txt", "ar.txt", "long.txt"]

    titled = out["titled.txt"]
    assert titled["title"].startswith("Iranian foreign minister")
    assert titled["text"].startswith("The two sides")
    persons = {a["name"]: a for a in titled["actors"] if a["kind"] == "person"}
    assert set(persons) == {"Abbas Araghchi", "Steve Witkoff"}  # both named only in the headline
    person = persons["Abbas Araghchi"]
    assert person["mentions"] == []
    assert [titled["title"][s:e] for s, e in person["title_mentions"]] == ["Abbas Araghchi"]

    joined = out["joined.txt"]
    [person] = [a for a in joined["actors"] if a["kind"] == "person"]  # the title's surname is the same man
    assert [joined["title"][s:e] for s, e in person["title_mentions"]] == ["Araghchi"]
    assert [joined["text"][s:e] for s, e in person["mentions"]] == ["Abbas Araghchi"]
    [visit] = joined["events"]
    assert (visit["start"], visit["sentence_index"]) == ("2026-05-03", -1)

    arabic = out["ar.txt"]
    names = {a["name"]: a for a in arabic["actors"]}
    assert names["عباس عراقجي"]["kind"] == "person"
    assert [arabic["title"][s:e] for s, e in names["مسقط"]["title_mentions"]] == ["مسقط"]
    assert [e["start"] for e in arabic["events"]] == ["2026-05-02"]

    long_first = out["long.txt"]  # a paragraph that ends a sentence is never a title
    assert long_first["title"] == "" and long_first["text"].startswith("The committee reviewed")


def test_a_single_line_on_stdin_is_body(tmp_path: Path) -> None:
    r = run([*NOW, "analyze", "-", "--json"], tmp_path, stdin="غدا يزور الرئيس اللبناني باريس\n")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)  # one object, as for one file
    assert data["title"] == "" and data["text"] == "غدا يزور الرئيس اللبناني باريس"
    [visit] = data["events"]
    assert (visit["kind"], visit["start"]) == ("visit", "2026-05-02")


def test_empty_title_option_keeps_the_first_line_in_the_body(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", "Talks in Geneva\n\nDelegates will meet on Monday.\n")
    r = run([*NOW, "analyze", path, "--title", "", "--json"], tmp_path)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["title"] == "" and data["text"].startswith("Talks in Geneva")
    assert "path" not in data  # one file: the object of CONTRACT.md, nothing added


def test_json_lines_on_stdin(tmp_path: Path) -> None:
    records = [
        {"id": "a1", "title": "Budget vote", "text": "Parliament will vote on the budget tomorrow."},
        {"text": ""},
        {
            "id": 2,
            "text": "The minister will travel to Amman next week.",
            "published": "2026-06-01T09:00:00+03:00",
        },
    ]
    stdin = "\n".join(json.dumps(r) for r in records) + "\nnot json\n"
    r = run([*NOW, "analyze", "-", "--json"], tmp_path, stdin=stdin)
    assert r.returncode == 1
    assert r.stderr.splitlines() == [
        "briefing: error: stdin line 2: text is missing or empty",
        "briefing: error: stdin line 4: not JSON (Expecting value: line 1 column 1 (char 0))",
    ]
    first, third = _lines(r.stdout)
    assert (first["id"], first["line"], first["title"]) == ("a1", 1, "Budget vote")
    assert first["events"][0]["start"] == "2026-05-02"
    assert (third["id"], third["line"], third["published"]) == (2, 3, "2026-06-01T09:00:00+03:00")
    assert third["events"][0]["start"] == "2026-06-08"


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.txt", "One line.\n")
    r = run([*NOW, "analyze", a, a, "--title", "T", "--json"], tmp_path)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.startswith("briefing: error: --title applies to one article")
