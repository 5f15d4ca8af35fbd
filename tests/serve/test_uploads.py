"""Evidence files: bounded in size and kind, kept under generated names, sent back only as attachments."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import yaml
from starlette.applications import Starlette

from par_cli.serve import uploads
from tests.serve.conftest import Person

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def docx(document: bytes = b"<w:document/>", members: int = 1) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document)
        for n in range(members - 1):
            archive.writestr(f"word/media/{n}.xml", "")
    return buffer.getvalue()


def upload(person: Person, name: str, data: bytes, code: str = "1.1.1", kind: str = "application/pdf"):  # type: ignore[no-untyped-def]
    return person.client.post(
        "/agency/evidence", data={"csrf": person.csrf, "code": code}, files={"file": (name, data, kind)}
    )


@pytest.fixture
def agency(people: dict[str, Person]) -> Person:
    assert people["office"].post("/office/window", {"action": "open"}).status_code == 303
    return people["so-noi-vu"]


def test_a_pdf_is_kept_under_a_generated_name_and_sent_back_as_an_attachment(
    folder: Path, agency: Person, people: dict[str, Person], app: Starlette
) -> None:
    answer = upload(agency, "Kế hoạch 01.pdf", PDF)
    assert answer.status_code == 303 and answer.headers["location"] == "/agency?said=uploaded"
    kept = list((folder / ".par-serve" / "minh-chung" / "so-noi-vu" / "1.1.1").iterdir())
    assert len(kept) == 1 and kept[0].read_bytes() == PDF and "Kế" not in kept[0].name
    page = agency.get("/agency").text
    assert "Kế hoạch 01.pdf" in page and "Đã lưu tệp minh chứng" in agency.get("/agency?said=uploaded").text
    evidence = yaml.safe_load((folder / "so-noi-vu.yaml").read_text(encoding="utf-8"))["answers"]["1.1.1"]["evidence"]
    assert evidence[-1] == "Tệp: Kế hoạch 01.pdf"  # named in the file, as `par check` reads it
    page = agency.get("/agency").text
    file_id = app.state.store.evidence("so-noi-vu")[0].id
    assert f'form="remove-{file_id}"' in page
    assert f'action="/agency/evidence/{file_id}/remove" id="remove-{file_id}"' in page
    answers = page.split('id="answers"', 1)[1].split("</form>", 1)[0]
    assert "/remove" not in answers and answers.count('type="submit"') == answers.count('form="remove-') + 1
    # Enter in a field submits the answers form's first submit button: "Lưu", never a file's "Gỡ"
    (row,) = app.state.store.evidence("so-noi-vu")
    for person in (agency, people["office"], people["council"]):
        sent = person.get(f"/agency/evidence/{row.id}")
        assert sent.status_code == 200 and sent.content == PDF
        assert sent.headers["content-type"] == "application/pdf"
        assert sent.headers["content-disposition"].startswith("attachment;")
        assert "filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%2001.pdf" in sent.headers["content-disposition"]
        assert sent.headers["x-content-type-options"] == "nosniff"
        assert sent.headers["content-security-policy"] == "sandbox"
    assert people["so-y-te"].get(f"/agency/evidence/{row.id}").status_code == 404  # another agency's
    assert people["none"].get(f"/agency/evidence/{row.id}").headers["location"] == "/login"
    assert agency.get("/agency/evidence/999").status_code == 404
    assert "1.1.1" in people["office"].get("/office/audit").text


def test_a_council_member_reads_evidence_of_its_own_leaves_only(agency: Person, app: Starlette) -> None:
    from tests.serve.conftest import add_user

    upload(agency, "Kế hoạch 01.pdf", PDF)
    (row,) = app.state.store.evidence("so-noi-vu")
    add_user(app.state.store, "tu-phap", "council", appraiser="so-tu-phap")  # owns no leaf of this set
    other = Person(app, "tu-phap")
    assert other.get(f"/agency/evidence/{row.id}").status_code == 404
    council = Person(app, "hd-1")  # the council (hoi-dong) owns the leaves no `appraiser:` names
    assert council.get(f"/agency/evidence/{row.id}").content == PDF


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("trang.html", b"<html><script>alert(1)</script></html>", "Không nhận loại tệp này"),
        ("trang.pdf", b"<html><script>alert(1)</script></html>", "Không nhận loại tệp này"),
        ("hinh.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "Không nhận loại tệp này"),
        ("hinh.png", PDF, "Không nhận loại tệp này"),  # the bytes and the name disagree
        ("chay.exe", b"MZ\x90\x00", "Không nhận loại tệp này"),
        ("../../so-y-te.pdf", PDF, "Không dùng được tên tệp"),
        ("..\\so-y-te.pdf", PDF, "Không dùng được tên tệp"),
        ("rong.pdf", b"", "Tệp rỗng"),
        ("bom.docx", docx(b"\0" * (8 * 1024 * 1024)), "giải nén ra quá lớn"),
        ("nhieu.docx", docx(members=uploads.MAX_MEMBERS + 1), "giải nén ra quá lớn"),
        ("gia.docx", b"PK\x03\x04 not a zip at all", "Không nhận loại tệp này"),
    ],
)
def test_uploads_refused_say_why_and_keep_nothing(
    folder: Path, agency: Person, name: str, data: bytes, reason: str
) -> None:
    answer = upload(agency, name, data)
    assert answer.status_code in (400, 403), answer.text
    assert reason in answer.text
    assert not (folder / ".par-serve" / "minh-chung").exists()
    assert sorted(p.name for p in folder.iterdir()) == [".par-serve", "criteria.yaml", "so-noi-vu.yaml", "so-y-te.yaml"]


@pytest.mark.parametrize("name", ["a\x00.pdf", "a\u202egpj.pdf", "..", "thu-muc/a.pdf", "C:\\a.pdf", "a" * 201])
def test_names_that_could_be_paths_or_hide_their_kind_are_refused(name: str) -> None:
    with pytest.raises(uploads.Refused, match=r"serve\.upload-name"):
        uploads.shown_name(name)


def test_a_word_file_is_taken_and_a_code_outside_the_form_is_not(folder: Path, agency: Person) -> None:
    assert upload(agency, "Báo cáo.docx", docx(), "1.2").status_code == 303
    assert "Hãy chọn một tiêu chí" in upload(agency, "a.pdf", PDF, "../../x").text
    assert "Hãy chọn một tiêu chí" in upload(agency, "a.pdf", PDF, "9.9").text
    (kept,) = (folder / ".par-serve" / "minh-chung" / "so-noi-vu" / "1.2").iterdir()
    assert kept.name.rpartition(".")[2] == "docx"


def test_too_large_a_file_is_refused(agency: Person, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(uploads, "MAX_SIZE", 1000)
    assert "Tệp quá lớn" in upload(agency, "lon.pdf", PDF + b"0" * 1000).text
    big = agency.client.post(
        "/agency/evidence",
        data={"csrf": agency.csrf, "code": "1.1.1"},
        files={"file": ("lon.pdf", PDF, "application/pdf")},
        headers={"content-length": str(30 * 1024 * 1024)},
    )
    assert big.status_code == 413


def test_uploads_are_refused_once_the_window_closes(people: dict[str, Person], folder: Path) -> None:
    answer = upload(people["so-noi-vu"], "a.pdf", PDF)
    assert answer.status_code == 403 and not (folder / ".par-serve" / "minh-chung").exists()


def test_removing_an_upload_takes_its_line_off_the_answer(folder: Path, agency: Person, app: Starlette) -> None:
    def evidence() -> list[str]:
        answers = yaml.safe_load((folder / "so-noi-vu.yaml").read_text(encoding="utf-8"))["answers"]
        return list(answers["1.1.1"].get("evidence") or [])

    before = evidence()
    upload(agency, "bao-cao.pdf", PDF)
    upload(agency, "bao-cao.pdf", PDF)  # the same name twice: one line
    assert evidence() == [*before, "Tệp: bao-cao.pdf"]
    first, second = app.state.store.evidence("so-noi-vu")
    assert people_remove(agency, first.id).headers["location"] == "/agency?said=removed"
    assert evidence() == [*before, "Tệp: bao-cao.pdf"]  # the other upload of that name is still there
    people_remove(agency, second.id)
    assert evidence() == before and app.state.store.evidence("so-noi-vu") == []
    assert "Đã gỡ tệp minh chứng" in agency.get("/agency?said=removed").text
    assert people_remove(agency, second.id).status_code == 404


def people_remove(person: Person, file_id: int):  # type: ignore[no-untyped-def]
    return person.post(f"/agency/evidence/{file_id}/remove")


@pytest.mark.parametrize("asked", ["99999999999999999999", str(2**63), "0", "00", "abc", "-1", "1.5"])
def test_an_id_no_row_can_have_is_not_found(agency: Person, people: dict[str, Person], asked: str) -> None:
    upload(agency, "Kế hoạch 01.pdf", PDF)
    for person in (agency, people["office"], people["council"]):
        assert person.get(f"/agency/evidence/{asked}").status_code == 404, person
    removed = agency.post(f"/agency/evidence/{asked}/remove")
    assert removed.status_code in (404, 405)
    assert agency.get("/agency").status_code == 200


def test_a_row_id_is_digits_within_sqlites_integer() -> None:
    assert uploads.row_id(12) == 12 and uploads.row_id("9223372036854775807") == 2**63 - 1
    assert [uploads.row_id(v) for v in ("9223372036854775808", "0", "", "١٢", "-3")] == [None] * 5


def test_a_body_over_the_bound_says_the_limit_and_the_way_back(agency: Person) -> None:
    big = agency.client.post(
        "/agency/evidence",
        data={"csrf": agency.csrf, "code": "1.1.1"},
        files={"file": ("lon.pdf", PDF, "application/pdf")},
        headers={"content-length": str(25 * 1024 * 1024 + 300)},  # a 25 MB PDF and its form
    )
    assert big.status_code == 413
    said = big.text.split("<main", 1)[1]
    assert "Tệp quá lớn" in said and "tối đa 20 MB" in said and "Không được phép" not in said
    assert '<a href="/agency">Quay lại biểu mẫu</a>' in said
