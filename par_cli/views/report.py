"""The format-neutral report a view makes and a writer writes: headings, tables with typed columns, notes, charts,
and the records JSON and CSV carry. Every text and figure in it is final (worded, rounded, in the reader's language);
a writer only lays it out, and knows no command.

(Plain classes with slots: dataclasses cost start-up time every command pays.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import StrEnum
from fractions import Fraction
from typing import Any

from par_cli.views.prose import Figures as Figures
from par_cli.views.prose import Items as Items
from par_cli.views.prose import Line as Line
from par_cli.views.workbook import Cell as Cell
from par_cli.views.workbook import Sheet as Sheet


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
    missing), instead of in a column of its own. `narrowest`: the least width the wide column is given (None: the
    writer's). `extra`: one of the columns added at the reader's request (one per area), set apart where a medium
    can. `weight`: the column's share of a page's width (None: by its kind). `moves`: per row, which way the
    cell's change goes (1 up, −1 down, 0 neither), for a medium that colours it."""

    __slots__ = ("beneath", "extra", "kind", "marker", "moves", "narrowest", "title", "tone", "weight", "wide")

    def __init__(
        self,
        title: str,
        kind: Kind = Kind.text,
        wide: bool = False,
        beneath: int | None = None,
        tone: str = "muted",
        marker: str = "↳ ",
        narrowest: int | None = None,
        extra: bool = False,
        weight: int | None = None,
        moves: Sequence[int] = (),
    ):
        self.title, self.kind, self.wide, self.beneath = title, kind, wide, beneath
        self.tone, self.marker, self.narrowest, self.extra = tone, marker, narrowest, extra
        self.weight, self.moves = weight, tuple(moves)


class Table:
    """A heading (or none), the columns and rows of final text. `legend`: the rows are the series of the chart
    just before, in its order (a writer that draws the chart marks each row with its series' colour). `dense`:
    many columns (a writer may set them in smaller type). `spaced`: few columns of long texts, each at its own
    width and set further apart (the heading then captions the table). `tones`: one per row, `strong` (a total,
    a top level), `head` (a row over others: its wide cell strong), `muted` (not applicable) or plain (``).
    `whole`: short texts and figures are never broken; where room is short, the wide column alone gives way.
    `bars`: per row, a share 0–100 and its worded figure, drawn as a bar where a medium can, in a column headed
    `bar_title` where the medium heads it. `split`: (kept, first): where the medium is too narrow for the table,
    its first `first` columns, then the others in tables of their own, each led by the first `kept`. `span`:
    (first, last, title): a title over those columns (a header of two rows). `summary`: a line that sums the
    table up, just under it; `notes`: lines about it, under the summary. `footer`: a strong totals row closing the
    table (its bar `footer_bar`), standing alone (no blank after it in a document). `depths`: per row, its level
    in a tree (1 the top; 0 none), each medium indenting by its own convention."""

    __slots__ = (
        "bar_title",
        "bars",
        "columns",
        "dense",
        "depths",
        "footer",
        "footer_bar",
        "heading",
        "legend",
        "notes",
        "rows",
        "spaced",
        "span",
        "split",
        "summary",
        "tones",
        "whole",
    )

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
        bars: Sequence[tuple[Fraction | None, str]] = (),
        split: tuple[int, int] | None = None,
        span: tuple[int, int, str] | None = None,
        summary: str = "",
        notes: Sequence[str] = (),
        bar_title: str = "",
        footer: Sequence[str] = (),
        footer_bar: tuple[Fraction | None, str] = (None, ""),
        depths: Sequence[int] = (),
    ):
        self.footer, self.footer_bar, self.depths = tuple(footer), footer_bar, tuple(depths)
        self.columns, self.rows, self.heading, self.legend = tuple(columns), tuple(map(tuple, rows)), heading, legend
        self.dense, self.spaced, self.tones = dense, spaced, tuple(tones) or ("",) * len(self.rows)
        self.whole, self.bars, self.split, self.span = whole, tuple(bars), split, span
        self.summary, self.notes, self.bar_title = summary, tuple(notes), bar_title


class Note:
    """A line under what it qualifies (merged units, rows left out, why a chart is missing); `plain`: a line of
    the report itself (nothing to show), not dimmed; `strong`: a line of the report that sums it up, or heads
    the lines after it in the same text (a list of bonuses and penalties)."""

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


