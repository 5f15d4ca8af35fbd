"""`par criteria diff`: what a revised set changes, matched by declared rename, code, then title."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, Write, run, run_english

REVISED = "examples/revised-2025/criteria.yaml"


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def changes(*args: str) -> list[tuple[str, str | None, str | None, object, object]]:
    code, out, err = run("criteria", "diff", *args, "-f", "json")
    assert code == 0, err
    return [(c["kind"], c["old_code"], c["new_code"], c["before"], c["after"]) for c in json.loads(out)["changes"]]


def test_the_revised_example_set(at_root: None) -> None:
    assert changes("mau-so-nganh", REVISED) == [
        ("max", "1.1", "1.1", 3, 5),
        (
            "rule",
            "1.1.1",
            "1.1.1",
            "kip-thoi (Ban hành kịp thời): 1 point; khong-kip-thoi (Ban hành không kịp thời): 0.5 points; "
            "khong-ban-hanh (Không ban hành): 0 points",
            "kip-thoi (Ban hành kịp thời): 1 point; khong-kip-thoi (Ban hành không kịp thời): 0.25 points; "
            "khong-ban-hanh (Không ban hành): 0 points",
        ),
        (
            "renamed",
            "1.1.2",
            "1.1.2",
            "Xác định đầy đủ nhiệm vụ CCHC trên các lĩnh vực và bố trí kinh phí thực hiện",
            "Xác định đầy đủ nhiệm vụ CCHC trên các lĩnh vực và bố trí đủ kinh phí thực hiện",
        ),
        ("moved", "1.2.1", "1.1.4", "1.2", "1.1"),  # declared: renamed_from "1.2.1"
        ("rule", "1.2.1", "1.1.4", "max − 0.5 per violation, not below 0", "max − 1 per violation, not below 0"),
        ("max", "1.3.1", "1.3.1", 1.5, 1),
        (
            "rule",
            "1.3.1",
            "1.3.1",
            "full points from 30%, proportional below",
            "full points from 50%, proportional below",
        ),
        ("added", None, "1.3.3", None, 0.5),
        ("removed", "1.2", None, 2, None),
    ]


def test_the_table_in_vietnamese_and_english(at_root: None) -> None:
    code, out, err = run("criteria", "diff", "mau-so-nganh", REVISED)
    assert code == 0, err
    lines = out.splitlines()
    # the sets by their titles, no id (issue 28: no slug in a heading)
    assert lines[0].startswith("Bộ Chỉ số CCHC các sở, ban, ngành (mẫu) → Bộ Chỉ số"), lines[0]
    assert "[" not in out.split("Thay đổi")[0], out
    assert any(
        line.split()[:4] == ["điểm", "tối", "đa", "1.3.1"] and line.rstrip().endswith("1,5 → 1") for line in lines
    )
    assert lines[-1] == "Tổng điểm tối đa: 100 → 100"
    code, out, _ = run("criteria", "diff", "mau-so-nganh", REVISED, "--lang", "en")
    assert any(
        line.split()[:2] == ["removed", "1.2"] and line.rstrip().endswith("2 points") for line in out.splitlines()
    )
    assert out.splitlines()[-1] == "Total maximum: 100 → 100"


SET = """\
kind: criteria
id: {id}
title: "Bộ {id}"
areas:
  - code: "1"
    title: "Chỉ đạo, điều hành"
    max: 4
    children:
      - {{code: "{a}", title: "{title}", max: 2, rule: {{kind: points}}}}
      - {{code: "1.2", title: "Báo cáo CCHC", max: 2, rule: {{kind: check}}}}
