"""The council's reasons over examples/tham-dinh-2025: a cut (appraised below the agency's own assessment) needs
its reason, said at the reason's field with every typed value kept; a later round keeps round 1's reason as it
was (shown read-only) and writes its own words once, never "Vòng 2: Vòng 2: …"."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from starlette.applications import Starlette

from tests.conftest import ROOT, run
from tests.serve.conftest import Person, add_user

ROUND_1 = "Báo cáo quý III gửi chậm 3 ngày"  # xa-an-binh's 1.2 in tham-dinh-so-noi-vu.yaml: 10 appraised 9.5


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "examples" / "tham-dinh-2025", tmp_path / "nam-2025")
    return tmp_path / "nam-2025"


@pytest.fixture
def member(app: Starlette) -> Person:
    add_user(app.state.store, "noi-vu", "council", appraiser="so-noi-vu")
    app.state.store.set_state("xa-an-binh", "submitted")
    return Person(app, "noi-vu")


def _version(page: str) -> str:
    found = re.search(r'name="version" value="([0-9a-f]{16})"', page)
    assert found is not None
    return found.group(1)


def _reason_box(page: str, code: str) -> str:
    found = re.search(rf'name="reason-{re.escape(code)}"[^>]*>([^<]*)</textarea>', page)
    assert found is not None, page[:3000]
    return found.group(1)


def test_a_cut_without_a_reason_is_refused_at_the_reason(folder: Path, member: Person) -> None:
    before = (folder / "tham-dinh-so-noi-vu.yaml").read_bytes()
    page = member.get("/council/xa-an-binh").text
    assert 'maxlength="4000"' in page and "Tối đa 4.000 ký tự; dài hơn thì tải lên thành tệp minh chứng." in page
    typed = {"version": _version(page), "appraised-1.1": "Không", "appraised-1.2": "8", "reason-1.2": " "}
    refused = member.post("/council/xa-an-binh", {**typed, "reason-1.1": "Kế hoạch ban hành muộn"})
    assert refused.status_code == 400
    said = "1.2: thẩm định thấp hơn mức cơ quan tự đánh giá: hãy ghi lý do"
    assert refused.text.count(said) == 2  # in the list above, and under the reason's box
    assert re.search(
        r'aria-invalid="true">\s*</textarea>\s*<div class="hint"[^>]*>[^<]*</div>\s*<div class="problem"', refused.text
    )
    assert 'name="appraised-1.2" value="8"' in refused.text  # what was typed stays on the page
    assert 'value="Không" selected' in refused.text and _reason_box(refused.text, "1.1") == "Kế hoạch ban hành muộn"
    assert (folder / "tham-dinh-so-noi-vu.yaml").read_bytes() == before  # nothing written
    typed["reason-1.2"] = "Báo cáo quý III và quý IV gửi chậm"
    typed["reason-1.1"] = "Kế hoạch ban hành muộn"
    assert member.post("/council/xa-an-binh", typed).status_code == 303
    text = (folder / "tham-dinh-so-noi-vu.yaml").read_text(encoding="utf-8")
    assert '"1.2": {appraised: 8, reason: "Báo cáo quý III và quý IV gửi chậm"}' in text
    raised = {"version": _version(member.get("/council/xa-an-binh").text), "appraised-1.2": "10", "reason-1.2": ""}
    assert member.post("/council/xa-an-binh", raised).status_code == 303  # not a cut: no reason needed


def test_english_pages_say_the_same(folder: Path, member: Person) -> None:
    page = member.get("/council/xa-an-binh?lang=en").text
    typed = {"version": _version(page), "appraised-1.2": "8", "reason-1.2": ""}
    refused = member.post("/council/xa-an-binh?lang=en", typed)
    assert refused.status_code == 400
    assert "1.2: appraised below the agency&#39;s own assessment: give the reason" in refused.text


def test_round_two_keeps_round_ones_reason_and_says_its_round_once(
    app: Starlette, folder: Path, member: Person
) -> None:
    app.state.store.set_setting("round", "2")
    page = member.get("/council/xa-an-binh").text
    assert f"Lý do vòng 1 (giữ nguyên): {ROUND_1}" in page and _reason_box(page, "1.2") == ""
    assert "Lý do vòng 2 1.2" in page
    typed = {"version": _version(page), "appraised-1.2": "9", "reason-1.2": "Vòng 2: Đã giải trình bổ sung"}
    assert member.post("/council/xa-an-binh", typed).status_code == 303
    text = (folder / "tham-dinh-so-noi-vu.yaml").read_text(encoding="utf-8")
    reasons = f"Vòng 1: {ROUND_1}; Vòng 2: Đã giải trình bổ sung"
    assert f'"1.2": {{first_appraisal: 9.5, appraised: 9, reason: "{reasons}"}}' in text
    page = member.get("/council/xa-an-binh").text
    assert f"Lý do vòng 1 (giữ nguyên): {ROUND_1}" in page and _reason_box(page, "1.2") == "Đã giải trình bổ sung"
    typed = {"version": _version(page), "appraised-1.2": "9", "reason-1.2": "Đã giải trình bổ sung, có biên bản"}
    assert member.post("/council/xa-an-binh", typed).status_code == 303
    text = (folder / "tham-dinh-so-noi-vu.yaml").read_text(encoding="utf-8")
    reasons = f"Vòng 1: {ROUND_1}; Vòng 2: Đã giải trình bổ sung, có biên bản"
    assert f'reason: "{reasons}"' in text and "Vòng 2: Vòng 2" not in text
    code, out, err = run("appraisal", "cuts", str(folder), "-f", "json")
    assert code == 0 and json.loads(out)["agencies"][0]["cuts"][0]["reason"] == reasons, err


def test_round_two_needs_its_own_reason_for_a_new_cut(app: Starlette, folder: Path, member: Person) -> None:
    app.state.store.set_setting("round", "2")
    page = member.get("/council/xa-an-binh").text
    refused = member.post("/council/xa-an-binh", {"version": _version(page), "appraised-1.2": "9", "reason-1.2": ""})
    assert refused.status_code == 400 and "1.2: thẩm định thấp hơn mức cơ quan tự đánh giá" in refused.text
    assert f"Lý do vòng 1 (giữ nguyên): {ROUND_1}" in refused.text


def test_a_refused_save_lists_every_problem_at_once(app: Starlette, folder: Path, member: Person) -> None:
    before = (folder / "tham-dinh-so-noi-vu.yaml").read_bytes()
    page = member.get("/council/xa-an-binh").text
    typed = {"version": _version(page), "appraised-1.1": "Không", "reason-1.1": "", "appraised-1.2": "abc"}
    refused = member.post("/council/xa-an-binh", typed)
    assert refused.status_code == 400
    assert "1.1: thẩm định thấp hơn mức cơ quan tự đánh giá: hãy ghi lý do" in refused.text
    assert "1.2: cần số điểm từ 0 đến 10, nhưng có văn bản &#39;abc&#39;" in refused.text
    assert 'name="appraised-1.2" value="abc"' in refused.text and 'value="Không" selected' in refused.text
    assert (folder / "tham-dinh-so-noi-vu.yaml").read_bytes() == before
    add_user(app.state.store, "tu-phap", "council", appraiser="so-tu-phap")
    justice = Person(app, "tu-phap")
    page = justice.get("/council/xa-an-binh").text
    typed = {"version": _version(page), "appraised-3.1": "150", "appraised-3.2": "Không", "reason-3.2": ""}
    refused = justice.post("/council/xa-an-binh", typed)
    assert refused.status_code == 400
    assert "3.1: tỷ lệ 150 nằm ngoài 0–100" in refused.text
    assert "3.2: thẩm định thấp hơn mức cơ quan tự đánh giá: hãy ghi lý do" in refused.text
    assert 'name="appraised-3.1" value="150"' in refused.text and 'value="Không" selected' in refused.text