class Heading:
    """How a document (Word) opens: its title and subtitle, centred; `decision`: it is the annex to a decision
    (the annex's name above, the decision's line under it, left for the office to complete); `landscape`; `name`:
    the title in the document's properties. An annex issued by a known office: `issuer` (top left, upper-case),
    `place` (its place and date line, top right under the national motto), `line` (the decision's line as far as
    it is known; empty: left blank to complete) and `signer` (the signature block's lines, at the end)."""

    __slots__ = ("decision", "issuer", "landscape", "line", "name", "place", "signer", "subtitle", "title")

    def __init__(self, title: str, name: str, subtitle: str = "", decision: bool = False, landscape: bool = False):
        self.title, self.name, self.subtitle, self.decision, self.landscape = title, name, subtitle, decision, landscape
        self.issuer, self.place, self.line = "", "", ""
        self.signer: tuple[str, ...] = ()


class Branch:
    """A node of an outline: its `code` and `title`, `amount` (what it is worth, worded), `tags` (what sets it
    apart), `detail` (a line under it: a rule in words, or none), and the branches under it."""

    __slots__ = ("amount", "branches", "code", "detail", "tags", "title")

    def __init__(
        self, code: str, title: str, amount: str, tags: Sequence[str], detail: str, branches: Sequence[Branch]
    ):
        self.code, self.title, self.amount, self.tags = code, title, amount, tuple(tags)
        self.detail, self.branches = detail, tuple(branches)


class Outline:
    """A tree: its root's `title`, `aside` (beside it: an id, a total), `source` (a line under it, or none),
    then its branches."""

    __slots__ = ("aside", "branches", "source", "title")

    def __init__(self, title: str, aside: str, source: str, branches: Sequence[Branch]):
        self.title, self.aside, self.source, self.branches = title, aside, source, tuple(branches)


class Problem:
    """A problem found at a place in a file (`line` and `col` 0 when the file as a whole): its `level` (error,
    warning, info), its code; what it says in the reader's language with its hint (`hinted`), the line the
    text format shows (`said`), and what it says in English with its hint (`record`, for programs)."""

    __slots__ = ("code", "col", "file", "hinted", "level", "line", "record", "said")

    def __init__(self, file: str, line: int, col: int, level: str, code: str, said: str, hinted: str, record: str):
        self.file, self.line, self.col, self.level, self.code = file, line, col, level, code
        self.said, self.hinted, self.record = said, hinted, record


class Problems:
    """Problems found in files, in order; `rules`: each code among them, once, in order, with what it is about
    (English) and its level."""

    __slots__ = ("items", "rules")

    def __init__(self, items: Iterable[Problem], rules: Sequence[tuple[str, str, str]]):
        # an iterator is kept as it is: the problems of a check still running, read once as they are printed
        self.items: Iterable[Problem] = items if isinstance(items, Iterator) else tuple(items)
        self.rules = tuple(rules)


class Point:
    """A chart's dot: where (period number), its value, its tooltip; `hollow` when computed, not measured."""

    __slots__ = ("at", "hollow", "tip", "value")

    def __init__(self, at: int, value: Fraction, tip: str, hollow: bool = False):
        self.at, self.value, self.tip, self.hollow = at, value, tip, hollow


class LineChart:
    """Values (y) by period (x), one line per series (its name in the chart's legend); the y axis from `ticks`
    (value, worded) first to last; `hollow`: what a hollow dot stands for, in the legend (where there is one)."""

    __slots__ = ("hollow", "series", "ticks", "title", "x_labels")

    def __init__(
        self,
        title: str,
        x_labels: Sequence[str],
        ticks: Sequence[tuple[Fraction, str]],
        series: Sequence[tuple[str, Sequence[Point]]],
        hollow: str = "",
    ):
        self.title, self.x_labels, self.ticks, self.series = title, tuple(x_labels), tuple(ticks), tuple(series)
        self.hollow = hollow


class HeatCell:
    """`share` 0–1 (how much is lost: the colour), the worded figure and its tooltip."""

    __slots__ = ("share", "text", "tip")

    def __init__(self, text: str, share: Fraction, tip: str):
        self.text, self.share, self.tip = text, share, tip


