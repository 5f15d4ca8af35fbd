"""Issue 15, items 6 and 7: criteria scored relative to the group's leader, and areas appraised by named
departments in appraisal files of their own (`kind: appraisal`), merged into the assessments."""

from __future__ import annotations

import json
import shutil
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from par_cli.core.rules.relative import RelativeRule
from tests.conftest import ROOT, SPEC, Write, run, run_english

EXAMPLE = "examples/tham-dinh-2025"


def test_relative_points_by_hand() -> None:
    higher, lower = RelativeRule(better="higher"), RelativeRule(better="lower")
    fifteen = Fraction(15)
    assert higher.against(Fraction(48), Fraction(50), fifteen) == Fraction("14.4")  # 15 × 48 / 50
    assert higher.against(Fraction(50), Fraction(50), fifteen) == 15  # the leader
    assert higher.against(Fraction(0), Fraction(0), fifteen) == 0  # nobody has any: nobody leads
    assert lower.against(Fraction("2.5"), Fraction(2), fifteen) == 12  # 15 × 2 / 2.5
    assert lower.against(Fraction(0), Fraction(0), fifteen) == 15  # nothing late: the best there is
    assert lower.against(Fraction(4), Fraction(0), fifteen) == 0
    assert higher.points(Fraction(7), fifteen) == 15  # scored alone: its own leader


@given(
    st.lists(st.fractions(min_value=0, max_value=1000), min_size=1, max_size=8),
    st.sampled_from(["higher", "lower"]),
)
def test_relative_points_stay_within_max_and_the_leader_gets_it(values: list[Fraction], better: str) -> None:
    rule = RelativeRule(better=better)
    best = rule.best(values)
    points = [rule.against(value, best, Fraction(10)) for value in values]
    assert all(0 <= p <= 10 for p in points)
    assert rule.against(best, best, Fraction(10)) == (10 if best > 0 or better == "lower" else 0)
    ordered = sorted(zip(values, points, strict=True))  # better values never score less
    pts = [p for _, p in ordered]
    assert pts == (sorted(pts) if better == "higher" else sorted(pts, reverse=True))


def test_the_appraisers_example_ranks_as_computed_by_hand(monkeypatch: pytest.MonkeyPatch) -> None:
    """examples/tham-dinh-2025: areas 1–3 appraised in three appraisal files, area 4 in the assessments.
    - Xã An Bình: 10 + 9.5 (Sở Nội vụ) + 15 × 48/50 = 14.4 + 15 × 2/2.5 = 12 + 20 × (90 − 50)/45 = 17.78 + 10
      + 20 = 93.68 (2.1's leader has 50, 2.2's leader 2 days).
    - Xã Hòa Phú: 10 + 8 + 15 + 15 + 20 × 20/45 = 8.89 + 10 + 10 = 76.89.
    - Xã Tân Thạnh: 10 + 8 + 15 × 30/50 = 9 + 15 × 2/4 = 7.5 + 20 + 0 + 20 = 74.50."""
    monkeypatch.chdir(ROOT)
    code, out, err = run("rank", EXAMPLE, "-f", "json")
    assert code == 0, err
    (group,) = json.loads(out)["groups"]
    rows = [(r["agency"]["id"], r["points"], r["index"], r["grade"]) for r in group["rows"]]
    assert rows == [
        ("xa-an-binh", 93.68, 93.68, "Xuất sắc"),
        ("xa-hoa-phu", 76.89, 76.89, "Tốt"),
        ("xa-tan-thanh", 74.5, 74.5, "Tốt"),
    ], out
    first = group["rows"][0]["relative"]
    assert first == [{"code": "2.1", "value": 48, "best": 50}, {"code": "2.2", "value": 2.5, "best": 2}]
    code, out, err = run("rank", EXAMPLE)
    assert code == 0, err
    flat = " ".join(out.split())
    assert "2.1 chấm tương đối: đơn vị dẫn đầu nhóm đạt điểm tối đa (giá trị 50: Xã Hòa Phú)" in flat, out
    assert "2.2 chấm tương đối: đơn vị dẫn đầu nhóm đạt điểm tối đa (giá trị 2: Xã Hòa Phú)" in flat, out


