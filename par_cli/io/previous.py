"""An earlier period's ranking from a file `par rank` wrote: JSON, CSV or xlsx (or one published like them).

Ranks and agency ids are all a ranking needs to give rank changes; an index is asked for only where a figure is
computed from it (a merged unit's previous figure, a trend: `core.lineage.indices_needed`)."""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from par_cli.core.diagnostics import Cell, Diagnostic, DocPath, LineCol, Location, ParError, Row, msg, problem
from par_cli.core.lineage import Past, PastRow
from par_cli.io.files import display, not_a_file, unreadable
from par_cli.io.yamlsource import parse
from par_cli.words.labels import label


class _Places:
    """Lines and columns of paths in the JSON text (JSON is YAML, so the YAML source map locates them)."""

    def __init__(self, raw: bytes, name: str) -> None:
        self.name = name
        self.document = parse(raw, name)[0]

    def at(self, path: DocPath) -> LineCol:
        return self.document.locate(path) if self.document is not None else LineCol(self.name, 1, 1)


RANKING_SUFFIXES = (".json", ".csv", ".xlsx")


def is_ranking_file(path: Path) -> bool:
    """A ranking file rather than a folder of assessments: JSON, CSV, or a workbook that is not an assessment
    form (which has a criteria sheet)."""
    suffix = path.suffix.lower()
    if suffix not in RANKING_SUFFIXES or path.is_dir():
        return False
    if suffix != ".xlsx":
        return True
    sheets = _sheet_names(path)
    return sheets is not None and not {label("sheet.criteria", lang) for lang in ("vi", "en")} & set(sheets)


def _sheet_names(path: Path) -> list[str] | None:
    from openpyxl import load_workbook

    try:
        return list(load_workbook(path, read_only=True).sheetnames)
    except Exception:  # not a workbook: read as assessments, whose reader says why (F005)
        return None


def load_previous(path: Path) -> Past:
    """An earlier period's ranking from a file written by `par rank --format json|csv|xlsx` (figures as written)."""
    name = display(path)
    odd = not_a_file(path)
    if odd is not None:
        raise ParError([odd])
    if path.suffix.lower() == ".csv":
        return _from_csv(path)
    if path.suffix.lower() == ".xlsx":
        return _from_xlsx(path)
    try:
        raw = path.read_bytes()
        data = json.loads(raw.decode("utf-8-sig"), parse_float=Decimal)
    except OSError as exc:
        raise ParError([unreadable(name, exc)]) from None
    except UnicodeDecodeError:
        raise ParError([problem("Y006", "not-utf8", hint=msg("hint.save-utf8")).at(LineCol(name, 1, 1))]) from None
    except json.JSONDecodeError as exc:
        raise ParError(
            [problem("J001", "invalid-json", detail=exc.msg).at(LineCol(name, exc.lineno, exc.colno))]
        ) from None
    except RecursionError:
        raise ParError([problem("J001", "too-deep", depth=1000).at(LineCol(name, 1, 1))]) from None
    except ValueError:  # a number of thousands of digits (Python refuses to read it)
        too_long = problem("J001", "invalid-json", detail="a number with thousands of digits")
        raise ParError([too_long.at(LineCol(name, 1, 1))]) from None
    places = _Places(raw, name)
    groups = data.get("groups") if isinstance(data, dict) else None
    if not isinstance(groups, list):
        raise ParError([problem("J002", "not-a-ranking").at(places.at(("groups",)))])
    rows: list[PastRow] = []
    seen: set[tuple[str | None, str]] = set()
    periods: set[str] = set()
    problems: list[Diagnostic] = []
    for g, group in enumerate(groups):
        members = group.get("rows") if isinstance(group, dict) else None
        label = group.get("group") if isinstance(group, dict) else None
        if not isinstance(members, list) or not (label is None or isinstance(label, str)):
            problems.append(problem("J002", "ranking-group", where=f"groups[{g}]").at(places.at(("groups", g))))
            continue
        if isinstance(group.get("period"), str):
            periods.add(group["period"])
        for r, item in enumerate(members):
            at = places.at(("groups", g, "rows", r))
            row = _row(item, label, partial(_at, places, ("groups", g, "rows", r, "agency", "predecessors")), at)
            if row is None:
                problems.append(problem("J002", "ranking-row", where=f"groups[{g}].rows[{r}]").at(at))
                continue
            if (row.group, row.key) in seen:  # one figure per agency and group, or which one would count?
                twice = problem("R003", "agency-twice-in-ranking", id=row.agency_id, group=row.group or "—")
                problems.append(twice.at(places.at(("groups", g, "rows", r, "agency", "id"))))
                continue
            seen.add((row.group, row.key))
            rows.append(row)
    if problems:
        raise ParError(problems)
    return Past(rows, periods.pop() if len(periods) == 1 else path.stem, _places(groups))


