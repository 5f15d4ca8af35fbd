"""Hostile workbooks (issue 25): numbers a cell's XML may hold that no figure can be (`1e400`, NaN, 35 digits),
and sheets whose size is a lie (one formatted empty cell in row 1,048,576; a `<dimension>` of A1:A1 or
A1:XFD1048576). Built by editing the XML inside real workbooks, since openpyxl normalises what it writes.
Every workbook reader is covered: assessment forms, `par import`, `par survey tally`, `par criteria import`.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import column_index_from_string

from tests.conftest import ROOT, Write, run, run_english
from tests.test_xlsx import fill, form

FAR = '<row r="1048576"><c r="XFD1048576" s="0"/></row></sheetData>'  # one formatted empty cell, far away


def edit(path: Path, change: Callable[[str], str], member: str = "xl/worksheets/sheet") -> Path:
    """`path` with `change` made to the XML of each member whose name starts with `member`."""
    with zipfile.ZipFile(path) as source:
        items = [(item, source.read(item.filename)) for item in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item, data in items:
            target.writestr(item, change(data.decode()).encode() if item.filename.startswith(member) else data)
    return path


def far(xml: str) -> str:
    return xml.replace("</sheetData>", FAR).replace("<sheetData/>", "<sheetData>" + FAR)


def dimension(ref: str) -> Callable[[str], str]:
    return lambda xml: re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="{ref}"/>', xml)


@pytest.fixture
def loaded(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Every workbook the readers load (to count the cells they made)."""
    books: list[Any] = []
    real = load_workbook

    def load(*args: Any, **kwargs: Any) -> Any:
        books.append(real(*args, **kwargs))
        return books[-1]

    monkeypatch.setattr(openpyxl, "load_workbook", load)
    yield books


def most_cells(books: list[Any]) -> int:
    """The most cells a loaded sheet came to hold: a reader that walks every coordinate up to the furthest
    one makes a cell for each (a sheet read streaming, read-only, holds none: its rows are the cleaned ones)."""
    return max(len(getattr(sheet, "_cells", ())) for book in books for sheet in book.worksheets)


def filled(write: Write) -> Path:
    path = fill(form(write), ("so-noi-vu", "Sở Nội vụ", "so-nganh"), {"1.1.1": ("on-time",), "1.3": (1,)}, {})
    return path


def cell(path: Path, sheet: str, ref: str, value: str) -> Path:
    """The cell's stored value replaced by `value` as it stands in the XML (a number cell)."""
    number = list(load_workbook(path).sheetnames).index(sheet) + 1
    pattern = re.compile(rf'<c r="{ref}"([^>]*?)(?:/>|>.*?</c>)')

    def change(xml: str) -> str:
        found = pattern.search(xml)
        assert found, ref
        attributes = re.sub(r' t="[^"]*"', "", found.group(1))
        return xml[: found.start()] + f'<c r="{ref}"{attributes} t="n"><v>{value}</v></c>' + xml[found.end() :]

    return edit(path, change, f"xl/worksheets/sheet{number}.xml")


FIGURES = [
    ("1e400", "'1e400' is not a usable number (hint: give a finite number)"),  # what the cell holds, not 'inf'
    ("-1E400", "'-1E400' is not a usable number (hint: give a finite number)"),
    ("NaN", "'NaN' is not a usable number (hint: give a finite number)"),  # openpyxl refused the whole file
    ("Infinity", "'Infinity' is not a usable number (hint: give a finite number)"),
    ("12abc", "'12abc' is not a usable number (hint: give a finite number)"),
    (
        "1.5e-30",
        "'0.0000000000000000000000000000015' is out of range (hint: write a figure between 1e-15 and 1e15, at "
        "most 30 digits)",
    ),
    (
        "1e20",
        "'100000000000000000000' is out of range (hint: write a figure between 1e-15 and 1e15, at most 30 digits)",
    ),
    (
        "123456789012345678901234567890123",
        "'123456789012345678901234567890123' is out of range (hint: write a figure between 1e-15 and 1e15, at most "
        "30 digits)",
    ),
]


@pytest.mark.parametrize(("stored", "message"), FIGURES)
def test_a_number_no_figure_can_be_is_a_located_error_in_a_form(write: Write, stored: str, message: str) -> None:
    path = cell(filled(write), "Tiêu chí", "E7", stored)  # 1.3, a deduction
    code, out, err = run_english("check", str(path))
    assert (code, err) == (1, ""), err
    assert out.splitlines()[0] == f"form.xlsx:Tiêu chí!E7: error Y012: {message}"
    code, _, err = run_english("score", str(path), "--lang", "vi")
    assert code == 1 and err.startswith("form.xlsx:Tiêu chí!E7: lỗi Y012: ") and "gợi ý" in err


