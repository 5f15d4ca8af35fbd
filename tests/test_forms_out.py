"""Forms out: the agency's workbook asks for data (not points), computes the points that data earns with a
formula equal to par's exact points, carries no appraisal, and is made for every agency of a list at once."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from par_cli.core.numbers import TextNumber
from par_cli.core.tree import index
from par_cli.services.workspace import find_criteria
from tests.conftest import Write, run, run_english

KINDS = """kind: criteria
id: kinds-2025
title: "Mọi cách chấm"
language: vi
precision: 2
areas:
  - code: "1"
    title: "Lĩnh vực một"
    max: 41.5
    children:
      - {code: "1.1", title: "Kiểm tra", max: 2, rule: {kind: check}}
      - code: "1.2"
        title: "Mức"
        max: 3
        rule:
          kind: levels
          levels:
            - {key: tot, label: "Tốt", points: 3}
            - {key: kha, label: "Khá", percent: 50}
            - {key: kem, label: "Kém", points: 0}
      - code: "1.3"
        title: "Bậc tỷ lệ"
        max: 2
        rule: {kind: tiers, tiers: [{above: 90, points: 2}, {min: 70, percent: 37.5}]}
      - code: "1.4"
        title: "Bậc số lượng"
        max: 2
        rule: {kind: tiers, input: number, tiers: [{min: 10, points: 2}, {above: 3, points: 0.75}]}
      - {code: "1.5", title: "Tuyến tính", max: 2.5, rule: {kind: linear, full_at: 95, zero_below: 80}}
      - {code: "1.6", title: "Khoảng", max: 3, rule: {kind: between, low: 50, high: 80}}
      - {code: "1.7", title: "Đếm", max: 1.5, rule: {kind: count, per: 0.25}}
      - {code: "1.8", title: "Trừ điểm", max: 2, rule: {kind: deduction, per: 0.5}}
      - {code: "1.9", title: "Chấm điểm", max: 3, rule: {kind: points, step: 0.25}}
      - {code: "1.10", title: "Tương đối", max: 20.5, rule: {kind: relative, better: higher}}
