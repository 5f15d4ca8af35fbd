"""The appraisal council's workbook (`par appraisal workbook` / `par appraisal read`).

Out: every assessment of a folder (one set, one period), scored, for `render.council_xlsx` to lay out.
In: the filled workbook read back into appraisal files (`kind: appraisal`), one per appraiser for the whole
folder — `tham-dinh-<appraiser>.yaml`, the criteria no `appraiser:` names going to the council's own
(`appraiser: hoi-dong`). Each value is checked as an appraisal file's would be (`core.appraisal`), every problem
located at its cell, all at once; nothing is written on an error, nor over an existing file without --force.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from par_cli.core.appraisal import COUNCIL, appraisal_problems, owner, unclaimed_ids
from par_cli.core.diagnostics import Cell, Diagnostic, DocPath, LineCol, Location, ParError, UsageError, msg, problem
from par_cli.core.model import AppraisalFile
from par_cli.core.scoring import score
from par_cli.core.tree import index
from par_cli.readers.files import discover
from par_cli.readers.form_cells import CellReader, Raw, percent_scale
from par_cli.readers.form_words import form_hints
from par_cli.readers.sheet_xml import column_letter
from par_cli.readers.xlsx_form import _duplicate, _norm, _titles
from par_cli.services.appraisals import AppraisalSource
from par_cli.words.codes import errors_only
from par_cli.words.labels import label
from par_cli.words.languages import default

if TYPE_CHECKING:
    from par_cli.core.binding import Bound
    from par_cli.core.model import Adjustment, Assessment
    from par_cli.core.scoring import Score
    from par_cli.services.workspace import Workspace

    Assessed = tuple[Bound, Score, dict[str, Any]]  # bound with its appraisals, scored, its own answers and adjustments

# the council workbook's columns the reader needs, by their titles (labels.py), in either language
COUNCIL_COLUMNS = {
    "agency": "form.agency_id",
    "code": "col.code",
    "first_appraisal": "col.first_appraisal",
    "appraised": "col.appraised",
    "reason": "cut.reason",
}

# where `render.council_xlsx` writes them (its KEYS): a missing title is reported at its header cell
WRITTEN_AT = {"agency": 1, "code": 3, "first_appraisal": 9, "appraised": 10, "reason": 11}


class _Unmerged(AppraisalSource):
    """No appraisal file merged: the assessment's own answers."""

    def apply(
        self, model: Assessment, path: Path, criteria_id: str, adjustments: Iterable[Adjustment] = ()
    ) -> Assessment:
        return model


def gather(folder: Path, workspace: Workspace, plain: Workspace) -> list[Assessed]:
    """Every assessment under `folder`: bound (its appraisal files merged) by `workspace`, scored, and its own
    answers read by `plain` (no appraisal file merged: the appraisal values an assessment file holds itself are
    the assessment's, not the workbook's to write again); ParError
    with every file's errors, UsageError (U002) when they are not all of one set and one period."""
    plain.appraisals = _Unmerged(plain.read_appraisal)
    files, problems = discover([folder])
    found: list[Assessed] = []
    for path in sorted(files):
        try:
            bound = workspace.assessment(path)
            mine = plain.assessment(path).assessment
            own = {**mine.answers, **mine.adjustments}  # a set's adjustment codes are none of its criteria's (C002)
            found.append((bound, score(bound, detail=True), own))
        except ParError as exc:
            problems += exc.diagnostics
    if errors_only(problems):
        raise ParError(errors_only(problems))
    kinds = {(bound.criteria.id, bound.assessment.period) for bound, _, _ in found}
    if len(kinds) > 1:
        listed = ", ".join(f"{criteria} {period or '—'}" for criteria, period in sorted(kinds, key=str))
        raise UsageError([problem("U002", "council-mixed", found=listed).at(LineCol(str(folder)))])
    if not found:
        raise ParError([problem("F002", "no-assessments").at(LineCol(str(folder)))])
    return found


