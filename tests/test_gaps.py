"""`par gaps`: where a folder loses its points, hand-computed, and equal to the explain ledgers on every example."""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction
from pathlib import Path

import pytest
from openpyxl import load_workbook

from par_cli.core.explain import explain
from par_cli.core.gaps import gaps
from par_cli.services.batch import score_units
from par_cli.services.surveys import SurveySource
from par_cli.services.workspace import FileScorer, Workspace, scored
from tests.conftest import ROOT, Write, run

SET = """\
kind: criteria
id: gaps-test
title: "Bộ thử nơi mất điểm"
areas:
  - code: "1"
    title: Một
    max: 10
    children:
      - {code: "1.1", title: "Kế hoạch", max: 6, allow_na: true, rule: {kind: points, step: 0.5}}
      - {code: "1.2", title: "Báo cáo", max: 4, rule: {kind: check}}
  - code: "2"
    title: Hai
    max: 10
    children:
      - {code: "2.1", title: "Một cửa", max: 10, rule: {kind: points, step: 0.5}}
"""


@pytest.fixture
def folder(write: Write) -> Path:
    """a: 1.1 = 5, 1.2 yes, 2.1 = 10 · b: 3, no, 8 · c: N/A, yes, 9.5."""
    write("f/criteria.yaml", SET)
    for agency_id, one, two, three in (("a", "5", "true", "10"), ("b", "3", "false", "8"), ("c", "na", "true", "9.5")):
        write(
            f"f/{agency_id}.yaml",
            f'kind: assessment\ncriteria: gaps-test\nagency: {{id: {agency_id}, name: "Sở {agency_id.upper()}"}}\n'
            f"period: 2025\nanswers: {{'1.1': {one}, '1.2': {two}, '2.1': {three}}}\n",
        )
    return Path("f")


def test_points_lost_per_criterion_by_hand(folder: Path) -> None:
    code, out, err = run("gaps", "f", "-f", "json")
    assert code == 0, err
    [found] = json.loads(out)["sets"]
    assert found["agencies"] == 3
    rows = {r["code"]: r for r in found["criteria_rows"]}
    # largest loss first; 1.1 and 1.2 both lose 4 points: in the set's order
    assert [r["code"] for r in found["criteria_rows"]] == ["1.1", "1.2", "2.1"]
    # 1.1: a loses 1, b 3, c is N/A → 2 assessed, 2 losing, 4 lost, 2 on average, 4 / (6 + 6) = 33.33 %
    assert {k: rows["1.1"][k] for k in ("agencies_assessed", "agencies_losing", "points_lost", "average_lost")} == {
        "agencies_assessed": 2,
        "agencies_losing": 2,
        "points_lost": 4,
        "average_lost": 2,
    }
    assert (rows["1.1"]["max"], rows["1.1"]["share_of_max_percent"]) == (12, 33.33)
    assert rows["1.1"]["worst"] == [{"agency": "Sở B", "points_lost": 3}, {"agency": "Sở A", "points_lost": 1}]
    # 1.2: only b (4 of 4) → 4 / 3 = 1.33 on average, 4 / 12 = 33.33 %
    assert (rows["1.2"]["agencies_losing"], rows["1.2"]["average_lost"], rows["1.2"]["share_of_max_percent"]) == (
        1,
        1.33,
        33.33,
    )
    # 2.1: b 2, c 0.5 → 2.5 lost, 0.83 on average, 2.5 / 30 = 8.33 %
    assert (rows["2.1"]["points_lost"], rows["2.1"]["average_lost"], rows["2.1"]["share_of_max_percent"]) == (
        2.5,
        0.83,
        8.33,
    )


def test_the_table_names_the_agencies_losing_most(folder: Path) -> None:
    code, out, err = run("gaps", "f")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[:3] == ["Nơi mất điểm", "", "Bộ thử nơi mất điểm · 3 cơ quan"], out  # the set by its title
    first = next(line for line in lines if line.strip().startswith("1.1"))
    assert first.split() == ["1.1", "Kế", "hoạch", "2/2", "4,00", "2,00", "33,33"], out
    # the agencies losing most under the table, one a line (never folded inside the criterion's column)
    listed = lines[lines.index("Cơ quan mất nhiều điểm nhất ở từng tiêu chí (điểm bị mất)") + 1 :]
    assert [line.rstrip() for line in listed[:3]] == ["  1.1 Sở B (3,00)", "      Sở A (1,00)", "  1.2 Sở B (4,00)"]


def test_csv_and_the_improvement_plan_workbook(folder: Path) -> None:
    code, out, _ = run("gaps", "f", "-f", "csv")
    assert code == 0
    assert "\\x0d" not in out  # CSV line endings (\\r\\n) are not written out as text on stdout
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert rows[1] == [
        "gaps-test", "1.1", "Kế hoạch", "2", "2", "2", "4.00", "2.00", "12.00", "33.33", "Sở B (3.00); Sở A (1.00)",
    ]  # fmt: skip
    code, _, err = run("gaps", "f", "-f", "xlsx")
    assert code == 2 and "U001" in err, err
    assert run("gaps", "f", "-f", "xlsx", "-o", "plan.xlsx")[0] == 0
    sheet = load_workbook("plan.xlsx").worksheets[0]
    header = [cell.value for cell in sheet[2]]
    assert header == [
        "STT", "Mã", "Tiêu chí", "Điểm tối đa (cộng)", "CQ mất điểm", "Tổng mất", "Bình quân", "% tối đa",
        "Cơ quan mất điểm", "Đơn vị chủ trì", "Thời hạn",
    ]  # fmt: skip
    first = [cell.value for cell in sheet[3]]
    assert first == [1, "1.1", "Kế hoạch", 12, "2/2", 4, 2, 33.33, "Sở B (3,00); Sở A (1,00)", None, None]
    assert [sheet.cell(row=r, column=2).value for r in range(3, 6)] == ["1.1", "1.2", "2.1"]


