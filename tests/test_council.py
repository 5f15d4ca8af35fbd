"""The council's workbook: written for a folder, filled by the council, read back into appraisal files whose
values and reasons the cut list and the ranking use."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.conftest import SPEC, run, run_english

CONVERT = ("--convert-to", "xlsx")


def folder() -> Path:
    Path("2024").mkdir()
    for name in ("criteria.yaml", "so-noi-vu.yaml", "so-y-te.yaml"):
        shutil.copy(SPEC / name, Path("2024") / name)
    return Path("2024")


def rows(sheet: Any) -> dict[tuple[str, str], int]:
    return {(sheet.cell(r, 1).value, sheet.cell(r, 3).value): r for r in range(2, sheet.max_row + 1)}


def fill(path: Path, values: dict[tuple[str, str], tuple[Any, Any, Any]]) -> None:
    """Type (first appraisal, appraisal, reason) as a council member would."""
    book = load_workbook(path)
    sheet = book["Thẩm định"]
    at = rows(sheet)
    for key, typed in values.items():
        for column, value in zip((9, 10, 11), typed, strict=True):
            sheet.cell(at[key], column).value = value
    book.save(path)


def points(ranking: str) -> dict[str, float]:
    return {row["agency"]["id"]: row["points"] for row in json.loads(ranking)["groups"][0]["rows"]}


def test_the_workbook_lists_every_agency_and_criterion_with_the_councils_cells(in_tmp: Path) -> None:
    folder()
    assert run("appraisal", "workbook", "2024", "-o", "hoi-dong.xlsx") == (0, "", "")
    book = load_workbook("hoi-dong.xlsx")
    assert book.sheetnames == ["Thông tin", "Thẩm định"]
    assert [book["Thông tin"].cell(r, 2).value for r in (1, 2)] == ["spec-example-2024", "2024"]
    sheet = book["Thẩm định"]
    assert [c.value for c in sheet[1]] == [
        "Mã cơ quan",
        "Tên cơ quan",
        "Mã",
        "Nội dung",
        "Điểm tối đa",
        "Cách chấm",
        "Số liệu tự đánh giá",
        "Điểm tự chấm",
        "Thẩm định lần 1",
        "Thẩm định",
        "Lý do",
        "Giải trình",
        "Cơ quan thẩm định",
    ]
    at = rows(sheet)
    assert len(at) == 14  # 6 appraisable leaves (the survey's is not appraised) and the bonus T × 2 agencies
    y_te = [sheet.cell(at["so-y-te", "1.1.2"], c).value for c in (7, 8, 10, 13)]
    assert y_te == ["14/20", 1, None, "hoi-dong"]  # 70 %: the tier from 70 %
    assert sheet.cell(at["so-y-te", "1.1.2"], 10).protection.locked is False
    assert sheet.cell(at["so-y-te", "1.3"], 7).value == "KPS"  # the agency's own answer: not applicable
    held = at["so-noi-vu", "2.1"]  # the assessment file holds this appraisal itself: shown, locked
    assert [sheet.cell(held, c).value for c in (7, 10)] == ["190/200", "180/200"]
    assert sheet.cell(held, 10).protection.locked is True
    assert sheet.cell(at["so-noi-vu", "2.2"], 12).value == "Quyết định công bố đang trình ký"
    assert sheet.protection.sheet
    # after each agency's criteria, its bonus: claimed by neither agency, still the council's to give
    bonus = at["so-y-te", "T"]
    assert bonus == at["so-y-te", "2.2"] + 1
    assert [sheet.cell(bonus, c).value for c in range(3, 14)] == [
        *("T", "Điểm thưởng", 1, "+ 0–1 điểm"),
        *(None, None, None, None, None, None, "hoi-dong"),
    ]
    assert sheet.cell(bonus, 10).protection.locked is False
    held = at["so-noi-vu", "T"]  # `T: {appraised: 0.5}` in the assessment file itself: shown, locked
    assert (sheet.cell(held, 10).value, sheet.cell(held, 10).protection.locked) == ("0.5", True)
    code, _, err = run("appraisal", "workbook", "2024", "-o", "hoi-dong.xlsx")
    assert code == 2 and "hoi-dong.xlsx: error U003: exists already: it may hold the council's work" in err


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice) to re-save the workbook")
def test_filled_and_resaved_by_libreoffice_it_becomes_the_councils_appraisal(in_tmp: Path) -> None:
    folder()
    before = points(run("rank", "2024", "-f", "json")[1])
    assert run("appraisal", "workbook", "2024", "-o", "hoi-dong.xlsx")[0] == 0
    fill(
        Path("hoi-dong.xlsx"),
        {
            ("so-y-te", "2.1"): ("79", "85", "Bổ sung số liệu quý IV"),
            ("so-y-te", "1.1.1"): (None, "Không ban hành", "Không có kế hoạch được ban hành"),
            ("so-noi-vu", "1.3"): (None, 3, "Còn 3 kết luận chưa khắc phục"),
        },
    )
    out = Path("lo")
    result = subprocess.run(
        # a profile of its own: a LibreOffice already running (another user's, another test's) would take the job
        [
            "soffice",
            f"-env:UserInstallation={Path('profile').resolve().as_uri()}",
            "--headless",
            *CONVERT,
            "--outdir",
            str(out),
            "hoi-dong.xlsx",
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    code, _, err = run_english("appraisal", "read", str(out / "hoi-dong.xlsx"), "-o", "2024")
    assert (code, err) == (0, "note: 1 appraisal files written in 2024\n")
    assert Path("2024/tham-dinh-hoi-dong.yaml").read_text(encoding="utf-8") == (
        "kind: appraisal\n"
        'criteria: "spec-example-2024"\n'
        'appraiser: "hoi-dong"\n'
        "period: 2024\n"
        "agencies:\n"
        '  "so-noi-vu":\n'
        '    "1.3": {appraised: 3, reason: "Còn 3 kết luận chưa khắc phục"}\n'
        '  "so-y-te":\n'
        '    "1.1.1": {appraised: "none", reason: "Không có kế hoạch được ban hành"}\n'
        '    "2.1": {first_appraisal: 79, appraised: 85, reason: "Bổ sung số liệu quý IV"}\n'
    )
    code, table, err = run("appraisal", "cuts", "2024")
    assert code == 0, err
    assert "Bổ sung số" in table and "Còn 3 kết" in table and "Không có kế" in table  # the reasons, not `—`
    cuts = json.loads(run("appraisal", "cuts", "2024", "-f", "json")[1])
    reasons = {(a["agency"]["id"], c["code"]): c["reason"] for a in cuts["agencies"] for c in a["cuts"]}
    assert reasons[("so-y-te", "2.1")] == "Bổ sung số liệu quý IV"
    assert reasons[("so-noi-vu", "1.3")] == "Còn 3 kết luận chưa khắc phục"
    after = points(run("rank", "2024", "-f", "json")[1])
    # so-y-te: 2.1 linear from 80 %: 0 → 2.5 × 85 / 100 = 2.125; 1.1.1 late 0.5 → none 0. so-noi-vu: 1.3 one
    # violation 1.5 → three 0.5
    assert (before["so-y-te"], after["so-y-te"]) == (3.3, 4.93)  # 3.30 + 1.625 = 4.925, shown 4.93
    assert round(after["so-noi-vu"] - before["so-noi-vu"], 6) == -1.0
    code, _, err = run_english("appraisal", "read", str(out / "hoi-dong.xlsx"), "-o", "2024")
    assert code == 2 and "tham-dinh-hoi-dong.yaml: error U003: exists already" in err


def test_the_council_cuts_a_bonus_in_its_workbook(in_tmp: Path) -> None:
    """Sở Y tế claims the bonus T (1 point); the council cuts it to 0.5 with its reason: read back into the council's
    file, the cut list shows it, the ranking uses it (3.30 + 1 claimed → 3.30 + 0.5 appraised)."""
    folder()
    with Path("2024/so-y-te.yaml").open("a", encoding="utf-8") as file:
        file.write('adjustments:\n  T: {self: 1, note: "Sáng kiến một cửa liên thông"}\n')
    before = points(run("rank", "2024", "-f", "json")[1])
    assert run("appraisal", "workbook", "2024", "-o", "hoi-dong.xlsx")[0] == 0
    sheet = load_workbook("hoi-dong.xlsx")["Thẩm định"]
    claimed = rows(sheet)["so-y-te", "T"]
    assert [sheet.cell(claimed, c).value for c in (7, 8, 12)] == ["1", 1, "Sáng kiến một cửa liên thông"]
    fill(Path("hoi-dong.xlsx"), {("so-y-te", "T"): (None, 0.5, "Sáng kiến chỉ áp dụng trong sở")})
    code, _, err = run_english("appraisal", "read", "hoi-dong.xlsx", "-o", "2024")
    assert (code, err) == (0, "note: 1 appraisal files written in 2024\n")
    assert Path("2024/tham-dinh-hoi-dong.yaml").read_text(encoding="utf-8") == (
        "kind: appraisal\n"
        'criteria: "spec-example-2024"\n'
        'appraiser: "hoi-dong"\n'
        "period: 2024\n"
        "agencies:\n"
        '  "so-y-te":\n'
        '    "T": {appraised: 0.5, reason: "Sáng kiến chỉ áp dụng trong sở"}\n'
    )
    cuts = json.loads(run("appraisal", "cuts", "2024", "-f", "json")[1])
    found = [(c["code"], c["self_points"], c["points"], c["reason"]) for a in cuts["agencies"] for c in a["cuts"]]
    assert ("T", 1, 0.5, "Sáng kiến chỉ áp dụng trong sở") in found
    code, table, _ = run("appraisal", "cuts", "2024")
    assert "Sáng kiến chỉ" in table
    after = points(run("rank", "2024", "-f", "json")[1])
    assert (before["so-y-te"], after["so-y-te"]) == (4.3, 3.8)
    assert after["so-noi-vu"] == before["so-noi-vu"]


def test_every_bad_cell_is_located_and_nothing_is_written(in_tmp: Path) -> None:
    folder()
    assert run("appraisal", "workbook", "2024", "-o", "hoi-dong.xlsx")[0] == 0
    fill(
        Path("hoi-dong.xlsx"),
        {
            ("so-y-te", "1.2"): (None, "có lẽ", None),
            ("so-y-te", "2.1"): (None, "1,250", None),
            ("so-noi-vu", "1.3"): (None, None, "Thiếu kết luận"),
            ("so-y-te", "1.1.2"): (None, "30/20", None),
            ("so-y-te", "T"): (None, 2, "Sáng kiến cấp tỉnh"),
            ("so-y-te", "1.1.1"): (None, "KPS", None),  # applicability is the agency's answer, not a cut
        },
    )
    code, _, err = run("appraisal", "read", "hoi-dong.xlsx", "-o", "2024", "--lang", "en")
    assert code == 1
    assert err.splitlines() == [
        "hoi-dong.xlsx:Thẩm định!J5: error A017: 1.3: appraised is left blank: a blank appraisal is not a missing one "
        "(hint: write the appraised input, or remove 'appraised:' until the council has appraised it)",
        "hoi-dong.xlsx:Thẩm định!J9: error A003: 1.1.1: the council's workbook cannot rule a criterion not applicable"
        " (KPS) (hint: leave Thẩm định blank: an agency's KPS stays KPS; where the agency gave a value, appraise that"
        " value)",
        "hoi-dong.xlsx:Thẩm định!J10: error A003: 1.1.2: the number done (30) is greater than the total (20)",
        "hoi-dong.xlsx:Thẩm định!J11: error A003: 1.2: expected Có or Không, got 'có lẽ' (hint: choose Có or Không)",
        "hoi-dong.xlsx:Thẩm định!J13: error Y005: '1,250' has a decimal comma (hint: write 1.25, or 1250 without a "
        "separator)",
        "hoi-dong.xlsx:Thẩm định!J15: error A003: adjustment T: 2 is not a number of points in 0–1",
    ]
    assert not Path("2024/tham-dinh-hoi-dong.yaml").exists()


def made() -> Any:
    """The workbook for the spec's folder, as openpyxl opens it to be typed in (its sheet, its rows by key)."""
    folder()
    assert run("appraisal", "workbook", "2024", "-o", "hoi-dong.xlsx")[0] == 0
    book = load_workbook("hoi-dong.xlsx")
    return book, book["Thẩm định"], rows(book["Thẩm định"])


