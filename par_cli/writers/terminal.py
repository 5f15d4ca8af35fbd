"""A report on the terminal: its title (when it is one to print), tables with their headings (fitted to the
terminal's width, their bars drawn in text, their summary and notes under them), outlines as trees, notes
dimmed. Charts are left to the formats that can draw them."""

from __future__ import annotations

from collections.abc import Iterator

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.table import Table as RichTable
from rich.text import Text
from rich.tree import Tree

from par_cli.views.report import (
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
from par_cli.writers.text_columns import aligned, cells, wrapped
from par_cli.writers.text_layout import Range, beneath, fits, indented, ranges, right_aligned, widths, wraps
from par_cli.writers.text_quick import PLACE, QUICK, Layout, drawn, justified

TONES = {"muted": "dim", "warning": "yellow", "strong": "bold"}
LEVELS = {"error": "bold red", "warning": "yellow", "info": "cyan"}
Row = tuple[dict[int, Text], str | None, str]  # a row's cells, its bar (None: no bars) and its tone


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
    known = ranges(block)
    if fits(block, width, known):
        return [_drawn(block, width, known)]
    kept, first = block.split or (_leading(block), len(block.columns))
    parts = _parts(block, width, kept, min(first, len(block.columns)))
    tables: list[RenderableType] = []
    stacked: list[int] = []  # the columns too wide even alone beside the kept ones (a long address)
    for columns, bars in parts:
        part = _part(block, columns, bars, heading=block.heading if block.spaced and not tables else "")
        if len(columns) == kept + 1 and not fits(part, width) and fits(_part(block, list(range(kept))), width):
            stacked.append(columns[-1])
            continue
        tables += [*([Text()] if tables else []), _drawn(part, width)]
    if stacked:
        tables += [*([Text()] if tables else []), _stacked(block, kept, stacked, width)]
    return tables


def _drawn(block: Table, width: int, known: list[Range] | None = None) -> RenderableType:
    """The table as rich draws it; a long one that fits (`text_quick`) row by row in the same characters."""
    fitted = widths(block, width, known=known)
    at = dict(zip(_shown(block), fitted or widths(block, 0, known=known) or [], strict=True))
    quick = fitted is not None and len(block.rows) >= QUICK and not block.spaced
    return _Quick(block, at) if quick else _table(block, at)


def _table(block: Table, at: dict[int, int]) -> RichTable:
    return _rich(block, at, [_row(block, n, at) for n in range(len(block.rows))])


class _Quick:
    """A long table drawn by `text_quick`: rich draws its heading, footer, a row of each tone and its rows of
    more than one line; each other row is its tone's row with its own texts."""

    def __init__(self, block: Table, at: dict[int, int]) -> None:
        self.block, self.at = block, at

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[RenderableType | Segment]:
        block, at = self.block, self.at
        rights = [right_aligned(block, block.columns[n]) for n in at] + [False] * bool(block.bars)
        charts = [bar(share) for share, _ in block.bars]
        places = [*at.values(), *([max(map(cells, charts), default=0)] if block.bars else [])]
        rows: list[tuple[str, list[str]] | int] = []
        tall: list[Row] = []
        for index, texts in enumerate(_texts(block, at, charts, rights, places)):
            if texts is None:
                tall.append(_row(block, index, at))
                rows.append(max(len(cell.plain.split("\n")) for cell in tall[-1][0].values()))
            else:
                rows.append((block.tones[index], texts))
        tones = list(dict.fromkeys(row[0] for row in rows if not isinstance(row, int)))
        table = _rich(block, at, [*(_placeholder(block, at, tone, places[-1]) for tone in tones), *tall])
        head = 1 + max(len(str(getattr(c.header, "plain", c.header)).split("\n")) for c in table.columns)
        foot = 1 + max(len(str(getattr(c.footer, "plain", c.footer)).split("\n")) for c in table.columns)
        layout = Layout(head, foot if table.show_footer else 0, tones, places, rows)
        segments = drawn(console, options, table, layout)
        yield from segments if segments is not None else [_table(block, at)]


def _texts(
    block: Table, at: dict[int, int], charts: list[str], rights: list[bool], places: list[int]
) -> Iterator[list[str] | None]:
    """Each row's cells as `text_quick` places them (None: a row rich draws, on more than one line). A printable
    text (no line break, tab or control; no space but the plain one) that fits is drawn as it is, at once."""
    under = [n for n, column in enumerate(block.columns) if column.beneath is not None]
    shown = [(n, width, right) for (n, width), right in zip(at.items(), rights, strict=False)]
    for index, row in enumerate(block.rows):
        if any(row[n] for n in under):
            yield None
            continue
        texts = []
        for n, width, right in shown:
            text = indented(block, index, n)
            if text.isprintable() and text[-1:] != " " and (room := width - cells(text)) >= 0:
                texts.append(" " * room + text if right else text + " " * room)
                continue
            cell = justified(visible(wrapped(text, width)), width, right)
            if cell is None:
                break
            texts.append(cell)
        else:
            if charts:
                cell = justified(visible(charts[index]), places[-1], False)
                if cell is not None:
                    yield [*texts, cell]
                    continue
            else:
                yield texts
                continue
        yield None


def _placeholder(block: Table, at: dict[int, int], tone: str, bars: int) -> Row:
    strong = "bold" if tone in ("strong", "head") else ""
    cells = {n: _lit(PLACE * width, strong if block.columns[n].wide else "") for n, width in at.items()}
    return cells, PLACE * bars if block.bars else None, tone


def _stacked(block: Table, kept: int, columns: list[int], width: int = 0) -> RenderableType:
    """Each row's `kept` cells in bold, then each of `columns` under them as `title: text`, wrapped at spaces.
    The kept cells stand in columns of their own (`text_columns.aligned`), so that a long title wraps inside its column,
    between words, and never runs into the next cell."""
    rows = [row for row in block.rows if any(row[n] and row[n] != "—" for n in columns)]
    heads = aligned(rows, kept, [wraps(column) for column in block.columns[:kept]], width)
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
        while end < limit and fits(_part(block, [*range(kept), *range(start, end + 1)]), width):
            end += 1
        bars = start == kept and end == first and bool(block.bars)
        if bars and not fits(_part(block, [*range(kept), *range(start, end)], True), width):
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


def _shown(block: Table) -> list[int]:
    return [n for n, column in enumerate(block.columns) if column.beneath is None]


def _row(block: Table, index: int, at: dict[int, int]) -> Row:
    """Row `index`: each shown column's text wrapped at its width (what is shown beneath under it), its bar and
    its tone."""
    row = block.rows[index]
    strong = "bold" if block.tones[index] in ("strong", "head") else ""
    cells = {n: _lit(wrapped(indented(block, index, n), at[n]), strong if block.columns[n].wide else "") for n in at}
    for n, column in enumerate(block.columns):
        if column.beneath is not None and row[n]:
            cells[column.beneath].append(beneath(column, row[n], at.get(column.beneath, 0)), style=TONES[column.tone])
    return cells, bar(block.bars[index][0]) if block.bars else None, block.tones[index]


def _rich(block: Table, at: dict[int, int], rows: list[Row]) -> RichTable:
    """Figures right-aligned, text left, each column at its width in `at` (`widths`: figures and codes whole,
    texts wrapped at their spaces); a column shown `beneath` another goes under its cell; a row's tone styles it
    (a `head` row: its wide cell strong); a bar after the row's cells where it has one. A `spaced` table's
    columns set further apart, its heading as its caption."""
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
    for n in at:
        column = block.columns[n]
        foot = _lit(block.footer[n]) if footed else ""
        table.add_column(
            _lit(wrapped(column.title, at[n])),
            justify="right" if right_aligned(block, column) else "left",
            no_wrap=True,
            width=at[n],
            footer=foot,
        )
    if block.bars:
        table.add_column("", no_wrap=True, footer=_lit(bar(block.footer_bar[0])) if footed else "")
    for texts, chart, tone in rows:
        table.add_row(*texts.values(), *([_lit(chart)] if chart is not None else []), style=TONES.get(tone, ""))
    return table


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
