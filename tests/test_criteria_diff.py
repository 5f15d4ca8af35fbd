"""`par criteria diff`: what a revised set changes, matched by declared rename, code, then title."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT, Write, run

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
        ("max", "1.3.1", "1.3.1", 1.5, 1),
        ("added", None, "1.3.3", None, 0.5),
        ("removed", "1.2", None, 2, None),
    ]


def test_the_table_in_vietnamese_and_english(at_root: None) -> None:
    code, out, err = run("criteria", "diff", "mau-so-nganh", REVISED)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("Bộ Chỉ số CCHC các sở, ban, ngành (mẫu) [mau-so-nganh] →")
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
    code, out, err = run("criteria", "diff", "old.yaml", "new.yaml")
    assert (code, out) == (1, "")
    assert err == "new.yaml:7:10: error S001: areas[0].max: expected a number, got text 'four'\n", err