class CouncilBook:
    """A filled council workbook: its set and period, and per appraiser the values of every agency."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.criteria: str | None = None
        self.period: str | None = None
        self.period_at: Location | None = None  # the `Năm` cell
        self.places: dict[DocPath, Location] = {}  # (agencies, agency, code[, field]) → the cell
        self.cells: dict[str, dict[str, dict[str, Raw]]] = {}  # agency → code → {field: its cell}
        self.agencies: dict[str, dict[str, dict[str, Any]]] = {}  # agency → code → {field: value}
        self.rows: dict[tuple[str, str], Location] = {}  # (agency, code) → its code cell, the first row giving it
        self.ids: dict[tuple[str, str], Location] = {}  # (agency, code) → its agency cell
        self.problems: list[Diagnostic] = []


def read_council(path: Path, file: str) -> CouncilBook:
    """The workbook's details and appraisal cells, or ParError (F005) when it is not a council workbook."""
    from par_cli.readers.workbooks import open_book, refusal

    book = CouncilBook(file)
    try:
        values = open_book(path)
    except Exception as exc:
        raise ParError([refusal(exc, path, file)]) from None
    sheets = {_norm(sheet.title): sheet for sheet in values.sheets}
    details = next((sheets[t] for t in _titles("sheet.details") if t in sheets), None)
    council = next((sheets[t] for t in _titles("sheet.council") if t in sheets), None)
    if details is None or council is None:
        raise ParError([problem("F005", "not-a-council-workbook").at(LineCol(file, 1, 1))])
    _read_details(book, details)
    titles = {key: _titles(label_key) for key, label_key in COUNCIL_COLUMNS.items()}
    header: dict[str, int] = {}
    for c, cell in council.rows.get(1, {}).items():
        for key, found in titles.items():
            if _norm(cell.value) in found:
                header.setdefault(key, c)
    if not {"agency", "code", "appraised"} <= set(header):
        where = Cell(file, council.title, "A1", 1, 1)
        raise ParError([problem("F005", "council-no-header", sheet=council.title).at(where)])
    missing = [key for key in COUNCIL_COLUMNS if key not in header]
    if missing:  # a column renamed or blanked: the values under it would be lost without a word
        lost = []
        for key in missing:
            column = WRITTEN_AT[key]
            where = Cell(file, council.title, f"{column_letter(column)}1", 1, column)
            title = label(COUNCIL_COLUMNS[key], default())
            lost.append(problem("F005", "council-no-column", sheet=council.title, title=title).at(where))
        raise ParError(lost)
    _read_rows(book, council, header)
    return book


def _read_details(book: CouncilBook, details: Any) -> None:
    """The set's id and the period (a year, as the workbook wrote it: a date or a word is refused at its cell)."""
    for r, cells in details.rows.items():
        first, second = cells.get(1), cells.get(2)
        if first is None:
            continue
        title = _norm(first.value)
        value = second.value if second is not None else None
        if title in _titles("form.criteria") and value is not None:
            book.criteria = unicodedata.normalize("NFC", str(value)).strip()
        if title in _titles("form.period") and value is not None:
            where = Cell(book.file, details.title, f"B{r}", r, 2)
            book.period_at = where
            text = str(value).strip()
            if isinstance(value, float) and value.is_integer():
                text = str(int(value))
            if isinstance(value, bool) or not re.fullmatch(r"\d{4}", text):
                found = problem("A003", "council-period", ("period",), msg("hint.council-period"), value=text)
                book.problems.append(found.at(where))
            else:
                book.period = text


def _read_rows(book: CouncilBook, sheet: Any, header: dict[str, int]) -> None:
    reader = CellReader(book.problems)
    for r in sorted(sheet.rows):
        if r < 2:
            continue
        cells = {}
        for key, c in header.items():
            cell = sheet.cell(r, c)
            where = Cell(book.file, sheet.title, f"{column_letter(c)}{r}", r, c)
            cells[key] = Raw(cell.value, where, cell.uncomputed, percent_scale(str(cell.number_format or "")))
        given: dict[str, Raw] = {f: cells[f] for f in ("first_appraisal", "appraised", "reason")}
        filled = [f for f, raw in given.items() if raw.uncomputed or not reader.blank(raw)]
        agency, code = (reader.text(cells[k], ()) for k in ("agency", "code"))
        if agency is None or code is None:
            for key in ("agency", "code"):
                blank = cells[key]
                if filled and reader.blank(blank):  # whose value, or for which criterion, nobody can tell
                    title = label(COUNCIL_COLUMNS[key], default())
                    found = problem("A003", "council-row-no-id", hint=msg("hint.council-row-no-id"), title=title)
                    book.problems.append(found.at(blank.where))
            continue
        first = book.rows.get((agency, code))
        if first is not None:
            book.problems.append(_duplicate(cells["code"].where, first, "code"))
            continue
        book.rows[(agency, code)] = cells["code"].where
        book.ids[(agency, code)] = cells["agency"].where
        for field, raw in given.items():
            book.places[("agencies", agency, code, field)] = raw.where
        if filled:
            book.places[("agencies", agency, code)] = cells["appraised"].where
            book.cells.setdefault(agency, {})[code] = given


