"""A CSV file's text as a header and numbered rows: UTF-8 (with or without BOM), comma, semicolon or tab, the
header found below a title block; every record that cannot be what its writer meant refused (T001). The one CSV
reader of par: tables people send (`readers.tables`) and rankings (`readers.ranking_tables`)."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from typing import Any

from par_cli.core.diagnostics import Diagnostic, LineCol, ParError, Row, msg, problem
from par_cli.core.numbers import only_decimal_comma

HeaderTest = Callable[[list[str]], bool]
TITLE_ROWS = 20  # a header is looked for this far down, below the title block offices put above their tables


def csv_rows(
    raw: bytes, name: str, is_header: HeaderTest | None = None
) -> tuple[list[str], list[tuple[int, list[Any], list[bool]]], int]:
    """The header, the numbered rows and the header's row of a CSV file's bytes (Y006 when not UTF-8)."""
    text = _text(raw, name)
    return _csv_rows(name, text, dialect_of(text), is_header)


def csv_stream(
    raw: bytes, name: str, is_header: HeaderTest | None = None
) -> tuple[list[str], Iterator[tuple[int, list[Any], list[bool]]], int]:
    """As `csv_rows`, the rows made as they are iterated: the file is read through once first, every problem
    raised (ParError) before any row is given, then read again row by row, none held."""
    text = _text(raw, name)
    dialect = dialect_of(text)
    problems: list[Diagnostic] = []
    shape: list[Any] = []
    for _ in _reading(name, text, dialect, is_header, problems, shape):
        pass
    if problems:
        raise ParError(problems)
    return shape[0], _reading(name, text, dialect, is_header, problems, []), shape[1]


def _text(raw: bytes, name: str) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ParError([problem("Y006", "not-utf8", hint=msg("hint.save-utf8")).at(LineCol(name, 1, 1))]) from None
    return _LONE_CR.sub("\n", text)  # an old Mac's (or some export's) line ends: CR alone


_LONE_CR = re.compile(r"\r(?!\n)")
DELIMITERS = ",;\t"


def dialect_of(text: str) -> Any:
    """The CSV dialect of a text: the delimiter is the one that parts the first non-blank line (the header, or a
    title above it) into the most non-empty cells; the sniffer, which blank lines, `;;;` lines, a short row or a
    very long cell mislead, decides only when that line is ambiguous (a tie, or a single cell)."""
    first = next((line for line in text[:65536].split("\n") if line.strip()), "")
    counts = {d: sum(1 for cell in next(csv.reader([first], delimiter=d), []) if cell.strip()) for d in DELIMITERS}
    best = max(counts.values(), default=0)
    winners = [d for d, count in counts.items() if count == best]
    try:
        sniffed: Any = csv.Sniffer().sniff(text[:4096], delimiters=DELIMITERS)
    except csv.Error:
        sniffed = csv.excel
    if best < 2 or len(winners) > 1 or getattr(sniffed, "delimiter", ",") == winners[0]:
        return sniffed
    return _with_delimiter(winners[0])


def _with_delimiter(delimiter: str) -> Any:
    class Found(csv.excel):
        pass

    Found.delimiter = delimiter
    return Found


def _csv_rows(
    name: str, text: str, dialect: Any, is_header: HeaderTest | None = None
) -> tuple[list[str], list[tuple[int, list[Any], list[bool]]], int]:
    """The header and numbered records of a CSV text; ParError (T001) with every record that cannot be what its
    writer meant: a quote left open (later lines swallowed into one cell), more cells than the header has titles.

    Records are numbered as a spreadsheet numbers its rows (a cell over two lines is one row); a problem also
    names the file's lines, as a text editor shows them."""
    problems: list[Diagnostic] = []
    shape: list[Any] = []
    rows = list(_reading(name, text, dialect, is_header, problems, shape))
    if problems:
        raise ParError(problems)
    return shape[0], rows, shape[1]


