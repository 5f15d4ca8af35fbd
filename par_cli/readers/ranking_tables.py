"""Rankings as tables: the CSV, the workbook and the Word annex `par rank` writes, read back as an earlier period
(`--previous`, `par trend`); also as a spreadsheet saves them again, or as an office made them by hand (names, no
ids: `core.lineage.by_name`). Columns are found by their titles in either language; every bad cell is reported,
located (file:row:column, file:Sheet!cell, file:table N:row M)."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from itertools import zip_longest
from pathlib import Path
from typing import Any, Protocol

from par_cli.core.diagnostics import Cell, Diagnostic, LineCol, Location, ParError, Row, TableRow, msg, problem
from par_cli.core.lineage import Past, PastRow, name_key
from par_cli.io.output import reading
from par_cli.readers.csv_text import TITLE_ROWS, csv_rows
from par_cli.words.languages import every

COLUMNS = ("rank", "agency_id", "group", "agency", "points", "max", "index", "ranked")
REQUIRED = ("rank", "agency_id")


class _Table:
    """Rows of a ranking table, read into PastRows; every bad cell and row reported, located."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.rows: list[PastRow] = []
        self.problems: list[Diagnostic] = []
        self.places: list[int] = []
        self._seen: set[tuple[str | None, str]] = set()

    def columns(self, header: Sequence[str], where: Location, title_at: TitleAt) -> dict[str, int] | None:
        """Column key → position; None (and an error) when a needed one is missing (a rank, and an agency id or
        the agency's name), or when a column read is given twice (which one would count?)."""
        found: dict[str, int] = {}
        bad = len(self.problems)
        for i, title in enumerate(header):
            key = _column_key(title)
            if key is None:
                continue
            if key in found:
                place = title_at(found[key])
                first = place.cell.rstrip("0123456789") if isinstance(place, Cell) else str(place.col)
                twice = problem("J002", "ranking-column-twice", hint=msg("hint.column-twice"), title=title, first=first)
                self.problems.append(twice.at(title_at(i)))
                continue
            found[key] = i
        missing = [key for key in REQUIRED if key not in found]
        if "agency_id" in missing and "agency" in found:
            missing.remove("agency_id")  # a table of names (a published annex, a workbook made by hand)
        for key in missing:
            self.problems.append(
                problem("J002", "ranking-column", hint=msg("hint.ranking-columns"), title=key).at(where)
            )
        return None if len(self.problems) > bad else found

    def add(self, columns: dict[str, int], values: Sequence[Any], group: str | None, at: Locator) -> None:
        def cell(key: str) -> tuple[Any, Location]:
            i = columns.get(key)
            value = values[i] if i is not None and i < len(values) else None
            text = value.strip() if isinstance(value, str) else value
            return (None if text == "" else text), at(key, i)

        rank, rank_at = cell("rank")
        if rank == "—" or (rank is None and cell("ranked")[0] == "no"):  # assessed but not ranked: no rank to keep
            return
        agency_id, id_at = cell("agency_id")
        named = agency_id is None and "agency" in columns  # matched to this ranking's agencies by name (`by_name`)
        if named:
            agency_id, id_at = cell("agency")
        bad = len(self.problems)
        if not isinstance(agency_id, str | int) or isinstance(agency_id, bool):
            self.problems.append(problem("J002", "ranking-no-name" if named else "ranking-no-id").at(id_at))
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
            " ".join(str(agency_id).split()) if named else str(agency_id),
            " ".join(str(name).split()) if name is not None else str(agency_id),
            number,
            figures["index"],
            figures["points"],
            figures["max"],
            tuple(areas),
            (),
            (),
            id_at,
            named,
        )
        key = name_key(row.agency_id) if named else row.key
        if (row.group, key) in self._seen:
            twice = problem("R003", "agency-twice-in-ranking", id=row.agency_id, group=row.group or "—")
            self.problems.append(twice.at(id_at))
            return
        self._seen.add((row.group, key))
        self.rows.append(row)

    def past(self, label: str, precision: int | None = None, period: str | None = None) -> Past:
        if self.problems:
            raise ParError(self.problems)
        places = precision if precision is not None else max(self.places, default=2)
        return Past(self.rows, label, max(0, min(places, 6)), period=period)


_DATE = re.compile(r"\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}/\d{1,2}/\d{4}", re.IGNORECASE)


