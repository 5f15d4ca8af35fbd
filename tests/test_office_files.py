"""An office's files as they come back: a form saved with macros (.xlsm) or as a template read as the form it is,
a spreadsheet par does not read said per file (never skipped silently)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import Write, run, run_english
from tests.test_xlsx import fill, form

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice)")


def _forms(write: Write) -> Path:
    """A folder of two filled forms (and the criteria set): so-noi-vu.xlsx and so-tu-phap.xlsx."""
    path = fill(form(write), ("so-noi-vu", "Sở Nội vụ"), {"1.2": ("Có",)}, {})
    Path("forms").mkdir()
    shutil.copy(path, "forms/so-noi-vu.xlsx")
    Path("form.xlsx").unlink()
    other = fill(form(write), ("so-tu-phap", "Sở Tư pháp"), {"1.2": ("Không",)}, {})
    shutil.copy(other, "forms/so-tu-phap.xlsx")
    shutil.copy("criteria.yaml", "forms/criteria.yaml")
    return Path("forms")


def _ranked(folder: Path) -> list[str]:
    code, out, err = run_english("rank", str(folder), "-f", "json")
    assert code == 0, err
    return sorted(row["agency"]["id"] for group in json.loads(out)["groups"] for row in group["rows"])


@pytest.mark.parametrize("suffix", [".xlsm", ".XLSM", ".xltx", ".xltm"])
def test_a_form_saved_with_macros_or_as_a_template_is_read_as_the_form(write: Write, suffix: str) -> None:
    """A form saved as .xlsm (Excel with macros) was skipped by `par rank` and `par check`: one agency fewer,
    without a word."""
    folder = _forms(write)
    Path("forms/so-tu-phap.xlsx").rename(f"forms/so-tu-phap{suffix}")
    assert _ranked(folder) == ["so-noi-vu", "so-tu-phap"]
    _, out, _ = run_english("check", str(folder))
    assert f"so-tu-phap{suffix}" in out and "in 3 files" in out  # the criteria set and both forms


@pytest.mark.parametrize("suffix", [".xlsb", ".ots", ".fods", ".xlt", ".et", ".numbers"])
def test_a_spreadsheet_par_does_not_read_is_said_per_file(write: Write, suffix: str) -> None:
    folder = _forms(write)
    Path("forms/so-tu-phap.xlsx").rename(f"forms/so-tu-phap{suffix}")
    code, _, err = run_english("rank", str(folder))
    assert code == 0, err
    said = f"forms/so-tu-phap{suffix}: info F006: left out: a spreadsheet par does not read"
    assert said in err
    assert said in run_english("check", str(folder))[1]


@needs_soffice
def test_a_form_saved_by_libreoffice_as_excel_with_macros_is_read(write: Write) -> None:
    folder = _forms(write)
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={Path('profile').resolve().as_uri()}",
            "--headless",
            "--convert-to",
            "xlsm:Calc MS Excel 2007 VBA XML",
            "--outdir",
            "lo",
            "forms/so-tu-phap.xlsx",
        ],
        capture_output=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    Path("forms/so-tu-phap.xlsx").unlink()
    shutil.copy("lo/so-tu-phap.xlsm", "forms/so-tu-phap.xlsm")  # its content type: macroEnabled.main+xml
    assert _ranked(folder) == ["so-noi-vu", "so-tu-phap"]


AGENCY = ("so-noi-vu", "Sở Nội vụ")


@pytest.mark.parametrize(
    ("typed", "vi", "en"),
    [
        ("50/45", "số đã làm (50) lớn hơn tổng số (45)", "the number done (50) is greater than the total (45)"),
        ("45/0", "tổng số là 0 (số đã làm 45)", "the total is 0 (done 45)"),
    ],
)
def test_a_rate_typed_wrong_on_a_form_is_said_in_the_forms_words(write: Write, typed: str, vi: str, en: str) -> None:
    """`50/45` said `done (50) lớn hơn total (45)` (YAML's keys in a Vietnamese message); `45/0` said the same,
    while what is wrong is a total of 0."""
    path = fill(form(write), AGENCY, {"1.1.2": (typed,), "1.2": ("Có",)}, {})
    _, out, _ = run("check", str(path), "--lang", "vi")
    assert f"form.xlsx:Tiêu chí!E5: lỗi A003: 1.1.2: {vi}" in out
    assert "done" not in out.split("A003")[1].splitlines()[0]
    _, out, _ = run_english("check", str(path))
    assert f"form.xlsx:Tiêu chí!E5: error A003: 1.1.2: {en}" in out


def test_a_rate_with_a_total_of_0_in_yaml_is_said_for_its_total(write: Write) -> None:
    form(write)
    write(
        "a.yaml",
        """
        kind: assessment
        criteria: spec-example-2024
        agency: {id: so-noi-vu, name: Sở Nội vụ}
        period: "2024"
        answers:
          1.1.2: {self: {done: 45, total: 0}}
        """,
    )
    _, out, _ = run_english("check", "a.yaml")
    assert "error A003: 1.1.2: total is 0 while done is 45" in out


def _docx_text(path: Path) -> str:
    import re
    import zipfile

    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode()
    return "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml))


def test_an_input_likely_misread_is_in_the_findings_of_the_agencys_report(write: Write) -> None:
    """A023 was said on stderr, but `par score`'s findings (`Lưu ý`) and `par report` listed only A006/A007:
    the one warning that can cost points was missing from the report the agency reads."""
    path = fill(form(write), AGENCY, {"1.1.2": ("0.95",), "1.2": ("Có",)}, {})
    said = "1.1.2 Mức độ thực hiện kế hoạch CCHC: 0,95 được đọc là 0,95 %: có phải ý là 95 %? (Tiêu chí!E5)"
    for fmt in ("table", "markdown", "html"):
        code, out, err = run("score", str(path), "-f", fmt, "--lang", "vi", COLUMNS="200")
        assert code == 0, err
        assert said in out.replace("&nbsp;", " "), fmt
    _, out, _ = run("score", str(path), "--lang", "en", "-f", "markdown")
    assert "0.95 is read as 0.95 %: did you mean 95 %? (Tiêu chí!E5)" in out
    Path("forms").mkdir()
    shutil.copy(path, "forms/form.xlsx")
    shutil.copy("criteria.yaml", "forms/criteria.yaml")
    code, _, err = run("report", "forms", "-o", "reports", "--lang", "vi")
    assert code == 0, err
    assert said in _docx_text(Path("reports/so-noi-vu.docx"))
    code, _, err = run("score", "forms/form.xlsx", "--among", "forms", "-f", "docx", "-o", "s.docx", "--lang", "vi")
    assert code == 0, err
    assert said in _docx_text(Path("s.docx"))


def test_a_blank_criteria_cell_is_said_in_the_forms_words_with_the_other_blank_details(write: Write) -> None:
    """A blank `Bộ chỉ số` (B5) said `criteria: thiếu trường 'criteria'` (YAML's field name), and hid the other
    details' blanks (here the agency's name): sent back, fixed, sent back again."""
    from openpyxl import load_workbook

    path = fill(form(write), AGENCY, {"1.2": ("Có",)}, {})
    book = load_workbook(path)
    book["Thông tin"]["B5"] = None
    book["Thông tin"]["B2"] = None
    book.save(path)
    code, out, _ = run("check", str(path), "--lang", "vi")
    assert code == 1  # check: errors found
    assert out.splitlines()[:2] == [
        "form.xlsx:Thông tin!B2: lỗi S001: Tên cơ quan còn để trống (gợi ý: điền Tên cơ quan trong trang này)",
        "form.xlsx:Thông tin!B5: lỗi S001: Bộ chỉ số còn để trống (gợi ý: điền Bộ chỉ số trong trang này)",
    ]
    code, _, err = run("score", str(path), "--lang", "vi")
    assert code == 1 and "criteria" not in err
    assert "form.xlsx:Thông tin!B5: lỗi S001: Bộ chỉ số còn để trống" in err


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "vi",
            "forms/danh-sach.xlsx:Danh sách!B1: lỗi F005: không phải phiếu tự đánh giá: đây là danh sách cơ quan (Mã cơ "
            "quan, Tên cơ quan) dùng cho par template --agencies (gợi ý: chuyển tệp này ra khỏi thư mục phiếu: mọi sổ "
            "tính trong thư mục đều được đọc như phiếu của một cơ quan)",
        ),
        (
            "en",
            "forms/danh-sach.xlsx:Danh sách!B1: error F005: not an assessment form: this is a list of agencies (Mã cơ "
            "quan, Tên cơ quan), the list for par template --agencies (hint: move it out of the forms folder: every "
            "workbook there is read as an agency's form)",
        ),
    ],
)
def test_the_list_of_agencies_left_in_the_forms_folder_is_said_for_what_it_is(
    write: Write, lang: str, said: str
) -> None:
    """`danh-sach.xlsx` among the forms was F005 at `1:1` (no place in a workbook), `not an assessment form`."""
    from openpyxl import Workbook

    folder = _forms(write)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Danh sách"
    for row in (("STT", "Mã cơ quan", "Tên cơ quan", "Nhóm"), (1, "so-noi-vu", "Sở Nội vụ", "so-nganh")):
        sheet.append(row)
    book.save(folder / "danh-sach.xlsx")
    code, _, err = run("rank", str(folder), "--lang", lang)
    assert code == 1
    assert said in err.splitlines()


def test_a_workbook_that_is_no_form_is_located_at_the_file(write: Write) -> None:
    from openpyxl import Workbook

    folder = _forms(write)
    Workbook().save(folder / "notes.xlsx")
    _, _, err = run_english("rank", str(folder))
    assert "forms/notes.xlsx: error F005: not an assessment form" in err
