"""Assessment workbooks (the form `par template --format xlsx` writes) read as strictly as YAML files.

A workbook becomes the same data an assessment file holds, with a source map from document paths to cells,
so validation, binding and scoring are the ones YAML files go through, and every problem is located as
`form.xlsx:Tiêu chí!E12`. Sheets and columns are found by their titles, in Vietnamese or English.

What a cell means (each decision is tested in tests/test_xlsx.py):
- a number cell is the exact decimal Excel shows (the shortest text of its double, as Excel writes it); a
  percent-formatted cell (95% is stored as 0.95) is that percentage, refused where the criterion takes points;
- text that is a number with a dot (`2`, `0.5`) is that number; a decimal comma (`0,5`) is refused, as in YAML;
- `Có`/`Không`, `Yes`/`No`, TRUE/FALSE for checks; a level's key or label; `45/50` for done/total; `KPS` or
  `N/A` for not applicable; evidence one document per line;
- a formula counts by the value Excel or LibreOffice last computed; one never computed is refused;
- an input cell merged over several rows is refused (one value would stand for several criteria);
- a code typed as a number is refused (Excel turns `1.10` into 1.1).
"""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from par_cli.core.diagnostics import Cell, Diagnostic, DocPath, LineCol, Location, msg, problem
from par_cli.core.named_tuple import NamedTuple
from par_cli.core.numbers import TextNumber
from par_cli.core.tree import index
from par_cli.io.output import reading
from par_cli.io.suffixes import kind_of_suffix
from par_cli.io.workbooks import in_use, load
from par_cli.io.yaml_scalars import MAX_DIGITS, MAX_EXPONENT
from par_cli.words.labels import LABELS

if TYPE_CHECKING:
    from par_cli.core.model import CriteriaSet

_DONE_TOTAL = re.compile(r"(\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)")
_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)", re.ASCII)
_COMMA = re.compile(r"[-+]?\d+,\d+")


def _titles(key: str) -> set[str]:
    return {unicodedata.normalize("NFC", title).casefold() for title in LABELS[key]}


def _norm(value: Any) -> str:
    return unicodedata.normalize("NFC", str(value)).strip().casefold() if value is not None else ""


COLUMNS = {key: _titles(f"col.{key}") for key in ("code", "self", "appraised", "evidence", "explanation", "points")}
DETAILS = {
    "id": _titles("form.agency_id"),
    "name": _titles("form.agency_name"),
    "group": _titles("form.group"),
    "period": _titles("form.period"),
    "criteria": _titles("form.criteria"),
}
YES = {_norm(word) for word in (*LABELS["yes"], "true", "x")}
NO = {_norm(word) for word in (*LABELS["no"], "false")}
NOT_APPLICABLE = {_norm(word) for word in (*LABELS["na_input"], "k.p.s", "n/a", "na")}


class Raw(NamedTuple):
    """One cell as read: its cached value, whether it is a formula with none, and its number format."""

    value: Any
    where: Location
    uncomputed: bool = False
    percent: bool = False


class FormDocument:
    """An assessment workbook as a document: `data` as YAML would give it, `locate` onto cells."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.data: dict[str, Any] = {"kind": "assessment"}
        self.notes: tuple[Diagnostic, ...] = ()
        self.places: dict[DocPath, Location] = {}
        self.fallback: Location = LineCol(file, 1, 1)

    def locate(self, path: DocPath, *, key: bool = False) -> Location:
        """The cell of `path`, else of its nearest enclosing path, else the workbook."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.places:
                return self.places[path[:end]]
        return self.fallback

    def place(self, diagnostic: Diagnostic) -> Diagnostic:
        return diagnostic.at(self.locate(diagnostic.path, key=diagnostic.key))


def is_form(path: Path) -> bool:
    return kind_of_suffix(path) == "xlsx"


def read_form(path: Path, file: str) -> tuple[FormWorkbook | None, list[Diagnostic]]:
    """The workbook's cells, or why it cannot be read as an assessment form."""
    reading(path)
    try:
        values = load(path)
        formulas = load(path, data_only=False)
    except Exception as exc:
        return None, [problem("F005", "not-a-workbook", reason=type(exc).__name__).at(LineCol(file, 1, 1))]
    return FormWorkbook.of(values, formulas, file)


