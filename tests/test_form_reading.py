"""Forms as agencies really fill them: read what was meant, or refuse (or warn) at the cell."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import Write, run_english
from tests.test_xlsx import fill, form

AGENCY = ("so-noi-vu", "Sở Nội vụ")


def test_points_typed_into_a_data_column_warn_with_the_meant_figure(write: Write) -> None:
    path = fill(form(write), AGENCY, {"1.1.2": ("0.9734",), "2.1": ("2.414/2480",), "2.2": (2,)}, {})
    book = load_workbook(path)
    book["Tiêu chí"]["E9"] = 2  # 2.1 takes a percentage; 2 is no more than its max points (2.5)
    book.save(path)
    code, out, _ = run_english("check", str(path))
    assert code == 0
    hint = " (hint: type the figure the criterion asks for (97.34 for 97.34 %, 2414/2480), not points; write 97.34% to silence this)"
    assert [line for line in out.splitlines() if "A023" in line] == [
        "form.xlsx:Tiêu chí!E5: warning A023: 0.9734 is read as 0.9734 %: did you mean 97.34 %?" + hint,
        "form.xlsx:Tiêu chí!E9: warning A023: 2 is read as 2 %, yet it is no more than the criterion's maximum points (2.5): is it points?"
        + hint,
    ]
    assert run_english("check", str(path), "--strict")[0] == 1
    book = load_workbook(path)
    book["Tiêu chí"]["E9"] = "2.414/2480"
    book["Tiêu chí"]["E5"] = "1.250"
    book.save(path)
    _, out, _ = run_english("check", str(path), "--lang", "vi")
    assert "form.xlsx:Tiêu chí!E5: cảnh báo A023: '1.250' được đọc với dấu chấm thập phân: có phải ý là 1250?" in out
    assert (
        "form.xlsx:Tiêu chí!E9: cảnh báo A023: '2.414/2480' được đọc với dấu chấm thập phân: có phải ý là 2414/2480 (97,34 %)?"
        in out
    )


def test_a_code_sheet_column_or_field_twice_is_a_located_error(write: Write) -> None:
    path = fill(form(write), AGENCY, {"1.2": ("Có",)}, {})
    book = load_workbook(path)
    sheet = book["Tiêu chí"]
    sheet.append(["1.2", None, None, None, "Không"])  # the same code again, in a hidden row under the signatures
    sheet.row_dimensions[sheet.max_row].hidden = True
    sheet.cell(1, 10).value = "Giải trình"  # a second column with one title
    book["Thông tin"].append(["Mã cơ quan", "so-khac"])
    second = book.copy_worksheet(sheet)
    second.title = "Criteria"
    book.save(path)
    code, out, _ = run_english("check", str(path))
    assert code == 1
    errors = [line for line in out.splitlines() if " error " in line]
    assert errors == [
        "form.xlsx:Criteria!A1: error A024: a second sheet of this kind (the first is Tiêu chí!A1) (hint: keep one and delete the other)",
        "form.xlsx:Tiêu chí!J1: error A024: a second column with this title (the first is Tiêu chí!H1) (hint: keep one and delete the other)",
        "form.xlsx:Thông tin!B8: error A024: this field is also at Thông tin!B1 (hint: keep one and delete the other)",
        "form.xlsx:Tiêu chí!A17: error A024: this code is also at Tiêu chí!A6: one value per code (hint: keep one and delete the other)",
    ]


def test_number_formats_commas_and_the_forms_words_are_read_as_meant(write: Write) -> None:
    path = fill(
        form(write),
        AGENCY,
        {"1.1.2": (95,), "1.2": ("khong dat",), "1.3": ("Không phát sinh",), "2.1": ("97,5",)},
        {},
    )
    book = load_workbook(path)
    book["Tiêu chí"]["E5"].number_format = '0.00"%"'  # shows 95.00%: 95, not 9500
    book.save(path)
    code, out, err = run_english("explain", str(path), "-f", "json")
    assert code == 0, err
    lines = {line["code"]: line for line in json.loads(out)["lines"]}
    assert (lines["1.1.2"]["input"], lines["1.2"]["input"], lines["1.3"]["applicable"]) == ("95 %", "false", False)
    assert lines["2.1"]["input"] == "97.5 %"
    book["Tiêu chí"]["E5"] = 0.95  # 0.00"%" shows 0.95%: read as shown, then doubted
    book.save(path)
    assert (
        "form.xlsx:Tiêu chí!E5: warning A023: 0.95 is read as 0.95 %: did you mean 95 %?"
        in run_english("check", str(path))[1]
    )


def test_a_missing_answer_is_located_at_its_input_cell_and_all_problems_come_at_once(write: Write) -> None:
    path = fill(form(write), ("Sở Nội vụ!", "Sở Nội vụ"), {"1.2": ("có lẽ",)}, {})
    code, out, _ = run_english("check", str(path))
    assert code == 1
    assert "form.xlsx:Tiêu chí!E6: error A003: 1.2: expected Có or Không, got 'có lẽ' (hint: choose Có or Không)" in out
    assert any(line.startswith("form.xlsx:Thông tin!B1: error S001") for line in out.splitlines())
    path = fill(form(write, "criteria.yaml", "--force"), AGENCY, {}, {})
    assert "form.xlsx:Tiêu chí!E7: warning A006: 1.3: no answer" in run_english("check", str(path))[1]


def test_the_councils_column_in_an_agencys_form_is_not_taken_as_appraised(write: Write) -> None:
    path = fill(form(write), AGENCY, {"1.2": ("Có", "Không", "BC")}, {})
    code, out, _ = run_english("check", str(path))
    assert code == 0
    assert [line for line in out.splitlines() if "A025" in line] == [
        "form.xlsx:Tiêu chí!I6: warning A025: a value in the council's column (Thẩm định) of an agency's form: not"
        " taken as the appraisal (hint: the council's own form says who appraised it: 'Thẩm định bởi' in the"
        " Thông tin sheet)"
    ]
    lines = {line["code"]: line for line in json.loads(run_english("explain", str(path), "-f", "json")[1])["lines"]}
    assert lines["1.2"]["points"] == 1
    book = load_workbook(path)
    book["Thông tin"].append(["Thẩm định bởi", "Hội đồng"])
    book.save(path)
    lines = {line["code"]: line for line in json.loads(run_english("explain", str(path), "-f", "json")[1])["lines"]}
    assert lines["1.2"]["points"] == 0


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice)")
def test_forms_libreoffice_saves_as_ods_and_xls_are_read_never_skipped(write: Write) -> None:
    fill(form(write), AGENCY, {"1.1.2": ("0.9734",), "1.2": ("Đạt", None, "BC")}, {})
    Path("2024").mkdir()
    for kind in ("ods", "xls"):
        done = subprocess.run(
            [  # a profile of its own: another LibreOffice running (another test, another user) would block it
                "soffice",
                f"-env:UserInstallation=file://{Path('profile').resolve()}",
                "--headless",
                "--convert-to",
                kind,
                "--outdir",
                "2024",
                "form.xlsx",
            ],
            capture_output=True,
            timeout=180,
        )
        assert done.returncode == 0
    shutil.copy("criteria.yaml", "2024/criteria.yaml")
    code, out, _ = run_english("check", "2024")
    assert "2024/form.ods:Tiêu chí!E5: warning A023: 0.9734 is read as 0.9734 %: did you mean 97.34 %?" in out
    assert "2024/form.xls:Tiêu chí!E5: warning A023: 0.9734 is read as 0.9734 %: did you mean 97.34 %?" in out
    assert "A009" in out  # both files are read: the same agency twice in one folder
    Path("2024/form.xls").unlink()
    code, out, err = run_english("rank", "2024", "-f", "json")
    assert code == 0, err
    assert [row["agency"]["id"] for row in json.loads(out)["groups"][0]["rows"]] == ["so-noi-vu"]


def test_survey_points_for_a_likert_criterion_are_refused_in_the_forms_words(tmp_path: Path) -> None:
    """The office types points in the survey sheet's `Điểm` for 8.1, a criterion scored from answer counts: the
    error spoke YAML (`như {A: 12, B: 3}`) at an Excel cell; it names the answer columns and says what to do."""
    from tests.conftest import run as run_cli

    form = tmp_path / "form.xlsx"
    assert run_cli("template", "mau-so-nganh", "-f", "xlsx", "-o", str(form), "--period", "2025")[0] == 0
    book = load_workbook(form)
    book["Điều tra XHH"]["I2"] = "8,52"
    book.save(form)
    code, out, _ = run_cli("check", str(form))
    assert code == 1
    line = next(line for line in out.splitlines() if "Điều tra XHH!I2" in line)
    assert line.endswith(
        "Điều tra XHH!I2: lỗi A003: 8.1: cần số phiếu của từng đáp án ở các cột A, B, C…, nhưng có số 8,52 (gợi ý: "
        "ghi số phiếu vào cột của mỗi đáp án; cột Điểm chỉ dùng cho tiêu chí chấm bằng điểm)"
    )
    assert "{A: 12" not in out


def test_a_value_typed_in_a_row_inserted_among_the_criteria_is_an_error_not_lost(write: Write) -> None:
    """An agency inserts a row under a criterion to type into: the row has no code, so its value belongs to no
    criterion. Before, it was dropped without a word; the place, date and signatures below the criteria are not
    such rows."""
    path = fill(form(write), AGENCY, {"1.2": ("Có",)}, {})
    book = load_workbook(path)
    sheet = book["Tiêu chí"]
    sheet.insert_rows(7)
    sheet.cell(7, 5).value = "Có"
    sheet.cell(7, 7).value = "Quyết định số 12/QĐ-SNV"
    book.save(path)
    code, out, _ = run_english("check", str(path))
    assert code == 1
    assert [line for line in out.splitlines() if "A003" in line] == [
        "form.xlsx:Tiêu chí!E7: error A003: this row holds 'Có' but its 'Mã' cell is blank: it belongs to no "
        "criterion, and would not be read (hint: type it in its criterion's row, the one with the code (Alt+Enter "
        "starts a new line within a cell), or delete it)"
    ]
    sheet.cell(7, 5).value = sheet.cell(7, 7).value = None  # the row left blank: nothing to say
    book.save(path)
    assert "A003" not in run_english("check", str(path))[1]


def test_a_ratio_excel_turned_into_a_date_is_refused_with_the_date_and_the_way_out(write: Write) -> None:
    import datetime

    path = fill(form(write), AGENCY, {"1.2": ("Có",)}, {})
    book = load_workbook(path)
    sheet = book["Tiêu chí"]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == "1.1.2")
    sheet.cell(row, 5).value = datetime.datetime(2024, 12, 9)  # `9/12` typed into a cell Excel took for a date
    book.save(path)
    code, out, _ = run_english("check", str(path))
    assert code == 1
    assert (
        f"form.xlsx:Tiêu chí!E{row}: error A003: the cell holds the date 09/12/2024 where a figure is expected (hint: "
        "Excel or LibreOffice turned what was typed into a date (12/12 becomes 12 December): format the cell as Text, "
        "then type the figure again (45/50 for done/total, or the percentage))"
    ) in out.splitlines()
