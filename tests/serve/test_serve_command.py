"""`par serve FOLDER`: it starts, prints its address and the office's one-time link, and the link works; the
server's own state (secure cookies, the append-only audit log, errors as pages)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from par_cli.cli.serve import loopback
from par_cli.serve import folder_index as held
from par_cli.serve.app import create_app
from par_cli.serve.records import AgencyRecord
from par_cli.serve.store import Store
from tests.serve.browser import serving
from tests.serve.conftest import PASSWORD, Person, TestClient, add_user


def test_par_serve_prints_its_address_and_a_link_that_works(folder: Path) -> None:
    with serving(folder) as server:
        first, said = server.said
        assert first.strip() == f"Đang phục vụ thư mục tại {server.address} (Ctrl+C để dừng)"
        assert "Liên kết đăng nhập một lần" in said
        link = said.rsplit(" ", 1)[1].strip()
        assert link == server.office_link and link.startswith(f"{server.address}/invite/")
        page = httpx.get(link, timeout=5)
        assert page.status_code == 200 and "van-phong" in page.text
        assert httpx.get(f"{server.address}/login", timeout=5).status_code == 200
    assert (folder / ".par-serve" / "serve.sqlite3").exists()
    assert sorted(p.name for p in folder.iterdir()) == [".par-serve", "criteria.yaml", "so-noi-vu.yaml", "so-y-te.yaml"]


def test_only_loopback_addresses_are_this_computer_alone() -> None:
    assert loopback("127.0.0.1") and loopback("localhost") and loopback("::1")
    assert not loopback("0.0.0.0") and not loopback("192.168.1.10") and not loopback("so-noi-vu.local")


def test_cookies_are_secure_when_served_beyond_this_computer(folder: Path) -> None:
    app = create_app(folder, secure_cookies=True, address="https://cchc.example.vn")
    add_user(app.state.store, "van-phong", "office")
    browser = TestClient(app, base_url="https://testserver", follow_redirects=False)
    login = browser.get("/login")
    assert "Secure" in login.headers["set-cookie"]
    csrf = login.text.split('name="csrf" value="')[1].split('"')[0]
    signed = browser.post("/login", data={"csrf": csrf, "login": "van-phong", "password": PASSWORD})
    assert "Secure" in signed.headers["set-cookie"] and "HttpOnly" in signed.headers["set-cookie"]
    person = Person.__new__(Person)
    person.client, person.csrf = browser, browser.get("/office").text.split('name="csrf" value="')[1].split('"')[0]
    made = person.post("/office/invite", {"role": "agency", "agency": "so-y-te", "login": "syt", "name": "SYT"})
    assert 'value="https://cchc.example.vn/invite/' in made.text  # the server's address, never the Host header's
    app.state.store.close()


def test_the_audit_log_is_append_only(app: Starlette, people: dict[str, Person]) -> None:
    store: Store = app.state.store
    store.audit("van-phong", "window", field="window", before="closed", after="open")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store._db.execute("UPDATE audit SET after='closed'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store._db.execute("DELETE FROM audit")
    assert store.audit_log()[0].after == "open"


def test_a_failure_is_a_page_never_a_traceback(
    app: Starlette, people: dict[str, Person], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(folder: Path, lang: str) -> list[AgencyRecord]:
        raise RuntimeError("secret detail")

    monkeypatch.setattr(held, "agencies", broken)
    browser = people["office"].client
    quiet = TestClient(app, raise_server_exceptions=False, cookies=dict(browser.cookies))
    page = quiet.get("/office")
    assert page.status_code == 500 and "Không có gì bị ghi dở" in page.text
    assert "secret detail" not in page.text and "Traceback" not in page.text


def test_an_office_network_over_http_signs_in_and_is_warned(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from tests.conftest import run

    started: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: started.update(kwargs))
    monkeypatch.delenv("PAR_SERVE", raising=False)
    code, out, err = run("serve", str(folder), "--host", "0.0.0.0", "--port", "8832", "--lang", "vi")
    assert code == 0 and started["host"] == "0.0.0.0"
    assert "mật khẩu, phiên đăng nhập đi qua mạng không mã hóa" in err and "--ssl-certfile" in err
    assert "0.0.0.0" not in out.split("(")[0]  # the address printed is one another computer can open
    secure, address = os.environ["PAR_SERVE"].split("\n")[2::2]
    assert secure == "0" and address.startswith("http://") and "0.0.0.0" not in address
    monkeypatch.delenv("PAR_SERVE")

    app = create_app(folder, address="http://192.0.2.2:8832")  # as `par serve --host 192.0.2.2` makes it
    add_user(app.state.store, "van-phong", "office")
    browser = TestClient(app, base_url="http://192.0.2.2:8832", follow_redirects=False)
    signed = Person.__new__(Person)
    signed.client = browser
    login = browser.get("/login")
    csrf = login.text.split('name="csrf" value="')[1].split('"')[0]
    answer = browser.post("/login", data={"csrf": csrf, "login": "van-phong", "password": PASSWORD})
    assert answer.status_code == 303 and "Secure" not in answer.headers["set-cookie"]
    board = browser.get("/office")
    assert board.status_code == 200
    signed.csrf = board.text.split('name="csrf" value="')[1].split('"')[0]
    made = signed.post(
        "/office/invite",
        {"role": "agency", "agency": "so-y-te", "login": "syt", "name": "SYT"},
        headers={"host": "evil.example"},
    )
    assert 'value="http://192.0.2.2:8832/invite/' in made.text and "evil.example" not in made.text
    app.state.store.close()


def test_every_address_is_shown_as_this_computers_network_address() -> None:
    from par_cli.cli.serve import reachable

    assert reachable("192.0.2.2") == ["192.0.2.2"]
    for everywhere in ("0.0.0.0", "::"):
        found = reachable(everywhere)
        assert found and "0.0.0.0" not in found and "::" not in found


def test_behind_an_https_proxy_links_start_with_the_public_url(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from tests.conftest import run

    started: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: started.update(kwargs))
    monkeypatch.delenv("PAR_SERVE", raising=False)
    code, out, err = run("serve", str(folder), "--public-url", "https://cchc.tinh.gov.vn/", "--lang", "vi")
    assert code == 0 and started["host"] == "127.0.0.1", err
    assert out.startswith("Đang phục vụ thư mục tại https://cchc.tinh.gov.vn, http://127.0.0.1:8765 (Ctrl+C")
    secure, address = os.environ["PAR_SERVE"].split("\n")[2::2]
    assert secure == "1" and address == "https://cchc.tinh.gov.vn"  # invitation links start with it
    monkeypatch.delenv("PAR_SERVE")
    for wrong in (
        "cchc.tinh.gov.vn",
        "ftp://cchc.tinh.gov.vn",
        "https://cchc.tinh.gov.vn/../admin",
        "https://cchc.tinh.gov.vn/cchc",
        "https://user@cchc.tinh.gov.vn",
        "https://cchc.tinh.gov.vn?x=1",
        "https://cchc.tinh.gov.vn:99999",
        "https://",
        "https://cchc tinh.vn",
    ):
        code, out, err = run("serve", str(folder), "--public-url", wrong, "--lang", "vi")
        assert code == 2 and "PAR_SERVE" not in os.environ, wrong
        assert f"--public-url {wrong}: không phải địa chỉ dùng được: cần http:// hoặc https://" in err, (wrong, err)
        assert "ví dụ --public-url https://cchc.tinh.gov.vn" in err and out == ""
    code, out, _ = run("serve", "--help")
    assert "--public-url" in out
