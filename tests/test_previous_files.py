"""`rank --previous FILE`: a value given twice is refused at its place (never one of them read silently); a
workbook re-saved as CSV by a spreadsheet is read like the workbook; last year's Word annex and a table made by
hand (names, no ids) are matched by name, and every name that matches nothing is said (issue 26)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.conftest import ROOT, Write, run
from tests.test_years import years

__all__ = ["years"]  # the fixture: 2023 a b c e · 2024 a b c d · 2025 m (a + b) c d (named Sở A, Sở B …)

EXAMPLES = ROOT / "examples"
FOUND = ROOT / "tests" / "data" / "previous"  # the try-out's files


def changes(out: str) -> list[tuple[object, ...]]:
    return [
        (r["agency"]["id"], r["previous_rank"], r["rank_change"]) for g in json.loads(out)["groups"] for r in g["rows"]
    ]


# F6: a value given twice


def test_a_json_key_given_twice_is_an_error_at_the_second_key(in_tmp: Path) -> None:
    """Before: rc 0, and so-tu-phap's previous rank was 5 (the second `rank` of `"rank": 1, "rank": 5`)."""
    shutil.copy(FOUND / "pj-dupkey.json", "pj.json")
    code, out, err = run("rank", str(EXAMPLES / "2025"), "--previous", "pj.json", "--lang", "en")
    assert (code, out, err) == (
        1,
        "",
        "pj.json:21:22: error Y002: duplicate key 'rank' (first at line 21) (hint: a JSON reader keeps only one of"
        " them: remove the other)\n",
    )


@pytest.mark.parametrize(("source", "title", "first"), [("dupcol.csv", "rank", 3), ("dupcol2.csv", "agency_id", 4)])
def test_a_csv_column_given_twice_is_an_error_at_its_title(in_tmp: Path, source: str, title: str, first: int) -> None:
    """Before: the first of the two columns was used without a word."""
    shutil.copy(FOUND / source, "prev.csv")
    code, _, err = run("rank", str(EXAMPLES / "2024"), "--previous", "prev.csv", "--lang", "en")
    assert (code, err) == (
        1,
        f"prev.csv:1:{title}: error J002: a second column '{title}' (the first is column {first}): which one counts?"
        " (hint: keep one column of that title)\n",
    )


def test_a_workbook_column_given_twice_is_an_error_at_its_title(years: Write) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "2023"
    for row in (["Hạng", "Cơ quan", "agency_id", "Xếp hạng"], [1, "Sở A", "a", 2], [2, "Sở C", "c", 1]):
        sheet.append(row)
    book.save("prev.xlsx")
    code, _, err = run("rank", "2024", "--previous", "prev.xlsx", "--lang", "en")
    assert (code, err) == (
        1,
        "prev.xlsx:2023!D1: error J002: a second column 'Xếp hạng' (the first is column A): which one counts? (hint:"
        " keep one column of that title)\n",
    )


def test_a_name_given_twice_in_one_table_is_an_error_at_the_second(years: Write) -> None:
    Path("2023.csv").write_text("Xếp hạng,Tên cơ quan\r\n1,Sở A\r\n2,Sở  a\r\n", encoding="utf-8")
    code, _, err = run("rank", "2024", "--previous", "2023.csv", "--lang", "en")
    assert (code, err) == (1, "2023.csv:3:Tên cơ quan: error R003: agency 'Sở a' is ranked twice in group —\n")


# F2: the workbook re-saved as CSV


def test_a_ranking_workbook_resaved_as_csv_by_libreoffice_gives_the_workbooks_changes(in_tmp: Path) -> None:
    """`soffice --convert-to csv` of `par rank examples/2023 -f xlsx`: a title row above the header, the titles in
    Vietnamese (Hạng …), the group's summary line below. Before: J002 no column 'agency_id', no column 'rank'."""
    shutil.copy(FOUND / "prev.xlsx", "prev.xlsx")
    shutil.copy(FOUND / "prev-from-xlsx-utf8.csv", "prev.csv")
    found = {}
    for source in ("prev.xlsx", "prev.csv"):
        code, out, err = run("rank", str(EXAMPLES / "2024"), "--previous", source, "-f", "json", "--lang", "en")
        assert (code, err) == (
            0,
            f"{source}: warning R012: 1 unit ranked last period is not in this ranking: Sở Kế hoạch và Đầu tư"
            " (so-ke-hoach-dau-tu, #4)\n",
        )
        found[source] = changes(out)
    assert found["prev.csv"] == found["prev.xlsx"]
    assert ("so-y-te", 3, -6) in found["prev.csv"] and ("so-cong-thuong", None, None) in found["prev.csv"]


def test_a_ranking_csv_with_a_quote_left_open_is_refused_as_every_table_is(years: Write) -> None:
    """One CSV reader: before, the ranking CSV had its own, and a quote left open swallowed the rows below."""
    Path("2023.csv").write_text('rank,agency_id,index\r\n1,"a,70\r\n2,c,60\r\n3,b,50\r\n', encoding="utf-8")
    code, _, err = run("rank", "2024", "--previous", "2023.csv", "--lang", "en")
    assert (code, err.split(" (hint")[0]) == (
        1,
        "2023.csv:2: error T001: a quote opened in this row is not closed where its cell ends: lines 2–4 of the file"
        " were read as one row",
    ), err


# Issue 26: last year's Word annex, a table made by hand


