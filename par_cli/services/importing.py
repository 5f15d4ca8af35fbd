"""`par import`: an office's export (CSV or a workbook) into one assessment file per agency.

Columns are found by their titles, the form's or those offices use (`Mã tiêu chí`, `Điểm tự chấm`, `Lý do`…), in
Vietnamese or English (`--map TITLE=FIELD` for others), in the first row that names the agency id column (a title
block above the table is skipped). The table is either long (one row per agency and criterion: `Mã`, `Tự đánh
giá`, `Thẩm định`…) or wide (one row per agency, one column per criterion code holding the input that counts),
told from the header. Every agency is
validated and bound against the set exactly as a file would be, and every problem is reported (file:row:column
title, the header being row 1) before anything is written.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path
from typing import Any

from par_cli.core.binding import bind
from par_cli.core.diagnostics import (
    Diagnostic,
    DocPath,
    Level,
    LineCol,
    Location,
    ParError,
    Row,
    msg,
    os_reason,
    placed,
    problem,
)
from par_cli.core.formats import validate
from par_cli.core.model import CriteriaSet
from par_cli.core.tree import NodeInfo, no_criterion
from par_cli.io.suffixes import kind_of_suffix
from par_cli.readers.files import display
from par_cli.readers.form_cells import CellReader, Raw
from par_cli.readers.tables import Table, read_table
from par_cli.readers.xlsx_form import COLUMNS, DETAILS, FormDocument, _norm
from par_cli.services.bulk import collector_paused, released
from par_cli.services.import_points import POINTS_FIELDS, points_input
from par_cli.services.import_yaml import assessment_yaml
from par_cli.words.codes import errors_only, level_of

_SAFE = re.compile(r"[A-Za-z0-9À-ỹ][A-Za-z0-9À-ỹ._-]*")  # an agency id that can name its file
ANSWER_FIELDS = ("self", "appraised", "first_appraisal", "evidence", "explanation", "reason")
FIELDS = ("id", "name", "group", "type", "period", "code", *ANSWER_FIELDS, *POINTS_FIELDS)
INPUTS = ("self", "appraised", "first_appraisal", "survey")
ORDER = ("self", "survey", "first_appraisal", "appraised", "evidence", "explanation", "reason")
# The titles offices give these columns, besides the form's (`Tự đánh giá`, `Thẩm định`…). `Điểm tự chấm` holds
# POINTS: the input of a `points` criterion, refused on a criterion scored from data (a percentage, a count).
TITLES = {
    "code": ("Mã tiêu chí", "Mã chỉ số", "Mã TC", "Criterion code", "Criterion"),
    "self_points": ("Tự chấm", "Điểm tự chấm", "Điểm tự đánh giá", "Self points", "Self-assessed points"),
    "appraised_points": ("Điểm thẩm định", "Điểm đánh giá", "Appraised points"),
    "first_appraisal": ("Thẩm định lần đầu", "Thẩm định lần 1", "First appraisal"),
    "reason": ("Lý do", "Lý do điều chỉnh", "Lý do thẩm định", "Reason"),
}


@functools.cache  # from the labels: the same for every table (read by `import_table` and `columns`)
def _known() -> dict[str, str]:
    known = {
        title: key for key, titles in DETAILS.items() for title in titles if key not in ("criteria", "appraised_by")
    }
    known.update({title: key for key, titles in COLUMNS.items() for title in titles if key != "points"})
    known.update({_norm(title): key for key, titles in TITLES.items() for title in titles})
    return known


def _field(title: str, known: dict[str, str], mapping: dict[str, str]) -> str | None:
    text = unicodedata.normalize("NFC", title).strip()
    return mapping.get(text) or known.get(_norm(text))


def columns(table: Table, criteria: CriteriaSet, nodes: dict[str, NodeInfo], mapping: dict[str, str]) -> dict[int, str]:
    """Column index → field (one of FIELDS, or a criterion code for the wide shape)."""
    known = _known()
    codes = {*nodes, *(a.code for a in criteria.adjustments)}
    found: dict[int, str] = {}
    for i, title in enumerate(table.header):
        text = unicodedata.normalize("NFC", title)
        field = _field(text, known, mapping)
        if field is not None:
            found[i] = field
        elif text in codes:
            found[i] = text
    return found


_CODE_LIKE = re.compile(r"\d+(?:\.\d+)+[a-z]?|\d+[a-z]")  # 1.1.2, 3.2a, 8b: how criteria are numbered


def _unknown_code(table: Table, i: int, title: str, criteria_id: str, nodes: dict[str, NodeInfo]) -> Diagnostic:
    """A001 at the column's title: no criterion of the set has this code (did you mean the closest?)."""
    code = unicodedata.normalize("NFC", title.strip())
    return no_criterion(code, nodes, criteria_id).at(Row(table.file, table.top, title, i + 1))


def _document(file: str) -> FormDocument:
    doc = FormDocument(file)
    doc.data.update({"agency": {}, "answers": {}, "adjustments": {}})
    return doc


