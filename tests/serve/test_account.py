"""Signing in and out, invitations, cookies, CSRF and the headers every response carries."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from starlette.applications import Starlette

from par_cli.serve import account, auth
from par_cli.serve.account import office_invitation
from par_cli.serve.app import create_app
from par_cli.serve.store import Store, digest
from tests.serve.conftest import PASSWORD, Person, TestClient, add_user, csrf_of


def test_the_office_link_sets_a_password_once_and_signs_in(app: Starlette) -> None:
    store: Store = app.state.store
    token = office_invitation(store)
    browser = TestClient(app, follow_redirects=False)
    page = browser.get(f"/invite/{token}")
    assert page.status_code == 200 and "van-phong" in page.text
    short = browser.post(f"/invite/{token}", data={"csrf": csrf_of(page.text), "password": "ngắn", "again": "ngắn"})
    assert short.status_code == 400 and "Mật khẩu quá ngắn: cần ít nhất 10 ký tự." in short.text
    differ = browser.post(
        f"/invite/{token}", data={"csrf": csrf_of(page.text), "password": "a" * 12, "again": "b" * 12}
    )
    assert "Hai mật khẩu không giống nhau." in differ.text
    done = browser.post(f"/invite/{token}", data={"csrf": csrf_of(page.text), "password": "a" * 12, "again": "a" * 12})
    assert done.status_code == 303
    cookie = done.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie.replace("Lax", "lax") and "Path=/" in cookie
    assert browser.get("/", follow_redirects=True).url.path == "/office"
    again = TestClient(app).get(f"/invite/{token}")
    assert again.status_code == 404 and "đã dùng rồi" in again.text
    row = store.user_by_login("van-phong")
    assert row is not None and row.password.startswith("scrypt$16384$8$1$") and "a" * 12 not in row.password


def test_tokens_are_kept_hashed(app: Starlette, people: dict[str, Person], folder: Path) -> None:
    token = office_invitation(app.state.store)
    database = (folder / ".par-serve" / "serve.sqlite3").read_bytes()
    wal = folder / ".par-serve" / "serve.sqlite3-wal"
    kept = database + (wal.read_bytes() if wal.exists() else b"")
    session = people["office"].client.cookies.get("par_session")
    assert session and session.encode() not in kept and token.encode() not in kept
    assert digest(token).encode() in kept


def test_a_wrong_password_is_refused_then_the_login_waits(app: Starlette, people: dict[str, Person]) -> None:
    browser = TestClient(app, follow_redirects=False)
    csrf = csrf_of(browser.get("/login").text)
    for _ in range(5):
        wrong = browser.post("/login", data={"csrf": csrf, "login": "snv", "password": "sai mật khẩu rồi"})
        assert wrong.status_code == 401 and "không đúng" in wrong.text
    right = browser.post("/login", data={"csrf": csrf, "login": "snv", "password": PASSWORD})
    assert right.status_code == 429 and "chờ 15 phút" in right.text
    unknown = browser.post("/login", data={"csrf": csrf, "login": "ai-do", "password": PASSWORD})
    assert unknown.status_code == 401


def test_a_stranger_cannot_lock_the_office_out(
    app: Starlette, people: dict[str, Person], monkeypatch: pytest.MonkeyPatch
) -> None:
    def browser_at(address: str) -> tuple[TestClient, str]:
        browser = TestClient(app, follow_redirects=False, client=(address, 50000))
        return browser, csrf_of(browser.get("/login").text)

    stranger, csrf = browser_at("192.0.2.66")
    for _ in range(5):
        wrong = stranger.post("/login", data={"csrf": csrf, "login": "van-phong", "password": "đoán thử mật khẩu"})
        assert wrong.status_code == 401
    assert stranger.post("/login", data={"csrf": csrf, "login": "van-phong", "password": PASSWORD}).status_code == 429
    office, csrf = browser_at("192.0.2.10")  # the office's own PC: still signs in
    assert office.post("/login", data={"csrf": csrf, "login": "van-phong", "password": PASSWORD}).status_code == 303

    roaming, csrf = browser_at("192.0.2.77")  # one address trying many logins is stopped too
    for number in range(20):
        roaming.post("/login", data={"csrf": csrf, "login": f"ai-{number}", "password": "đoán thử mật khẩu"})
    assert roaming.post("/login", data={"csrf": csrf, "login": "snv", "password": PASSWORD}).status_code == 429

    paused: list[float] = []

    async def pause(seconds: float) -> None:
        paused.append(seconds)

    monkeypatch.setattr(account, "pause", pause)
    for number in range(20):  # a slow brute force from many addresses: slowed, never a lock-out
        browser, csrf = browser_at(f"198.51.100.{number}")
        browser.post("/login", data={"csrf": csrf, "login": "syt", "password": "đoán thử mật khẩu"})
    assert paused == []
    browser, csrf = browser_at("192.0.2.20")
    assert browser.post("/login", data={"csrf": csrf, "login": "syt", "password": PASSWORD}).status_code == 303
    assert paused == [auth.SLOW_SECONDS]


def test_signing_out_ends_the_session(people: dict[str, Person]) -> None:
    office = people["office"]
    session = office.client.cookies.get("par_session")
    assert office.post("/logout").status_code == 303
    stolen = TestClient(office.client.app, follow_redirects=False, cookies={"par_session": session or ""})
    assert stolen.get("/office").headers["location"] == "/login"


def test_every_post_needs_its_csrf_token(app: Starlette, people: dict[str, Person]) -> None:
    office = people["office"]
    for data in ({}, {"csrf": "sai"}, {"csrf": people["so-y-te"].csrf}):
        refused = office.client.post("/office/window", data={**data, "action": "open"})
        assert refused.status_code == 403 and "mã bảo mật" in refused.text
    assert not app.state.store.window_open()
    other_site = office.client.post(
        "/office/window", data={"csrf": office.csrf, "action": "open"}, headers={"origin": "https://evil.example"}
    )
    assert other_site.status_code == 403 and not app.state.store.window_open()
    browser = TestClient(app, follow_redirects=False)
    login = browser.post("/login", data={"login": "snv", "password": PASSWORD})
    assert login.status_code == 403 and "par_session" not in login.headers.get("set-cookie", "")
    assert office.post("/office/window", {"action": "open"}).status_code == 303 and app.state.store.window_open()


def test_every_response_carries_the_security_headers(people: dict[str, Person]) -> None:
    for url in ("/login", "/office", "/static/par.css", "/nowhere"):
        answer = people["office"].get(url)
        csp = answer.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp and "script" not in csp
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["referrer-policy"] == "no-referrer"
    assert people["office"].get("/nowhere").status_code == 404


def test_pages_speak_vietnamese_first_and_english_when_asked(people: dict[str, Person]) -> None:
    office = people["office"]
    assert "Bảng theo dõi" in office.get("/office").text
    english = office.get("/office?lang=en")
    assert "Status board" in english.text and "par_lang=en" in english.headers["set-cookie"]
    assert "Status board" in office.get("/office").text  # kept in the cookie
    english_chrome = TestClient(office.client.app, headers={"accept-language": "en-US,en;q=0.9"})
    login = english_chrome.get("/login").text  # an English browser on the office's PC: the server's language
    assert "Đăng nhập" in login and '<a href="?lang=en" hreflang="en" lang="en">English</a>' in login
    assert "Sign in" in english_chrome.get("/login?lang=en").text and "Sign in" in english_chrome.get("/login").text
    for page in ("/nowhere", "/public", "/login"):  # the switch on every page, errors too
        assert 'href="?lang=' in TestClient(office.client.app).get(page).text, page


def test_the_servers_language_is_the_pages_default(folder: Path) -> None:
    app = create_app(folder, lang="en")
    vietnamese_browser = TestClient(app, headers={"accept-language": "vi-VN,vi;q=0.9"})
    assert "Sign in" in vietnamese_browser.get("/login").text
    assert "Đăng nhập" in vietnamese_browser.get("/login?lang=vi").text
    app.state.store.close()


def test_file_text_is_never_markup(app: Starlette, folder: Path, people: dict[str, Person]) -> None:
    path = folder / "so-y-te.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('name: "Sở Y tế"', 'name: "<script>alert(1)</script>"'),
        encoding="utf-8",
    )
    board = people["office"].get("/office").text
    assert "<script>" not in board and "&lt;script&gt;alert(1)&lt;/script&gt;" in board


def test_the_home_page_sends_each_role_to_its_page(people: dict[str, Person]) -> None:
    where = {name: person.get("/").headers["location"] for name, person in people.items()}
    assert where == {
        "office": "/office",
        "so-noi-vu": "/agency",
        "so-y-te": "/agency",
        "council": "/council",
        "none": "/login",
    }


def test_an_invitation_for_an_existing_login_sets_its_password_anew(app: Starlette) -> None:
    store: Store = app.state.store
    add_user(store, "snv", "agency", "so-noi-vu")
    token = office_invitation(store)
    assert store.accept(token, "scrypt$x") is not None
    assert re.fullmatch(r"[\w-]{40,}", token)
    assert store.accept(token, "scrypt$y") is None  # once


def test_the_offices_own_account_is_told_what_the_office_does_when_it_must_wait(
    app: Starlette, people: dict[str, Person]
) -> None:
    browser = TestClient(app, follow_redirects=False)
    csrf = csrf_of(browser.get("/login").text)
    for _ in range(5):
        wrong = browser.post("/login", data={"csrf": csrf, "login": "van-phong", "password": "sai mật khẩu rồi"})
        assert wrong.status_code == 401
    told = browser.post("/login", data={"csrf": csrf, "login": "van-phong", "password": PASSWORD})
    assert told.status_code == 429 and "chờ 15 phút rồi thử lại" in told.text
    assert "--invite-office" in told.text and "xin cơ quan thường trực" not in told.text