def period_in(texts: Sequence[str]) -> str | None:
    """The period a ranking's title says (`KẾT QUẢ XẾP HẠNG … NĂM 2024`, `… · năm 2024`, `… FOR 2024`), when its
    titles say one and only one; a date (`ngày 20 tháng 3 năm 2026` of the decision line) is no period."""
    words = "|".join(re.escape(word) for word in dict.fromkeys(every("annex.year") + every("heading.year")))
    year = re.compile(rf"(?:^|\W)(?:{words})\s+(\d{{4}})(?!\d)", re.IGNORECASE)
    found = {match for text in texts for match in year.findall(_DATE.sub(" ", text))}
    return found.pop() if len(found) == 1 else None


class Locator(Protocol):
    def __call__(self, key: str, column: int | None) -> Location: ...


TitleAt = Callable[[int], Location]  # where the header's title in a column is


def is_ranking_header(titles: list[str]) -> bool:
    """A ranking table's header: a rank column, and an agency id or the agency's name."""
    keys = {_column_key(title) for title in titles}
    return "rank" in keys and bool({"agency_id", "agency"} & keys)


def csv_ranking(path: Path, name: str, label: str) -> Past:
    """A ranking CSV (`par rank --format csv`), also as a spreadsheet saves it again (a BOM or not, CRLF, `;`,
    the workbook's title row above the header), or one made by hand: read as every table is (`readers.tables`)."""
    reading(path)
    header, rows, top = csv_rows(path.read_bytes(), name, is_ranking_header)
    found = _Table(name)

    def title_at(column: int) -> Location:
        return Row(name, top, header[column], column + 1)

    columns = found.columns(header, LineCol(name, top, 1), title_at)
    if columns is None:
        raise ParError(found.problems)
    for number, values, _ in rows:
        if _not_a_row(values, columns):
            continue

        def at(key: str, column: int | None, number: int = number) -> Location:
            title = header[column] if column is not None and column < len(header) else key
            return Row(name, number, title, (column or 0) + 1)

        found.add(columns, values, None, at)
    return found.past(label)


def xlsx_ranking(path: Path, name: str) -> Past:
    """A ranking workbook (`par rank --format xlsx`): one sheet per group, a title row, then the column titles
    (the agency ids and groups in hidden columns at the end); or one made by hand, its header below a title
    block (a sheet without a ranking header is not read)."""
    from par_cli.readers.sheet_xml import column_letter
    from par_cli.readers.workbooks import load, refusal

    try:
        book = load(path)
    except Exception as exc:
        raise ParError([refusal(exc, path, name)]) from None
    found = _Table(name)
    places: list[int] = []
    heads: list[str] = []
    tables = 0
    for sheet in book.worksheets:
        cells = [list(row) for row in sheet.iter_rows(min_row=1, max_row=min(sheet.max_row, TITLE_ROWS))]
        titles = [[str(c.value).strip() if c.value is not None else "" for c in row] for row in cells]
        top = next((n for n, row in enumerate(titles) if is_ranking_header(row)), None)
        if top is None:
            continue
        tables += 1
        header = titles[top]
        heads += [" ".join(row) for row in titles[:top]]  # the sheet's title rows: `… · năm 2024`

        def title_at(column: int, line: int = top + 1, title: str = sheet.title) -> Location:
            return Cell(name, title, f"{column_letter(column + 1)}{line}", line, column + 1)

        columns = found.columns(header, title_at(0), title_at)
        if columns is None:
            continue
        group = None if "agency_id" in columns else sheet.title  # a table of names: its sheet, for names given twice
        for row in sheet.iter_rows(min_row=top + 2):
            values = [c.value for c in row]
            if _not_a_row(values, columns):
                continue

            def at(
                key: str, column: int | None, line: int = int(row[0].row or 0), title: str = sheet.title
            ) -> Location:
                letter = column_letter((column or 0) + 1)
                return Cell(name, title, f"{letter}{line}", line, (column or 0) + 1)

            index = columns.get("index")
            if index is not None and index < len(row):
                places.append(str(row[index].number_format).partition(".")[2].count("0"))
            found.add(columns, values, group, at)
    if not tables:
        for key in REQUIRED:
            missing = problem("J002", "ranking-column", hint=msg("hint.ranking-columns"), title=key)
            found.problems.append(missing.at(LineCol(name, 1, 1)))
    return found.past(path.stem, max(places, default=2), period_in(heads))


