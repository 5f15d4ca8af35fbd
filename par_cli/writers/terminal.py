"""A report on the terminal: its title (when it is one to print), tables with their headings, notes dimmed.
Charts are left to the formats that can draw them."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table as RichTable
from rich.text import Text

from par_cli.views.report import NUMERIC, Caption, Column, Kind, Note, Report, Table, Terms
from par_cli.words.literal import visible

TONES = {"muted": "dim", "warning": "yellow", "strong": "bold"}


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
            parts.append(_lit(block.text, "bold" if block.strong else "" if block.plain else "dim"))
        elif isinstance(block, Caption):  # set apart from what follows by a blank line
            caption = Text()
            caption.append(visible(block.strong), style="bold")
            caption.append(visible(block.rest))
            parts += [caption, Text()]
        elif isinstance(block, Terms):
            parts.append(_terms(block))
    return Group(*parts)


def _lit(text: str, style: str = "") -> Text:
    return Text(visible(text), style=style)


def _table(block: Table) -> RichTable:
    """Figures right-aligned, text left; the wide column folds; a column shown `beneath` another goes under its
    cell; a row's tone styles it (a `head` row: its wide cell)."""
    table = RichTable(box=box.SIMPLE, show_edge=False, pad_edge=False, collapse_padding=True)
    shown = [n for n, column in enumerate(block.columns) if column.beneath is None]
    for n in shown:
        column = block.columns[n]
        if column.wide:
            table.add_column(_lit(column.title), overflow="fold", ratio=1, min_width=None if block.whole else 14)
        elif block.whole:
            left = column.kind in (Kind.text, Kind.code)
            table.add_column(_lit(column.title), justify="left" if left else "right", no_wrap=True)
        elif column.kind is Kind.text:  # a short text (a name, a code): left, on one line
            table.add_column(_lit(column.title), justify="left", overflow="fold", no_wrap=True)
        else:
            table.add_column(_lit(column.title), justify="right", overflow="fold")
    under = [(n, column) for n, column in enumerate(block.columns) if column.beneath is not None]
    for row, tone in zip(block.rows, block.tones, strict=True):
        strong = "bold" if tone in ("strong", "head") else ""
        cells = {n: _lit(row[n], strong if block.columns[n].wide else "") for n in shown}
        for n, column in under:
            _beneath(cells, column, row[n])
        table.add_row(*(cells[n] for n in shown), style=TONES.get(tone, ""))
    return table


def _spaced(block: Table) -> RichTable:
    """Columns at their own widths, further apart, figures right-aligned; the heading as the table's caption."""
    table = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, title=visible(block.heading) or None)
    for column in block.columns:
        right = column.kind in NUMERIC
        if block.whole and not column.wide:  # short texts and figures never broken
            table.add_column(_lit(column.title), justify="right" if right else "left", no_wrap=True)
        elif block.whole:  # the wide columns give way: wrapped, a word too long for a line cut short (…)
            table.add_column(_lit(column.title))
        else:
            table.add_column(_lit(column.title), justify="right" if right else "left", overflow="fold")
    for row in block.rows:
        table.add_row(*(_lit(text) for text in row))
    return table


def _beneath(cells: dict[int, Text], column: Column, text: str) -> None:
    if text and column.beneath is not None:
        cells[column.beneath].append(visible(f"\n{column.marker}{text}"), style=TONES[column.tone])


def _terms(block: Terms) -> Text:
    listing = Text(visible(f"\n{block.heading}\n"), style="bold")
    for term, text in block.items:
        listing.append(visible(f"  {term:<8} "), style="bold")
        listing.append(visible(f"{text}\n"))
    listing.rstrip()
    return listing
