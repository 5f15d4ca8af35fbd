"""A report on a screen rich would draw without styles (a pipe, a file, TERM=dumb), in exactly the characters
`writers.terminal` has rich draw, without importing rich's console, table or tree (~40 ms of a one-file `par
score`). It draws what it is sure of: lines (wrapped at their words as rich wraps them), tables laid out whole
(`text_layout.fits`) with their headings, footers, bars, summaries and notes, and the term lists; anything else
(an outline, a spaced table, a table parted to fit, a word wider than a line, a tab) is None, and rich draws it.

tests/test_plain_writer.py proves it byte-identical to rich on generated reports and on every example's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from par_cli.views.report import Caption, Items, Line, Note, Outline, Report, Table, Terms
from par_cli.words.literal import visible
from par_cli.writers.text_bar import bar
from par_cli.writers.text_columns import cells, wrapped
from par_cli.writers.text_layout import beneath, fits, indented, ranges, right_aligned, widths

_WORD = re.compile(r"\s*\S+\s*")  # rich's `_wrap.re_word`: a word and the spaces after it
_UNSURE = "\t\x0b\x0c\r\x1c\x1d\x1e\x85\u2028\u2029"  # what rich lays out its own way: tabs, line breaks
_RULE = "─"


class _Unsure(Exception):
    """Something rich may draw otherwise: rich draws the report."""


def write(report: Report, width: int) -> str | None:
    """The report as rich draws it at `width` columns without styles (None: let rich draw it)."""
    try:
        return "".join(line + "\n" for line in _lines(report, width))
    except _Unsure:
        return None


def _lines(report: Report, width: int) -> list[str]:
    out: list[str] = _said(report.title, width) if report.on_screen else []
    for block in report.blocks:
        if isinstance(block, Table):
            if block.spaced:
                raise _Unsure
            if block.heading:
                out += [""] if out else []
                out += _said(block.heading, width)
            out += _table(block, width)
            out += _said(block.summary, width) if block.summary else []
            for note in block.notes:
                out += _said(note, width)
        elif isinstance(block, Note):
            out += _said(block.text, width)
        elif isinstance(block, Caption):
            out += [*_said(block.strong + block.rest, width), ""]
        elif isinstance(block, Terms):
            out += ["", *_said(block.heading, width)]
            out += _grid([(f"  {term:<8}", text) for term, text in block.items], width)
        elif isinstance(block, Outline):
            raise _Unsure
        elif isinstance(block, Line):
            out += ["", *_said("".join(text for text, _ in block.spans), width)]
        elif isinstance(block, Items):
            out += ["", *_said(block.heading, width)]
            out += _grid([("  " + term, text) for term, text in block.items], width)
    return out


def _split(text: str) -> list[str]:
    """The text's lines, as rich splits a text (unsure of a character rich may lay out otherwise)."""
    lines = text.split("\n")
    for line in lines:
        if not line.isprintable() and (any(char in line for char in _UNSURE) or not visible(line) == line):
            raise _Unsure  # (a control character `visible` did not write out: never)
    return lines


def _said(text: str, width: int) -> list[str]:
    """A text's lines as rich prints them at `width`: wrapped at its words (`_wrapped`), not padded."""
    return [piece for line in _split(visible(text)) for piece in _wrapped(line, width)]


def _wrapped(line: str, width: int) -> list[str]:
    """A line as rich's `Text.wrap` divides it (`rich._wrap.divide_line`): each word (with the spaces after it)
    on the line if it fits, else on a new one; then each piece longer in characters than `width` loses as many
    of its trailing spaces (`Text.rstrip_end`). Unsure of a word wider than a line (rich folds or crops it)."""
    if cells(line) <= width and (len(line) <= width or not line[-1:].isspace()):
        return [line]
    breaks = [0]
    offset = 0
    for word in _WORD.finditer(line):
        start, text = word.start(), word.group()
        size = cells(text.rstrip())
        if width - offset >= size:
            offset += cells(text)
        elif size > width:
            raise _Unsure
        elif offset and start:
            breaks.append(start)
            offset = cells(text)
    pieces = []
    for start, end in zip(breaks, [*breaks[1:], len(line)], strict=True):
        piece = line[start:end]
        if len(piece) > width:
            spaces = len(piece) - len(piece.rstrip())
            piece = piece[: len(piece) - min(spaces, len(piece) - width)]
        if cells(piece) > width:
            raise _Unsure
        pieces.append(piece)
    return pieces


