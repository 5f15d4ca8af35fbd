"""The cells of an .ods workbook that LibreOffice keeps as percentages (`office:value-type="percentage"`).

calamine reads an .ods cell's value only: `95%` typed in LibreOffice is stored as 0.95, and read as 0.95 it
would score 0,95 %. LibreOffice says in the cell itself that the value is a percentage; this reads that, as an
.xlsx cell's percent number format is read (`readers.form_cells.percent_scale`).

`content.xml` is streamed from the zip through a pull parser, by pieces, never held whole, and read no further
than `MAX_BYTES` (a zip bomb costs no more than that); a document type declaration (entities) is not read at all.
What cannot be read this way gives no percentage cell: the values are then read as calamine gives them.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO, Any
from xml.etree.ElementTree import ParseError, XMLPullParser

CHUNK = 1 << 20
MAX_BYTES = 256 << 20  # content.xml read at most this far (uncompressed)
MAX_CELLS = 1 << 20  # percentage cells noted at most (a repeated range beyond it is not a form's)
MAX_ROW, MAX_COLUMN = 1_048_576, 16_384
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_NAME, _ROWS = f"{{{_TABLE}}}name", f"{{{_TABLE}}}number-rows-repeated"
_COLUMNS = f"{{{_TABLE}}}number-columns-repeated"
_ROW, _CELLS = f"{{{_TABLE}}}table-row", (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")
_SHEET, _VALUE_TYPE = f"{{{_TABLE}}}table", f"{{{_OFFICE}}}value-type"


def _count(text: str | None) -> int:
    try:
        return max(1, int(text or "1"))
    except ValueError:
        return 1


def percentage_cells(path: Path) -> dict[str, set[tuple[int, int]]]:
    """Sheet name → (row, column), 1-based, of each cell whose value is a percentage."""
    found: dict[str, set[tuple[int, int]]] = {}
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as stream:
            _read(stream, found)
    except (OSError, KeyError, ParseError, zipfile.BadZipFile, RuntimeError, EOFError, ValueError):
        return found
    return found


def _read(stream: IO[bytes], found: dict[str, set[tuple[int, int]]]) -> None:
    parser: Any = XMLPullParser(events=("start", "end"))
    sheet: set[tuple[int, int]] | None = None
    row = rows = column = depth = read = cells = 0  # depth: inside a cell (a sub-table's rows are not the sheet's)
    first = True
    while read < MAX_BYTES:
        chunk = stream.read(CHUNK)
        if not chunk:
            break
        if first and b"<!DOCTYPE" in chunk[:4096].upper():
            return
        first, read = False, read + len(chunk)
        parser.feed(chunk)
        for event, item in parser.read_events():
            element: Any = item  # an element: only start and end events are asked for
            tag = element.tag
            if event == "start" and tag == _SHEET and depth == 0:
                sheet = found.setdefault(element.get(_NAME, ""), set())
                row = 0
            elif tag == _ROW and depth == 0:
                if event == "start":
                    column, rows = 0, _count(element.get(_ROWS))
                else:
                    row += _count(element.get(_ROWS))
                    element.clear()
            elif tag in _CELLS:
                if event == "start":
                    depth += 1
                    if depth == 1:
                        span = _count(element.get(_COLUMNS))
                        if element.get(_VALUE_TYPE) == "percentage" and sheet is not None:
                            for r in range(row + 1, min(row + rows, MAX_ROW) + 1):
                                for c in range(column + 1, min(column + span, MAX_COLUMN) + 1):
                                    if cells >= MAX_CELLS:
                                        return
                                    sheet.add((r, c))
                                    cells += 1
                        column += span
                else:
                    depth -= 1
            elif event == "end" and depth == 0:
                element.clear()
