"""Tables people send: the first sheet of a workbook, or a CSV file (UTF-8, with or without BOM; comma,
semicolon or tab), as a header and numbered rows (the header is row 1)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from par_cli.core.diagnostics import LineCol, ParError, msg, problem
from par_cli.core.named_tuple import NamedTuple
from par_cli.io.files import display
from par_cli.io.output import reading
from par_cli.io.suffixes import kind_of_suffix


class Table(NamedTuple):
    file: str
    header: list[str]
    rows: list[tuple[int, list[Any], list[bool]]]  # (row number, values, percent-formatted?)


def read_table(path: Path) -> Table:
    """The first sheet of a workbook, or a CSV file (UTF-8, with or without BOM; comma, semicolon or tab)."""
    name = display(path)
    reading(path)
    if kind_of_suffix(path) == "xlsx":
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(path, data_only=True).worksheets[0]
        except Exception as exc:
            raise ParError(
                [problem("F005", "not-a-workbook", reason=type(exc).__name__).at(LineCol(name, 1, 1))]
            ) from None
        cells = list(sheet.iter_rows())
        header = [str(cell.value).strip() if cell.value is not None else "" for cell in cells[0]] if cells else []
        rows: list[tuple[int, list[Any], list[bool]]] = [
            (int(row[0].row or 0), [cell.value for cell in row], ["%" in str(cell.number_format) for cell in row])
            for row in cells[1:]
        ]
        return Table(name, header, rows)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ParError([problem("Y006", "not-utf8", hint=msg("hint.save-utf8")).at(LineCol(name, 1, 1))]) from None
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    lines = list(csv.reader(io.StringIO(text), dialect))
    header = [title.strip() for title in lines[0]] if lines else []
    return Table(
        name, header, [(n, list(line), [False] * len(line)) for n, line in enumerate(lines[1:], start=2) if any(line)]
    )
