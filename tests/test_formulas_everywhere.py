"""A formula never computed (a cell with `<f>` and no cached `<v>`, as openpyxl writes workbooks until Excel opens
them) has an unknown value: a form refuses it at its cell (A003); `par import`, `par survey tally` and
`par criteria import` read it as EMPTY before. Each now refuses it at its cell, with the form's words."""

from __future__ import annotations

import shutil
from pathlib import Path

from openpyxl import Workbook, load_workbook

from tests.conftest import ROOT, SPEC, run, run_english

FORMULA = "error A003: a formula that has never been computed: its value is unknown (hint: open the file in Excel or LibreOffice and save it, so that the formula is computed)"


def _book(path: str, rows: list[list[object]]) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Bảng"
    for row in rows:
        sheet.append(row)
    book.save(path)


def test_import_refuses_a_formula_never_computed_at_its_cell(in_tmp: Path) -> None:
    shutil.copy(SPEC / "criteria.yaml", "criteria.yaml")
    _book(
        "t.xlsx",
        [
            ["Mã cơ quan", "Tên cơ quan", "Mã", "Tự đánh giá"],
            ["so-a", "Sở A", "1.1.1", "on-time"],
            ["so-a", "Sở A", "1.1.2", "=90+5"],  # read as empty before: the criterion left unanswered
        ],
    )
    code, out, err = run_english("import", "t.xlsx", "--criteria", "criteria.yaml", "-o", "out")
    assert (code, out) == (1, "")
    assert err == f"t.xlsx:Bảng!D3: {FORMULA}\n"
    assert not Path("out/so-a.yaml").exists()


def test_survey_tally_refuses_a_formula_never_computed_at_its_cell(in_tmp: Path) -> None:
    lines = (ROOT / "examples" / "survey-2024" / "responses.csv").read_text(encoding="utf-8").splitlines()
    rows: list[list[object]] = [list(line.split(",")) for line in lines[:40]]
    rows[5][3] = '="A"'  # an answer Excel would compute: never computed, its value is unknown
    _book("r.xlsx", rows)
    design = str(ROOT / "examples" / "survey-2024" / "design.yaml")
    code, out, err = run_english("survey", "tally", design, "r.xlsx", "-o", "s.yaml")
    assert (code, out) == (1, "")
    assert err == f"r.xlsx:Bảng!D6: {FORMULA}\n"
    assert not Path("s.yaml").exists()


def test_criteria_import_refuses_a_formula_never_computed_at_its_cell(in_tmp: Path) -> None:
    book = load_workbook(ROOT / "tests" / "annexes" / "national.xlsx")
    book.worksheets[0]["C4"] = "=1+2"  # 1.1's maximum as a sum, saved by openpyxl: no value yet
    book.save("annex.xlsx")
    code, out, err = run("criteria", "import", "annex.xlsx", "-o", "set.yaml")
    assert (code, out) == (1, "")
    assert err == f"annex.xlsx:Phụ lục!C4: {FORMULA}\n"
    assert not Path("set.yaml").exists()
