"""A report on the terminal: its title (when it is one to print), tables with their headings (fitted to the
terminal's width, their bars drawn in text, their summary and notes under them), outlines as trees, notes
dimmed. Charts are left to the formats that can draw them."""

from __future__ import annotations

from collections.abc import Iterator

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.measure import Measurement
from rich.padding import Padding
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
from par_cli.writers.text_columns import aligned, wrapped

TONES = {"muted": "dim", "warning": "yellow", "strong": "bold"}
LEVELS = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def write(report: Report) -> RenderableType:
    parts: list[RenderableType] = [_lit(report.title, "bold")] if report.on_screen else []
    for block in report.blocks:
        if isinstance(block, Table) and block.spaced:
            parts.append(_Fitted(block))
        elif isinstance(block, Table):
            if block.heading:
                parts += [Text()] if parts else []
                parts.append(_lit(block.heading, "bold"))
            parts.append(_Fitted(block))
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


class _Fitted:
    """A table laid out at the width it is drawn in: whole when it fits; otherwise (its `split`, or its leading
    names) its first columns, then the others in as many tables as it takes, each led by the kept columns."""

    def __init__(self, block: Table) -> None:
        self.block = block

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[RenderableType]:
        yield from _fitted(self.block, options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, options.max_width)


def _fitted(block: Table, width: int) -> list[RenderableType]:
    """The table whole when it fits `width`; otherwise parted (`_parts`), so that no figure or word is ever cut."""
    if _fits(block, width):
        return [_table(block, width)]
    kept, first = block.split or (_leading(block), len(block.columns))
    parts = _parts(block, width, kept, min(first, len(block.columns)))
    tables: list[RenderableType] = []
    stacked: list[int] = []  # the columns too wide even alone beside the kept ones (a long address)
    for columns, bars in parts:
        part = _part(block, columns, bars, heading=block.heading if block.spaced and not tables else "")
        if len(columns) == kept + 1 and not _fits(part, width) and _fits(_part(block, list(range(kept))), width):
            stacked.append(columns[-1])
            continue
        tables += [*([Text()] if tables else []), _table(part, width)]
    if stacked:
        tables += [*([Text()] if tables else []), _stacked(block, kept, stacked, width)]
    return tables


def _stacked(block: Table, kept: int, columns: list[int], width: int = 0) -> RenderableType:
    """Each row's `kept` cells in bold, then each of `columns` under them as `title: text`, wrapped at spaces.
    The kept cells stand in columns of their own (`text_columns.aligned`), so that a long title wraps inside its column,
    between words, and never runs into the next cell."""
    rows = [row for row in block.rows if any(row[n] and row[n] != "—" for n in columns)]
    wraps = [_wraps(column) for column in block.columns[:kept]]
    heads = aligned(rows, kept, wraps, width)
    lines: list[RenderableType] = []
    for row, head in zip(rows, heads, strict=True):
        lines += [_lit(line, "bold") for line in head]
        lines += [Padding(_lit(f"{block.columns[n].title}: {row[n]}"), (0, 0, 0, 2)) for n in columns if row[n]]
    return Group(*lines)


def _leading(block: Table) -> int:
    """The columns that name a row (up to its first text, and the codes after it): each part repeats them."""
    kinds = [column.kind for column in block.columns]
    if Kind.text not in kinds:
        return 1
    n = kinds.index(Kind.text) + 1
    while n < len(kinds) and kinds[n] is Kind.code:
        n += 1
    return min(n, len(kinds) - 1)


def _parts(block: Table, width: int, kept: int, first: int) -> list[tuple[list[int], bool]]:
    """The columns of each part: the first `kept`, then as many of the others as fit (the first `first` columns
    never shown with the others); the bars beside the first columns when those are shown whole."""
    count = len(block.columns)
    parts: list[tuple[list[int], bool]] = []
    start = kept
    while start < count:
        limit = first if start < first else count
        end = start + 1
        while end < limit and _fits(_part(block, [*range(kept), *range(start, end + 1)]), width):
            end += 1
        bars = start == kept and end == first and bool(block.bars)
        if bars and not _fits(_part(block, [*range(kept), *range(start, end)], True), width):
            bars = False
        parts.append(([*range(kept), *range(start, end)], bars))
        start = end
    return parts


