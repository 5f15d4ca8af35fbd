"""Every route with every role and with no one: who gets the page, who is refused, who is sent to sign in.

A new route must be listed here (`test_every_route_is_listed`)."""

from __future__ import annotations

import re

import pytest
from starlette.applications import Starlette
from starlette.routing import Mount, Route

from tests.serve.conftest import Person
from tests.serve.test_uploads import PDF, upload

EVERYONE = ("office", "so-noi-vu", "so-y-te", "council")
OFFICE = ("office",)
AGENCIES = ("so-noi-vu", "so-y-te")
# (method, path, data, who may: the others signed in get 403, no one is sent to sign in)
ROUTES: list[tuple[str, str, dict[str, str], tuple[str, ...]]] = [
    ("GET", "/office", {}, OFFICE),
    ("GET", "/office/invite", {}, OFFICE),
    ("POST", "/office/invite", {"role": "council", "login": "hd-2", "name": "HĐ", "appraiser": "so-tu-phap"}, OFFICE),
    ("POST", "/office/invite/bulk", {"ids": "so-y-te"}, OFFICE),
    ("POST", "/office/window", {"action": "open"}, OFFICE),
    ("POST", "/office/round", {"round": "2"}, OFFICE),
    ("POST", "/office/account/syt/link", {}, OFFICE),
    ("POST", "/office/agency/so-y-te/lock", {}, OFFICE),
    ("POST", "/office/agency/so-y-te/unlock", {}, OFFICE),
    ("GET", "/office/audit", {}, OFFICE),
    ("GET", "/agency", {}, AGENCIES),
    ("POST", "/agency/save", {"version": "0"}, AGENCIES),
    ("POST", "/agency/evidence", {"code": "1.1.1"}, AGENCIES),  # no file: said so (400)
    ("POST", "/agency/submit", {}, AGENCIES),
    ("GET", "/agency/evidence/1", {}, ("office", "council", "so-noi-vu")),
    ("POST", "/agency/evidence/1/remove", {}, ("so-noi-vu",)),  # its own upload only (so-y-te: 404)
    # the council's pages, results and downloads (tests/serve/test_council_routes.py tries them further)
    ("GET", "/council", {}, ("office", "council")),
    ("GET", "/council/so-y-te", {}, ("office", "council")),
    ("POST", "/council/so-y-te", {"version": "0"}, ()),  # the council's, once the agency has submitted
    ("GET", "/ranking", {}, ("office", "council")),
    ("POST", "/ranking/previous", {"previous": ""}, OFFICE),
    ("GET", "/explain/so-y-te", {}, ("office", "council", "so-y-te")),
    ("GET", "/documents", {}, ("office", "council")),
    ("GET", "/documents/ranking-csv", {}, ("office", "council")),
]
OPEN = ["/", "/login", "/static/par.css", "/public"]  # anyone (the published ranking: 404 until published)
PUBLISH = ("POST", "/office/publish")  # office only: slow (it runs `par rank`), tried once in test_office


def listed() -> set[str]:
    return {path for _, path, _, _ in ROUTES} | set(OPEN) | {PUBLISH[1]}


def test_every_route_is_listed(app: Starlette) -> None:
    patterns = {
        "/office/agency/{agency_id}/{action:str}": "/office/agency/so-y-te/lock",
        "/office/account/{login}/{action}": "/office/account/syt/link",
        "/agency/evidence/{file_id:int}": "/agency/evidence/1",
        "/agency/evidence/{file_id:int}/remove": "/agency/evidence/1/remove",
        "/council/{agency_id}": "/council/so-y-te",
        "/explain/{agency_id}": "/explain/so-y-te",
        "/documents/{kind}": "/documents/ranking-csv",
        "/invite/{token}": "/invite/x",
        "/logout": "/logout",
    }
    for route in app.routes:
        if isinstance(route, Mount):
            continue
        assert isinstance(route, Route)
        assert patterns.get(route.path, route.path) in listed() | {"/invite/x", "/logout"}, route.path


@pytest.fixture
def uploaded(people: dict[str, Person]) -> None:
    people["office"].post("/office/window", {"action": "open"})
    assert upload(people["so-noi-vu"], "a.pdf", PDF).status_code == 303


@pytest.mark.parametrize(("method", "path", "data", "allowed"), ROUTES, ids=[f"{m} {p}" for m, p, _, _ in ROUTES])
def test_each_route_with_each_role_and_with_no_one(
    people: dict[str, Person], uploaded: None, method: str, path: str, data: dict[str, str], allowed: tuple[str, ...]
) -> None:
    for who in (*EVERYONE, "none"):
        person = people[who]
        answer = person.get(path) if method == "GET" else person.post(path, data)
        if who == "none":
            assert answer.status_code == 303 and answer.headers["location"] == "/login", (who, answer.status_code)
        elif who in allowed:
            assert answer.status_code in (200, 303, 400, 409), (who, answer.status_code, answer.text[-600:])
            assert answer.headers.get("location") != "/login", who
        else:
            assert answer.status_code in (403, 404), (who, answer.status_code)
            assert "<html" in answer.text and "Traceback" not in answer.text


def test_open_pages_and_unknown_ones(people: dict[str, Person]) -> None:
    for who, person in people.items():
        assert person.get("/login").status_code == 200, who
        assert person.get("/static/par.css").status_code == 200
        assert person.get("/invite/not-a-token").status_code == 404
        assert person.get("/office/../../etc/passwd").status_code in (303, 403, 404)
        assert person.get("/static/../store.py").status_code == 404
        assert person.post("/office", {}).status_code == 405


def test_each_menu_leads_only_to_pages_its_role_may_open(people: dict[str, Person]) -> None:
    for who in EVERYONE:
        page = people[who].get("/", follow_redirects=True).text
        menu = page[page.index("<nav") : page.index("</nav>")]
        links = re.findall(r'href="([^"]+)"', menu)
        assert links, who
        for link in links:
            answer = people[who].get(link)
            assert answer.status_code == 200 or (link == "/public" and answer.status_code == 404), (who, link)
