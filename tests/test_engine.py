"""The engine on real files: the spec's worked examples, rounding, N/A, adjustments, grades and findings."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from par_cli.core.numbers import round_half_up, shown
from par_cli.core.scoring import Score
from par_cli.views.score import record
from par_cli.words.catalogue import finding_text
from par_cli.writers.json_text import dumps
from tests.conftest import SPEC, Write, score_file, score_texts


def test_spec_example_so_noi_vu() -> None:
    result = score_file(SPEC / "so-noi-vu.yaml")
    areas = {a.code: a for a in result.areas}
    assert (areas["1"].points, areas["1"].max) == (Fraction("4.5"), Fraction(6))
    assert (areas["2"].points, areas["2"].max) == (Fraction("3.25"), Fraction(4))
    assert (areas["3"].points, areas["3"].max) == (Fraction("3.6"), Fraction(5))
    assert result.points == Fraction("11.85") and result.max == 15
    assert shown(result.index, 2) == "79.00" and result.grade == "Khá"
    assert result.self_points == Fraction("12.475")
    assert shown(result.self_points, 2) == "12.48"
    assert shown(result.self_index, 2) == "83.17" and result.self_grade == "Tốt"
    leaves = {c.code: c for c in areas["1"].children[0].children}
    assert (leaves["1.1.2"].points, leaves["1.1.2"].self_points) == (Fraction(1), Fraction(2))
    linear = areas["2"].children[0]
    assert (linear.points, linear.self_points) == (Fraction("2.25"), Fraction("2.375"))
    assert [(f.code, f.criterion, f.figures) for f in result.findings] == [
        ("appraisal-cut", "1.1.2", (2, 1)),
        ("appraisal-cut", "2.1", (Fraction("2.375"), Fraction("2.25"))),
        ("not-counted", "3", (5, 105)),  # 100 answers on the scale, 5 E
    ]


def test_spec_example_so_y_te() -> None:
    result = score_file(SPEC / "so-y-te.yaml")
    areas = {a.code: a for a in result.areas}
    assert (areas["1"].points, areas["1"].max) == (Fraction("1.5"), Fraction(4))
    assert (areas["2"].points, areas["2"].max) == (Fraction(0), Fraction(4))
    assert (areas["3"].points, areas["3"].max) == (Fraction("1.8"), Fraction(5))
    assert result.points == Fraction("3.3") and result.max == 13
    assert shown(result.index, 2) == "25.38" and result.grade == "Trung bình"
    assert result.self_points == result.points
    assert [(f.code, f.criterion) for f in result.findings] == [
        ("missing-evidence", "1.1.1"),
        ("missing-evidence", "1.1.2"),
        ("unanswered", "2.2"),
    ]
    na = areas["1"].children[2]
    assert na.code == "1.3" and not na.applicable and na.max == 0


def test_spec_json_shape() -> None:
    data = json.loads(dumps(record(score_file(SPEC / "so-noi-vu.yaml"))))
    assert data["agency"] == {"id": "so-noi-vu", "name": "Sở Nội vụ", "group": "so-nganh"}
    assert data["criteria"] == {"id": "spec-example-2024", "title": "Bộ chỉ số ví dụ (spec v1)"}
    assert data["period"] == 2024
    assert (data["points"], data["max"], data["index"], data["grade"]) == (11.85, 15, 79, "Khá")
    assert data["self"] == {"points": 12.48, "max": 15, "index": 83.17, "grade": "Tốt"}
    assert data["areas"][0] == {
        "code": "1",
        "title": "Công tác chỉ đạo, điều hành cải cách hành chính",
        "points": 4.5,
        "max": 6,
        "index": 75,
        "self_points": 5.5,
        "self_index": 91.67,
        "applicable": True,
    }
    assert data["findings"][0] == {
        "level": "info",
        "code": "appraisal-cut",
        "criterion": "1.1.2",
        "message": "1.1.2: appraisal cut 2 → 1 (−1)",
        "file": str(SPEC / "so-noi-vu.yaml")
        if not str(SPEC).startswith(str(Path.cwd()))
        else data["findings"][0]["file"],
        "line": 7,
    }


@pytest.mark.parametrize(
    ("points", "index", "truncated"),
    [("90.32", "93.60", "93.59"), ("78.84", "81.70", "81.69"), ("96.5", "100.00", "100.00"), ("0", "0.00", "0.00")],
)
def test_index_rounds_half_up_once(write: Write, points: str, index: str, truncated: str) -> None:
    write(
        "c.yaml",
        """
        kind: criteria
        id: one
        title: One area
        areas:
          - {code: "1", title: A, max: 96.5}
        """,
    )
    path = write("a.yaml", f"kind: assessment\ncriteria: one\nagency: {{id: a, name: A}}\nanswers: {{'1': {points}}}\n")
    result = score_file(path)
    assert shown(result.index, 2) == index
    cut = int(result.index * 100)  # what truncation would show
    assert f"{cut // 100}.{cut % 100:02d}" == truncated


def test_round_half_up_is_not_bankers_rounding() -> None:
    assert str(round_half_up(Fraction("0.125"), 2)) == "0.13"
    assert str(round_half_up(Fraction("0.135"), 2)) == "0.14"
    assert str(round_half_up(Fraction("2.5"), 0)) == "3"
    assert str(round_half_up(Fraction(1, 3), 3)) == "0.333"
    assert str(round_half_up(Fraction(-5, 4), 1)) == "-1.3"


def test_total_is_rounded_once_from_exact_parts(write: Write) -> None:
    # Three areas of 1/3 point each: each shows 0.33, the total of the exact parts is 1.00, not 0.99.
    write(
        "c.yaml",
        """
        kind: criteria
        id: thirds
        title: Thirds
        areas:
          - {code: "1", title: A, max: 1, rule: {kind: linear}}
          - {code: "2", title: B, max: 1, rule: {kind: linear}}
          - {code: "3", title: C, max: 1, rule: {kind: linear}}
        """,
    )
    path = write(
        "a.yaml",
        """
        kind: assessment
        criteria: thirds
        agency: {id: a, name: A}
        answers:
          "1": {done: 1, total: 3}
          "2": {done: 1, total: 3}
          "3": {done: 1, total: 3}
        """,
    )
    result = score_file(path)
    assert [shown(a.points, 2) for a in result.areas] == ["0.33", "0.33", "0.33"]
    assert shown(result.points, 2) == "1.00"


SET = """
kind: criteria
id: demo
title: Demo
precision: 2
grades:
  - {min: 90, label: A}
  - {min: 80, label: B}
  - {min: 70, label: C}
