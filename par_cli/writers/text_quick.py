"""A long table drawn fast, exactly as rich draws it: rich lays out a small table (the heading, one row of each
tone with a placeholder filling each cell, every row taking more than one line, the footer) and every one-line row
is then its tone's row with its own words in the placeholders' places, justified as rich justifies them.

Rich drawing the 3,400 rows of a ranking took 1.3 s of a 1.8 s re-rank; a row drawn here costs a few
microseconds. tests/test_quick_table.py proves the two print the same characters and styles.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.table import Table as RichTable

from par_cli.writers.text_columns import cells

QUICK = 64  # rows from which a table is drawn this way
PLACE = "x"  # the placeholder's character: never a space (rich strips those)
_NEW_LINE = Segment.line()


class Layout(NamedTuple):
    """What `drawn` needs beside the small table: `head` and `foot`, its lines above and below the rows (the
    rules included); `tones`, the tone of each placeholder row, in the table's order after the heading; `widths`,
    each placeholder's width (0: none in that column); `rows`, each row of the long table: its tone and its
    cells as drawn (`justified`), or the number of lines rich draws it in (then the next of the rows in the small
    table after the placeholders)."""

    head: int
    foot: int
    tones: Sequence[str]
    widths: Sequence[int]
    rows: Sequence[tuple[str, Sequence[str]] | int]


def justified(text: str, width: int, right: bool) -> str | None:
    """`text` as rich draws it in a cell of `width` (None: rich would draw it on more lines, or cut it)."""
    if "\n" in text or "\t" in text:
        return None
    if right:
        text = text.rstrip()
    room = width - cells(text)
    if room < 0:
        return None
    return " " * room + text if right else text + " " * room


def drawn(console: Console, options: ConsoleOptions, table: RichTable, layout: Layout) -> list[Segment] | None:
    """The segments of the long table (None: the small one did not come out as laid out: draw it with rich)."""
    lines = list(Segment.split_lines(console.render(table, options)))
    body = layout.head + len(layout.tones)
    if len(lines) != body + sum(row for row in layout.rows if isinstance(row, int)) + layout.foot:
        return None
    places = [(n, PLACE * width) for n, width in enumerate(layout.widths) if width]
    templates: dict[str, tuple[list[Segment], list[tuple[int, int]]]] = {}
    for tone, line in zip(layout.tones, lines[layout.head : body], strict=True):
        slots: list[tuple[int, int]] = []
        for at, segment in enumerate(line):
            if len(slots) < len(places) and segment.text == places[len(slots)][1]:
                slots.append((at, places[len(slots)][0]))
        if len(slots) < len(places):
            return None
        templates[tone] = (line, slots)
    plain = console.color_system is None and not console.record  # no styles written: a line is one segment
    out: list[Segment] = []
    for line in lines[: layout.head]:
        out += [*line, _NEW_LINE]
    tall = body
    for row in layout.rows:
        if isinstance(row, int):
            for line in lines[tall : tall + row]:
                out += [*line, _NEW_LINE]
            tall += row
            continue
        line, slots = templates[row[0]]
        texts = row[1]
        if plain:
            pieces = [segment.text for segment in line]
            for at, n in slots:
                pieces[at] = texts[n]
            out += [Segment("".join(pieces)), _NEW_LINE]
        else:
            drawn_line = list(line)
            for at, n in slots:
                drawn_line[at] = Segment(texts[n], line[at].style)
            out += [*drawn_line, _NEW_LINE]
    for line in lines[tall:]:
        out += [*line, _NEW_LINE]
    return out
