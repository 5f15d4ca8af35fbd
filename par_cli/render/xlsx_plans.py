"""Workbooks an office fills in after a ranking: the improvement plan (`par gaps`) and the cut list
(`par appraisal cuts`). Text is written as text; figures rounded once, shown to the set's precision."""

from __future__ import annotations

from par_cli.render.views import CutsView
from par_cli.render.xlsx_cells import (
    BOLD,
    HEADING,
    TOP,
    WRAP,
    _figures,
    _fit_height,
    _new_book,
    _number,
    _page,
    _save,
    _text,
)
from par_cli.words.cuts import cuts_header
from par_cli.words.labels import label

CUT_WIDTHS = (28, 9, 48, 11, 11, 11, 40)


def appraisal_cuts(view: CutsView) -> bytes:
    """The council's cut list: one row per changed leaf, agencies by name; a Reason column to read or complete."""
    lang = view.lang or "vi"
    book = _new_book()
    sheet = book.create_sheet(title=label("cut.title", lang)[:31])
    keys = [label("agency", lang), *cuts_header(lang)]
    for c, title in enumerate(keys, start=1):
        cell = _text(sheet, 1, c, title)
        cell.font, cell.fill, cell.alignment = BOLD, HEADING, WRAP
    row = 1
    for entry in view.entries:
        for cut in entry.cuts:
            row += 1
            _text(sheet, row, 1, entry.agency_name).alignment = TOP
            _text(sheet, row, 2, cut.code).alignment = TOP
            _text(sheet, row, 3, cut.title).alignment = WRAP
            for c, value in ((4, cut.self_points), (5, cut.points), (6, cut.points - cut.self_points)):
                cell = sheet.cell(row=row, column=c, value=_number(value, entry.precision))
                cell.number_format, cell.alignment = _figures(entry.precision), TOP
            _text(sheet, row, 7, cut.reason or "").alignment = WRAP
            _fit_height(sheet, row, ((cut.title, CUT_WIDTHS[2]), (cut.reason or "", CUT_WIDTHS[6])))
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:G{max(row, 1)}"
    _page(sheet, "1:1", CUT_WIDTHS)
    return _save(book)
