"""`par import` streams a workbook's first sheet (`readers.sheet_stream`): the same table as the whole reading,
cell for cell, on the shapes offices send; the whole reading where only it locates a problem."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from par_cli.core.diagnostics import ParError
from par_cli.readers.tables import Table, _streamed, read_table
from tests.conftest import Write, run_english
from tests.test_import import CRITERIA, TITLE_BLOCK
from tests.test_workbook_limits import cell, dimension, edit, far


def _header(titles: list[str]) -> bool:
    return "Mã cơ quan" in titles or "Agency id" in titles


def _book(path: str, rows: list[list[object]], merge: str | None = None, formats: dict[str, str] | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    for ref, shown in (formats or {}).items():
        sheet[ref].number_format = shown
    later = book.create_sheet("Ghi chú")  # a later sheet: never read by an import
    later.append(["ghi chú"])
    book.save(path)
    return Path(path)


def _same(path: Path) -> Table:
    whole = read_table(path, _header)
    streamed = _streamed(path, str(path), _header)
    assert streamed is not None
    assert (streamed.file, streamed.header, streamed.rows, streamed.top) == (
        whole.file,
        whole.header,
        whole.rows,
        whole.top,
    )
    return streamed


def test_a_title_block_merged_cells_formats_dates_and_gaps_read_as_the_whole_reading(write: Write) -> None:
    rows: list[list[Any]] = [
        *TITLE_BLOCK,
        [3, "so-a", "Sở A", "1.1.2", 0.95, None, None, None],
        [],
        [4, "so-b", None, "2.1", "190/200", 2.5, True, datetime.datetime(2025, 1, 20)],
        [None, None, None, None, None, None, None, None, "outside the header"],
    ]
    table = _same(_book("office.xlsx", rows, "A1:H1", {"E7": "0%", "F8": "0.00%"}))
    assert table.top == 4 and table.header[1] == "Mã cơ quan"
    assert [number for number, _, _ in table.rows] == [5, 6, 7, 9]
    assert table.rows[2][2][4] is True  # the percent format is read


def test_a_header_on_row_one_and_a_table_no_header_is_found_in(write: Write) -> None:
    _same(_book("plain.xlsx", [["Agency id", "1.1.1"], ["so-a", "on-time"], ["so-b", 3]]))
    _same(_book("none.xlsx", [["a", "b"], [1, 2]]))


def test_number_cells_holding_no_figure_and_far_formatted_cells(write: Write) -> None:
    path = _book("odd.xlsx", [["Agency id", "1.1.2", "1.3"], ["so-a", 90, 1], ["so-b", 80, 2]])
    edit(path, far)
    edit(path, dimension("A1:XFD1048576"))
    cell(path, "Sheet", "B2", "1e400")
    cell(path, "Sheet", "C3", "12abc")
    table = _same(path)
    assert type(table.rows[0][1][1]).__name__ == "NotANumber"


def test_a_formula_with_its_value_is_streamed_one_never_computed_is_read_whole(write: Write) -> None:
    path = _book("formulas.xlsx", [["Agency id", "1.1.2"], ["so-a", 90]])
    edit(path, lambda xml: xml.replace('<c r="B2" t="n"><v>90</v></c>', '<c r="B2"><f>45*2</f><v>90</v></c>'))
    assert _same(path).rows[0][1] == ["so-a", 90]
    edit(path, lambda xml: xml.replace("<f>45*2</f><v>90</v>", "<f>45*2</f>"))
    assert _streamed(path, str(path), _header) is None  # the whole reading locates it
    write("criteria.yaml", CRITERIA)
    code, _, err = run_english("import", "formulas.xlsx", "--criteria", "criteria.yaml", "-o", "out")
    assert code == 1 and err.startswith("formulas.xlsx:Sheet!B2: error")


@pytest.mark.parametrize("content", [b"", b"not a zip", b"PK\x03\x04broken"])
def test_a_file_that_is_no_workbook_is_refused_by_the_whole_reading(write: Write, content: bytes) -> None:
    Path("bad.xlsx").write_bytes(content)
    assert _streamed(Path("bad.xlsx"), "bad.xlsx", _header) is None
    with pytest.raises(ParError):
        read_table(Path("bad.xlsx"), _header, True)
