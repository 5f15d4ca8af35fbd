"""The blank form and par's workbooks as printed documents: a title, borders, the signature block, A4 fitted to
the page's width only (text printed at 10 points or more), the header repeated, header words whole, the helper
and survey sheets (the office's) hidden from the agency. Page claims are checked on LibreOffice's PDF."""

from __future__ import annotations

import re
import statistics
import subprocess
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from tests.conftest import ROOT, run
from tests.pages import needs_soffice, pdf_words, to_pdf

LIST = ROOT / "examples" / "office-year" / "danh-sach.csv"


def agency_form(folder: Path, *more: str) -> Path:
    code, _, err = run(
        "template", "mau-so-nganh", "--agencies", str(LIST), "-f", "xlsx", "-o", str(folder), "--period", "2024", *more
    )
    assert code == 0, err
    return folder / "so-y-te.xlsx"


def page_header(sheet: Any) -> str:
    return str(sheet.oddHeader.center.text or "")


def test_the_agency_form_is_a_document_the_agency_signs(tmp_path: Path) -> None:
    book = load_workbook(agency_form(tmp_path / "phieu"))
    sheet = book["Tiêu chí"]
    assert [name for name in book.sheetnames if book[name].sheet_state == "visible"] == ["Thông tin", "Tiêu chí"]
    assert book["Danh mục"].sheet_state == "hidden" and book["Điều tra XHH"].sheet_state == "hidden"
    title = page_header(sheet)
    assert "PHIẾU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024" in title
    assert "Tên cơ quan: Sở Y tế" in title and "mau-so-nganh" not in title
    texts = {str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None}
    assert {"THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên, đóng dấu)", "NGƯỜI LẬP BIỂU"} <= texts
    setup = sheet.page_setup
    assert (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight) == (9, "landscape", 1, 0)
    assert sheet.print_title_rows == "$1:$1" and sheet["A1"].value == "Mã"
    assert all(sheet.cell(row, c).border.left.style == "thin" for row in (1, 5, 40) for c in range(1, 9))
    rows = {str(sheet.cell(r, 1).value): r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value}
    rule = str(sheet.cell(rows["1.1.1"], 4).value)
    assert "Ban hành kịp thời: 1 điểm" in rule and "kip-thoi" not in rule  # a level by its label, never its key
    assert sheet.cell(rows["1.1.1"], 3).alignment.horizontal == "center"  # the maximum apart from the rule
    assert sheet.row_dimensions[rows["1.2"]].height is None  # a one-line row keeps its height (was 30 or 135)
    assert (sheet.row_dimensions[rows["8.3"]].height or 0) <= 3 * 16.5  # two or three lines, not 135 points


def test_the_agencys_form_opens_and_prints_on_its_criteria(tmp_path: Path) -> None:
    """Excel prints the active sheet: an agency's form opened on `Thông tin` printed a page of ids (so-y-te,
    so-nganh, mau-so-nganh) instead of the form. With its details filled in by par, it opens on `Tiêu chí`, the
    only sheet selected; a blank form still opens on the details to fill in first."""
    book = load_workbook(agency_form(tmp_path / "phieu"))
    assert book.active is not None and book.active.title == "Tiêu chí"
    assert [name for name in book.sheetnames if book[name].sheet_view.tabSelected] == ["Tiêu chí"]
    blank = tmp_path / "blank.xlsx"
    assert run("template", "mau-so-nganh", "-f", "xlsx", "-o", str(blank))[0] == 0
    opened = load_workbook(blank).active
    assert opened is not None and opened.title == "Thông tin"


def test_the_english_form_has_its_english_title(tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    assert run("template", "mau-so-nganh", "-f", "xlsx", "-o", str(path), "--lang", "en", "--period", "2025")[0] == 0
    sheet = load_workbook(path)["Criteria"]
    assert "SELF-ASSESSMENT AND SCORING FORM, PUBLIC ADMINISTRATION REFORM INDEX 2025" in page_header(sheet)
    assert "HEAD OF THE AGENCY" in {cell.value for row in sheet.iter_rows() for cell in row}


def word_heights(pdf: Path, first: int, last: int) -> list[float]:
    boxes = subprocess.run(
        ["pdftotext", "-f", str(first), "-l", str(last), "-bbox", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    found = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', boxes)
    return [float(high) - float(low) for low, high in found]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The agency's form and a reference line of 10-point Times New Roman at full size, as LibreOffice prints."""
    folder = tmp_path_factory.mktemp("print")
    form = agency_form(folder / "phieu")
    reference = Workbook()
    reference.active["A1"] = "Mẫu chữ 10"  # type: ignore[index]
    reference.active["A1"].font = Font(name="Times New Roman", size=10)  # type: ignore[index]
    reference.save(folder / "reference.xlsx")
    return to_pdf(form), to_pdf(folder / "reference.xlsx")


@needs_soffice
def test_the_form_prints_at_ten_points_or_more(printed: tuple[Path, Path]) -> None:
    form, reference = printed
    ten = word_heights(reference, 1, 1)[0]
    assert statistics.median(word_heights(form, 2, 4)) >= ten  # it printed at about 5 points


@needs_soffice
def test_the_printed_form_has_its_title_signatures_and_whole_header_words(printed: tuple[Path, Path]) -> None:
    words = " ".join(pdf_words(printed[0]))
    assert "PHIẾU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024" in words
    assert "THỦ TRƯỞNG CƠ QUAN" in words and "NGƯỜI LẬP BIỂU" in words and "đóng dấu)" in words
    for title in ("Điểm tối đa", "Cách chấm", "Tài liệu kiểm chứng", "Giải trình", "Điểm tự chấm (tự tính)"):
        assert set(title.split()) <= set(pdf_words(printed[0])), title
    assert "Điều tra XHH" not in words.replace("điều tra xã hội học", "")  # no survey sheet printed


def test_workbooks_print_with_borders_titles_and_whole_header_words(tmp_path: Path) -> None:
    ranking, cuts = tmp_path / "rank.xlsx", tmp_path / "cuts.xlsx"
    assert run("rank", str(ROOT / "examples" / "2024"), "-f", "xlsx", "-o", str(ranking), "--lang", "en")[0] == 0
    assert run("appraisal", "cuts", str(ROOT / "examples" / "tham-dinh-2025"), "-f", "xlsx", "-o", str(cuts))[0] == 0
    sheet = load_workbook(ranking).worksheets[0]
    header = [cell for cell in sheet[2] if cell.value and not sheet.column_dimensions[cell.column_letter].hidden]
    assert all(cell.border.top.style == "thin" for cell in header)
    for cell in header:  # `Maximum` never split `Maxim`/`um`: the column holds the longest word
        width = sheet.column_dimensions[cell.column_letter].width
        assert width >= max(len(word) for word in str(cell.value).split()) + 2, cell.value
    assert sheet.page_setup.fitToHeight == 0 and sheet.print_title_rows == "$2:$2"
    cut = load_workbook(cuts).worksheets[0]
    # a title row (what it lists, the set, the period: no id) above the ruled table; the tab cut at a word
    assert cut["A1"].value == (
        "Danh sách tiêu chí thẩm định thay đổi điểm — Bộ Chỉ số CCHC cấp xã, thẩm định theo lĩnh vực (minh họa) — 2025"
    )
    assert cut.title == "Danh sách tiêu chí thẩm định" and cut["A2"].border.left.style == "thin"
