"""Rows of an assessment form's criteria sheet that would stand for no criterion or for several: refused, each at
its cell, so that a value is never read into the wrong criterion nor lost without a word (`readers.xlsx_form`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from par_cli.core.diagnostics import Cell, Diagnostic, msg, problem
from par_cli.readers.sheet_xml import column_letter

if TYPE_CHECKING:
    from par_cli.readers.form_cells import Raw
    from par_cli.readers.workbooks import Sheet, SheetCell

INPUTS = ("self", "appraised", "evidence", "explanation")  # the columns a person types into


def merged_inputs(sheet: Sheet, columns: dict[str, int], top: int, file: str) -> list[Diagnostic]:
    """Input cells (or the code) merged over several rows: one value would stand for several criteria."""
    inputs = {columns[key] for key in ("code", *INPUTS) if key in columns}
    found = []
    for min_row, min_col, max_row, max_col in sheet.merged:
        if max_row > min_row and max_row > top and inputs & set(range(min_col, max_col + 1)):
            start, end = f"{column_letter(min_col)}{min_row}", f"{column_letter(max_col)}{max_row}"
            where = Cell(file, sheet.title, start, min_row, min_col)
            said = problem("A003", "merged-inputs", hint=msg("hint.merged-inputs"), cells=f"{start}:{end}")
            found.append(said.at(where))
    return found


def loose_values(
    sheet: Sheet, columns: dict[str, int], top: int, raw: Callable[[SheetCell, str], Raw], title: str
) -> list[Diagnostic]:
    """A value typed in a row inserted among the criteria, a row with no code (`title`: the code column's): it
    belongs to no criterion, and would be lost without a word. Rows after a blank row below the criteria (place,
    date, signatures) and rows below the last criterion are not among them."""
    inputs = [columns[key] for key in INPUTS if key in columns]
    found: list[Diagnostic] = []
    pending: list[Diagnostic] = []  # rows with a value and no code, said once a criterion's row comes below them
    among, before = False, top  # among: no blank row since a criterion's row
    for r in sorted(r for r in sheet.rows if r > top):
        used = sheet.rows[r]
        if not any(str(cell.value or "").strip() for cell in used.values()):
            continue  # a blank row (only formats): a gap
        coded = columns["code"] in used and bool(str(used[columns["code"]].value or "").strip())
        among, before = coded or (among and r == before + 1), r
        typed = [used[c] for c in inputs if c in used and str(used[c].value or "").strip()]
        if coded:
            found += pending
            pending = []
        elif among and typed:
            cell = raw(typed[0], sheet.title)
            hint = msg("hint.form-row-no-code")
            said = problem("A003", "form-row-no-code", hint=hint, value=str(cell.value).strip(), title=title)
            pending.append(said.at(cell.where))
    return found
