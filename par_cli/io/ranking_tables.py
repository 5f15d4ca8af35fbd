"""Rankings as tables: the CSV and the workbook `par rank` writes, read back as an earlier period (`--previous`,
`par trend`); also as a spreadsheet saves them again. Columns are found by their titles; every bad cell is
reported, located (file:row:column, file:Sheet!cell)."""

from __future__ import annotations

import csv
import io
import math
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Protocol

from par_cli.core.diagnostics import Cell, Diagnostic, LineCol, Location, ParError, Row, msg, problem
from par_cli.core.lineage import Past, PastRow
from par_cli.words.labels import label

COLUMNS = ("rank", "agency_id", "group", "agency", "points", "max", "index")
REQUIRED = ("rank", "agency_id")


class _Table:
    """Rows of a ranking table, read into PastRows; every bad cell and row reported, located."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.rows: list[PastRow] = []
        self.problems: list[Diagnostic] = []
        self.places: list[int] = []
        self._seen: set[tuple[str | None, str]] = set()

    def columns(self, header: Sequence[str], where: Location) -> dict[str, int] | None:
        """Column key → position; None (and an error) when a needed one is missing."""
        found: dict[str, int] = {}
        for i, title in enumerate(header):
            key = _column_key(title)
            if key is not None and key not in found:
                found[key] = i
        missing = [key for key in REQUIRED if key not in found]
        for key in missing:
            self.problems.append(
                problem("J002", "ranking-column", hint=msg("hint.ranking-columns"), title=key).at(where)
            )
        return None if missing else found

    def add(self, columns: dict[str, int], values: Sequence[Any], group: str | None, at: Locator) -> None:
        def cell(key: str) -> tuple[Any, Location]:
            i = columns.get(key)
            value = values[i] if i is not None and i < len(values) else None
            text = value.strip() if isinstance(value, str) else value
            return (None if text == "" else text), at(key, i)

        rank, rank_at = cell("rank")
        agency_id, id_at = cell("agency_id")
        bad = len(self.problems)
        if not isinstance(agency_id, str | int) or isinstance(agency_id, bool):
            self.problems.append(problem("J002", "ranking-no-id").at(id_at))
        number = _whole(rank)
        if number is None or number < 1:
            self.problems.append(problem("J002", "ranking-rank", value=_shown(rank)).at(rank_at))
        figures: dict[str, Fraction | None] = {}
        for key, fits in (("index", _percent), ("points", _not_negative), ("max", _positive)):
            value, value_at = cell(key)
            figure = _table_figure(value)
            if value is not None and (figure is None or not fits(figure)):
                self.problems.append(problem("J002", "ranking-figure", column=key, value=_shown(value)).at(value_at))
            figures[key] = figure
            if key == "index" and figure is not None and isinstance(value, str):
                self.places.append(len(value.partition(".")[2] or value.partition(",")[2]))
        areas = []
        for key in columns:
            if key.startswith("area_"):
                value, value_at = cell(key)
                figure = _table_figure(value)
                if value is not None and (figure is None or not _percent(figure)):
                    self.problems.append(
                        problem("J002", "ranking-figure", column=key, value=_shown(value)).at(value_at)
                    )
                areas.append((key.removeprefix("area_"), figure))
        if len(self.problems) > bad or number is None or agency_id is None:
            return
        group_text, _ = cell("group")
        group = str(group_text) if group_text is not None else group
        name, _ = cell("agency")
        row = PastRow(
            group,
            str(agency_id),
            str(name) if name is not None else str(agency_id),
            number,
            figures["index"],
            figures["points"],
            figures["max"],
            tuple(areas),
            (),
            (),
            at("agency_id", columns["agency_id"]),
        )
        if (row.group, row.key) in self._seen:
            twice = problem("R003", "agency-twice-in-ranking", id=row.agency_id, group=row.group or "—")
            self.problems.append(twice.at(id_at))
            return
        self._seen.add((row.group, row.key))
        self.rows.append(row)

    def past(self, label: str, precision: int | None = None) -> Past:
        if self.problems:
            raise ParError(self.problems)
        places = precision if precision is not None else max(self.places, default=2)
        return Past(self.rows, label, max(0, min(places, 6)))


class Locator(Protocol):
    def __call__(self, key: str, column: int | None) -> Location: ...


def csv_ranking(raw: bytes, name: str, label: str) -> Past:
    """A ranking CSV (`par rank --format csv`), also as a spreadsheet saves it again: a BOM or not, CRLF, `;`."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ParError([problem("Y006", "not-utf8", hint=msg("hint.save-utf8")).at(LineCol(name, 1, 1))]) from None
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    lines = list(csv.reader(io.StringIO(text), dialect))
    header = [title.strip() for title in lines[0]] if lines else []
    found = _Table(name)
    columns = found.columns(header, LineCol(name, 1, 1))
    if columns is None:
        raise ParError(found.problems)
    for number, values in enumerate(lines[1:], start=2):
        if not any(value.strip() for value in values):
            continue

        def at(key: str, column: int | None, number: int = number) -> Location:
            title = header[column] if column is not None and column < len(header) else key
            return Row(name, number, title, (column or 0) + 1)

        found.add(columns, values, None, at)
    return found.past(label)