def _resaved(source: str) -> None:
    """The annex as an office keeps it: opened and saved again by LibreOffice."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    Path("lo").mkdir()
    profile = "-env:UserInstallation=file:///tmp/lo-prev2"
    subprocess.run(
        [soffice, profile, "--headless", "--convert-to", "docx", "--outdir", "lo", source],
        check=True,
        capture_output=True,
        timeout=180,
    )
    shutil.move(f"lo/{source}", source)


def test_last_years_word_annex_gives_the_ranks_of_the_folder_matched_by_name(in_tmp: Path) -> None:
    """Before: `--previous annex.docx` was read as a folder of assessments."""
    assert run("rank", str(EXAMPLES / "2023"), "-f", "docx", "-o", "annex.docx")[0] == 0
    _resaved("annex.docx")
    code, out, err = run("rank", str(EXAMPLES / "2024"), "--previous", "annex.docx", "-f", "json", "--lang", "en")
    assert (code, err.splitlines()) == (
        0,
        [
            "annex.docx: warning R014: 1 agency no name of last period's ranking matches, shown as new: Sở Công Thương",
            "annex.docx:table 1:row 6: warning R013: 'Sở Kế hoạch và Đầu tư' (rank 4 last period) is the name of no"
            " agency of this ranking: not compared (hint: write the name as this year's assessment gives it, or"
            " leave the row out if the agency is gone)",
        ],
    ), err
    by_folder = run("rank", str(EXAMPLES / "2024"), "--previous", str(EXAMPLES / "2023"), "-f", "json")[1]
    assert changes(out) == changes(by_folder)


def test_the_annex_with_survey_points_has_its_heading_over_two_rows(in_tmp: Path) -> None:
    assert run("rank", str(EXAMPLES / "survey-2024"), "-f", "docx", "-o", "annex.docx")[0] == 0
    code, out, err = run("rank", str(EXAMPLES / "survey-2024"), "--previous", "annex.docx", "-f", "json")
    assert code == 0 and [line.split()[-1] for line in err.splitlines()] == ["2024)"] and "R017" in err  # same year
    assert {(rank, change) for _, rank, change in changes(out)} == {(r, 0) for r in range(1, len(changes(out)) + 1)}


def test_a_merged_units_predecessor_in_a_ranking_of_names_is_pointed_to(in_tmp: Path) -> None:
    assert run("rank", str(EXAMPLES / "2024"), "-f", "docx", "-o", "annex.docx")[0] == 0
    code, _, err = run("rank", str(EXAMPLES / "2025"), "--previous", "annex.docx", "--lang", "en")
    assert code == 1
    assert err.splitlines()[0] == (
        f"{EXAMPLES / '2025' / 'so-cong-thuong-khoa-hoc-cong-nghe.yaml'}:9:18: error R008: predecessor"
        " 'so-cong-thuong' is not in the ranking of annex (hint: last period's ranking gives 'Sở Công Thương' without"
        " an id: give that row the id so-cong-thuong (a column agency_id, or Mã cơ quan, filled for that row only))"
    ), err


def test_a_workbook_made_by_hand_is_matched_by_name_and_a_misspelt_name_is_said(in_tmp: Path) -> None:
    """STT, Tên cơ quan, Điểm, Chỉ số, Xếp hạng below a title block; `Sở Y Tê` is not `Sở Y tế` (diacritics
    count): it is said at its cell with the name meant, and Sở Y tế is listed as new, never a silent `mới`."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["ỦY BAN NHÂN DÂN TỈNH"])
    sheet.append(["KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023"])
    sheet.append([])
    sheet.append(["STT", "Tên cơ quan", "Điểm", "Chỉ số", "Xếp hạng"])
    sheet.append([1, "sở  nội vụ", 85.86, 85.86, 1])
    sheet.append([2, "Sở Tư pháp", 85.5, 85.5, 2])
    sheet.append([3, "Sở Y Tê", 85.02, 85.02, 3])
    sheet.append([None, "Tổng cộng / bình quân", 256.38, 85.46, None])  # a totals line, no rank: not a unit
    book.save("hand.xlsx")
    code, out, err = run("rank", str(EXAMPLES / "2024"), "--previous", "hand.xlsx", "-f", "json", "--lang", "en")
    assert code == 0, err
    lines = err.splitlines()
    assert lines[1] == (
        "hand.xlsx:Sheet!B7: warning R013: 'Sở Y Tê' (rank 3 last period) is the name of no agency of this ranking:"
        " not compared (hint: did you mean 'Sở Y tế'?)"
    )
    assert lines[0].startswith("hand.xlsx: warning R014: 10 agencies no name of last period's ranking matches,")
    assert "Sở Y tế" in lines[0] and len(lines) == 2, err
    found = {agency: (rank, change) for agency, rank, change in changes(out)}
    assert found["so-noi-vu"] == (1, -2) and found["so-tu-phap"] == (2, 1) and found["so-y-te"] == (None, None)


def test_a_name_two_agencies_of_this_ranking_bear_is_an_error_at_its_row(years: Write) -> None:
    years("2024/f.yaml", Path("2024/a.yaml").read_text(encoding="utf-8").replace("id: a,", "id: f,"))
    Path("2023.csv").write_text("Xếp hạng,Tên cơ quan\r\n1,Sở A\r\n", encoding="utf-8")
    code, _, err = run("rank", "2024", "--previous", "2023.csv", "--lang", "en")
    assert (code, err) == (
        1,
        "2023.csv:2:Tên cơ quan: error R015: 'Sở A' is the name of a, f in this ranking: which one is meant? (hint:"
        " give the rows agency ids (a column agency_id, or Mã cơ quan))\n",
    )
