"""A report's workbook: a sheet per `views.report.Sheet` (a title line, a header repeated on each printed page,
filters, frozen panes, cells the reader fills in, a footer line, hidden columns read back by programs). Text is
written as text; figures rounded once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter

from par_cli.views.report import Report, Sheet
from par_cli.writers.xlsx_cells import (
    BOLD,
    CENTRE,
    HEADING,
    INPUT,
    TITLE,
    TOP,
    WRAP,
    _figures,
    _fit_height,
    _new_book,
    _number,
    _page,
    _save,
    _text,
    fit_header,
    grid,
    lines_of,
    page_title,
    sheet_title,
)

MOVES = '"▲"0;"▼"0;"="'  # places moved: ▲3, ▼2, =

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet


def write(report: Report) -> bytes:
    book = _new_book()
    for sheet in report.sheets:
        _sheet(book.create_sheet(title=sheet_title(sheet.name)), sheet, report.title)
    return _save(book)


def _beside(widths: tuple[int, ...], names: list[str]) -> int:
    """The column a line's value goes in: the first whose left edge clears the longest name (the name, in column
    A, runs over the empty cells before it; in a narrow code column it was cut: `Tự đánh giá` as `Tự đánh gi`)."""
    need, room, column = max(map(len, names), default=0) + 2, 0, 1
    while column <= len(widths) and room < need:
        room += widths[column - 1]
        column += 1
    return max(column, 2)


def _long(value: object, widths: tuple[int, ...], column: int) -> bool:
    """Whether a text takes more than one line in its column (0-based)."""
    return isinstance(value, str) and column < len(widths) and lines_of(value, widths[column]) > 1


def _sheet(out: Worksheet, sheet: Sheet, heading: str) -> None:
    """The sheet as printed: the report's heading (its period) at the top of every page, the table with borders,
    its header repeated, words whole (a column as wide as its header's longest word), rows as tall as their
    text, fitted to the page's width."""
    top = 2 if sheet.title else 1  # the header's row
    widths = fit_header(sheet.header, sheet.widths)
    if sheet.title:
        _text(out, 1, 1, sheet.title).font = TITLE
    at = _beside(widths, [name for name, _ in sheet.lines])
    for r, (name, item) in enumerate(sheet.lines, start=top):
        _text(out, r, 1, name).font = BOLD
        if item.places is None:
            _text(out, r, at, item.value)
        else:
            out.cell(row=r, column=at, value=_number(item.value, item.places)).number_format = _figures(item.places)
    top += len(sheet.lines) + 1 if sheet.lines else 0
    for c, title in enumerate(sheet.header, start=1):
        cell = _text(out, top, c, title)
        cell.font, cell.fill = BOLD, HEADING
        cell.alignment = CENTRE
    _fit_height(out, top, tuple(zip(sheet.header, widths, strict=False)), bold=True)
    for r, row in enumerate(sheet.rows, start=top + 1):
        # a text longer than its column wraps (a name cut at the column's edge was printed cut: `Hội đồng nh`)
        wraps = [item.wrap or _long(item.value, widths, c) for c, item in enumerate(row)]
        tall = any(wraps)
        for c, item in enumerate(row, start=1):
            if item.value is None and (sheet.plain or not sheet.aligned):
                continue  # no cell
            if item.places is not None:
                cell = out.cell(row=r, column=c, value=_number(item.value, item.places))
                cell.number_format = _figures(item.places)
            elif isinstance(item.value, str):
                cell = _text(out, r, c, item.value)
            else:
                cell = out.cell(row=r, column=c, value=item.value)
            if item.moves:
                cell.number_format = MOVES
            if item.fill:
                cell.fill = INPUT
            if item.strong:
                cell.font = BOLD
            if wraps[c - 1]:
                cell.alignment = WRAP
            elif (sheet.aligned or tall) and not sheet.plain:
                cell.alignment = TOP  # a row of several lines: every cell at its top, beside the first line
        wrapped = tuple((str(item.value), widths[c]) for c, item in enumerate(row) if wraps[c] and item.value)
        if wrapped:
            _fit_height(out, r, wrapped)
    last = len(sheet.rows) + top
    if sheet.footer:
        _text(out, last + 2, 1, sheet.footer)
    for r, note in enumerate(sheet.notes, start=last + 2 + bool(sheet.footer)):
        _text(out, r, 1, note)
    out.freeze_panes = f"{get_column_letter(sheet.frozen + 1)}{top + 1}"
    for c, (title, texts) in enumerate(sheet.hidden, start=len(sheet.header) + 1):
        _text(out, top, c, title)
        for r, text in enumerate(texts, start=top + 1):
            _text(out, r, c, text)
        out.column_dimensions[get_column_letter(c)].hidden = True
    out.auto_filter.ref = f"A{top}:{get_column_letter(len(sheet.header))}{len(sheet.rows) + top}"
    grid(out, top, last, len(sheet.header))
    _page(out, f"{top}:{top}", widths)
    if not sheet.title:  # a title row says it already, on the first page
        page_title(out, [heading])
