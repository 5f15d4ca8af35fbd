"""What a file's name says it is: one rule for every input of every command, its suffix in any case
(`THAM-DINH.YAML`, `Survey.Yml`, `FORM.XLSX`, as Windows tools write them).

Kept apart from `readers.files` (the YAML reader): `io.output` asks it too, on every path that writes."""

from __future__ import annotations

import os
from pathlib import PurePath

_KINDS = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".xlsx": "xlsx",
    ".ods": "ods",  # LibreOffice's own format, its default when a form is saved there
    ".xls": "xls",  # Excel 97–2003
    ".json": "json",
    ".csv": "csv",
    ".docx": "docx",
}
FORM_KINDS = ("xlsx", "ods", "xls")  # assessment workbooks: the form `par template --format xlsx` writes, as saved
# What a folder given to a command is searched for (assessments): a .json file only when its `kind` is a par kind
# (`readers.files.discover_yaml`), as `par score FILE.json` reads it; any other (a ranking) is left out with a note.
FOUND_IN_FOLDERS = ("yaml", "json", *FORM_KINDS)


def kind_of_suffix(path: PurePath | str) -> str | None:
    """'yaml' (.yaml, .yml), 'xlsx', 'ods', 'xls', 'json', 'csv' or 'docx' by the name's last suffix, whatever
    its case; None for any other (or none). Only ASCII letters fold: `.cſv` is no CSV file."""
    suffix = os.path.splitext(os.fspath(path))[1]
    return _KINDS.get(suffix.lower()) if suffix.isascii() else None


def found_in_folders(path: PurePath | str) -> bool:
    """Whether a file of a folder given to a command is one of its inputs (by its name)."""
    return kind_of_suffix(path) in FOUND_IN_FOLDERS


def is_form_file(path: PurePath | str) -> bool:
    """Whether a file is read as an assessment workbook (.xlsx, .ods, .xls, in any case)."""
    return kind_of_suffix(path) in FORM_KINDS
