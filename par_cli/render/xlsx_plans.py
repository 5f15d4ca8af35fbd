"""Workbooks an office fills in after a ranking: the improvement plan (`par gaps`) and the cut list
(`par appraisal cuts`). Text is written as text; figures rounded once, shown to the set's precision."""

from __future__ import annotations

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from par_cli.render.views import CutsView, GapsView
from par_cli.render.xlsx_cells import (
    BOLD,
    HEADING,
    INPUT,
    TOP,
    WRAP,
    _figures,
    _fit_height,
    _new_book,
    _number,
    _page,
    _save,
    _text,
    sheet_title,
)
from par_cli.words.cuts import cuts_header
from par_cli.words.labels import label
from par_cli.words.languages import default
from par_cli.words.numbers import figure
from par_cli.words.years import gaps_heading

PLAN_KEYS = ("gap.no", "gap.code", "gap.criterion", "gap.max", "gap.losing", "gap.lost", "gap.average", "gap.share")
PLAN_WIDTHS = (6, 9, 48, 11, 11, 10, 10, 10, 42, 24, 14)
CUT_WIDTHS = (28, 9, 48, 11, 11, 11, 40)


def gaps(view: GapsView) -> bytes:
    """The improvement plan: per criterion losing points (most first) its losses and the agencies losing them, with
    empty "responsible" and "deadline" columns for the office to fill in."""
    book = _new_book()
    for n, found in enumerate(view.sets, start=1):
        lang = view.lang or found.language
        p = found.precision
        sheet = book.create_sheet(title=sheet_title(f"{n} {found.criteria_id}"))
        title = f"{label('gap.plan', lang)} — {gaps_heading(found, lang)}"
        _text(sheet, 1, 1, title).font = Font(bold=True, size=13)
        keys = [*PLAN_KEYS, "gap.agencies", "gap.responsible", "gap.deadline"]
        for c, key in enumerate(keys, start=1):
            cell = _text(sheet, 2, c, label(key, lang))
            cell.font, cell.fill, cell.alignment = BOLD, HEADING, WRAP
        sheet.row_dimensions[2].height = 30
        losses = [gap for gap in found.gaps if gap.lost]  # a plan lists what is to improve: nothing lost, no row
        for r, gap in enumerate(losses, start=3):
            sheet.cell(row=r, column=1, value=r - 2)
            _text(sheet, r, 2, gap.code)
            _text(sheet, r, 3, gap.title)
            for c, value in ((4, gap.max), (6, gap.lost), (7, gap.average), (8, gap.share)):
                sheet.cell(row=r, column=c, value=_number(value, p)).number_format = _figures(p)
            _text(sheet, r, 5, f"{gap.losing}/{gap.assessed}")
            losing = sorted(
                (
                    (name, cell[0])
                    for name, cell in zip(found.agencies, gap.by_agency, strict=False)
                    if cell and cell[0]
                ),
                key=lambda item: -item[1],
            )  # every agency losing points; only the worst when there are too many to keep (core.gaps.HEAT_LIMIT)
            listed = losing if gap.by_agency else list(gap.worst)
            more = "; …" if not gap.by_agency and gap.losing > len(listed) else ""
            agencies = "; ".join(f"{name} ({figure(lost, p, lang)})" for name, lost in listed) + more
            _text(sheet, r, 9, agencies)
            for c in (10, 11):
                sheet.cell(row=r, column=c).fill = INPUT
            for c in range(1, len(keys) + 1):
                cell = sheet.cell(row=r, column=c)
                cell.alignment = WRAP if c in (3, 9) else TOP
            _fit_height(sheet, r, ((gap.title, PLAN_WIDTHS[2]), (agencies, PLAN_WIDTHS[8])))
        last = len(losses) + 2
        sheet.freeze_panes = "D3"
        sheet.auto_filter.ref = f"A2:{get_column_letter(len(keys))}{last}"
        _page(sheet, "2:2", PLAN_WIDTHS)
    return _save(book)


def appraisal_cuts(view: CutsView) -> bytes:
    """The council's cut list: one row per changed leaf, agencies by name; a Reason column to read or complete."""
    lang = view.lang or default()
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
