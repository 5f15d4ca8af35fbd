"""The agencies of a folder of assessments, YAML files and workbooks alike, as every command finds them."""

from __future__ import annotations

from pathlib import Path

from par_cli.io.suffixes import is_form_file
from par_cli.readers.files import display, read_document


def agency_ids(files: list[Path]) -> list[str]:
    """The agency ids of assessment files as `discover` finds them, YAML files and workbooks alike (a file whose
    id cannot be read is left to the command that reads it)."""
    found: list[str] = []
    for path in files:
        agency: object = None
        if is_form_file(path):  # .xlsx, .ods, .xls: as rank and check read them
            from par_cli.readers.xlsx_form import read_form  # not at start-up: most assessments are YAML

            form, _ = read_form(path, display(path))
            agency = form.document(None)[0].data.get("agency") if form is not None else None
        else:
            doc, _ = read_document(path)
            agency = doc.data.get("agency") if doc is not None else None
        if isinstance(agency, dict) and isinstance(agency.get("id"), str):
            found.append(agency["id"])
    return found
