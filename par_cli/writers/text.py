"""A report as plain text: each problem on its located line, then the report's lines (its notes)."""

from __future__ import annotations

from par_cli.views.report import Note, Problems, Report


def write(report: Report) -> str:
    out: list[str] = []
    for block in report.blocks:
        if isinstance(block, Problems):
            out += [problem.said for problem in block.items]
        elif isinstance(block, Note):
            out.append(block.text)
    return "\n".join(out) + "\n"