def _values(book: CouncilBook, nodes: Any) -> None:
    """The cells as values, each read by its leaf's rule (`Có` for a check, a level's label, `45/50`)."""
    reader = CellReader(book.problems)
    for agency, codes in book.cells.items():
        for code, given in codes.items():
            info = nodes.get(code)
            rule = info.node.scoring_rule if info is not None and info.node.is_leaf else None
            answer: dict[str, Any] = {}
            for field, raw in given.items():
                path: DocPath = ("agencies", agency, code, field)
                value = reader.text(raw, path) if field == "reason" else reader.input(raw, path, rule)
                if value == "na" and field != "reason":  # KPS: applicability is the agency's answer, not a cut
                    found = problem("A003", "council-na", path, msg("hint.council-na"), code=code)
                    book.problems.append(found.at(raw.where))
                elif value is not None:
                    answer[field] = value
            if answer and not any(raw.uncomputed for raw in given.values()):  # refused: its value is unknown
                book.agencies.setdefault(agency, {})[code] = answer


def appraisal_files(book: CouncilBook, workspace: Workspace, folder: Path) -> dict[str, str]:
    """Each appraiser's file name → its YAML text; ParError with every located problem."""
    if book.criteria is None:
        raise ParError([problem("F005", "not-a-council-workbook").at(LineCol(book.file, 1, 1))])
    loaded = workspace.named(book.criteria, folder)
    nodes = index(loaded.model)
    _against_folder(book, folder, nodes, type(workspace)())  # a fresh one: no appraisal file merged
    _values(book, nodes)
    by_owner: dict[str, dict[str, dict[str, Any]]] = {}
    for agency, answers in book.agencies.items():
        for code, fields in answers.items():
            who = owner(code, nodes) if code in nodes else COUNCIL
            values = by_owner.setdefault(who or COUNCIL, {}).setdefault(agency, {})
            values[code] = fields if set(fields) != {"appraised"} else fields["appraised"]
    problems = list(book.problems)
    for who, agencies in by_owner.items():
        file = AppraisalFile("appraisal", book.criteria, who, agencies, book.period)
        for found in appraisal_problems(file, loaded.model, nodes):
            problems.append(found.at(_place(book, found.path)))
    if problems:  # in the sheet's order: row by row, left to right
        raise ParError(form_hints(problems, []))  # in the form's terms; ParError orders them by row and column
    names = _existing(workspace, folder, loaded.model.id, book.period)
    return {names.get(who, f"tham-dinh-{who}.yaml"): _text(book, who, agencies) for who, agencies in by_owner.items()}


