"""Method options real sets use (issue 15): strict grade bands ("trên 90%") beside inclusive ones ("từ 90%")."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import Write, run, run_english

SET = """\
kind: criteria
id: bands
title: "Bộ thử xếp loại"
grades:
  - {{above: 90, label: "Xuất sắc"}}   # trên 90%
  - {{min: 90, label: "Tốt"}}          # đúng 90%
  - {{min: 0, label: "Khá"}}
areas:
  - {{code: "1", title: Một, max: 3}}
"""


def grade_of(write: Write, points: str) -> str:
    write("criteria.yaml", SET.format())
    write("a.yaml", f"kind: assessment\ncriteria: bands\nagency: {{id: a, name: A}}\nanswers: {{'1': {points}}}\n")
    code, out, err = run("score", "a.yaml", "-f", "json")
    assert code == 0, err
    return str(json.loads(out)["grade"])


def test_above_is_strict_and_min_is_inclusive(write: Write) -> None:
    # 2.7 / 3 = 90 exactly: not above 90, at least 90
    assert grade_of(write, "2.7") == "Tốt"
    # 2.70003 / 3 = 90.001: above 90, even though it shows as 90,00
    assert grade_of(write, "2.70003") == "Xuất sắc"
    assert grade_of(write, "2.69997") == "Khá"


def test_band_order_and_the_lowest_band_are_checked(write: Write) -> None:
    write(
        "criteria.yaml",
        "kind: criteria\nid: x\ntitle: X\ngrades: [{min: 90, label: A}, {above: 90, label: B}, {above: 0, label: C}]\n"
        'areas:\n  - {code: "1", title: Một, max: 3}\n',
    )
    code, out, _ = run_english("check", "criteria.yaml")
    assert code == 1
    assert out.splitlines()[:2] == [
        "criteria.yaml:4:39: error C011: grade 'B' (above 90) is not below 'A' (min 90) (hint: list grades from the "
        "highest band down)",
        "criteria.yaml:4:62: warning C017: the lowest grade is above 0: an index of 0 or less has no grade (hint: "
        "add a lowest band with min: 0)",
    ], out


def test_a_band_takes_exactly_one_bound(write: Write) -> None:
    write(
        "criteria.yaml",
        "kind: criteria\nid: x\ntitle: X\ngrades: [{min: 90, above: 90, label: A}, {label: B}]\n"
        'areas:\n  - {code: "1", title: Một, max: 3}\n',
    )
    code, out, _ = run_english("check", "criteria.yaml")
    assert code == 1
    assert [line for line in out.splitlines() if "S001" in line] == [
        "criteria.yaml:4:10: error S001: grades[0]: give exactly one of 'min' or 'above'",
        "criteria.yaml:4:42: error S001: grades[1]: give exactly one of 'min' or 'above'",
    ], out


def test_a_field_of_another_part_is_not_suggested_as_itself(write: Write) -> None:
    """`levels:` on a node is a rule's field: the hint used to be "did you mean 'levels'?"."""
    write("criteria.yaml", 'kind: criteria\nid: x\ntitle: X\nareas:\n  - {code: "1", title: Một, max: 3, levels: 2}\n')
    code, out, _ = run_english("check", "criteria.yaml")
    assert code == 1
    assert out.splitlines()[0] == (
        "criteria.yaml:5:37: error S001: areas[0].levels: unknown field 'levels' (hint: 'levels' belongs to another "
        "part of the format, not here)"
    ), out


def test_criteria_show_writes_the_bands_as_they_are(write: Write) -> None:
    write("criteria.yaml", SET.format())
    code, out, _ = run("criteria", "show", "criteria.yaml")
    assert code == 0
    assert "Xếp loại: Xuất sắc > 90, Tốt ≥ 90, Khá ≥ 0" in out, out


POOLED = """\
kind: criteria
id: pooled
title: "Bộ thử bình quân"
group_average: {how}
areas:
  - {{code: "1", title: Một, max: 5, allow_na: true}}
  - {{code: "2", title: Hai, max: 5}}
"""


