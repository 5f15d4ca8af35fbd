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
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.escape import unescape
from openpyxl.worksheet.header_footer import HeaderFooterItem

from par_cli.core.numbers import round_half_up

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

FACE = "Times New Roman"  # as documents are printed (Nghị định 30/2020); metric-equal to Liberation Serif
BASE = Font(name=FACE, size=12)
BOLD = Font(name=FACE, size=12, bold=True)
ITALIC = Font(name=FACE, size=12, italic=True)
HEADING = PatternFill("solid", fgColor="DDE7F0")
INPUT = PatternFill("solid", fgColor="FFF6C8")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
CENTRE = Alignment(horizontal="center", vertical="top", wrap_text=True)
TITLE = Font(name=FACE, bold=True, size=14)
_THIN = Side(style="thin", color="000000")
GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
LINE = 15.75  # points per printed line of 12-point text (LibreOffice and Excel lay it out in about 14)


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
    a sheet's name cannot hold (`\\ / * ? : [ ]`) as `-`, at most 31 characters, cut after a whole word (a tab
    read `…thẩm định th`)."""
    name = re.sub(r"[\\/*?:\[\]]", "-", cell_text(value))
    if len(name) <= 31:
        return name
    cut = name[:32].rsplit(" ", 1)[0].rstrip(" ,;·-—")
    return cut if len(cut) >= 12 else name[:31]


def _text(sheet: Worksheet, row: int, column: int, value: str | None) -> Any:
    """Text from a file as a text cell: `=SUM(…)` in an agency's name stays text; a control character is written
    out (`cell_text`)."""
    cell = sheet.cell(row=row, column=column, value=cell_text(value) if isinstance(value, str) else value)
    if isinstance(value, str):
        cell.data_type = TYPE_STRING
    return cell


def _page(sheet: Worksheet, title_rows: str, widths: tuple[int, ...], portrait: bool | None = None) -> None:
    """A4, fitted to the page's width only (as many pages down as it takes, so that text keeps its size), the
    header rows repeated on every page, margins for a binding edge; portrait where the columns fit it."""
    from openpyxl.worksheet.page import PageMargins
    from openpyxl.worksheet.properties import PageSetupProperties

    if portrait is None:
        portrait = sum(widths) <= PORTRAIT_CHARS
    sheet.page_setup.orientation = sheet.ORIENTATION_PORTRAIT if portrait else sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins = PageMargins(left=0.6, right=0.4, top=0.6, bottom=0.6, header=0.3, footer=0.3)
    sheet.print_options.horizontalCentered = True
    if title_rows:
        sheet.print_title_rows = title_rows
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width


# The characters of 11-point text a page's width holds at full size (A4 less the margins, about 7 pixels a
# character): wider columns are printed smaller, so par's sheets keep within them.
PORTRAIT_CHARS = 95
LANDSCAPE_CHARS = 140


def fit_header(header: tuple[str, ...] | list[str], widths: tuple[int, ...]) -> tuple[int, ...]:
    """Each column at least as wide as its header's longest word in bold (a header wraps at spaces, never inside a
    word: `Maximum`, not `Maxim`/`um`)."""
    return tuple(
        max(width, max((len(word) for word in title.split()), default=0) * 11 // 10 + 2) if title else width
        for title, width in zip(header, widths, strict=False)
    ) + tuple(widths[len(header) :])


def grid(sheet: Worksheet, top: int, bottom: int, columns: int) -> None:
    """Thin borders round every cell of rows top..bottom, columns 1..columns (a printed table's lines)."""
    for row in sheet.iter_rows(min_row=top, max_row=bottom, max_col=columns):
        for cell in row:
            cell.border = GRID


class _Lines(HeaderFooterItem):
    """A page header whose line breaks are written as line breaks (openpyxl writes `_x000a_`, which Excel reads
    as a break and LibreOffice prints as it is)."""

    def __str__(self) -> str:
        return str(unescape(super().__str__()))


def page_title(sheet: Worksheet, lines: list[str]) -> None:
    """Lines printed at the top of every page, centred (the page's header: the first in bold 14, the others 12),
    in a top margin tall enough for them."""
    from openpyxl.worksheet.page import PageMargins

    fonts = [f'&"{FACE},Bold"&14'] + [f'&"{FACE},Regular"&12'] * (len(lines) - 1)
    header = _Lines()
    sheet.HeaderFooter.oddHeader = header
    header.center.text = "\n".join(
        font + cell_text(line).replace("&", "&&") for font, line in zip(fonts, lines, strict=True)
    )
    margins = sheet.page_margins
    height = (20 + 16 * (len(lines) - 1)) / 72  # inches: 14-point and 12-point lines
    sheet.page_margins = PageMargins(
        left=margins.left,
        right=margins.right,
        top=0.4 + height + 0.2,
        bottom=margins.bottom,
        header=0.4,
        footer=margins.footer,
    )


def lines_of(text: str, width: int) -> int:
    """The lines `text` takes in a column `width` characters wide, wrapped at spaces as Excel and LibreOffice
    wrap it (a character of Vietnamese text is a little narrower than the digit a width counts in: about 1.07 of
    them a unit; counted as 1.1 less two, so that a row is a line too tall rather than its last line cut — a
    reason of 95 characters in a column 40 wide took 3 lines, not the 2 that 1.2 a unit gave)."""
    room = max(int(width * 1.1) - 2, 4)
    count = 0
    for part in str(text).split("\n"):
        used = 0
        count += 1
        for word in part.split(" "):
            size = len(word)
            if used and used + 1 + size > room:
                count += 1
                used = 0
            while size > room:  # a word longer than the column: cut where the column ends
                count += 1
                size -= room
            used += (1 if used else 0) + size
    return max(count, 1)


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
    """A workbook whose every cell is Times New Roman 12 unless it says otherwise."""
    from openpyxl.utils.indexed_list import IndexedList

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    book._fonts = IndexedList([BASE])  # type: ignore[attr-defined]  # the font of a cell with none (openpyxl's own is Calibri 11)
    book._named_styles["Normal"].font = BASE  # type: ignore[attr-defined]  # the column width's unit: this font's digit
    return book


def _fit_height(sheet: Worksheet, row: int, texts: tuple[tuple[str, int], ...], bold: bool = False) -> None:
    """A row tall enough for its wrapped text, and no taller (spreadsheet programs do not always grow it when
    opening a file; a row of one line keeps the program's height)."""
    lines = max((lines_of(text, int(width / (1.05 if bold else 1))) for text, width in texts if text), default=1)
    if lines > 1:
        sheet.row_dimensions[row].height = LINE * lines + 2
