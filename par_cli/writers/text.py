"""A report as plain text: each problem on its located line, then the report's lines (its notes)."""

from __future__ import annotations

from collections.abc import Iterator

from par_cli.views.report import Note, Problems, Report


def write(report: Report) -> str | Iterator[str]:
    """The text; line by line as the problems come when they are still being found (`views.check.streamed`)."""
    return joined(report, _lines(report))


def joined(report: Report, lines: Iterator[str]) -> str | Iterator[str]:
    """Lines as one text, or one by one while a report's problems are still being found."""
    if any(isinstance(block, Problems) and isinstance(block.items, Iterator) for block in report.blocks):
        return (line + "\n" for line in lines)
    return "\n".join(lines) + "\n"


def _lines(report: Report) -> Iterator[str]:
    for block in report.blocks:
        if isinstance(block, Problems):
            yield from (problem.said for problem in block.items)
        elif isinstance(block, Note):
            yield block.text  # after the problems: a running check's counts are known then
