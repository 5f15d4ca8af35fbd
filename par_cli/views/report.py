"""The format-neutral report a view makes and a writer writes: headings, tables with typed columns, notes, charts,
and the records JSON and CSV carry. Every text and figure in it is final (worded, rounded, in the reader's language);
a writer only lays it out, and knows no command.

(Plain classes with slots: dataclasses cost start-up time every command pays.)
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from fractions import Fraction
from typing import Any


class Kind(StrEnum):
    """What a column holds: writers align and style by kind, never by a column's name."""

    text = "text"  # words from the files or the catalogue: left-aligned (kept on one line unless `wide`)
    code = "code"  # a short code (3.1.2)
    figure = "figure"  # a figure already worded (`85,50`, `10/11`)
    rank = "rank"
    change = "change"  # a signed figure (+4.53, −0.95)
    bar = "bar"
    sparkline = "sparkline"


NUMERIC = frozenset({Kind.figure, Kind.rank, Kind.change, Kind.bar, Kind.sparkline})


class Column:
    """`wide`: the column that takes the room left (and folds); `beneath`: on a narrow medium (the terminal) the
    cell is shown under column `beneath`'s cell, after `marker`, in `tone` (`muted`, or `warning`: something is
    missing), instead of in a column of its own."""

    __slots__ = ("beneath", "kind", "marker", "title", "tone", "wide")

    def __init__(
        self,
        title: str,
        kind: Kind = Kind.text,
        wide: bool = False,
        beneath: int | None = None,
        tone: str = "muted",
        marker: str = "↳ ",
    ):
        self.title, self.kind, self.wide, self.beneath = title, kind, wide, beneath
        self.tone, self.marker = tone, marker


class Table:
    """A heading (or none), the columns and rows of final text. `legend`: the rows are the series of the chart
    just before, in its order (a writer that draws the chart marks each row with its series' colour). `dense`:
    many columns (a writer may set them in smaller type). `spaced`: few columns of long texts, each at its own
    width and set further apart (the heading then captions the table). `tones`: one per row, `strong` (a total,
    a top level), `head` (a row over others: its wide cell strong), `muted` (not applicable) or plain (``).
    `whole`: short texts and figures are never broken; where room is short, the wide column alone gives way."""

    __slots__ = ("columns", "dense", "heading", "legend", "rows", "spaced", "tones", "whole")

    def __init__(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[str]],
        heading: str = "",
        legend: bool = False,
        dense: bool = False,
        spaced: bool = False,
        tones: Sequence[str] = (),
        whole: bool = False,
    ):
        self.columns, self.rows, self.heading, self.legend = tuple(columns), tuple(map(tuple, rows)), heading, legend
        self.dense, self.spaced, self.tones = dense, spaced, tuple(tones) or ("",) * len(self.rows)
        self.whole = whole


class Note:
    """A line under what it qualifies (merged units, rows left out, why a chart is missing); `plain`: a line of
    the report itself (nothing to show), not dimmed; `strong`: a line of the report that sums it up."""

    __slots__ = ("plain", "strong", "text")

    def __init__(self, text: str, plain: bool = False, strong: bool = False):
        self.text, self.plain, self.strong = text, plain or strong, strong


class Caption:
    """What the report is about, before anything else: its subject (`strong`), then the rest (more lines)."""

    __slots__ = ("rest", "strong")

    def __init__(self, strong: str, rest: str):
        self.strong, self.rest = strong, rest


class Terms:
    """A heading over a list of terms (a code), each with what it says."""

    __slots__ = ("heading", "items")

    def __init__(self, heading: str, items: Sequence[tuple[str, str]]):
        self.heading, self.items = heading, tuple(items)


class Point:
    """A chart's dot: where (period number), its value, its tooltip; `hollow` when computed, not measured."""

    __slots__ = ("at", "hollow", "tip", "value")

    def __init__(self, at: int, value: Fraction, tip: str, hollow: bool = False):
        self.at, self.value, self.tip, self.hollow = at, value, tip, hollow


class LineChart:
    """Values (y) by period (x), one line per series; the y axis from `ticks` (value, worded) first to last."""

    __slots__ = ("series", "ticks", "title", "x_labels")

    def __init__(
        self,
        title: str,
        x_labels: Sequence[str],
        ticks: Sequence[tuple[Fraction, str]],
        series: Sequence[tuple[str, Sequence[Point]]],
    ):
        self.title, self.x_labels, self.ticks, self.series = title, tuple(x_labels), tuple(ticks), tuple(series)


class HeatCell:
    """`share` 0–1 (how much is lost: the colour), the worded figure and its tooltip."""

    __slots__ = ("share", "text", "tip")

    def __init__(self, text: str, share: Fraction, tip: str):
        self.text, self.share, self.tip = text, share, tip


class HeatMap:
    """Rows (a label and its tooltip) by columns numbered 1…n; the column names listed under it. `absent`: why
    there is no map (said instead of it), or empty."""

    __slots__ = ("absent", "corner", "names", "rows", "title")

    def __init__(
        self,
        title: str,
        corner: str,
        names: Sequence[str],
        rows: Sequence[tuple[str, str, Sequence[HeatCell | None]]],
        absent: str = "",
    ):
        self.title, self.corner, self.names, self.rows, self.absent = title, corner, tuple(names), tuple(rows), absent


class Cell:
    """A workbook cell: text (written as text), a figure (a number shown to `places`) or a whole number; `fill`
    marks a cell the reader fills in."""

    __slots__ = ("fill", "places", "value", "wrap")

    def __init__(self, value: Any, places: int | None = None, wrap: bool = False, fill: bool = False):
        self.value, self.places, self.wrap, self.fill = value, places, wrap, fill


class Sheet:
    """A worksheet: a title line (or none), a header, the rows, column widths; frozen left of `frozen` columns.
    `header_height`: the header row's height in points (None: the program's)."""

    __slots__ = ("frozen", "header", "header_height", "name", "rows", "title", "widths")

    def __init__(
        self,
        name: str,
        title: str,
        header: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        widths: Sequence[int],
        frozen: int = 0,
        header_height: int | None = None,
    ):
        self.name, self.title, self.header, self.rows = name, title, tuple(header), tuple(rows)
        self.widths, self.frozen, self.header_height = tuple(widths), frozen, header_height


Block = Caption | Table | Note | Terms | LineChart | HeatMap


class Report:
    """What a command shows, whatever the format.

    `title` names the document (an HTML page, a Word file, a Markdown heading); `on_screen` also prints it on the
    terminal. `json` and `csv` are the records (figures as exact decimals, language-neutral); `sheets` the workbook
    when the command offers one.
    """

    __slots__ = ("blocks", "csv", "json", "lang", "on_screen", "sheets", "title")

    def __init__(
        self,
        title: str,
        lang: str,
        blocks: Sequence[Block],
        json: dict[str, Any],
        csv: Sequence[Sequence[Any]],
        on_screen: bool = True,
        sheets: Sequence[Sheet] = (),
    ):
        self.title, self.lang, self.blocks, self.on_screen = title, lang, tuple(blocks), on_screen
        self.json, self.csv, self.sheets = json, tuple(csv), tuple(sheets)
