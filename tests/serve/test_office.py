"""The office's pages: the board, invitations, the window and rounds, lock and unlock, publishing, the audit log."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from starlette.applications import Starlette

from par_cli.serve.store import Store
from tests.conftest import ROOT
from tests.serve.conftest import PASSWORD, Person, TestClient, csrf_of


def test_the_board_lists_every_agency_with_its_state_index_and_problems(people: dict[str, Person]) -> None:
    board = people["office"].get("/office").text
    assert "2 cơ quan trong thư mục" in board
    rows = re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</tr>", board, re.S)
    assert len(rows) == 2
    noi_vu, y_te = rows
    assert "Sở Nội vụ" in noi_vu and "79,00" in noi_vu and "đang soạn" in noi_vu
    assert "Sở Y tế" in y_te and "25,38" in y_te and '<td class="num">3</td>' in y_te  # `par check`: 3 warnings
    assert "Đợt tự đánh giá: đã đóng" in board and "Chưa công bố" in board


def test_a_broken_file_is_on_the_board_with_its_errors(folder: Path, people: dict[str, Person]) -> None:
    (folder / "so-y-te.yaml").write_text("kind: assessment\ncriteria: spec-example-2024\nagency: [\n", encoding="utf-8")
    board = people["office"].get("/office").text
    assert "so-y-te.yaml" in board and "—" in board and "79,00" in board


def test_invitations_make_one_time_links_for_agencies_and_council_members(
    app: Starlette, people: dict[str, Person]
) -> None:
    office = people["office"]
    page = office.get("/office/invite").text
    assert '<option value="so-noi-vu">Sở Nội vụ (so-noi-vu)</option>' in page
    made = office.post(
        "/office/invite", {"role": "agency", "agency": "so-y-te", "login": "syt-2", "name": "Văn thư SYT"}
    )
    assert made.status_code == 200 and "chỉ hiện ở đây lần này" in made.text
    link = re.search(r'id="link" class="link" readonly value="([^"]+)"', made.text)
    assert link is not None and link.group(1).startswith("http://127.0.0.1:8765/invite/")
    token = link.group(1).rpartition("/")[2]
    store: Store = app.state.store
    assert token not in [row.login for row in store.pending()] and len(store.pending()) == 1
    newcomer = TestClient(app, follow_redirects=False)
    form = newcomer.get(f"/invite/{token}")
    assert "Văn thư SYT" in form.text
    done = newcomer.post(f"/invite/{token}", data={"csrf": csrf_of(form.text), "password": "x" * 12, "again": "x" * 12})
    assert done.status_code == 303
    assert "Sở Y tế" in newcomer.get("/agency").text
    council = office.post(
        "/office/invite", {"role": "council", "appraiser": "so-tu-phap", "login": "hd-2", "name": "Sở Tư pháp"}
    )
    assert council.status_code == 200 and "hd-2" in council.text
    audit = office.get("/office/audit").text
    assert "syt-2" in audit and "cơ quan được đánh giá so-y-te" in audit and "thành viên hội đồng so-tu-phap" in audit


def test_an_invitation_with_a_wrong_field_says_which(people: dict[str, Person]) -> None:
    office = people["office"]
    cases = [
        ({"role": "admin", "login": "ab", "name": "X"}, "Hãy chọn tài khoản dành cho ai."),
        ({"role": "agency", "login": "A B", "name": "X", "agency": "so-y-te"}, "Tên đăng nhập gồm"),
        ({"role": "agency", "login": "ab", "name": "", "agency": "so-y-te"}, "Hãy ghi tên"),
        ({"role": "agency", "login": "ab", "name": "X", "agency": "so-khac"}, "Hãy chọn một cơ quan"),
        ({"role": "council", "login": "ab", "name": "X", "appraiser": ""}, "Hãy ghi mã người thẩm định"),
        ({"role": "agency", "login": "snv", "name": "X", "agency": "so-y-te"}, "thuộc một tài khoản khác"),
    ]
    for data, said in cases:
        answer = office.post("/office/invite", data)
        assert answer.status_code == 400 and said in answer.text, data


def test_the_window_and_the_round(app: Starlette, people: dict[str, Person]) -> None:
    office = people["office"]
    opened = office.post("/office/window", {"action": "open", "round": "2"})
    assert opened.headers["location"] == "/office?said=opened"
    store: Store = app.state.store
    assert store.window_open() and store.round() == 1  # the window's button never changes the round
    board = office.get("/office?said=opened").text
    assert "Đã mở đợt tự đánh giá" in board and "Đóng đợt tự đánh giá" in board
    assert '<form method="post" action="/office/round"' in board and "Đổi vòng thẩm định</button>" in board
    second = office.post("/office/round", {"round": "2"})
    assert second.headers["location"] == "/office?said=round-2"
    assert store.round() == 2 and store.window_open()  # the round's button never opens or closes the window
    board = office.get(second.headers["location"]).text
    assert '<option value="2" selected>' in board and "Thẩm định: vòng 2" in board and "vòng 1 được giữ" in board
    assert office.post("/office/window", {"action": "close"}).headers["location"] == "/office?said=closed"
    assert not store.window_open() and store.round() == 2
    assert office.post("/office/window", {"action": "explode"}).status_code == 400
    assert office.post("/office/round", {"round": "3"}).status_code == 400


def test_lock_and_unlock_only_agencies_of_the_folder(app: Starlette, people: dict[str, Person]) -> None:
    office = people["office"]
    assert office.post("/office/agency/so-y-te/lock").headers["location"] == "/office?said=locked"
    assert app.state.store.state("so-y-te") == "locked"
    assert "đã khóa" in office.get("/office").text
    assert office.post("/office/agency/so-khac/lock").status_code == 404
    assert office.post("/office/agency/so-y-te/delete").status_code == 404
    assert office.post("/office/agency/so-y-te/unlock").status_code == 303
    assert app.state.store.state("so-y-te") == "draft"


def test_publishing_freezes_what_par_rank_prints(app: Starlette, folder: Path, people: dict[str, Person]) -> None:
    answer = people["office"].publish()
    assert answer.headers["location"] == "/office?said=published"
    published = app.state.store.published()
    assert published is not None
    ranked = subprocess.run(
        [sys.executable, "-m", "par_cli", "rank", str(folder), "--format", "json", "--lang", "en"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        cwd=ROOT,
    )
    assert json.loads(published[0]) == json.loads(ranked.stdout)
    assert "Đã công bố lúc" in people["office"].get("/office").text
    (folder / "so-y-te.yaml").write_text("kind: assessment\n", encoding="utf-8")  # a folder that cannot be ranked
    refused = people["office"].publish()
    assert refused.headers["location"] == "/office?said=not-published"
    assert app.state.store.published() == published  # the snapshot kept


def test_the_audit_log_is_in_the_readers_words_a_page_at_a_time(app: Starlette, people: dict[str, Person]) -> None:
    office = people["office"]
    store: Store = app.state.store
    for number in range(120):
        store.audit("snv", "save", "so-noi-vu.yaml", "answers.1.1.2.self", str(number), str(number + 1))
    store.audit("hd-1", "appraise", "tham-dinh-hoi-dong.yaml", "agencies.so-y-te.3.1.appraised", "", "60")
    store.audit("snv", "submit", "so-noi-vu.yaml", "state", "draft", "submitted 0123456789abcdef")
    store.audit("hd-1", "appraise", "tham-dinh-hoi-dong.yaml", "agencies.so-y-te.2.1.reason", "", '"Thiếu \\"phiếu\\""')
    store.audit("snv", "save", "so-noi-vu.yaml", "answers.1.1.1.self", '"late"', '"on-time"')
    store.audit("hd-1", "appraise", "tham-dinh-hoi-dong.yaml", "agencies.so-y-te.1.2.appraised", "true", "false")
    store.audit("hd-1", "appraise", "tham-dinh-hoi-dong.yaml", "agencies.so-y-te.2.1.appraised", "97.5", "92")
    store.audit("snv", "save", "so-noi-vu.yaml", "answers.1.1.2.evidence", '["Báo cáo 1"]', '["Báo cáo 1", "QĐ 2"]')
    store.audit("snv", "save", "so-noi-vu.yaml", "answers.1.3.explanation", "", "giải trình " * 400)
    store.audit("snv", "save", "so-noi-vu.yaml", "answers.2.1.self", "null", "97.5")  # a first value after a clear
    store.audit("snv", "save", "so-noi-vu.yaml", "answers.2.1.self", "97.5", "null")  # cleared
    assert office.post("/office/window", {"action": "open"}).status_code == 303
    assert office.publish().status_code == 303
    first = office.get("/office/audit").text
    assert "Trang 1/2" in first and first.count("<tr><td>") == 100
    assert (
        "<td>Công bố xếp hạng</td><td></td><td>Bảng xếp hạng</td><td>(trống)</td><td>2 cơ quan được xếp hạng</td>"
        in first
    )
    assert "<td>Mở đợt nhập liệu</td>" in first and "<td>mở</td>" in first
    assert "<td>Thẩm định</td>" in first and "<td>Thẩm định 3.1 (so-y-te)</td>" in first  # not in the set
    title = "Tỷ lệ hồ sơ giải quyết đúng hạn"
    assert f"<td>Lý do thẩm định 2.1 — {title} (so-y-te)</td><td>(trống)</td><td>Thiếu &#34;phiếu&#34;</td>" in first
    assert f"<td>Thẩm định 2.1 — {title} (so-y-te)</td><td>97,5</td><td>92</td>" in first
    assert f"<td>Tự đánh giá 2.1 — {title}</td><td>(trống)</td><td>97,5</td>" in first and "null" not in first
    assert f"<td>Tự đánh giá 2.1 — {title}</td><td>97,5</td><td>(trống)</td>" in first
    assert "<td>Thẩm định 1.2 — Báo cáo CCHC đúng hạn, đủ nội dung (so-y-te)</td><td>Có</td><td>Không</td>" in first
    assert "<td>Ban hành không kịp thời</td><td>Ban hành kịp thời</td>" in first  # levels by their labels
    assert "<td>Báo cáo 1</td><td>Báo cáo 1; QĐ 2</td>" in first  # the evidence lines, not a JSON list
    assert "<td>Gửi bản tự đánh giá</td>" in first and "<td>đang soạn</td><td title=" in first
    assert '<td title="Phiên bản tệp lúc nộp: 0123456789abcdef">đã nộp (khóa)</td>' in first
    assert "0123456789abcdef</td>" not in first
    assert (
        "<td>Giải trình 1.3 — Kiểm tra công tác CCHC</td>" in first
        and "giải trình " * 400 not in first
        and "…" in first
    )
    for raw in ("publish", "appraise", "agencies.so-y-te", "answers.", ">window<", " B<"):
        assert raw not in first.split("<main")[1], raw
    assert 'class="audit"' in first  # fixed columns, long words wrapped: fits 1366 px
    second = office.get("/office/audit?page=2").text
    assert "Trang 2/2" in second and second.count("<tr><td>") == store.audit_count() - 100 and "Mới hơn" in second
    english = office.get("/office/audit?lang=en").text
    assert "<td>Published the ranking</td><td></td><td>Ranking</td><td>(empty)</td>" in english
    assert "<td>Published the ranking</td>" in english and "<td>Appraisal 3.1 (so-y-te)</td>" in english


def test_the_board_says_when_the_published_ranking_is_out_of_date(folder: Path, people: dict[str, Person]) -> None:
    office = people["office"]
    assert office.publish().headers["location"] == "/office?said=published"
    board = office.get("/office").text
    assert "Đã công bố lúc" in board and "khác số liệu hiện nay" not in board
    noi_vu = folder / "so-noi-vu.yaml"
    noi_vu.write_text(
        noi_vu.read_text(encoding="utf-8").replace('"1.3": {self: 1,', '"1.3": {self: 0,'), encoding="utf-8"
    )  # changed by hand (or `par import`) after publishing
    board = office.get("/office").text
    assert "Kết quả đã công bố khác số liệu hiện nay của thư mục (1 cơ quan: Sở Nội vụ)" in board
    assert "Công bố lại" in board and "Sở Y tế" not in board.split("khác số liệu")[1].split("</p>")[0]
    office.publish()
    assert "khác số liệu hiện nay" not in office.get("/office").text


def _link(page: str) -> str:
    found = re.search(r'id="link" class="link" readonly value="([^"]+)"', page)
    assert found is not None, "no link shown"
    return found.group(1).rpartition("/")[2]


def test_a_lost_link_is_made_again_an_invitation_revoked_an_account_disabled(
    app: Starlette, people: dict[str, Person]
) -> None:
    office = people["office"]
    made = office.post("/office/invite", {"role": "agency", "agency": "so-y-te", "login": "syt-2", "name": "SYT"})
    first = _link(made.text)
    page = office.get("/office/invite").text
    assert 'action="/office/account/syt-2/link"' in page and "Tạo liên kết mới" in page and "Thu hồi lời mời" in page
    again = office.post("/office/account/syt-2/link")
    assert again.status_code == 200 and "SYT" in again.text
    second = _link(again.text)
    newcomer = TestClient(app, follow_redirects=False)
    assert newcomer.get(f"/invite/{first}").status_code == 404  # the lost link no longer works
    assert newcomer.get(f"/invite/{second}").status_code == 200
    assert office.post("/office/account/syt-2/revoke").headers["location"] == "/office/invite?said=revoked"
    assert "Đã thu hồi lời mời" in office.get("/office/invite?said=revoked").text
    assert newcomer.get(f"/invite/{second}").status_code == 404
    assert office.post("/office/account/ai-do/link").status_code == 404

    agency = people["so-noi-vu"]
    assert agency.get("/agency").status_code == 200
    assert office.post("/office/account/snv/disable").headers["location"] == "/office/invite?said=disabled"
    assert agency.get("/agency").headers["location"] == "/login"  # its session ended
    browser = TestClient(app, follow_redirects=False)
    csrf = csrf_of(browser.get("/login").text)
    refused = browser.post("/login", data={"csrf": csrf, "login": "snv", "password": PASSWORD})
    assert refused.status_code == 403 and "đã bị cơ quan thường trực khóa" in refused.text
    assert "đã khóa" in office.get("/office/invite").text and "Mở lại tài khoản" in office.get("/office/invite").text
    assert office.post("/office/account/snv/enable").status_code == 303
    log = office.get("/office/audit").text
    assert "<td>Khóa tài khoản</td><td></td><td>snv</td><td>đang dùng</td><td>đã khóa</td>" in log
    assert "<td>Mở lại tài khoản</td>" in log and "<td>Thu hồi lời mời</td>" in log and ">disabled<" not in log
    assert browser.post("/login", data={"csrf": csrf, "login": "snv", "password": PASSWORD}).status_code == 303
    own = office.post("/office/account/van-phong/disable")
    assert own.status_code == 403 and "chính mình" in own.text
    reset = _link(office.post("/office/account/snv/link").text)  # a forgotten password: a new link for the account
    assert "snv" in TestClient(app).get(f"/invite/{reset}").text


def test_the_office_reaches_ranking_documents_and_explain_from_its_board(people: dict[str, Person]) -> None:
    office = people["office"]
    board = office.get("/office").text
    menu = board[board.index("<nav") : board.index("</nav>")]
    for href in ("/ranking", "/documents", "/council"):
        assert f'href="{href}"' in menu, href
    links = set(re.findall(r'href="(/(?:ranking|documents|explain/[^"]+|council/[^"]+))"', board.split("<main")[1]))
    assert {"/ranking", "/documents", "/explain/so-noi-vu", "/explain/so-y-te", "/council/so-y-te"} <= links
    for link in links:
        assert office.get(link).status_code == 200, link