def _part(block: Table, columns: list[int], bars: bool = False, heading: str = "") -> Table:
    """The table's `columns` (its bars too when `bars`), those shown beneath another kept with it."""
    kept = [n for n in columns if block.columns[n].beneath is None]
    kept += [n for n, c in enumerate(block.columns) if c.beneath is not None and c.beneath in kept]
    kept.sort()
    where = {n: at for at, n in enumerate(kept)}
    chosen = []
    for n in kept:
        column = block.columns[n]
        if column.beneath is not None:
            column = _moved(column, where[column.beneath])
        chosen.append(column)
    return Table(
        chosen,
        [[row[n] for n in kept] for row in block.rows],
        whole=block.whole,
        bars=block.bars if bars else (),
        tones=block.tones,
        depths=block.depths if 0 in kept else (),
        footer=[block.footer[n] for n in kept] if block.footer else (),
        footer_bar=block.footer_bar,
        spaced=block.spaced,
        heading=heading,
    )


def _moved(column: Column, beneath: int) -> Column:
    return Column(column.title, column.kind, beneath=beneath, tone=column.tone, marker=column.marker)


def _cells(block: Table, n: int) -> list[str]:
    """The texts column `n` shows: its title, its cells (with what is shown beneath them) and its footer."""
    under = [m for m, column in enumerate(block.columns) if column.beneath == n]
    depths = block.depths or (1,) * len(block.rows)
    texts = [block.columns[n].title]
    for row, depth in zip(block.rows, depths, strict=True):
        indent = "  " * (depth - 1) if n == 0 and depth > 1 else ""
        texts.append(indent + row[n])
        texts += [block.columns[m].marker + row[m] for m in under if row[m]]
    return texts + ([block.footer[n]] if block.footer else [])


def _wraps(column: Column) -> bool:
    """A text wraps (at its spaces); figures and codes never do."""
    return column.kind is Kind.text


TITLE = 16  # a title longer than this wraps before any cell does


def _range(block: Table, n: int) -> tuple[int, int, int, int]:
    """The widths column `n` can take, least first: a figure or code its longest cell, under its longest title
    word; a text its longest word, and no less than its `narrowest` (16 unless it says) when its texts are that
    long (a wide column with a `narrowest`: no less than that). Between them, the least with the cells whole
    (title aside), and the least with the cells and a title up to `TITLE` whole; then the most."""
    column = block.columns[n]
    texts = [visible(text) for text in _cells(block, n)]
    lines = [line for text in texts for line in text.split("\n")]
    body = max((cell_len(line) for text in texts[1:] for line in text.split("\n")), default=1)
    most = max((cell_len(line) for line in lines), default=1)
    words = max((cell_len(word) for line in lines for word in line.split(" ")), default=1)
    if not _wraps(column):
        least = max(words, body)
    elif column.wide and column.narrowest is not None:
        least, most = max(words, column.narrowest), max(most, column.narrowest)
    else:
        least = max(words, min(16, most))
    title = max((cell_len(line) for line in texts[0].split("\n")), default=1)
    cells = max(least, body)
    return least, cells, max(cells, min(title, TITLE)), max(most, cells)