def _places(groups: list[Any]) -> int:
    """The ranking's precision: written with each group, else the most decimals an index was written with."""
    written = [int(g["precision"]) for g in groups if isinstance(g, dict) and type(g.get("precision")) is int]
    if written:
        return max(0, min(max(written), 6))
    places = [
        -int(item["index"].as_tuple().exponent)
        for group in groups
        if isinstance(group, dict) and isinstance(group.get("rows"), list)
        for item in group["rows"]
        if isinstance(item, dict) and isinstance(item.get("index"), Decimal) and item["index"].is_finite()
    ]
    return max(0, min(max(places, default=2), 6))


def _at(places: _Places, base: DocPath, n: int) -> LineCol:
    return places.at((*base, n))


def _row(item: Any, group: str | None, place: Callable[[int], LineCol], at: LineCol) -> PastRow | None:
    """One row of the JSON ranking; None when it lacks an agency id or a rank, or when a figure it gives is not
    one a ranking can hold (an index outside 0–200, negative points, a maximum of 0). The index may be left out
    (a ranking published as ranks): it is asked for only where a figure is computed from it."""
    if not isinstance(item, dict):
        return None
    agency = item.get("agency")
    agency_id = agency.get("id") if isinstance(agency, dict) else None
    rank = item.get("rank")
    index = _figure(item.get("index"))
    if not isinstance(agency_id, str) or not isinstance(rank, int) or isinstance(rank, bool) or rank < 1:
        return None
    if (item.get("index") is not None and index is None) or (index is not None and not _percent(index)):
        return None
    points, maximum = _figure(item.get("points")), _figure(item.get("max"))
    if (item.get("points") is not None and (points is None or points < 0)) or (
        item.get("max") is not None and (maximum is None or maximum <= 0)
    ):
        return None
    assert isinstance(agency, dict)
    name = agency.get("name") if isinstance(agency.get("name"), str) else agency_id
    listed = item.get("areas")
    areas = listed if isinstance(listed, list) else []
    area_figures = tuple(
        (str(a["code"]), _figure(a.get("index"))) for a in areas if isinstance(a, dict) and "code" in a
    )
    if any(figure is None or not _percent(figure) for _, figure in area_figures if figure is not None) or any(
        isinstance(a, dict) and a.get("index") is not None and _figure(a.get("index")) is None for a in areas
    ):
        return None
    predecessors = agency.get("predecessors", [])
    if not isinstance(predecessors, list) or not all(isinstance(p, str) for p in predecessors):
        return None  # never a merged figure from part of what the file says
    merged = tuple(predecessors)
    wheres = tuple(place(n) for n in range(len(merged)))
    return PastRow(group, agency_id, str(name), rank, index, points, maximum, area_figures, merged, wheres, at)


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


# CSV and workbooks: one row per ranked agency, columns found by their titles

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


def _from_csv(path: Path) -> Past:
    """A ranking CSV (`par rank --format csv`), also as a spreadsheet saves it again: a BOM or not, CRLF, `;`."""
    from par_cli.io.tables import read_table

    table = read_table(path)
    found = _Table(table.file)
    columns = found.columns(table.header, LineCol(table.file, 1, 1))
    if columns is None:
        raise ParError(found.problems)
    header = table.header
    for number, values, _ in table.rows:

        def at(key: str, column: int | None, number: int = number) -> Location:
            title = header[column] if column is not None and column < len(header) else key
            return Row(table.file, number, title, (column or 0) + 1)

        found.add(columns, values, None, at)
    return found.past(path.stem)


def _from_xlsx(path: Path) -> Past:
    """A ranking workbook (`par rank --format xlsx`): one sheet per group, a title row, then the column titles
    (the agency ids and groups in hidden columns at the end)."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    name = display(path)
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
