"""The appraisal council's workbook (`par appraisal workbook FOLDER`): every agency, every criterion it
answers, with its self-assessed data and points, the agency's explanation, who appraises it, and yellow cells
for the council's first appraisal, final appraisal and reason (read back by `par appraisal read`); then the
set's bonus and penalty points (adjustments), each with the points the agency claimed, for the council to
appraise (a bonus or a penalty the agency did not claim too)."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from openpyxl.styles import Protection
from openpyxl.worksheet.datavalidation import DataValidation

from par_cli.core.appraisal import COUNCIL, owner
from par_cli.core.model import Adjustment
from par_cli.core.tree import walk
from par_cli.render.xlsx_formulas import form_hint as _form_hint
from par_cli.words.labels import label
from par_cli.words.languages import language
from par_cli.writers.xlsx_cells import (
    BOLD,
    CENTRE,
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
    fit_header,
    grid,
    page_title,
)

if TYPE_CHECKING:
    from par_cli.core.binding import Bound
    from par_cli.core.scoring import NodeResult, Score

OPEN = Protection(locked=False)
KEYS = (
    "form.agency_id",
    "form.agency_name",
    "col.code",
    "col.title",
    "col.max",
    "col.rule",
    "col.self_text",
    "col.self_scored",
    "col.first_appraisal",
    "col.appraised",
    "cut.reason",
    "col.explanation",
    "col.appraiser",
)
WIDTHS = (14, 20, 7, 40, 8, 26, 13, 9, 12, 12, 30, 30, 16)
INPUTS = (9, 10, 11)


def council_workbook(assessed: list[tuple[Bound, Score, dict[str, Any]]], lang: str | None = None) -> bytes:
    """One row per agency and leaf it is appraised on (survey leaves are scored by the survey, not appraised)."""
    first = assessed[0][0]
    lang = lang or first.criteria.language
    book = _new_book()
    details = book.create_sheet(label("sheet.details", lang))
    rows = (("form.criteria", first.assessment.criteria), ("form.period", first.assessment.period or ""))
    for r, (key, value) in enumerate(rows, start=1):
        _text(details, r, 1, label(key, lang)).font = BOLD
        _text(details, r, 2, value)
    _text(details, 4, 1, label("council.how", lang)).alignment = WRAP
    details.merge_cells(start_row=4, start_column=1, end_row=4, end_column=2)
    details.row_dimensions[4].height = 120
    _page(details, "1:1", (22, 70))
    details.protection.sheet = True
    sheet = book.create_sheet(label("sheet.council", lang))
    header = [label(key, lang) for key in KEYS]
    widths = fit_header(header, WIDTHS)
    for c, title in enumerate(header, start=1):
        cell = _text(sheet, 1, c, title)
        cell.font, cell.fill, cell.alignment = BOLD, HEADING, CENTRE
    _fit_height(sheet, 1, tuple(zip(header, widths, strict=True)), bold=True)
    yes_no = DataValidation(
        type="list", formula1=f'"{label("yes", lang)},{label("no", lang)}"', allow_blank=True, errorStyle="warning"
    )
    sheet.add_data_validation(yes_no)
    row = 1
    for bound, result, own in assessed:
        points = _leaves(result)
        for info in walk(bound.criteria):
            node = info.node
            if not node.is_leaf or info.source == "survey" or info.code not in points:
                continue
            row += 1
            _row(sheet, row, bound, info, points[info.code], own.get(info.code), lang)
            if node.scoring_rule.kind == "check":
                yes_no.add(f"I{row}:J{row}")
        for adjustment in bound.criteria.adjustments:
            row += 1
            _adjustment_row(sheet, row, bound, adjustment, own.get(adjustment.code), lang)
    sheet.freeze_panes = "E2"
    sheet.auto_filter.ref = f"A1:M{max(row, 1)}"
    grid(sheet, 1, max(row, 1), len(KEYS))
    _page(sheet, "1:1", widths)
    period = first.assessment.period or ""
    page_title(sheet, [f"{label('sheet.council', lang)} {period}".strip(), first.criteria.title or first.criteria.id])
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.protection.autoFilter = False
    sheet.protection.sort = False
    return _save(book)


def _row(sheet: Any, row: int, bound: Bound, info: Any, result: NodeResult, own: Any, lang: str) -> None:
    """One leaf of one agency. The council's values already given are shown: those of appraisal files in the
    yellow cells (read back, they are written again), those the assessment file holds itself in locked cells
    (the assessment keeps them; `par appraisal read` refuses a value typed there)."""
    node, agency = info.node, bound.assessment.agency
    answer = bound.answers.get(info.code)
    raw = _long(bound.assessment.answers.get(info.code))
    held = any(_long(own).get(f) is not None for f in ("first_appraisal", "appraised", "reason"))
    own_input = "na" if raw.get("na") or not result.applicable else raw.get("self")
    texts = (
        agency.id,
        agency.name,
        info.code,
        node.title,
        None,
        _form_hint(node.scoring_rule, lang),
        _as_read(_shown(own_input, node.scoring_rule, lang), lang),
        None,
        _shown(raw.get("first_appraisal"), node.scoring_rule, lang),
        _shown(raw.get("appraised"), node.scoring_rule, lang),
        raw.get("reason"),
        answer.explanation if answer is not None else None,
        owner(info.code, bound.nodes) or COUNCIL,
    )
    for c, value in enumerate(texts, start=1):
        if value is not None:
            _text(sheet, row, c, value).alignment = WRAP if c in (2, 4, 6, 7, 9, 10, 11, 12, 13) else TOP
    _figures_and_inputs(sheet, row, ((5, node.max), (8, result.self_points if result.applicable else None)), held)
    if getattr(node.scoring_rule, "takes_percent", False):
        for c in (9, 10):
            sheet.cell(row=row, column=c).number_format = "@"  # 45/50 stays text, not a date
    shown = [(str(texts[c] or ""), WIDTHS[c]) for c in (1, 3, 5, 6, 9, 10, 11, 12)]
    _fit_height(sheet, row, tuple(shown))


def _adjustment_row(sheet: Any, row: int, bound: Bound, adjustment: Adjustment, own: Any, lang: str) -> None:
    """One bonus or penalty of one agency: the points it claimed (none: blank), the council's cells. As for a
    criterion, an appraisal the assessment file holds itself is shown locked (and stays in that file)."""
    agency = bound.assessment.agency
    raw = _long(bound.assessment.adjustments.get(adjustment.code))
    held = any(_long(own).get(f) is not None for f in ("first_appraisal", "appraised", "reason"))
    sign = "+" if adjustment.kind == "bonus" else "−"
    texts = (
        agency.id,
        agency.name,
        adjustment.code,
        adjustment.title,
        None,
        f"{sign} 0–{_plain(adjustment.max)} {label('points_word', lang)}",
        _shown(raw.get("self"), None, lang),
        None,
        _shown(raw.get("first_appraisal"), None, lang),
        _shown(raw.get("appraised"), None, lang),
        raw.get("reason"),
        raw.get("explanation") or raw.get("note"),
        COUNCIL,
    )
    for c, value in enumerate(texts, start=1):
        if value is not None:
            _text(sheet, row, c, str(value)).alignment = WRAP if c in (2, 4, 6, 7, 9, 10, 11, 12, 13) else TOP
    claimed = raw.get("self")
    figures = (
        (5, adjustment.max),
        (8, claimed if isinstance(claimed, Decimal) and not isinstance(claimed, bool) else None),
    )
    _figures_and_inputs(sheet, row, figures, held)
    shown = [(str(texts[c] or ""), WIDTHS[c]) for c in (1, 3, 5, 6, 9, 10, 11, 12)]
    _fit_height(sheet, row, tuple(shown))


FIELDS = {"self", "appraised", "first_appraisal", "reason", "evidence", "explanation", "na", "survey"}


def _long(raw: Any) -> dict[str, Any]:
    """An answer as its fields: `"1.2": false` and `{done: 14, total: 20}` are the self-assessed value."""
    if isinstance(raw, dict) and set(raw) & FIELDS:
        return raw
    return {"self": raw} if raw is not None else {}


def _leaves(result: Score) -> dict[str, NodeResult]:
    found: dict[str, NodeResult] = {}

    def visit(node: NodeResult) -> None:
        if not node.children:
            found[node.code] = node
        for child in node.children:
            visit(child)

    for area in result.areas:
        visit(area)
    return found


def _shown(value: Any, rule: Any, lang: str) -> str | None:
    """The agency's input as the form shows it: `45/50`, `Có`, a level's label, `KPS`."""
    if value is None:
        return None
    if isinstance(value, bool):
        return label("yes" if value else "no", lang)
    if isinstance(value, dict) and set(value) == {"done", "total"}:
        return f"{_plain(value['done'])}/{_plain(value['total'])}"
    if value == "na":
        return label("na_input", lang)
    if rule is not None and rule.kind == "levels":
        return next((lv.label or lv.key for lv in rule.levels if lv.key == str(value)), str(value))
    return _plain(value)


def _plain(value: Any) -> str:
    return str(getattr(value, "source", value))


def _figures_and_inputs(sheet: Any, row: int, figures: Any, held: bool) -> None:
    """A row's figures (max, claimed points) as numbers, and its council cells open and yellow unless the
    assessment holds the value itself (then locked: it is not the workbook's to write again)."""
    for c, figure in figures:
        if figure is not None:
            cell = sheet.cell(row=row, column=c, value=_number(Fraction(figure), 6))
            cell.number_format, cell.alignment = "0.###", TOP
    for c in INPUTS:
        cell = sheet.cell(row=row, column=c)
        cell.alignment = WRAP
        if not held:
            cell.protection, cell.fill = OPEN, INPUT


def _as_read(text: str | None, lang: str) -> str | None:
    """The agency's figure in the locked data cell as a Vietnamese reader writes it (`97,5`); the council's own
    cells keep the dot, which reads back unambiguously (`1,250` would not)."""
    point = language(lang).decimal
    if text is None or point == "." or not re.fullmatch(r"-?\d+\.\d+", text):
        return text
    return text.replace(".", point)