def _widths(block: Table, width: int, strict: bool = False) -> list[int] | None:
    """Each shown column's width (None: the table does not fit `width`): the titles longer than `TITLE` wrapped
    first, then the texts (the widest first), then (unless `strict`) any title."""
    shown = [n for n, column in enumerate(block.columns) if column.beneath is None]
    ranges = [_range(block, n) for n in shown]
    widths = [r[3] for r in ranges]
    if not width:
        return widths
    room = width - _chrome(block, len(shown))
    floors = [
        [r[2] for r in ranges],  # long titles wrapped
        [r[0] if _wraps(block.columns[n]) else r[2] for n, r in zip(shown, ranges, strict=True)],  # texts wrapped
        [r[0] for r in ranges],  # any title wrapped
    ]
    if sum(floors[1 if strict else 2]) > room:
        return None
    for floor in floors[: 2 if strict else 3]:
        while sum(widths) > room:
            slack = [(w, at) for at, (w, least) in enumerate(zip(widths, floor, strict=True)) if w > least]
            if not slack:
                break
            widths[max(slack)[1]] -= 1
    return widths


def _chrome(block: Table, count: int) -> int:
    """The columns the table's rules and padding take beside its cells (its bars too)."""
    gap = 3 if block.spaced else 2  # a rule's column and the padding either side (collapsed where not spaced)
    return gap * (count - 1) + ((BAR + gap) if block.bars else 0)


def _fits(block: Table, width: int) -> bool:
    """Whether the table fits `width` with its figures' and codes' titles whole (short ones) too."""
    return _widths(block, width, strict=True) is not None


BAR = 8


def _table(block: Table, width: int = 0) -> RichTable:
    """Figures right-aligned, text left, each column at its width (`_widths`: figures and codes whole, texts
    wrapped at their spaces); a column shown `beneath` another goes under its cell; a row's tone styles it (a
    `head` row: its wide cell); a bar after the row's cells where it has one. A `spaced` table's columns set
    further apart, its heading as its caption."""
    widths = _widths(block, width) or _widths(block, 0) or []
    footed = bool(block.footer)  # a totals row closing the table, in bold
    if block.spaced:
        table = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, title=visible(block.heading) or None)
    else:
        table = RichTable(
            box=box.SIMPLE,
            show_edge=False,
            pad_edge=False,
            collapse_padding=True,
            show_footer=footed,
            footer_style="bold",
        )
    shown = [n for n, column in enumerate(block.columns) if column.beneath is None]
    at = dict(zip(shown, widths, strict=True))
    for n in shown:
        column = block.columns[n]
        foot = _lit(block.footer[n]) if footed else ""
        right = column.kind in NUMERIC or (column.kind is Kind.code and not block.whole and not block.spaced)
        table.add_column(
            _lit(wrapped(column.title, at[n])),
            justify="right" if right else "left",
            no_wrap=True,
            width=at[n],
            footer=foot,
        )
    if block.bars:
        table.add_column("", no_wrap=True, footer=_lit(bar(block.footer_bar[0])) if footed else "")
    under = [(n, column) for n, column in enumerate(block.columns) if column.beneath is not None]
    charts = [[_lit(bar(share))] for share, _ in block.bars] or [[] for _ in block.rows]
    depths = block.depths or (1,) * len(block.rows)
    for row, tone, chart, depth in zip(block.rows, block.tones, charts, depths, strict=True):
        strong = "bold" if tone in ("strong", "head") else ""
        cells = {}
        for n in shown:
            text = ("  " * (depth - 1) if n == 0 and depth > 1 else "") + row[n]
            cells[n] = _lit(wrapped(text, at[n]), strong if block.columns[n].wide else "")
        for n, column in under:
            _beneath(cells, column, row[n], at.get(column.beneath or 0, 0))
        table.add_row(*(cells[n] for n in shown), *chart, style=TONES.get(tone, ""))
    return table


def _beneath(cells: dict[int, Text], column: Column, text: str, width: int) -> None:
    if text and column.beneath is not None:
        shown = wrapped(f"{column.marker}{text}", width) if width else f"{column.marker}{text}"
        cells[column.beneath].append(visible(f"\n{shown}"), style=TONES[column.tone])


def _terms(block: Terms) -> Group:
    """The heading, then each term in bold with its text folded beside it (never under it)."""
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for term, text in block.items:
        grid.add_row(_lit(f"  {term:<8}", "bold"), _lit(text))
    return Group(Text(), _lit(block.heading, "bold"), grid)


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
