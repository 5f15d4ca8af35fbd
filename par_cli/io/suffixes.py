"""What a file's name says it is: one rule for every input of every command, its suffix in any case
(`THAM-DINH.YAML`, `Survey.Yml`, `FORM.XLSX`, as Windows tools write them).

Kept apart from `io.files` (the YAML reader): `io.output` asks it too, on every path that writes."""

from __future__ import annotations

import os
from pathlib import PurePath

_KINDS = {".yaml": "yaml", ".yml": "yaml", ".xlsx": "xlsx", ".json": "json", ".csv": "csv", ".docx": "docx"}
FOUND_IN_FOLDERS = ("yaml", "xlsx")  # what a folder given to a command is searched for (assessments: YAML or forms)


def kind_of_suffix(path: PurePath | str) -> str | None:
    """'yaml' (.yaml, .yml), 'xlsx', 'json', 'csv' or 'docx' by the name's last suffix, whatever its case; None
    for any other (or none). Only ASCII letters fold: `.cſv` is no CSV file."""
    suffix = os.path.splitext(os.fspath(path))[1]
    return _KINDS.get(suffix.lower()) if suffix.isascii() else None


def found_in_folders(path: PurePath | str) -> bool:
    """Whether a file of a folder given to a command is one of its inputs (by its name)."""
    return kind_of_suffix(path) in FOUND_IN_FOLDERS
