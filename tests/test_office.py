"""The office file (`kind: office`) and what a ranking shows people: headings without ids (the set's title, the
group's label, the period), the previous period in the previous rank's column, the summary line in
administrative style, the areas' legend, and the annex's decision line, header and signature blocks."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from tests.conftest import ROOT, Write, run, run_english
from tests.pages import measure, needs_chromium, needs_soffice, pdf_pages, to_pdf

OFFICE = ROOT / "examples" / "2025" / "office.yaml"
ID_WORDS = ("mau-so-nganh", "so-nganh", "[mau", "so-cong-thuong")  # ids a page must never show


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def lines_of(out: str) -> list[str]:
    return [line.rstrip() for line in out.splitlines()]


# The office file: read, found, checked


def test_the_example_office_file_is_read_with_every_part(at_root: None) -> None:
    from par_cli.services.office import office_for
    from par_cli.services.workspace import read_office

    office = office_for([Path("examples/2025")], None, read_office)
    assert office is not None
    assert office.issuer == "Ủy ban nhân dân tỉnh Quảng Trị"
    assert office.place == "Quảng Trị"
    assert (office.decision.number, office.decision.date) == ("125/QĐ-UBND", date(2026, 3, 20))
    assert office.signer is not None
    assert (office.signer.authority, office.signer.title, office.signer.name) == (
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn A",
    )
    assert dict(office.groups) == {"so-nganh": "I. KHỐI SỞ, BAN, NGÀNH"}


def test_the_office_file_is_found_in_a_parent_and_named_by_option(write: Write) -> None:
    from par_cli.services.office import find_office

    write("tinh/office.yaml", 'kind: office\nissuer: "UBND tỉnh"\n')
    write("tinh/2025/a.yaml", "kind: assessment\n")
    write("khac.yaml", 'kind: office\nissuer: "UBND khác"\n')
    assert find_office([Path("tinh/2025")]) == Path("tinh/office.yaml").resolve()
    assert find_office([Path("tinh/2025/a.yaml")]) == Path("tinh/office.yaml").resolve()


def test_par_check_checks_an_office_file_and_does_not_call_it_unknown(at_root: None) -> None:
    code, out, _ = run_english("check", "examples/2025/office.yaml")
    assert (code, out) == (0, "0 errors, 0 warnings, 0 infos in 1 file\n")
    code, out, _ = run_english("check", "tests/check/bad/o-office.yaml")
    assert code == 1
    assert lines_of(out)[:3] == [
        "tests/check/bad/o-office.yaml:3:41: error S001: decision.date: '31/02/2026' is not a date: write "
        "2025-03-20 or 20/03/2025",
        "tests/check/bad/o-office.yaml:4:37: error S001: signer.titel: unknown field 'titel' (hint: did you mean "
        "'title'?)",
        "tests/check/bad/o-office.yaml:7:10: error O003: group 'so-nganh' is listed twice",
    ]


def test_a_bad_office_file_stops_the_ranking_with_its_errors(tmp_path: Path, at_root: None) -> None:
    shutil.copytree("examples/2025", tmp_path / "2025")
    (tmp_path / "2025" / "office.yaml").write_text("kind: office\ndecision: {date: 2026-13-01}\n", encoding="utf-8")
    code, out, err = run_english("rank", str(tmp_path / "2025"))
    assert code == 1 and out == ""
    assert f"{tmp_path}/2025/office.yaml:2:18: error S001: decision.date: '2026-13-01' is not a date" in err


def test_the_office_file_has_a_schema(at_root: None) -> None:
    code, out, _ = run("schema", "office")
    assert code == 0
    schema = json.loads(out)
    assert {"kind", "issuer", "place", "decision", "signer", "groups"} <= set(schema["properties"])


def test_a_decision_date_that_is_no_date_is_a_usage_error(at_root: None) -> None:
    code, _, err = run_english("rank", "examples/2025", "--decision-date", "2026-02-30")
    assert code == 2
    assert "U002" in err and "give a date: 2025-03-20 or 20/03/2025" in err


# Headings, summary, previous period, legend: terminal, Markdown, HTML


def test_the_terminal_heading_has_the_title_the_label_and_the_period_and_no_id(at_root: None) -> None:
    code, out, _ = run("rank", "examples/2025", "--previous", "examples/2024", "--areas")
    assert code == 0
    lines = lines_of(out)
    assert lines[0] == "Bộ Chỉ số CCHC các sở, ban, ngành (mẫu) · I. KHỐI SỞ, BAN, NGÀNH · năm 2025"
    assert "Hạng 2024" in lines[1] and "Trước" not in lines[1]  # the previous period, named
    assert "Tổng số: 11 cơ quan; chỉ số bình quân: 82,28%; Xuất sắc: 01, Tốt: 05, Khá: 05" in lines
    assert lines[-8:] == [  # the area columns' legend, a line each
        "Lĩnh vực 1: Công tác chỉ đạo, điều hành cải cách hành chính",
        "Lĩnh vực 2: Cải cách thể chế",
        "Lĩnh vực 3: Cải cách thủ tục hành chính",
        "Lĩnh vực 4: Cải cách tổ chức bộ máy hành chính",
        "Lĩnh vực 5: Cải cách chế độ công vụ",
        "Lĩnh vực 6: Cải cách tài chính công",
        "Lĩnh vực 7: Xây dựng và phát triển chính quyền điện tử, chính quyền số",
        "Lĩnh vực 8: Tác động của cải cách hành chính (điều tra xã hội học)",
    ]
    assert not any(word in out for word in ID_WORDS)


def test_in_english_the_summary_is_not_zero_padded(at_root: None) -> None:
    code, out, _ = run("rank", "examples/2025", "--previous", "examples/2024", "--lang", "en")
    assert code == 0
    lines = lines_of(out)
    assert lines[0] == "Bộ Chỉ số CCHC các sở, ban, ngành (mẫu) · I. KHỐI SỞ, BAN, NGÀNH · year 2025"
    assert "Rank 2024" in lines[1]
    assert "Total: 11 agencies; average index: 82.28%; Xuất sắc: 1, Tốt: 5, Khá: 5" in lines


def test_previous_rank_column_says_previous_period_when_unknown(at_root: None, tmp_path: Path) -> None:
    """A ranking that does not say its period: `Hạng kỳ trước`, never a guess from its file's name."""
    code, out, _ = run("rank", "examples/2024", "-f", "json")
    assert code == 0
    data = json.loads(out)
    for group in data["groups"]:
        group["period"] = None
    target = tmp_path / "2024.json"
    target.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = run("rank", "examples/2025", "--previous", str(target))
    assert code == 0
    assert "Hạng kỳ trước" in lines_of(out)[1]


