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
from tests.serve.conftest import Person, TestClient, csrf_of


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
    assert made.status_code == 200 and "Liên kết chỉ hiện một lần" in made.text
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
    assert "syt-2" in audit and "agency so-y-te" in audit and "council so-tu-phap" in audit


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
    assert store.window_open() and store.round() == 2
    board = office.get("/office?said=opened").text
    assert "Đã mở đợt tự đánh giá" in board and "Đóng đợt tự đánh giá" in board
    assert '<option value="2" selected>' in board
    assert office.post("/office/window", {"action": "close"}).headers["location"] == "/office?said=closed"
    assert not store.window_open()
    assert office.post("/office/window", {"action": "explode"}).status_code == 400


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
    answer = people["office"].post("/office/publish")
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
    refused = people["office"].post("/office/publish")
    assert refused.headers["location"] == "/office?said=not-published"
    assert app.state.store.published() == published  # the snapshot kept
