"""Ranking groups of mixed unit types (issue 29): `ranking_groups` makes groups of unit types (communes ranked with
special zones, wards apart), each with its own average and grade counts, headed by its label."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT, run, run_english

EXAMPLE = ROOT / "examples" / "mixed-groups-2025"


def test_example_ranks_communes_with_special_zones_and_wards_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    """By hand (total 100, so points = index):
    xa: An Bình 36 + 55 = 91 (Xuất sắc), Cồn Cỏ (đặc khu) 35 + 50 = 85 (Tốt), Tân Lập 30 + 48 = 78 (Khá);
        average (91 + 85 + 78) / 3 = 254 / 3 = 84.666… → 84.67
    phuong: Đông Hà 38 + 54 = 92 (Xuất sắc), Nam Đông 33 + 50 = 83 (Tốt); average 175 / 2 = 87.5"""
    monkeypatch.chdir(ROOT)
    code, out, err = run("rank", "examples/mixed-groups-2025", "-f", "json")
    assert code == 0, err
    groups = json.loads(out)["groups"]
    assert [g["group"] for g in groups] == ["xa", "phuong"]
    assert [(r["rank"], r["agency"]["id"], r["index"]) for r in groups[0]["rows"]] == [
        (1, "xa-an-binh", 91),
        (2, "dac-khu-con-co", 85),
        (3, "xa-tan-lap", 78),
    ]
    assert [(r["rank"], r["agency"]["id"], r["index"]) for r in groups[1]["rows"]] == [
        (1, "phuong-dong-ha", 92),
        (2, "phuong-nam-dong", 83),
    ]
    assert (groups[0]["count"], groups[0]["average"], groups[0]["grades"]) == (
        3,
        84.67,
        {"Xuất sắc": 1, "Tốt": 1, "Khá": 1},
    )
    assert (groups[1]["count"], groups[1]["average"], groups[1]["grades"]) == (
        2,
        87.5,
        {"Xuất sắc": 1, "Tốt": 1, "Khá": 0},
    )


def test_each_group_is_headed_by_its_label_in_both_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, vi, err = run("rank", "examples/mixed-groups-2025")
    assert code == 0 and "O002" not in err  # labelled by the set: no group shown by its id
    assert "· Xã, đặc khu ·" in vi and "· Phường ·" in vi and vi.index("Xã, đặc khu") < vi.index("Phường")
    assert "Tổng số: 03 cơ quan; chỉ số bình quân: 84,67%; Xuất sắc: 01, Tốt: 01, Khá: 01" in vi
    assert "Tổng số: 02 cơ quan; chỉ số bình quân: 87,50%; Xuất sắc: 01, Tốt: 01" in vi
    _, en, _ = run_english("rank", "examples/mixed-groups-2025")
    assert "Total: 3 agencies; average index: 84.67%; Xuất sắc: 1, Tốt: 1, Khá: 1" in en
    assert "Total: 2 agencies; average index: 87.50%; Xuất sắc: 1, Tốt: 1" in en


def _copy(tmp: Path) -> Path:
    folder = tmp / "mixed"
    folder.mkdir()
    for file in EXAMPLE.glob("*.yaml"):
        (folder / file.name).write_bytes(file.read_bytes())
    return folder


def test_an_office_label_wins_over_the_sets(in_tmp: Path) -> None:
    folder = _copy(in_tmp)
    (folder / "office.yaml").write_text('kind: office\ngroups:\n  - {id: phuong, label: "II. KHỐI PHƯỜNG"}\n')
    code, out, _ = run("rank", str(folder))
    assert code == 0
    # the office's groups first, in its order; then the set's, with the set's label
    assert out.index("· II. KHỐI PHƯỜNG ·") < out.index("· Xã, đặc khu ·")


def test_an_agency_naming_another_group_is_an_error_at_its_group(in_tmp: Path) -> None:
    folder = _copy(in_tmp)
    file = folder / "dac-khu-con-co.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace("type: dac-khu}", "type: dac-khu, group: phuong}"))
    code, _, err = run_english("rank", str(folder))
    assert code == 1
    assert (
        "dac-khu-con-co.yaml:3:76: error A030: group 'phuong' is not 'xa', the ranking group the set gives unit "
        "type 'dac-khu' (hint: leave group out, or write group: xa)" in err
    )
    _, _, vi = run("rank", str(folder))
    assert "lỗi A030: nhóm 'phuong' không phải nhóm xếp hạng 'xa' mà bộ chỉ số định cho loại đơn vị 'dac-khu'" in vi
    # the same group written out is no error
    file.write_text(file.read_text(encoding="utf-8").replace("group: phuong}", "group: xa}"))
    assert run("rank", str(folder))[0] == 0


def test_a_type_in_no_group_is_ranked_by_its_own_group(in_tmp: Path) -> None:
    folder = _copy(in_tmp)
    criteria = folder / "criteria.yaml"
    text = criteria.read_text(encoding="utf-8").replace("types: [xa, dac-khu]", "types: [xa]")
    criteria.write_text(text, encoding="utf-8")
    code, out, err = run("rank", str(folder), "-f", "json")
    assert code == 0, err
    groups = {g["group"]: [r["agency"]["id"] for r in g["rows"]] for g in json.loads(out)["groups"]}
    assert groups == {
        "xa": ["xa-an-binh", "xa-tan-lap"],
        "phuong": ["phuong-dong-ha", "phuong-nam-dong"],
        None: ["dac-khu-con-co"],
    }


def test_misuse_is_caught_by_check(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, _ = run_english("check", "tests/check/bad/c-ranking-groups.yaml")
    assert code == 1
    where = "tests/check/bad/c-ranking-groups.yaml"
    assert out.splitlines()[:4] == [
        f"{where}:6:57: error C025: unit type 'huyen' is not one of unit_types "
        "(hint: the set's unit types: xa, dac-khu, phuong, thi-tran)",
        f"{where}:7:51: error C040: unit type 'xa' is in two ranking groups: 'xa' and 'phuong' "
        "(hint: keep 'xa' in one ranking group only)",
        f"{where}:8:40: error C041: ranking group 'trong' has no unit type "
        "(hint: give it one of the set's unit types or more: xa, dac-khu, phuong, thi-tran)",
        f"{where}:9:10: error C042: ranking group 'xa' is declared twice",
    ]
    _, vi, _ = run("check", "tests/check/bad/c-ranking-groups.yaml")
    assert "lỗi C040: loại đơn vị 'xa' thuộc hai nhóm xếp hạng: 'xa' và 'phuong'" in vi


def test_schema_shows_the_field() -> None:
    code, out, _ = run("schema", "criteria")
    assert code == 0
    field = json.loads(out)["properties"]["ranking_groups"]
    assert set(field["items"]["properties"]) == {"id", "label", "types"}
