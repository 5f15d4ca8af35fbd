"""Tables people send: the first sheet of a workbook (.xlsx, .ods, .xls), or a CSV file (UTF-8, with or without
BOM; comma, semicolon or tab), as a header and numbered rows (the header is row 1)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from par_cli.core.diagnostics import ParError
from par_cli.core.named_tuple import NamedTuple
from par_cli.io.output import reading
from par_cli.io.suffixes import BOOK_READERS, kind_of_suffix
from par_cli.readers.csv_text import TITLE_ROWS, HeaderTest, csv_rows, csv_stream
from par_cli.readers.files import display, not_a_file
from par_cli.readers.form_cells import uncomputed


class Table(NamedTuple):
    file: str
    header: list[str]
    rows: list[tuple[int, list[Any], list[bool]]]  # (row number, values, percent-formatted?)
    top: int = 1  # the header's row
    later_sheets: tuple[Any, ...] = ()  # a workbook's sheets after the first (`readers.workbooks.Sheet`), as read
    streamed: Iterator[tuple[int, list[Any], list[bool]]] | None = None  # a CSV file's rows as read (`lazy`)


def read_table(path: Path, is_header: HeaderTest | None = None, first_only: bool = False, lazy: bool = False) -> Table:
    """The first sheet of a workbook (.xlsx, .ods, .xls), or a CSV file (UTF-8, with or without BOM; comma,
    semicolon or tab).

    The header is row 1, or with `is_header` the first of the first 20 rows it accepts (a title block above the
    table, as offices write one, is skipped); rows above the header are not read. `first_only`: an .xlsx
    workbook's first sheet is streamed (`sheet_stream`), its later sheets not read. `lazy`: a CSV file's rows are
    `streamed`, made as they are iterated (`csv_text.csv_stream`: every problem raised first), `rows` empty."""
    name = display(path)
    reading(path)
    missing = not_a_file(path)
    if missing is not None:
        raise ParError([missing])
    if kind_of_suffix(path) in BOOK_READERS:
        from par_cli.readers.workbooks import open_book, refusal

        if first_only and kind_of_suffix(path) == "xlsx":
            streamed = _streamed(path, name, is_header)
            if streamed is not None:
                return streamed
        try:
            book = open_book(path)
        except Exception as exc:
            raise ParError([refusal(exc, path, name)]) from None
        sheet = book.sheets[0]
        used = sheet.rows  # the cells holding a value, never every coordinate up to the furthest one
        top = 1
        if is_header is not None:
            top = next((r for r in used if r <= TITLE_ROWS and is_header(_titles(used[r]))), 1)
        titles = used.get(top, {})
        width = max(titles, default=0)  # a column without a title is never read
        never = [  # a formula never computed (openpyxl writes none): its value is unknown, never read as empty
            uncomputed(name, sheet.title, cell.coordinate, cell.row, cell.column)
            for r, cells in used.items()
            if r >= top
            for c, cell in cells.items()
            if c <= width and cell.uncomputed
        ]
        if never:
            raise ParError(never)
        header = _titles(titles)
        rows: list[tuple[int, list[Any], list[bool]]] = []
        for r, cells in used.items():
            found = [cells.get(c) for c in range(1, width + 1)]
            if r > top and any(cell is not None for cell in found):
                values = [cell.value if cell is not None else None for cell in found]
                rows.append((r, values, [cell is not None and "%" in str(cell.number_format) for cell in found]))
        # (.ods and .xls cells carry no number format here: `par import` refuses them for that, see services.importing)
        return Table(name, header, rows, top, tuple(book.sheets[1:]))
    if lazy:
        header, each, top = csv_stream(path.read_bytes(), name, is_header)
        return Table(name, header, [], top, streamed=each)
    header, rows, top = csv_rows(path.read_bytes(), name, is_header)
    return Table(name, header, rows, top)


def _streamed(path: Path, name: str, is_header: HeaderTest | None) -> Table | None:
    """The first sheet's table, read row by row; None where it is to be read whole (`sheet_stream`), or where
    it cannot be read (the whole reading then says why, as it always has)."""
    from par_cli.readers.sheet_stream import first_sheet

    try:
        found = first_sheet(path)
        if found is None:
            return None
        _, stream = found
        head: dict[int, dict[int, Any]] = {}  # the rows a header is looked for in
        later: list[tuple[int, dict[int, Any]]] = []
        for r, cells in stream:
            if r <= TITLE_ROWS:
                head[r] = cells
            else:
                later.append((r, cells))
                break
        top = 1
        if is_header is not None:
            top = next((r for r in head if is_header(_titles(head[r]))), 1)
        titles = head.get(top, {})
        width = max(titles, default=0)  # a column without a title is never read
        rows: list[tuple[int, list[Any], list[bool]]] = []
        previous = 0
        for r, cells in _chained(head, later, stream):
            if r <= previous:  # rows out of order: read the usual way, in order
                return None
            previous = r
            if r > top and any(c <= width for c in cells):
                found_cells = [cells.get(c) for c in range(1, width + 1)]
                values = [cell.value if cell is not None else None for cell in found_cells]
                rows.append((r, values, [cell is not None and "%" in cell.number_format for cell in found_cells]))
    except Exception:  # a file openpyxl's read-only parser refuses: the usual reading words why, or reads it
        return None
    return Table(name, _titles(titles), rows, top)


def _chained(head: dict[int, Any], later: list[tuple[int, Any]], stream: Any) -> Any:
    yield from head.items()
    yield from later
    yield from stream


def _titles(cells: dict[int, Any]) -> list[str]:
    width = max(cells, default=0)
    return [
        str(cells[c].value).strip() if c in cells and cells[c].value is not None else "" for c in range(1, width + 1)
    ]