def _reading(
    name: str,
    text: str,
    dialect: Any,
    is_header: HeaderTest | None,
    problems: list[Diagnostic],
    shape: list[Any],
) -> Iterator[tuple[int, list[Any], list[bool]]]:
    """The rows below the header, as they are read; the problems into `problems`, the header and its row
    number into `shape` (once found: after the first records, or at the end)."""
    delimiter = str(getattr(dialect, "delimiter", ","))
    reader = csv.reader(_lines(text), dialect)  # record by record: none held but the rows made of them
    head: list[tuple[int, int, list[str]]] = []  # (first line, last line, cells): where a header is looked for
    records = 0
    last = 0
    top = 0  # the header's record
    header: list[str] = []
    rows: list[tuple[int, list[Any], list[bool]]] = []

    def found() -> None:  # the header: the first of the first records `is_header` accepts, or the first
        nonlocal top, header
        if is_header is not None:
            top = next((i for i, r in enumerate(head[:TITLE_ROWS]) if is_header([c.strip() for c in r[2]])), 0)
        header = [title.strip() for title in head[top][2]] if head else []
        for k, (first, end, cells) in enumerate(head[top + 1 :], start=top + 2):
            _row(name, k, first, end, cells, delimiter, len(header), rows, problems)
        head.clear()
        shape[:] = [header, top + 1]

    pending = True  # the header not found yet: records are kept until it is
    try:
        for cells in reader:
            records += 1
            if pending:
                head.append((last + 1, reader.line_num, cells))
                if len(head) == (TITLE_ROWS if is_header is not None else 1):
                    found()
                    pending = False
            else:
                _row(name, records, last + 1, reader.line_num, cells, delimiter, len(header), rows, problems)
            last = reader.line_num
            yield from rows
            rows.clear()
    except csv.Error as exc:
        if "field limit" in str(exc):  # a cell of over 128 KB: a quote that is never closed
            said = problem(
                "T001", "csv-open-quote", hint=msg("hint.close-quote"), first=str(last + 1), last=str(reader.line_num)
            )
        else:
            said = problem("T001", "csv-unreadable", reason=str(exc))
        problems.append(said.at(Row(name, records + 1)))
    if pending:
        found()
    yield from rows


def _lines(text: str) -> Iterator[str]:
    """The text's lines, each with its end (as `io.StringIO(text)` gives them, without a copy of the text)."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start)
        end = size if end < 0 else end + 1
        yield text[start:end]
        start = end


def _row(
    name: str,
    number: int,
    first: int,
    end: int,
    cells: list[str],
    delimiter: str,
    width: int,
    rows: list[tuple[int, list[Any], list[bool]]],
    problems: list[Diagnostic],
) -> None:
    """One record below the header into `rows`, or its problem (T001) into `problems`."""
    if not any(cells):
        return
    swallowed = next((cell for cell in cells if _swallows_rows(cell, delimiter, width)), None)
    if swallowed is not None:
        problems.append(
            problem("T001", "csv-open-quote", hint=msg("hint.close-quote"), first=str(first), last=str(end)).at(
                Row(name, number)
            )
        )
        return
    extra = [i for i in range(width, len(cells)) if cells[i].strip()]
    if width and extra:
        problems.append(
            problem(
                "T001",
                "csv-extra-cells",
                hint=msg("hint.csv-extra-cells"),
                cells=str(len(cells)),
                titles=str(width),
            ).at(Row(name, number, "", extra[0] + 1))
        )
        return
    if delimiter in ";\t":  # `97,5` where a comma cannot part cells: the decimal comma of a Vietnamese Excel
        cells = [_DECIMAL_COMMA.sub(r"\1.\2\3", cell) if _unambiguous_comma(cell) else cell for cell in cells]
    rows.append((number, cells, [False] * len(cells)))


_DECIMAL_COMMA = re.compile(r"\s*([-+]?\d+),(\d+)(\s*%?\s*)")  # a lone comma with digits on both sides


def _unambiguous_comma(cell: str) -> bool:
    """A decimal comma by the forms' one rule (`97,5`, `0,125`); `1,250` stays as written, refused where read."""
    match = _DECIMAL_COMMA.fullmatch(cell.strip())
    return match is not None and only_decimal_comma(f"{match[1]},{match[2]}")


def _swallows_rows(cell: str, delimiter: str, width: int) -> bool:
    """A cell over several lines one of whose later lines is shaped like a whole row of the table: a quote
    opened and never closed where it was meant to be (text over two lines with a comma in it is kept)."""
    if "\n" not in cell and "\r" not in cell:
        return False
    later = cell.splitlines()[1:]
    return any(line.count(delimiter) >= max(1, width - 1) for line in later)
