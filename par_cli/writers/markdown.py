"""A report in Markdown: its title, tables (figures right-aligned) under their headings, each with its summary
and a list of its notes, notes as paragraphs.
Charts are left to HTML. Text from files is escaped for table cells and line starts."""

from __future__ import annotations

from par_cli.views.report import NUMERIC, Heading, Items, Line, Note, Report, Table


def md_cell(text: str) -> str:
    """Text from an input file, safe inside a Markdown table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def md_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def write(report: Report) -> str:
    lines = [f"# {md_cell(report.title)}", ""] if report.in_text else []
    for block in report.text:
        if isinstance(block, Table):
            if block.heading:
                lines += [f"## {md_cell(block.heading)}", ""]
            lines.append(md_row([md_cell(column.title) for column in block.columns]))
            lines.append(md_row(["---:" if c.kind in NUMERIC else ":---" for c in block.columns]))
            lines += _rows(block)
            lines.append("")
            lines += [md_cell(block.summary), ""] if block.summary else []
            lines += [f"- {md_cell(note)}" for note in block.notes] + [""] * bool(block.notes)
        elif isinstance(block, Note):
            lines += [_paragraph(block.text), ""]
        elif isinstance(block, Heading):
            lines += [f"# {md_cell(block.title)}", ""]
        elif isinstance(block, Line):
            lines += ["".join(f"**{md_cell(text)}**" if strong else md_cell(text) for text, strong in block.spans), ""]
        elif isinstance(block, Items):
            lines += [f"## {md_cell(block.heading)}", ""]
            lines += [
                f"- {md_cell(term)} · {md_cell(text)}" if term else f"- {md_cell(text)}" for term, text in block.items
            ]
            lines += [""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _rows(block: Table) -> list[str]:
    """The rows, then the totals row; a strong row's (and the totals') wide cell in bold, a tree's first cells
    indented by their level."""
    depths = block.depths or (1,) * len(block.rows)
    rows = list(zip(block.rows, block.tones, depths, strict=True))
    rows += [(block.footer, "strong", 1)] if block.footer else []
    lines = []
    for row, tone, depth in rows:
        cells = [md_cell(text) for text in row]
        for n, column in enumerate(block.columns):
            if column.wide and tone == "strong":
                cells[n] = f"**{cells[n]}**"
        cells[0] = "&nbsp;" * 2 * (depth - 1) + cells[0]
        lines.append(md_row(cells))
    return lines


def _paragraph(text: str) -> str:
    """A line that Markdown would read as a list item or a heading (`* …`, `+ 3 more`) kept as text."""
    text = text.replace("\\", "\\\\").replace("\n", " ")
    return "\\" + text if text[:1] in ("*", "+", "-", "#", ">") else text
