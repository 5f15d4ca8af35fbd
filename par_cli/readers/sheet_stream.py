"""A workbook's first sheet streamed row by row (openpyxl's read-only parser): what a table of tens of thousands
of rows is read by, without openpyxl's cell objects for the whole sheet, twice (values and formulas).

The cells are the same as `workbooks.openpyxl_book` reads them: the sheet cut to the cells in use first
(`sheet_xml`: merged ranges clipped or refused, a number cell holding no finite number kept as its text), the
value last computed for a formula, the number format. A formula never computed (no value stored) is told only by
the formulas' reading: when the sheet holds one (or its rows are not in order), None is returned and the whole
workbook is read the usual way, which locates every such cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from par_cli.readers.workbooks import SheetCell

_P = rb"(?:[A-Za-z_][\w.-]*:)?"
# a formula with no value after it in its cell: `<f>…</f></c>`, `<f …/></c>`, `<f>…</f><v/></c>`
_UNCOMPUTED = re.compile(
    rb"(?:</"
    + _P
    + rb"f>|<"
    + _P
    + rb"f\b[^>]*/>)\s*(?:<"
    + _P
    + rb"v\s*/>|<"
    + _P
    + rb"v>\s*</"
    + _P
    + rb"v>)?\s*</"
    + _P
    + rb"c>"
)

CHUNK = 1 << 22  # the sheet's XML is scanned by pieces of 4 MiB, each after what follows the last cell closed
_CLOSE = re.compile(rb"</" + _P + rb"c>")
Rows = Iterator[tuple[int, dict[int, SheetCell]]]


def first_sheet(path: Path) -> tuple[str, Rows] | None:
    """The first worksheet's title and its rows in use (row → column → cell), streamed; None when the sheet
    holds a formula never computed or rows out of order (to be read whole). Raises as `workbooks.load` does."""
    import io
    import warnings

    from openpyxl import load_workbook

    from par_cli.readers.sheet_xml import cleaned

    book = cleaned(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loaded: Any = load_workbook(io.BytesIO(book.data), read_only=True, data_only=True)
    if not loaded.worksheets:
        return None
    sheet = loaded.worksheets[0]
    if _uncomputed(loaded._archive, sheet._worksheet_path):
        return None
    return sheet.title, _rows(loaded, sheet, book.odd.get(sheet.title, {}))


def _uncomputed(archive: Any, part: str) -> bool:
    """Whether the sheet's XML holds a formula never computed, read by pieces (the sheet is never held twice)."""
    tail = b""
    with archive.open(part) as source:
        while chunk := source.read(CHUNK):
            piece = tail + chunk
            if _UNCOMPUTED.search(piece):
                return True
            ends = [found.end() for found in _CLOSE.finditer(piece)]  # a match ends a cell: what follows the
            tail = piece[ends[-1] :] if ends else piece  # last cell closed is kept for the next piece
    return False


def _rows(loaded: Any, sheet: Any, odd: dict[tuple[int, int], str]) -> Rows:
    from openpyxl.cell.read_only import ReadOnlyCell
    from openpyxl.worksheet._reader import WorkSheetParser

    from par_cli.readers.sheet_xml import NotANumber

    formats: dict[int, str] = {}  # style → number format
    with sheet._get_source() as source:
        parser = WorkSheetParser(
            source,
            sheet._shared_strings,
            data_only=True,
            epoch=loaded.epoch,
            date_formats=loaded._date_formats,
            timedelta_formats=loaded._timedelta_formats,
        )
        for r, cells in parser.parse():
            found: dict[int, SheetCell] = {}
            for cell in sorted(cells, key=lambda cell: cell["column"]):
                value, c = cell["value"], cell["column"]
                if value is None:
                    continue
                if (r, c) in odd and cell["data_type"] == "s" and isinstance(value, str):
                    value = NotANumber(value)
                style = cell["style_id"]
                shown = formats.get(style)
                if shown is None:
                    shown = str(ReadOnlyCell(sheet, r, c, value, "n", style).number_format or "General")
                    formats[style] = shown
                found[c] = SheetCell(value, r, c, shown)
            if found:
                yield r, found
    loaded.close()