def _against_folder(book: CouncilBook, folder: Path, nodes: Any, plain: Workspace) -> None:
    """The workbook against the folder's assessments (each read as written, no appraisal file merged): an agency
    none is for (A022, as `par check` says of an appraisal file), a period not theirs, and a value typed on a row
    whose appraisal the assessment file holds itself (it stays there: the row is written locked)."""
    from par_cli.core.model import periods_agree

    plain.appraisals = _Unmerged(plain.read_appraisal)
    files, _ = discover([folder]) if folder.is_dir() else ([], [])
    own: dict[str, tuple[str, dict[str, Any]]] = {}  # agency id → (its file, its own answers and adjustments)
    periods: set[str | None] = set()
    for path in sorted(files):
        try:
            model = plain.assessment(path).assessment
        except ParError:
            continue  # `par check` says why; its agency is still not the workbook's to invent
        if model.criteria != book.criteria:
            continue
        periods.add(model.period)
        own.setdefault(model.agency.id, (path.name, {**model.answers, **model.adjustments}))
    if book.period is not None and book.period_at is not None and periods:  # noqa: SIM102
        if not any(periods_agree(book.period, period) for period in periods):
            theirs = ", ".join(sorted(str(p) for p in periods if p is not None)) or "—"
            found = problem("A003", "council-period-other", ("period",), value=book.period, period=theirs)
            book.problems.append(found.at(book.period_at))
    for agency, close in unclaimed_ids(list(book.cells), own):
        hint = msg("hint.did-you-mean", name=close) if close else None
        found = problem("A022", "appraisal-no-assessment", ("agencies", agency), hint, id=agency)
        for code in book.cells.pop(agency):
            book.problems.append(found.at(book.ids[(agency, code)]))
    known = {agency.casefold(): agency for agency in own}
    for agency, codes in list(book.cells.items()):
        file, answers = own[known[agency.casefold()]]
        for code, given in list(codes.items()):
            held = _fields(answers.get(code))
            if not any(held.get(f) is not None for f in ("first_appraisal", "appraised", "reason")):
                continue
            for field, raw in given.items():
                if not _same(raw, held.get(field), None if field == "reason" else nodes.get(code)):
                    found = problem("A003", "council-held", ("agencies", agency, code, field), file=file, code=code)
                    book.problems.append(found.at(raw.where))
            del codes[code]


def _fields(raw: Any) -> dict[str, Any]:
    if isinstance(raw, dict) and set(raw) & {"self", "appraised", "first_appraisal", "reason", "na"}:
        return raw
    return {}


def _same(raw: Raw, held: Any, info: Any) -> bool:
    """Whether a locked cell still shows what the assessment file holds (as the workbook wrote it)."""
    if raw.uncomputed:
        return False
    reader = CellReader([])
    if reader.blank(raw):
        return held is None
    if held is None:
        return False
    rule = info.node.scoring_rule if info is not None and info.node.is_leaf else None
    value = reader.text(raw, ()) if info is None else reader.input(raw, (), rule)
    if value == held:
        return True
    return _norm(str(raw.value)) == _norm(str(getattr(held, "source", held)))


def _existing(workspace: Workspace, folder: Path, criteria_id: str, period: str | None) -> dict[str, str]:
    """The file name each appraiser's appraisal file of this set and period has in `folder` already: the workbook
    replaces it (with --force) rather than giving every value twice in a second file."""
    from par_cli.core.model import periods_agree

    if not folder.is_dir():
        return {}
    found: dict[str, str] = {}
    for appraisal in workspace.appraisals.in_folder(folder):
        file = appraisal.file
        if file is not None and appraisal.criteria_id == criteria_id and periods_agree(file.period, period):
            found.setdefault(file.appraiser, Path(appraisal.name).name)
    return found


def _place(book: CouncilBook, path: DocPath) -> Location:
    for end in range(len(path), 0, -1):
        if path[:end] in book.places:
            return book.places[path[:end]]
    return LineCol(book.file, 1, 1)


def _text(book: CouncilBook, who: str, agencies: dict[str, dict[str, Any]]) -> str:
    lines = ["kind: appraisal", f"criteria: {_yaml(book.criteria)}", f"appraiser: {_yaml(who)}"]
    if book.period is not None:
        lines.append(f"period: {book.period if book.period.isdigit() else _yaml(book.period)}")
    lines.append("agencies:")
    for agency, answers in agencies.items():
        lines.append(f"  {_key(agency)}:")
        lines += [f"    {_yaml(code)}: {_yaml(value)}" for code, value in answers.items()]
    return "\n".join(lines) + "\n"


def write_files(files: dict[str, str], folder: Path, force: bool) -> None:
    """The appraisal files into `folder`; UsageError (U003) before any write when one exists (without force)."""
    from par_cli.io.output import write_new

    write_new({folder / name: text for name, text in files.items()}, force, "council-file-exists")


def _yaml(value: Any) -> str:
    """A value as YAML flow text (as `par import` writes answers)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)}: {_yaml(v)}" for k, v in value.items()) + "}"
    source = getattr(value, "source", None)
    if source is not None:
        return str(source)
    return json.dumps(str(value), ensure_ascii=False)


def _key(key: str) -> str:
    return key if key.isidentifier() and key.isascii() else json.dumps(key, ensure_ascii=False)
