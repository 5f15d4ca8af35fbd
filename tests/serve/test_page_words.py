"""What the pages say is in the form's terms, never YAML's (`{done: n, total: m}`, `evidence: […]`, `khai báo
na`) nor the command line's (`par check --strict`, `--survey TỆP`): over a folder `par template mau-so-nganh
--agencies … -f yaml` makes (survey criteria 8.1–8.3, no answers yet) and over examples/tham-dinh-2025."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
from starlette.applications import Starlette

from tests.conftest import ROOT, run
from tests.serve.conftest import Person, add_user

_MADE: dict[str, Path] = {}


@pytest.fixture
def folder(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return made_year(tmp_path, tmp_path_factory)


def made_year(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the folder `par template mau-so-nganh` makes for the office-year list (made once)."""
    if "made" not in _MADE:
        made = tmp_path_factory.mktemp("mau") / "nam-2026"
        agencies = str(ROOT / "examples" / "office-year" / "danh-sach.csv")
        code, _, err = run("template", "mau-so-nganh", "--agencies", agencies, "-f", "yaml", "-o", str(made))
        assert code == 0, err
        _MADE["made"] = made
    year = tmp_path / "nam-2026"
    shutil.copytree(_MADE["made"], year)
    return year


@pytest.fixture
def people(app: Starlette) -> dict[str, Person]:
    return everyone(app)


def everyone(app: Starlette) -> dict[str, Person]:
    """The office, Sở Y tế, a council member for the council's criteria and one for Sở Tư pháp's, no one."""
    store = app.state.store
    add_user(store, "van-phong", "office")
    add_user(store, "syt", "agency", "so-y-te")
    add_user(store, "hd-1", "council", appraiser="hoi-dong")
    add_user(store, "stp", "council", appraiser="so-tu-phap")
    names = {"office": "van-phong", "agency": "syt", "council": "hd-1", "tu-phap": "stp", "none": None}
    return {who: Person(app, login) for who, login in names.items()}


def said(page: str) -> str:
    """The page's text as a reader sees it: no markup, entities read, spaces as one."""
    body = re.sub(r"<(script|style)\b.*?</\1>", "", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def _answer(folder: Path, code: str, answer: str) -> None:
    path = folder / "so-y-te.yaml"
    text = path.read_text(encoding="utf-8")
    blank = f'"{code}": {{self: null, evidence: []}}'
    assert blank in text
    path.write_text(text.replace(blank, f'"{code}": {answer}'), encoding="utf-8")


YAML_OR_CLI = re.compile(r"[{}`]|--|evidence:|explanation|\bna\b|\bpar (rank|check|survey)\b")


def test_no_page_speaks_yaml_or_the_command_line(folder: Path, people: dict[str, Person]) -> None:
    office = people["office"]
    urls = ["/office", "/office/invite", "/ranking", "/documents", "/council", "/explain/so-y-te", "/council/so-y-te"]
    pages = {url: office.get(url) for url in urls}
    pages["/agency"] = people["agency"].get("/agency")
    pages["council /council/so-y-te"] = people["council"].get("/council/so-y-te")
    assert office.publish().status_code == 303
    pages["/office?said=published"] = office.get("/office?said=published")
    pages["/public"] = people["none"].get("/public")
    for url, answer in pages.items():
        assert answer.status_code == 200, url
        # the set's own guides are its text (8.x: `ghi {survey: điểm}`): the pages' words are checked around them
        guides = re.sub(r"<details><summary>[^<]*</summary>[^<]*</details>", "", answer.text)
        found = [m.group(0) for m in YAML_OR_CLI.finditer(said(guides))]
        assert not found, (url, found, said(guides)[:2000])


def test_the_agency_reads_its_problems_in_the_form_s_terms(
    app: Starlette, folder: Path, people: dict[str, Person]
) -> None:
    app.state.store.set_setting("window", "open")
    _answer(folder, "1.1.2", "{self: true, evidence: []}")
    page = said(people["agency"].get("/agency").text)
    assert "tỷ lệ % (0–100) hoặc số đã làm/tổng số (ví dụ 45/50)" in page  # what to type in 1.1.3's field
    assert (
        "1.1.2: tự chấm 1 điểm nhưng không có tài liệu kiểm chứng hoặc giải trình "
        "(gợi ý: ghi tài liệu kiểm chứng hoặc giải trình)"
    ) in page
    assert "evidence:" not in page
    _answer(folder, "1.1.3", '{self: {done: 3}, evidence: ["Báo cáo số 1"]}')
    _answer(folder, "1.2.1", "{self: null, na: true, evidence: []}")
    page = said(people["agency"].get("/agency").text)
    assert (
        "1.1.3: cần một tỷ lệ % hoặc số đã làm/tổng số (ví dụ 45/50) (gợi ý: nhập số đã làm/tổng số, như 45/50)"
    ) in page
    assert (
        "1.2.1 không được khai báo là không phát sinh (gợi ý: tiêu chí này không được đánh dấu Không áp dụng: "
        "nhập câu trả lời của tiêu chí)"
    ) in page
    english = said(people["agency"].get("/agency?lang=en").text)
    assert "(hint: enter done/total, as in 45/50)" in english
    assert "{done" not in english and "allow_na" not in english


def test_survey_criteria_say_the_office_adds_their_results(folder: Path, people: dict[str, Person]) -> None:
    agency = said(people["agency"].get("/agency").text)
    assert (
        "8.2: chưa có kết quả điều tra xã hội học; được 0/6 điểm (gợi ý: tiêu chí điều tra xã hội học: cơ quan "
        "thường trực bổ sung kết quả điều tra, cơ quan được đánh giá không phải trả lời)"
    ) in agency
    path = folder / "so-y-te.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            '"8.1": {survey: null}', '"8.1": {survey: {A: 40, B: 10, C: 0, D: 0}}'
        ),
        "utf-8",
    )
    agency = said(people["agency"].get("/agency").text)
    assert "8.1: chưa có" not in agency and "8.2: chưa có kết quả điều tra xã hội học" in agency
    row = re.search(r"8\.1 .{0,400}", agency)
    assert row is not None and " 10,00 A: 40, B: 10, C: 0, D: 0 — 9,20 " in row.group(0)  # the survey's result
    path.write_text(
        path.read_text(encoding="utf-8").replace("{survey: {A: 40, B: 10, C: 0, D: 0}}", "{survey: 8.5}"), "utf-8"
    )
    agency = said(people["agency"].get("/agency").text)
    assert "kết quả điều tra cần số phiếu của mỗi đáp án (A, B, C…), nhưng có số 8,5" in agency
    path.write_text(path.read_text(encoding="utf-8").replace("{survey: 8.5}", "{survey: null}"), "utf-8")
    council = said(people["council"].get("/council/so-y-te").text)
    assert (
        "8.1: chưa có kết quả điều tra xã hội học; được 0/10 điểm (gợi ý: tiêu chí điều tra xã hội học: cơ quan "
        "thường trực bổ sung kết quả điều tra, cơ quan được đánh giá không phải trả lời)"
    ) in council
    assert (
        "7.3.1: chưa trả lời; được 0/3 điểm (gợi ý: nhập câu trả lời của tiêu chí này, hoặc đánh dấu Không áp dụng "
        "nếu tiêu chí cho phép)"
    ) in council
    assert "trả lời tiêu chí này" not in council and "khai báo na" not in council
    explained = said(people["office"].get("/explain/so-y-te").text)
    assert "8.1 cơ quan thường trực bổ sung kết quả điều tra xã hội học: +10,00 điểm, +10,00 điểm chỉ số" in explained
    ranking = said(people["office"].get("/ranking").text)
    assert (
        "(gợi ý: cơ quan thường trực bổ sung kết quả điều tra xã hội học vào thư mục của năm)" in ranking
    ) and "(gợi ý: trang Điểm bị mất ở đâu của từng cơ quan liệt kê các tiêu chí chưa trả lời)" in ranking


