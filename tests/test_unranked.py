"""Assessed but not ranked (issue 29): an agency's `ranked: false` (Đắk Lắk 2024 did not rank departments being
merged) or an office file's group `ranked: false`: scored and shown with its figures, no rank, the reason said; out
of the group's average and grade counts only where the set says `unranked_in_average: false`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, run, run_english

EXAMPLE = ROOT / "examples" / "unranked-2024"


@pytest.fixture
def folder(in_tmp: Path) -> Path:
    """A copy of examples/unranked-2024: Nội vụ 20 + 18 + 54 = 92, Tư pháp 18 + 16 + 50 = 84, Y tế 16 + 14 + 48 = 78,
    Giao thông (not ranked) 19 + 19 + 57 = 95; huyện (a group not ranked): Lắk 84, Ea Súp 80."""
    shutil.copytree(EXAMPLE, in_tmp / "2024")
    return in_tmp / "2024"


def groups_of(*args: str) -> dict[str, Any]:
    code, out, err = run("rank", *args, "-f", "json")
    assert code == 0, err
    return {g["group"]: g for g in json.loads(out)["groups"]}


def test_the_example_ranks_around_the_unit_not_ranked(folder: Path) -> None:
    found = groups_of("2024")
    so = found["so-nganh"]
    # ranked: 92, 84, 78 → 1, 2, 3; Giao thông (95, the highest) has no rank; out of the average: (92 + 84 + 78) / 3
    assert [(r["agency"]["id"], r["rank"], r["index"]) for r in so["rows"]] == [
        ("so-noi-vu", 1, 92),
        ("so-tu-phap", 2, 84),
        ("so-y-te", 3, 78),
        ("so-giao-thong", None, 95),
    ]
    last = so["rows"][-1]
    assert (last["ranked"], last["unranked_reason"], last["grade"]) == (False, "Hợp nhất với Sở Xây dựng", "Tốt")
    assert (so["count"], so["average"], so["grades"]) == (4, 84.67, {"Tốt": 1, "Khá": 1, "Trung bình": 1})
    assert "ranked" not in so["rows"][0]
    huyen = found["huyen"]  # the office lists the group as not ranked: every unit without a rank, all averaged
    assert [(r["rank"], r["unranked_reason"]) for r in huyen["rows"]] == [
        (None, "Sắp xếp đơn vị hành chính cấp huyện"),
        (None, "Sắp xếp đơn vị hành chính cấp huyện"),
    ]
    assert (huyen["average"], huyen["grades"]) == (82, {"Tốt": 0, "Khá": 2, "Trung bình": 0})


def test_units_not_ranked_count_in_the_average_unless_the_set_says(folder: Path) -> None:
    criteria = folder / "criteria.yaml"
    criteria.write_text(criteria.read_text(encoding="utf-8").replace("unranked_in_average: false", ""), "utf-8")
    so = groups_of("2024")["so-nganh"]
    # (92 + 84 + 78 + 95) / 4 = 87.25; two 'Tốt'
    assert (so["average"], so["grades"]) == (87.25, {"Tốt": 2, "Khá": 1, "Trung bình": 1})
    _, out, _ = run_english("rank", "2024")
    assert "Total: 4 agencies (1 not ranked); average index: 87.25%" in out


def test_the_table_says_who_is_not_ranked_and_why(folder: Path) -> None:
    _, vi, _ = run("rank", "2024", "-f", "markdown")
    assert "| — | Sở Giao thông vận tải | 95,00 | 100,00 | 95,00 | Tốt |" in vi
    assert (
        "Tổng số: 04 cơ quan (01 không xếp hạng, không tính vào chỉ số bình quân và xếp loại); "
        "chỉ số bình quân: 84,67%; Tốt: 01, Khá: 01, Trung bình: 01" in vi
    )
    assert "- Sở Giao thông vận tải: không xếp hạng (Hợp nhất với Sở Xây dựng)" in vi
    assert "- Nhóm được đánh giá, không xếp hạng: Sắp xếp đơn vị hành chính cấp huyện" in vi
    _, en, _ = run_english("rank", "2024", "-f", "markdown")
    assert "Total: 4 agencies (1 not ranked, left out of the average and grade counts); average index: 84.67%" in en
    assert "- Sở Giao thông vận tải: not ranked (Hợp nhất với Sở Xây dựng)" in en
    assert "- The group is assessed but not ranked: Sắp xếp đơn vị hành chính cấp huyện" in en


def test_csv_says_ranked_and_why(folder: Path) -> None:
    _, out, _ = run("rank", "2024", "-f", "csv")
    lines = out.lstrip("\ufeff").splitlines()
    assert lines[0].endswith(",previous_rank,rank_change,ranked,unranked_reason")
    assert lines[1].endswith(",Tốt,,,yes,")
    assert "unranked-2024,so-nganh,,so-giao-thong,Sở Giao thông vận tải,95.00,100.00,95.00,Tốt,,,no," in out


def test_robustness_gives_no_possible_ranks_to_a_unit_not_ranked(folder: Path) -> None:
    so = groups_of("2024", "--robustness")["so-nganh"]
    robust = [r["robustness"] for r in so["rows"]]
    # the ranked three: gaps 92 − 84 = 8 and 84 − 78 = 6 (Giao thông's 95 is not above Nội vụ)
    assert [(r["gap_above"], r["gap_below"], r["best_rank"]) for r in robust] == [
        (None, 8, 1),
        (8, 6, 2),
        (6, None, 3),
        (None, None, None),
    ]


@pytest.mark.parametrize("kind", ["json", "csv", "xlsx", "docx"])
def test_a_unit_not_ranked_last_period_has_no_previous_rank(folder: Path, kind: str) -> None:
    assert run("rank", "2024", "-f", kind, "-o", f"before.{kind}")[0] == 0
    now = Path("2025")
    shutil.copytree(folder, now)
    moved = now / "so-giao-thong.yaml"  # ranked this time: first (95), new to the ranking
    moved.write_text(
        moved.read_text("utf-8").replace(', ranked: false, unranked_reason: "Hợp nhất với Sở Xây dựng"', "")
    )
    office = now / "office.yaml"
    office.write_text(office.read_text("utf-8").replace(", ranked: false", ""), "utf-8")
    found = groups_of("2025", "--previous", f"before.{kind}")
    rows = [(r["agency"]["id"], r["rank"], r["previous_rank"], r["rank_change"]) for r in found["so-nganh"]["rows"]]
    assert rows == [
        ("so-giao-thong", 1, None, None),
        ("so-noi-vu", 2, 1, -1),
        ("so-tu-phap", 3, 2, -1),
        ("so-y-te", 4, 3, -1),
    ]
    huyen = [(r["rank"], r["previous_rank"]) for r in found["huyen"]["rows"]]
    assert huyen == [(1, None), (2, None)]


def test_a_unit_not_ranked_now_shows_no_move(folder: Path) -> None:
    _, out, _ = run_english("rank", "2024", "--previous", "2024", "-f", "markdown")
    assert "| — | Sở Giao thông vận tải | 95.00 | 100.00 | 95.00 | Tốt | — | — |" in out
    assert "| — | Huyện Lắk | 84.00 | 100.00 | 84.00 | Khá | — | — |" in out  # its group not ranked last time either


def test_ranked_must_be_true_or_false(folder: Path) -> None:
    path = folder / "so-y-te.yaml"
    path.write_text(path.read_text("utf-8").replace("group: so-nganh}", "group: so-nganh, ranked: 'no'}"), "utf-8")
    code, out, _ = run_english("check", "2024/so-y-te.yaml")
    assert code == 1 and "S001" in out and "ranked" in out


def test_the_fields_are_in_the_schemas() -> None:
    assert '"unranked_in_average"' in run("schema", "criteria")[1]
    assessment = run("schema", "assessment")[1]
    assert '"ranked"' in assessment and '"unranked_reason"' in assessment
    assert '"ranked"' in run("schema", "office")[1]


def test_the_workbook_says_who_is_not_ranked_and_why(folder: Path) -> None:
    """The notes under a ranking (who is not ranked and why, the group's reason) are in its workbook too, under the
    summary line, as in every other format (they were dropped: a `—` rank with no word of why)."""
    from openpyxl import load_workbook

    assert run("rank", "2024", "-f", "xlsx", "-o", "out.xlsx")[0] == 0
    book = load_workbook("out.xlsx")
    below = []  # the lines of one cell under each sheet's table (its title, above it, left out)
    for sheet in book:
        texts = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
        below += [row[0] for row in texts[1:] if len(row) == 1]
    assert below == [
        "Tổng số: 04 cơ quan (01 không xếp hạng, không tính vào chỉ số bình quân và xếp loại); "
        "chỉ số bình quân: 84,67%; Tốt: 01, Khá: 01, Trung bình: 01",
        "Sở Giao thông vận tải: không xếp hạng (Hợp nhất với Sở Xây dựng)",
        "Tổng số: 02 cơ quan (02 không xếp hạng); chỉ số bình quân: 82,00%; Khá: 02",
        "Nhóm được đánh giá, không xếp hạng: Sắp xếp đơn vị hành chính cấp huyện",
    ]
