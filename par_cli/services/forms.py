"""Blank forms (`par template`): where one may be written (never over an assessment, blank or filled in, or a
criteria set), what its `criteria:` says, and the province's list of agencies a form is made for each of."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from par_cli.core.diagnostics import Cell, Diagnostic, LineCol, Msg, ParError, Row, UsageError, msg, problem
from par_cli.core.named_tuple import NamedTuple
from par_cli.readers.csv_text import TITLE_ROWS
from par_cli.readers.files import file_kind
from par_cli.services.criteria import is_path
from par_cli.words.literal import visible

if TYPE_CHECKING:
    from par_cli.services.criteria import LoadedCriteria


def refuse_overwrite(output: Path, criteria: Path) -> None:
    """U003 unless `output` is new or holds neither an assessment nor a criteria set (nor is the set itself)."""
    if not output.exists():
        return
    kind = file_kind(output) if output.is_file() else None
    if kind in ("assessment", "criteria") or output.resolve() == criteria.resolve():
        held = "form-over-assessment" if kind == "assessment" else "form-over-criteria"  # blank or not: it is theirs
        raise UsageError([problem("U003", held, hint=msg("hint.force")).at(LineCol(str(output)))])


def form_reference(
    reference: str, loaded: LoadedCriteria, output: Path | None, resolve: Callable[[str, Path], Path | None]
) -> tuple[str, Msg | None]:
    """What the form's `criteria:` says so that it resolves from where the form is saved: the set's id when the
    id finds this very set from there (built-in sets are found anywhere), else the set's path relative to the
    form. Written to stdout, the form's folder is unknown: the path is then relative to the working folder,
    and a note says so. `resolve(id, folder)` finds a set as an assessment there would (`Workspace.resolve`)."""
    folder = (output.parent if output is not None else Path(".")).resolve()
    set_id = loaded.model.id
    try:
        found = resolve(set_id, folder)
    except Exception:
        found = None
    if found is not None and found.resolve() == loaded.path.resolve():
        return set_id, None
    if not is_path(reference) and found is None and output is None:
        return reference, None
    relative = os.path.relpath(loaded.path.resolve(), folder).replace(os.sep, "/")
    if output is None:
        return relative, msg("note-form-path", path=relative)
    return relative, None


class FormAgency(NamedTuple):
    """One agency of the province's list (`par template --agencies`): its form is made with these details."""

    id: str
    name: str | None
    group: str | None
    type: str | None


AGENCY_COLUMNS = {"id": "form.agency_id", "name": "form.agency_name", "group": "form.group", "type": "form.unit_type"}
_FILE_NAME = re.compile(r"[A-Za-z0-9À-ỹ][A-Za-z0-9À-ỹ._-]*")  # an id that can name its form's file
_DEVICE = re.compile(r"(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?", re.IGNORECASE)  # no file of that name on Windows
ID_LENGTH = 100  # an id longer than this cannot name a file everywhere (with `.xlsx` and a folder)


