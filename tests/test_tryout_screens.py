"""Found by trying issue 28's outputs as an office and a council would (try-out B): each test fails on the code
before its fix."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from tests.conftest import ROOT, Write, run

SET = """\
kind: criteria
id: so-2025
title: "Bộ chỉ số thử"
grades: [{min: 90, label: A}, {min: 0, label: B}]
areas:
  - {code: "1", title: Một, max: 60}
  - {code: "2", title: Hai, max: 40}
"""

OFFICE = """\
kind: office
groups:
  - {id: so, label: "I. KHỐI SỞ, BAN, NGÀNH"}
  - {id: khac, label: "II. CƠ QUAN KHÁC"}
"""


def unit(write: Write, year: str, agency_id: str, group: str, one: int, two: int) -> None:
    write(
        f"{year}/{agency_id}.yaml",
        f'kind: assessment\ncriteria: so-2025\nagency: {{id: {agency_id}, name: "Đơn vị {agency_id.upper()}", '
        f"group: {group}}}\nperiod: {year}\nanswers: {{'1': {one}, '2': {two}}}\n",
    )


def two_groups(write: Write) -> None:
    """Two groups, each with its own rank 1: so (a 80 → 90, b 70 → 60), khac (x 50 → 55)."""
    write("office.yaml", OFFICE)
    for year in ("2023", "2024"):
        write(f"{year}/criteria.yaml", SET)
    unit(write, "2023", "a", "so", 48, 32)
    unit(write, "2023", "b", "so", 42, 28)
    unit(write, "2023", "x", "khac", 30, 20)
    unit(write, "2024", "a", "so", 54, 36)
    unit(write, "2024", "b", "so", 36, 24)
    unit(write, "2024", "x", "khac", 33, 22)


def test_trend_of_two_groups_is_a_table_per_group_headed_by_its_label(write: Write) -> None:
    """Ranks are per group: one table mixing them showed two units at rank 1 with nothing saying why."""
    two_groups(write)
    code, out, err = run("trend", "2023", "2024")
    assert code == 0, err
    lines = out.splitlines()
    first, second = lines.index("I. KHỐI SỞ, BAN, NGÀNH"), lines.index("II. CƠ QUAN KHÁC")
    names = [n for n in ("Đơn vị A", "Đơn vị B", "Đơn vị X") if any(t.startswith(n) for t in lines)]
    assert names == ["Đơn vị A", "Đơn vị B", "Đơn vị X"]
    where = {n: next(i for i, t in enumerate(lines) if t.startswith(n)) for n in names}
    assert first < where["Đơn vị A"] < where["Đơn vị B"] < second < where["Đơn vị X"], out
    assert "khac" not in out and " so" not in out, out  # labels, not ids
    code, page, _ = run("trend", "2023", "2024", "-f", "html")
    assert code == 0 and "I. KHỐI SỞ, BAN, NGÀNH" in page and "II. CƠ QUAN KHÁC" in page


LONG = "Văn phòng Đoàn Đại biểu Quốc hội, Hội đồng nhân dân và Ủy ban nhân dân tỉnh"


def test_a_long_name_in_a_workbook_wraps_in_its_row_never_cut_at_the_column(write: Write, tmp_path: Path) -> None:
    """The ranking workbook printed `Văn phòng Đoàn Đại biểu Quốc hội, Hội đồng nh` (the name cut at the edge of
    its 40-wide column) and `merged ▲` for `merged ▲1`; the cut list `Sở Công Thương và Khoa học, Cô`."""
    write("2024/criteria.yaml", SET)
    unit(write, "2024", "a", "so", 48, 32)
    write(
        "2024/vp.yaml",
        f'kind: assessment\ncriteria: so-2025\nagency: {{id: vp, name: "{LONG}", group: so}}\nperiod: 2024\n'
        "answers: {'1': {self: 50, appraised: 40}, '2': 20}\n",
    )
    for args in (("rank", "2024"), ("appraisal", "cuts", "2024")):
        out = tmp_path / f"{args[0]}.xlsx"
        code, _, err = run(*args, "-f", "xlsx", "-o", str(out))
        assert code == 0, err
        sheet = openpyxl.load_workbook(out).worksheets[0]
        [cell] = [c for row in sheet.iter_rows() for c in row if c.value == LONG]
        assert cell.alignment.wrap_text, args
        assert (sheet.row_dimensions[cell.row].height or 0) > 20, args  # two lines at least


def test_rank_against_heads_each_group_by_its_label_not_its_id(write: Write) -> None:
    """`par rank … --criteria NEW --against OLD` headed its table `nhóm so-nganh` beside an office file naming
    the group `I. KHỐI SỞ, BAN, NGÀNH`."""
    two_groups(write)
    write("2024/new.yaml", SET.replace("id: so-2025", "id: so-2026").replace("max: 60", "max: 70"))
    code, out, err = run("rank", "2024", "--criteria", "2024/new.yaml", "--against", "2024/criteria.yaml")
    assert code == 0, err
    assert "I. KHỐI SỞ, BAN, NGÀNH" in out and "II. CƠ QUAN KHÁC" in out, out
    assert "nhóm so" not in out and "nhóm khac" not in out, out


def test_the_survey_report_has_no_note_column_when_no_group_has_too_few_forms(tmp_path: Path) -> None:
    """Its last column (`ghi chú`: the groups with fewer forms than the design asks) was empty on every row of the
    example, in the terminal, the HTML and the workbook: a column that says nothing."""
    results = str(ROOT / "examples" / "survey-2024" / "survey.yaml")
    code, out, err = run("survey", "report", results)
    assert code == 0, err
    assert "ghi chú" not in out, out
    book = tmp_path / "survey.xlsx"
    assert run("survey", "report", results, "-f", "xlsx", "-o", str(book))[0] == 0
    sheet = openpyxl.load_workbook(book).worksheets[0]
    words = {str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None}
    assert "ghi chú" not in words and "% không tính (E)" in words
