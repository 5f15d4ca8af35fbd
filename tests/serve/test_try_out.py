"""What a fresh try-out of `par serve` found: the public address before publishing, the language switch on a page
with other parameters, an Excel form on the board."""

from __future__ import annotations

import re
from pathlib import Path

from starlette.applications import Starlette

from tests.conftest import run
from tests.serve.conftest import Person, add_user


def test_the_public_address_says_the_ranking_is_not_published_yet(people: dict[str, Person]) -> None:
    page = people["none"].get("/public")
    assert page.status_code == 404  # no ranking there yet, said in words
    assert "Kết quả xếp hạng chưa được công bố." in page.text and "quay lại sau" in page.text
    english = people["none"].get("/public?lang=en")
    assert english.status_code == 404 and "The ranking has not been published yet." in english.text
    assert people["office"].publish().status_code == 303
    published = people["none"].get("/public")
    assert published.status_code == 200 and "chưa được công bố" not in published.text


def test_the_language_switch_keeps_the_pages_other_parameters(app: Starlette, people: dict[str, Person]) -> None:
    office = people["office"]
    for _ in range(120):
        app.state.store.audit("snv", "save", "so-noi-vu.yaml", "answers.1.2.self", "true", "false")
    second = office.get("/office/audit?page=2").text
    assert '<a href="?page=2&amp;lang=en" hreflang="en" lang="en">English</a>' in second
    english = office.get("/office/audit?page=2&lang=en").text
    assert "Page 2 of 2" in english and '<a href="?page=2&amp;lang=vi" hreflang="vi" lang="vi">' in english
    told = office.get("/council/so-y-te?said=saved&lang=en").text
    assert 'href="?said=saved&amp;lang=vi"' in told


def test_an_excel_form_on_the_board_says_why_it_is_only_shown(folder: Path, people: dict[str, Person]) -> None:
    code, _, err = run(
        "template",
        str(folder / "criteria.yaml"),
        "-f",
        "xlsx",
        "-o",
        str(folder / "so-xay-dung.xlsx"),
        "--period",
        "2024",
    )
    assert code == 0, err
    board = people["office"].get("/office").text
    row = board[board.index("so-xay-dung.xlsx") :]
    assert re.match(r"so-xay-dung\.xlsx<div class=\"hint\">Phiếu Excel: trang web chỉ hiển thị, không điền được", row)
    assert "par template … -f yaml" in row.split("</tr>")[0]
    assert board.count("Phiếu Excel:") == 1  # the YAML forms: nothing said


def test_the_office_invites_a_list_of_agencies_and_downloads_their_links(
    app: Starlette, folder: Path, people: dict[str, Person]
) -> None:
    office = people["office"]
    page = office.get("/office/invite").text
    assert 'action="/office/invite/bulk"' in page and "Mời nhiều cơ quan một lần" in page
    refused = office.post("/office/invite/bulk", {"ids": "so-y-te\nso-khac, so-la"})
    assert refused.status_code == 400
    assert "Chưa tạo lời mời nào: các mã sau không phải cơ quan nào trong thư mục năm: so-khac, so-la" in refused.text
    assert ">so-y-te\nso-khac, so-la</textarea>" in refused.text and app.state.store.pending() == []
    assert office.post("/office/invite/bulk", {"ids": " "}).status_code == 400
    listed = "\ufeffSTT;Mã cơ quan;Tên cơ quan;Nhóm\n1;so-noi-vu;Sở Nội vụ;so-nganh\n2;so-y-te;Sở Y tế;so-nganh\n"
    (folder / "so-tai-chinh.yaml").write_text(
        (folder / "so-y-te.yaml")
        .read_text(encoding="utf-8")
        .replace("so-y-te", "so-tai-chinh")
        .replace("Sở Y tế", "Sở Tài chính"),
        encoding="utf-8",
    )
    listed += "3;so-tai-chinh;Sở Tài chính;so-nganh\n"
    made = office.post(
        "/office/invite/bulk", {"ids": ""}, files={"list": ("danh-sach.csv", listed.encode("utf-8"), "text/csv")}
    )
    assert made.status_code == 200, made.text[:2000]
    assert made.headers["content-type"].startswith("text/csv") and "attachment" in made.headers["content-disposition"]
    lines = made.content.decode("utf-8").splitlines()
    assert lines[0] == "\ufeffMã cơ quan,Tên cơ quan,Tên đăng nhập,Liên kết"
    assert lines[1] == "so-noi-vu,Sở Nội vụ,snv,đã có tài khoản: không cấp liên kết mới"
    assert lines[2] == "so-y-te,Sở Y tế,syt,đã có tài khoản: không cấp liên kết mới"
    link = re.fullmatch(r"so-tai-chinh,Sở Tài chính,so-tai-chinh,(http://127\.0\.0\.1:8765/invite/\S+)", lines[3])
    assert link is not None and len(lines) == 4
    token_page = people["none"].get(link.group(1).removeprefix("http://127.0.0.1:8765"))
    assert token_page.status_code == 200 and "Sở Tài chính" in token_page.text
    assert [row.login for row in app.state.store.pending()] == ["so-tai-chinh"]