class HeatMap:
    """Rows (a label and what it stands for) by columns numbered 1…n; under it `key` (what a cell's figure and
    colour show), then the legends: each row's label and what it stands for (headed `rows_heading`), each
    column's number and name (headed `columns_heading`). `absent`: why there is no map (said instead of it), or
    empty."""

    __slots__ = ("absent", "columns_heading", "corner", "key", "names", "rows", "rows_heading", "title")

    def __init__(
        self,
        title: str,
        corner: str,
        names: Sequence[str],
        rows: Sequence[tuple[str, str, Sequence[HeatCell | None]]],
        absent: str = "",
        key: str = "",
        rows_heading: str = "",
        columns_heading: str = "",
    ):
        self.title, self.corner, self.names, self.rows, self.absent = title, corner, tuple(names), tuple(rows), absent
        self.key, self.rows_heading, self.columns_heading = key, rows_heading, columns_heading


class Bars:
    """A bar chart: one bar per row (its label, a share 0–100 of the full length, the figure written at its end),
    `marked` the rows set apart (the agency the report is about, among its group's); `note`: a line under it."""

    __slots__ = ("marked", "note", "rows", "title")

    def __init__(
        self, title: str, rows: Sequence[tuple[str, Fraction, str]], marked: Sequence[int] = (), note: str = ""
    ):
        self.title, self.rows, self.marked, self.note = title, tuple(rows), frozenset(marked), note


Block = (
    Caption | Table | Note | Terms | LineChart | HeatMap | Heading | Problems | Outline | Line | Figures | Items | Bars
)


class Report:
    """What a command shows, whatever the format.

    `title` names the document (an HTML page, a Word file, a Markdown heading); `on_screen` also prints it on the
    terminal, `in_text` opens Markdown with it. `json` and `csv` are the records (figures as exact decimals,
    language-neutral); `sheets` the workbook when the command offers one; `document` the blocks a document (Word)
    lays out when they are not the screen's (an annex in the administrative layout), `text` and `page` Markdown's
    and an HTML page's; `width` the columns a terminal's tables must fit in (0: no limit). `blocks`, `json`,
    `csv`, `sheets` and `document` may each be given as a function, called when a writer first asks: a national
    ranking is made only in the format written (and its JSON, of `json_text.Streamed` lists, row by row as it is
    written); so may `text` and `page`.
    """

    __slots__ = ("_made", "in_text", "lang", "on_screen", "title", "width")

    def __init__(
        self,
        title: str,
        lang: str,
        blocks: Sequence[Block] | Callable[[], Iterable[Block]],
        json: dict[str, Any] | Callable[[], dict[str, Any]],
        csv: Sequence[Sequence[Any]] | Callable[[], Iterable[Sequence[Any]]],
        on_screen: bool = True,
        sheets: Sequence[Sheet] | Callable[[], Iterable[Sheet]] = (),
        document: Sequence[Block] | Callable[[], Iterable[Block]] = (),
        in_text: bool = True,
        width: int = 0,
        text: Sequence[Block] | Callable[[], Iterable[Block]] = (),
        page: Sequence[Block] | Callable[[], Iterable[Block]] = (),
    ):
        self.title, self.lang, self.on_screen, self.in_text, self.width = title, lang, on_screen, in_text, width
        self._made: dict[str, Any] = {
            "blocks": blocks,
            "json": json,
            "csv": csv,
            "sheets": sheets,
            "document": document,
            "text": text,
            "page": page,
        }

    def _part(self, name: str) -> Any:
        part = self._made[name]
        if callable(part):
            part = part()
            self._made[name] = part = part if name == "json" else tuple(part)
        return part

    @property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(self._part("blocks"))

    @property
    def json(self) -> dict[str, Any]:
        made: dict[str, Any] = self._part("json")
        return made

    @property
    def csv(self) -> tuple[Sequence[Any], ...]:
        return tuple(self._part("csv"))

    @property
    def sheets(self) -> tuple[Sheet, ...]:
        return tuple(self._part("sheets"))

    @property
    def document(self) -> tuple[Block, ...]:
        """The blocks a document lays out: its own, else the screen's."""
        return tuple(self._part("document")) or self.blocks

    @property
    def text(self) -> tuple[Block, ...]:
        """The blocks Markdown lays out: its own, else the screen's."""
        return tuple(self._part("text")) or self.blocks

    @property
    def page(self) -> tuple[Block, ...]:
        """The blocks an HTML page lays out: its own, else the screen's."""
        return tuple(self._part("page")) or self.blocks