def refused(*lines: str) -> None:
    code, _, err = run("appraisal", "read", "hoi-dong.xlsx", "-o", "2024", "--lang", "en")
    assert (code, err.splitlines()) == (1, list(lines))
    assert not Path("2024/tham-dinh-hoi-dong.yaml").exists()


def test_a_formula_never_computed_is_refused_at_its_cell_not_read_as_blank(in_tmp: Path) -> None:
    book, sheet, at = made()
    sheet.cell(at["so-y-te", "2.1"], 10).value = "=1/0"  # openpyxl keeps no value for it: never computed
    sheet.cell(at["so-y-te", "1.2"], 9).value = "=1/0"
    sheet.cell(at["so-y-te", "1.2"], 10).value = "Không"
    book.save("hoi-dong.xlsx")
    hint = "(hint: open the file in Excel or LibreOffice and save it, so that the formula is computed)"
    refused(
        f"hoi-dong.xlsx:Thẩm định!I11: error A003: a formula that has never been computed: its value is unknown {hint}",
        f"hoi-dong.xlsx:Thẩm định!J13: error A003: a formula that has never been computed: its value is unknown {hint}",
    )


def test_a_value_typed_on_a_row_the_assessment_file_appraises_itself_is_refused(in_tmp: Path) -> None:
    """so-noi-vu.yaml holds 2.1's appraisal (180/200) and T's itself: the row is locked; typed in anyway (the sheet
    unprotected), it was ignored without a word."""
    book, sheet, at = made()
    sheet.cell(at["so-noi-vu", "2.1"], 9).value = "170/200"
    sheet.cell(at["so-noi-vu", "2.1"], 11).value = "Thiếu số liệu"
    sheet.cell(at["so-noi-vu", "T"], 10).value = "0.25"
    book.save("hoi-dong.xlsx")
    said = "this criterion's appraisal is in the assessment file so-noi-vu.yaml: change it there"
    refused(
        f"hoi-dong.xlsx:Thẩm định!I6: error A003: 2.1: {said}",
        f"hoi-dong.xlsx:Thẩm định!K6: error A003: 2.1: {said}",
        f"hoi-dong.xlsx:Thẩm định!J8: error A003: T: {said}",
    )