class FormWorkbook:
    def __init__(self, file: str) -> None:
        self.file = file
        self.details: dict[str, Raw] = {}
        self.rows: list[dict[str, Raw]] = []  # the criteria sheet: one dict per row, by column key
        self.survey: list[tuple[dict[str, Raw], dict[str, Raw]]] = []  # (code and points, answer letter counts)
        self.problems: list[Diagnostic] = []
        self.header: Cell = Cell(file, "?", "A1")

    @classmethod
    def of(cls, values: Any, formulas: Any, file: str) -> tuple[FormWorkbook | None, list[Diagnostic]]:
        form = cls(file)
        sheets = {_norm(sheet.title): (sheet, formulas[sheet.title]) for sheet in values.worksheets}
        details = next((sheets[t] for t in _titles("sheet.details") if t in sheets), None)
        criteria = next((sheets[t] for t in _titles("sheet.criteria") if t in sheets), None)
        if details is None or criteria is None:
            return None, [problem("F005", "not-a-form").at(LineCol(file, 1, 1))]
        form.read_details(*details)
        form.read_criteria(*criteria)
        survey = next((sheets[t] for t in _titles("sheet.survey") if t in sheets), None)
        if survey is not None:
            form.read_survey(*survey)
        return form, form.problems

    def raw(self, cell: Any, formula: Any, sheet: str) -> Raw:
        where = Cell(self.file, sheet, cell.coordinate, cell.row, cell.column)
        uncomputed = formula.data_type == "f" and cell.value is None
        return Raw(cell.value, where, uncomputed, "%" in str(cell.number_format or ""))

    def read_details(self, sheet: Any, formulas: Any) -> None:
        for r, cells in in_use(sheet).items():
            title = _norm(cells[1].value) if 1 in cells else ""
            for key, titles in DETAILS.items():
                if title in titles:
                    self.details[key] = self.raw(sheet.cell(r, 2), formulas.cell(r, 2), sheet.title)

    def _header(self, rows: dict[int, dict[int, Any]]) -> tuple[int, dict[str, int]] | None:
        for r, cells in rows.items():
            if r > 20:
                break
            columns = {
                key: c for c, cell in cells.items() for key, titles in COLUMNS.items() if _norm(cell.value) in titles
            }
            if "code" in columns and "self" in columns:
                return r, columns
        return None

    def read_criteria(self, sheet: Any, formulas: Any) -> None:
        rows = in_use(sheet)
        found = self._header(rows)
        if found is None:
            self.problems.append(problem("F005", "no-header", sheet=sheet.title).at(Cell(self.file, sheet.title, "A1")))
            return
        top, columns = found
        self.header = Cell(self.file, sheet.title, f"A{top}", top, 1)
        self.refuse_merged(sheet, columns, top)
        for r, used in rows.items():
            if r <= top or columns["code"] not in used or not str(used[columns["code"]].value).strip():
                continue
            self.rows.append(
                {key: self.raw(sheet.cell(r, c), formulas.cell(r, c), sheet.title) for key, c in columns.items()}
            )

    def refuse_merged(self, sheet: Any, columns: dict[str, int], top: int) -> None:
        inputs = {columns[key] for key in ("self", "appraised", "evidence", "explanation") if key in columns}
        for merged in sheet.merged_cells.ranges:
            if (
                merged.max_row > merged.min_row
                and merged.max_row > top
                and inputs & set(range(merged.min_col, merged.max_col + 1))
            ):
                where = Cell(self.file, sheet.title, merged.coord.split(":")[0], merged.min_row, merged.min_col)
                self.problems.append(problem("A003", "merged-inputs", cells=merged.coord).at(where))

    def read_survey(self, sheet: Any, formulas: Any) -> None:
        rows = in_use(sheet)
        header = {c: str(cell.value).strip() for c, cell in rows.get(1, {}).items()}
        code_column = next((c for c, title in header.items() if _norm(title) in COLUMNS["code"]), None)
        points_column = next((c for c, title in header.items() if _norm(title) in COLUMNS["points"]), None)
        if code_column is None:
            return
        letters = {c: title for c, title in header.items() if len(title) == 1 and title.isalpha()}
        for r, used in rows.items():
            if r < 2 or code_column not in used:
                continue
            code = self.raw(used[code_column], formulas.cell(r, code_column), sheet.title)
            fixed = {"code": code}
            if points_column is not None:
                fixed["points"] = self.raw(sheet.cell(r, points_column), formulas.cell(r, points_column), sheet.title)
            counts = {
                letter: self.raw(sheet.cell(r, c), formulas.cell(r, c), sheet.title) for c, letter in letters.items()
            }
            self.survey.append((fixed, counts))

    @property
    def reference(self) -> str | None:
        raw = self.details.get("criteria")
        return str(raw.value).strip() if raw is not None and raw.value is not None else None

    def document(self, criteria: CriteriaSet | None) -> tuple[FormDocument, list[Diagnostic]]:
        """The workbook as an assessment document (inputs read by each leaf's rule when the set is known)."""
        doc = FormDocument(self.file)
        doc.fallback = self.header
        problems: list[Diagnostic] = []
        reader = _CellReader(problems)
        agency: dict[str, Any] = {}
        for key, raw in self.details.items():
            path: DocPath = ("criteria",) if key == "criteria" else ("period",) if key == "period" else ("agency", key)
            doc.places[path] = raw.where
            value = reader.text(raw, path)
            if value is None:
                continue
            if key in ("criteria", "period"):
                doc.data[key] = value
            else:
                agency[key] = value
        doc.data["agency"] = agency
        doc.places[("agency",)] = self.details["id"].where if "id" in self.details else self.header
        nodes = index(criteria) if criteria is not None else {}
        adjustments = {a.code for a in criteria.adjustments} if criteria is not None else set()
        answers: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        doc.places[("answers",)] = self.header
        for cells in self.rows:
            code = reader.code(cells["code"])
            if code is None:
                continue
            section = "adjustments" if code in adjustments else "answers"
            base: DocPath = (section, code)
            doc.places[base] = cells["code"].where
            info = nodes.get(code)
            rule = info.node.rule if info is not None and info.node.is_leaf else None
            answer: dict[str, Any] = {}
            for field in ("self", "appraised"):
                if field in cells:
                    doc.places[(*base, field)] = cells[field].where
                    value = reader.input(cells[field], (*base, field), rule)
                    if value is not None:
                        answer[field] = value
            if answer.get("self") == "na" and "appraised" not in answer:
                answer = {"na": True}
            for field in ("evidence", "explanation"):
                if field in cells:
                    doc.places[(*base, field)] = cells[field].where
                    text = reader.text(cells[field], (*base, field))
                    if text is not None and section == "answers":
                        answer[field] = (
                            [line.strip() for line in text.splitlines() if line.strip()]
                            if field == "evidence"
                            else text
                        )
            if answer:
                (extra if section == "adjustments" else answers)[code] = answer
        for fixed, counts in self.survey:
            code = reader.code(fixed["code"])
            if code is None:
                continue
            doc.places[("answers", code)] = fixed["code"].where
            given = {letter: reader.input(raw, ("answers", code, "survey"), None) for letter, raw in counts.items()}
            points = reader.input(fixed["points"], ("answers", code, "survey"), None) if "points" in fixed else None
            tallied = {letter: n for letter, n in given.items() if n is not None}
            if tallied or points is not None:
                doc.places[("answers", code, "survey")] = fixed.get("points", fixed["code"]).where
                answers[code] = {"survey": tallied if tallied else points}
        doc.data["answers"] = answers
        doc.data["adjustments"] = extra
        return doc, problems


