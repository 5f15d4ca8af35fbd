"""`par serve` over examples/tham-dinh-2025 (three appraisers' files, `relative` criteria, a ratio, a check and
levels): every page shows the figure `par rank FOLDER` prints; the council saves whatever input form the file
holds, and every value is shown as the reader types it."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from starlette.applications import Starlette

from tests.conftest import ROOT, run
from tests.serve.conftest import Person, add_user


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "examples" / "tham-dinh-2025", tmp_path / "nam-2025")
    return tmp_path / "nam-2025"


@pytest.fixture
def year(app: Starlette) -> dict[str, Person]:
    store = app.state.store
    add_user(store, "van-phong", "office")
    add_user(store, "tan-thanh", "agency", "xa-tan-thanh")
    add_user(store, "an-binh", "agency", "xa-an-binh")
    add_user(store, "tu-phap", "council", appraiser="so-tu-phap")
    add_user(store, "noi-vu", "council", appraiser="so-noi-vu")
    for agency_id in ("xa-an-binh", "xa-hoa-phu", "xa-tan-thanh"):
        store.set_state(agency_id, "submitted")
    names = {"office": "van-phong", "tan-thanh": "tan-thanh", "an-binh": "an-binh"}
    names |= {"tu-phap": "tu-phap", "noi-vu": "noi-vu", "none": None}  # type: ignore[dict-item]
    return {who: Person(app, login) for who, login in names.items()}


def _ranked(folder: Path) -> dict[str, str]:
    code, out, err = run("rank", str(folder), "-f", "json")
    assert code == 0, err
    rows = json.loads(out)["groups"][0]["rows"]
    return {row["agency"]["id"]: f"{row['index']:.2f}".replace(".", ",") for row in rows}


def _version(page: str) -> str:
    found = re.search(r'name="version" value="([0-9a-f]{16})"', page)
    assert found is not None
    return found.group(1)


def test_every_page_shows_the_index_par_rank_prints(folder: Path, year: dict[str, Person]) -> None:
    ranked = _ranked(folder)
    assert ranked == {"xa-an-binh": "93,68", "xa-hoa-phu": "76,89", "xa-tan-thanh": "74,50"}
    office = year["office"]
    listed = office.get("/council").text
    ranking = office.get("/ranking").text
    assert office.publish().status_code == 303
    public = year["none"].get("/public").text
    for agency_id, index in ranked.items():
        for page in (listed, ranking, public):
            assert index in page, agency_id
        assert f"<strong>{index}</strong>" in office.get(f"/council/{agency_id}").text, agency_id
        explained = office.get(f"/explain/{agency_id}").text
        assert index in explained and "88,00" not in explained, agency_id
    assert "88,00" not in listed  # xa-tan-thanh scored alone, as if it led its group
    board = office.get("/office").text
    for agency_id, index in ranked.items():
        row = board[board.index(f"({agency_id})") :]
        assert re.search(r'<td class="num">(\d+,\d\d)</td>', row).group(1) == index, agency_id  # type: ignore[union-attr]
    for who, agency_id in (("tan-thanh", "xa-tan-thanh"), ("an-binh", "xa-an-binh")):
        assert f"<strong>{ranked[agency_id]}</strong>" in year[who].get("/agency").text, agency_id


def test_the_council_saves_beside_a_ratio_the_file_holds(folder: Path, year: dict[str, Person]) -> None:
    member = year["tu-phap"]
    before = (folder / "tham-dinh-so-tu-phap.yaml").read_text(encoding="utf-8")
    page = member.get("/council/xa-an-binh").text
    assert 'name="appraised-3.1" value="18/20"' in page  # as the agency's form shows it, not 90
    assert '<select id="appraised-2" name="appraised-3.2">' in page  # Có/Không, as the agency chooses it
    assert 'value="Có" selected' in page and "true hoặc false" not in page
    typed = {"version": _version(page), "appraised-3.1": "18/20", "reason-3.1": "", "appraised-3.2": "Không"}
    refused = member.post("/council/xa-an-binh", typed)  # 3.2 cut (Có → Không) without a reason
    assert refused.status_code == 400 and "3.2: thẩm định thấp hơn mức cơ quan tự đánh giá" in refused.text
    typed["reason-3.2"] = "Không có phiếu kiểm tra"
    saved = member.post("/council/xa-an-binh", typed)
    assert saved.status_code == 303, saved.text[:2000]
    text = (folder / "tham-dinh-so-tu-phap.yaml").read_text(encoding="utf-8")
    line = '  xa-an-binh: {"3.1": {done: 18, total: 20}, "3.2": true}'
    now = '  "xa-an-binh": {"3.1": {done: 18, total: 20}, "3.2": {appraised: false, reason: "Không có phiếu kiểm tra"}}'
    assert text == before.replace(line, now)  # that line
    page = member.get("/council/xa-an-binh").text
    typed = {"version": _version(page), "appraised-3.1": "16/20", "reason-3.1": "Hai văn bản thiếu phiếu"}
    assert member.post("/council/xa-an-binh", {**typed, "appraised-3.2": "Không"}).status_code == 303
    assert "Không có phiếu kiểm tra" in (folder / "tham-dinh-so-tu-phap.yaml").read_text(encoding="utf-8")
    text = (folder / "tham-dinh-so-tu-phap.yaml").read_text(encoding="utf-8")
    assert '"3.1": {appraised: {done: 16, total: 20}, reason: "Hai văn bản thiếu phiếu"}' in text
    assert 'value="16/20"' in member.get("/council/xa-an-binh").text
    code, out, err = run("check", str(folder))
    assert code == 0, out + err


def test_values_are_shown_as_the_reader_types_them(folder: Path, year: dict[str, Person]) -> None:
    form = year["an-binh"].get("/agency").text
    assert "19/2" not in form and "9,5" in form  # 1.2's appraisal: 9.5 in the file
    assert "<td>Hoàn thành đúng hạn</td>" in form  # 4.1's appraised level, by its label
    assert re.search(r'<span id="self-\d+">Hoàn thành đúng hạn</span>', form) and ">hoan-thanh<" not in form
    page = year["noi-vu"].get("/council/xa-an-binh").text
    assert 'name="appraised-1.2" value="9,5"' in page and "19/2" not in page


def test_round_two_keeps_the_first_rounds_value_and_reason(
    app: Starlette, folder: Path, year: dict[str, Person]
) -> None:
    member = year["noi-vu"]
    page = member.get("/council/xa-an-binh").text
    assert re.search(r"<td>9,5</td>\s*<td>", page)  # Thẩm định lần 1: round 1's 9.5, not "—"
    app.state.store.set_setting("round", "2")
    typed = {"version": _version(page), "appraised-1.2": "9", "reason-1.2": "Đã giải trình bổ sung"}
    assert member.post("/council/xa-an-binh", typed).status_code == 303
    text = (folder / "tham-dinh-so-noi-vu.yaml").read_text(encoding="utf-8")
    reasons = "Vòng 1: Báo cáo quý III gửi chậm 3 ngày; Vòng 2: Đã giải trình bổ sung"
    assert f'"1.2": {{first_appraisal: 9.5, appraised: 9, reason: "{reasons}"}}' in text
    page = member.get("/council/xa-an-binh").text
    assert re.search(r"<td>9,5</td>\s*<td>", page) and reasons in page
    code, out, err = run("appraisal", "cuts", str(folder), "-f", "json")
    assert code == 0 and json.loads(out)["agencies"][0]["cuts"][0]["reason"] == reasons, err


def test_a_refused_value_is_said_once_with_a_hint_that_fits_the_field(folder: Path, year: dict[str, Person]) -> None:
    member = year["noi-vu"]
    page = member.get("/council/xa-an-binh").text
    assert "thẩm định giảm" not in page  # 10 → 9,5 is in its columns, not a problem under every page
    version = _version(page)
    for typed, said in (("97,5", "1.2: 97,5 điểm nằm ngoài 0–10"), ("1e1", "phần thập phân sau dấu phẩy: 9,5")):
        refused = member.post("/council/xa-an-binh", {"version": version, "appraised-1.2": typed})
        assert refused.status_code == 400 and said in refused.text, typed
        assert "1.2: 1.2:" not in refused.text and "bỏ dấu nháy" not in refused.text and "dấu chấm" not in refused.text
        assert "thẩm định giảm" not in refused.text


def test_a_reason_longer_than_a_page_is_refused(folder: Path, year: dict[str, Person]) -> None:
    member = year["noi-vu"]
    before = (folder / "tham-dinh-so-noi-vu.yaml").read_bytes()
    typed = {
        "version": _version(member.get("/council/xa-an-binh").text),
        "appraised-1.2": "9",
        "reason-1.2": "x" * 5000,
    }
    refused = member.post("/council/xa-an-binh", typed)
    assert refused.status_code == 400 and "1.2: văn bản dài 5.000 ký tự, quá 4.000 ký tự" in refused.text
    assert (folder / "tham-dinh-so-noi-vu.yaml").read_bytes() == before


def test_the_agencys_refusal_names_the_criterion_once(app: Starlette, folder: Path, year: dict[str, Person]) -> None:
    app.state.store.set_state("xa-tan-thanh", "draft")
    assert year["office"].post("/office/window", {"action": "open"}).status_code == 303
    agency = year["tan-thanh"]
    page = agency.get("/agency").text
    assert "thẩm định tăng" not in page and "thẩm định giảm" not in page
    for typed, said in (("97,5", "1.2: 97,5 điểm nằm ngoài 0–10"), ("1e1", "phần thập phân sau dấu phẩy: 9,5")):
        refused = agency.post("/agency/save", {"version": _version(page), "self-1.2": typed})
        assert refused.status_code == 400 and said in refused.text, typed
        assert "1.2: 1.2:" not in refused.text and "bỏ dấu nháy" not in refused.text
    cleared = agency.post("/agency/save", {"version": _version(page), "self-1.2": ""})
    assert cleared.headers["location"] == "/agency?said=saved&cleared=1.2"
    assert "Các ô tự đánh giá để trống đã xóa giá trị cũ của: 1.2." in agency.get(cleared.headers["location"]).text
