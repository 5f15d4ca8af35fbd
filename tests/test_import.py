"""`par import`: an office's export into one assessment file per agency, every bad row reported first."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook

from tests.conftest import SPEC, Write, run, run_english

CRITERIA = (SPEC / "criteria.yaml").read_text(encoding="utf-8")
LONG = """Mã cơ quan,Tên cơ quan,Nhóm,Năm,Mã,Tự đánh giá,Thẩm định,Tài liệu kiểm chứng,Giải trình
so-noi-vu,Sở Nội vụ,so-nganh,2024,1.1.1,Ban hành kịp thời,,Kế hoạch 01/KH-SNV ngày 05/01/2024,
so-noi-vu,Sở Nội vụ,so-nganh,2024,1.1.2,95,90,Báo cáo 120/BC-SNV ngày 10/12/2024,
so-noi-vu,Sở Nội vụ,so-nganh,2024,1.2,Có,,Báo cáo quý I–IV,
so-noi-vu,Sở Nội vụ,so-nganh,2024,1.3,1,,Kết luận kiểm tra 15/KL-SNV,
so-noi-vu,Sở Nội vụ,so-nganh,2024,2.1,190/200,180/200,Hệ thống một cửa điện tử,
so-noi-vu,Sở Nội vụ,so-nganh,2024,2.2,2,,,Quyết định công bố đang trình ký
so-noi-vu,Sở Nội vụ,so-nganh,2024,T,,0.5,,
"""


def imported(write: Write, name: str, text: str, *more: str) -> tuple[int, str]:
    write("criteria.yaml", CRITERIA)
    write(name, text)
    code, _, err = run_english("import", name, "--criteria", "criteria.yaml", "-o", "out", *more)
    return code, err


def test_the_long_shape_gives_the_same_figures_as_the_hand_written_file(write: Write) -> None:
    code, err = imported(write, "long.csv", LONG)
    assert (code, err) == (0, "note: 1 assessment file written to out\n")
    written = Path("out/so-noi-vu.yaml").read_text(encoding="utf-8")
    assert '  "1.1.1": {self: "on-time", evidence: ["Kế hoạch 01/KH-SNV ngày 05/01/2024"]}' in written
    assert '  "2.1": {self: {done: 190, total: 200}, appraised: {done: 180, total: 200}' in written
    with_survey = written.replace("adjustments:", '  "3": {survey: {A: 40, B: 50, C: 10, D: 0, E: 5}}\nadjustments:')
    Path("out/so-noi-vu.yaml").write_text(with_survey, encoding="utf-8")
    _, mine, _ = run_english("score", "out/so-noi-vu.yaml", "-f", "json")
    _, theirs, _ = run_english("score", str(SPEC / "so-noi-vu.yaml"), "-f", "json")
    assert json.loads(mine)["index"] == json.loads(theirs)["index"] == 79


def test_the_wide_shape_from_a_workbook_with_other_columns_noted(write: Write) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Agency id", "Agency name", "Group", "1.1.1", "1.1.2", "1.2", "1.3", "2.1", "2.2", "Tổng"])
    sheet.append([1, "so-noi-vu", "Sở Nội vụ", "so-nganh", "on-time", 0.9, True, 1, 0.9, 2, 12])
    sheet["F2"].number_format = "0%"
    sheet["I2"].number_format = "0%"
    book.save("wide.xlsx")
    write("criteria.yaml", CRITERIA)
    code, _, err = run("import", "wide.xlsx", "--criteria", "spec-example-2024", "-o", "out", "--lang", "en")
    assert code == 0, err
    assert err == "note: columns left out: STT, Tổng\nnote: 1 assessment file written to out\n"
    written = Path("out/so-noi-vu.yaml").read_text(encoding="utf-8")
    assert '  "1.1.2": {self: 90}' in written and '  "2.1": {self: 90}' in written
    assert run("check", "out")[0] == 0


def test_every_bad_row_is_reported_and_nothing_is_written(write: Write) -> None:
    text = "Mã cơ quan;Tên cơ quan;1.1.1;1.1.2;1.3;2.1;2.2\nso-y-te;Sở Y tế;muộn;105;-1;1,250;KPS\n;Sở X;on-time;90;1;90;2\n"
    code, err = imported(write, "wide.csv", text)
    assert code == 1
    assert err.splitlines() == [
        "wide.csv:2:1.1.1: error A003: 1.1.1: unknown level 'muộn'; expected one of: on-time, late, none",
        "wide.csv:2:1.1.2: error A003: 1.1.2: percentage 105 is outside 0–100",
        "wide.csv:2:1.3: error A003: 1.3: a count of violations cannot be negative, got −1",
        "wide.csv:2:2.1: error Y005: '1,250' has a decimal comma (hint: write 1.25, or 1250 without a separator)",
        "wide.csv:2:2.2: error A004: 2.2 cannot be declared not applicable (hint: only criteria with allow_na: true may be N/A)",
        "wide.csv:3:Mã cơ quan: error S001: a row without an agency id",
    ]
    assert not Path("out").exists() or not list(Path("out").iterdir())
    _, vietnamese = imported(write, "wide.csv", text, "--lang", "vi")
    assert vietnamese.splitlines()[1] == "wide.csv:2:1.1.2: lỗi A003: 1.1.2: tỷ lệ 105 nằm ngoài 0–100"


def test_existing_files_are_kept_without_force_and_titles_can_be_mapped(write: Write) -> None:
    assert imported(write, "long.csv", LONG)[0] == 0
    before = Path("out/so-noi-vu.yaml").read_bytes()
    code, err = imported(write, "long.csv", LONG.replace("95,90", "80,80"))
    assert code == 2 and err.startswith("out/so-noi-vu.yaml: error U003: exists already")
    assert Path("out/so-noi-vu.yaml").read_bytes() == before
    renamed = LONG.replace("Tự đánh giá", "Điểm tự chấm")
    code, err = imported(write, "renamed.csv", renamed, "--map", "Điểm tự chấm=self", "--force")
    assert code == 0, err
    assert "self: 95" in Path("out/so-noi-vu.yaml").read_text(encoding="utf-8")


def test_an_output_folder_that_cannot_be_made_is_one_line(write: Write, tmp_path: Path) -> None:
    write("t.csv", "Mã cơ quan,Tên cơ quan,Mã,Tự đánh giá\na,Xã A,1.1.2,Có\n")  # a table par reads: then the folder
    (tmp_path / "file").write_text("", encoding="utf-8")
    target = tmp_path / "file" / "out"  # under a file: no folder can be made there
    code, out, err = run_english("import", "t.csv", "--criteria", "mau-so-nganh", "-o", str(target))
    assert (code, out) == (1, ""), err
    assert err.startswith(f"{target}: error F003: cannot write the file: "), err


POINTS_CRITERIA = CRITERIA.replace("rule: {kind: count, per: 0.5}", "rule: {kind: points, step: 0.25}")
TITLE_BLOCK: list[list[object]] = [
    ["BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, THẨM ĐỊNH CHỈ SỐ CCHC NĂM 2024"],
    ["(Kèm theo Báo cáo số 15/BC-HĐTĐ ngày 20/01/2025)"],
    [],
    ["STT", "Mã cơ quan", "Tên cơ quan", "Mã tiêu chí", "Tự đánh giá", "Điểm tự chấm", "Điểm thẩm định", "Lý do"],
    [1, "so-noi-vu", "Sở Nội vụ", "1.1.2", 95, 2, None, None],
    [2, "so-noi-vu", "Sở Nội vụ", "2.2", None, 1.5, 1, "Chỉ 2 thủ tục được công bố"],
]


def _office_book(path: str, rows: list[list[object]]) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("A1:H1")
    book.save(path)


def _libreoffice_copy(source: Path, folder: Path) -> Path:
    """The workbook as LibreOffice saves it (its own writer, not openpyxl's)."""
    import shutil
    import subprocess

    import pytest

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    profile = f"-env:UserInstallation=file://{folder}/profile"
    subprocess.run(
        [soffice, "--headless", profile, "--convert-to", "xlsx", "--outdir", str(folder / "lo"), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return folder / "lo" / source.name


def test_office_titles_below_a_title_block_are_read(write: Write, tmp_path: Path) -> None:
    """The council's summary as offices make it: a title block above the header, `Mã tiêu chí`, `Điểm tự chấm`
    (points: the input of a `points` criterion), `Điểm thẩm định`, `Lý do`; saved by openpyxl and by LibreOffice."""
    write("criteria.yaml", POINTS_CRITERIA)
    _office_book("office.xlsx", TITLE_BLOCK)
    for book in (Path("office.xlsx"), _libreoffice_copy(Path("office.xlsx").resolve(), tmp_path)):
        code, _, err = run_english("import", str(book), "--criteria", "criteria.yaml", "-o", "out", "--force")
        assert (code, err) == (0, "note: columns left out: STT\nnote: 1 assessment file written to out\n")
        written = Path("out/so-noi-vu.yaml").read_text(encoding="utf-8")
        assert '  "1.1.2": {self: 95}' in written  # the data kept; its points (2) are what par computes
        assert '  "2.2": {self: 1.5, appraised: 1, reason: "Chỉ 2 thủ tục được công bố"}' in written


def test_points_where_the_criterion_takes_data_are_refused_at_the_cell(write: Write) -> None:
    text = "Mã cơ quan,Tên cơ quan,Mã tiêu chí,Điểm tự đánh giá,Điểm thẩm định\nso-a,A,1.1.2,2,1\nso-a,A,2.2,1,\n"
    code, err = imported(write, "points.csv", text)
    assert code == 1
    assert err.splitlines() == [
        "points.csv:2:Điểm tự đánh giá: error A003: 1.1.2: this column holds points, but the criterion is scored"
        " from its data (tiers): par computes the points (hint: put the data in a column titled 'Tự đánh giá' (or"
        " name its column: --map 'TITLE=self'))",
        "points.csv:2:Điểm thẩm định: error A003: 1.1.2: this column holds points, but the criterion is scored"
        " from its data (tiers): par computes the points (hint: put the data in a column titled 'Thẩm định' (or"
        " name its column: --map 'TITLE=appraised'))",
        "points.csv:3:Điểm tự đánh giá: error A003: 2.2: this column holds points, but the criterion is scored"
        " from its data (count): par computes the points (hint: put the data in a column titled 'Tự đánh giá' (or"
        " name its column: --map 'TITLE=self'))",
    ]
    assert not Path("out").exists() or not list(Path("out").iterdir())


def test_a_table_whose_values_par_cannot_find_is_refused_naming_map(write: Write) -> None:
    """Before: files with no self values were written and par exited 0."""
    text = "Đơn vị báo cáo: Sở Nội vụ\n\nMã cơ quan,Tên cơ quan,Mã,Kết quả tự đánh giá,Ghi chú\nso-a,A,1.1.2,95,\nso-a,A,1.2,Có,\n"
    code, err = imported(write, "unknown.csv", text)
    assert code == 1
    assert err == (
        "unknown.csv:3: error S001: no row carries a self-assessed or appraised value (columns read: Mã cơ quan,"
        " Tên cơ quan, Mã; left out: Kết quả tự đánh giá, Ghi chú) (hint: name the column that holds them: --map 'TITLE=self' (or"
        " appraised, first_appraisal))\n"
    )
    assert not Path("out").exists() or not list(Path("out").iterdir())
    code, err = imported(write, "unknown.csv", text, "--map", "Kết quả tự đánh giá=self", "--map", "Ghi chú=reason")
    assert (code, err) == (0, "note: 1 assessment file written to out\n")


def test_a_council_round_and_its_reason_are_carried(write: Write) -> None:
    text = (
        "Mã cơ quan,Tên cơ quan,Mã,Tự đánh giá,Thẩm định lần 1,Thẩm định,Ý kiến Hội đồng\n"
        "so-a,Sở A,1.1.2,95,70,80,Thiếu báo cáo quý\n"
    )
    code, err = imported(write, "rounds.csv", text, "--map", "Ý kiến Hội đồng=reason")
    assert (code, err) == (0, "note: 1 assessment file written to out\n")
    written = Path("out/so-a.yaml").read_text(encoding="utf-8")
    assert '  "1.1.2": {self: 95, first_appraisal: 70, appraised: 80, reason: "Thiếu báo cáo quý"}' in written
    assert run_english("check", "out/so-a.yaml")[0] == 0


def test_a_decimal_comma_in_a_semicolon_table_is_read(write: Write) -> None:
    """What Excel writes in a Vietnamese locale (BOM, `;`, CRLF, `97,5`): before, refused (Y005) with a hint that
    cannot be followed in a CSV file. A comma in a comma-separated file still parts cells."""
    text = "\ufeffMã cơ quan;Tên cơ quan;1.1.2;2.1\r\nso-a;Sở A;97,5;99,5 %\r\nso-b;Sở B, Tỉnh X;80;90\r\n"
    write("criteria.yaml", CRITERIA)
    Path("semi.csv").write_bytes(text.encode("utf-8"))
    code, _, err = run_english("import", "semi.csv", "--criteria", "criteria.yaml", "-o", "out")
    assert (code, err) == (0, "note: 2 assessment files written to out\n")
    assert '"1.1.2": {self: 97.5}' in Path("out/so-a.yaml").read_text(encoding="utf-8")
    assert '"2.1": {self: 99.5}' in Path("out/so-a.yaml").read_text(encoding="utf-8")
    assert 'name: "Sở B, Tỉnh X"' in Path("out/so-b.yaml").read_text(encoding="utf-8")


def test_a_column_titled_with_a_code_the_set_lacks_is_refused_not_left_out(write: Write) -> None:
    """Try-out: a mistyped `1.1.22` column was only 'left out' in a note and its figures lost (exit 0). A title
    written like a criterion code, over figures, is now an error at its title, with the closest code."""
    code, err = imported(write, "wide.csv", "Agency id;1.1.1;1.1.22;Ghi chú 2.1\nso-noi-vu;on-time;1;x\n")
    assert (code, err) == (
        1,
        "wide.csv:1:1.1.22: error A001: no criterion '1.1.22' in spec-example-2024 (hint: did you mean '1.1.2'?)\n",
    )
    assert not Path("out").exists() or not any(Path("out").iterdir())  # nothing written
    code, err = imported(
        write, "empty.csv", "Agency id;Agency name;1.1.1;9.9\nso-noi-vu;Sở Nội vụ;on-time;\n"
    )  # an empty column: noted
    assert code == 0 and "columns left out: 9.9" in err
