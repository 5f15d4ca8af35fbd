"""A report's workbook (`views.report`): its sheets and their cells."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class Cell:
    """A workbook cell: text (written as text), a figure (a number shown to `places`) or a whole number, or none
    (`value` None: no cell); `fill` marks a cell the reader fills in; `moves`: a whole number of places moved,
    shown ▲3, ▼2, =; `strong`: in bold."""

    __slots__ = ("fill", "moves", "places", "strong", "value", "wrap")

    def __init__(
        self,
        value: Any,
        places: int | None = None,
        wrap: bool = False,
        fill: bool = False,
        moves: bool = False,
        strong: bool = False,
    ):
        self.value, self.places, self.wrap, self.fill, self.moves = value, places, wrap, fill, moves
        self.strong = strong


class Sheet:
    """A worksheet: a title line (or none), a header, the rows, column widths; frozen left of `frozen` columns.
    `header_height`: the header row's height in points (None: the program's). `aligned`: cells set at the top
    (or wrapped), else the program's alignment. `footer`: a line a row under the last. `hidden`: columns after
    the header's, (title, a text per row), hidden from the reader (read back by programs). `lines`: (name, cell)
    pairs between the title and the header, a row apart. `plain`: cells as given (only a wrapped cell aligned).
    Every sheet prints ruled (writers/xlsx_cells.grid)."""

    __slots__ = (
        "aligned",
        "footer",
        "frozen",
        "header",
        "header_height",
        "hidden",
        "lines",
        "name",
        "notes",
        "plain",
        "rows",
        "title",
        "widths",
    )

    def __init__(
        self,
        name: str,
        title: str,
        header: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        widths: Sequence[int],
        frozen: int = 0,
        header_height: int | None = None,
        aligned: bool = True,
        footer: str = "",
        hidden: Sequence[tuple[str, Sequence[str | None]]] = (),
        lines: Sequence[tuple[str, Cell]] = (),
        plain: bool = False,
        notes: Sequence[str] = (),
    ):
        self.lines, self.plain, self.notes = tuple(lines), plain, tuple(notes)
        self.name, self.title, self.header, self.rows = name, title, tuple(header), tuple(rows)
        self.widths, self.frozen, self.header_height = tuple(widths), frozen, header_height
        self.aligned, self.footer, self.hidden = aligned, footer, tuple(hidden)