areas:
  - code: "1"
    title: Area one
    max: 10
    children:
      - {code: "1.1", title: Levels, max: 2, rule: {kind: levels, levels: [{key: full, points: 2}, {key: part, percent: 75}, {key: none, points: 0}]}}
      - {code: "1.2", title: Tiers, max: 2, rule: {kind: tiers, tiers: [{above: 90, points: 2}, {min: 70, percent: 50}]}}
      - {code: "1.3", title: Deduction, max: 2, allow_na: true, rule: {kind: deduction, per: 0.75}}
      - {code: "1.4", title: Count, max: 2, rule: {kind: count, per: 0.5}}
      - {code: "1.5", title: Points, max: 2, rule: {kind: points, step: 0.25}}
  - code: "2"
    title: Area two
    max: 5
    allow_na: true
    children:
      - {code: "2.1", title: Check, max: 2, rule: {kind: check}}
      - {code: "2.2", title: Linear, max: 3, allow_na: true, rule: {kind: linear, full_at: 80, zero_below: 50}}
  - code: "3"
    title: Survey
    max: 5
    source: survey
    children:
      - {code: "3.1", title: Likert, max: 3, rule: {kind: likert, scale: {A: 100, B: 50, C: 0}}}
      - {code: "3.2", title: Survey points, max: 2}
adjustments:
  - {code: T, title: Bonus, kind: bonus, max: 2}
  - {code: P, title: Penalty, kind: penalty, max: 3}
