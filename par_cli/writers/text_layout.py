"""The widths of a table's columns on a terminal: figures and codes whole, texts wrapped at their spaces (the
widest first), long titles wrapped before any cell."""

from __future__ import annotations

from collections.abc import Sequence

from par_cli.views.report import NUMERIC, Column, Kind, Table
from par_cli.words.literal import visible
from par_cli.writers.text_columns import cells as cell_len
from par_cli.writers.text_columns import wrapped

Range = tuple[int, int, int, int]
TITLE = 16  # a title longer than this wraps before any cell does
BAR = 8


def _cells(block: Table, n: int) -> list[str]:
    """The texts column `n` shows: its title, its cells (with what is shown beneath them) and its footer."""
    under = [m for m, column in enumerate(block.columns) if column.beneath == n]
    depths = block.depths or (1,) * len(block.rows)
    texts = [block.columns[n].title]
    if not under and not (n == 0 and block.depths):
        texts += [row[n] for row in block.rows]
    else:
        for row, depth in zip(block.rows, depths, strict=True):
            indent = "  " * (depth - 1) if n == 0 and depth > 1 else ""
            texts.append(indent + row[n])
            texts += [block.columns[m].marker + row[m] for m in under if row[m]]
    return texts + ([block.footer[n]] if block.footer else [])


def right_aligned(block: Table, column: Column) -> bool:
    """Figures to the right; codes too, but in a table shown whole or spaced."""
    return column.kind in NUMERIC or (column.kind is Kind.code and not block.whole and not block.spaced)


def indented(block: Table, index: int, n: int) -> str:
    """Row `index`'s text in column `n`: the first column's indented two spaces a level below the first."""
    depths, text = block.depths, block.rows[index][n]
    return "  " * (depths[index] - 1) + text if n == 0 and depths and depths[index] > 1 else text


def beneath(column: Column, text: str, width: int) -> str:
    """What a column shown beneath another adds to that one's cell (`width`: its width; 0: not wrapped)."""
    shown = f"{column.marker}{text}"
    return visible("\n" + (wrapped(shown, width) if width else shown))


def wraps(column: Column) -> bool:
    """A text wraps (at its spaces); figures and codes never do."""
    return column.kind is Kind.text


def _words(lines: Sequence[str]) -> int:
    """The widest word of those lines (0: none)."""
    return max((cell_len(word) for line in lines for word in line.split(" ")), default=0)


def column_range(block: Table, n: int) -> Range:
    """The widths column `n` can take, least first: a figure or code its longest cell, under its longest title
    word; a text its longest word, and no less than its `narrowest` (16 unless it says) when its texts are that
    long (a wide column with a `narrowest`: no less than that). Between them, the least with the cells whole
    (title aside), and the least with the cells and a title up to `TITLE` whole; then the most.

    (A word is never wider than its line: only the lines wider than what the column takes anyway are looked
    into word by word.)"""
    column = block.columns[n]
    texts = [visible(text) for text in _cells(block, n)]
    heads = texts[0].split("\n")
    lines = [line for text in texts[1:] for line in text.split("\n")]
    widths = [cell_len(line) for line in lines]
    body = max(widths, default=1)
    title = max(cell_len(line) for line in heads)
    most = max(title, body) if widths else title
    words = max(cell_len(word) for line in heads for word in line.split(" "))
    if not wraps(column):
        least = max(words, body)
    elif column.wide and column.narrowest is not None:
        words = max(words, _words([line for line, w in zip(lines, widths, strict=True) if w > column.narrowest]))
        least, most = max(words, column.narrowest), max(most, column.narrowest)
    else:
        over = min(16, most)
        words = max(words, _words([line for line, w in zip(lines, widths, strict=True) if w > over]))
        least = max(words, over)
    whole = max(least, body)
    return least, whole, max(whole, min(title, TITLE)), max(most, whole)


def ranges(block: Table) -> list[Range]:
    """Each shown column's `column_range`."""
    return [column_range(block, n) for n, column in enumerate(block.columns) if column.beneath is None]


def widths(block: Table, width: int, strict: bool = False, known: list[Range] | None = None) -> list[int] | None:
    """Each shown column's width (None: the table does not fit `width`): the titles longer than `TITLE` wrapped
    first, then the texts (the widest first), then (unless `strict`) any title. `known`: the `ranges`."""
    shown = [n for n, column in enumerate(block.columns) if column.beneath is None]
    spans = known if known is not None else ranges(block)
    out = [r[3] for r in spans]
    if not width:
        return out
    room = width - chrome(block, len(shown))
    floors = [
        [r[2] for r in spans],  # long titles wrapped
        [r[0] if wraps(block.columns[n]) else r[2] for n, r in zip(shown, spans, strict=True)],  # texts wrapped
        [r[0] for r in spans],  # any title wrapped
    ]
    if sum(floors[1 if strict else 2]) > room:
        return None
    for floor in floors[: 2 if strict else 3]:
        while sum(out) > room:
            slack = [(w, at) for at, (w, least) in enumerate(zip(out, floor, strict=True)) if w > least]
            if not slack:
                break
            out[max(slack)[1]] -= 1
    return out


def chrome(block: Table, count: int) -> int:
    """The columns the table's rules and padding take beside its cells (its bars too)."""
    gap = 3 if block.spaced else 2  # a rule's column and the padding either side (collapsed where not spaced)
    return gap * (count - 1) + ((BAR + gap) if block.bars else 0)


def fits(block: Table, width: int, known: list[Range] | None = None) -> bool:
    """Whether the table fits `width` with its figures' and codes' titles whole (short ones) too."""
    return widths(block, width, strict=True, known=known) is not None
