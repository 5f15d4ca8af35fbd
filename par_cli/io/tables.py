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


class Table(NamedTuple):
    file: str
    header: list[str]
    rows: list[tuple[int, list[Any], list[bool]]]  # (row number, values, percent-formatted?)


def read_table(path: Path) -> Table:
    """The first sheet of a workbook, or a CSV file (UTF-8, with or without BOM; comma, semicolon or tab)."""
    name = display(path)
    if path.suffix.lower() == ".xlsx":
        from par_cli.io.workbooks import in_use, load

        try:
            sheet = load(path).worksheets[0]
        except Exception as exc:
            raise ParError(
                [problem("F005", "not-a-workbook", reason=type(exc).__name__).at(LineCol(name, 1, 1))]
            ) from None
        used = in_use(sheet)  # the cells holding a value, never every coordinate up to the furthest one
        titles = used.get(1, {})
        width = max(titles, default=0)  # a column without a title is never read
        header = [str(titles[c].value).strip() if c in titles else "" for c in range(1, width + 1)]
        rows: list[tuple[int, list[Any], list[bool]]] = []
        for r, cells in used.items():
            found = [cells.get(c) for c in range(1, width + 1)]
            if r > 1 and any(cell is not None for cell in found):
                values = [cell.value if cell is not None else None for cell in found]
                rows.append((r, values, [cell is not None and "%" in str(cell.number_format) for cell in found]))
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
