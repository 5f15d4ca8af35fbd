"""A report on the terminal: its title (when it is one to print), tables with their headings (fitted to the
terminal's width, their bars drawn in text, their summary and notes under them), outlines as trees, notes
dimmed. Charts are left to the formats that can draw them."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table as RichTable
from rich.text import Text
from rich.tree import Tree

from par_cli.views.report import (
    NUMERIC,
    Branch,
    Caption,
    Column,
    Items,
    Kind,
    Line,
    Note,
    Outline,
    Report,
    Table,
    Terms,
)
from par_cli.words.literal import visible
from par_cli.writers.text_bar import bar

TONES = {"muted": "dim", "warning": "yellow", "strong": "bold"}
LEVELS = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def write(report: Report) -> RenderableType:
    parts: list[RenderableType] = [_lit(report.title, "bold")] if report.on_screen else []
    for block in report.blocks:
        if isinstance(block, Table) and block.spaced:
            parts.append(_spaced(block))
        elif isinstance(block, Table):
            if block.heading:
                parts += [Text()] if parts else []
                parts.append(_lit(block.heading, "bold"))
            parts += _fitted(block, report.width)
            parts += [_lit(block.summary)] if block.summary else []
            parts += [_lit(note, "dim") for note in block.notes]
        elif isinstance(block, Note):
            parts.append(_lit(block.text, "bold" if block.strong else "" if block.plain else "dim"))
        elif isinstance(block, Caption):  # set apart from what follows by a blank line
            caption = Text()
            caption.append(visible(block.strong), style="bold")
            caption.append(visible(block.rest))
            parts += [caption, Text()]
        elif isinstance(block, Terms):
            parts.append(_terms(block))
        elif isinstance(block, Outline):
            parts.append(_outline(block))
        elif isinstance(block, Line):  # set apart from what is before it by a blank line
            line = Text()
            for text, strong in block.spans:
                line.append(visible(text), style="bold" if strong else "")
            parts += [Text(), line]
        elif isinstance(block, Items):
            parts += [Text(), _lit(block.heading, "bold"), _items(block)]
    return Group(*parts)


def _items(block: Items) -> RichTable:
    """Each term indented, in its level's colour, the texts folded beside them."""
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    tones = block.tones or ("",) * len(block.items)
    for (term, text), tone in zip(block.items, tones, strict=True):
        grid.add_row(_lit("  " + term, LEVELS.get(tone, "")), _lit(text))
    return grid


def _lit(text: str, style: str = "") -> Text:
    return Text(visible(text), style=style)


def _fitted(block: Table, width: int) -> list[RenderableType]:
    """The table whole when it fits `width` (or has no `split`); otherwise its first columns, then the others in
    as many tables as it takes (each led by the `kept` columns), so that no figure is ever cut — the first
    columns too are parted when they alone are too wide (a 50-column terminal)."""
    whole = _table(block)
    if block.split is None or not width or _needed(block) <= width:
        return [whole]
    kept, first = block.split
    count = len(block.columns)
    first = min(first, count)
    tables: list[RenderableType] = []
    start = kept
    while start < count:
        limit = first if start < first else count  # the first columns are never shown with the others
        end = start + 1
        while end < limit and _needed(_part(block, [*range(kept), *range(start, end + 1)])) <= width:
            end += 1
        bars = start == kept and end == first  # the bars beside the first columns, when they are shown whole
        tables += [*([Text()] if tables else []), _table(_part(block, [*range(kept), *range(start, end)], bars))]
        start = end
    return tables


def _part(block: Table, columns: list[int], bars: bool = False) -> Table:
    """The table's `columns` (its bars too when `bars`)."""
    return Table(
        [block.columns[n] for n in columns],
        [[row[n] for n in columns] for row in block.rows],
        whole=block.whole,
        bars=block.bars if bars else (),
        tones=block.tones,
    )


