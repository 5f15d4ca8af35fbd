"""`par rank`: exact ranking with ties, groups, last year's ranks, every format, broken files, parallel = serial."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from par_cli.core.ranking import Entry, competition_ranks, rank
from par_cli.services.batch import score_files
from par_cli.services.workspace import FileScorer
from tests.conftest import Write, run, run_english

CRITERIA = """\
kind: criteria
id: {id}
title: "Bộ chỉ số {id}"
grades: [{{min: 90, label: A}}, {{min: 80, label: B}}, {{min: 0, label: C}}]
areas:
  - {{code: "1", title: Một, max: 60, allow_na: true}}
  - {{code: "2", title: Hai, max: 40}}
"""


def agency(
    write: Write,
    folder: str,
    agency_id: str,
    name: str,
    one: str,
    two: str = "40",
    group: str = "so",
    criteria: str = "set-2024",
) -> None:
    answers = f"'1': {one}, '2': {two}" if one != "na" else f"'1': na, '2': {two}"
    write(
        f"{folder}/{agency_id}.yaml",
        f'kind: assessment\ncriteria: {criteria}\nagency: {{id: {agency_id}, name: "{name}", group: {group}}}\n'
        f"period: 2024\nanswers: {{{answers}}}\n",
    )


@pytest.fixture
def year(write: Write) -> Write:
    write("2024/criteria.yaml", CRITERIA.format(id="set-2024"))
    return write


def test_ties_share_a_rank_and_the_next_is_skipped(year: Write) -> None:
    agency(year, "2024", "a", "Sở A", "50")  # 90.00
    agency(year, "2024", "b", "Sở B", "50")  # 90.00, tie with A
    agency(year, "2024", "c", "Sở C", "60")  # 100
    agency(year, "2024", "d", "Sở D", "30")  # 70
    code, out, err = run("rank", "2024", "-f", "json")
    assert code == 0, err
    [group] = json.loads(out)["groups"]
    assert [(r["rank"], r["agency"]["id"], r["index"], r["grade"]) for r in group["rows"]] == [
        (1, "c", 100, "A"),
        (2, "a", 90, "A"),
        (2, "b", 90, "A"),
        (4, "d", 70, "C"),
    ]
    assert (group["count"], group["average"], group["grades"]) == (4, 87.5, {"A": 3, "B": 0, "C": 1})


def test_reduced_maximum_ranks_by_percent_and_exact_value_orders_equal_display(year: Write) -> None:
    agency(year, "2024", "na", "Ban Dân tộc", "na", "36.01")  # 36.01 / 40 = 90.025 %
    agency(year, "2024", "full", "Sở Tư pháp", "54.01", "36")  # 90.01 / 100 = 90.01 %
    agency(year, "2024", "close", "Sở Xây dựng", "54.02", "36")  # 90.02 %
    _, out, _ = run("rank", "2024", "-f", "json")
    rows = json.loads(out)["groups"][0]["rows"]
    # Ban Dân tộc shows 90.03 (90.025 half-up) and ranks first on its exact percentage, with fewer points.
    assert [(r["rank"], r["agency"]["id"], r["points"], r["max"], r["index"]) for r in rows] == [
        (1, "na", 36.01, 40, 90.03),
        (2, "close", 90.02, 100, 90.02),
        (3, "full", 90.01, 100, 90.01),
    ]


def test_equal_shown_figures_can_hold_different_ranks() -> None:
    from fractions import Fraction

    def entry(agency_id: str, index: Fraction) -> Entry:
        return Entry(
            agency_id, agency_id, None, (), "c", "C", None, 2, "en", (), index, Fraction(100), index, None, (), "f"
        )

    ranked = competition_ranks(
        [entry("x", Fraction("90.024")), entry("y", Fraction("90.016")), entry("z", Fraction("90.016"))]
    )
    assert [(r, e.agency_id) for r, e in ranked] == [(1, "x"), (2, "y"), (2, "z")]  # all three shown as 90.02


def test_groups_and_group_by(year: Write) -> None:
    agency(year, "2024", "a", "Sở A", "50", group="so")
    agency(year, "2024", "b", "UBND B", "60", group="huyen")
    agency(year, "2024", "c", "Sở C", "55", group="so")
    _, out, _ = run("rank", "2024", "-f", "json")
    groups = json.loads(out)["groups"]
    assert [(g["group"], [r["agency"]["id"] for r in g["rows"]]) for g in groups] == [
        ("huyen", ["b"]),
        ("so", ["c", "a"]),
    ]
    _, out, _ = run("rank", "2024", "-f", "json", "--group-by", "none")
    [group] = json.loads(out)["groups"]
    assert group["group"] is None
    assert [(r["rank"], r["agency"]["id"]) for r in group["rows"]] == [(1, "b"), (2, "c"), (3, "a")]


def test_group_by_an_agency_attribute(year: Write) -> None:
    for agency_id, points, kind in (("a", "50", "huyen"), ("b", "60", "so"), ("c", "55", "huyen")):
        year(
            f"2024/{agency_id}.yaml",
            f"kind: assessment\ncriteria: set-2024\nagency: {{id: {agency_id}, name: {agency_id.upper()}, "
            f"attributes: {{cap: {kind}}}}}\nanswers: {{'1': {points}, '2': 40}}\n",
        )
    _, out, _ = run_english("rank", "2024", "-f", "json", "--group-by", "cap")
    groups = json.loads(out)["groups"]
    assert [(g["group"], [r["agency"]["id"] for r in g["rows"]]) for g in groups] == [
        ("huyen", ["c", "a"]),
        ("so", ["b"]),
    ]
    # an attribute no agency has is a usage error naming the ones that exist, not one unlabelled group
    assert run_english("rank", "2024", "-f", "json", "--group-by", "no-such-field") == (
        2,
        "",
        "--group-by: error U002: --group-by no-such-field: no agency has this attribute (they have: cap)\n",
    )


def test_year_over_year_with_renamed_criteria_new_and_gone_agencies(year: Write) -> None:
    year("2023/criteria.yaml", CRITERIA.format(id="set-2023"))  # last year's set had another id
    for agency_id, points in (("a", "10"), ("b", "50"), ("c", "30"), ("gone", "60")):
        agency(year, "2023", agency_id, f"Sở {agency_id}", points, criteria="set-2023")
    for agency_id, points in (("a", "60"), ("b", "50"), ("c", "20"), ("new", "55")):
        agency(year, "2024", agency_id, f"Sở {agency_id}", points)
    code, out, _ = run("rank", "2024", "--previous", "2023", "-f", "json")
    assert code == 0
    rows = json.loads(out)["groups"][0]["rows"]
    assert [(r["agency"]["id"], r["rank"], r["previous_rank"], r["rank_change"]) for r in rows] == [
        ("a", 1, 4, 3),
        ("new", 2, None, None),
        ("b", 3, 2, -1),
        ("c", 4, 3, -1),
    ]
    Path("2023.json").write_text(run("rank", "2023", "-f", "json")[1], encoding="utf-8")
    _, again, _ = run("rank", "2024", "--previous", "2023.json", "-f", "json")
    assert json.loads(again) == json.loads(out)
    _, table, _ = run("rank", "2024", "--previous", "2023", "--lang", "en")
    lines = [line.rstrip() for line in table.splitlines()]
    assert lines[0] == "Bộ chỉ số set-2024 · year 2024"  # the set's title and the period, no id
    assert lines[1:7] == [
        "Rank  Agency            Points     Max  Index %  Grade  Previous rank  Change",
        "─" * 87,
        "   1  Sở a              100.00  100.00   100.00  A                  4      ▲3  ████████",
        "   2  Sở new             95.00  100.00    95.00  A                  —     new  ███████▌",
        "   3  Sở b               90.00  100.00    90.00  A                  2      ▼1  ███████▏",
        "   4  Sở c               60.00  100.00    60.00  C                  3      ▼1  ████▊···",
    ]
    assert lines[7] == "Total: 4 agencies; average index: 86.25%; A: 3, C: 1"


def test_csv_opens_in_excel_and_neutralises_formulas(year: Write) -> None:
    agency(year, "2024", "a", '=HYPERLINK(\\"http://x\\")', "50")
    agency(year, "2024", "b", "+Sở B", "40")
    agency(year, "2024", "c", "@Sở C", "30", group="-so")
    code, _, _ = run("rank", "2024", "-f", "csv", "--areas", "--group-by", "none", "-o", "rank.csv")
    assert code == 0
    out = Path("rank.csv").read_bytes().decode("utf-8")
    assert out.startswith(
        "\ufeffcriteria,group,rank,agency_id,agency,points,max,index,grade,previous_rank,rank_change,area_1,area_2\r\n"
    )
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert [row[2:9] for row in rows[1:]] == [
        ["1", "a", '\'=HYPERLINK("http://x")', "90.00", "100.00", "90.00", "A"],
        ["2", "b", "'+Sở B", "80.00", "100.00", "80.00", "B"],
        ["3", "c", "'@Sở C", "70.00", "100.00", "70.00", "C"],
    ]
    assert [row[11:] for row in rows[1:]] == [["83.33", "100.00"], ["66.67", "100.00"], ["50.00", "100.00"]]


def test_markdown(year: Write) -> None:
    agency(year, "2024", "a", "Sở A|B", "50")
    _, out, _ = run("rank", "2024", "-f", "markdown", "--lang", "en")
    assert out.splitlines() == [
        "## Bộ chỉ số set-2024 · year 2024",
        "",
        "| Rank | Agency | Points | Max | Index % | Grade |",
        "| ---: | :--- | ---: | ---: | ---: | :--- |",
        "| 1 | Sở A\\|B | 90.00 | 100.00 | 90.00 | A |",
        "",
        "Total: 1 agency; average index: 90.00%; A: 1",
    ]


def test_duplicate_agency_id_names_both_files(year: Write) -> None:
    agency(year, "2024", "a", "Sở A", "50")
    year("2024/copy.yaml", Path("2024/a.yaml").read_text(encoding="utf-8"))
    code, out, err = run_english("rank", "2024")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "2024/copy.yaml:3:14: error R003: agency id 'a' is also in 2024/a.yaml: one file per agency and group "
        "(hint: agency ids must be unique within a group)"
    ]


def test_one_broken_file_among_many_fails_the_ranking(year: Write) -> None:
    for n in range(5):
        agency(year, "2024", f"s{n}", f"Sở {n}", str(10 * n))
    year(
        "2024/broken.yaml",
        "kind: assessment\ncriteria: set-2024\nagency: {id: x, name: X}\nanswers: {'1': 70, '3': 1}\n",
    )
    code, out, err = run_english("rank", "2024")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "2024/broken.yaml:4:16: error A003: 1: 70 points is outside 0–60",
        "2024/broken.yaml:4:20: error A001: no criterion '3' in set-2024 (hint: see `par criteria show`)",
    ]


def test_fail_under(year: Write) -> None:
    agency(year, "2024", "a", "Sở A", "50")
    agency(year, "2024", "b", "Sở B", "29.99")
    code, out, err = run_english("rank", "2024", "--fail-under", "70", "-f", "json")
    assert code == 1 and json.loads(out)["groups"]
    assert err == "2024/b.yaml:3:14: error R005: Sở B is below --fail-under 70\n"
    assert run_english("rank", "2024", "--fail-under", "69.99")[0] == 0


def test_output_file_is_written_atomically(year: Write) -> None:
    agency(year, "2024", "a", "Sở A", "50")
    code, out, _ = run("rank", "2024", "-f", "json", "--output", "out.json")
    assert (code, out) == (0, "")
    assert json.loads(Path("out.json").read_text(encoding="utf-8"))["groups"][0]["rows"][0]["agency"]["id"] == "a"
    assert [p.name for p in Path(".").iterdir() if p.name.startswith(".out.json")] == []
    assert run("rank", "2024", "--output", "out.txt")[0] == 0
    assert Path("out.txt").read_text(encoding="utf-8").startswith("Bộ chỉ số set-2024")


def test_no_files_and_missing_paths(year: Write) -> None:
    Path("empty").mkdir()
    assert run("rank", "empty") == (1, "", "empty: error F002: no assessment files found for this year\n")
    assert run("rank", "nowhere")[2] == "nowhere: error F001: no such file or folder\n"


def test_parallel_and_serial_give_identical_rankings(year: Write) -> None:
    for n in range(120):
        agency(year, "2024", f"s{n:03d}", f"Sở {n:03d}", str(n % 61), group=f"g{n % 3}")
    files = sorted(Path("2024").glob("s*.yaml"))
    serial = list(score_files(files, FileScorer, jobs=1))
    parallel = list(score_files(files, FileScorer, jobs=2))
    assert serial == parallel
    assert all(isinstance(e, Entry) for e in serial)
    assert rank([e for e in serial if isinstance(e, Entry)]) == rank([e for e in parallel if isinstance(e, Entry)])
    assert run("rank", "2024", "-f", "json", "-j", "1") == run("rank", "2024", "-f", "json", "-j", "2")


def test_ties_are_listed_in_vietnamese_alphabetical_order() -> None:
    from fractions import Fraction

    from par_cli.core.vietnamese_order import vietnamese_key

    names = [
        "Sở Y tế",
        "Ban Dân tộc",
        "Sở Đào tạo",
        "Sở Du lịch",
        "Sở Ăn uống",
        "Sở An ninh",
        "Sở Âm nhạc",
        "Sở Zeta",
        "Sở Ý",
    ]
    assert sorted(names, key=vietnamese_key) == [
        "Ban Dân tộc",
        "Sở An ninh",
        "Sở Ăn uống",
        "Sở Âm nhạc",
        "Sở Du lịch",
        "Sở Đào tạo",
        "Sở Ý",  # letters first (a shorter name before a longer one), tones only between equal letters
        "Sở Y tế",
        "Sở Zeta",
    ]
    assert sorted(["Sở Tế", "Sở Te", "Sở Tè"], key=vietnamese_key) == ["Sở Te", "Sở Tè", "Sở Tế"]
    # word by word, as a dictionary lists them: a shorter word before a longer one that begins with it
    assert sorted(["Xã Anh Dũng", "Xã An Phú", "Xã An-Phước", "Xã An"], key=vietnamese_key) == [
        "Xã An",
        "Xã An Phú",
        "Xã An-Phước",
        "Xã Anh Dũng",
    ]
    # numbers by their value, however long (never a traceback on a long run of digits)
    numbered = ["Phường 10", "Phường 2", "Phường 1A", "Phường 1", "Phường " + "9" * 5000]
    assert sorted(numbered, key=vietnamese_key) == ["Phường 1", "Phường 1A", "Phường 2", "Phường 10", numbered[-1]]

    def entry(name: str) -> Entry:
        return Entry(
            name, name, None, (), "c", "C", None, 2, "vi", (), Fraction(9), Fraction(10), Fraction(90), None, (), "f"
        )

    ranked = competition_ranks([entry("Sở Zeta"), entry("Sở Đào tạo"), entry("Sở Du lịch")])
    assert [(r, e.agency_name) for r, e in ranked] == [(1, "Sở Du lịch"), (1, "Sở Đào tạo"), (1, "Sở Zeta")]


def test_narrow_terminals_drop_the_bars_not_the_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import ROOT, runner

    monkeypatch.chdir(ROOT)
    from par_cli.__main__ import app

    result = runner.invoke(
        app, ["rank", "examples/2024", "--previous", "examples/2023"], env={"COLUMNS": "80", "NO_COLOR": "1"}
    )
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[1] == "Hạng  Cơ quan              Điểm  Tối đa  Chỉ số %  Xếp loại  Hạng 2023  Thay đổi"
    assert lines[3] == "   1  Sở Tư pháp          89,54  100,00     89,54  Tốt               2        ▲1"
    assert all(len(line) <= 80 and "█" not in line for line in lines)
