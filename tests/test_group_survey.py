"""A group's own survey result (issue 29): Hải Phòng 2025 publishes a city-wide SIPAS of 92,67 % that is not the
mean of its units. The office file's group entry gives it per survey leaf (`survey: {"8.1": 92.67}`); it is
shown with the group in every format and moves no agency's points; `par check` refuses a code that is not a survey
leaf of the group's set, or a figure outside 0–100 (O005)."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.conftest import ROOT, run, run_english

EXAMPLE = ROOT / "examples" / "group-survey-2025"
SIPAS = "Sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan (SIPAS)"


@pytest.fixture
def folder(in_tmp: Path) -> Path:
    """A copy of examples/group-survey-2025: three departments of examples/2025, the office giving the group's
    8.1 as 92.67. The units' own 8.1 (A=100 B=60 C=20 D=0): Nội vụ (168·100 + 12·60 + 3·20) / 184 = 95.54 %,
    Tư pháp (173·100 + 39·60 + 17·20) / 234 = 85.38 %, Y tế (210·100 + 61·60 + 15·20) / 288 = 86.67 %: their
    mean is 89.20 %, pooled 62520 / 706 = 88.56 % — the group's 92.67 % is neither, an input of its own."""
    shutil.copytree(EXAMPLE, in_tmp / "2025")
    return in_tmp / "2025"


def group_of(*args: str) -> dict[str, Any]:
    code, out, err = run("rank", *args, "-f", "json")
    assert code == 0, err
    groups: list[dict[str, Any]] = json.loads(out)["groups"]
    assert len(groups) == 1
    return groups[0]


def test_the_group_survey_is_shown_under_the_ranking_in_both_languages(folder: Path) -> None:
    code, out, _ = run("rank", "2025", "--lang", "vi", "-f", "markdown")
    assert code == 0
    assert f"Kết quả điều tra XHH của cả nhóm — 8.1 {SIPAS}: 92,67 %" in out
    code, out, _ = run("rank", "2025", "--lang", "en", "-f", "markdown")
    assert f"The whole group's survey result — 8.1 {SIPAS}: 92.67 %" in out
    code, out, _ = run("rank", "2025", "--lang", "vi", "-f", "html")
    assert "92,67 %" in out and SIPAS in out
    code, out, _ = run("rank", "2025", "--lang", "vi")  # the terminal: under the summary, wrapped to its width
    assert out.splitlines()[-2].startswith("Kết quả điều tra XHH của cả nhóm — 8.1 Sự hài lòng")
    assert out.rstrip().endswith("(SIPAS): 92,67 %")


def test_the_group_survey_moves_no_agency_and_is_a_json_key(folder: Path) -> None:
    group = group_of("2025")
    # the figure as given, at the set's 2 decimals, with the criterion's title
    assert group["survey"] == {"8.1": {"title": SIPAS, "percent": 92.67}}
    office = folder / "office.yaml"
    office.write_text(office.read_text("utf-8").replace(', survey: {"8.1": 92.67}', ""), "utf-8")
    without = group_of("2025")
    assert "survey" not in without
    # every figure as without it: Tư pháp 90.03, Nội vụ 88.40, Y tế 79.52, average (90.03 + 88.40 + 79.52) / 3
    assert without["rows"] == group["rows"] and without["average"] == group["average"] == 85.98
    assert [(r["agency"]["id"], r["rank"], r["index"]) for r in group["rows"]] == [
        ("so-tu-phap", 1, 90.03),
        ("so-noi-vu", 2, 88.4),
        ("so-y-te", 3, 79.52),
    ]


def test_the_group_survey_is_rounded_once_at_the_sets_precision(folder: Path) -> None:
    office = folder / "office.yaml"
    office.write_text(office.read_text("utf-8").replace("92.67", "92.675"), "utf-8")
    assert group_of("2025")["survey"]["8.1"]["percent"] == 92.68  # half up, once
    _, out, _ = run("rank", "2025", "--lang", "vi", "-f", "markdown")
    assert f"8.1 {SIPAS}: 92,68 %" in out


def test_the_group_survey_in_the_workbook_and_the_annex(folder: Path) -> None:
    assert run("rank", "2025", "--lang", "vi", "-f", "xlsx", "-o", "bxh.xlsx")[0] == 0
    sheet = load_workbook("bxh.xlsx").worksheets[0]
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    footer = next(n for n, t in enumerate(texts) if t.startswith("Tổng số"))
    survey = f"Kết quả điều tra XHH của cả nhóm — 8.1 {SIPAS}: 92,67 %"
    assert texts[footer + 1] == survey  # the line under the summary, once (not also in the summary line)
    assert sum(survey in t for t in texts) == 1
    assert run("rank", "2025", "--lang", "vi", "-f", "docx", "-o", "phu-luc.docx")[0] == 0
    document = zipfile.ZipFile(io.BytesIO(Path("phu-luc.docx").read_bytes())).read("word/document.xml").decode()
    assert f"Kết quả điều tra XHH của cả nhóm — 8.1 {SIPAS}: 92,67 %" in document


def test_a_code_not_a_survey_leaf_is_refused_by_rank_and_check(folder: Path) -> None:
    office = folder / "office.yaml"
    office.write_text(office.read_text("utf-8").replace('{"8.1": 92.67}', '{"8.1": 92.67, "8": 90}'), "utf-8")
    want = (
        "2025/office.yaml:6:81: error O005: group 'so-nganh': 8 is not a survey criterion of mau-so-nganh, so no"
        " group survey result can be given for it (hint: the survey criteria of mau-so-nganh: 8.1, 8.2, 8.3)"
    )
    code, _, err = run_english("rank", "2025")
    assert code == 1 and want in err
    code, out, _ = run_english("check", "2025")
    assert code == 1 and want in out


def test_a_figure_outside_0_100_is_refused(folder: Path) -> None:
    office = folder / "office.yaml"
    office.write_text(office.read_text("utf-8").replace("92.67", "926.7"), "utf-8")
    code, out, _ = run("check", "2025", "--lang", "vi")
    assert code == 1
    assert (
        "2025/office.yaml:6:69: lỗi O005: nhóm 'so-nganh': kết quả điều tra XHH của nhóm 926,7 ở 8.1 không phải"
        " tỷ lệ phần trăm từ 0 đến 100" in out
    )


def test_the_field_is_in_the_office_schema() -> None:
    schema = json.loads(run("schema", "office")[1])
    assert "survey" in json.dumps(schema)
