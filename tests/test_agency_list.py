"""The province's list of agencies (`par template --agencies`) as hostile hands send it: the list never lost to
a form, control characters, CSV files a sniffer misreads, and the list's quirks (a title twice, a second sheet,
ids that cannot name a form's file)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook, load_workbook

from tests.conftest import SPEC, Write, run, run_english

HEADER = "STT;Mã cơ quan;Tên cơ quan;Nhóm"


def forms(name: str, *more: str) -> tuple[int, str]:
    code, _, err = run(
        "template", "mau-so-nganh", "--agencies", name, "-f", "xlsx", "-o", "forms", "--lang", "en", *more
    )
    return code, err


def test_a_form_never_replaces_the_list_it_is_made_from_even_with_force(write: Write) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Mã cơ quan", "Tên cơ quan"])
    sheet.append(["ds", "Danh sách"])
    sheet.append(["so-a", "Sở A"])
    book.save("ds.xlsx")
    before = Path("ds.xlsx").read_bytes()
    code, _, err = run_english("template", "mau-so-nganh", "--agencies", "ds.xlsx", "-f", "xlsx", "-o", ".", "--force")
    assert code == 2 and err.startswith("ds.xlsx: error U003: --output is one of the files read")
    assert Path("ds.xlsx").read_bytes() == before
    assert not Path("so-a.xlsx").exists()  # nothing written


def test_an_import_never_replaces_the_criteria_it_reads_even_with_force(write: Write) -> None:
    write("out/so-noi-vu.yaml", (SPEC / "criteria.yaml").read_text(encoding="utf-8"))
    before = Path("out/so-noi-vu.yaml").read_bytes()
    write("t.csv", "Mã cơ quan,Tên cơ quan,Nhóm,Năm,Mã,Tự đánh giá\nso-noi-vu,Sở Nội vụ,so-nganh,2024,1.2,Có\n")
    code, _, err = run_english("import", "t.csv", "--criteria", "out/so-noi-vu.yaml", "-o", "out", "--force")
    assert code == 2 and "out/so-noi-vu.yaml: error U003" in err
    assert Path("out/so-noi-vu.yaml").read_bytes() == before


def test_a_control_character_in_the_list_is_refused_at_its_cell(write: Write) -> None:
    write("ds.csv", f"{HEADER}\n1;so-a;A\x01\x1b[31m;so-nganh\n2;so\x07b;B;so-nganh\n")
    code, err = forms("ds.csv")
    assert code == 1
    assert err.splitlines() == [
        "ds.csv:2:Tên cơ quan: error S001: a control character in this cell ('A\\x01\\x1b[31m'):"
        " retype the text without it",
        "ds.csv:3:Mã cơ quan: error S001: a control character in this cell ('so\\x07b'): retype the text without it",
    ]
    assert not Path("forms").exists()


def test_a_workbook_never_crashes_on_a_control_character_it_writes_it_out(write: Write) -> None:
    write(
        "set.yaml",
        'kind: criteria\nid: ctl\ntitle: "Bộ\\x1b[31m"\nlanguage: vi\nareas:\n'
        '  - {code: "1", title: "Lĩnh vực\\x01", max: 2, children: [{code: "1.1", title: "K\\x1b", max: 2,'
        " rule: {kind: check}}]}\n",
    )
    code, _, err = run("template", "set.yaml", "-f", "xlsx", "-o", "form.xlsx")
    assert code == 0, err
    sheet = load_workbook("form.xlsx").worksheets[1]
    assert [sheet.cell(r, 2).value for r in (2, 3)] == [
        "Lĩnh vực\\x01",
        "K\\x1b",  # indented by the cell's alignment, not spaces
    ]  # written out, indented as a leaf is


def made(name: str) -> list[str]:
    code, err = forms(name)
    assert code == 0, err
    return sorted(p.name for p in Path("forms").iterdir())


def test_the_delimiter_is_the_headers_whatever_lines_follow(write: Write) -> None:
    write("blank.csv", f"\n{HEADER}\n\n1;so-a;A;so-nganh\n\n;;;\n2;so-b;B, C;so-nganh\n\n\n")
    assert made("blank.csv") == ["so-a.xlsx", "so-b.xlsx"]
    write("short.csv", f"{HEADER}\n1;so-c\n")
    assert made("short.csv") == ["so-a.xlsx", "so-b.xlsx", "so-c.xlsx"]
    write("long.csv", f"{HEADER};;;\n1;so-d;{'N' * 100_000};so-nganh\n")
    assert made("long.csv")[-1] == "so-d.xlsx"


def test_a_csv_file_with_old_mac_line_ends_is_read(write: Write) -> None:
    Path("mac.csv").write_bytes(f'{HEADER}\r1;so-a;"Sở\rA";so-nganh\r2;so-b;B;so-nganh\r'.encode())
    assert made("mac.csv") == ["so-a.xlsx", "so-b.xlsx"]
    name = load_workbook("forms/so-a.xlsx").worksheets[0].cell(2, 2).value
    assert name == "Sở\nA"  # a line break in a quoted cell stays one


def test_the_lists_quirks_are_refused_at_their_cell(write: Write) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Mã cơ quan", "Tên cơ quan"])
    for row in (["so-a", "A"], [True, "B"], [1.5, "C"], ["CON", "D"], ["nul", "E"], ["COM1", "F"], ["aux.txt", "G"]):
        sheet.append(row)
    sheet.append(["x" * 101, "H"])
    sheet.append([7, "I"])  # a whole number is a code typed as a number: kept
    book.save("ds.xlsx")
    code, err = forms("ds.xlsx")
    assert code == 1
    assert err.splitlines() == [
        "ds.xlsx:3:Mã cơ quan: error S001: agency id True is a number or a true/false cell, not text:"
        " type the id as text",
        "ds.xlsx:4:Mã cơ quan: error S001: agency id 1.5 is a number or a true/false cell, not text:"
        " type the id as text",
        *(
            f"ds.xlsx:{r}:Mã cơ quan: error S001: agency id '{id}' cannot name a file on Windows (a device name):"
            " choose another id"
            for r, id in ((5, "CON"), (6, "nul"), (7, "COM1"), (8, "aux.txt"))
        ),
        "ds.xlsx:9:Mã cơ quan: error S001: agency id of 101 characters: at most 100, for it names the agency's"
        " form file",
    ]
    assert not Path("forms").exists()


def test_a_title_twice_or_agencies_on_a_second_sheet_are_refused(write: Write) -> None:
    write("ds.csv", "STT;Mã cơ quan;Agency id;Nhóm\n1;so-a;so-b;so-nganh\n")
    code, err = forms("ds.csv")
    assert (code, err) == (
        1,
        "ds.csv:1:Agency id: error S001: column 'Agency id' is given twice (also column 2): keep one\n",
    )
    book = Workbook()
    first = book.active
    assert first is not None
    first.append(["Mã cơ quan"])
    first.append(["so-a"])
    second = book.create_sheet("Huyện")
    second.append(["Danh sách huyện"])
    second.append(["STT", "Mã cơ quan"])
    second.append([1, "huyen-a"])
    book.create_sheet("Ghi chú").append(["Không có mã"])
    book.save("ds.xlsx")
    code, err = forms("ds.xlsx")
    assert (code, err) == (
        1,
        "ds.xlsx:Huyện!B2: error S001: sheet 'Huyện' also has a column Mã cơ quan, but only the first sheet is read:"
        " move its agencies to the first sheet\n",
    )


def test_a_ranking_workbook_names_a_sheet_after_any_group(write: Write) -> None:
    write(
        "2024/criteria.yaml",
        'kind: criteria\nid: set-2024\ntitle: "Bộ"\nareas:\n  - {code: "1", title: Một, max: 60}\n',
    )
    write(
        "2024/a.yaml",
        'kind: assessment\ncriteria: set-2024\nagency: {id: a, name: "Sở\\x1b[31m A", group: "sở:ngành\\x01 [1]"}\n'
        "period: 2024\nanswers: {'1': 50}\n",
    )
    write("office.yaml", 'kind: office\ngroups: [{id: "sở:ngành\\x01 [1]", label: "sở:ngành\\x01 [1]"}]\n')  # its label
    code, _, err = run("rank", "2024", "-f", "xlsx", "-o", "rank.xlsx")
    assert code == 0, err
    book = load_workbook("rank.xlsx")
    assert book.sheetnames == ["1 sở-ngành-x01 -1-"]  # `\\` cannot name a sheet either
    assert book.worksheets[0].cell(3, 2).value == "Sở\\x1b[31m A"


def _libreoffice(source: str, kind: str) -> None:
    import shutil
    import subprocess

    import pytest

    if shutil.which("soffice") is None:
        pytest.skip("needs LibreOffice (soffice) to save the list as .ods/.xls")
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{Path('profile').resolve()}",  # a profile of its own: never blocked
            "--headless",
            "--infilter=CSV:59,34,76,1",
            "--convert-to",
            kind,
            source,
        ],
        capture_output=True,
        timeout=180,
    )
    assert done.returncode == 0


def test_a_list_saved_by_libreoffice_as_ods_or_xls_makes_the_same_forms(write: Write) -> None:
    write("ds.csv", HEADER + "\n1;so-a;Sở A;so-nganh\n2;so-b;Sở B;so-nganh\n")
    for kind in ("ods", "xls"):
        _libreoffice("ds.csv", kind)
        code, err = forms(f"ds.{kind}", "-o", f"forms-{kind}")
        assert code == 0, err
        assert sorted(p.name for p in Path(f"forms-{kind}").iterdir()) == ["so-a.xlsx", "so-b.xlsx"]


def test_an_import_of_an_ods_table_is_refused_saying_what_to_do_and_a_missing_table_is_named(write: Write) -> None:
    write("bang.csv", "Mã cơ quan;1.1\nso-a;1\n")
    _libreoffice("bang.csv", "ods")
    code, _, err = run("import", "bang.ods", "-c", "mau-so-nganh", "-o", "out", "--lang", "en")
    assert (code, err) == (
        1,
        "bang.ods: error F005: par import reads a .xlsx workbook or a CSV file, not .ods: which cells are"
        " percentages cannot be read from it (hint: save it as .xlsx (File › Save As › Excel 2007-365) or as CSV,"
        " and import that)\n",
    )
    code, _, err = run("import", "nowhere.csv", "-c", "mau-so-nganh", "-o", "out", "--lang", "en")
    assert (code, err) == (1, "nowhere.csv: error F001: no such file\n")
    assert not Path("out").exists() or not any(Path("out").iterdir())


def test_a_list_whose_id_column_is_titled_without_accents_shows_its_titles(write: Write) -> None:
    """Try-out: `Ma co quan` (typed without its accents) gave only 'no column …': the hint now shows the header."""
    write("ds.csv", "STT;Ma co quan;Ten co quan\n1;so-a;So A\n")
    code, err = forms("ds.csv")
    assert (code, err) == (
        1,
        "ds.csv:1:1: error S001: no column Mã cơ quan / Agency id in the header (hint: its header has: STT, Ma co"
        " quan, Ten co quan; title the agencies' ids column exactly 'Mã cơ quan' (with its accents) or 'Agency id')\n",
    )
