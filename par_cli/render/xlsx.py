"""Excel workbooks (openpyxl): the fillable assessment form, one agency's score, and rankings.

Text from files is always written as text (never run as a formula); figures are numbers with a format showing
the set's precision; every sheet prints on A4 landscape with its header repeated.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from par_cli.core.rules.base import award
from par_cli.core.tree import walk
from par_cli.render.views import TemplateView
from par_cli.render.xlsx_formulas import form_hint as _form_hint
from par_cli.render.xlsx_formulas import points_formula
from par_cli.words.explain import describe_rule
from par_cli.words.labels import label
from par_cli.writers.xlsx_cells import (
    BOLD,
    HEADING,
    INPUT,
    TOP,
    WRAP,
    _fit_height,
    _new_book,
    _number,
    _page,
    _save,
    _text,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from par_cli.core.model import CriteriaSet

OPEN = Protection(locked=False)
# The agency's form has no appraised column: the council's values are the council's (`par appraisal workbook`).
FORM_COLUMNS = ("code", "title", "max", "rule", "self", "self_points", "evidence", "explanation")
FORM_WIDTHS = (10, 55, 9, 42, 18, 11, 36, 28)
INPUTS = (5, 7, 8)  # the columns an agency fills: data, evidence, explanation (6 is computed, locked)


# The fillable form


def template(view: TemplateView) -> bytes:
    """An assessment workbook to fill in Excel or LibreOffice: details, one row per criterion, the survey.
    A view with an `agency` (`services.forms.FormAgency`, from the province's list): its details filled in and
    locked."""
    criteria, lang = view.criteria, view.lang or view.criteria.language
    agency = getattr(view, "agency", None)
    book = _new_book()
    details = book.create_sheet(label("sheet.details", lang))
    rows = [
        ("form.agency_id", agency.id if agency else ""),
        ("form.agency_name", (agency.name or "") if agency else ""),
        ("form.group", (agency.group or "") if agency else ""),
        ("form.period", view.period),
        ("form.criteria", view.reference),
    ]
    if agency is not None and agency.type:
        rows.insert(3, ("form.unit_type", agency.type))
    for r, (key, value) in enumerate(rows, start=1):
        _text(details, r, 1, label(key, lang)).font = BOLD
        cell = _text(details, r, 2, value)
        if key != "form.criteria" and (agency is None or (key == "form.period" and not value)):
            cell.protection, cell.fill = OPEN, INPUT
    _text(details, len(rows) + 2, 1, label("form.how", lang)).alignment = WRAP
    details.merge_cells(start_row=len(rows) + 2, start_column=1, end_row=len(rows) + 2, end_column=2)
    details.row_dimensions[len(rows) + 2].height = 60
    _page(details, "1:1", (22, 60))
    details.protection.sheet = True
    _criteria_sheet(book, criteria, lang)
    _survey_sheet(book, criteria, lang)
    return _save(book)


def _criteria_sheet(book: Workbook, criteria: CriteriaSet, lang: str) -> None:
    sheet = book.create_sheet(label("sheet.criteria", lang))
    lists = book.create_sheet(label("sheet.lists", lang))
    lists.sheet_state = "hidden"
    yes_no = f'"{label("yes", lang)},{label("no", lang)}"'
    for c, key in enumerate(FORM_COLUMNS, start=1):
        cell = _text(sheet, 1, c, label(f"col.{key}", lang))
        cell.font, cell.fill, cell.alignment = BOLD, HEADING, WRAP
    sheet.row_dimensions[1].height = 48  # the data column's title says what it takes, over three lines
    row = 1
    for info in walk(criteria):
        node, row = info.node, row + 1
        indent = "    " * (info.depth - 1)
        _text(sheet, row, 1, node.code).alignment = TOP
        _text(sheet, row, 2, indent + node.title).alignment = WRAP
        top = sheet.cell(row=row, column=3, value=_number(node.max, 6))
        top.number_format, top.alignment = "0.######", TOP
        sheet.row_dimensions[row].outline_level = info.depth - 1
        if not node.is_leaf:
            _fit_height(sheet, row, ((indent + node.title, FORM_WIDTHS[1]),))
            for c in range(1, 9):
                sheet.cell(row=row, column=c).font, sheet.cell(row=row, column=c).fill = BOLD, HEADING
            if node.allow_na:
                sheet.cell(row=row, column=5).protection = OPEN
            continue
        sheet.row_dimensions[row].height = 30  # room for the wrapped data title when the row has little text
        rule = node.scoring_rule
        if info.source == "survey":
            _text(sheet, row, 4, label("form.survey_note", lang)).alignment = WRAP
            continue
        words = _form_hint(rule, lang) + "\n" + describe_rule(rule, lang) + (f"\n{node.guide}" if node.guide else "")
        _text(sheet, row, 4, words).alignment = WRAP
        _fit_height(sheet, row, ((indent + node.title, FORM_WIDTHS[1]), (words, FORM_WIDTHS[3])))
        for c in INPUTS:
            cell = sheet.cell(row=row, column=c)
            cell.protection, cell.fill, cell.alignment = OPEN, INPUT, WRAP
        levels = None
        if rule.kind == "check":
            _validation(sheet, yes_no, row)
        elif rule.kind == "levels":
            levels = _level_lists(lists, rule, node.max)
            _validation(sheet, levels[0], row)
        elif rule.takes_percent:
            sheet.cell(row=row, column=5).number_format = "@"  # 45/50 stays text, not a date
        _self_points(sheet, row, rule, node.max, levels, lang)
    for adjustment in criteria.adjustments:
        row += 1
        _text(sheet, row, 1, adjustment.code)
        _text(sheet, row, 2, adjustment.title)
        sheet.cell(row=row, column=3, value=_number(adjustment.max, 6)).number_format = "0.######"
        sign = "+" if adjustment.kind == "bonus" else "−"
        _text(sheet, row, 4, f"{sign} {label('points_word', lang)}")
        for c in INPUTS:
            cell = sheet.cell(row=row, column=c)
            cell.protection, cell.fill, cell.alignment = OPEN, INPUT, WRAP
    sheet.freeze_panes = "C2"
    sheet.sheet_properties.outlinePr.summaryBelow = False
    _page(sheet, "1:1", FORM_WIDTHS)
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # people may widen a column or a row
    sheet.protection.formatRows = False


def _level_lists(lists: Worksheet, rule: Any, max_points: Any) -> tuple[str, str, str]:
    """A levels leaf's label, key and points columns in the hidden list sheet (the drop-down shows the labels;
    the points formula looks the typed label or key up)."""
    column = lists.max_column + 1 if lists.max_row > 1 or lists["A1"].value else 1
    levels = tuple(rule.levels)
    for r, level in enumerate(levels, start=1):
        _text(lists, r, column, level.label or level.key)
        _text(lists, r, column + 1, level.key)
        lists.cell(row=r, column=column + 2, value=float(award(level.points, level.percent, Fraction(max_points))))
    ranges = (
        f"'{lists.title}'!${get_column_letter(c)}$1:${get_column_letter(c)}${len(levels)}"
        for c in (column, column + 1, column + 2)
    )
    label_range, key_range, points_range = ranges
    return label_range, key_range, points_range


def _self_points(sheet: Worksheet, row: int, rule: Any, max_points: Any, levels: Any, lang: str) -> None:
    """The points the typed data earns, computed by a locked formula; a note where par computes them."""
    cell = sheet.cell(row=row, column=6)
    formula = points_formula(rule, max_points, f"E{row}", f"C{row}", levels)
    if formula is None:
        _text(sheet, row, 6, label("form.computed", lang)).alignment = WRAP
        return
    cell.value, cell.number_format, cell.alignment = formula, "0.###", TOP


def _validation(sheet: Worksheet, formula: str, row: int) -> None:
    """A drop-down on the data cell; a warning, not a stop, so that `KPS` can still be typed."""
    check = DataValidation(type="list", formula1=formula, allow_blank=True, errorStyle="warning")
    sheet.add_data_validation(check)
    check.add(f"E{row}")


def _survey_sheet(book: Workbook, criteria: CriteriaSet, lang: str) -> None:
    leaves = [info for info in walk(criteria) if info.node.is_leaf and info.source == "survey"]
    if not leaves:
        return
    letters: list[str] = []
    for info in leaves:
        rule = info.node.scoring_rule
        for answer in [*getattr(rule, "scale", {}), *getattr(rule, "not_counted", ())]:
            if answer not in letters:
                letters.append(answer)
    sheet = book.create_sheet(label("sheet.survey", lang))
    header = [label("col.code", lang), label("col.title", lang), label("col.max", lang), *letters]
    header.append(label("col.points", lang))
    for c, title in enumerate(header, start=1):
        cell = _text(sheet, 1, c, title)
        cell.font, cell.fill = BOLD, HEADING
    for row, info in enumerate(leaves, start=2):
        _text(sheet, row, 1, info.code)
        _text(sheet, row, 2, info.node.title).alignment = WRAP
        sheet.cell(row=row, column=3, value=_number(info.node.max, 6)).number_format = "0.######"
        likert = info.node.scoring_rule.kind == "likert"
        for c in range(4, len(header) + 1):
            if likert == (c <= 3 + len(letters)):
                cell = sheet.cell(row=row, column=c)
                cell.protection, cell.fill = OPEN, INPUT
    sheet.freeze_panes = "C2"
    _page(sheet, "1:1", (10, 50, 11, *([8] * len(letters)), 10))
    sheet.protection.sheet = True