"""


def test_criteria_renumbered_without_a_declaration_are_matched_by_title(write: Write) -> None:
    write("old.yaml", SET.format(id="old", a="1.1", title="Ban hành kế hoạch CCHC năm"))
    write("new.yaml", SET.format(id="new", a="1.3", title="Ban hành Kế hoạch CCHC năm  "))
    assert changes("old.yaml", "new.yaml") == [("moved", "1.1", "1.3", "1", "1")]


def test_unlike_titles_are_one_removed_and_one_added(write: Write) -> None:
    write("old.yaml", SET.format(id="old", a="1.1", title="Ban hành kế hoạch CCHC năm"))
    write("new.yaml", SET.format(id="new", a="1.3", title="Tuyên truyền về cải cách hành chính"))
    assert changes("old.yaml", "new.yaml") == [("added", None, "1.3", None, 2), ("removed", "1.1", None, 2, None)]


def test_a_set_against_itself_has_no_change(at_root: None) -> None:
    code, out, err = run("criteria", "diff", "mau-so-nganh", "criteria/mau-so-nganh.yaml")
    assert (code, err) == (0, "")
    assert "Hai bộ chỉ số giống nhau về tiêu chí, điểm và cách chấm." in out
    assert json.loads(run("criteria", "diff", "mau-so-nganh", "mau-so-nganh", "-f", "json")[1])["changes"] == []


def test_a_broken_set_is_a_located_error(write: Write) -> None:
    write("old.yaml", SET.format(id="old", a="1.1", title="Kế hoạch"))
    write("new.yaml", SET.format(id="new", a="1.1", title="Kế hoạch").replace("max: 4", "max: four"))
    code, out, err = run_english("criteria", "diff", "old.yaml", "new.yaml")
    assert (code, out) == (1, "")
    assert err == "new.yaml:7:10: error S001: areas[0].max: expected a number, got text 'four'\n", err


def impact(*args: str) -> dict[str, Any]:
    code, out, err = run("rank", *args, "-f", "json")
    assert code == 0, err
    result: dict[str, Any] = json.loads(out)
    return result


def test_the_impact_of_the_revised_set_on_the_2024_examples(at_root: None) -> None:
    data = impact("examples/2024", "--criteria", REVISED, "--against", "mau-so-nganh")
    assert (data["old"], data["new"]) == ("mau-so-nganh", "mau-so-nganh-2025")
    rows = {row["agency"]["id"]: row for row in data["groups"][0]["rows"]}
    assert len(rows) == 12
    tu_phap = rows["so-tu-phap"]
    assert (tu_phap["old_index"], tu_phap["new_index"], tu_phap["index_change"]) == (89.54, 88.54, -1)
    assert tu_phap["reasons"] == [  # one late report now costs 1 point (its answer moved to 1.1.4); 1.3.1 is 1 now
        {"old_code": "1.2.1", "new_code": "1.1.4", "index_points": -0.5},
        {"old_code": "1.3.1", "new_code": "1.3.1", "index_points": -0.5},
    ]
    ban_dan_toc = rows["ban-dan-toc"]  # 1.3 does not apply to it; its plan was issued late
    assert (ban_dan_toc["old_index"], ban_dan_toc["new_index"], ban_dan_toc["reasons"]) == (
        88.56,
        88.27,
        [{"old_code": "1.1.1", "new_code": "1.1.1", "index_points": -0.29}],
    )
    assert [row["new_rank"] for row in data["groups"][0]["rows"]] == list(range(1, 13))


def test_the_reasons_add_up_exactly_to_the_change(at_root: None) -> None:
    from functools import partial

    from par_cli.services.batch import rank_against
    from par_cli.services.surveys import SurveySource
    from par_cli.services.workspace import FileScorer, find_criteria

    sets = find_criteria("mau-so-nganh"), find_criteria(REVISED)
    scorer = partial(FileScorer, survey=SurveySource(), leaves=True)
    _, groups = rank_against([Path("examples/2024")], *sets, scorer, jobs=1)
    for row in groups[0].rows:
        assert sum(reason.index_points for reason in row.reasons) == row.index_change, row


TWO = """\
kind: criteria
id: {id}
title: "Bộ {id}"
areas:
  - code: "1"
    title: "Chỉ đạo"
    max: 4
    children:
      - {{code: "{plan}", title: "Ban hành kế hoạch CCHC năm", max: {a}, rule: {{kind: check}}}}
      - {{code: "1.2", title: "Tỷ lệ báo cáo đúng hạn", max: {b}, rule: {{kind: linear, full_at: 100}}}}
