"""Grade floors (`grades[].floor`) and a set's ranking options (`ranking: {ties, precision}`): issue 29.

examples/floors-2024: criteria 1.1 (10), 1.2 (20), 2.1 (20), 2.2 (20), 3.1 (14), 3.2 (16, may be N/A); bands
Xuất sắc ≥ 90 with every criterion ≥ 80 % of its maximum, Tốt ≥ 80 with every criterion ≥ 70 %, Khá ≥ 65.
Points (1.1 … 3.2) and what they give, worked by hand:
- Sở Tư pháp   10 20 20 20 14    10   = 94 / 100 = 94 %; 3.2 = 10/16 = 62.5 % < 80 and < 70: Khá
- Sở Nội vụ    10 18 18 17 14    14   = 91 %; lowest share 2.2 = 85 %: Xuất sắc
- Sở Xây dựng  10 18 18 17.44 13 N/A  = 76.44 / 84 = 91 % exactly (3.2 leaves points and max, and the floor)
- Sở Tài chính 10 18 18 17 13.96 14   = 90.96 %: Xuất sắc
- Sở Y tế       9 19 19 18 13    12   = 90 %; 3.2 = 12/16 = 75 % < 80 (kept out of Xuất sắc), ≥ 70: Tốt
- Sở Công Thương 8 15 14 14 10   11   = 72 %: below 80, no floor applies: Khá
Dense ranks: 94 → 1; 91, 91 → 2; 90.96 → 3; 90 → 4; 72 → 5 (competition would give 1, 2, 2, 4, 5, 6).
"""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from par_cli.core.ranking import competition_ranks
from tests.conftest import Write, run, run_english, score_file, score_texts

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "examples" / "floors-2024"


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_a_floor_keeps_an_index_out_of_the_bands_it_reaches() -> None:
    result = score_file(FOLDER / "so-tu-phap.yaml")
    assert (result.index, result.grade) == (Fraction(94), "Khá")
    assert [(m.grade, m.code, m.share, m.floor) for m in result.floors] == [
        ("Xuất sắc", "3.2", Fraction(125, 2), Decimal(80)),
        ("Tốt", "3.2", Fraction(125, 2), Decimal(70)),
    ]
    assert result.self_grade == "Khá"  # the self-assessed figures are the same here: the same floors


def test_one_band_lower_when_only_the_top_floor_is_missed() -> None:
    result = score_file(FOLDER / "so-y-te.yaml")
    assert (result.index, result.grade) == (Fraction(90), "Tốt")
    assert [(m.grade, m.code, m.share) for m in result.floors] == [("Xuất sắc", "3.2", Fraction(75))]


def test_a_node_not_applicable_has_no_share_to_fall_short() -> None:
    result = score_file(FOLDER / "so-xay-dung.yaml")
    assert (result.index, result.grade, result.floors) == (Fraction(91), "Xuất sắc", ())


def test_no_floor_is_said_below_the_bands_that_have_one() -> None:
    result = score_file(FOLDER / "so-cong-thuong.yaml")
    assert (result.index, result.grade, result.floors) == (Fraction(72), "Khá", ())


def test_score_findings_name_the_floor_in_both_languages() -> None:
    code, out, _ = run_english("score", "examples/floors-2024/so-tu-phap.yaml", "-f", "json")
    assert code == 0
    found = json.loads(out)
    assert found["grade"] == "Khá"
    assert [(f["code"], f["criterion"], f["message"]) for f in found["findings"]] == [
        ("grade-floor", "3.2", "3.2: 62.5 % < 80 %: kept out of grade Xuất sắc"),
        ("grade-floor", "3.2", "3.2: 62.5 % < 70 %: kept out of grade Tốt"),
    ]
    code, out, _ = run("score", "examples/floors-2024/so-y-te.yaml", COLUMNS="200")
    assert "thông tin 3.2 Cơ sở dữ liệu chuyên ngành đạt 75,00 % < 80 %: không xếp loại Xuất sắc" in out
    assert "xếp loại Tốt" in out


def test_explain_says_which_floor_kept_the_agency_out() -> None:
    code, out, _ = run("explain", "examples/floors-2024/so-tu-phap.yaml", "--lang", "vi", COLUMNS="200")
    assert code == 0
    assert "3.2 Cơ sở dữ liệu chuyên ngành đạt 62,50 % < 80 %: không xếp loại Xuất sắc" in out
    assert "3.2 Cơ sở dữ liệu chuyên ngành đạt 62,50 % < 70 %: không xếp loại Tốt" in out
    code, out, _ = run_english("explain", "examples/floors-2024/so-y-te.yaml", "-f", "json")
    assert json.loads(out)["floors"] == [{"grade": "Xuất sắc", "code": "3.2", "share": 75, "floor": 80}]


def test_a_share_rounded_up_to_the_floor_is_shown_with_more_decimals(write: Write) -> None:
    # 1.1: 7.9999 of 10 = 79.999 %: at 2 decimals it would read "80.00 % < 80 %"
    result = score_texts(
        """
        kind: criteria
        id: s
        title: t
        grades:
          - {min: 50, label: A, floor: {level: area, min: 80}}
          - {min: 0, label: B}
        areas:
          - {code: "1", title: a, max: 10, evidence: optional}
          - {code: "2", title: b, max: 10, evidence: optional}
        """,
        """
        kind: assessment
        criteria: s
        agency: {id: x, name: X}
        answers: {"1": 7.9999, "2": 10}
        """,
    )
    from par_cli.words.catalogue import finding_text

    assert result.grade == "B"
    assert [finding_text(f, "en", 2) for f in result.findings] == ["1: 79.999000 % < 80 %: kept out of grade A"]