def import_table(
    path: Path,
    criteria: CriteriaSet,
    nodes: dict[str, NodeInfo],
    mapping: dict[str, str],
    reference: str,
    strict: bool = False,
) -> tuple[dict[str, str], list[str], list[Diagnostic]]:
    """Agency id → its assessment as YAML text, the titles of columns left out, and the warnings its cells raise
    (A023: `0,5` read as 0.5 % where 50 % was likely meant, a thousands dot), to be shown: never dropped.
    ParError with every problem of every row; `strict`: the cells' warnings are errors too (nothing written)."""
    if kind_of_suffix(path) in ("ods", "xls"):  # their cells' number formats are not read: a 95 % cell would be 0.95
        refused = problem("F005", "import-not-xlsx", hint=msg("hint.import-not-xlsx"), kind=kind_of_suffix(path))
        raise ParError([refused.at(LineCol(display(path)))])  # the file: a workbook has no line 1
    known = _known()
    with collector_paused():  # the table's rows: many small objects, no cycles among them
        table = read_table(path, lambda titles: any(_field(title, known, mapping) == "id" for title in titles), True)
    found = columns(table, criteria, nodes, mapping)
    where = {field: i for i, field in found.items()}
    top = table.top  # the header's row (below a title block, if any)
    if "id" not in where:
        hint = msg("hint.import-map-field", field="id")
        raise ParError(
            [
                problem("S001", "import-no-column", hint=hint, title="Mã cơ quan / Agency id").at(
                    LineCol(table.file, 1, 1)
                )
            ]
        )
    long = "code" in where
    if not long:  # a column titled like a criterion code the set lacks: its figures would be lost, never read
        lost = [
            _unknown_code(table, i, title, criteria.id, nodes)
            for i, title in enumerate(table.header)
            if i not in found
            and _CODE_LIKE.fullmatch(unicodedata.normalize("NFC", title.strip()))
            and any(i < len(values) and values[i] not in (None, "") for _, values, _ in table.rows)
        ]
        if lost:
            raise ParError(lost)
    if not long and not any(field not in FIELDS for field in found.values()):
        hint = msg("hint.import-map-field", field="code")
        raise ParError([problem("S001", "import-shape", hint=hint).at(LineCol(table.file, top, 1))])
    adjustments = {a.code for a in criteria.adjustments}
    agencies: dict[str, FormDocument] = {}
    problems: list[Diagnostic] = []  # the rows' and cells' (said before anything is written, as all are)
    checked: list[Diagnostic] = []  # each agency's, validated and bound as a file is
    outputs: dict[str, str] = {}
    reader = CellReader(problems)
    valued = False  # whether some answer carries an input (or is `na`)

    def raw(number: int, values: list[Any], percent: list[bool], i: int) -> Raw:
        value = values[i] if i < len(values) else None
        shown_percent = percent[i] if i < len(percent) else False
        return Raw(value, Row(table.file, number, table.header[i], i + 1), False, 100 if shown_percent else 0)

    # Each agency is validated, bound and made YAML text after its last row, then let go: what is held until the
    # files are written is their text, never every cell's objects (~30 KB an agency of 40 answers). Its last row
    # is known from a first look at the id column (read quietly: its problems are said where the rows are read).
    quiet = CellReader([])
    rows = table.rows
    last: dict[str, int] = {}
    first: dict[str, int] = {}  # the files in the order the agencies come in the table
    for k, (number, values, percent) in enumerate(rows):
        agency_id = quiet.text(raw(number, values, percent, where["id"]), ("agency", "id"))
        if agency_id is not None:
            first.setdefault(agency_id.casefold(), k)
            last[agency_id.casefold()] = k
    for k, (number, values, percent) in enumerate(released(rows)):  # the collector paused: no cycles made
        id_cell = raw(number, values, percent, where["id"])
        agency_id = reader.text(id_cell, ("agency", "id"))
        if agency_id is None:
            problems.append(problem("S001", "import-no-agency").at(id_cell.where))
            continue
        key = agency_id.casefold()
        doc = agencies.get(key)
        if doc is None:
            doc = agencies[key] = _document(table.file)
        _row(doc, reader, table, number, values, percent, where, found, nodes, adjustments, raw, problems)
        if last[key] == k:
            del agencies[key]
            valued = valued or _valued(doc)
            _finish(doc, table.file, criteria, nodes, reference, checked, outputs)
    doubts = [d for d in problems if level_of(d) is Level.WARNING]  # the cells' (A023), said with the figures
    if strict:
        problems[:] = [d._replace(level=Level.ERROR) if d in doubts else d for d in problems]
        doubts = []
    if not errors_only(problems) and not valued:
        read = ", ".join(table.header[i] for i in found) or msg("import-none-read")
        left = ", ".join(title for i, title in enumerate(table.header) if i not in found and title)
        hint = msg("hint.import-map")
        raise ParError(
            [
                problem("S001", "import-no-values", hint=hint, read=read, left=left or msg("import-none-read")).at(
                    Row(table.file, top)
                )
            ]
        )
    if errors_only(problems) or errors_only(checked):
        raise ParError([*errors_only(problems), *errors_only(checked)])
    outputs = dict(sorted(outputs.items(), key=lambda item: first.get(item[0].casefold(), 0)))
    left_out = [title for i, title in enumerate(table.header) if i not in found and title]
    return outputs, left_out, doubts