def test_the_group_average_is_the_mean_or_the_pooled_index_as_declared(write: Write) -> None:
    """a: 4 + 4 of 10 = 80 %; b: N/A + 3 of 5 = 60 %. Mean (80 + 60) / 2 = 70; pooled (8 + 3) / (10 + 5) = 73.33."""
    write("a.yaml", "kind: assessment\ncriteria: pooled\nagency: {id: a, name: A}\nanswers: {'1': 4, '2': 4}\n")
    write("b.yaml", "kind: assessment\ncriteria: pooled\nagency: {id: b, name: B}\nanswers: {'1': na, '2': 3}\n")
    found = {}
    for how in ("mean", "pooled"):
        write("criteria.yaml", POOLED.format(how=how))
        code, out, err = run("rank", ".", "-f", "json")
        assert code == 0, err
        [group] = json.loads(out)["groups"]
        found[how] = (group["count"], group["average"], group["average_method"])
    assert found == {"mean": (2, 70, "mean"), "pooled": (2, 73.33, "pooled")}
    code, out, _ = run("rank", ".", "--lang", "en")
    assert "Total: 2 agencies; pooled index (total points / total max): 73.33%" in out, out
    code, out, _ = run("rank", ".")
    assert "Tổng số: 02 cơ quan; chỉ số chung (tổng điểm/tổng điểm tối đa): 73,33%" in out, out


CAPS = """\
kind: criteria
id: caps
title: "Bộ thử điểm thưởng"
{above}
bonus_cap: 3
penalty_cap: 1
areas:
  - {{code: "1", title: Một, max: 10}}
adjustments:
  - {{code: T, title: "Sáng kiến", kind: bonus, max: 2}}
  - {{code: U, title: "Giải thưởng", kind: bonus, max: 2}}
  - {{code: P, title: "Vi phạm", kind: penalty, max: 5}}
"""


def test_bonus_and_penalty_caps_and_an_index_above_100(write: Write) -> None:
    """9.5 + bonus 2 + 2 (capped at 3: −1) − penalty 2 (capped at 1: +1) = 11.5 of 10 → 115 %, or 100 % capped."""
    write(
        "a.yaml",
        "kind: assessment\ncriteria: caps\nagency: {id: a, name: A}\nanswers: {'1': 9.5}\n"
        "adjustments: {T: {self: 2}, U: {self: 2}, P: {appraised: 2}}\n",
    )
    found = {}
    for above in ("bonus_above_max: true", ""):
        write("criteria.yaml", CAPS.format(above=above))
        code, out, err = run("score", "a.yaml", "-f", "json")
        assert code == 0, err
        data = json.loads(out)
        found[above] = (data["points"], data["index"])
        rows = [(a["code"], a["title"], a["points"]) for a in data["adjustments"]]
        assert rows == [
            ("T", "Sáng kiến", 2),
            ("U", "Giải thưởng", 2),
            ("P", "Vi phạm", -2),
            ("bonus-cap", "Bonus points above their cap of 3", -1),
            ("penalty-cap", "Penalty points beyond their cap of 1", 1),
        ], rows
    assert found == {"bonus_above_max: true": (11.5, 115), "": (11.5, 100)}
    code, out, _ = run("score", "a.yaml")
    assert "Phần điểm thưởng vượt mức tối đa 3" in out and "Phần điểm trừ vượt mức tối đa 1" in out, out


SURVEYED = """\
kind: criteria
id: xa
title: "Bộ thử điều tra tùy chọn"
{optional}
areas:
  - {{code: "1", title: "Tự chấm", max: 10}}
  - code: "2"
    title: "Điều tra XHH"
    max: 10
    source: survey
    children:
      - {{code: "2.1", title: "Hài lòng", max: 10, rule: {{kind: likert}}}}
"""