def test_html_has_a_heat_map_with_every_agency(folder: Path) -> None:
    code, page, _ = run("gaps", "f", "-f", "html")
    assert code == 0
    assert page.count('<table class="heat">') == 1
    assert 'title="Sở B · 1.2: 4,00 / 4,00"' in page  # everything lost: the deepest colour
    assert "background:rgb(255,75,75)" in page
    assert page.count('<td class="na">—</td>') == 1  # c: 1.1 does not apply


def test_depth_keeps_the_criteria_only(write: Write) -> None:
    code, out, err = run("gaps", str(ROOT / "examples/2024"), "--depth", "2", "-f", "json")
    assert code == 0, err
    [found] = json.loads(out)["sets"]
    assert {row["depth"] for row in found["criteria_rows"]} == {2}


@pytest.mark.parametrize("year", ["2023", "2024", "2025", "survey-2024"])
def test_gap_totals_equal_the_explain_ledgers(year: str) -> None:
    """Every criterion's total loss is the sum of what `par explain` shows as lost, agency by agency."""
    folder = ROOT / "examples" / year
    entries = score_units([folder], lambda: FileScorer(None, SurveySource(), nodes=True), jobs=1)
    [found] = gaps(entries)
    ledger_lost: dict[str, Fraction] = {}
    workspace = Workspace(survey=SurveySource())
    for path in sorted(folder.glob("*.yaml")):
        if path.stem in ("criteria", "design", "survey", "office"):
            continue
        bound = workspace.assessment(path)
        for line in explain(bound, scored(bound)).lines:
            if line.depth >= 2:
                ledger_lost[line.code] = ledger_lost.get(line.code, Fraction(0)) + line.lost
    assert {gap.code: gap.lost for gap in found.gaps} == ledger_lost
    assert [gap.lost for gap in found.gaps] == sorted((gap.lost for gap in found.gaps), reverse=True)


def test_the_plan_lists_only_criteria_where_points_were_lost(folder: Path) -> None:
    """1.2 is lost by b only; if b had it, the plan would have two rows: 1.1 and 2.1."""
    Path("f/b.yaml").write_text(Path("f/b.yaml").read_text(encoding="utf-8").replace("false", "true"), encoding="utf-8")
    assert run("gaps", "f", "-f", "xlsx", "-o", "plan.xlsx")[0] == 0
    sheet = load_workbook("plan.xlsx").worksheets[0]
    assert [sheet.cell(row=r, column=2).value for r in range(3, sheet.max_row + 1)] == ["1.1", "2.1"]


def test_beyond_the_heat_map_limit_only_the_sums_and_the_worst_are_kept(folder: Path) -> None:
    """A national folder keeps no per-agency cell: the same sums, the three worst, no heat map (and it says so)."""
    from par_cli.core.gaps import GapTally
    from par_cli.views.gaps import report
    from par_cli.writers import write

    full = GapTally()
    lean = GapTally(heat_limit=2)
    for entry in score_units([folder], lambda: FileScorer(None, SurveySource(), nodes=True), jobs=1):
        assert full.take(entry).nodes == ()
        lean.take(entry)
    [complete], [summed] = full.result(), lean.result()
    pick = [(g.code, g.assessed, g.losing, g.lost, g.max, g.worst) for g in complete.gaps]
    assert [(g.code, g.assessed, g.losing, g.lost, g.max, g.worst) for g in summed.gaps] == pick
    assert all(g.by_agency == () for g in summed.gaps)
    page = write(report([summed], None, "en"), "html")
    assert '<table class="heat">' not in page and "The heat map is drawn for up to 300 agencies" in page
    Path("lean.xlsx").write_bytes(write(report([summed], None, "vi"), "xlsx"))
    assert load_workbook("lean.xlsx").worksheets[0]["I3"].value == "Sở B (3,00); Sở A (1,00)"


def test_each_set_in_its_own_language_unless_one_is_asked_for(folder: Path, write: Write) -> None:
    """As `par rank`: a folder with a Vietnamese and an English set words each set's table in its language."""
    write("f/en/criteria.yaml", SET.replace("id: gaps-test", "id: gaps-en\nlanguage: en"))
    write(
        "f/en/d.yaml",
        "kind: assessment\ncriteria: gaps-en\nagency: {id: d, name: D}\nperiod: 2025\n"
        "answers: {'1.1': 5, '1.2': true, '2.1': 10}\n",
    )
    code, out, _ = run("gaps", "f", "--top", "1")
    assert code == 0
    assert "\nBộ thử nơi mất điểm · 1 agency\nCode  Criterion" in out, out
    assert "\nBộ thử nơi mất điểm · 3 cơ quan\n Mã  Tiêu chí" in out, out
    code, out, _ = run("gaps", "f", "--top", "1", "--lang", "en")
    assert "Nơi mất điểm" not in out and out.count("Where points are lost") == 1, out  # the title once