@pytest.mark.parametrize(("form", "lang"), [("docx", "vi"), ("docx", "en"), ("xlsx", "vi")])
def test_last_years_annex_or_workbook_gives_the_previous_period(
    at_root: None, tmp_path: Path, form: str, lang: str
) -> None:
    """The README's year: last year's annex (or workbook) par wrote as --previous. Its title says `NĂM 2023` (its
    decision line a date, `ngày 20 tháng 3 năm 2026`, which is no period): the column is `Hạng 2023`, not `Hạng
    kỳ trước`."""
    last = tmp_path / f"2023.{form}"
    code, _, err = run("rank", "examples/2023", "--office", str(OFFICE), "-f", form, "-o", str(last), "--lang", lang)
    assert code == 0, err
    code, out, err = run("rank", "examples/2024", "--previous", str(last))
    assert code == 0, err
    assert "Hạng 2023" in lines_of(out)[1]
    annex = tmp_path / "2024.docx"
    code, _, err = run("rank", "examples/2024", "--previous", str(last), "-f", "docx", "-o", str(annex))
    assert code == 0, err
    assert "Xếp hạng 2023" in cells(annex)[0]


def test_a_period_is_read_from_titles_not_from_dates() -> None:
    from par_cli.readers.ranking_tables import period_in

    decision = "(Kèm theo Quyết định số 125/QĐ-UBND ngày 20 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh Quảng Trị)"
    assert period_in(["PHỤ LỤC", "KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024", decision]) == "2024"
    assert period_in(["Bộ Chỉ số CCHC · I. KHỐI SỞ, BAN, NGÀNH · năm 2024"]) == "2024"
    assert period_in(["PAR INDEX RESULTS AND RANKING FOR 2024"]) == "2024"
    assert period_in([decision, "Ngày 20/3/2026"]) is None  # dates only: no period
    assert period_in(["KẾT QUẢ NĂM 2023", "KẾT QUẢ NĂM 2024"]) is None  # two: which one?