def test_a_second_row_for_one_agency_and_code_is_refused_naming_the_first(in_tmp: Path) -> None:
    book, sheet, at = made()
    first = at["so-y-te", "1.2"]
    sheet.cell(first, 10).value = "Có"
    for c in range(1, 14):  # a copy, hidden, with another value
        sheet.cell(20, c).value = sheet.cell(first, c).value
    sheet.cell(20, 10).value = "Không"
    sheet.row_dimensions[20].hidden = True
    book.save("hoi-dong.xlsx")
    refused(
        "hoi-dong.xlsx:Thẩm định!C20: error A024: this code is also at Thẩm định!C11: one value per code "
        "(hint: keep one and delete the other)"
    )


def test_a_council_value_on_a_row_without_its_agency_or_code_is_refused(in_tmp: Path) -> None:
    book, sheet, at = made()
    sheet.cell(at["so-y-te", "1.2"], 10).value = "Có"
    sheet.cell(at["so-y-te", "1.2"], 1).value = None
    sheet.cell(at["so-y-te", "2.1"], 11).value = "Thiếu số liệu"
    sheet.cell(at["so-y-te", "2.1"], 3).value = " "
    book.save("hoi-dong.xlsx")
    hint = "(hint: write the agency's id and the criterion's code as the workbook gave them, or delete the row)"
    said = "this row holds the council's values but its '{}' cell is blank: whose value it is cannot be told"
    refused(
        f"hoi-dong.xlsx:Thẩm định!A11: error A003: {said.format('Mã cơ quan')} {hint}",
        f"hoi-dong.xlsx:Thẩm định!C13: error A003: {said.format('Mã')} {hint}",
    )


