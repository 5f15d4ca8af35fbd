"""Writers: one module per format, each writing any `views.report.Report` (they know no command).

`write(report, format)` is the one dispatch; a module is imported only when its format is asked for, so that a
command loads only the writer it uses (and openpyxl or python-docx only for a workbook or a document).
"""

from __future__ import annotations

import importlib
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from par_cli.views.report import Report


class Format(StrEnum):
    table = "table"
    text = "text"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"
    docx = "docx"
    github = "github"
    sarif = "sarif"
    yaml = "yaml"


BINARY = frozenset({Format.xlsx, Format.docx})  # formats that need --output

MODULES: dict[Format, str] = {
    Format.table: "terminal",
    Format.json: "json",
    Format.csv: "csv",
    Format.markdown: "markdown",
    Format.html: "html",
    Format.docx: "docx",
    Format.xlsx: "xlsx",
    Format.text: "text",
    Format.github: "github",
    Format.sarif: "sarif",
}


def write(report: Report, format: str) -> Any:
    """The report in `format`: a rich renderable (table), text, or bytes (docx, xlsx)."""
    module = importlib.import_module(f"par_cli.writers.{MODULES[Format(format)]}")
    return module.write(report)
