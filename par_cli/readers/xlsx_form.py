"""Assessment workbooks (the form `par template --format xlsx` writes; .xlsx, or saved as .ods or .xls) read as
strictly as YAML files.

A workbook becomes the same data an assessment file holds, with a source map from document paths to cells,
so validation, binding and scoring are the ones YAML files go through, and every problem is located as
`form.xlsx:Tiêu chí!E12`. Sheets and columns are found by their titles, in Vietnamese or English; columns
it does not know are not read.

What a cell means (each decision is tested in tests/test_xlsx.py and tests/test_form_reading.py; the
cell-level reading is `readers.form_cells`):
- a number cell is the exact decimal Excel shows (the shortest text of its double, as Excel writes it); a
  percent-formatted cell (95% is stored as 0.95) is that percentage, refused where the criterion takes points;
  a format that only writes a percent sign (`0.00"%"`) is read as shown;
- text that is a number with a dot (`2`, `0.5`) is that number; a decimal comma is read where it can mean
  nothing else (`97,5`), refused where it may separate thousands (`1,250`);
- an input likely meant otherwise (a percentage <= 1 or <= the max points, a thousands dot) warns A023;
- `Có`/`Không`, `Đạt`/`Không đạt`, `Yes`/`No`, TRUE/FALSE for checks (any case, diacritics or not); a level's
  key or label; `45/50` for done/total; `KPS`, `Không phát sinh` or `N/A` for not applicable; evidence one
  document per line;
- a formula counts by the value Excel or LibreOffice last computed; one never computed is refused;
- an input or code cell merged over several rows is refused (one value would stand for several criteria), and so
  is a value typed in a row with no code among the criteria (a row inserted to type into: it would be lost);
- a code, sheet, column or details field twice is refused (A024): one value per code, never by chance;
- the `Thẩm định` column counts only in a form whose details say `Thẩm định bởi` (else A025, not used);
- a code typed as a number is refused (Excel turns `1.10` into 1.1).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from par_cli.core.diagnostics import Cell, Diagnostic, DocPath, LineCol, Location, Msg, msg, problem
from par_cli.core.tree import index
from par_cli.io.output import reading
from par_cli.io.suffixes import is_form_file
from par_cli.readers.form_cells import CellReader, Raw, percent_scale
from par_cli.readers.form_rows import loose_values, merged_inputs
from par_cli.readers.form_words import FormTerms
from par_cli.readers.sheet_xml import column_letter
from par_cli.readers.workbooks import Book, Sheet, SheetCell, open_book, refusal
from par_cli.words.languages import codes, every, words

if TYPE_CHECKING:
    from par_cli.core.model import CriteriaSet


def _titles(key: str) -> set[str]:
    return {unicodedata.normalize("NFC", title).casefold() for title in every(key)}


def _norm(value: Any) -> str:
    return unicodedata.normalize("NFC", str(value)).strip().casefold() if value is not None else ""


COLUMNS = {key: _titles(f"col.{key}") for key in ("code", "self", "appraised", "evidence", "explanation", "points")}
SELF_DATA = {_norm(title) for title in ("Số liệu tự đánh giá", "Số liệu", "Self-assessment data", "Data")}
DETAILS = {
    "appraised_by": _titles("form.appraised_by"),
    "id": _titles("form.agency_id"),
    "name": _titles("form.agency_name"),
    "group": _titles("form.group"),
    "type": _titles("form.unit_type"),  # `Loại đơn vị`: `par template --agencies` writes it when the agency has one
    "period": _titles("form.period"),
    "criteria": _titles("form.criteria"),
}


class FormDocument:
    """An assessment workbook as a document: `data` as YAML would give it, `locate` onto cells."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.data: dict[str, Any] = {"kind": "assessment"}
        self.notes: tuple[Diagnostic, ...] = ()
        self.places: dict[DocPath, Location] = {}
        self.fallback: Location = LineCol(file, 1, 1)
        self.inputs: dict[str, Location] = {}  # each code's input cell: where a missing answer is reported
        self.terms = FormTerms()  # its columns' titles and its language: its hints name its cells as it does

    def hint(self, hint: str, code: str | None) -> Msg:
        return self.terms.hint(hint, code)

    def locate(self, path: DocPath, *, key: bool = False) -> Location:
        """The cell of `path`, else of its nearest enclosing path, else the workbook."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.places:
                return self.places[path[:end]]
        return self.fallback

    def place(self, diagnostic: Diagnostic) -> Diagnostic:
        return diagnostic.at(self.locate(diagnostic.path, key=diagnostic.key))

    def stand_in(self, problems: list[Diagnostic]) -> dict[str, Any]:
        """The data with each details field a problem is about replaced by a valid stand-in, so that the answers
        are validated and bound too (their problems reported with the details'); empty (nothing to bind) where an
        answer is the problem (then it is reported already)."""
        data = dict(self.data)
        for found in problems:
            top = found.path[:1]
            if top in (("answers",), ("adjustments",)) or not top:
                return {}
            if top == ("agency",):
                data["agency"] = {"id": "stand-in", "name": "stand-in"}
            else:
                data.pop(str(top[0]), None)
        return data


def is_form(path: Path) -> bool:
    return is_form_file(path)


def read_form(path: Path, file: str) -> tuple[FormWorkbook | None, list[Diagnostic]]:
    """The workbook's cells (.xlsx, .ods or .xls), or why it cannot be read as an assessment form."""
    reading(path)
    try:
        book = open_book(path)
    except Exception as exc:
        return None, [refusal(exc, path, file)]
    return FormWorkbook.of(book, file)


def _title(value: Any) -> str:
    """A column's title as a hint names it: `Số liệu tự đánh giá (tỷ lệ, số lượng, lựa chọn)` → `Số liệu tự đánh
    giá` (what is in brackets explains the column, it is not its name)."""
    title = " ".join(str(value or "").split())
    return title.rsplit(" (", 1)[0] if title.endswith(")") and " (" in title else title


def _agency_list(book: Book, file: str) -> Cell | None:
    """The `Mã cơ quan` title of a workbook that looks like par's list of agencies (`par template --agencies`): a
    row of its first rows titled `Mã cơ quan` and `Tên cơ quan` (or in English); None for any other."""
    ids, names = _titles("form.agency_id"), _titles("form.agency_name")
    for sheet in book.sheets:
        for r, cells in sheet.rows.items():
            if r > 10:  # the title rows only
                break
            titles = {_norm(c.value): c for c in cells.values()}
            hit = next((c for t, c in titles.items() if t in ids), None)
            if hit is not None and any(t in names for t in titles):
                return Cell(file, sheet.title, hit.coordinate, hit.row, hit.column)
    return None


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
        self.titles: dict[str, str] = {}  # the criteria sheet's columns (`self`: the input) and the survey's `points`
        self.lang: str | None = None  # the form's language: the one its details sheet is titled in
        self.formats = True  # number formats and merged cells known (.xlsx); values only (.ods, .xls)

    @classmethod
    def of(cls, book: Book, file: str) -> tuple[FormWorkbook | None, list[Diagnostic]]:
        form = cls(file)
        form.formats = book.formats
        roles = {role: form.sheet(book, role) for role in ("details", "criteria", "survey")}
        details, criteria, survey = roles["details"], roles["criteria"], roles["survey"]
        if details is None or criteria is None:  # at the file: a workbook has no line 1, column 1
            listed = _agency_list(book, file)
            if listed is not None:  # `danh-sach.xlsx` left among the forms: said for what it is
                return None, [problem("F005", "form-agency-list", hint=msg("hint.form-agency-list")).at(listed)]
            return None, [problem("F005", "not-a-form").at(LineCol(file))]
        form.lang = next(
            (code for code in codes() if _norm(words(code)["sheet.details"]) == _norm(details.title)), None
        )
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
        return Raw(cell.value, where, cell.uncomputed, percent_scale(cell.number_format))

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
        self.titles.update({key: _title(sheet.cell(top, c).value) for key, c in columns.items()})
        self.problems += merged_inputs(sheet, columns, top, self.file)
        self.problems += loose_values(sheet, columns, top, self.raw, self.titles.get("code", ""))
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

    def read_survey(self, sheet: Sheet) -> None:
        header = {c: str(cell.value).strip() for c, cell in sheet.rows.get(1, {}).items()}
        code_column = next((c for c, title in header.items() if _norm(title) in COLUMNS["code"]), None)
        points_column = next((c for c, title in header.items() if _norm(title) in COLUMNS["points"]), None)
        if code_column is None:
            return
        if points_column is not None:
            self.titles["points"] = _title(header[points_column])
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
        doc.terms.titles, doc.terms.lang = self.titles, self.lang
        problems: list[Diagnostic] = []
        reader = CellReader(problems)
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
            doc.places[base] = doc.inputs[code] = cells["self"].where  # an answer's problems where the agency types
            doc.terms.columns[code] = ("criteria", self.titles.get("self", ""))
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
                doc.terms.columns[code] = ("survey", self.titles.get("points", ""))
        doc.data["answers"] = answers
        doc.data["adjustments"] = extra
        return doc, problems