def _needed(block: Table) -> int:
    """The width the table takes with its wide column at its narrowest: rich gives the other columns their full
    width first, and a wide column left without room is dropped, not wrapped."""
    from rich.console import Console
    from rich.measure import Measurement

    narrow = [n for n, column in enumerate(block.columns) if column.wide]
    if narrow:
        n = narrow[0]
        least = "x" * (block.columns[n].narrowest or 14)
        columns = list(block.columns)
        columns[n] = Column(least, columns[n].kind, wide=True, narrowest=columns[n].narrowest)
        rows = [[*row[:n], least, *row[n + 1 :]] for row in block.rows]
        block = Table(columns, rows, whole=block.whole, bars=block.bars, tones=block.tones)
    console = Console(width=10_000)
    return Measurement.get(console, console.options, _table(block)).maximum


def _table(block: Table) -> RichTable:
    """Figures right-aligned, text left; the wide column folds; a column shown `beneath` another goes under its
    cell; a row's tone styles it (a `head` row: its wide cell); a bar after the row's cells where it has one."""
    footed = bool(block.footer)  # a totals row closing the table, in bold
    table = RichTable(
        box=box.SIMPLE, show_edge=False, pad_edge=False, collapse_padding=True, show_footer=footed, footer_style="bold"
    )
    shown = [n for n, column in enumerate(block.columns) if column.beneath is None]
    for n in shown:
        column = block.columns[n]
        foot = _lit(block.footer[n]) if footed else ""
        if column.wide:
            least = column.narrowest if column.narrowest is not None else None if block.whole else 14
            table.add_column(_lit(column.title), overflow="fold", ratio=1, min_width=least, footer=foot)
        elif block.whole:
            left = column.kind in (Kind.text, Kind.code)
            table.add_column(
                _lit(column.title), justify="left" if left else "right", no_wrap=True, overflow="fold", footer=foot
            )
        elif column.kind is Kind.text:  # a short text (a name, a code): left, on one line
            table.add_column(_lit(column.title), justify="left", overflow="fold", no_wrap=True)
        else:
            table.add_column(_lit(column.title), justify="right", overflow="fold")
    if block.bars:
        table.add_column("", no_wrap=True, footer=_lit(bar(block.footer_bar[0])) if footed else "")
    under = [(n, column) for n, column in enumerate(block.columns) if column.beneath is not None]
    charts = [[_lit(bar(share))] for share, _ in block.bars] or [[] for _ in block.rows]
    depths = block.depths or (1,) * len(block.rows)
    for row, tone, chart, depth in zip(block.rows, block.tones, charts, depths, strict=True):
        strong = "bold" if tone in ("strong", "head") else ""
        cells = {n: _lit(row[n], strong if block.columns[n].wide else "") for n in shown}
        if depth > 1:  # a tree's rows indented by their level
            cells[0] = Text("  " * (depth - 1)) + cells[0]
        for n, column in under:
            _beneath(cells, column, row[n])
        table.add_row(*(cells[n] for n in shown), *chart, style=TONES.get(tone, ""))
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


def _outline(block: Outline) -> Tree:
    """The root in bold, what is beside it plain, its source dimmed; each branch's code in bold, its amount in
    cyan, its tags in magenta, its detail dimmed on a line of its own."""
    head = _lit(block.title, "bold")
    head.append(visible(f"  {block.aside}"), style="")
    if block.source:
        head.append(visible(f"\n{block.source}"), style="dim")
    tree = Tree(head)

    def add(under: Tree, branch: Branch) -> None:
        line = Text()
        line.append(visible(f"{branch.code} "), style="bold")
        line.append(visible(branch.title))
        line.append(visible(f"  ({branch.amount})"), style="cyan")
        if branch.tags:
            line.append(visible(f"  [{', '.join(branch.tags)}]"), style="magenta")
        if branch.detail:
            line.append(visible(f"\n{branch.detail}"), style="dim")
        added = under.add(line)
        for child in branch.branches:
            add(added, child)

    for branch in block.branches:
        add(tree, branch)
    return tree