def test_minus_zero_huge_ids_and_booleans_in_number_cells_read_as_figures(write: Write) -> None:
    path = cell(filled(write), "Tiêu chí", "E7", "-0")
    path = cell(path, "Tiêu chí", "E6", "1")  # 1.2, a check, stored as a number: a boolean there is refused
    code, out, err = run_english("score", str(path), "-f", "json")
    assert code == 1 and "Tiêu chí!E6: error A003" in err
    path = cell(path, "Tiêu chí", "E6", "")  # an empty number cell: no answer
    code, out, err = run_english("explain", str(path), "1.3", "--lang", "en")
    assert code == 0, err
    assert "1.3" in out and "-0" not in out


def test_a_form_with_a_cell_in_row_1048576_is_read_from_the_cells_in_use(
    write: Write, loaded: list[Any], tmp_path: Path
) -> None:
    path = filled(write)
    _, clean, _ = run("score", str(path), "-f", "json")
    loaded.clear()
    edit(path, far)
    edit(path, dimension("A1:XFD1048576"))
    code, out, err = run("score", str(path), "-f", "json")
    assert (code, out, err) == (0, clean, "")
    assert most_cells(loaded) < 500  # not a cell for every row up to 1,048,576 (the sheet holds ~100)


def test_a_dimension_claiming_less_than_the_sheet_holds_is_ignored(write: Write) -> None:
    path = filled(write)
    _, clean, _ = run("score", str(path), "-f", "json")
    edit(path, dimension("A1:A1"))
    assert run("score", str(path), "-f", "json") == (0, clean, "")


def test_par_import_reads_the_cells_in_use_and_locates_a_number_out_of_range(write: Write, loaded: list[Any]) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Agency id", "Agency name", "Group", "1.1.1", "1.1.2", "1.2", "1.3", "2.1", "2.2"])
    sheet.append(["so-noi-vu", "Sở Nội vụ", "so-nganh", "on-time", 90, True, 1, 90, 2])
    book.save("wide.xlsx")
    write("criteria.yaml", (ROOT / "tests/spec_examples/criteria.yaml").read_text(encoding="utf-8"))
    edit(Path("wide.xlsx"), far)
    edit(Path("wide.xlsx"), dimension("A1:XFD1048576"))
    code, _, err = run_english("import", "wide.xlsx", "--criteria", "criteria.yaml", "-o", "out")
    assert (code, err) == (0, "note: 1 assessment file written to out\n")
    assert most_cells(loaded) < 100
    cell(Path("wide.xlsx"), "Sheet", "E2", "1e400")
    code, _, err = run_english("import", "wide.xlsx", "--criteria", "criteria.yaml", "-o", "out2")
    assert (code, err) == (
        1,
        "wide.xlsx:2:1.1.2: error Y012: '1e400' is not a usable number (hint: give a finite number)\n",
    )


def test_a_survey_tally_from_a_workbook_reads_the_cells_in_use(write: Write, loaded: list[Any], in_tmp: Path) -> None:
    example = ROOT / "examples/survey-2024"
    lines = (example / "responses.csv").read_text(encoding="utf-8").splitlines()
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for line in lines:
        sheet.append([value or None for value in line.split(",")])
    book.save("responses.xlsx")
    edit(Path("responses.xlsx"), far)
    assert (
        run_english("survey", "tally", str(example / "design.yaml"), str(example / "responses.csv"), "-o", "a.yaml")[0]
        == 0
    )
    code, _, err = run_english("survey", "tally", str(example / "design.yaml"), "responses.xlsx", "-o", "b.yaml")
    assert (
        code == 0 and err.startswith("responses.xlsx: info V014: 12 agencies in the responses") and err.count("\n") == 1
    )
    assert Path("b.yaml").read_text(encoding="utf-8") == Path("a.yaml").read_text(encoding="utf-8").replace(
        "responses.csv", "responses.xlsx"
    )
    assert most_cells(loaded) <= 6 * len(lines)