"""


def test_whose_rank_moves_and_why(write: Write) -> None:
    write("old.yaml", TWO.format(id="old", plan="1.1", a=3, b=1))
    renumbered = TWO.format(id="new", plan="1.3", a=1, b=3).replace('"1.3", title', '"1.3", renamed_from: "1.1", title')
    write("new.yaml", renumbered)
    answers = {"a": '{"1.1": true, "1.2": 0}', "b": '{"1.1": false, "1.2": 100}'}
    for agency, given in answers.items():
        write(
            f"{agency}.yaml",
            f"kind: assessment\ncriteria: old\nagency: {{id: {agency}, name: Xã {agency}}}\nanswers: {given}\n",
        )
    data = impact("a.yaml", "b.yaml", "--criteria", "new.yaml", "--against", "old.yaml")
    rows = [
        (
            r["agency"]["id"],
            r["old_index"],
            r["new_index"],
            r["old_rank"],
            r["new_rank"],
            r["rank_change"],
            r["reasons"],
        )
        for r in data["groups"][0]["rows"]
    ]
    assert rows == [
        ("b", 25, 75, 2, 1, 1, [{"old_code": "1.2", "new_code": "1.2", "index_points": 50}]),
        ("a", 75, 25, 1, 2, -1, [{"old_code": "1.1", "new_code": "1.3", "index_points": -50}]),
    ]
    code, out, _ = run("rank", "a.yaml", "b.yaml", "--criteria", "new.yaml", "--against", "old.yaml")
    assert code == 0
    cells = [line.split() for line in out.splitlines() if line.split()[:2] in (["1", "Xã"], ["2", "Xã"])]
    assert [row[-1] for row in cells[:2]] == ["▲1", "▼1"], out  # at 100 columns, the effects in a table of their own
    assert any(
        line.split()[:2] == ["1", "Xã"] and "1.2\xa0tối\xa0đa\xa01\xa0→\xa03\xa0+50,00" in line
        for line in out.splitlines()
    )
    code, out, _ = run(
        "rank", "a.yaml", "b.yaml", "--criteria", "new.yaml", "--against", "old.yaml", "--by", "criterion"
    )
    assert code == 0
    assert any(
        line.split()[:2] == ["1", "Xã"] and "▲1" in line and "1.2\xa0+50,00" in line for line in out.splitlines()
    ), out


def test_an_answer_the_revised_set_refuses_is_located_where_the_file_wrote_it(write: Write) -> None:
    write("old.yaml", TWO.format(id="old", plan="1.1", a=3, b=1).replace("kind: check", "kind: points"))
    write(
        "new.yaml",
        TWO.format(id="new", plan="1.3", a=1, b=3)
        .replace('"1.3", title', '"1.3", renamed_from: "1.1", title')
        .replace("kind: check", "kind: points"),
    )
    write("a.yaml", 'kind: assessment\ncriteria: old\nagency: {id: a, name: Xã A}\nanswers: {"1.1": 2, "1.2": 50}\n')
    code, out, err = run_english("rank", "a.yaml", "--criteria", "new.yaml", "--against", "old.yaml")
    assert (code, out) == (1, "")
    assert err == "a.yaml:4:18: error A003: 1.3: 2 points is outside 0–1\n", err


def test_usage_errors(at_root: None) -> None:
    code, _, err = run("rank", "examples/2024", "--against", "mau-so-nganh")
    assert (code, err) == (
        2,
        "--against: error U002: --against mau-so-nganh: needs --criteria NEW, the revised set to compare with\n",
    )
    code, _, err = run("rank", "examples/2024", "--criteria", REVISED, "--against", "mau-so-nganh", "-f", "html")
    assert code == 2 and "shows a table or JSON (--format table|json)" in err
    code, _, err = run("rank", "examples/2024", "--criteria", REVISED, "--against", "x", "-p", "examples/2023")
    assert code == 2 and "leave out --previous and --fail-under" in err
    code, _, err = run("rank", "examples/2024", "--criteria", REVISED, "--against", "x", "--fail-under", "80")
    assert code == 2 and "leave out --previous and --fail-under" in err
