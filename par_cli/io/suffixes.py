"""What a file's name says it is: one rule for every input of every command, its suffix in any case
(`THAM-DINH.YAML`, `Survey.Yml`, `FORM.XLSX`, as Windows tools write them).

Kept apart from `readers.files` (the YAML reader): `io.output` asks it too, on every path that writes."""

from __future__ import annotations

import os
from pathlib import PurePath

# The one registry of what par reads, by suffix (any case): the kind a suffix names, and for a workbook (sheets of
# cells, read alike by forms, tables, annexes and rankings: `readers.workbooks.Book`) the function that opens it,
# as "module:function" (imported only when such a file is read). A new workbook format is its line here and its
# reader; every command that reads workbooks then reads it.
FORMATS: dict[str, tuple[str, str | None]] = {
    ".yaml": ("yaml", None),
    ".yml": ("yaml", None),
    ".xlsx": ("xlsx", "par_cli.readers.workbooks:openpyxl_book"),
    # Excel's other Open XML workbooks, read as .xlsx (openpyxl reads them; macros are not run): with macros,
    # a template, a template with macros
    ".xlsm": ("xlsx", "par_cli.readers.workbooks:openpyxl_book"),
    ".xltx": ("xlsx", "par_cli.readers.workbooks:openpyxl_book"),
    ".xltm": ("xlsx", "par_cli.readers.workbooks:openpyxl_book"),
    ".ods": ("ods", "par_cli.readers.workbooks:calamine_book"),  # LibreOffice's own format, its default
    ".xls": ("xls", "par_cli.readers.workbooks:calamine_book"),  # Excel 97–2003
    ".json": ("json", None),
    ".csv": ("csv", None),
    ".docx": ("docx", None),
}
# Spreadsheets an office may save that par does not read: a file of a folder so named is left out with a note
# (F006, `readers.files.discover_yaml`), never silently. Excel's binary workbook (calamine would read its values
# but not its number formats: a percentage typed would be its stored 0.95), LibreOffice's template and flat XML,
# Excel 97–2003's template, WPS Spreadsheets' own formats, Apple Numbers.
NOT_READ_BOOKS = frozenset({".xlsb", ".ots", ".fods", ".xlt", ".et", ".ett", ".numbers", ".gsheet"})
_KINDS = {suffix: kind for suffix, (kind, _) in FORMATS.items()}
BOOK_READERS = {kind: reader for kind, reader in FORMATS.values() if reader is not None}
FORM_KINDS = tuple(BOOK_READERS)  # assessment workbooks: the form `par template --format xlsx` writes, as saved
FOUND_IN_FOLDERS = ("yaml", "json", *FORM_KINDS)


def kind_of_suffix(path: PurePath | str) -> str | None:
    """'yaml' (.yaml, .yml), 'xlsx' (also .xlsm, .xltx, .xltm), 'ods', 'xls', 'json', 'csv' or 'docx' by the
    name's last suffix, whatever its case; None for any other (or none). Only ASCII letters fold: `.cſv` is no
    CSV file."""
    suffix = os.path.splitext(os.fspath(path))[1]
    return _KINDS.get(suffix.lower()) if suffix.isascii() else None


def found_in_folders(path: PurePath | str) -> bool:
    """Whether a file of a folder given to a command is one of its inputs (by its name)."""
    return kind_of_suffix(path) in FOUND_IN_FOLDERS


def not_read_book(path: PurePath | str) -> bool:
    """Whether a file is a spreadsheet par does not read (`NOT_READ_BOOKS`), by its suffix in any case."""
    suffix = os.path.splitext(os.fspath(path))[1]
    return suffix.isascii() and suffix.lower() in NOT_READ_BOOKS


def is_form_file(path: PurePath | str) -> bool:
    """Whether a file is read as an assessment workbook (.xlsx, .xlsm, .xltx, .xltm, .ods, .xls, in any case)."""
    return kind_of_suffix(path) in FORM_KINDS