def test_criteria_import_reads_the_cells_in_use_and_refuses_a_date_no_calendar_holds(
    in_tmp: Path, loaded: list[Any]
) -> None:
    annex = in_tmp / "annex.xlsx"
    annex.write_bytes((ROOT / "tests/annexes/national.xlsx").read_bytes())
    Path("clean").mkdir()
    Path("far").mkdir()
    code, _, _ = run("criteria", "import", str(annex), "-o", "clean/criteria.yaml")
    assert code == 0
    edit(annex, far)
    edit(annex, dimension("A1:XFD1048576"))
    loaded.clear()
    code, _, _ = run("criteria", "import", str(annex), "-o", "far/criteria.yaml")
    assert code == 0 and most_cells(loaded) < 200
    clean, found = (Path(folder, "criteria.yaml").read_text(encoding="utf-8") for folder in ("clean", "far"))
    assert found == clean


def test_a_date_no_calendar_holds_is_refused_at_its_cell_not_a_traceback_nor_a_warning(write: Write) -> None:
    path = filled(write)
    book = load_workbook(path)
    book["Tiêu chí"]["E7"].number_format = "yyyy-mm-dd"
    book.save(path)
    cell(path, "Tiêu chí", "E7", "1e10")  # openpyxl makes it an error cell, #VALUE!
    code, out, err = run_english("check", str(path))
    assert (code, err) == (1, "")
    assert out.startswith("form.xlsx:Tiêu chí!E7: error A003: 1.3: ") and "#VALUE!" in out
    annex = Path("annex.xlsx")
    book = load_workbook(ROOT / "tests/annexes/national.xlsx")
    book.worksheets[0]["E1"].number_format = "yyyy-mm-dd"
    book.save(annex)
    cell(annex, book.sheetnames[0], "E1", "1e10")
    code, _, err = run_english("criteria", "import", str(annex), "-o", "c.yaml")
    assert code == 0 and "Warning" not in err


def formatted(rows: int, start: int, cells: int = 0) -> Callable[[str], str]:
    """`rows` formatted rows from row `start` on, as Excel writes them when whole rows or columns are formatted:
    `<row … s="1" customFormat="1"/>`, or with `cells` styled empty cells each (`<c r="D9" s="1"/>`)."""

    def change(xml: str) -> str:
        letters = "DEFGHIJK"[:cells]
        made = "".join(
            f'<row r="{r}" s="1" customFormat="1">' + "".join(f'<c r="{c}{r}" s="1"/>' for c in letters) + "</row>"
            if cells
            else f'<row r="{r}" s="1" customFormat="1"/>'
            for r in range(start, start + rows)
        )
        return xml.replace("</sheetData>", made + "</sheetData>")

    return change


def criteria_sheet(path: Path) -> str:
    number = list(load_workbook(path).sheetnames).index("Tiêu chí") + 1
    return f"xl/worksheets/sheet{number}.xml"


@pytest.mark.parametrize("cells", [0, 2])
def test_formatted_empty_rows_are_not_read(write: Write, loaded: list[Any], cells: int) -> None:
    """F4: a criteria sheet with 20,000 formatted empty rows (or rows of styled empty cells) reads as the form
    does: the same figures, and no sheet loaded holds more than its cells in use (openpyxl made an object of each
    row and cell: 35 s for a million rows)."""
    path = filled(write)
    _, clean, _ = run("score", str(path), "-f", "json")
    edit(path, formatted(20_000, 200, cells), criteria_sheet(path))
    loaded.clear()
    assert run("score", str(path), "-f", "json") == (0, clean, "")
    assert most_cells(loaded) < 500
    assert max(len(sheet.row_dimensions) for book in loaded for sheet in book.worksheets) < 500


def positionless(xml: str) -> str:
    """The sheet with `r` left out of every row and cell whose place follows from the one before (as some
    writers do): the row after the previous row, the cell after the previous cell."""
    last_row = 0

    def row(found: re.Match[str]) -> str:
        nonlocal last_row
        number = int(found.group(2))
        last_column = 0

        def cell(tag: re.Match[str]) -> str:
            nonlocal last_column
            column = column_index_from_string(tag.group(2))
            keep = column != last_column + 1
            last_column = column
            return tag.group(0) if keep else tag.group(1)

        body = re.sub(r'(<c) r="([A-Z]+)\d+"', cell, found.group(3))
        keep = number != last_row + 1
        last_row = number
        return (found.group(0)[: found.start(3) - found.start(0)] if keep else found.group(1)) + body

    return re.sub(r'(<row) r="(\d+)"([^>]*/>|.*?</row>)', row, xml, flags=re.DOTALL)