def test_floors_apply_to_a_unit_types_own_bands() -> None:
    result = score_texts(
        """
        kind: criteria
        id: s
        title: t
        unit_types: [xa]
        grades: [{min: 0, label: B}]
        grades_by_type:
          xa:
            - {above: 50, label: A, floor: {level: criterion, min: 60}}
            - {min: 0, label: B}
        areas:
          - code: "1"
            title: a
            max: 10
            evidence: optional
            children:
              - {code: "1.1", title: b, max: 5}
              - {code: "1.2", title: c, max: 5}
        """,
        """
        kind: assessment
        criteria: s
        agency: {id: x, name: X, type: xa}
        answers: {"1.1": 5, "1.2": 2.5}
        """,
    )
    # 7.5 / 10 = 75 % > 50, but 1.2 = 2.5 / 5 = 50 % < 60
    assert (result.index, result.grade) == (Fraction(75), "B")
    assert [(m.grade, m.code, m.share) for m in result.floors] == [("A", "1.2", Fraction(50))]


def test_a_dense_ranking_at_one_decimal_in_english() -> None:
    code, out, _ = run_english("rank", "examples/floors-2024")
    assert code == 0
    bars = str.maketrans("", "", "█▏▎▍▌▋▊▉·")
    lines = [" ".join(line.translate(bars).split()) for line in out.splitlines()]
    assert lines[3:9] == [
        "1 Sở Tư pháp 94.0 100.0 94.0 Khá",
        "2 Sở Nội vụ 91.0 100.0 91.0 Xuất sắc",
        "2 Sở Xây dựng 76.4 84.0 91.0 Xuất sắc",
        "3 Sở Tài chính 91.0 100.0 91.0 Xuất sắc",
        "4 Sở Y tế 90.0 100.0 90.0 Tốt",
        "5 Sở Công Thương 72.0 100.0 72.0 Khá",
    ]
    # the grades counted as given, floors included; the mean (94 + 91 + 91 + 90.96 + 90 + 72) / 6 = 88.16
    assert "Total: 6 agencies; average index: 88.2%; Xuất sắc: 3, Tốt: 1, Khá: 2" in out
    text = " ".join(out.split())
    assert "Dense ranking (the set's ranking.ties: dense): equal indices share a rank and the next rank follows" in text
    assert "Figures shown to 1 decimal (the set keeps 2); ranks follow the exact index" in text


def test_the_ranking_options_are_named_in_vietnamese_and_in_json() -> None:
    code, out, _ = run("rank", "examples/floors-2024", COLUMNS="200")
    assert code == 0
    assert "Xếp hạng liền (bộ chỉ số quy định ranking.ties: dense): chỉ số bằng nhau cùng hạng" in out
    assert "Số liệu hiển thị 1 chữ số thập phân (bộ chỉ số giữ 2); thứ hạng theo chỉ số chính xác" in out
    found = json.loads(run("rank", "examples/floors-2024", "-f", "json")[1])
    group = found["groups"][0]
    assert (group["ties"], group["precision"]) == ("dense", 1)
    assert [(row["rank"], row["index"]) for row in group["rows"]] == [
        (1, 94),
        (2, 91),
        (2, 91),
        (3, 91),  # 90.96, shown at one decimal: apart from the two above only by the exact index
        (4, 90),
        (5, 72),
    ]


def test_robustness_flags_the_shown_tie_of_the_dense_ranking() -> None:
    out = " ".join(run_english("rank", "examples/floors-2024", "--robustness")[1].split())
    assert "≈ 91.0 %: Sở Nội vụ rank 2: 91.00000; Sở Xây dựng rank 2: 91.00000; Sở Tài chính rank 3: 90.96000" in out


def test_competition_stays_the_default_and_dense_follows_on() -> None:
    from dataclasses import replace

    from par_cli.core.ranking import Entry

    base = Entry("a", "A", None, (), "s", "t", None, 2, "en", (), Fraction(0), Fraction(100), Fraction(0), None, (), "")
    entries = [
        replace(base, agency_id=n, agency_name=n, index=Fraction(i))
        for n, i in zip("abcd", (90, 90, 80, 70), strict=True)
    ]
    assert [r for r, _ in competition_ranks(entries)] == [1, 1, 3, 4]
    assert [r for r, _ in competition_ranks(entries, dense=True)] == [1, 1, 2, 3]


def test_a_set_without_ranking_options_ranks_as_before() -> None:
    found = json.loads(run("rank", "examples/2024", "-f", "json")[1])
    assert all("ties" not in group for group in found["groups"])
    assert all(group["precision"] == 2 for group in found["groups"])


def test_par_schema_shows_the_floor_and_ranking_fields() -> None:
    code, out, _ = run("schema", "criteria")
    assert code == 0
    schema = json.loads(out)
    ranking = schema["properties"]["ranking"]["anyOf"][0]["properties"]
    assert ranking["ties"]["anyOf"][0]["enum"] == ["competition", "dense"]
    assert ranking["precision"]["anyOf"][0] == {"maximum": 6, "minimum": 0, "type": "integer"}
    assert '"level": {"enum": ["area", "criterion", "sub-criterion"]' in json.dumps(schema["properties"]["grades"])


def test_possible_ranks_under_dense_ranks_say_how_they_count() -> None:
    """Possible ranks (`--robustness`) count the agencies above, as competition ranking does: under a set's dense
    ranks a table says so, rather than show ranks of two kinds side by side without a word."""
    code, out, err = run("rank", str(ROOT / "examples" / "floors-2024"), "--robustness")
    assert code == 0, err
    assert "như cách xếp hạng đồng hạng thông thường (1, 1, 3)" in " ".join(out.split())
    code, out, _ = run("rank", str(ROOT / "examples" / "2025"), "--robustness")
    assert "(1, 1, 3)" not in out