"""


def demo(answers: str, adjustments: str = "{}") -> Score:
    """The demo set scored in memory (the engine and the rule kinds are tested with plain values)."""
    assessment = f"kind: assessment\ncriteria: demo\nagency: {{id: a, name: A}}\nanswers: {answers}\nadjustments: {adjustments}\n"
    return score_texts(SET, assessment)


def demo_file(write: Write, answers: str, adjustments: str = "{}") -> Path:
    """The demo set and an assessment as files, for the io and report tests."""
    write("demo.yaml", SET)
    text = f"kind: assessment\ncriteria: demo\nagency: {{id: a, name: A}}\nanswers: {answers}\nadjustments: {adjustments}\n"
    return write("a.yaml", text)


def leaf_points(code: str, answer: str) -> Fraction:
    result = demo(f'{{"{code}": {answer}}}')
    nodes = {n.code: n for area in result.areas for n in area.children}
    return nodes[code].points


@pytest.mark.parametrize(
    ("code", "answer", "points"),
    [
        ("1.1", "full", "2"),
        ("1.1", "part", "1.5"),
        ("1.1", "none", "0"),
        ("1.2", "90.0001", "2"),
        ("1.2", "90", "1"),  # `above` is strict: exactly 90 falls to the next tier
        ("1.2", "70", "1"),  # `min` is inclusive
        ("1.2", "69.99", "0"),
        ("1.2", "{done: 63, total: 70}", "1"),  # exactly 90 %
        ("1.2", "{done: 64, total: 70}", "2"),
        ("1.3", "0", "2"),
        ("1.3", "2", "0.5"),
        ("1.3", "3", "0"),  # not below 0
        ("1.4", "3", "1.5"),
        ("1.4", "9", "2"),  # capped at max
        ("1.5", "1.75", "1.75"),
        ("2.1", "true", "2"),
        ("2.1", "false", "0"),
        ("2.2", "49.9", "0"),
        ("2.2", "50", "1.875"),
        ("2.2", "80", "3"),
        ("2.2", "100", "3"),
        ("2.2", "{done: 2, total: 3}", "2.5"),
        ("3.1", "{survey: {A: 6, B: 3, C: 1, E: 7}}", "2.25"),  # (600 + 150 + 0) / 10 % of 3; E not counted
        ("3.2", "{survey: 1.82}", "1.82"),
    ],
)
def test_every_rule_kind(code: str, answer: str, points: str) -> None:
    assert leaf_points(code, answer) == Fraction(points)


def test_not_applicable_leaves_points_and_maximum() -> None:
    result = demo('{"1.3": na, "2": {na: true, reason: "không phát sinh"}, "1.1": full}')
    assert result.max == 10 - 2 + 5
    assert [(a.code, a.applicable, a.max) for a in result.areas] == [
        ("1", True, Fraction(8)),
        ("2", False, Fraction(0)),
        ("3", True, Fraction(5)),
    ]
    assert result.points == 2


def test_zero_total_is_not_applicable_where_allowed() -> None:
    result = demo('{"2.2": {done: 0, total: 0}, "2.1": true}')
    area = result.areas[1]
    assert area.max == 2 and area.points == 2


def test_adjustments_and_clamping() -> None:
    answers = "{'1.1': full, '1.2': 95, '1.3': 0, '1.4': 4, '1.5': 2, '2.1': true, '2.2': 100, '3.1': {survey: {A: 1}}, '3.2': {survey: 2}}"
    result = demo(answers, "{T: {self: 2, appraised: 1.5}}")
    assert result.points == 21.5 and result.max == 20
    assert result.index == 100  # clamped
    assert result.self_points == 22
    penalised = demo("{'1.1': none}", "{P: 3}")
    assert penalised.points == -3 and penalised.index == 0


def test_grades_use_the_exact_index() -> None:
    # 17.99 / 20 = 89.95 %: shown as 89.95, grade B; 18/20 = 90 %: grade A (min inclusive).
    answers = (
        "{'1.1': full, '1.2': 95, '1.3': 0, '1.4': 4, '1.5': 1.75, '2.1': true, '2.2': 100,"
        " '3.1': {survey: {A: 1}}, '3.2': {survey: 0.24}}"
    )
    result = demo(answers)
    assert result.points == Fraction("17.99") and shown(result.index, 2) == "89.95" and result.grade == "B"
    answers_a = answers.replace("0.24", "0.25")
    assert demo(answers_a).grade == "A"


def test_grade_is_none_below_every_band() -> None:
    result = demo("{'1.1': none}")
    assert result.grade is None


def test_findings(write: Write) -> None:
    answers = """
      "1.1": {self: full, appraised: part}
      "1.2": {self: 75, appraised: 95, evidence: ["Báo cáo"]}
      "1.4": {self: 2, explanation: "Đang bổ sung"}
      "1.5": 0
    """
    write("demo.yaml", SET)
    path = write(
        "a.yaml",
        "kind: assessment\ncriteria: demo\nagency: {id: a, name: A}\nanswers:\n"
        + "\n".join("  " + line.strip() for line in answers.strip().splitlines())
        + "\n",
    )
    result = score_file(path)
    found = [(f.level, f.code, f.criterion, result.origin.locate(f.path, key=True).line) for f in result.findings]
    assert found[:4] == [
        ("info", "appraisal-cut", "1.1", 5),
        ("warning", "missing-evidence", "1.1", 5),
        ("info", "appraisal-raised", "1.2", 6),
        ("warning", "unanswered", "1.3", 4),
    ]
    assert ("warning", "missing-evidence", "1.4", 7) not in found  # an explanation is enough
    assert ("warning", "missing-evidence", "1.5", 8) not in found  # earns nothing
    assert [f.criterion for f in result.findings if f.code == "unanswered"] == ["1.3", "2.1", "2.2", "3.1", "3.2"]
    assert finding_text(result.findings[1]) == "1.1: 2 self-assessed points without evidence or explanation"
    assert finding_text(result.findings[0]) == "1.1: appraisal cut 2 → 1.5 (−0.5)"
