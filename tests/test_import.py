"""`par import`: an office's export into one assessment file per agency, every bad row reported first."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook

from tests.conftest import SPEC, Write, run

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
    code, _, err = run("import", name, "--criteria", "criteria.yaml", "-o", "out", *more)
    return code, err


def test_the_long_shape_gives_the_same_figures_as_the_hand_written_file(write: Write) -> None:
    code, err = imported(write, "long.csv", LONG)
    assert (code, err) == (0, "note: 1 assessment file written to out\n")
    written = Path("out/so-noi-vu.yaml").read_text(encoding="utf-8")
    assert '  "1.1.1": {self: "on-time", evidence: ["Kế hoạch 01/KH-SNV ngày 05/01/2024"]}' in written
    assert '  "2.1": {self: {done: 190, total: 200}, appraised: {done: 180, total: 200}' in written
    with_survey = written.replace("adjustments:", '  "3": {survey: {A: 40, B: 50, C: 10, D: 0, E: 5}}\nadjustments:')
    Path("out/so-noi-vu.yaml").write_text(with_survey, encoding="utf-8")
    _, mine, _ = run("score", "out/so-noi-vu.yaml", "-f", "json")
    _, theirs, _ = run("score", str(SPEC / "so-noi-vu.yaml"), "-f", "json")
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
    write("t.csv", "id,name,code,self\na,Xã A,1.1,1\n")
    (tmp_path / "file").write_text("", encoding="utf-8")
    target = tmp_path / "file" / "out"  # under a file: no folder can be made there
    code, out, err = run("import", "t.csv", "--criteria", "mau-so-nganh", "-o", str(target))
    assert (code, out) == (1, ""), err
    assert err.startswith(f"{target}: error F003: cannot write the file: "), err