def test_rows_and_cells_that_do_not_say_their_place_keep_it(write: Write) -> None:
    """`r` is optional on a row and a cell: a row without one follows the row before, a cell the cell before.
    Dropping the empty ones (styled input cells) must not move the others: they are numbered first."""
    path = filled(write)
    _, clean, _ = run("score", str(path), "-f", "json")
    edit(path, positionless, criteria_sheet(path))
    xml = zipfile.ZipFile(path).read(criteria_sheet(path)).decode()
    assert re.search(r"<row[ >]", xml) and re.search(r"<c[ >]", xml) and '<c s="' in xml  # some cells lost r
    assert run("score", str(path), "-f", "json") == (0, clean, "")


def merged(ref: str, far_value: bool = False) -> Callable[[str], str]:
    """A `<mergeCell ref=…>` added to the sheet (and, with `far_value`, a value in its last cell XFD1048576)."""

    def change(xml: str) -> str:
        if far_value:
            xml = xml.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>')
        merge = f'<mergeCell ref="{ref}"/>'
        if "<mergeCells" in xml:
            return re.sub(r"(<mergeCells[^>]*>)", r"\1" + merge, xml)
        return xml.replace("</sheetData>", f"</sheetData><mergeCells>{merge}</mergeCells>")

    return change


def test_a_merged_range_over_empty_rows_is_not_made_cell_by_cell(write: Write, loaded: list[Any]) -> None:
    """openpyxl makes a cell for every position of a merged range: one over the formatted empty rows below the
    form (A200:Z100000, 2.6 million positions) is clipped to the cells in use, where it covers none."""
    path = filled(write)
    _, clean, _ = run("score", str(path), "-f", "json")
    edit(path, merged("A200:Z100000"), criteria_sheet(path))
    loaded.clear()
    assert run("score", str(path), "-f", "json") == (0, clean, "")
    assert most_cells(loaded) < 500


def test_a_merged_range_out_of_proportion_is_refused_at_its_place(write: Write) -> None:
    """`A1:XFD1048576` with a value in its last cell: clipping leaves 17 billion positions; refused, located."""
    path = filled(write)
    edit(path, merged("A1:XFD1048576", far_value=True), criteria_sheet(path))
    code, out, err = run("check", str(path))
    assert (code, err) == (1, "")
    assert out.splitlines()[0] == (
        "form.xlsx:Tiêu chí!A1: error F005: merged range A1:XFD1048576 covers 17179869184 cells, out of proportion to "
        "the 63 cells that hold a value (hint: unmerge these cells (Merge & Center) and save the workbook again)"
    )
    code, _, err = run("score", str(path), "--lang", "vi")
    assert code == 1 and err.startswith("form.xlsx:Tiêu chí!A1: lỗi F005: vùng gộp A1:XFD1048576 trải trên ")


def test_a_file_that_is_no_workbook_is_said_in_the_users_words(in_tmp: Path) -> None:
    """F005 and C023 say what the file is, never a Python exception's name (BadZipFile, OSError,
    PackageNotFoundError)."""
    Path("empty.xlsx").write_bytes(b"")
    Path("text.xlsx").write_text("Mã,Tiêu chí\n", encoding="utf-8")
    document = Path("document.xlsx")
    with zipfile.ZipFile(document, "w") as made:  # a Word document renamed
        made.writestr("[Content_Types].xml", "<Types/>")
        made.writestr("word/document.xml", "<document/>")
    Workbook().save("book.xlsx")
    Path("book.docx").write_bytes(Path("book.xlsx").read_bytes())
    Path("empty.docx").write_bytes(b"")
    code, out, _ = run("check", "empty.xlsx", "text.xlsx", "document.xlsx")
    assert code == 1
    assert out.splitlines()[:3] == [
        "document.xlsx: error F005: cannot be opened as an Excel workbook (a Word document (.docx) under another "
        "name, not an Excel workbook)",
        "empty.xlsx: error F005: cannot be opened as an Excel workbook (an empty file)",
        "text.xlsx: error F005: cannot be opened as an Excel workbook (not a zip file: the file is damaged or is "
        "not an Excel workbook)",
    ]
    code, out, _ = run("check", "empty.xlsx", "--lang", "vi")
    assert out.splitlines()[0] == "empty.xlsx: lỗi F005: không mở được như một sổ tính Excel (tệp rỗng)"
    for name, reason in (
        ("empty.docx", "an empty file"),
        ("book.docx", "an Excel workbook (.xlsx) under another name, not a Word document"),
        ("document.xlsx", "a Word document (.docx) under another name, not an Excel workbook"),
    ):
        code, _, err = run("criteria", "import", name, "-o", "c.yaml")
        assert (code, err) == (1, f"{name}: error C023: cannot read this annex ({reason})\n")