def test_markdown_heading_and_summary(at_root: None) -> None:
    code, out, _ = run("rank", "examples/2025", "-f", "markdown")
    assert code == 0
    lines = lines_of(out)
    assert lines[0] == "## Bộ Chỉ số CCHC các sở, ban, ngành (mẫu) · I. KHỐI SỞ, BAN, NGÀNH · năm 2025"
    assert lines[-1] == "Tổng số: 11 cơ quan; chỉ số bình quân: 82,28%; Xuất sắc: 01, Tốt: 05, Khá: 05"


SET = """\
kind: criteria
id: bo-thu
title: "Bộ thử"
grades: [{min: 80, label: "Tốt"}, {min: 0, label: "Khá"}]
areas:
  - {code: "1", title: "Chỉ đạo", max: 10, rule: {kind: points}}
"""


def two_groups(write: Write, office: str | None) -> None:
    write("2025/criteria.yaml", SET)
    for agency, group, points in (("a", "so", 9), ("b", "so", 7), ("x", "xa", 8)):
        write(
            f"2025/{agency}.yaml",
            f'kind: assessment\ncriteria: bo-thu\nagency: {{id: {agency}, name: "Đơn vị {agency}", group: {group}}}\n'
            f"period: 2025\nanswers: {{'1': {points}}}\n",
        )
    if office is not None:
        write("office.yaml", office)


def test_several_groups_without_labels_show_their_ids_and_warn_once(write: Write) -> None:
    two_groups(write, None)
    code, out, err = run_english("rank", "2025")
    assert code == 0
    headings = [line for line in lines_of(out) if line.startswith("Bộ thử")]
    assert headings == ["Bộ thử · group so · year 2025", "Bộ thử · group xa · year 2025"]
    assert err.count("O002") == 1
    assert "warning O002: 2 groups are shown by their ids: so, xa" in err
    assert 'hint: give each group its label in the office file (office.yaml): groups: [{id: so, label: "' in err
    code, _, err = run_english("rank", "2025", "-f", "json")  # ids are for programs: nothing to say
    assert code == 0 and "O002" not in err


def test_labels_name_and_order_the_groups(write: Write) -> None:
    office = 'kind: office\ngroups:\n  - {id: xa, label: "II. KHỐI XÃ"}\n  - {id: so, label: "I. KHỐI SỞ"}\n'
    two_groups(write, office)
    code, out, err = run_english("rank", "2025")
    assert code == 0 and "O002" not in err
    headings = [line for line in lines_of(out) if line.startswith("Bộ thử")]
    assert headings == ["Bộ thử · II. KHỐI XÃ · year 2025", "Bộ thử · I. KHỐI SỞ · year 2025"]  # the file's order
    assert not any(f"group {g}" in out for g in ("so", "xa"))


def test_one_group_without_a_label_shows_no_group(write: Write) -> None:
    write("2025/criteria.yaml", SET)
    write(
        "2025/a.yaml",
        'kind: assessment\ncriteria: bo-thu\nagency: {id: a, name: "Đơn vị a", group: so}\nperiod: 2025\n'
        "answers: {'1': 9}\n",
    )
    code, out, err = run_english("rank", "2025")
    assert code == 0 and "O002" not in err
    assert lines_of(out)[0] == "Bộ thử · year 2025"


