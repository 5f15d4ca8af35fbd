"""An agency's form: its own file only, saved with a version check while the window is open, submitted = locked."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import yaml
from starlette.applications import Starlette

from par_cli.serve import folder_index as held
from par_cli.serve import records
from tests.serve.conftest import Person


def version_of(page: str) -> str:
    found = re.search(r'name="version" value="([0-9a-f]+)"', page)
    assert found
    return found.group(1)


def opened(people: dict[str, Person]) -> None:
    assert people["office"].post("/office/window", {"action": "open"}).status_code == 303


def test_an_agency_sees_its_own_form_with_its_figures(people: dict[str, Person]) -> None:
    page = people["so-noi-vu"].get("/agency")
    assert page.status_code == 200
    assert "Sở Nội vụ" in page.text and "Sở Y tế" not in page.text
    assert "<strong>79,00</strong>" in page.text  # `par score so-noi-vu.yaml`: 79.00
    assert 'name="self-1.1.2" value="95"' not in page.text  # the window is closed: nothing to type
    assert "chỉ để xem" in page.text and ">190/200</span>" in page.text
    assert "Sở Y tế" in people["so-y-te"].get("/agency").text


def test_a_save_writes_the_file_audits_it_and_rescores_that_agency_only(
    app: Starlette, folder: Path, people: dict[str, Person]
) -> None:
    opened(people)
    agency = people["so-noi-vu"]
    board = people["office"].get("/office")
    assert "79,00" in board.text and "25,38" in board.text
    reads = held.READS[0]
    page = agency.get("/agency")
    saved = agency.post("/agency/save", {"version": version_of(page.text), "self-1.1.2": "97,5", "self-1.3": "0"})
    assert saved.status_code == 303 and saved.headers["location"] == "/agency?said=saved"
    answers = yaml.safe_load((folder / "so-noi-vu.yaml").read_text(encoding="utf-8"))["answers"]
    assert answers["1.1.2"]["self"] == 97.5 and answers["1.3"]["self"] == 0
    assert answers["1.1.2"]["evidence"] == ["Báo cáo 120/BC-SNV ngày 10/12/2024"]  # the rest of the answer kept
    after = agency.get(saved.headers["location"])
    assert "Đã lưu" in after.text and 'value="97,5"' in after.text
    people["office"].get("/office")
    assert held.READS[0] - reads == 1  # so-noi-vu scored again; so-y-te taken as it was
    audit = people["office"].get("/office/audit").text
    assert (
        "<td>Lưu tự đánh giá</td>" in audit
        and "<td>Tự đánh giá 1.1.2 — Mức độ thực hiện kế hoạch CCHC</td><td>95</td><td>97,5</td>" in audit
        and "so-noi-vu.yaml" in audit
        and "snv" in audit
    )
    same = agency.post("/agency/save", {"version": version_of(after.text), "self-1.1.2": "97,5", "self-1.2": "true"})
    assert same.headers["location"] == "/agency?said=nothing"


def test_a_save_over_a_changed_file_is_refused_never_written_over(folder: Path, people: dict[str, Person]) -> None:
    opened(people)
    agency = people["so-noi-vu"]
    first = version_of(agency.get("/agency").text)
    assert agency.post("/agency/save", {"version": first, "self-1.3": "0"}).status_code == 303
    before = (folder / "so-noi-vu.yaml").read_bytes()
    late = agency.post("/agency/save", {"version": first, "self-1.3": "2"})
    assert late.status_code == 409 and "người khác đã sửa tệp" in late.text
    assert (folder / "so-noi-vu.yaml").read_bytes() == before
    by_hand = (folder / "so-noi-vu.yaml").read_text(encoding="utf-8").replace("2.2:", "2.2:")
    (folder / "so-noi-vu.yaml").write_text(by_hand + "\n# sửa tay\n", encoding="utf-8")
    shown = agency.get("/agency").text
    assert version_of(shown) == records.file_version(folder / "so-noi-vu.yaml")


def test_a_clash_keeps_what_was_typed_and_says_it_once(folder: Path, people: dict[str, Person]) -> None:
    opened(people)
    agency = people["so-noi-vu"]
    first = version_of(agency.get("/agency").text)  # two tabs opened at this version
    assert agency.post("/agency/save", {"version": first, "self-1.3": "0"}).status_code == 303  # tab 1 saves
    typed = {"version": first, "self-1.1.2": "88,5", "explanation-1.1.2": "Đã họp giao ban ngày 5/3"}
    late = agency.post("/agency/save", typed)  # tab 2 saves what it typed
    assert late.status_code == 409
    assert 'value="88,5"' in late.text and ">Đã họp giao ban ngày 5/3</textarea>" in late.text
    said = late.text.split("<main", 1)[1]
    assert said.count("người khác đã sửa") == 1 and "đã được người khác sửa" not in said
    assert "Biểu mẫu vẫn giữ những gì bạn đã nhập" in said
    assert version_of(late.text) == records.file_version(folder / "so-noi-vu.yaml")  # Lưu again: saved
    again = agency.post("/agency/save", {**typed, "version": version_of(late.text)})
    assert again.status_code == 303
    assert "Đã họp giao ban ngày 5/3" in (folder / "so-noi-vu.yaml").read_text(encoding="utf-8")


def test_two_saves_at_once_one_wins_the_other_is_told(folder: Path, people: dict[str, Person]) -> None:
    opened(people)
    agency = people["so-noi-vu"]
    version = version_of(agency.get("/agency").text)
    codes: list[int] = []

    def saving(value: str) -> None:
        codes.append(agency.post("/agency/save", {"version": version, "self-2.2": value}).status_code)

    threads = [threading.Thread(target=saving, args=(str(n),)) for n in (3, 4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(codes) == [303, 409]
    kept = yaml.safe_load((folder / "so-noi-vu.yaml").read_text(encoding="utf-8"))["answers"]["2.2"]["self"]
    assert kept in (3, 4)


def test_the_open_form_offers_each_rule_its_input(people: dict[str, Person]) -> None:
    opened(people)
    page = people["so-noi-vu"].get("/agency").text
    assert 'name="self-1.1.2" value="95"' in page and 'name="self-2.1" value="190/200"' in page
    assert '<option value="on-time" selected>' in page  # a levels rule: its levels to choose from
    assert '<option value="Có" selected>Có</option>' in page  # a check: Có / Không
    assert 'name="self-3"' not in page  # the survey's leaf is not the agency's to type
    assert 'name="evidence-1.1.1"' in page and "Kế hoạch 01/KH-SNV ngày 05/01/2024</textarea>" in page


def test_a_value_that_cannot_be_used_is_refused_at_its_field(folder: Path, people: dict[str, Person]) -> None:
    opened(people)
    agency = people["so-noi-vu"]
    before = (folder / "so-noi-vu.yaml").read_bytes()
    version = version_of(agency.get("/agency").text)
    refused = agency.post("/agency/save", {"version": version, "self-1.1.2": "150", "self-1.3": "0"})
    assert refused.status_code == 400 and "1.1.2: " in refused.text
    assert 'name="self-1.1.2" value="150"' in refused.text  # what was typed is kept on the page
    assert (folder / "so-noi-vu.yaml").read_bytes() == before
    warned = people["so-y-te"].get("/agency").text
    assert "Cảnh báo: 3" in warned


def test_submitting_locks_the_form_until_the_office_unlocks_it(
    app: Starlette, folder: Path, people: dict[str, Person]
) -> None:
    opened(people)
    agency = people["so-noi-vu"]
    version = version_of(agency.get("/agency").text)
    assert agency.post("/agency/submit").headers["location"] == "/agency?said=submitted"
    assert app.state.store.state("so-noi-vu") == "submitted"
    refused = agency.post("/agency/save", {"version": version, "self-1.3": "3"})
    assert refused.status_code == 403 and "mở khóa" in refused.text
    assert "đã nộp" in people["office"].get("/office").text
    assert people["office"].post("/office/agency/so-noi-vu/unlock").status_code == 303
    assert agency.post("/agency/save", {"version": version, "self-1.3": "3"}).status_code == 303
    assert people["office"].post("/office/agency/so-noi-vu/lock").status_code == 303
    assert agency.post("/agency/submit").status_code == 403
    other = people["so-y-te"]
    token = re.search(r'name="confirm" value="([^"]+)"', other.get("/agency").text)  # its criteria left blank
    confirmed = {"confirm": token.group(1)} if token else {}
    assert other.post("/agency/submit", confirmed).status_code == 303  # the other agency is not locked


def test_the_window_closed_refuses_saves(folder: Path, people: dict[str, Person]) -> None:
    agency = people["so-noi-vu"]
    version = version_of(agency.get("/agency").text)
    before = (folder / "so-noi-vu.yaml").read_bytes()
    assert agency.post("/agency/save", {"version": version, "self-1.3": "3"}).status_code == 403
    assert (folder / "so-noi-vu.yaml").read_bytes() == before


def test_an_agency_cannot_reach_another_agencys_file(folder: Path, people: dict[str, Person]) -> None:
    opened(people)
    agency = people["so-noi-vu"]
    version = records.file_version(folder / "so-y-te.yaml")
    before = (folder / "so-y-te.yaml").read_bytes()
    answer = agency.post("/agency/save", {"version": version, "self-1.3": "9", "agency": "so-y-te"})
    assert answer.status_code == 409  # checked against its own file: the other file is never touched
    assert (folder / "so-y-te.yaml").read_bytes() == before
    assert people["so-noi-vu"].get("/agency/../office").status_code in (303, 403, 404)


def test_not_applicable_evidence_and_a_bonus_claim_are_saved_as_typed(folder: Path, people: dict[str, Person]) -> None:
    opened(people)
    agency = people["so-noi-vu"]
    page = agency.get("/agency").text
    typed = {
        "version": version_of(page),
        "na-1.3": "on",
        "reason-1.3": "Năm 2024 không có đợt kiểm tra",
        "evidence-1.2": "Báo cáo quý I\r\nBáo cáo quý II",
        "explanation-2.2": "Đang trình ký",
        "self-T": "0,5",
    }
    assert agency.post("/agency/save", typed).headers["location"] == "/agency?said=saved"
    answers = yaml.safe_load((folder / "so-noi-vu.yaml").read_text(encoding="utf-8"))
    assert answers["answers"]["1.3"]["na"] is True and "self" not in answers["answers"]["1.3"]
    assert answers["answers"]["1.3"]["reason"] == "Năm 2024 không có đợt kiểm tra"
    assert answers["answers"]["1.2"]["evidence"] == ["Báo cáo quý I", "Báo cáo quý II"]
    assert answers["adjustments"]["T"]["self"] == 0.5
    shown = agency.get("/agency").text
    assert 'name="na-1.3" checked' in shown and "Báo cáo quý I\nBáo cáo quý II</textarea>" in shown


def test_a_file_that_cannot_be_read_is_shown_with_its_problems_not_a_form(
    folder: Path, people: dict[str, Person]
) -> None:
    opened(people)
    path = folder / "so-noi-vu.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("period: 2024", "period: [2024"), encoding="utf-8")
    page = people["so-noi-vu"].get("/agency")
    assert page.status_code == 200 and "so-noi-vu.yaml:" in page.text and "Lỗi: " in page.text
    assert 'action="/agency/save"' not in page.text and "chỉ để xem" in page.text


def test_typed_texts_are_bounded_in_the_form_too(people: dict[str, Person]) -> None:
    people["office"].post("/office/window", {"action": "open"})
    page = people["so-noi-vu"].get("/agency").text
    assert 'name="explanation-1.1.2" rows="1" maxlength="4000"' in page
    assert 'name="evidence-1.1.2" rows="2" maxlength="4000"' in page


def test_not_applicable_where_the_set_forbids_it_names_the_criterion_once(people: dict[str, Person]) -> None:
    opened(people)
    agency = people["so-noi-vu"]
    version = version_of(agency.get("/agency").text)
    refused = agency.post("/agency/save", {"version": version, "self-1.1.2": "KPS"})
    assert refused.status_code == 400
    assert "1.1.2: tiêu chí này phải trả lời, không được để Không áp dụng (KPS): hãy nhập giá trị" in refused.text
    assert "1.1.2: 1.1.2" not in refused.text
    assert "không được đánh dấu" not in refused.text  # KPS was typed, no box was ticked
    ticked = agency.post("/agency/save", {"version": version, "self-1.1.2": "", "na-1.1.2": "on"})
    assert ticked.status_code == 400
    assert "1.1.2: không được đánh dấu Không áp dụng: tiêu chí này phải trả lời" in ticked.text


def test_a_file_broken_by_hand_is_named_in_the_folder_and_the_form_says_why(
    folder: Path, people: dict[str, Person]
) -> None:
    opened(people)
    path = folder / "so-noi-vu.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\nthêm: [mở mà không đóng\n", encoding="utf-8")
    page = people["so-noi-vu"].get("/agency")
    assert page.status_code == 200
    shown = page.text.split("<main", 1)[1]
    assert str(folder) not in shown and "/tmp/" not in shown
    assert re.search(r"<li class=\"error\">so-noi-vu\.yaml:\d+:\d+: ", shown)
    assert "đợt tự đánh giá đã đóng" not in shown
    assert "tệp tự đánh giá có lỗi, văn phòng cần sửa" in shown and 'name="version"' not in shown
    for role, url in (("so-noi-vu", "/explain/so-noi-vu"), ("office", "/explain/so-noi-vu"), ("office", "/ranking")):
        explained = people[role].get(url).text.split("<main", 1)[1]
        assert str(folder) not in explained and "/tmp/" not in explained, (role, url)
        assert "so-noi-vu.yaml:" in explained, (role, url)
