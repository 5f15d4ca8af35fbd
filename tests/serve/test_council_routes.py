"""The council's pages, the ranking, explain, downloads and the published ranking: every route with every role
and with none; a council member appraising into its appraiser's file; what the pages show is `par rank`'s."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from starlette.applications import Starlette

from tests.conftest import run
from tests.serve.conftest import Person

SIGN_IN = 303  # no one signed in: sent to sign in
# (method, address) → the status each person gets: office, so-noi-vu, so-y-te, council, no one
ROUTES: dict[tuple[str, str], tuple[int, int, int, int, int]] = {
    ("GET", "/council"): (200, 403, 403, 200, SIGN_IN),
    ("GET", "/council/so-noi-vu"): (200, 403, 403, 200, SIGN_IN),
    ("GET", "/council/so-khac"): (404, 403, 403, 404, SIGN_IN),
    ("POST", "/council/so-noi-vu"): (403, 403, 403, 403, SIGN_IN),  # the council's while the agency is a draft
    ("GET", "/ranking"): (200, 403, 403, 200, SIGN_IN),
    ("POST", "/ranking/previous"): (303, 403, 403, 403, SIGN_IN),
    ("GET", "/explain/so-noi-vu"): (200, 200, 404, 200, SIGN_IN),  # an agency reads its own only
    ("GET", "/explain/so-y-te"): (200, 404, 200, 200, SIGN_IN),
    ("GET", "/documents"): (200, 403, 403, 200, SIGN_IN),
    ("GET", "/documents/ranking-csv"): (200, 403, 403, 200, SIGN_IN),
    ("GET", "/documents/annex"): (409, 403, 403, 409, SIGN_IN),  # so-y-te has a criterion unanswered (R011)
    ("GET", "/documents/secrets"): (404, 403, 403, 404, SIGN_IN),
    ("GET", "/public"): (404, 404, 404, 404, 404),  # nothing published yet
}
WHO = ("office", "so-noi-vu", "so-y-te", "council", "none")


def test_every_route_with_every_role_and_with_none(people: dict[str, Person], folder: Path) -> None:
    before = {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()}
    for (method, url), expected in ROUTES.items():
        for who, status in zip(WHO, expected, strict=True):
            person = people[who]
            answer = person.get(url) if method == "GET" else person.post(url, {"previous": ""})
            assert answer.status_code == status, (method, url, who, answer.text[:300])
            if who == "none" and status == SIGN_IN:
                assert answer.headers["location"] == "/login"
    after = {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()}
    assert after == before  # no refused request wrote anything


def _page_figures(text: str) -> list[str]:
    return re.findall(r"\d+,\d\d", text)


def test_a_council_member_appraises_into_its_appraisers_file(
    app: Starlette, people: dict[str, Person], folder: Path
) -> None:
    council = people["council"]
    app.state.store.set_state("so-y-te", "submitted")
    page = council.get("/council/so-y-te")
    assert page.status_code == 200
    assert 'name="appraised-2.1"' in page.text and 'name="reason-2.1"' in page.text
    assert "Không có đợt kiểm tra trong năm" in page.text  # the agency's N/A reason beside its answer
    version = re.search(r'name="version" value="([0-9a-f]{16})"', page.text)
    assert version is not None
    saved = council.post(
        "/council/so-y-te",
        {"version": version.group(1), "appraised-2.1": "70,5", "reason-2.1": "Thiếu 9 hồ sơ"},
    )
    assert saved.status_code == 303 and saved.headers["location"] == "/council/so-y-te?said=saved"
    written = (folder / "tham-dinh-hoi-dong.yaml").read_text(encoding="utf-8")
    assert '"so-y-te":' in written and '"2.1": {appraised: 70.5, reason: "Thiếu 9 hồ sơ"}' in written
    log = app.state.store.audit_log()
    assert ("appraise", "tham-dinh-hoi-dong.yaml", "agencies.so-y-te.2.1.appraised", "", "70.5") in {
        (row.action, row.file, row.field, row.before, row.after) for row in log
    }
    code, out, err = run("check", str(folder))
    assert code == 0, out + err
    shown = council.get("/council/so-y-te").text
    assert "Thiếu 9 hồ sơ" in shown and "Đã lưu kết quả thẩm định." not in shown
    assert "Đã lưu kết quả thẩm định." in council.get("/council/so-y-te?said=saved").text
    stale = council.post("/council/so-y-te", {"version": version.group(1), "appraised-2.1": "60"})
    assert stale.status_code == 409 and "tham-dinh-hoi-dong.yaml" in stale.text
    assert (folder / "tham-dinh-hoi-dong.yaml").read_text(encoding="utf-8") == written  # never last-write-wins
    fresh = re.search(r'name="version" value="([0-9a-f]{16})"', shown)
    assert fresh is not None
    wrong = council.post("/council/so-y-te", {"version": fresh.group(1), "appraised-2.1": "nhiều"})
    assert wrong.status_code == 400 and 'value="nhiều"' in wrong.text  # what was typed, kept to correct
    assert (folder / "tham-dinh-hoi-dong.yaml").read_text(encoding="utf-8") == written


def test_an_appraisal_the_assessment_holds_is_shown_not_offered(app: Starlette, people: dict[str, Person]) -> None:
    app.state.store.set_state("so-noi-vu", "locked")
    page = people["council"].get("/council/so-noi-vu").text
    assert 'name="appraised-1.1.2"' not in page and 'name="appraised-1.2"' in page
    office_page = people["office"].get("/council/so-noi-vu").text
    assert 'name="appraised-' not in office_page  # the office reads, the council appraises


def test_the_ranking_page_and_the_public_page_show_par_ranks_figures(
    app: Starlette, people: dict[str, Person], folder: Path
) -> None:
    code, out, err = run("rank", str(folder), "-f", "json")
    assert code == 0, err
    rows = json.loads(out)["groups"][0]["rows"]
    expected = [(row["agency"]["name"], f"{row['index']:.2f}".replace(".", ",")) for row in rows]
    page = people["council"].get("/ranking").text
    for name, index in expected:
        assert name in page and index in page
    assert page.index(expected[0][0]) < page.index(expected[1][0])  # in rank order
    assert people["none"].get("/public").status_code == 404
    assert people["office"].publish().status_code == 303
    public = people["none"].get("/public")
    assert public.status_code == 200
    for name, index in expected:
        assert name in public.text and index in public.text
    assert "Đăng xuất" not in public.text


def test_last_periods_ranks_once_the_office_names_it(people: dict[str, Person], folder: Path) -> None:
    shutil.copytree(folder, folder.parent / "nam-2023")
    office = people["office"]
    refused = office.post("/ranking/previous", {"previous": "../../etc"})
    assert refused.status_code == 400 and "../../etc" in refused.text
    assert office.post("/ranking/previous", {"previous": "nam-2023"}).status_code == 303
    assert "Hạng kỳ trước" not in office.get("/council/so-y-te").text
    page = people["council"].get("/ranking").text
    code, out, err = run("rank", str(folder), "--previous", str(folder.parent / "nam-2023"))
    assert code == 0, err
    assert "Hạng kỳ trước" in out and "Hạng kỳ trước" in page  # the column `par rank --previous` adds
    assert "nam-2023" in page


def test_explain_shows_where_the_points_went(people: dict[str, Person]) -> None:
    page = people["so-y-te"].get("/explain/so-y-te?lang=en").text
    assert "Sở Y tế" in page and "1.1.2" in page
    assert "<script" not in page


def test_downloads_are_attachments_of_par_writers(people: dict[str, Person], folder: Path) -> None:
    office = people["office"]
    answer = office.get("/documents/ranking-csv")
    assert answer.headers["content-disposition"] == 'attachment; filename="xep-hang.csv"'
    assert (
        answer.headers["x-content-type-options"] == "nosniff" and "sandbox" in answer.headers["content-security-policy"]
    )
    _, out, _ = run("rank", str(folder), "-f", "csv")
    assert answer.content.decode("utf-8").replace("\r\n", "\n") == out
    refused = office.get("/documents/annex")
    assert refused.status_code == 409 and "R011" not in refused.text and "?incomplete=1" in refused.text
    annex = office.get("/documents/annex?incomplete=1")
    assert annex.status_code == 200 and annex.content.startswith(b"PK")
    assert people["council"].get("/documents/annex?incomplete=1").status_code == 409  # the office's call
    assert people["council"].get("/documents/ranking-xlsx").status_code == 409  # as `par rank -f xlsx`: R011
    for kind in ("cuts-xlsx", "cuts-csv", "gaps-xlsx", "gaps-docx"):
        made = people["council"].get(f"/documents/{kind}")
        assert made.status_code == 200 and made.headers["content-disposition"].startswith("attachment"), kind


@pytest.mark.parametrize("url", ["/council", "/ranking", "/council/so-y-te"])
def test_file_text_stays_text_on_the_councils_pages(folder: Path, people: dict[str, Person], url: str) -> None:
    path = folder / "so-y-te.yaml"
    text = path.read_text(encoding="utf-8").replace('name: "Sở Y tế"', 'name: "<b>Sở</b> Y tế"')
    path.write_text(text, encoding="utf-8")
    page = people["council"].get(url).text
    assert "<b>Sở</b>" not in page and "&lt;b&gt;Sở&lt;/b&gt; Y tế" in page
