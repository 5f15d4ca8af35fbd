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
from par_cli.io.suffixes import is_form_file
from par_cli.io.workbooks import Book, Sheet, SheetCell, column_letter, open_book
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
SELF_DATA = {_norm(title) for title in ("Số liệu tự đánh giá", "Số liệu", "Self-assessment data", "Data")}
DETAILS = {
    "appraised_by": _titles("form.appraised_by"),
    "id": _titles("form.agency_id"),
    "name": _titles("form.agency_name"),
    "group": _titles("form.group"),
    "period": _titles("form.period"),
    "criteria": _titles("form.criteria"),
}


def _fold(text: str) -> str:
    """The form's words however typed: any case, with or without diacritics (`Không đạt`, `khong dat`)."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(bare.replace("đ", "d").replace("Đ", "D").casefold().split())


YES = {_fold(word) for word in (*LABELS["yes"], "Đạt", "true", "x")}
NO = {_fold(word) for word in (*LABELS["no"], "Không đạt", "Chưa đạt", "false")}
NOT_APPLICABLE = {_fold(word) for word in (*LABELS["na_input"], "Không phát sinh", "k.p.s", "n/a", "na")}
FORM_HINTS = {  # a hint about YAML's words, as the form says it
    "hint.write-true-false": "hint.form-yes-no",
    "hint.write-true": "hint.form-yes-no",
    "hint.write-false": "hint.form-yes-no",
    "hint.done-and-total": "hint.form-done-total",
    "hint.evidence-list": "hint.form-evidence",
    "hint.add-evidence": "hint.form-evidence",
    "hint.write-self": "hint.form-self",
    "hint.answer-it": "hint.form-self",
}
_THOUSANDS_DOT = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")  # 1.250, 2.414: a dot between thousands, as Vietnamese write


class Raw(NamedTuple):
    """One cell as read: its cached value, whether it is a formula with none, and its number format."""

    value: Any
    where: Location
    uncomputed: bool = False
    percent: int = 0  # 100: a percent format (0.95 shows 95%); 1: a percent sign written after it; 0: none


class FormDocument:
    """An assessment workbook as a document: `data` as YAML would give it, `locate` onto cells."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.data: dict[str, Any] = {"kind": "assessment"}
        self.notes: tuple[Diagnostic, ...] = ()
        self.places: dict[DocPath, Location] = {}
        self.fallback: Location = LineCol(file, 1, 1)
        self.inputs: dict[str, Location] = {}  # each code's input cell: where a missing answer is reported
        self.hints = FORM_HINTS

    def locate(self, path: DocPath, *, key: bool = False) -> Location:
        """The cell of `path`, else of its nearest enclosing path, else the workbook."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.places:
                return self.places[path[:end]]
        return self.fallback

    def place(self, diagnostic: Diagnostic) -> Diagnostic:
        return diagnostic.at(self.locate(diagnostic.path, key=diagnostic.key))

    def stand_in(self, problems: list[Diagnostic]) -> dict[str, Any] | None:
        """The data with each details field a problem is about replaced by a valid stand-in, so that the answers
        are validated and bound too (their problems reported with the details'); None where an answer is the
        problem (then it is reported already)."""
        data = dict(self.data)
        for found in problems:
            top = found.path[:1]
            if top in (("answers",), ("adjustments",)) or not top:
                return None
            if top == ("agency",):
                data["agency"] = {"id": "stand-in", "name": "stand-in"}
            else:
                data.pop(str(top[0]), None)
        return data


def form_hints(problems: list[Diagnostic]) -> list[Diagnostic]:
    """Hints about YAML's words said in the form's terms (`chọn Có hoặc Không`, not `write true or false`)."""
    return [
        d._replace(hint=msg(FORM_HINTS[d.hint.id])) if d.hint is not None and d.hint.id in FORM_HINTS else d
        for d in problems
    ]


def is_form(path: Path) -> bool:
    return is_form_file(path)


def read_form(path: Path, file: str) -> tuple[FormWorkbook | None, list[Diagnostic]]:
    """The workbook's cells (.xlsx, .ods or .xls), or why it cannot be read as an assessment form."""
    reading(path)
    try:
        book = open_book(path)
    except Exception as exc:
        return None, [problem("F005", "not-a-workbook", reason=type(exc).__name__).at(LineCol(file, 1, 1))]
    return FormWorkbook.of(book, file)


def _percent_scale(number_format: str) -> int:
    """100 where a number format shows the value as a percentage (`0%`: 0.95 shows 95%), 1 where it only
    writes a percent sign after it (`0.00"%"`, `0.00\\%`: 0.95 shows 0.95%), 0 where it shows no percent sign.
    The first section (positive numbers) decides; `[Red]`, `[$-42A]` are not text."""
    section, quoted, escaped, literal, scaled = "", False, False, False, False
    for char in number_format:
        if escaped:
            literal = literal or char == "%"
            escaped = False
        elif char == '"':
            quoted = not quoted
        elif quoted:
            literal = literal or char == "%"
        elif char == "\\":
            escaped = True
        elif char == ";":
            break
        else:
            section += char
    scaled = "%" in re.sub(r"\[[^\]]*\]", "", section)
    return 100 if scaled else 1 if literal else 0


def _duplicate(where: Location, first: Location, what: str) -> Diagnostic:
    return problem("A024", f"form-twice-{what}", hint=msg("hint.form-once"), first=str(first).split(":", 1)[-1]).at(
        where
    )


class FormWorkbook:
    def __init__(self, file: str) -> None:
        self.file = file
        self.details: dict[str, Raw] = {}
        self.rows: list[dict[str, Raw]] = []  # the criteria sheet: one dict per row, by column key
        self.survey: list[tuple[dict[str, Raw], dict[str, Raw]]] = []  # (code and points, answer letter counts)
        self.problems: list[Diagnostic] = []
        self.header: Cell = Cell(file, "?", "A1")
        self.formats = True  # number formats and merged cells known (.xlsx); values only (.ods, .xls)

    @classmethod
    def of(cls, book: Book, file: str) -> tuple[FormWorkbook | None, list[Diagnostic]]:
        form = cls(file)
        form.formats = book.formats
        roles = {role: form.sheet(book, role) for role in ("details", "criteria", "survey")}
        details, criteria, survey = roles["details"], roles["criteria"], roles["survey"]
        if details is None or criteria is None:
            return None, [problem("F005", "not-a-form").at(LineCol(file, 1, 1))]
        form.read_details(details)
        form.read_criteria(criteria)
        if survey is not None:
            form.read_survey(survey)
        return form, form.problems

    def sheet(self, book: Book, role: str) -> Sheet | None:
        """The sheet of a role (`Tiêu chí` or `Criteria`), the first in the workbook's order; a second one is
        an error at its A1 (which one counts never depends on chance)."""
        titles = _titles(f"sheet.{role}")
        found = [sheet for sheet in book.sheets if _norm(sheet.title) in titles]
        for again in found[1:]:
            self.problems.append(
                _duplicate(Cell(self.file, again.title, "A1", 1, 1), Cell(self.file, found[0].title, "A1"), "sheet")
            )
        return found[0] if found else None

    def raw(self, cell: SheetCell, sheet: str) -> Raw:
        where = Cell(self.file, sheet, cell.coordinate, cell.row, cell.column)
        return Raw(cell.value, where, cell.uncomputed, _percent_scale(cell.number_format))

    def read_details(self, sheet: Sheet) -> None:
        for r, cells in sheet.rows.items():
            title = _norm(cells[1].value) if 1 in cells else ""
            for key, titles in DETAILS.items():
                if title not in titles:
                    continue
                raw = self.raw(sheet.cell(r, 2), sheet.title)
                if key in self.details:
                    self.problems.append(_duplicate(raw.where, self.details[key].where, "field"))
                else:
                    self.details[key] = raw

    def _header(self, sheet: Sheet) -> tuple[int, dict[str, int]] | None:
        """The header row (among the first 20) and the column of each field, by its title; a title twice is an
        error at the second. A data column (`Số liệu tự đánh giá`) is the input where the form has one: the
        `Tự đánh giá` column beside it then holds computed points, not read."""
        for r, cells in sheet.rows.items():
            if r > 20:
                break
            columns: dict[str, int] = {}
            for c, cell in cells.items():
                title = _norm(cell.value)
                key = "data" if title in SELF_DATA else next((k for k, t in COLUMNS.items() if title in t), None)
                if key is None:
                    continue
                if key in columns:
                    first = Cell(self.file, sheet.title, f"{column_letter(columns[key])}{r}")
                    self.problems.append(
                        _duplicate(Cell(self.file, sheet.title, cell.coordinate, r, c), first, "column")
                    )
                    continue
                columns[key] = c
            if "data" in columns:
                columns["self"] = columns.pop("data")
            if "code" in columns and "self" in columns:
                return r, columns
        return None

    def read_criteria(self, sheet: Sheet) -> None:
        found = self._header(sheet)
        if found is None:
            self.problems.append(problem("F005", "no-header", sheet=sheet.title).at(Cell(self.file, sheet.title, "A1")))
            return
        top, columns = found
        self.header = Cell(self.file, sheet.title, f"A{top}", top, 1)
        self.refuse_merged(sheet, columns, top)
        seen: dict[str, Raw] = {}
        for r, used in sheet.rows.items():
            if r <= top or columns["code"] not in used or not str(used[columns["code"]].value).strip():
                continue
            row = {key: self.raw(sheet.cell(r, c), sheet.title) for key, c in columns.items()}
            code = _norm(row["code"].value)
            if code in seen:
                self.problems.append(_duplicate(row["code"].where, seen[code].where, "code"))
                continue
            seen[code] = row["code"]
            self.rows.append(row)

    def refuse_merged(self, sheet: Sheet, columns: dict[str, int], top: int) -> None:
        """Input cells (or the code) merged over several rows: one value would stand for several criteria."""
        inputs = {columns[key] for key in ("code", "self", "appraised", "evidence", "explanation") if key in columns}
        for min_row, min_col, max_row, max_col in sheet.merged:
            if max_row > min_row and max_row > top and inputs & set(range(min_col, max_col + 1)):
                start, end = f"{column_letter(min_col)}{min_row}", f"{column_letter(max_col)}{max_row}"
                where = Cell(self.file, sheet.title, start, min_row, min_col)
                self.problems.append(problem("A003", "merged-inputs", cells=f"{start}:{end}").at(where))

    def read_survey(self, sheet: Sheet) -> None:
        header = {c: str(cell.value).strip() for c, cell in sheet.rows.get(1, {}).items()}
        code_column = next((c for c, title in header.items() if _norm(title) in COLUMNS["code"]), None)
        points_column = next((c for c, title in header.items() if _norm(title) in COLUMNS["points"]), None)
        if code_column is None:
            return
        letters = {c: title for c, title in header.items() if len(title) == 1 and title.isalpha()}
        seen: dict[str, Raw] = {}
        for r, used in sheet.rows.items():
            if r < 2 or code_column not in used:
                continue
            code = self.raw(used[code_column], sheet.title)
            if _norm(code.value) in seen:
                self.problems.append(_duplicate(code.where, seen[_norm(code.value)].where, "code"))
                continue
            seen[_norm(code.value)] = code
            fixed = {"code": code}
            if points_column is not None:
                fixed["points"] = self.raw(sheet.cell(r, points_column), sheet.title)
            counts = {letter: self.raw(sheet.cell(r, c), sheet.title) for c, letter in letters.items()}
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
        council = False
        for key, raw in self.details.items():
            if key == "appraised_by":
                council = reader.text(raw, ()) is not None
                continue
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
            doc.places[base] = doc.inputs[code] = cells["self"].where  # a missing answer: at its input cell
            info = nodes.get(code)
            rule = info.node.rule if info is not None and info.node.is_leaf else None
            top = info.node.max if info is not None else None
            answer: dict[str, Any] = {}
            for field in ("self", "appraised"):
                if field not in cells:
                    continue
                doc.places[(*base, field)] = cells[field].where
                if field == "appraised" and not council and not reader.blank(cells[field]):
                    problems.append(
                        problem("A025", "form-appraised-by-agency", hint=msg("hint.form-appraised-by")).at(
                            cells[field].where
                        )
                    )
                    continue
                value = reader.input(cells[field], (*base, field), rule, top)
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
                doc.places[base] = cells["code"].where
                (extra if section == "adjustments" else answers)[code] = answer
        for fixed, counts in self.survey:
            code = reader.code(fixed["code"])
            if code is None:
                continue
            given = {letter: reader.input(raw, ("answers", code, "survey"), None) for letter, raw in counts.items()}
            points = reader.input(fixed["points"], ("answers", code, "survey"), None) if "points" in fixed else None
            tallied = {letter: n for letter, n in given.items() if n is not None}
            if tallied or points is not None:
                if code in answers:  # typed in the criteria sheet too: one value per code
                    problems.append(_duplicate(fixed["code"].where, doc.places[("answers", code)], "code"))
                    continue
                doc.places[("answers", code)] = fixed["code"].where
                doc.places[("answers", code, "survey")] = fixed.get("points", fixed["code"]).where
                answers[code] = {"survey": tallied if tallied else points}
            else:
                doc.inputs[code] = fixed.get("points", fixed["code"]).where
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

    def blank(self, raw: Raw) -> bool:
        return not raw.uncomputed and (raw.value is None or (isinstance(raw.value, str) and not raw.value.strip()))

    def doubt(self, raw: Raw, path: DocPath, id: str, **args: Any) -> None:
        """A021… A023: an input read as typed that was likely meant otherwise (a warning, an error with --strict)."""
        self.problems.append(problem("A023", id, path, msg("hint.form-data-column"), **args).at(raw.where))

    def input(self, raw: Raw, path: DocPath, rule: Any, top: Decimal | None = None) -> Any:
        """A self, appraised or survey cell as the leaf's rule reads it."""
        read = self._input(raw, path, rule)
        if isinstance(read, Decimal) and getattr(rule, "takes_percent", False) and raw.percent != 100:
            typed = raw.value if isinstance(raw.value, str) else None
            if typed is not None and typed.strip().endswith("%"):
                return read
            if 0 < read <= 1:
                self.doubt(raw, path, "form-percent-fraction", number=read, meant=(read * 100).normalize())
            elif top is not None and 0 < read <= top:
                self.doubt(raw, path, "form-percent-points", number=read, max=top)
        return read

    def _input(self, raw: Raw, path: DocPath, rule: Any) -> Any:
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
            if raw.percent:  # the cell shows a percent sign: read as it shows (95% for 0.95 in `0%`)
                if raw.percent == 100:
                    number *= 100
                if rule is not None and not rule.takes_percent:
                    self.refuse(raw, path, "percent-cell", shown=f"{number.normalize():f}%")
                    return None
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
        folded = _fold(text)
        if folded in NOT_APPLICABLE:
            return "na"
        kind = getattr(rule, "kind", None)
        if kind == "check" and folded in YES | NO:
            return folded in YES
        if kind == "levels":
            for level in rule.levels:
                if text == level.key or (level.label and text.casefold() == level.label.casefold()):
                    return level.key
            return text
        done_total = _DONE_TOTAL.fullmatch(text)
        if done_total and (rule is None or rule.takes_percent):
            done, total = self.figure(raw, path, done_total.group(1)), self.figure(raw, path, done_total.group(2))
            if done is None or total is None:
                return None
            parts = [part.replace(".", "") if _THOUSANDS_DOT.fullmatch(part) else part for part in done_total.groups()]
            if parts != list(done_total.groups()) and Decimal(parts[1]):
                meant = (Decimal(parts[0]) * 100 / Decimal(parts[1])).quantize(Decimal("0.01"))
                self.doubt(raw, path, "form-thousands-ratio", text=text, meant=f"{parts[0]}/{parts[1]}", percent=meant)
            return {"done": done, "total": total}
        if text.endswith("%") and _NUMBER.fullmatch(text[:-1].strip()) and (rule is None or rule.takes_percent):
            return self.figure(raw, path, text[:-1].strip())
        comma = _COMMA.fullmatch(text)
        if comma and _decimal_comma(text):
            return self.figure(raw, path, text.replace(",", "."))
        if _NUMBER.fullmatch(text):
            if _THOUSANDS_DOT.fullmatch(text.lstrip("+-")):
                self.doubt(raw, path, "form-thousands-dot", text=text, meant=text.replace(".", ""))
            return self.figure(raw, path, text)
        if comma:
            whole, _, part = text.partition(",")
            self.problems.append(
                problem(
                    "Y005",
                    "decimal-comma",
                    path,
                    msg(
                        "hint.form-comma", decimal=f"{Decimal(f'{whole}.{part}').normalize():f}", whole=f"{whole}{part}"
                    ),
                    text=text,
                ).at(raw.where)
            )
            return None
        return text


def _decimal_comma(text: str) -> bool:
    """Whether a comma can only be a decimal comma: 1–2 digits (or more than 3) after it, or a whole part a
    thousands separator cannot follow (`0,125`, `1250,5`); `1,250` might be one and a quarter or 1250."""
    whole, _, part = text.lstrip("+-").partition(",")
    return len(part) != 3 or whole.startswith("0") or len(whole) > 3