"""

# (code, what a person types, the same input as a YAML file gives it)
TYPED: list[tuple[str, Any, Any]] = [
    ("1.1", "Có", True),
    ("1.1", "không", False),
    ("1.1", "Đạt", True),
    ("1.1", "Không đạt", False),
    ("1.1", "khong dat", False),
    ("1.2", "Khá", "kha"),
    ("1.2", "tot", "tot"),
    ("1.3", "95", Decimal(95)),
    ("1.3", "45/50", {"done": Decimal(45), "total": Decimal(50)}),
    ("1.3", "35/50", {"done": Decimal(35), "total": Decimal(50)}),
    ("1.3", "69.99", Decimal("69.99")),
    ("1.4", 10, Decimal(10)),
    ("1.4", 3, Decimal(3)),
    ("1.4", "4", Decimal(4)),
    ("1.5", "97.34", Decimal("97.34")),
    ("1.5", "87/100", {"done": Decimal(87), "total": Decimal(100)}),
    ("1.5", "79.9%", Decimal("79.9")),
    ("1.5", "97,5", Decimal("97.5")),
    ("1.3", 0.95, Decimal(95)),  # in a cell formatted 0%: Excel shows 95%
    ("1.6", "2/3", {"done": Decimal(2), "total": Decimal(3)}),
    ("1.6", "50", Decimal(50)),
    ("1.7", 5, Decimal(5)),
    ("1.7", 9, Decimal(9)),
    ("1.8", 3, Decimal(3)),
    ("1.8", 7, Decimal(7)),
    ("1.9", 2.75, Decimal("2.75")),
    ("1.9", "1.5", Decimal("1.5")),
]

CONVERT = ("--convert-to", "xlsx")


def soffice_recalculated(path: Path, folder: Path) -> Path:
    """The workbook as LibreOffice saves it after opening it: every formula computed."""
    folder.mkdir(exist_ok=True)
    result = subprocess.run(
        # a profile of its own: a LibreOffice already running (another user's, another test's) would take the job
        [
            "soffice",
            f"-env:UserInstallation={(folder / 'profile').resolve().as_uri()}",
            "--headless",
            *CONVERT,
            "--outdir",
            str(folder),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    return folder / path.name


def test_the_form_asks_for_data_and_carries_no_appraisal(write: Write) -> None:
    write("kinds.yaml", KINDS)
    assert run("template", "kinds.yaml", "-f", "xlsx", "-o", "form.xlsx")[0] == 0
    sheet = load_workbook("form.xlsx")["Tiêu chí"]
    header = [cell.value for cell in sheet[1]]
    assert header[4:6] == ["Số liệu tự đánh giá (tỷ lệ, số lượng, lựa chọn)", "Điểm tự chấm (tự tính)"]
    assert "Thẩm định" not in header and "Appraised" not in header
    rows = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    guide = {code: str(sheet.cell(rows[code], 4).value).splitlines()[0] for code in ("1.1", "1.2", "1.3", "1.8")}
    assert guide == {
        "1.1": "Chọn Có/Không",
        "1.2": "Chọn mức trong danh sách (hoặc ghi mã mức)",
        "1.3": "Nhập tỷ lệ % (0–100) hoặc số đã làm/tổng số, ví dụ 45/50",
        "1.8": "Nhập: số vi phạm",
    }
    points = sheet.cell(rows["1.3"], 6)
    assert str(points.value).startswith("=") and points.protection.locked  # computed, not typed
    assert sheet.cell(rows["1.3"], 5).protection.locked is False
    assert sheet.cell(rows["1.10"], 6).value == "par tính khi chấm"
    english = load_workbook(run("template", "kinds.yaml", "-f", "xlsx", "-o", "en.xlsx", "--lang", "en") and "en.xlsx")
    assert [c.value for c in english["Criteria"][1]][4:6] == ["Self-assessment data", "Self-assessed points (computed)"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice) to recalculate formulas")
def test_the_points_formulas_equal_pars_exact_points(write: Write, tmp_path: Path) -> None:
    """Each typed input, recalculated by LibreOffice, shows the points par gives the same input."""
    write("kinds.yaml", KINDS)
    nodes = index(find_criteria("kinds.yaml").model)
    seen: dict[str, int] = {}
    form_of = []  # each input goes into the first form whose cell for its code is still empty
    for code, _, _ in TYPED:
        form_of.append(seen.get(code, 0))
        seen[code] = seen.get(code, 0) + 1
    forms = [Path(f"form{n}.xlsx") for n in range(max(form_of) + 1)]
    for path in forms:
        assert run("template", "kinds.yaml", "-f", "xlsx", "-o", str(path))[0] == 0
    books = [load_workbook(path) for path in forms]
    rows = {cell.value: cell.row for cell in books[0]["Tiêu chí"]["A"]}
    for (code, typed, _), n in zip(TYPED, form_of, strict=True):
        books[n]["Tiêu chí"].cell(rows[code], 5).value = typed
        if isinstance(typed, float):
            books[n]["Tiêu chí"].cell(rows[code], 5).number_format = "0%"
    for book, path in zip(books, forms, strict=True):
        book.save(path)
    done = [load_workbook(soffice_recalculated(path, tmp_path / "out"), data_only=True)["Tiêu chí"] for path in forms]
    assert done[0].cell(rows["1.10"], 6).value == "par tính khi chấm"
    for (code, typed, raw), n in zip(TYPED, form_of, strict=True):
        node = nodes[code].node
        value = node.scoring_rule.read(TextNumber(str(raw)) if isinstance(raw, Decimal) else raw, node.max)
        exact = node.scoring_rule.points(value, Fraction(node.max))
        value = done[n].cell(rows[code], 6).value
        assert isinstance(value, int | float), (code, typed, value)
        assert round(Fraction(value), 9) == round(exact, 9), (code, typed, value, exact)


def test_a_form_headed_the_old_way_is_still_read(write: Write) -> None:
    """Forms made before the data column was retitled say `Tự đánh giá` / `Self`: still read."""
    write("kinds.yaml", KINDS)
    for title in ("Tự đánh giá", "Self"):
        assert run("template", "kinds.yaml", "-f", "xlsx", "-o", "form.xlsx", "--force")[0] == 0
        book = load_workbook("form.xlsx")
        book["Thông tin"]["B1"], book["Thông tin"]["B2"] = "a", "A"
        sheet = book["Tiêu chí"]
        sheet["E1"] = title
        sheet.cell({c.value: c.row for c in sheet["A"]}["1.5"], 5).value = "87/100"
        book.save("form.xlsx")
        code, out, err = run("explain", "form.xlsx", "1.5")
        assert code == 0, err
        assert "Đầu vào: 87 %" in out and "2,29" in out, out  # linear: 2.5 × 87 / 95 = 2.289…


def test_every_agencys_form_at_once_details_filled_in_and_locked(write: Write) -> None:
    write("kinds.yaml", KINDS)
    write(
        "danh-sach.csv",
        "Mã cơ quan,Tên cơ quan,Nhóm,Loại đơn vị\nso-noi-vu,Sở Nội vụ,so-nganh,so\nxa-an-binh,Xã An Bình,xa,xa\n",
    )
    code, _, err = run(
        "template", "kinds.yaml", "--agencies", "danh-sach.csv", "-f", "xlsx", "-o", "forms", "--period", "2025"
    )
    assert (code, err) == (0, "ghi chú: đã lập 2 phiếu trong forms\n")  # the set's language (Vietnamese)
    assert sorted(p.name for p in Path("forms").iterdir()) == ["so-noi-vu.xlsx", "xa-an-binh.xlsx"]
    details = load_workbook("forms/xa-an-binh.xlsx")["Thông tin"]
    shown = [
        (details.cell(r, 1).value, details.cell(r, 2).value, details.cell(r, 2).protection.locked) for r in range(1, 7)
    ]
    assert shown == [
        ("Mã cơ quan", "xa-an-binh", True),
        ("Tên cơ quan", "Xã An Bình", True),
        ("Nhóm", "xa", True),
        ("Loại đơn vị", "xa", True),
        ("Năm", "2025", True),
        ("Bộ chỉ số", "kinds-2025", True),
    ]
    assert details.protection.sheet
    code, _, err = run_english("check", "forms/xa-an-binh.xlsx")
    assert code == 0, err
    code, _, err = run_english("template", "kinds.yaml", "--agencies", "danh-sach.csv", "-f", "xlsx", "-o", "forms")
    assert code == 2 and "forms/so-noi-vu.xlsx: error U003: exists already: making the forms would overwrite it" in err


def test_a_bad_list_of_agencies_is_reported_row_by_row_and_nothing_is_made(write: Write) -> None:
    write("kinds.yaml", KINDS)
    write(
        "ds.csv", "Mã cơ quan,Tên cơ quan\nso-noi-vu,Sở Nội vụ\n,Sở Y tế\nso noi vu,Sở Nội vụ 2\nSO-NOI-VU,Sở Nội vụ\n"
    )
    code, _, err = run("template", "kinds.yaml", "--agencies", "ds.csv", "-f", "xlsx", "-o", "forms", "--lang", "en")
    assert code == 1
    assert err.splitlines() == [
        "ds.csv:3:Mã cơ quan: error S001: a row without an agency id",
        "ds.csv:4:Mã cơ quan: error S001: agency id 'so noi vu' cannot name a file: use letters, digits, '.', '_' and '-'",
        "ds.csv:5:Mã cơ quan: error S001: agency 'SO-NOI-VU' is listed twice",
    ]
    assert not Path("forms").exists()
    code, _, err = run("template", "kinds.yaml", "--agencies", "ds.csv", "-f", "xlsx", "--lang", "en")
    assert code == 2 and "--agencies makes one form per agency: give the folder" in err


def test_every_agencys_yaml_form_at_once_for_par_serve(write: Write) -> None:
    write("kinds.yaml", KINDS)
    write(
        "danh-sach.csv",
        "Mã cơ quan,Tên cơ quan,Nhóm,Loại đơn vị\nso-noi-vu,Sở Nội vụ,so-nganh,so\nxa-an-binh,Xã An Bình,,xa\n",
    )
    code, _, err = run("template", "kinds.yaml", "--agencies", "danh-sach.csv", "-f", "yaml", "-o", "nam-2025")
    assert (code, err) == (0, "ghi chú: đã lập 2 phiếu trong nam-2025\n")
    assert sorted(p.name for p in Path("nam-2025").iterdir()) == ["so-noi-vu.yaml", "xa-an-binh.yaml"]
    text = Path("nam-2025/xa-an-binh.yaml").read_text(encoding="utf-8")
    assert 'agency:\n  id: "xa-an-binh"\n  name: "Xã An Bình"\n  type: "xa"\nperiod: ' in text
    assert 'group: "so-nganh"' in Path("nam-2025/so-noi-vu.yaml").read_text(encoding="utf-8")
    code, out, err = run_english("check", "nam-2025")
    assert code == 0 and "0 errors" in out + err, out + err