def test_an_optional_survey_leaves_the_maximum_of_a_unit_without_one(write: Write) -> None:
    """Commune a: 8 of 10 self-assessed, no survey → 80 % of 10 when the survey is optional (8 of 20 = 40 %
    otherwise). Commune b: 8 + survey A 10, B 10 → 10 × (100 + 60) / 2 / 100 = 8 → 16 of 20 = 80 % either way."""
    write("a.yaml", "kind: assessment\ncriteria: xa\nagency: {id: a, name: A}\nanswers: {'1': 8}\n")
    write(
        "b.yaml",
        "kind: assessment\ncriteria: xa\nagency: {id: b, name: B}\n"
        "answers: {'1': 8, '2.1': {survey: {A: 10, B: 10}}}\n",
    )
    found = {
        optional: {
            r["agency"]["id"]: (r["points"], r["max"], r["index"])
            for r in ranked_under(write, SURVEYED.format(optional=optional))
        }
        for optional in ("survey_optional: true", "")
    }
    assert found["survey_optional: true"] == {"a": (8, 10, 80), "b": (16, 20, 80)}
    assert found[""] == {"a": (8, 20, 40), "b": (16, 20, 80)}


def rows_of(out: str) -> list[dict[str, Any]]:
    return [row for group in json.loads(out)["groups"] for row in group["rows"]]


def ranked_under(write: Write, criteria: str) -> list[dict[str, Any]]:
    """The files of this folder ranked under the criteria set `criteria` (YAML text), as JSON rows."""
    write("criteria.yaml", criteria)
    code, out, err = run("rank", ".", "-f", "json")
    assert code == 0, err
    return rows_of(out)


ACCURACY = """\
kind: criteria
id: acc
title: "Bộ thử chất lượng tự đánh giá"
{declared}
areas:
  - {{code: "1", title: Một, max: 10}}
"""


def test_over_claiming_beyond_the_tolerance_costs_the_declared_points(write: Write) -> None:
    """a: self 9, final 7.5 → 1.5 over a tolerance of 1 → −0.5 → 7.0 (70 %); b: self 8, final 7.5 → 0.5 over:
    nothing → 75 %. Undeclared, both score 75 %."""
    write(
        "a.yaml",
        "kind: assessment\ncriteria: acc\nagency: {id: a, name: A}\nanswers: {'1': {self: 9, appraised: 7.5}}\n",
    )
    write(
        "b.yaml",
        "kind: assessment\ncriteria: acc\nagency: {id: b, name: B}\nanswers: {'1': {self: 8, appraised: 7.5}}\n",
    )
    found = {
        declared: {r["agency"]["id"]: r["index"] for r in ranked_under(write, ACCURACY.format(declared=declared))}
        for declared in ("self_assessment: {tolerance: 1, deduction: 0.5}", "")
    }
    assert found == {"self_assessment: {tolerance: 1, deduction: 0.5}": {"a": 70, "b": 75}, "": {"a": 75, "b": 75}}
    write("criteria.yaml", ACCURACY.format(declared="self_assessment: {tolerance: 1, deduction: 0.5}"))
    code, out, err = run("score", "a.yaml", "-f", "json")
    assert code == 0, err
    [row] = json.loads(out)["adjustments"]
    assert (row["code"], row["title"], row["points"]) == (
        "self-assessment",
        "Self-assessed points above the final ones by more than 1",
        -0.5,
    )
    code, out, _ = run("score", "a.yaml", "-f", "markdown")
    assert code == 0
    assert "| self-assessment | Điểm tự đánh giá cao hơn điểm thẩm định quá 1 điểm |" in out, out


BETWEEN = """\
kind: criteria
id: sigma
title: "Bộ thử tuyến tính từng đoạn"
areas:
  - {code: "1", title: "Tỷ lệ", max: 10, rule: {kind: between, low: 25, high: 90}}
"""


def test_piecewise_linear_between_two_thresholds(write: Write) -> None:
    """low 25, high 90, max 10: 20 % → 0; 25 % → 0; 57.5 % → 10 × 32.5 / 65 = 5; 90 % and 95 % → 10;
    {done: 1, total: 2} = 50 % → 10 × 25 / 65 = 3.846…"""
    write("criteria.yaml", BETWEEN)
    found = []
    for given in ("20", "25", "57.5", "90", "95", "{done: 1, total: 2}"):
        write("a.yaml", f"kind: assessment\ncriteria: sigma\nagency: {{id: a, name: A}}\nanswers: {{'1': {given}}}\n")
        code, out, err = run("score", "a.yaml", "-f", "json")
        assert code == 0, err
        found.append(json.loads(out)["points"])
    assert found == [0, 0, 5, 10, 10, 3.85]


