"""The guide's "One assessment year" (docs/guide/nam-danh-gia.md, en/year.md: the same commands) runs as written: every agency's form made from the province's list, the forms
typed as the agencies would (the example departments' 2024 answers and bonus claims), the survey tallied, the
council's workbook filled (appraisals, bonus and penalty points) and read back, and the annex published against last year's — with the very figures of the YAML files."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook

from tests.conftest import ROOT, run

PAGES = [ROOT / "docs" / "guide" / "nam-danh-gia.md", ROOT / "docs" / "guide" / "en" / "year.md"]
YEAR = re.compile(r"<!-- office-year:start -->\n```sh\n(.*?)```\n<!-- office-year:end -->", re.S)
ANSWERS = ROOT / "examples" / "2024"


def commands() -> list[list[str]]:
    blocks = [found.group(1) for page in PAGES if (found := YEAR.search(page.read_text(encoding="utf-8")))]
    assert len(blocks) == len(PAGES), "each guide shows the year's commands"
    shown = [[line.split("  #")[0].strip() for line in block.splitlines()] for block in blocks]
    assert all(lines == shown[0] for lines in shown), "the same commands in both languages (comments may differ)"
    lines = shown[0]
    return [shlex.split(line)[1:] for line in lines if line.startswith("par ")]


def level_labels() -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}

    def walk(nodes: list[dict[str, Any]]) -> None:
        for node in nodes:
            for level in (node.get("rule") or {}).get("levels") or []:
                found[(str(node["code"]), level["key"])] = level["label"]
            walk(node.get("children") or [])

    walk(yaml.safe_load((ROOT / "criteria" / "mau-so-nganh.yaml").read_text(encoding="utf-8"))["areas"])
    return found


def typed(code: str, value: Any, labels: dict[tuple[str, str], str]) -> Any:
    """What a person types: Có/Không, 45/50, a level's label from the drop-down, a number."""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, dict):
        return f"{value['done']}/{value['total']}"
    return labels.get((code, value), value) if isinstance(value, str) else value


def answers(agency: str) -> dict[str, Any]:
    """The agency's answers and its bonus and penalty points (adjustments), by code."""
    found = yaml.safe_load((ANSWERS / f"{agency}.yaml").read_text(encoding="utf-8"))
    return {**found["answers"], **(found.get("adjustments") or {})}


def fill_forms(folder: Path, labels: dict[tuple[str, str], str]) -> None:
    for path in sorted(folder.glob("*.xlsx")):
        book = load_workbook(path)
        sheet, survey = book["Tiêu chí"], book["Điều tra XHH"]
        columns = {str(cell.value).split(" (")[0]: cell.column for cell in sheet[1] if cell.value}
        rows = {str(sheet.cell(r, 1).value): r for r in range(2, sheet.max_row + 1)}
        points = {str(survey.cell(r, 1).value): r for r in range(2, survey.max_row + 1)}
        for code, answer in answers(path.stem).items():
            row = rows.get(code)
            if isinstance(answer.get("survey"), (int, float)):  # a survey leaf scored in points: its sheet
                survey.cell(points[code], 9).value = answer["survey"]
            if row is None or not ("self" in answer or answer.get("na")):  # a penalty is not self-claimed
                continue
            value = "KPS" if answer.get("na") else typed(code, answer["self"], labels)
            sheet.cell(row, columns["Số liệu tự đánh giá"]).value = value
            sheet.cell(row, columns["Tài liệu kiểm chứng"]).value = "\n".join(answer.get("evidence", [])) or None
            explained = answer.get("explanation") or answer.get("reason") or answer.get("note")
            sheet.cell(row, columns["Giải trình"]).value = explained
        book.save(path)


def fill_council(path: Path, labels: dict[tuple[str, str], str]) -> None:
    book = load_workbook(path)
    sheet = book["Thẩm định"]
    columns = {str(cell.value): cell.column for cell in sheet[1] if cell.value}
    for row in range(2, sheet.max_row + 1):
        agency, code = sheet.cell(row, columns["Mã cơ quan"]).value, str(sheet.cell(row, columns["Mã"]).value)
        answer = answers(str(agency)).get(code, {})
        if "appraised" in answer:
            sheet.cell(row, columns["Thẩm định"]).value = typed(code, answer["appraised"], labels)
            sheet.cell(row, columns["Lý do"]).value = answer.get("reason") or "Hồ sơ chưa đủ căn cứ"
    book.save(path)


def shown_data(path: Path, agency: str, code: str) -> object:
    """What the council's workbook shows of an agency's own input for a criterion."""
    sheet = load_workbook(path)["Thẩm định"]
    columns = {str(cell.value): cell.column for cell in sheet[1] if cell.value}
    for row in range(2, sheet.max_row + 1):
        if (sheet.cell(row, columns["Mã cơ quan"]).value, str(sheet.cell(row, columns["Mã"]).value)) == (agency, code):
            return sheet.cell(row, columns["Số liệu tự đánh giá"]).value
    return None


def indices(text: str) -> dict[str, str]:
    return {row["agency"]["id"]: str(row["index"]) for group in json.loads(text)["groups"] for row in group["rows"]}


def test_one_assessment_year_as_the_readme_tells_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    labels = level_labels()
    said: dict[str, str] = {}
    for args in commands():
        code, out, err = run(*args)
        assert code == 0, (args, err)
        said[" ".join(args[:2])] = out + err
        if args[:1] == ["template"]:
            fill_forms(Path("phieu"), labels)  # the agencies type their answers and send the forms back
        if args[:2] == ["appraisal", "workbook"]:
            assert shown_data(Path("hoi-dong.xlsx"), "so-nong-nghiep-moi-truong", "6.2.1") == "1,25"  # as typed
            fill_council(Path("hoi-dong.xlsx"), labels)  # the council types its appraisals and reasons
    assert "0 lỗi" in said["check phieu/"]  # the sets are Vietnamese: so is `par check`
    assert "Hồ sơ chưa đủ căn cứ" in said["appraisal cuts"] or "Thiếu" in said["appraisal cuts"]
    assert Path("phu-luc-2024.docx").stat().st_size > 0
    _, forms, _ = run("rank", "phieu/", "-f", "json")
    _, files, _ = run("rank", str(ROOT / "examples" / "survey-2024"), "-f", "json")
    typed_in, written = indices(forms), indices(files)
    assert set(typed_in) == set(written)  # every agency ranked: none skipped
    assert typed_in == written  # to the digit, bonus and penalty points too
