"""A report's JSON record: language-neutral, figures as exact decimals (the view rounded them once); written in
pieces when it holds lists made as they are written (`json_text.Streamed`: a national ranking, row by row)."""

from __future__ import annotations

from collections.abc import Iterator

from par_cli.views.report import Report
from par_cli.writers.json_text import Streamed, chunks, dumps


def write(report: Report) -> str | Iterator[str]:
    record = report.json
    if any(isinstance(value, Streamed) for value in record.values()):
        return chunks(record)
    return dumps(record)
