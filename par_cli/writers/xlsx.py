"""A report's workbook: a sheet per `views.report.Sheet` (a title line, a header repeated on each printed page,
filters, frozen panes, cells the reader fills in, a footer line, hidden columns read back by programs). Text is
written as text; figures rounded once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.styles import Border, Font, Side
from openpyxl.utils import get_column_letter

from par_cli.views.report import Report, Sheet
from par_cli.writers.xlsx_cells import (
    BOLD,
    HEADING,
    INPUT,
    TOP,
    WRAP,
    _figures,
    _fit_height,
    _new_book,
    _number,
    _page,
    _save,
    _text,
    sheet_title,
)

MOVES = '"▲"0;"▼"0;"="'  # places moved: ▲3, ▼2, =

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet


def write(report: Report) -> bytes:
    book = _new_book()
    for sheet in report.sheets:
        _sheet(book.create_sheet(title=sheet_title(sheet.name)), sheet)
    return _save(book)


def _sheet(out: Worksheet, sheet: Sheet) -> None:
    top = 2 if sheet.title else 1  # the header's row
    if sheet.title:
        _text(out, 1, 1, sheet.title).font = Font(bold=True, size=13)
    for r, (name, item) in enumerate(sheet.lines, start=top):
        _text(out, r, 1, name).font = BOLD
        if item.places is None:
            _text(out, r, 2, item.value)
        else:
            out.cell(row=r, column=2, value=_number(item.value, item.places)).number_format = _figures(item.places)
    top += len(sheet.lines) + 1 if sheet.lines else 0
    for c, title in enumerate(sheet.header, start=1):
        cell = _text(out, top, c, title)
        cell.font, cell.fill = BOLD, HEADING
        if not sheet.plain:
            cell.alignment = WRAP
    if sheet.header_height is not None:
        out.row_dimensions[top].height = sheet.header_height
    for r, row in enumerate(sheet.rows, start=top + 1):
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
            if sheet.plain and item.wrap:
                cell.alignment = WRAP
            elif sheet.aligned and not sheet.plain:
                cell.alignment = WRAP if item.wrap else TOP
        wrapped = tuple((item.value, sheet.widths[c]) for c, item in enumerate(row) if item.wrap)
        if wrapped and not sheet.plain:
            _fit_height(out, r, wrapped)
    last = len(sheet.rows) + top
    if sheet.footer:
        _text(out, last + 2, 1, sheet.footer)
    out.freeze_panes = f"{get_column_letter(sheet.frozen + 1)}{top + 1}"
    for c, (title, texts) in enumerate(sheet.hidden, start=len(sheet.header) + 1):
        _text(out, top, c, title)
        for r, text in enumerate(texts, start=top + 1):
            _text(out, r, c, text)
        out.column_dimensions[get_column_letter(c)].hidden = True
    if sheet.ruled:
        _ruled(out, top, last, len(sheet.header))
    out.auto_filter.ref = f"A{top}:{get_column_letter(len(sheet.header))}{len(sheet.rows) + top}"
    _page(out, f"{top}:{top}", sheet.widths)


def _ruled(out: Worksheet, first: int, last: int, count: int) -> None:
    """Thin borders round every cell of rows `first`–`last`, columns 1–`count` (a sheet printed as it is)."""
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for row in out.iter_rows(min_row=first, max_row=last, max_col=count):
        for cell in row:
            cell.border = border