def test_between_thresholds_are_checked(write: Write) -> None:
    write("criteria.yaml", BETWEEN.replace("low: 25, high: 90", "low: 90, high: 25"))
    code, out, _ = run_english("check", "criteria.yaml")
    assert code == 1
    assert "criteria.yaml:5:69: error C008: 1: low 90 is not below high 25" in out, out


TYPES = """\
kind: criteria
id: so-xa
title: "Một bộ cho sở và xã"
unit_types: [so, xa]
grades: [{min: 90, label: A}, {min: 0, label: B}]
grades_by_type:
  xa: [{min: 80, label: A}, {min: 0, label: B}]
areas:
  - {code: "1", title: "Chỉ đạo điều hành cấp sở", max: 20, applies_to: [so]}
  - {code: "2", title: "Thủ tục hành chính", max: 80}
"""


def test_one_set_for_departments_and_communes(write: Write) -> None:
    """so: 18 + 72 of 100 = 90 → A (≥ 90); xa-1: area 1 out of the maximum, 68 of 80 = 85 → A (communes: ≥ 80);
    xa-2: 60 of 80 = 75 → B. Ranked by type: so alone, then xa-1 before xa-2."""
    write("criteria.yaml", TYPES)
    for agency_id, unit_type, answers in (
        ("so-a", "so", "{'1': 18, '2': 72}"),
        ("xa-1", "xa", "{'2': 68}"),
        ("xa-2", "xa", "{'2': 60}"),
    ):
        write(
            f"{agency_id}.yaml",
            f"kind: assessment\ncriteria: so-xa\nagency: {{id: {agency_id}, name: {agency_id}, type: {unit_type}}}\n"
            f"answers: {answers}\n",
        )
    code, out, err = run("rank", ".", "--group-by", "type", "-f", "json")
    assert code == 0, err
    groups = json.loads(out)["groups"]
    assert [
        (g["group"], [(r["agency"]["id"], r["max"], r["index"], r["grade"]) for r in g["rows"]]) for g in groups
    ] == [
        ("so", [("so-a", 100, 90, "A")]),
        ("xa", [("xa-1", 80, 85, "A"), ("xa-2", 80, 75, "B")]),
    ]
    code, out, err = run("score", "xa-1.yaml", "-f", "json")
    assert code == 0, err
    assert [(a["code"], a["applicable"]) for a in json.loads(out)["areas"]] == [("1", False), ("2", True)]


def test_the_departments_and_communes_example(monkeypatch: pytest.MonkeyPatch) -> None:
    """examples/so-xa-2025 uses every option above. By hand:
    - Sở Nội vụ: 20 + (30 [99 % ≥ 95] + 76/80 × 20 = 19) + survey 25.63 + bonus 1.5 + 1 capped at 2 = 96.63.
    - Sở Tư pháp: 5 + 10 + 30 × 39/45 = 26 + 17.5 + survey 11.88 + 11.58 = 81.96; self-assessed 8.33 points more
      than appraised (> 5) → −1 = 80.96, 'Tốt' (not above 90).
    - Xã Tân Lập: no survey → max 10 + 50 = 60 (1.2 is for departments only); 10 + 30 × 42/45 = 28 + 15 − 1 = 52
      → 86.67, 'Xuất sắc' (communes from 85).
    - Communes pooled: (52 + 77.12) / (60 + 90) = 86.08."""
    from tests.conftest import ROOT

    monkeypatch.chdir(ROOT)
    code, out, err = run("rank", "examples/so-xa-2025", "--group-by", "type", "-f", "json")
    assert code == 0, err
    found = {
        g["group"]: (
            g["average"],
            [(r["agency"]["id"], r["points"], r["max"], r["index"], r["grade"]) for r in g["rows"]],
        )
        for g in json.loads(out)["groups"]
    }
    assert found == {
        "phuong": (96.65, [("phuong-ba-dinh", 86.98, 90, 96.65, "Xuất sắc")]),
        "so": (88.79, [("so-noi-vu", 96.63, 100, 96.63, "Xuất sắc"), ("so-tu-phap", 80.96, 100, 80.96, "Tốt")]),
        "xa": (86.08, [("xa-tan-lap", 52, 60, 86.67, "Xuất sắc"), ("xa-binh-minh", 77.12, 90, 85.69, "Xuất sắc")]),
    }


