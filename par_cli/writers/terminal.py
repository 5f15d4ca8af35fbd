"""A report on the terminal: its title (when it is one to print), tables with their headings, notes dimmed.
Charts are left to the formats that can draw them."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table as RichTable
from rich.text import Text

from par_cli.views.report import NUMERIC, Column, Kind, Note, Report, Table
from par_cli.words.literal import visible


def write(report: Report) -> RenderableType:
    parts: list[RenderableType] = [_lit(report.title, "bold")] if report.on_screen else []
    for block in report.blocks:
        if isinstance(block, Table) and block.spaced:
            parts.append(_spaced(block))
        elif isinstance(block, Table):
            if block.heading:
                parts += [Text()] if parts else []
                parts.append(_lit(block.heading, "bold"))
            parts.append(_table(block))
        elif isinstance(block, Note):
            parts.append(_lit(block.text, "" if block.plain else "dim"))
    return Group(*parts)


def _lit(text: str, style: str = "") -> Text:
    return Text(visible(text), style=style)


def _table(block: Table) -> RichTable:
    """Figures right-aligned, text left; the wide column folds; a column shown `beneath` another goes under its cell."""
    table = RichTable(box=box.SIMPLE, show_edge=False, pad_edge=False, collapse_padding=True)
    shown = [n for n, column in enumerate(block.columns) if column.beneath is None]
    for n in shown:
        column = block.columns[n]
        if column.wide:
            table.add_column(_lit(column.title), overflow="fold", ratio=1, min_width=14)
        elif column.kind is Kind.text:  # a short text (a name, a code): left, on one line
            table.add_column(_lit(column.title), justify="left", overflow="fold", no_wrap=True)
        else:
            table.add_column(_lit(column.title), justify="right", overflow="fold")
    under = [(n, column) for n, column in enumerate(block.columns) if column.beneath is not None]
    for row in block.rows:
        cells = {n: _lit(row[n]) for n in shown}
        for n, column in under:
            _beneath(cells, column, row[n])
        table.add_row(*(cells[n] for n in shown))
    return table


def _spaced(block: Table) -> RichTable:
    """Columns at their own widths, further apart, figures right-aligned; the heading as the table's caption."""
    table = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, title=visible(block.heading) or None)
    for column in block.columns:
        table.add_column(_lit(column.title), justify="right" if column.kind in NUMERIC else "left", overflow="fold")
    for row in block.rows:
        table.add_row(*(_lit(text) for text in row))
    return table


def _beneath(cells: dict[int, Text], column: Column, text: str) -> None:
    if text and column.beneath is not None:
        cells[column.beneath].append(visible(f"\n↳ {text}"), style="dim")