def test_names_not_ids_and_heads_as_heads(folder: Path, people: dict[str, Person]) -> None:
    office = people["office"]
    assert office.publish().headers["location"] == "/office?said=published"
    assert "Đã công bố kết quả xếp hạng, đúng như trang Xếp hạng tính lúc này." in said(
        office.get("/office?said=published").text
    )
    public = said(people["none"].get("/public").text)
    assert "so-nganh" not in public and "Chỉ số bình quân: 0,00%" in public
    (folder / "office.yaml").write_text(
        'kind: office\ngroups:\n  - {id: so-nganh, label: "I. KHỐI SỞ, BAN, NGÀNH"}\n', encoding="utf-8"
    )
    public = said(people["none"].get("/public").text)
    assert "Bộ Chỉ số CCHC các sở, ban, ngành (mẫu) · I. KHỐI SỞ, BAN, NGÀNH · 2026" in public
    assert "Bạn thẩm định cho: Hội đồng thẩm định." in said(people["council"].get("/council").text)
    assert "Bạn thẩm định cho: Sở Tư pháp." in said(people["tu-phap"].get("/council").text)
    heads = re.findall(r"<th scope=\"col\"[^>]*>([^<]*)</th>", office.get("/explain/so-y-te").text)
    assert heads[-2:] == ["Tài liệu kiểm chứng", "Thiếu tài liệu kiểm chứng"]


def test_the_example_year_s_pages_speak_the_form_s_terms(tmp_path: Path) -> None:
    year = tmp_path / "nam-2025"
    shutil.copytree(ROOT / "examples" / "tham-dinh-2025", year)
    from par_cli.serve.app import create_app

    app = create_app(year)
    try:
        add_user(app.state.store, "van-phong", "office")
        add_user(app.state.store, "an-binh", "agency", "xa-an-binh")
        app.state.store.set_setting("window", "open")
        office, agency = Person(app, "van-phong"), Person(app, "an-binh")
        for url in ("/office", "/ranking", "/council", "/council/xa-an-binh", "/explain/xa-an-binh"):
            found = [m.group(0) for m in YAML_OR_CLI.finditer(said(office.get(url).text))]
            assert not found, (url, found)
        page = said(agency.get("/agency").text)
        assert "tỷ lệ % (0–100) hoặc số đã làm/tổng số (ví dụ 45/50)" in page and "{done" not in page
    finally:
        app.state.store.close()
