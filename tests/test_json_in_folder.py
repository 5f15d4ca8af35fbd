"""A folder's .json files are read like its YAML files when their `kind` is a par kind (F7): `par score a.json`
reads one, so `par rank`, `par check` of its folder must too. A ranking `par rank -f json` wrote, kept in the
folder, and any other .json are left out with one note each (F006), never silently."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml

from tests.conftest import ROOT, run, run_english

REPRO = ROOT / "tests" / "data" / "json-in-folder"  # a.json, A2.JSON (assessments in JSON), so-y-te.yaml

RANKED = [
    "   1  Sở Tư pháp        89,54  100,00     89,54  Tốt",
    "   1  Sở Tư pháp        89,54  100,00     89,54  Tốt",
    "   3  Sở Y tế           78,62  100,00     78,62  Khá",
    "Tổng số: 03 cơ quan; chỉ số bình quân: 85,90%; Tốt: 02, Khá: 01",
]
RANKING_NOTE = (
    "d/rank.json: info F006: left out: a ranking `par rank` wrote, not an assessment"
    " (hint: to compare with it, give it as --previous)"
)
OTHER_NOTE = (
    "d/notes.json: info F006: left out: a .json file that is not a par file (its kind is not assessment,"
    ' criteria, appraisal or survey) (hint: a .json file in a folder is read when it says "kind": "assessment"'
    " (or another par kind))"
)


def ranked(out: str) -> list[str]:
    """The table's last rows and its summary, without the bars."""
    return [line.rstrip(" ▏▎▍▌▋▊▉█·") for line in out.splitlines()[-4:]]


def folder(in_tmp: Path, *names: str) -> Path:
    target = in_tmp / "d"
    target.mkdir()
    for name in names or [p.name for p in REPRO.iterdir()]:
        shutil.copy(REPRO / name, target / name)
    return Path("d")


def test_rank_reads_the_json_assessments_of_a_folder(in_tmp: Path) -> None:
    folder(in_tmp)
    code, out, err = run("rank", "d")
    assert (code, err) == (0, "")
    assert ranked(out) == RANKED


def test_check_counts_the_json_assessments_of_a_folder(in_tmp: Path) -> None:
    folder(in_tmp)
    assert run_english("check", "d") == (0, "0 errors, 0 warnings, 0 infos in 3 files\n", "")


def test_a_folder_of_json_assessments_only_is_ranked(in_tmp: Path) -> None:
    folder(in_tmp, "a.json", "A2.JSON")
    code, out, err = run("rank", "d")
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == "Tổng số: 02 cơ quan; chỉ số bình quân: 89,54%; Tốt: 02"
    assert run_english("check", "d") == (0, "0 errors, 0 warnings, 0 infos in 2 files\n", "")


def test_a_ranking_kept_in_the_folder_is_left_out_with_a_note(in_tmp: Path) -> None:
    folder(in_tmp)
    code, _, err = run_english("rank", "d", "-f", "json", "-o", "d/rank.json")  # an office keeps its ranking there
    assert (code, err) == (0, "")
    assert json.loads((in_tmp / "d" / "rank.json").read_text(encoding="utf-8"))["groups"][0]["count"] == 3
    assert run_english("rank", "d")[::2] == (0, RANKING_NOTE + "\n")
    assert ranked(run("rank", "d")[1]) == RANKED
    assert run_english("check", "d") == (0, f"{RANKING_NOTE}\n0 errors, 0 warnings, 1 info in 3 files\n", "")


def test_any_other_json_is_left_out_with_a_note(in_tmp: Path) -> None:
    folder(in_tmp)
    (in_tmp / "d" / "notes.json").write_text('{"title": "ghi chú"}', encoding="utf-8")
    assert run_english("rank", "d")[::2] == (0, OTHER_NOTE + "\n")
    assert run("rank", "d")[1].splitlines()[-1] == RANKED[-1]


def test_the_notes_come_with_the_errors_when_a_ranking_fails(in_tmp: Path) -> None:
    folder(in_tmp, "a.json")
    (in_tmp / "d" / "notes.json").write_text("[1, 2]", encoding="utf-8")
    shutil.copy(REPRO / "a.json", in_tmp / "d" / "b.json")  # the same agency twice
    code, _, err = run_english("rank", "d")
    assert code == 1
    assert err.splitlines()[-1] == OTHER_NOTE
    assert [line.split(": ")[1] for line in err.splitlines()] == ["error R003", "info F006"]


def test_a_broken_json_assessment_is_reported_not_left_out(in_tmp: Path) -> None:
    folder(in_tmp, "so-y-te.yaml")
    text = (REPRO / "a.json").read_text(encoding="utf-8")
    (in_tmp / "d" / "a.json").write_text(text.replace(', "period"', ' "period"'), encoding="utf-8")
    code, _, err = run_english("rank", "d")
    assert code == 1
    assert err.startswith("d/a.json:1:") and " error Y001: " in err.splitlines()[0]


def test_a_json_criteria_set_beside_is_found_by_its_id(in_tmp: Path) -> None:
    target = in_tmp / "d"
    target.mkdir()
    good = ROOT / "tests" / "check" / "good"
    criteria = yaml.safe_load((good / "set.yaml").read_text(encoding="utf-8"))
    (target / "set.json").write_text(json.dumps(criteria, ensure_ascii=False), encoding="utf-8")
    agency = (good / "agency.yaml").read_text(encoding="utf-8").replace("criteria: set.yaml", "criteria: check-good")
    (target / "agency.yaml").write_text(agency, encoding="utf-8")
    code, out, err = run("rank", "d", "--group-by", "none")
    assert (code, err) == (0, "")
    assert "Cơ quan tốt" in out
    assert run("check", "d")[0] == 0


def test_output_onto_a_json_assessment_in_a_folder_read_is_refused(in_tmp: Path) -> None:
    folder(in_tmp)
    before = (in_tmp / "d" / "a.json").read_bytes()
    assert run("rank", "d")[0] == 0  # its result is cached: the next run need not open it
    code, out, err = run("rank", "d", "-f", "json", "-o", "d/a.json")
    assert (code, out) == (2, "")
    assert err == (
        "d/a.json: error U003: --output is an input file inside d, which is read: the next run would read it as"
        " an input\n"
    )
    assert (in_tmp / "d" / "a.json").read_bytes() == before
