"""A report in Markdown: its title, tables (figures right-aligned) under their headings, each with its summary
and a list of its notes, notes as paragraphs.
Charts are left to HTML. Text from files is escaped for table cells and line starts."""

from __future__ import annotations

from par_cli.views.report import NUMERIC, Note, Report, Table


def md_cell(text: str) -> str:
    """Text from an input file, safe inside a Markdown table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def md_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def write(report: Report) -> str:
    lines = [f"# {md_cell(report.title)}", ""] if report.in_text else []
    for block in report.blocks:
        if isinstance(block, Table):
            if block.heading:
                lines += [f"## {md_cell(block.heading)}", ""]
            lines.append(md_row([md_cell(column.title) for column in block.columns]))
            lines.append(md_row(["---:" if c.kind in NUMERIC else ":---" for c in block.columns]))
            lines += [md_row([md_cell(text) for text in row]) for row in block.rows]
            lines.append("")
            lines += [md_cell(block.summary), ""] if block.summary else []
            lines += [f"- {md_cell(note)}" for note in block.notes] + [""] * bool(block.notes)
        elif isinstance(block, Note):
            lines += [_paragraph(block.text), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _paragraph(text: str) -> str:
    """A line that Markdown would read as a list item or a heading (`* …`, `+ 3 more`) kept as text."""
    text = text.replace("\\", "\\\\").replace("\n", " ")
    return "\\" + text if text[:1] in ("*", "+", "-", "#", ">") else text
