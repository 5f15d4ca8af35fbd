"""A report's CSV record: UTF-8 with a BOM, figures with a dot, text cells that a spreadsheet will not run."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from par_cli.views.report import Report

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str | None) -> str:
    """Text from an input file as a spreadsheet cell that Excel will not run as a formula."""
    if text is None:
        return ""
    return "'" + text if text.startswith(_FORMULA_START) else text


def write(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in report.csv:
        writer.writerow([_cell(value) for value in row])
    return "\ufeff" + buffer.getvalue()


def _cell(value: object) -> str | int:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, int):
        return value
    return safe_cell(str(value))
