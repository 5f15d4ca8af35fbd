"""Excel workbooks (openpyxl): the fillable assessment form, one agency's score, and rankings.

Text from files is always written as text (never run as a formula); figures are numbers with a format showing
the set's precision. The form is a document an agency signs: its title, the agency and the set above the
table, borders, the signature block under it; it prints on A4 at its size (fitted to the page's width only),
with its header repeated on every page.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from par_cli.core.diagnostics import msg
from par_cli.core.rules.base import award, award_words
from par_cli.core.tree import walk
from par_cli.render.views import TemplateView
from par_cli.render.xlsx_formulas import form_hint as _form_hint
from par_cli.render.xlsx_formulas import points_formula
from par_cli.words.catalogue import text
from par_cli.words.explain import describe_rule
from par_cli.words.labels import label
from par_cli.writers.xlsx_cells import (
    BOLD,
    CENTRE,
    HEADING,
    INPUT,
    ITALIC,
    LINE,
    TOP,
    WRAP,
    _fit_height,
    _new_book,
    _number,
    _page,
    _save,
    _text,
    fit_header,
    grid,
    page_title,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from par_cli.core.model import CriteriaSet

OPEN = Protection(locked=False)
# The agency's form has no appraised column: the council's values are the council's (`par appraisal workbook`).
FORM_COLUMNS = ("code", "title", "max", "rule", "self", "self_points", "evidence", "explanation")
FORM_WIDTHS = (7, 36, 7, 30, 15, 10, 20, 15)  # 140 characters: A4 landscape at full size
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
    how = label("form.how", lang)
    _text(details, len(rows) + 2, 1, how).alignment = WRAP
    details.merge_cells(start_row=len(rows) + 2, start_column=1, end_row=len(rows) + 2, end_column=2)
    grid(details, 1, len(rows), 2)
    _page(details, "", (22, 70), portrait=True)
    _fit_height(details, len(rows) + 2, ((how, 92),))
    details.protection.sheet = True
    name = (agency.name or agency.id) if agency is not None else None
    _criteria_sheet(book, view, name, lang)
    _survey_sheet(book, criteria, lang)
    if agency is not None:  # details filled: the form opens, and Excel's Print prints it, on the criteria
        opened = book[label("sheet.criteria", lang)]
        book.active = opened
        for sheet in book.worksheets:
            sheet.sheet_view.tabSelected = sheet is opened
    return _save(book)


def _criteria_sheet(book: Workbook, view: TemplateView, agency: str | None, lang: str) -> None:
    """The form's table under its printed title (the agency's name, or a line to write it on; the set by its
    title: the page's header, so that the table's header stays the sheet's first row, where every version of
    the form and every person filling it finds it), and the signature block under it."""
    criteria = view.criteria
    sheet = book.create_sheet(label("sheet.criteria", lang))
    lists = book.create_sheet(label("sheet.lists", lang))
    lists.sheet_state = "hidden"
    yes_no = f'"{label("yes", lang)},{label("no", lang)}"'
    header = [label(f"col.{key}", lang) for key in FORM_COLUMNS]
    widths = fit_header(header, FORM_WIDTHS)
    heading = [
        f"{label('form.title', lang)} {view.period}".strip(),
        f"{label('form.agency_name', lang)}: {agency or '…' * 30}",
        f"{label('form.criteria', lang)}: {criteria.title or view.reference}",
    ]
    top = 1  # the header's row: forms of every version are read (and typed into) alike
    for c, title in enumerate(header, start=1):
        cell = _text(sheet, top, c, title)
        cell.font, cell.fill, cell.alignment = BOLD, HEADING, CENTRE
    _fit_height(sheet, top, tuple(zip(header, widths, strict=True)), bold=True)
    row = top
    for info in walk(criteria):
        node, row = info.node, row + 1
        indent = " " * 3 * (info.depth - 1)  # the room the cell's indent takes, for its height
        _text(sheet, row, 1, node.code).alignment = TOP
        _text(sheet, row, 2, node.title).alignment = Alignment(
            horizontal="left", wrap_text=True, vertical="top", indent=info.depth - 1
        )
        top_cell = sheet.cell(row=row, column=3, value=_number(node.max, 6))
        top_cell.number_format = "0.######"
        sheet.row_dimensions[row].outline_level = info.depth - 1
        top_cell.alignment = CENTRE
        if not node.is_leaf:
            _fit_height(sheet, row, ((indent + node.title, widths[1]),), bold=True)
            for c in range(1, 9):
                sheet.cell(row=row, column=c).font, sheet.cell(row=row, column=c).fill = BOLD, HEADING
            if node.allow_na:
                sheet.cell(row=row, column=5).protection = OPEN
            continue
        rule = node.scoring_rule
        if info.source == "survey":
            note = label("form.survey_note", lang)
            _text(sheet, row, 4, note).alignment = WRAP
            _fit_height(sheet, row, ((indent + node.title, widths[1]), (note, widths[3])))
            continue
        words = _form_hint(rule, lang) + "\n" + rule_words(rule, lang) + (f"\n{node.guide}" if node.guide else "")
        _text(sheet, row, 4, words).alignment = WRAP
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
        computed = sheet.cell(row=row, column=6).value
        note = computed if isinstance(computed, str) and not computed.startswith("=") else ""
        _fit_height(sheet, row, ((indent + node.title, widths[1]), (words, widths[3]), (note, widths[5])))
    for adjustment in criteria.adjustments:
        row += 1
        _text(sheet, row, 1, adjustment.code).alignment = TOP
        _text(sheet, row, 2, adjustment.title).alignment = WRAP
        cell = sheet.cell(row=row, column=3, value=_number(adjustment.max, 6))
        cell.number_format, cell.alignment = "0.######", CENTRE
        sign = "+" if adjustment.kind == "bonus" else "−"
        _text(sheet, row, 4, f"{sign} {label('points_word', lang)}").alignment = WRAP
        _fit_height(sheet, row, ((adjustment.title, widths[1]),))
        for c in INPUTS:
            cell = sheet.cell(row=row, column=c)
            cell.protection, cell.fill, cell.alignment = OPEN, INPUT, WRAP
    grid(sheet, top, row, len(FORM_COLUMNS))
    _signatures(sheet, row + 2, lang)
    sheet.freeze_panes = f"C{top + 1}"
    sheet.sheet_properties.outlinePr.summaryBelow = False
    _page(sheet, f"{top}:{top}", widths)
    page_title(sheet, heading)
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # people may widen a column or a row
    sheet.protection.formatRows = False


def _signatures(sheet: Worksheet, row: int, lang: str) -> None:
    """The signature block under the table: who made the form on the left, the head of the agency (signature
    and seal) on the right, under the place and date. Never in the code column: the reader reads codes there."""
    _text(sheet, row, 5, label("form.place_date", lang)).font = ITALIC
    sheet.merge_cells(start_row=row, start_column=5, end_row=row, end_column=8)
    blocks = ((2, 2, "form.preparer", "form.sign"), (5, 8, "form.signer", "form.sign_seal"))
    for first, last, who, how in blocks:
        for r, key, font in ((row + 1, who, BOLD), (row + 2, how, ITALIC)):
            cell = _text(sheet, r, first, label(key, lang))
            cell.font, cell.alignment = font, CENTRE
            if last > first:
                sheet.merge_cells(start_row=r, start_column=first, end_row=r, end_column=last)
    for r in (row, row + 1, row + 2):
        sheet.cell(row=r, column=5).alignment = CENTRE
        sheet.row_dimensions[r].height = LINE + 3


def rule_words(rule: Any, lang: str) -> str:
    """The rule in words as the agency reads it: a level by its label (`Ban hành kịp thời: 1 điểm`), never its
    key (which the drop-down does not show)."""
    if rule.kind != "levels":
        return describe_rule(rule, lang)
    return "; ".join(
        text(msg("rule.level", key=level.label or level.key, award=award_words(level.points, level.percent)), lang)
        for level in rule.levels
    )


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
    """The office's sheet, not the agency's: the survey team's answer counts or points for each survey leaf,
    typed by the office when the form comes back (read by `readers.xlsx_form`). Hidden: the agency neither sees
    nor prints it (the office shows it: right-click a sheet tab → Unhide)."""
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
    sheet.sheet_state = "hidden"
    header = [label("col.code", lang), label("col.title", lang), label("col.max", lang), *letters]
    header.append(label("col.points", lang))
    widths = fit_header(header, (7, 50, 7, *([6] * len(letters)), 9))
    for c, title in enumerate(header, start=1):
        cell = _text(sheet, 1, c, title)
        cell.font, cell.fill, cell.alignment = BOLD, HEADING, CENTRE
    _fit_height(sheet, 1, tuple(zip(header, widths, strict=True)), bold=True)
    for row, info in enumerate(leaves, start=2):
        _text(sheet, row, 1, info.code).alignment = TOP
        _text(sheet, row, 2, info.node.title).alignment = WRAP
        _fit_height(sheet, row, ((info.node.title, widths[1]),))
        top = sheet.cell(row=row, column=3, value=_number(info.node.max, 6))
        top.number_format, top.alignment = "0.######", CENTRE
        likert = info.node.scoring_rule.kind == "likert"
        for c in range(4, len(header) + 1):
            if likert == (c <= 3 + len(letters)):
                cell = sheet.cell(row=row, column=c)
                cell.protection, cell.fill = OPEN, INPUT
    grid(sheet, 1, len(leaves) + 1, len(header))
    sheet.freeze_panes = "C2"
    _page(sheet, "1:1", widths)
    sheet.protection.sheet = True