def test_scored_alone_a_relative_criterion_says_the_agency_is_its_own_leader(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, err = run("score", f"{EXAMPLE}/xa-an-binh.yaml", "-f", "json", "--lang", "en")
    assert code == 0, err
    data = json.loads(out)
    area = next(a for a in data["areas"] if a["code"] == "2")
    assert area["points"] == 30  # alone, both leaves lead
    messages = [f["message"] for f in data["findings"] if f["level"] == "warning"]
    assert messages == [
        "2.1: scored relative to the group's leader; scored alone, this agency is its own leader (value 48: 15 of "
        "15). `par rank` scores it against its group",
        "2.2: scored relative to the group's leader; scored alone, this agency is its own leader (value 2.5: 15 of "
        "15). `par rank` scores it against its group",
    ], out


def test_the_leader_is_found_in_each_ranking_group(write: Write) -> None:
    write(
        "criteria.yaml",
        """
        kind: criteria
        id: rel
        title: "Tương đối"
        areas:
          - {code: "1", title: "Hồ sơ trực tuyến", max: 10, rule: {kind: relative}}
        """,
    )
    for name, group, value in (("a", "x", 20), ("b", "x", 10), ("c", "y", 5)):
        write(
            f"{name}.yaml",
            f'kind: assessment\ncriteria: rel\nagency: {{id: {name}, name: "{name}", group: {group}}}\n'
            f'answers: {{"1": {{self: {value}, evidence: [e]}}}}\n',
        )
    code, out, err = run("rank", ".", "-f", "json")
    assert code == 0, err
    found = {r["agency"]["id"]: r["points"] for g in json.loads(out)["groups"] for r in g["rows"]}
    assert found == {"a": 10, "b": 5, "c": 10}  # c leads its own group
    code, out, err = run("rank", ".", "--group-by", "none", "-f", "json")
    found = {r["agency"]["id"]: r["points"] for g in json.loads(out)["groups"] for r in g["rows"]}
    assert found == {"a": 10, "b": 5, "c": 2.5}  # one group: a leads everyone


def test_explain_shows_the_rounds_from_an_appraisal_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, err = run("explain", f"{EXAMPLE}/xa-hoa-phu.yaml", "--lang", "en")
    assert code == 0, err
    assert "self 9 → first appraisal 7 → final appraisal 8" in " ".join(out.split()), out
    assert err.splitlines()[0].startswith("note: 2.1: scored relative to the group's leader; scored alone"), err


SET = """\
kind: criteria
id: owned
title: "Lĩnh vực có cơ quan thẩm định"
areas:
  - code: "1"
    title: "Nội vụ"
    max: 10
    appraiser: so-noi-vu
    children:
      - {code: "1.1", title: "Kế hoạch", max: 4, rule: {kind: points, step: 0.5}}
      - {code: "1.2", title: "Báo cáo", max: 6, rule: {kind: check}}
  - {code: "2", title: "Tư pháp", max: 10, appraiser: so-tu-phap, rule: {kind: linear}}
"""


def _agency(write: Write, name: str) -> None:
    write(
        f"{name}.yaml",
        f"""
        kind: assessment
        criteria: owned
        agency: {{id: {name}, name: "{name}"}}
        answers: {{"1.1": {{self: 4, evidence: [e]}}, "1.2": {{self: true, evidence: [e]}}, "2": {{self: 80, evidence: [e]}}}}
        """,
    )


def test_appraisal_files_merge_into_each_agency(write: Write) -> None:
    write("criteria.yaml", SET)
    _agency(write, "xa-a")
    _agency(write, "xa-b")
    write(
        "noi-vu.yaml",
        'kind: appraisal\ncriteria: owned\nappraiser: so-noi-vu\nagencies:\n  xa-a: {"1.1": 3}\n  XA-B: {"1.2": false}\n',
    )
    write(
        "tu-phap.yaml",
        'kind: appraisal\ncriteria: owned\nappraiser: so-tu-phap\nagencies:\n  xa-a: {"2": {done: 1, total: 2}}\n',
    )
    code, out, err = run("rank", ".", "-f", "json")
    assert code == 0, err
    found = {r["agency"]["id"]: r["points"] for g in json.loads(out)["groups"] for r in g["rows"]}
    assert found == {"xa-a": 3 + 6 + 5, "xa-b": 4 + 0 + 8}  # the appraisal files are not ranked themselves
    code, out, err = run("score", "xa-a.yaml", "-f", "json", "--lang", "en")
    assert code == 0, err
    assert json.loads(out)["points"] == 14


def test_two_appraisal_files_giving_one_value_name_each_other(write: Write) -> None:
    write("criteria.yaml", SET)
    _agency(write, "xa-a")
    write("a.yaml", 'kind: appraisal\ncriteria: owned\nappraiser: so-noi-vu\nagencies:\n  xa-a: {"1.1": 3}\n')
    write(
        "b.yaml", 'kind: appraisal\ncriteria: owned\nappraiser: so-noi-vu\nagencies:\n  xa-a: {"1.1": {appraised: 3}}\n'
    )
    code, out, err = run("rank", ".", "--lang", "en")
    assert code == 1, out + err
    assert err == "b.yaml:5:10: error A021: 1.1: appraised is given twice, here and in a.yaml: keep one\n", err
    code, out, err = run("score", "xa-a.yaml", "--lang", "en")
    assert code == 1 and "A021" in err, err


def test_an_appraisal_outside_the_appraisers_areas_is_refused_where_it_is(write: Write) -> None:
    write("criteria.yaml", SET)
    _agency(write, "xa-a")
    write("a.yaml", 'kind: appraisal\ncriteria: owned\nappraiser: so-noi-vu\nagencies:\n  xa-a: {"1.1": 9, "2": 50}\n')
    code, out, err = run("rank", ".", "--lang", "en")
    assert code == 1, out + err
    assert err.splitlines() == [
        "a.yaml:5:17: error A003: 1.1: 9 points is outside 0–4",
        "a.yaml:5:20: error A020: so-noi-vu may not appraise 2: the set names so-tu-phap as its appraiser (hint: "
        "an appraiser appraises only the criteria under an `appraiser:` naming it in the criteria set)",
    ], err


def test_an_appraisal_for_an_agency_with_no_assessment_is_never_dropped(write: Write) -> None:
    write("criteria.yaml", SET)
    _agency(write, "xa-a")
    write("a.yaml", 'kind: appraisal\ncriteria: owned\nappraiser: so-noi-vu\nagencies:\n  xa-aa: {"1.1": 3}\n')
    for command in ("rank", "check"):
        code, out, err = run(command, ".", "--lang", "en")
        assert code == 1, (command, out, err)
        assert (
            "a.yaml:5:3: error A022: appraisal for 'xa-aa', but no assessment beside this file is for that agency: "
            "its values would be lost (hint: did you mean 'xa-a'?)"
        ) in err + out, (command, out, err)


def test_the_appraisal_file_kind_has_a_schema() -> None:
    code, out, err = run("schema", "appraisal")
    assert code == 0, err
    schema = json.loads(out)
    assert set(schema["required"]) == {"kind", "criteria", "appraiser", "agencies"}


def test_shipped_example_files_are_each_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file of the example is an assessment, the set, or an appraisal file naming all three agencies."""
    monkeypatch.chdir(ROOT)
    names = sorted(p.name for p in Path(EXAMPLE).glob("*.yaml"))
    assert [n for n in names if n.startswith("tham-dinh-")] == [
        "tham-dinh-so-noi-vu.yaml",
        "tham-dinh-so-tu-phap.yaml",
        "tham-dinh-trung-tam.yaml",
    ]


def test_an_appraisal_for_another_period_or_set_is_never_dropped_silently(write: Write) -> None:
    write("criteria.yaml", SET)
    _agency(write, "xa-a")
    write(
        "a.yaml",
        'kind: appraisal\ncriteria: owned\nappraiser: so-noi-vu\nperiod: "2024"\nagencies:\n  xa-a: {"1.1": 3}\n',
    )
    Path("xa-a.yaml").write_text(Path("xa-a.yaml").read_text(encoding="utf-8") + 'period: "2025"\n', encoding="utf-8")
    code, out, err = run("rank", ".", "--lang", "en")
    assert code == 1, out + err
    assert err.startswith("a.yaml:6:3: error A022: appraisal for 'xa-a', but no assessment beside this file"), err


def test_criteria_show_names_each_areas_appraiser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, err = run("criteria", "show", f"{EXAMPLE}/criteria.yaml", "--depth", "1")
    assert code == 0, err
    assert "1 Công tác chỉ đạo, điều hành CCHC  (20 điểm)  [thẩm định: so-noi-vu]" in out, out
    assert "4 Cải cách tổ chức bộ máy  (20 điểm)\n" in out, out


def test_a_relative_criterion_asks_for_evidence_as_every_criterion_does(write: Write) -> None:
    write(
        "criteria.yaml",
        'kind: criteria\nid: rel\ntitle: "Tương đối"\nareas:\n  - {code: "1", title: "Hồ sơ", max: 10, rule: {kind: relative}}\n',
    )
    write("a.yaml", 'kind: assessment\ncriteria: rel\nagency: {id: a, name: "A"}\nanswers: {"1": 20}\n')
    code, out, err = run_english("check", "a.yaml")
    assert code == 0, out + err
    assert "a.yaml:4:11: warning A007: 1: 10 self-assessed points without evidence or explanation" in out, out


def _spec_folder() -> None:
    for name in ("criteria.yaml", "so-noi-vu.yaml", "so-y-te.yaml"):
        shutil.copy(SPEC / name, name)


COUNCIL_FILE = "kind: appraisal\ncriteria: spec-example-2024\nappraiser: hoi-dong\nagencies:\n"


def test_the_council_gives_a_bonus_in_its_appraisal_file(write: Write) -> None:
    """Sở Y tế claimed no bonus (T, max 1): the council gives it 0.5 — 3.30 + 0.5 = 3.80 of 13, index 29.23."""
    _spec_folder()
    write("tham-dinh.yaml", COUNCIL_FILE + '  so-y-te: {T: {first_appraisal: 1, appraised: 0.5, reason: "Cấp sở"}}\n')
    code, out, err = run("rank", ".", "-f", "json")
    assert code == 0, err
    found = {r["agency"]["id"]: (r["points"], r["index"]) for g in json.loads(out)["groups"] for r in g["rows"]}
    assert found == {"so-noi-vu": (11.85, 79), "so-y-te": (3.8, 29.23)}
    cuts = json.loads(run("appraisal", "cuts", ".", "-f", "json")[1])
    bonus = [c for a in cuts["agencies"] if a["agency"]["id"] == "so-y-te" for c in a["cuts"]]
    assert [(c["code"], c["reason"]) for c in bonus] == [("T", "Cấp sở")]


def test_an_adjustment_in_an_appraisal_file_is_checked_as_an_assessments(write: Write) -> None:
    _spec_folder()
    write(
        "so-tu-phap.yaml",
        "kind: appraisal\ncriteria: spec-example-2024\nappraiser: so-tu-phap\nagencies:\n  so-y-te: {T: 1}\n",
    )
    write(
        "tham-dinh.yaml",
        COUNCIL_FILE + "  so-y-te: {T: {appraised: 1.5}, P: 1}\n  so-noi-vu: {T: {appraised: 1, self: 1}}\n",
    )
    code, out, err = run("rank", ".", "--lang", "en")
    assert code == 1, out + err
    assert err.splitlines() == [
        "so-tu-phap.yaml:5:13: error A020: so-tu-phap may not appraise T: the set names no appraiser for it (the "
        "council appraises it, in the assessment or in a file with `appraiser: hoi-dong`) (hint: an appraiser "
        "appraises only the criteria under an `appraiser:` naming it in the criteria set)",
        "tham-dinh.yaml:5:28: error A003: adjustment T: 1.5 is not a number of points in 0–1",
        "tham-dinh.yaml:5:34: error A001: no criterion 'P' in spec-example-2024 (hint: see `par criteria show`)",
        "tham-dinh.yaml:6:33: error A012: unknown adjustment field 'self' (hint: answer fields: appraised, "
        "first_appraisal, reason)",
    ], err


def test_an_adjustment_the_assessment_appraises_itself_is_given_twice(write: Write) -> None:
    _spec_folder()  # so-noi-vu.yaml holds `T: {appraised: 0.5}`
    write("tham-dinh.yaml", COUNCIL_FILE + "  so-noi-vu: {T: 0.25}\n")
    code, out, err = run("rank", ".", "--lang", "en")
    assert code == 1, out + err
    assert "tham-dinh.yaml:5:15: error A021: T: appraised is given twice, here and in so-noi-vu.yaml: keep one" in err
