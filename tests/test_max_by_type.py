"""One maximum per unit type on one node (issue 29): `max_by_type: {xa: 15}` beside `max`, which stays the maximum
of every other type (and of a set without types)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT, Write, run, run_english

SET = """\
kind: criteria
id: per-type
title: "Bộ thử điểm tối đa theo loại"
unit_types: [so, xa]
areas:
  - code: "1"
    title: Một
    max: 10
    max_by_type: {xa: 15}
    children:
      - {code: "1.1", title: "Kế hoạch", max: 4}
      - {code: "1.2", title: "Tuyên truyền", max: 6, max_by_type: {xa: 11}, rule: {kind: linear}}
  - {code: "2", title: Hai, max: 5}
"""


def scored(write: Write, unit_type: str, answers: str) -> dict[str, object]:
    write("criteria.yaml", SET)
    agency = f"{{id: a, name: A, type: {unit_type}}}"
    write("a.yaml", f"kind: assessment\ncriteria: per-type\nagency: {agency}\nanswers: {answers}\n")
    code, out, err = run("score", "a.yaml", "-f", "json")
    assert code == 0, err
    found: dict[str, object] = json.loads(out)
    return found


def test_each_type_is_scored_on_its_own_maximum(write: Write) -> None:
    answers = "{'1.1': 4, '1.2': 50, '2': 5}"
    # so: 1.2 is worth 6: 6 × 50 % = 3; 4 + 3 + 5 = 12 of 10 + 5 = 15 → 80 %
    so = scored(write, "so", answers)
    assert (so["points"], so["max"], so["index"]) == (12, 15, 80)
    # xa: 1.2 is worth 11: 11 × 50 % = 5.5; 4 + 5.5 + 5 = 14.5 of 15 + 5 = 20 → 72.5 %
    xa = scored(write, "xa", answers)
    assert (xa["points"], xa["max"], xa["index"]) == (14.5, 20, 72.5)
    area = xa["areas"][0]  # type: ignore[index]
    assert (area["max"], area["points"]) == (15, 9.5)


def test_points_above_the_types_maximum_are_refused_only_for_that_type(write: Write) -> None:
    write("criteria.yaml", SET.replace("rule: {kind: linear}", ""))
    for unit_type, code in (("xa", 0), ("so", 1)):  # 9 points: within 11 (xa), above 6 (so)
        agency = f"{{id: a, name: A, type: {unit_type}}}"
        write("a.yaml", f"kind: assessment\ncriteria: per-type\nagency: {agency}\nanswers: {{'1.2': 9}}\n")
        assert run("score", "a.yaml", "-f", "json")[0] == code
    _, out, err = run_english("check", "a.yaml")
    assert "A003" in out + err and "6" in out + err


def test_sums_per_type_and_undeclared_types_are_checked(write: Write) -> None:
    write("criteria.yaml", SET.replace("max_by_type: {xa: 11}", "max_by_type: {xa: 10, huyen: 3}"))
    code, out, _ = run_english("check", "criteria.yaml")
    assert code == 1
    assert (
        "criteria.yaml:9:23: error C001: 1: max for xa 15 is not the sum of its children's max for xa 14 "
        "(difference +1) (hint: set max_by_type.xa to 14 or correct a child's max for xa)" in out
    )
    assert "error C025: unit type 'huyen' is not one of unit_types (hint: the set's unit types: so, xa)" in out
    _, vi, _ = run("check", "criteria.yaml")
    assert "lỗi C001: 1: điểm tối đa cho xa 15 khác tổng điểm tối đa cho xa của các mục con 14 (chênh lệch +1)" in vi


def test_a_set_without_types_may_not_give_maxima_per_type(write: Write) -> None:
    write("criteria.yaml", SET.replace("unit_types: [so, xa]\n", ""))
    code, out, _ = run_english("check", "criteria.yaml")
    assert code == 1
    assert "error C025: unit type 'xa' is not one of unit_types (hint: the set's unit types: —)" in out


def test_the_example(monkeypatch: pytest.MonkeyPatch) -> None:
    """examples/max-by-type-2025, by hand (1.2 worth 10 for a department, 15 for a commune; 2.1 50 and 45):
    - Sở Tư pháp: 8 + 6 + 50 × 80 % = 40 + 25 = 79 of 100 → 79, 'Khá'.
    - Xã Hòa Bình: 8 + 12 + 45 × 80 % = 36 + 25 = 81 of 25 + 75 = 100 → 81, 'Tốt'.
    - Xã An Phú: 10 + 15 + 45 × 90 % = 40.5 + 30 = 95.5 → 'Xuất sắc'; communes' mean (95.5 + 81) / 2 = 88.25."""
    monkeypatch.chdir(ROOT)
    code, out, err = run("rank", "examples/max-by-type-2025", "--group-by", "type", "-f", "json")
    assert code == 0, err
    found = {
        g["group"]: (g["average"], [(r["agency"]["id"], r["points"], r["max"], r["grade"]) for r in g["rows"]])
        for g in json.loads(out)["groups"]
    }
    assert found == {
        "so": (79, [("so-tu-phap", 79, 100, "Khá")]),
        "xa": (88.25, [("xa-an-phu", 95.5, 100, "Xuất sắc"), ("xa-hoa-binh", 81, 100, "Tốt")]),
    }
    code, out, err = run("explain", "examples/max-by-type-2025/xa-hoa-binh.yaml", "2.1", "-f", "json")
    assert code == 0, err
    assert '"max": 45' in out


def test_an_agencys_form_shows_its_types_maximum(in_tmp: object) -> None:
    """`par template --agencies`: a commune's form asks 1.2 of 15 points, a department's of 10 (read back as such)."""
    from pathlib import Path

    example = str(ROOT / "examples" / "max-by-type-2025" / "criteria.yaml")
    Path("ag.csv").write_text("Mã cơ quan,Tên cơ quan,Loại đơn vị\nxa-a,Xã A,xa\nso-a,Sở A,so\n", encoding="utf-8")
    assert run("template", example, "--agencies", "ag.csv", "-f", "xlsx", "-o", "forms")[0] == 0
    _, xa, _ = run_english("check", "forms/xa-a.xlsx")
    _, so, _ = run_english("check", "forms/so-a.xlsx")
    assert "1.2: no answer; it scores 0 of 15" in xa and "2.1: no answer; it scores 0 of 45" in xa
    assert "1.2: no answer; it scores 0 of 10" in so and "2.1: no answer; it scores 0 of 50" in so
    import openpyxl

    for name, top in (("xa-a", 15), ("so-a", 10)):
        sheet = openpyxl.load_workbook(f"forms/{name}.xlsx")["Tiêu chí"]
        row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "1.2")
        assert top in row, row