def docx_ranking(path: Path, name: str) -> Past:
    """A ranking as a Word annex (`par rank --format docx`, one table per group, or a table made by hand):
    STT | Cơ quan, đơn vị | … | Xếp hạng, a heading over two rows as the annex with survey points has. Agencies
    are given by name (`core.lineage.by_name` matches them). A cell is read as Word shows it (`annex_word`)."""
    from docx import Document

    from par_cli.readers.annex_word import deleted_row, shown_text
    from par_cli.readers.workbooks import refusal

    try:
        document = Document(str(path))
    except Exception as exc:
        raise ParError([refusal(exc, path, name, "docx")]) from None
    found = _Table(name)
    tables = 0
    for t, table in enumerate(document.tables, start=1):
        grid: list[list[str]] = []
        numbers: list[int] = []
        seen: set[Any] = set()  # a merged cell counts once: in the first row and column it covers
        for n, row in enumerate(table.rows, start=1):
            if deleted_row(row._tr):
                continue
            texts = []
            for cell in row.cells:
                texts.append("" if cell._tc in seen else " ".join(shown_text(cell._tc)[0].split()))
                seen.add(cell._tc)
            grid.append(texts)
            numbers.append(n)
        top = next((r for r, cells in enumerate(grid[:TITLE_ROWS]) if is_ranking_header(cells)), None)
        if top is None:
            continue
        tables += 1
        header = list(grid[top])
        first = top + 1
        below = grid[first] if first < len(grid) else []
        if below and not any(_whole(text) for text in below) and any(below):  # a heading over two rows
            header = [low or high for high, low in zip_longest(header, below, fillvalue="")]
            first += 1

        def title_at(column: int, t: int = t, line: int = numbers[top]) -> Location:
            return TableRow(name, t, line, column + 1)

        columns = found.columns(header, title_at(0), title_at)
        if columns is None:
            continue
        for r in range(first, len(grid)):
            values = grid[r]
            if _not_a_row(values, columns):
                continue

            def at(key: str, column: int | None, t: int = t, line: int = numbers[r]) -> Location:
                return TableRow(name, t, line, (column or 0) + 1)

            found.add(columns, values, f"{t}", at)
    if not tables:
        for key in ("rank", "agency"):
            missing = problem("J002", "ranking-column", hint=msg("hint.ranking-columns"), title=key)
            found.problems.append(missing.at(LineCol(name, 1, 1)))
    return found.past(path.stem, period=period_in([p.text for p in document.paragraphs]))


def _column_key(title: str) -> str | None:
    """A column's key from its title: the CSV's own (`rank`, `agency_id`, `area_1` …), or the titles par writes in
    either language in its workbook and its Word annex, or those of a table made by hand (STT, Tên cơ quan,
    Điểm, Chỉ số, Xếp hạng, Nhóm)."""
    folded = " ".join(unicodedata.normalize("NFC", title).casefold().split())
    if folded in COLUMNS or folded.startswith("area_"):
        return folded
    for key, labels in TITLES.items():
        if folded in {title.casefold() for name in labels for title in every(name)}:
            return key
    return None


TITLES = {  # a column's key → the labels it is titled with
    "rank": ("rank", "annex.rank"),
    "agency_id": ("form.agency_id",),
    "agency": ("agency", "annex.agency", "form.agency_name"),
    "group": ("form.group",),
    "points": ("points", "annex.points", "annex.total"),
    "max": ("max", "annex.max"),
    "index": ("index", "annex.index", "index_line"),
}


def _not_a_row(values: Sequence[Any], columns: dict[str, int]) -> bool:
    """The group's summary line under the table (`12 cơ quan · …` in the rank column), or a blank one: no whole
    number in the rank column and no agency (its id, or its name in a table of names)."""
    given = [_value(values, columns[key]) for key in ("agency_id", "agency") if key in columns]
    texts = [str(v).strip() for v in given if v is not None and str(v).strip()]
    total = bool(texts) and all(_TOTAL.match(unicodedata.normalize("NFC", text)) for text in texts)
    return _whole(_value(values, columns["rank"])) is None and (not texts or total)


# A hand-made table's totals line in the name column, with no rank: `Tổng cộng`, `Cộng`, `Bình quân`…
_TOTAL = re.compile(r"(tổng|cộng|bình quân|trung bình|total|average)\b", re.IGNORECASE)


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