def read_agencies(path: Path) -> list[FormAgency]:
    """The agencies of a CSV file or workbook titled `Mã cơ quan`, `Tên cơ quan`, `Nhóm`, `Loại đơn vị` (or in
    English); ParError with every bad title and row (a title twice, another sheet with agencies, no id, an id that
    is not text or cannot name a file everywhere, an id listed twice, a control character in a cell)."""
    from par_cli.readers.tables import read_table
    from par_cli.readers.xlsx_form import _norm, _titles

    id_titles = _titles(AGENCY_COLUMNS["id"])
    table = read_table(path, lambda header: any(_norm(title) in id_titles for title in header))  # below a title
    problems: list[Diagnostic] = []
    where = {}
    for key, label_key in AGENCY_COLUMNS.items():
        titles = _titles(label_key)
        found = [i for i, title in enumerate(table.header) if _norm(title) in titles]
        if found:
            where[key] = found[0]
        for i in found[1:]:
            twice = problem("S001", "list-title-twice", title=table.header[i], column=str(found[0] + 1))
            problems.append(twice.at(Row(table.file, table.top, table.header[i], i + 1)))
    if "id" not in where:  # the titles it has, to compare with (`Ma co quan` without its accents)
        seen = ", ".join(title for title in table.header if title) or msg("import-none-read")
        hint = msg("hint.list-titles", titles=seen, title="Mã cơ quan")
        missing = problem("S001", "import-no-column", hint=hint, title="Mã cơ quan / Agency id")
        raise ParError([missing.at(LineCol(table.file, table.top, 1))])
    problems += _other_sheets(table, id_titles)
    agencies: dict[str, FormAgency] = {}
    for number, values, _ in table.rows:
        cells = {key: _cell(values, i) for key, i in where.items()}
        if not any(cells.values()):
            continue
        controls = [key for key, text in cells.items() if text is not None and visible(text) != text]
        for key in controls:
            control = problem("S001", "list-control-char", text=visible(cells[key] or ""))
            problems.append(control.at(Row(table.file, number, table.header[where[key]], where[key] + 1)))
        at = Row(table.file, number, table.header[where["id"]], where["id"] + 1)
        agency_id = cells["id"]
        raw = values[where["id"]] if where["id"] < len(values) else None
        if "id" in controls:
            continue
        if agency_id is None:
            problems.append(problem("S001", "import-no-agency").at(at))
        elif isinstance(raw, bool) or (isinstance(raw, float) and not raw.is_integer()) or not _is_text(raw):
            problems.append(problem("S001", "list-id-not-text", id=agency_id).at(at))
        elif len(agency_id) > ID_LENGTH:
            problems.append(problem("S001", "list-id-too-long", length=str(len(agency_id)), most=str(ID_LENGTH)).at(at))
        elif not _FILE_NAME.fullmatch(agency_id):
            problems.append(problem("S001", "import-id-filename", id=agency_id).at(at))
        elif _DEVICE.fullmatch(agency_id):
            problems.append(problem("S001", "list-id-device", id=agency_id).at(at))
        elif agency_id.casefold() in agencies:
            problems.append(problem("S001", "agency-listed-twice", id=agency_id).at(at))
        elif not controls:
            agencies[agency_id.casefold()] = FormAgency(
                agency_id, cells.get("name"), cells.get("group"), cells.get("type")
            )
    if problems:
        raise ParError(problems)
    if not agencies:
        raise ParError([problem("S001", "import-no-agency").at(LineCol(table.file, 1, 1))])
    return list(agencies.values())


def _is_text(value: Any) -> bool:
    """An id is text: a CSV cell, a workbook's text cell, or a whole number (a code typed as `101`)."""
    return isinstance(value, str | int) or (isinstance(value, float) and value.is_integer())


def _other_sheets(table: Any, id_titles: set[str]) -> list[Diagnostic]:
    """S001 for a sheet after the first with an agency id column: its agencies would be left out unseen."""
    from par_cli.readers.xlsx_form import _norm

    found = []
    for sheet in table.later_sheets:
        for r, cells in sheet.rows.items():  # in row order: only the title rows can hold the header
            if r > TITLE_ROWS:
                break
            hit = next((c for c in cells.values() if _norm(c.value) in id_titles), None)
            if hit is not None:
                at = Cell(table.file, sheet.title, hit.coordinate, hit.row, hit.column)
                found.append(problem("S001", "list-second-sheet", sheet=sheet.title).at(at))
                break
    return found


def _cell(values: list[Any], i: int) -> str | None:
    value = values[i] if i < len(values) else None
    if value is None:
        return None
    text = unicodedata.normalize("NFC", str(int(value) if isinstance(value, float) and value.is_integer() else value))
    return text.strip() or None


def write_forms(forms: dict[str, bytes], folder: Path, force: bool) -> None:
    """One workbook per agency in `folder`; UsageError (U003) before any write when one exists (without force)
    or is a file the command read (even with force: the list itself)."""
    from par_cli.io.output import write_new

    write_new({folder / name: content for name, content in forms.items()}, force, "file-exists-form", guarded=True)