def test_an_agency_with_an_excel_form_is_told_why_and_a_web_form_says_its_text_limit(
    app: Starlette, folder: Path, people: dict[str, Person], tmp_path: Path
) -> None:
    listed = tmp_path / "danh-sach.csv"
    listed.write_text("STT;Mã cơ quan;Tên cơ quan\n1;so-xay-dung;Sở Xây dựng\n", encoding="utf-8-sig")
    made = tmp_path / "phieu"
    code, _, err = run(
        "template", str(folder / "criteria.yaml"), "--agencies", str(listed), "-f", "xlsx", "-o", str(made)
    )
    assert code == 0, err
    assert people["office"].post("/office/window", {"action": "open"}).status_code == 303
    (xlsx,) = made.glob("*.xlsx")
    xlsx.replace(folder / xlsx.name)
    add_user(app.state.store, "sxd", "agency", "so-xay-dung")
    page = Person(app, "sxd").get("/agency").text
    assert '<p class="notice">Phiếu Excel: trang web chỉ hiển thị, không điền được' in page
    assert "cửa sổ" not in page.split('class="notice">')[1].split("</p>")[0]  # not "the window is closed"
    assert "Tối đa 4.000 ký tự" not in page  # nothing to type here
    own = people["so-noi-vu"].get("/agency").text
    assert '<p class="hint">Tối đa 4.000 ký tự; dài hơn thì tải lên thành tệp minh chứng.</p>' in own
    assert 'class="notice"' not in own


def test_a_levels_rule_is_worded_by_its_labels_on_the_form_and_the_council_page(people: dict[str, Person]) -> None:
    """The try-out: "on-time (Ban hành kịp thời): 1 điểm" beside a list that shows labels only."""
    assert people["office"].post("/office/window", {"action": "open"}).status_code == 303
    for page in (people["so-noi-vu"].get("/agency").text, people["council"].get("/council/so-noi-vu").text):
        assert "Ban hành kịp thời: 1 điểm" in page
        assert "on-time" not in page.replace('value="on-time"', "")  # the key only as the list's value


def test_not_applicable_without_a_reason_is_said_on_its_row(people: dict[str, Person]) -> None:
    """The try-out: N/A ticked with no reason was saved without a word, and the maximum fell."""
    assert people["office"].post("/office/window", {"action": "open"}).status_code == 303
    agency = people["so-noi-vu"]
    page = agency.get("/agency").text
    version = re.search(r'name="version" value="([^"]+)"', page)
    assert version is not None
    saved = agency.post("/agency/save", {"version": version[1], "na-1.3": "on", "reason-1.3": ""})
    assert saved.status_code == 303, saved.text
    page = agency.get("/agency").text
    assert page.count("Không áp dụng nhưng chưa ghi lý do: hãy ghi lý do") == 1
    version = re.search(r'name="version" value="([^"]+)"', page)
    assert version is not None
    given = {"version": version[1], "na-1.3": "on", "reason-1.3": "Không có hồ sơ"}
    assert agency.post("/agency/save", given).status_code == 303
    assert "chưa ghi lý do" not in agency.get("/agency").text
