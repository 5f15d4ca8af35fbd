"""`par serve`'s route tests: a folder of two agencies, the app over it, and people signed in with each role."""

from __future__ import annotations

import hashlib
import re
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():  # Starlette 1.10 would have httpx2 for its test client; httpx (pinned) still works
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient

__all__ = ["PASSWORD", "Person", "TestClient", "add_user", "csrf_of"]

from par_cli.serve import auth
from par_cli.serve.app import create_app
from par_cli.serve.store import Invitation, Store
from tests.conftest import SPEC

PASSWORD = "mật khẩu đủ dài"
_HASHED: dict[str, str] = {}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    year = tmp_path / "nam-2024"
    year.mkdir()
    for name in ("criteria.yaml", "so-noi-vu.yaml", "so-y-te.yaml"):
        shutil.copy(SPEC / name, year / name)
    return year


@pytest.fixture
def app(folder: Path) -> Iterator[Starlette]:
    made = create_app(folder)
    yield made
    made.state.store.close()


def quick_hash(password: str) -> str:
    """A password kept as `auth.hash_password` keeps it, with a cheaper scrypt (n=2**10): signing in reads the
    parameters from the hash, so four people sign in for each test in milliseconds. The server's own parameters
    are tested in test_account (`scrypt$16384$8$1$`)."""
    salt = b"0123456789abcdef"
    key = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**10, r=8, p=1, dklen=32)
    assert auth.password_matches(password, f"scrypt${2**10}$8$1${salt.hex()}${key.hex()}")
    return f"scrypt${2**10}$8$1${salt.hex()}${key.hex()}"


def add_user(store: Store, login: str, role: str, agency_id: str | None = None, appraiser: str | None = None) -> None:
    """An account made as an accepted invitation makes it."""
    token = f"token-{login}"
    store.invite(token, Invitation(login, role, agency_id, appraiser, login.upper(), 4e9, None), "test")  # type: ignore[arg-type]
    kept = _HASHED.get(PASSWORD) or _HASHED.setdefault(PASSWORD, quick_hash(PASSWORD))
    assert store.accept(token, kept) is not None


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found, "the page has no form with a CSRF field"
    return found.group(1)


class Person:
    """A browser signed in as one account (or no one)."""

    def __init__(self, app: Starlette, login: str | None) -> None:
        self.client = TestClient(app, follow_redirects=False)
        self.csrf = ""
        if login is not None:
            page = self.client.get("/login")
            answer = self.client.post("/login", data={"csrf": csrf_of(page.text), "login": login, "password": PASSWORD})
            assert answer.status_code == 303, answer.text
            self.csrf = csrf_of(self.client.get("/login").text)  # the session's token, on the lightest page

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        answer: httpx.Response = self.client.get(url, **kwargs)
        return answer

    def publish(self) -> httpx.Response:
        """The office publishes, confirming when asked (a ranking with answers or survey results missing)."""
        answer = self.post("/office/publish")
        asked = re.search(r'name="confirm" value="([^"]+)"', answer.text) if answer.status_code == 200 else None
        return self.post("/office/publish", {"confirm": asked.group(1)}) if asked else answer

    def post(self, url: str, data: dict[str, str] | None = None, **kwargs: Any) -> httpx.Response:
        """A POST from this person's page: with their CSRF token."""
        answer: httpx.Response = self.client.post(url, data={"csrf": self.csrf, **(data or {})}, **kwargs)
        return answer


@pytest.fixture
def people(app: Starlette) -> dict[str, Person]:
    """Everyone: the office, two agencies, a council member, and no one signed in."""
    store: Store = app.state.store
    add_user(store, "van-phong", "office")
    add_user(store, "snv", "agency", "so-noi-vu")
    add_user(store, "syt", "agency", "so-y-te")
    add_user(store, "hd-1", "council", appraiser="hoi-dong")
    return {
        "office": Person(app, "van-phong"),
        "so-noi-vu": Person(app, "snv"),
        "so-y-te": Person(app, "syt"),
        "council": Person(app, "hd-1"),
        "none": Person(app, None),
    }