def xlsx_ranking(path: Path, name: str) -> Past:
    """A ranking workbook (`par rank --format xlsx`): one sheet per group, a title row, then the column titles
    (the agency ids and groups in hidden columns at the end)."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    try:
        book = load_workbook(path, data_only=True)
    except Exception as exc:
        raise ParError([problem("F005", "not-a-workbook", reason=type(exc).__name__).at(LineCol(name, 1, 1))]) from None
    found = _Table(name)
    places: list[int] = []
    for sheet in book.worksheets:
        cells = [list(row) for row in sheet.iter_rows(min_row=1, max_row=min(sheet.max_row, 5))]
        top = next((n for n, row in enumerate(cells) if any(_column_key(str(c.value or "")) == "rank" for c in row)), 1)
        header = [str(c.value).strip() if c.value is not None else "" for c in cells[top]] if len(cells) > top else []
        columns = found.columns(header, Cell(name, sheet.title, f"A{top + 1}", top + 1, 1))
        if columns is None:
            continue
        for row in sheet.iter_rows(min_row=top + 2):
            values = [c.value for c in row]
            if _whole(_value(values, columns["rank"])) is None and _value(values, columns["agency_id"]) is None:
                continue  # the group's summary line under the table, or a blank one

            def at(
                key: str, column: int | None, line: int = int(row[0].row or 0), title: str = sheet.title
            ) -> Location:
                letter = get_column_letter((column or 0) + 1)
                return Cell(name, title, f"{letter}{line}", line, (column or 0) + 1)

            index = columns.get("index")
            if index is not None and index < len(row):
                places.append(str(row[index].number_format).partition(".")[2].count("0"))
            found.add(columns, values, None, at)
    return found.past(path.stem, max(places, default=2))


def _column_key(title: str) -> str | None:
    """A column's key from its title: the CSV's own (`rank`, `agency_id`, `area_1` …) or the workbook's labels
    in either language."""
    folded = unicodedata.normalize("NFC", title).strip().casefold()
    if folded in COLUMNS or folded.startswith("area_"):
        return folded
    for key in ("rank", "agency", "points", "max", "index"):
        if folded in {label(key, lang).casefold() for lang in ("vi", "en")}:
            return key
    return None


def _value(values: Sequence[Any], column: int) -> Any:
    return values[column] if column < len(values) else None


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.isdigit() and value.isascii():
        return int(value)
    return None


def _table_figure(value: Any) -> Fraction | None:
    """A cell as an exact figure: a number, or text with a decimal dot (or a comma, as a spreadsheet may save)."""
    if isinstance(value, float):
        return _figure(Decimal(repr(value))) if math.isfinite(value) else None
    if isinstance(value, str):
        text = value.replace(",", ".") if "." not in value else value
        try:
            return _figure(Decimal(text)) if len(text) < 40 else None
        except ArithmeticError:
            return None
    return _figure(value)


def _shown(value: Any) -> str:
    return "" if value is None else str(value)[:40]


def _not_negative(value: Fraction) -> bool:
    return value >= 0


def _positive(value: Fraction) -> bool:
    return value > 0


LARGEST = 10**12  # no figure of a ranking comes near; a larger one (1e999999999) would take the machine's memory


def _figure(value: Any) -> Fraction | None:
    """A JSON number as an exact fraction; None for anything else, or a number beyond any ranking's figures."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return None
    if isinstance(value, Decimal) and (not value.is_finite() or abs(value.adjusted()) > 12):
        return None
    figure = Fraction(value)
    return figure if abs(figure) <= LARGEST else None


def _percent(value: Fraction) -> bool:
    """An index as rankings hold it: 0–100, or up to 200 for sets whose bonus may lift it above 100."""
    return 0 <= value <= 200