def _row(
    doc: FormDocument,
    reader: CellReader,
    table: Table,
    number: int,
    values: list[Any],
    percent: list[bool],
    where: dict[str, int],
    found: dict[int, str],
    nodes: dict[str, NodeInfo],
    adjustments: set[str],
    raw: Any,
    problems: list[Diagnostic],
) -> None:
    """One row's cells into its agency's document."""
    for field in ("id", "name", "group", "type", "period"):
        if field in where:
            cell = raw(number, values, percent, where[field])
            text = reader.text(cell, (field,))
            target, key = (doc.data, field) if field == "period" else (doc.data["agency"], field)
            if text is None:
                continue
            if key in target and target[key] != text:
                problems.append(
                    problem("S001", "import-differs", field=table.header[where[field]], first=target[key]).at(
                        cell.where
                    )
                )
            target[key] = text
            doc.places.setdefault((field,) if field == "period" else ("agency", field), cell.where)
    if "code" in where:
        code_cell = raw(number, values, percent, where["code"])
        code = reader.text(code_cell, ("code",))
        if code is None:
            return
        fields: dict[str, Raw] = {
            f: raw(number, values, percent, where[f]) for f in (*ANSWER_FIELDS, *POINTS_FIELDS) if f in where
        }
        _answer(doc, reader, nodes, adjustments, code, code_cell.where, fields, problems)
    else:
        for i, field in found.items():
            if field not in FIELDS:
                cell = raw(number, values, percent, i)
                _answer(doc, reader, nodes, adjustments, field, cell.where, {"self": cell}, problems)


def _valued(doc: FormDocument) -> bool:
    """Whether some answer of the document carries an input (or is `na`)."""
    return any(
        any(field in answer for field in INPUTS) or bool(answer.get("na"))
        for section in ("answers", "adjustments")
        for answer in doc.data[section].values()
    )


def _finish(
    doc: FormDocument,
    file: str,
    criteria: CriteriaSet,
    nodes: dict[str, NodeInfo],
    reference: str,
    problems: list[Diagnostic],
    outputs: dict[str, str],
) -> None:
    """An agency's document validated and bound as a file is; its YAML text into `outputs` when it binds."""
    doc.data["criteria"] = reference
    doc.fallback = next(iter(doc.places.values()), LineCol(file, 1, 1))
    model, schema = validate("assessment", doc.data)
    problems += placed(doc, schema)
    if model is None:
        return
    bound, bind_problems = bind(criteria, nodes, model, doc)
    problems += placed(doc, bind_problems)
    if bound is not None and not _SAFE.fullmatch(model.agency.id):
        problems.append(problem("S001", "import-id-filename", id=model.agency.id).at(doc.locate(("agency", "id"))))
    elif bound is not None:
        outputs[model.agency.id] = assessment_yaml(doc.data)


def _answer(
    doc: FormDocument,
    reader: CellReader,
    nodes: dict[str, NodeInfo],
    adjustments: set[str],
    code: str,
    at: Location,
    fields: dict[str, Raw],
    problems: list[Diagnostic],
) -> None:
    section = "adjustments" if code in adjustments else "answers"
    base: DocPath = (section, code)
    info = nodes.get(code)
    rule = info.node.rule if info is not None and info.node.is_leaf else None
    survey = info is not None and info.source == "survey"
    answer: dict[str, Any] = {}
    for field, cell in fields.items():
        target = "survey" if survey and field == "self" else field
        if field in POINTS_FIELDS:
            top = info.node.max if info is not None else None
            if not points_input(reader, cell, (*base, field), code, rule, survey, fields, field, problems, top):
                continue
            target = POINTS_FIELDS[field]
            if target in answer:
                continue
        if field in ("evidence", "explanation", "reason"):
            text = reader.text(cell, (*base, field))
            if text is not None and section == "answers":
                lines = [line.strip() for line in text.splitlines() if line.strip()]
                answer[field] = lines if field == "evidence" else text
        else:
            value = reader.input(cell, (*base, target), rule)
            if value is not None:
                answer[target] = value
        doc.places[(*base, target)] = cell.where
    answer = {key: answer[key] for key in ORDER if key in answer}  # as a person writes it, whatever the columns
    if answer.get("self") == "na" and "appraised" not in answer:
        answer = {"na": True}
    if not answer:
        return
    if code in doc.data[section]:
        problems.append(problem("S001", "import-twice", code=code).at(at))
        return
    doc.places[base] = at
    doc.data[section][code] = answer


def make_folder(folder: Path) -> None:
    """The output folder, made when missing; F003 when it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ParError([problem("F003", "cannot-write", reason=os_reason(exc)).at(LineCol(str(folder)))]) from None


def write_assessments(files: dict[str, str], folder: Path, force: bool) -> None:
    """One file per agency in `folder`; UsageError (U003) before any write when one exists (without force)."""
    from par_cli.io.output import write_new

    write_new({folder / f"{agency}.yaml": text for agency, text in files.items()}, force, "file-exists", guarded=True)
