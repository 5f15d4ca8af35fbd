"""What every workbook par writes shares: styles, text cells that never run as formulas, figures rounded once,
A4 landscape pages with their header repeated."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from par_cli.core.numbers import round_half_up

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

BOLD = Font(bold=True)
HEADING = PatternFill("solid", fgColor="DDE7F0")
INPUT = PatternFill("solid", fgColor="FFF6C8")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")


def _number(value: Fraction | Decimal | None, places: int) -> float | None:
    """A figure rounded half-up once, as the cell's number (Excel holds doubles; the format shows `places`)."""
    if value is None:
        return None
    return float(round_half_up(Fraction(value), places))


def _figures(places: int) -> str:
    return "0." + "0" * places if places else "0"


def cell_text(value: str) -> str:
    """Text as a cell may hold it: a control character (`\\x1b`, which a workbook cannot hold) written out as
    the terminal shows it (`words.literal.visible`), never a crash while the workbook is made."""
    from par_cli.words.literal import visible

    return visible(value)


def sheet_title(value: str) -> str:
    """A sheet's name from a file's text (a group): control characters written out (`cell_text`), the characters
    a sheet's name cannot hold (`\\ / * ? : [ ]`) as `-`, at most 31 characters."""
    return re.sub(r"[\\/*?:\[\]]", "-", cell_text(value))[:31]


def _text(sheet: Worksheet, row: int, column: int, value: str | None) -> Any:
    """Text from a file as a text cell: `=SUM(…)` in an agency's name stays text; a control character is written
    out (`cell_text`)."""
    cell = sheet.cell(row=row, column=column, value=cell_text(value) if isinstance(value, str) else value)
    if isinstance(value, str):
        cell.data_type = TYPE_STRING
    return cell


def _page(sheet: Worksheet, title_rows: str, widths: tuple[int, ...]) -> None:
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = title_rows
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width


def _save(book: Workbook) -> bytes:
    """The workbook's bytes, saying who made it and when (openpyxl would say "openpyxl")."""
    from par_cli.writers.made_by import maker

    made, now = maker()
    book.properties.creator = book.properties.lastModifiedBy = made
    book.properties.created = book.properties.modified = now
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _new_book() -> Workbook:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    return book


def _fit_height(sheet: Worksheet, row: int, texts: tuple[tuple[str, int], ...]) -> None:
    """A row tall enough for its wrapped text (spreadsheet programs do not always grow it when opening a file)."""
    lines = max(sum(-(-max(len(part), 1) // max(width - 2, 1)) for part in text.split("\n")) for text, width in texts)
    if lines > 1:
        sheet.row_dimensions[row].height = 15 * lines
