"""Nothing irreversible without a word: an agency submitting with criteria unanswered or errors, and the office
publishing a ranking with answers or survey results missing, see how many before the button and confirm with a
required checkbox (a plain form); unconfirmed, nothing happens. `par serve` refuses, in the user's words and
with par's exit code for usage (2), a port it cannot listen on and a certificate without its key."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from starlette.applications import Starlette

from tests.conftest import ROOT, run
from tests.serve.conftest import Person
from tests.serve.test_page_words import _answer, everyone, made_year, said


@pytest.fixture
def folder(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return made_year(tmp_path, tmp_path_factory)


@pytest.fixture
def people(app: Starlette) -> dict[str, Person]:
    return everyone(app)


def test_submitting_with_unanswered_criteria_asks_for_confirmation(
    app: Starlette, folder: Path, people: dict[str, Person]
) -> None:
    store = app.state.store
    store.set_setting("window", "open")
    agency = people["agency"]
    page = agency.get("/agency").text
    shown = said(page)
    # 1.1–7.3: every criterion the agency answers is blank (8.1–8.3 are the survey's: the office adds them)
    unanswered = int(re.search(r"Còn (\d+) tiêu chí chưa trả lời: các tiêu chí này được tính 0 điểm", shown).group(1))  # type: ignore[union-attr]
    assert unanswered > 0
    assert f"Tôi xác nhận nộp khi còn {unanswered} tiêu chí chưa trả lời" in shown
    assert re.search(r'<input type="checkbox" id="confirm" name="confirm" value="[^"]+" required>', page)
    refused = agency.post("/agency/submit")
    assert refused.status_code == 400
    assert "Chưa nộp: bản tự đánh giá còn tiêu chí chưa trả lời hoặc còn lỗi" in said(refused.text)
    assert store.state("so-y-te") == "draft"
    stale = agency.post("/agency/submit", {"confirm": f"{unanswered + 1}/0"})  # confirmed other counts
    assert stale.status_code == 400 and store.state("so-y-te") == "draft"
    done = agency.post("/agency/submit", {"confirm": f"{unanswered}/0"})
    assert done.status_code == 303 and store.state("so-y-te") == "submitted"


def test_a_file_with_errors_is_not_submitted_unconfirmed(
    app: Starlette, folder: Path, people: dict[str, Person]
) -> None:
    store = app.state.store
    store.set_setting("window", "open")
    _answer(folder, "1.1.3", '{self: {done: 3}, evidence: ["Báo cáo số 1"]}')  # an error: the form cannot be shown
    refused = people["agency"].post("/agency/submit")
    assert refused.status_code == 400 and store.state("so-y-te") == "draft"
    assert "Chưa nộp: bản tự đánh giá còn tiêu chí chưa trả lời hoặc còn lỗi" in said(refused.text)
    assert "1.1.3: cần một tỷ lệ % hoặc số đã làm/tổng số (ví dụ 45/50)" in said(refused.text)


def test_publishing_an_incomplete_ranking_asks_for_confirmation(app: Starlette, people: dict[str, Person]) -> None:
    office = people["office"]
    asked = office.post("/office/publish")
    assert asked.status_code == 200 and app.state.store.published() is None
    shown = said(asked.text)
    assert "Công bố khi kết quả chưa đủ?" in shown
    assert "Kết quả xếp hạng lúc này còn thiếu: 12 cơ quan có tiêu chí chưa trả lời" in shown
    assert "12 cơ quan chưa có kết quả điều tra XHH: 3 tiêu chí điều tra (20 điểm) được tính 0 điểm" in shown
    assert "Tôi xác nhận công bố khi còn 12 cơ quan có tiêu chí chưa trả lời hoặc chưa có kết quả điều tra" in shown
    assert 'name="confirm" value="12" required' in asked.text
    done = office.post("/office/publish", {"confirm": "12"})
    assert done.headers["location"] == "/office?said=published" and app.state.store.published() is not None


def test_a_port_in_use_is_a_usage_error_in_the_user_s_words(folder: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, out, err = run("serve", str(folder), "--port", str(port))
    assert code == 2 and out == ""
    assert err.strip() == (
        f"par: lỗi U001: không phục vụ được trên 127.0.0.1, cổng {port}: cổng này đang được một chương trình khác "
        f"dùng (có thể là một par serve khác) (gợi ý: chọn cổng khác bằng --port, ví dụ --port {port + 1}, hoặc "
        f"dừng chương trình đang dùng cổng {port})"
    )


def test_a_certificate_without_its_key_is_a_usage_error(folder: Path) -> None:
    code, out, err = run("serve", str(folder), "--ssl-certfile", str(folder / "so-y-te.yaml"))
    assert code == 2 and out == ""
    assert err.strip() == (
        "par: lỗi U001: --ssl-certfile cần đi cùng --ssl-keyfile: chứng chỉ và khóa riêng của nó (gợi ý: ghi cả "
        "hai: --ssl-certfile cert.pem --ssl-keyfile key.pem, hoặc bỏ cả hai để phục vụ bằng http)"
    )
    code, _, err = run("serve", str(folder), "--ssl-keyfile", str(folder / "so-y-te.yaml"))
    assert code == 2 and "--ssl-keyfile cần đi cùng --ssl-certfile" in err


def test_the_real_command_exits_2_on_a_taken_port(folder: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "par_cli", "serve", str(folder), "--port", str(port)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=ROOT,
            timeout=60,
            check=False,
        )
    assert done.returncode == 2 and "Đang phục vụ" not in done.stdout and "ERROR" not in done.stderr
