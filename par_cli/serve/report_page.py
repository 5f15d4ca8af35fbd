"""A command's report (`views.report.Report`) as the plain parts a page lays out: tables of final text (the very
cells `par rank`, `par explain` and `par appraisal cuts` print, in the reader's language), notes and captions.
Charts are left to the downloads; every figure on a page is one a writer would write."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from par_cli.views.report import NUMERIC, Caption, Note, Table, Terms

if TYPE_CHECKING:
    from par_cli.views.report import Report


@dataclass(frozen=True)
class Shown:
    """One part of a page: a table (`columns`: titles and whether each holds figures), a note, or a caption."""

    kind: str  # table | note | caption
    heading: str = ""
    columns: tuple[tuple[str, bool], ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    tones: tuple[str, ...] = ()
    depths: tuple[int, ...] = ()
    lines: tuple[str, ...] = ()  # a table's summary and notes; a note's text; a caption's lines


def _head(title: str) -> str:
    """A column's title as a table's head reads (`Thiếu tài liệu kiểm chứng`): a terminal prints some columns as
    a line beneath the row, led by a small letter (`thiếu tài liệu kiểm chứng`); a page heads every column."""
    return title[:1].upper() + title[1:]


def shown(report: Report) -> list[Shown]:
    """The report's blocks a page shows, in order."""
    out: list[Shown] = []
    for block in report.blocks:
        if isinstance(block, Table):
            lines = tuple(line for line in (block.summary, *block.notes) if line)
            columns = tuple((_head(column.title), column.kind in NUMERIC) for column in block.columns)
            depths = block.depths or (0,) * len(block.rows)
            out.append(Shown("table", block.heading, columns, block.rows, block.tones, depths, lines))
        elif isinstance(block, Note):
            out.append(Shown("note", lines=(block.text,)))
        elif isinstance(block, Caption):
            out.append(Shown("caption", block.strong, lines=(block.rest,) if block.rest else ()))
        elif isinstance(block, Terms):
            rows = tuple((term, said) for term, said in block.items)
            out.append(Shown("table", block.heading, (("", False), ("", False)), rows, (), (0,) * len(rows)))
    return out
