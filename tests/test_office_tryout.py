"""What an office's try-out of its year found: an agency list under a title block, agencies given as LibreOffice
or old-Excel forms to a survey tally, and an unknown agency said once, not once per response row."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.conftest import ROOT, run, run_english

SURVEY = ROOT / "examples" / "survey-2024"


def test_an_agency_list_under_a_title_block_makes_every_form(in_tmp: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["UBND TỈNH"], ["DANH SÁCH CƠ QUAN ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2024"], []):
        sheet.append(row)
    sheet.append(["STT", "Mã cơ quan", "Tên cơ quan", "Nhóm"])
    sheet.append([1, "so-noi-vu", "Sở Nội vụ", "so-nganh"])
    sheet.append([2, "so-y-te", "Sở Y tế", "so-nganh"])
    book.save("danh-sach.xlsx")
    code, _, err = run("template", "mau-so-nganh", "--agencies", "danh-sach.xlsx", "-f", "xlsx", "-o", "phieu")
    assert code == 0, err
    assert sorted(path.name for path in Path("phieu").iterdir()) == ["so-noi-vu.xlsx", "so-y-te.xlsx"]


def test_an_unknown_agency_is_said_once_at_its_first_row(in_tmp: Path) -> None:
    lines = (SURVEY / "responses.csv").read_text(encoding="utf-8").splitlines()
    Path("r.csv").write_text("\n".join(lines[:60]).replace(",ban-dan-toc,", ",ban-dan-tok,") + "\n", encoding="utf-8")
    code, _, err = run_english(
        "survey", "tally", str(SURVEY / "design.yaml"), "r.csv", "--agencies", str(SURVEY), "-o", "s.yaml"
    )
    assert code == 1
    assert err.splitlines() == [
        "r.csv:2:Mã cơ quan: error V001: unknown agency 'ban-dan-tok' (in 59 rows; said once, at the first) "
        "(hint: did you mean 'ban-dan-toc'?)"
    ]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice) to save a form as .ods")
@pytest.mark.parametrize("kind", ["ods", "xls"])
def test_a_survey_tally_knows_the_agencies_of_forms_saved_by_libreoffice(in_tmp: Path, kind: str) -> None:
    code, _, err = run("template", "mau-so-nganh", "-f", "xlsx", "-o", "form.xlsx", "--period", "2024")
    assert code == 0, err
    from openpyxl import load_workbook

    book = load_workbook("form.xlsx")
    details = book.worksheets[0]
    details["B1"], details["B2"], details["B3"] = "ban-dan-toc", "Ban Dân tộc tỉnh", "so-nganh"
    book.save("form.xlsx")
    Path("phieu").mkdir()
    profile = (in_tmp / "lo").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            kind,
            "--outdir",
            "phieu",
            "form.xlsx",
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    details["B1"], details["B2"] = "so-noi-vu", "Sở Nội vụ"  # a second agency beside it, as .xlsx
    book.save("phieu/so-noi-vu.xlsx")
    lines = (SURVEY / "responses.csv").read_text(encoding="utf-8").splitlines()
    Path("r.csv").write_text(
        "\n".join(line for line in lines if ",ban-dan-toc," in line or line is lines[0]) + "\n", encoding="utf-8"
    )
    code, _, err = run("survey", "tally", str(SURVEY / "design.yaml"), "r.csv", "--agencies", "phieu", "-o", "s.yaml")
    assert code == 0, err
    assert "ban-dan-toc 322" in err


@pytest.mark.parametrize("name", ["annex.odt", "annex.xlsx"])
def test_a_writer_document_is_refused_as_an_annex_in_the_users_words(in_tmp: Path, name: str) -> None:
    """An annex saved by LibreOffice Writer (.odt), or one renamed .xlsx: a located C023 naming what it is and
    what to do, never a traceback (calamine's own error) nor 'a LibreOffice workbook'."""
    import zipfile

    with zipfile.ZipFile(name, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    code, _, err = run("criteria", "import", name, "-o", "set.yaml", "--lang", "en")
    assert (code, err) == (
        1,
        f"{name}: error C023: cannot read this annex (a LibreOffice Writer document (.odt): save it as Word (.docx)"
        " and give that file)\n",
    )
    assert not Path("set.yaml").exists()


def test_a_forms_answer_is_placed_where_the_agency_types_it(in_tmp: Path) -> None:
    """Missing evidence at the evidence cell, an answer's problems at its input cell: not at the code (column A)."""
    from openpyxl import load_workbook

    assert run("template", "mau-so-nganh", "-f", "xlsx", "-o", "form.xlsx", "--period", "2024")[0] == 0
    book = load_workbook("form.xlsx")
    details, sheet = book["Thông tin"], book["Tiêu chí"]
    details["B1"], details["B2"], details["B3"] = "so-y-te", "Sở Y tế", "so-nganh"
    rows = {str(sheet.cell(r, 1).value): r for r in range(2, sheet.max_row + 1)}
    sheet.cell(rows["1.1.2"], 5).value = "Có"  # no evidence
    book.save("form.xlsx")
    sheet.cell(rows["1.1.1"], 5).value = "KPS"  # not applicable where the set does not allow it
    book.save("form-na.xlsx")
    code, out, _ = run("check", "form.xlsx", "--lang", "en")
    assert (code, [line for line in out.splitlines() if " A007" in line]) == (
        0,
        [
            "form.xlsx:Tiêu chí!G5: warning A007: 1.1.2: 1 self-assessed point without evidence or explanation"
            " (hint: fill in the Tài liệu kiểm chứng column)"
        ],
    )
    code, out, _ = run("check", "form-na.xlsx", "--lang", "en")
    assert (code, [line for line in out.splitlines() if " A004" in line]) == (
        1,
        [
            "form-na.xlsx:Tiêu chí!E4: error A004: 1.1.1 cannot be declared not applicable (hint: under the set's"
            " rules this criterion does not accept KPS (not applicable): type its figure)"
        ],
    )


@pytest.mark.parametrize("label", ["PHỤ LỤC I", "Phụ lục số 2", "PHỤ LỤC II."])
def test_a_numbered_annex_label_is_not_the_sets_title(in_tmp: Path, label: str) -> None:
    """`PHỤ LỤC I` above the title: the set's title is the line below it, as the decision's annex reads."""
    from docx import Document

    document = Document(str(ROOT / "tests" / "annexes" / "national.docx"))
    document.paragraphs[0].runs[0].text = label
    for run_ in document.paragraphs[0].runs[1:]:
        run_.text = ""
    document.save("annex.docx")
    code, _, err = run("criteria", "import", "annex.docx", "-o", "set.yaml")
    assert code == 0, err
    assert 'title: "BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA CÁC SỞ, BAN, NGÀNH TỈNH"' in Path("set.yaml").read_text(
        encoding="utf-8"
    )
