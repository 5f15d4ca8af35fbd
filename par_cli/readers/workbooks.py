"""Workbooks as openpyxl loads them, read by the cells in use: every workbook reader's (forms, tables, annexes)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from par_cli.core.diagnostics import Cell, Diagnostic, LineCol, Msg, msg, problem
from par_cli.core.named_tuple import NamedTuple
from par_cli.io.suffixes import BOOK_READERS, kind_of_suffix
from par_cli.readers.sheet_xml import column_letter

if TYPE_CHECKING:
    from par_cli.readers.sheet_xml import Cleaned


def load(path: Path, data_only: bool = True) -> Any:
    """A workbook as openpyxl loads it from its sheets cut to the cells in use (`sheet_xml`), a number cell that
    holds no finite number kept as its text (`NotANumber`), its warnings kept quiet: a cell they are about (a date
    no calendar holds, which openpyxl makes an error cell) is refused where it is read, at its place. Raises
    `MergeTooLarge`, or what openpyxl and zipfile raise on a file that is no workbook (`refusal` words it)."""
    from par_cli.readers.sheet_xml import cleaned

    return _loaded(cleaned(path), data_only)


def _loaded(book: Cleaned, data_only: bool) -> Any:
    import io
    import warnings

    from openpyxl import load_workbook

    from par_cli.readers.sheet_xml import NotANumber

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loaded: Any = load_workbook(io.BytesIO(book.data), data_only=data_only)
    for title, cells in book.odd.items():
        sheet: Any = loaded[title] if title in loaded.sheetnames else None
        for place in cells if sheet is not None else ():
            cell = sheet._cells.get(place)
            if cell is not None and cell.data_type == "s" and isinstance(cell.value, str):
                cell._value = NotANumber(cell.value)  # its text as stored, not a formula
    return loaded


def refusal(exc: Exception, path: Path, file: str, kind: str | None = None) -> Diagnostic:
    """F005 for a workbook (or a .docx: `kind`) that cannot be read, worded by what the file is (never by the
    exception's class); at the merged range when that is why."""
    from par_cli.readers.sheet_xml import MergeTooLarge

    if isinstance(exc, MergeTooLarge):
        top = f"{column_letter(exc.column)}{exc.row}"
        hint = msg("hint.unmerge")
        found = problem("F005", "merged-too-large", hint=hint, ref=exc.ref, cells=exc.cells, used=exc.used)
        return found.at(Cell(file, exc.sheet, top, exc.row, exc.column))
    kind = kind or kind_of_suffix(path) or "xlsx"
    id = "not-a-document" if kind == "docx" else "not-a-workbook"
    return problem("F005", id, reason=unreadable(path, kind)).at(LineCol(file))  # the file: it has no line 1


def unreadable(path: Path, kind: str) -> Msg:
    """Why a file that was to be read as `kind` (xlsx, ods, xls, docx) could not be, in the user's words: what
    the file is, as far as its first bytes and its zip listing tell."""
    import zipfile

    try:
        with path.open("rb") as stream:
            head = stream.read(8)
    except PermissionError:
        return msg("unreadable.permission")
    except OSError:
        return msg("unreadable.damaged")
    if not head:
        return msg("unreadable.empty")
    if kind == "xls":
        return msg("unreadable.damaged")
    if not zipfile.is_zipfile(path):
        return msg("unreadable.not-zip-document" if kind == "docx" else "unreadable.not-zip-workbook")
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (OSError, zipfile.BadZipFile):
        return msg("unreadable.damaged")
    word, excel, calc = "word/document.xml" in names, "xl/workbook.xml" in names, "content.xml" in names
    if calc and _mimetype(path).endswith("opendocument.text"):
        return msg("unreadable.odt")  # a LibreOffice Writer document, whatever its name
    if kind == "docx" and not word:
        return msg("unreadable.excel-not-word" if excel else "unreadable.zip-no-document")
    if kind != "docx" and word:
        return msg("unreadable.word-not-excel")
    if kind == "xlsx" and calc:
        return msg("unreadable.ods-as-xlsx")
    if kind == "xlsx" and not excel:
        return msg("unreadable.zip-no-workbook")
    return msg("unreadable.damaged")


def _mimetype(path: Path) -> str:
    """An OpenDocument file's kind, as its `mimetype` entry says (`…opendocument.text`, `…spreadsheet`)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            return archive.read("mimetype").decode("ascii", "replace").strip()
    except (OSError, KeyError, zipfile.BadZipFile):
        return ""


class SheetCell(NamedTuple):
    """One cell as a form reader needs it, whatever wrote the file: its value (the one last computed for a
    formula), where it is, its number format ('General' where the file kind keeps none) and whether it is a
    formula never computed."""

    value: Any
    row: int
    column: int
    number_format: str = "General"
    uncomputed: bool = False

    @property
    def coordinate(self) -> str:
        return f"{column_letter(self.column)}{self.row}"


class Sheet:
    """A sheet by the cells that hold a value (row → column → cell, in order), its merged ranges
    (min_row, min_col, max_row, max_col) and hidden rows, as far as the file kind keeps them."""

    def __init__(self, title: str, rows: dict[int, dict[int, SheetCell]]) -> None:
        self.title = title
        self.rows = rows
        self.merged: list[tuple[int, int, int, int]] = []
        self.hidden: set[int] = set()

    def cell(self, row: int, column: int) -> SheetCell:
        found = self.rows.get(row, {}).get(column)
        return found if found is not None else SheetCell(None, row, column)


class Book(NamedTuple):
    """A workbook's sheets in the workbook's order; `formats`: whether number formats, formulas and merged
    cells were read (.xlsx), or only values (.ods and .xls, read by calamine)."""

    sheets: list[Sheet]
    formats: bool


def open_book(path: Path) -> Book:
    """An .xlsx workbook by openpyxl (values, number formats, formulas, merged cells, hidden rows), an .ods or
    .xls one by calamine (values only: LibreOffice and Excel store the value last computed)."""
    import importlib

    default = BOOK_READERS["ods"]  # calamine: a name of no known kind is read as it can be, refused in words
    module, _, name = BOOK_READERS.get(kind_of_suffix(path) or "", default).partition(":")
    reader: Callable[[Path], Book] = getattr(importlib.import_module(module), name)
    return reader(path)


def openpyxl_book(path: Path) -> Book:
    from par_cli.readers.sheet_xml import cleaned

    book = cleaned(path)
    values, formulas = _loaded(book, True), _loaded(book, False)
    sheets = []
    for sheet in values.worksheets:
        written = formulas[sheet.title]
        rows: dict[int, dict[int, SheetCell]] = {}
        for (r, c), cell in sorted(written._cells.items()):
            if cell.value is None:
                continue
            shown = sheet._cells.get((r, c))
            value = shown.value if shown is not None else None
            number_format = str(shown.number_format or "General") if shown is not None else "General"
            uncomputed = cell.data_type == "f" and value is None
            if value is None and not uncomputed:
                continue
            rows.setdefault(r, {})[c] = SheetCell(value, r, c, number_format, uncomputed)
        found = Sheet(sheet.title, rows)
        found.merged = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in sheet.merged_cells.ranges]
        found.hidden = {r for r, dimension in sheet.row_dimensions.items() if dimension.hidden}
        sheets.append(found)
    return Book(sheets, True)


def calamine_book(path: Path) -> Book:
    """Values only, but an .ods cell LibreOffice keeps as a percentage (`readers.ods_types`) has the number
    format `0%`, as an .xlsx one: 95 % typed is 0.95 stored, read as 95 %. An .xls keeps its number formats
    where calamine does not read them: there a percentage typed is read as its value (and doubted, A023)."""
    from python_calamine import CalamineError, CalamineWorkbook

    from par_cli.readers.ods_types import percentage_cells

    try:
        book = CalamineWorkbook.from_path(str(path))
    except CalamineError as exc:  # not a workbook calamine knows: said by `refusal` in the user's words
        raise ValueError(str(exc)) from exc
    percent = percentage_cells(path) if kind_of_suffix(path) == "ods" else {}  # calamine reads no types
    sheets = []
    for name in book.sheet_names:
        shown = percent.get(name, set())
        sheet = book.get_sheet_by_name(name)
        top, left = sheet.start or (0, 0)  # iter_rows starts at the first cell in use
        rows: dict[int, dict[int, SheetCell]] = {}
        for r, values in enumerate(sheet.iter_rows(), start=top + 1):
            for c, value in enumerate(values, start=left + 1):
                if value is not None and value != "":
                    number_format = "0%" if (r, c) in shown else "General"  # LibreOffice's `95%`: 0.95 stored
                    rows.setdefault(r, {})[c] = SheetCell(value, r, c, number_format)
        found = Sheet(name, rows)
        found.merged = [  # .xls keeps merged cells; calamine reads none from .ods (None)
            (a[0] + 1, a[1] + 1, b[0] + 1, b[1] + 1) for a, b in (sheet.merged_cell_ranges or [])
        ]
        sheets.append(found)
    return Book(sheets, False)