def _cell(text: str, width: int, right: bool) -> list[str]:
    """A cell's lines at `width`, justified as rich justifies them (right: its trailing spaces dropped)."""
    out = []
    for line in _split(text):
        if right:
            line = line.rstrip()
        room = width - cells(line)
        if room < 0:
            raise _Unsure
        out.append(" " * room + line if right else line + " " * room)
    return out


def _rows(rows: Sequence[Sequence[list[str]]], widths: Sequence[int], separator: str, low: bool = False) -> list[str]:
    """Rows of cells (each its lines, justified at its column's width) as lines: each cell padded on the right
    by one space but the last, the columns set apart by `separator`, short cells filled to the row's height
    (below them; above them when `low`, as a heading's)."""
    last = len(widths) - 1
    out = []
    for row in rows:
        height = max(len(cell) for cell in row)
        filled = [
            [" " * widths[n]] * (height - len(cell)) + cell if low else cell + [" " * widths[n]] * (height - len(cell))
            for n, cell in enumerate(row)
        ]
        pads = [" " if n < last else "" for n in range(len(row))]
        for at in range(height):
            out.append(separator.join(cell[at] + pad for cell, pad in zip(filled, pads, strict=True)))
    return out


def _grid(items: Sequence[tuple[str, str]], width: int) -> list[str]:
    """Terms and their texts as `terminal`'s grid draws them: two columns one space apart, the terms as wide as
    the widest, the texts as wide as theirs or the room left, wrapped there (rich's `_collapse_widths`)."""
    terms = [visible(term) for term, _ in items]
    texts = [visible(text) for _, text in items]
    first = max((cells(line) for term in terms for line in _split(term)), default=0)
    second = max((cells(line) for text in texts for line in _split(text)), default=0) or 1
    second = min(second, width - first - 1)
    if second < 1:
        raise _Unsure
    rows = [
        (_cell(term, first, False), [piece + " " * (second - cells(piece)) for piece in _said(text, second)])
        for term, text in zip(terms, texts, strict=True)
    ]
    return _rows(rows, (first, second), "")


def _table(block: Table, width: int) -> list[str]:
    """The table as `terminal._drawn` has rich draw it when it fits whole (else: unsure)."""
    known = ranges(block)
    if not fits(block, width, known):
        raise _Unsure
    fitted = widths(block, width, known=known)
    if fitted is None or min(fitted, default=1) < 1:
        raise _Unsure
    shown = [n for n, column in enumerate(block.columns) if column.beneath is None]
    at = dict(zip(shown, fitted, strict=True))
    rights = [right_aligned(block, block.columns[n]) for n in shown]
    footed = bool(block.footer)
    charts = [visible(bar(share)) for share, _ in block.bars]
    foot_chart = visible(bar(block.footer_bar[0])) if block.bars and footed else ""
    sizes = list(fitted)
    if block.bars:
        sizes.append(max(cells(chart) for chart in [*charts, foot_chart]) or 1)
        rights.append(False)
    extra = len(sizes) - 1  # the rules between the columns
    if sum(sizes) + extra > width - extra:  # rich narrows the columns of a table wider than the screen
        raise _Unsure
    titles = [visible(wrapped(block.columns[n].title, at[n])) for n in shown]
    feet = [visible(block.footer[n]) for n in shown] if footed else []
    if block.bars:
        titles.append("")
        feet += [foot_chart] if footed else []
    body = [[*texts, charts[index]] if block.bars else texts for index, texts in enumerate(_body(block, at))]
    total = sum(sizes) + extra + extra  # each column's padding (one space but the last) and the rules
    out = _rows([_cells(titles, sizes, rights)], sizes, " ", low=True)
    out.append(_RULE * total)
    out += _rows([_cells(texts, sizes, rights) for texts in body], sizes, " ")
    if footed:
        out.append(_RULE * total)
        out += _rows([_cells(feet, sizes, rights)], sizes, " ")
    return out


def _cells(texts: Sequence[str], sizes: Sequence[int], rights: Sequence[bool]) -> list[list[str]]:
    return [_cell(text, size, right) for text, size, right in zip(texts, sizes, rights, strict=True)]


def _body(block: Table, at: dict[int, int]) -> Iterator[list[str]]:
    """Each row's shown texts: wrapped at their widths, what is shown beneath a cell under it."""
    for index, row in enumerate(block.rows):
        texts = {n: visible(wrapped(indented(block, index, n), at[n])) for n in at}
        for n, column in enumerate(block.columns):
            if column.beneath is not None and row[n]:
                texts[column.beneath] += beneath(column, row[n], at.get(column.beneath, 0))
        yield [texts[n] for n in at]