ROUNDS = """\
kind: criteria
id: rounds
title: "Bộ thử thẩm định hai lần"
areas:
  - code: "1"
    title: Một
    max: 10
    children:
      - {code: "1.1", title: "Kế hoạch", max: 4, rule: {kind: points, step: 0.5}}
      - {code: "1.2", title: "Báo cáo", max: 6, rule: {kind: points, step: 0.5}}
"""


def test_appraisal_rounds_the_final_counts_and_the_ledger_shows_the_path(write: Write) -> None:
    """1.1: self 4, first appraisal 2, explained, final 3 → 3 counts. 1.2: self 6, first appraisal 5 only → 5.
    Index (3 + 5) / 10 = 80."""
    write("criteria.yaml", ROUNDS)
    write(
        "a.yaml",
        "kind: assessment\ncriteria: rounds\nagency: {id: a, name: Sở A}\nanswers:\n"
        "  '1.1': {self: 4, first_appraisal: 2, explanation: 'Đã bổ sung quyết định', appraised: 3,"
        " evidence: [QĐ 1], reason: 'Thiếu báo cáo quý IV'}\n"
        "  '1.2': {self: 6, first_appraisal: 5, evidence: [BC 2]}\n",
    )
    code, out, err = run("score", "a.yaml", "-f", "json")
    assert code == 0, err
    assert json.loads(out)["index"] == 80
    code, out, err = run("explain", "a.yaml", "1.1", "--lang", "en")
    assert code == 0, err
    assert "self 4 → first appraisal 2 → explained → final appraisal 3" in " ".join(out.split()), out


def test_the_cut_list_names_every_changed_criterion_with_its_reason(write: Write) -> None:
    write("f/criteria.yaml", ROUNDS)
    write(
        "f/a.yaml",
        "kind: assessment\ncriteria: rounds\nagency: {id: a, name: Sở A}\nanswers:\n"
        "  '1.1': {self: 4, first_appraisal: 2, appraised: 3, evidence: [QĐ 1], reason: 'Thiếu báo cáo quý IV'}\n"
        "  '1.2': {self: 6, evidence: [BC 2]}\n",
    )
    write(
        "f/b.yaml", "kind: assessment\ncriteria: rounds\nagency: {id: b, name: Sở B}\nanswers: {'1.1': 4, '1.2': 6}\n"
    )
    code, out, err = run("appraisal", "cuts", "f", "-f", "json")
    assert code == 0, err
    data = json.loads(out)["agencies"]
    assert [(a["agency"]["id"], a["cuts"]) for a in data] == [
        (
            "a",
            [
                {
                    "code": "1.1",
                    "title": "Kế hoạch",
                    "self_points": 4,
                    "points": 3,
                    "change": -1,
                    "reason": "Thiếu báo cáo quý IV",
                    "two_rounds": True,
                }
            ],
        ),
        ("b", []),
    ]
    code, out, _ = run("appraisal", "cuts", "f")
    line = next(text for text in out.splitlines() if text.strip().startswith("1.1"))
    assert line.split()[:6] == ["1.1", "Kế", "hoạch", "4,00", "3,00", "(2"], out
    code, out, _ = run("appraisal", "cuts", "f", "-f", "csv")
    assert "a,Sở A,1.1,Kế hoạch,4.00,3.00,-1.00,Thiếu báo cáo quý IV,yes" in out, out
    assert run("appraisal", "cuts", "f", "-f", "xlsx", "-o", "cuts.xlsx")[0] == 0
    from openpyxl import load_workbook

    sheet = load_workbook("cuts.xlsx").worksheets[0]
    assert [c.value for c in sheet[3]] == ["Sở A", "1.1", "Kế hoạch", 4, 3, -1, "Thiếu báo cáo quý IV"]
