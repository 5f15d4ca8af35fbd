"""A report's problems as GitHub Actions workflow commands, shown as annotations on the files (in the reader's
language), then the report's lines (its notes)."""

from __future__ import annotations

from collections.abc import Iterator

from par_cli.views.report import Note, Problems, Report
from par_cli.writers.text import joined

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def write(report: Report) -> str | Iterator[str]:
    return joined(report, _lines(report))


def _lines(report: Report) -> Iterator[str]:
    for block in report.blocks:
        if isinstance(block, Problems):
            for problem in block.items:
                props = [f"file={_escape_property(problem.file)}"]
                if problem.line:
                    props += [f"line={problem.line}", f"col={problem.col or 1}"]
                props.append(f"title={_escape_property(problem.code)}")
                yield f"::{COMMAND[problem.level]} {','.join(props)}::{_escape_data(problem.hinted)}"
        elif isinstance(block, Note):
            yield block.text