# The Word annex


def annex(tmp_path: Path, *more: str) -> Any:
    target = tmp_path / "phu-luc.docx"
    code, _, err = run("rank", "examples/2025", "--previous", "examples/2024", "-f", "docx", "-o", str(target), *more)
    assert code == 0, err
    return target


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.text]


def cells(path: Path) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for table in Document(str(path)).tables for row in table.rows]


def test_the_annex_has_the_decision_line_issuer_and_signer(at_root: None, tmp_path: Path) -> None:
    path = annex(tmp_path)
    lines = paragraphs(path)
    assert lines[:4] == [
        "PHỤ LỤC",
        "KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025",
        "Bộ Chỉ số CCHC các sở, ban, ngành (mẫu)",
        "(Kèm theo Quyết định số 125/QĐ-UBND ngày 20 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh Quảng Trị)",
    ]
    assert lines[4] == "I. KHỐI SỞ, BAN, NGÀNH"
    assert "Tổng số: 11 cơ quan; chỉ số bình quân: 82,28%; Xuất sắc: 01, Tốt: 05, Khá: 05" in lines
    table = cells(path)
    assert table[0] == [
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nQuảng Trị, ngày 20 tháng 3 năm 2026",
    ]
    assert "Xếp hạng 2024" in table[1]
    assert table[-1] == ["", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\n\nNguyễn Văn A"]


def test_options_override_the_office_file(at_root: None, tmp_path: Path) -> None:
    path = annex(tmp_path, "--decision", "7/QĐ-UBND", "--decision-date", "05/01/2026", "--issuer", "UBND tỉnh X")
    # Nghị định 30/2020: a day below 10 and the months 1 and 2 with a leading 0
    assert paragraphs(path)[3] == "(Kèm theo Quyết định số 7/QĐ-UBND ngày 05 tháng 01 năm 2026 của UBND tỉnh X)"
    assert cells(path)[0] == [
        "UBND TỈNH X",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nQuảng Trị, ngày 05 tháng 01 năm 2026",
    ]


@pytest.mark.parametrize(
    ("given", "vi", "en"),
    [
        ("2026-02-09", "ngày 09 tháng 02 năm 2026", "9 February 2026"),
        ("01/03/2026", "ngày 01 tháng 3 năm 2026", "1 March 2026"),
        ("31/12/2025", "ngày 31 tháng 12 năm 2025", "31 December 2025"),
    ],
)
def test_decision_dates_are_written_as_nghi_dinh_30_says(given: str, vi: str, en: str) -> None:
    from par_cli.cli.options import date_value
    from par_cli.words.office import long_date

    day = date_value("--decision-date", given)
    assert (long_date(day, "vi"), long_date(day, "en")) == (vi, en)


def test_office_option_names_the_file(at_root: None, tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    code, _, err = run("rank", "examples/2024", "--office", str(OFFICE), "-f", "docx", "-o", str(target))
    assert code == 0, err
    assert paragraphs(target)[3].startswith("(Kèm theo Quyết định số 125/QĐ-UBND ngày 20 tháng 3 năm 2026 của Ủy ban")
    assert paragraphs(target)[4] == "I. KHỐI SỞ, BAN, NGÀNH"  # its label, in the 2024 ranking too


def test_without_an_office_the_decision_line_is_left_to_complete(at_root: None, tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    code, _, _ = run("rank", "examples/2024", "-f", "docx", "-o", str(target), "--decision", "9/QĐ-UBND")
    assert code == 0
    line = paragraphs(target)[3]
    assert line == "(Kèm theo Quyết định số 9/QĐ-UBND ngày      tháng      năm       )"  # the date to write in
    assert len(Document(str(target)).tables) == 1  # no header block, no signer: nothing made up


@pytest.fixture(scope="module")
def annex_pages(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    import os

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        target = tmp_path_factory.mktemp("annex") / "phu-luc.docx"
        code, _, err = run("rank", "examples/2025", "--previous", "examples/2024", "-f", "docx", "-o", str(target))
        assert code == 0, err
        return pdf_pages(to_pdf(target))
    finally:
        os.chdir(here)


@needs_soffice
def test_the_annex_pages_show_the_decision_issuer_and_signer_and_no_id(annex_pages: list[str]) -> None:
    text = "\n".join(annex_pages)
    flat = " ".join(text.split())
    assert "Kèm theo Quyết định số 125/QĐ-UBND ngày 20 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh Quảng Trị" in flat
    assert "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ" in flat
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in flat
    assert "KT. CHỦ TỊCH" in flat and "PHÓ CHỦ TỊCH" in flat and "Nguyễn Văn A" in flat
    assert "I. KHỐI SỞ, BAN, NGÀNH" in flat
    assert "Tổng số: 11 cơ quan; chỉ số bình quân: 82,28%; Xuất sắc: 01, Tốt: 05, Khá: 05" in flat
    assert not any(word in text for word in ID_WORDS)
    words = [word for page in annex_pages for word in page.split()]
    assert "2024" in words  # the previous period in its column's title, whole
    (signed,) = [page for page in annex_pages if "Nguyễn Văn A" in page]
    assert "Tổng số:" in signed and "Sở Văn hóa, Thể thao và Du lịch" in signed  # never a signature alone


FIVE = ("so-tu-phap", "so-van-hoa-the-thao-du-lich", "thanh-tra-tinh", "so-y-te", "so-noi-vu", "office")


@needs_soffice
def test_the_signature_block_is_never_split_from_its_name(at_root: None, tmp_path: Path) -> None:
    """Five agencies fill page 1 to just above the signature block: the signer's name went alone to page 2, under
    an authority and title left on page 1. The block is one unbreakable row kept with the last row and summary."""
    for name in FIVE:
        shutil.copy(ROOT / "examples" / "2025" / f"{name}.yaml", tmp_path / f"{name}.yaml")
    target = tmp_path / "phu-luc.docx"
    code, _, err = run("rank", str(tmp_path), "--previous", "examples/2024", "-f", "docx", "-o", str(target))
    assert code == 0, err
    pages = pdf_pages(to_pdf(target))
    (signed,) = [page for page in pages if "Nguyễn Văn A" in page]
    assert "KT. CHỦ TỊCH" in signed and "PHÓ CHỦ TỊCH" in signed
    assert "Tổng số: 05 cơ quan" in signed and "Sở Văn hóa, Thể thao và Du lịch" in signed


def test_the_signature_block_is_one_row_that_cannot_split(at_root: None, tmp_path: Path) -> None:
    from docx.oxml.ns import qn

    block = Document(str(annex(tmp_path))).tables[-1]
    (row,) = block.rows
    assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
    lines = [p for p in row.cells[1].paragraphs]
    assert [p.paragraph_format.keep_with_next for p in lines] == [True] * (len(lines) - 1) + [None]


# HTML in Chromium


@needs_chromium
def test_the_html_heading_has_the_period_and_no_id(at_root: None, tmp_path: Path) -> None:
    page = tmp_path / "xep-hang.html"
    code, _, _ = run("rank", "examples/2025", "--previous", "examples/2024", "--areas", "-f", "html", "-o", str(page))
    assert code == 0
    shown = measure(page, "[...document.querySelectorAll('h2')].map(h => h.innerText)")
    assert shown == ["Bộ Chỉ số CCHC các sở, ban, ngành (mẫu) · I. KHỐI SỞ, BAN, NGÀNH · năm 2025"]
    text = measure(page, "document.body.innerText")
    assert isinstance(text, str)
    assert not any(word in text for word in ID_WORDS)
    assert "Hạng 2024" in text
    assert "Lĩnh vực 1: Công tác chỉ đạo, điều hành cải cách hành chính\n" in text