@pytest.mark.parametrize(("column", "title"), [(9, "Thẩm định lần 1"), (11, "Lý do")])
def test_a_council_column_renamed_is_refused_at_its_header(in_tmp: Path, column: int, title: str) -> None:
    book, sheet, at = made()
    sheet.cell(at["so-y-te", "2.1"], column).value = "85"
    sheet.cell(1, column).value = "Ghi chú" if column == 11 else None
    book.save("hoi-dong.xlsx")
    letter = "I" if column == 9 else "K"
    refused(
        f"hoi-dong.xlsx:Thẩm định!{letter}1: error F005: sheet Thẩm định has no column titled '{title}': the "
        "council's values in it would be lost"
    )


def test_an_agency_no_assessment_is_for_and_a_period_not_the_folders_are_refused(in_tmp: Path) -> None:
    book, sheet, at = made()
    sheet.cell(at["so-y-te", "1.2"], 10).value = "Có"
    sheet.cell(at["so-y-te", "1.2"], 1).value = "so-y-t"
    book["Thông tin"].cell(2, 2).value = "năm nay"
    book.save("hoi-dong.xlsx")
    refused(
        "hoi-dong.xlsx:Thông tin!B2: error A003: 'năm nay' is not a year: the period is the year the workbook was "
        "made for (hint: write the year back as the workbook gave it (2024))",
        "hoi-dong.xlsx:Thẩm định!A11: error A022: appraisal for 'so-y-t', but no assessment beside this file is for "
        "that agency: its values would be lost (hint: did you mean 'so-y-te'?)",
    )
    book["Thông tin"].cell(2, 2).value = 2023
    book.save("hoi-dong.xlsx")
    refused(
        "hoi-dong.xlsx:Thông tin!B2: error A003: period 2023, but the assessments in the folder are for 2024",
        "hoi-dong.xlsx:Thẩm định!A11: error A022: appraisal for 'so-y-t', but no assessment beside this file is for "
        "that agency: its values would be lost (hint: did you mean 'so-y-te'?)",
    )


def test_the_reader_looks_for_each_column_where_the_workbook_writes_it() -> None:
    from par_cli.render.council_xlsx import KEYS
    from par_cli.services.council import COUNCIL_COLUMNS, WRITTEN_AT

    assert {key: KEYS.index(title) + 1 for key, title in COUNCIL_COLUMNS.items()} == WRITTEN_AT