def _bounded(number: Decimal) -> bool:
    """Within the bounds a YAML file's figures keep: 1e-15 to 1e15, at most 30 significant digits."""
    digits = "".join(map(str, number.as_tuple().digits)).strip("0")
    return number.is_zero() or (abs(number.adjusted()) <= MAX_EXPONENT and len(digits) <= MAX_DIGITS)


class _CellReader:
    """Cells into the values a YAML file would hold, refusing what cannot be read without a guess."""

    def __init__(self, problems: list[Diagnostic]) -> None:
        self.problems = problems

    def refuse(self, raw: Raw, path: DocPath, id: str, hint: Any = None, **args: Any) -> None:
        self.problems.append(problem("A003", id, path, hint, **args).at(raw.where))

    def code(self, raw: Raw) -> str | None:
        if isinstance(raw.value, int | float) and not isinstance(raw.value, bool):
            self.problems.append(problem("S001", "code-as-number", code=repr(raw.value)).at(raw.where))
            return None
        return unicodedata.normalize("NFC", str(raw.value)).strip()

    def text(self, raw: Raw, path: DocPath) -> str | None:
        if raw.uncomputed:
            self.refuse(raw, path, "uncomputed-formula", msg("hint.recompute"))
            return None
        if raw.value is None or (isinstance(raw.value, str) and not raw.value.strip()):
            return None
        if isinstance(raw.value, float) and not math.isfinite(raw.value):
            self.not_a_number(raw, path)
            return None
        if isinstance(raw.value, float) and raw.value.is_integer():
            return str(int(raw.value))
        if isinstance(raw.value, datetime.datetime | datetime.date):
            return raw.value.isoformat()[:10]
        return unicodedata.normalize("NFC", str(raw.value)).strip()

    def input(self, raw: Raw, path: DocPath, rule: Any) -> Any:
        """A self, appraised or survey cell as the leaf's rule reads it."""
        value = raw.value
        if raw.uncomputed:
            self.refuse(raw, path, "uncomputed-formula", msg("hint.recompute"))
            return None
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, bool):
            return value
        if isinstance(value, datetime.datetime | datetime.date | datetime.time):
            self.refuse(raw, path, "date-cell")
            return None
        if isinstance(value, int | float):
            if isinstance(value, float) and not math.isfinite(value):  # `1e400`, `inf`, `nan` in the cell's XML
                self.not_a_number(raw, path)
                return None
            number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
            if not _bounded(number):
                return self.figure(raw, path, f"{number:f}")  # says so
            if raw.percent:
                if rule is not None and not rule.takes_percent:
                    self.refuse(raw, path, "percent-cell", shown=f"{(number * 100).normalize():f}%")
                    return None
                number *= 100
            number = number.normalize()
            return self.figure(raw, path, f"{number if not number.is_zero() else Decimal(0):f}")  # -0 is 0
        return self.text_input(raw, path, str(value), rule)

    def not_a_number(self, raw: Raw, path: DocPath) -> None:
        self.problems.append(problem("Y012", "not-a-number", path, msg("hint.finite"), text=raw.value).at(raw.where))

    def figure(self, raw: Raw, path: DocPath, text: str) -> TextNumber | None:
        """A figure within the bounds a YAML file's figures keep (Y012 outside them, as there)."""
        number = TextNumber(text)
        if not _bounded(number):
            hint = msg("hint.figure-range", low=MAX_EXPONENT, high=MAX_EXPONENT, digits=MAX_DIGITS)
            self.problems.append(problem("Y012", "out-of-range", path, hint, text=text).at(raw.where))
            return None
        return number

    def text_input(self, raw: Raw, path: DocPath, value: str, rule: Any) -> Any:
        text = unicodedata.normalize("NFC", value).strip()
        folded = text.casefold()
        if folded in NOT_APPLICABLE:
            return "na"
        kind = getattr(rule, "kind", None)
        if kind == "check" and folded in YES | NO:
            return folded in YES
        if kind == "levels":
            for level in rule.levels:
                if text == level.key or (level.label and folded == level.label.casefold()):
                    return level.key
            return text
        done_total = _DONE_TOTAL.fullmatch(text)
        if done_total and (rule is None or rule.takes_percent):
            done, total = self.figure(raw, path, done_total.group(1)), self.figure(raw, path, done_total.group(2))
            return {"done": done, "total": total} if done is not None and total is not None else None
        if text.endswith("%") and _NUMBER.fullmatch(text[:-1].strip()) and (rule is None or rule.takes_percent):
            return self.figure(raw, path, text[:-1].strip())
        if _NUMBER.fullmatch(text):
            return self.figure(raw, path, text)
        if _COMMA.fullmatch(text):
            self.problems.append(
                problem(
                    "Y005", "decimal-comma", path, msg("hint.number-cell", number=text.replace(",", ".")), text=text
                ).at(raw.where)
            )
            return None
        return text
