"""A report as a Word document in the administrative style (`docx_layout`: A4, Times New Roman 13, page numbers,
headers repeated, rows kept whole): its title centred, each table under its heading, notes in italics. Wide
reports (more than seven columns) are laid out landscape, unless the report's document opens with its own
`Heading` (an annex to a decision). A table's summary and notes in italics under it. A code column is as wide as
its longest code (at least `x.y.z`) on one line; a tree's titles and a list's items keep their indent on wrapped
lines (hanging). Bar charts are drawn with a table's cells (`docx_chart`); other charts are left to HTML."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from docx.shared import Mm, Pt

from par_cli.views.report import Bars, Column, Figures, Heading, Items, Kind, Note, Report, Table
from par_cli.words.literal import visible
from par_cli.writers.docx_layout import (
    SIZE,
    SMALL,
    _document,
    _heading,
    _line,
    _save,
    _signature,
    _table,
    _usable_width,
)

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.table import Table as DocxTable

ALIGN = {Kind.text: "l", Kind.code: "l", Kind.rank: "c"}  # figures, changes, bars, sparklines: right
WEIGHT = {Kind.text: 3}  # the wide column: 6; every other column: 2
FONTS = {Kind.sparkline: "Segoe UI Symbol"}  # Times New Roman has no ▁▂▃▅▆▇: a font with every block element
LEVEL = Mm(4)  # a tree's title indented by this per level below the top
HANG = Mm(8)  # a list item's text, after its number or dash, and its wrapped lines
SHORTEST_CODE = "0.0.0"  # a code column holds at least a criterion's code of three levels on one line
CELL_MARGINS = Pt(2 * 5.4 + 2)  # Word's default cell margins (0.19 cm each side) and the borders
# Times New Roman's advance widths (thousandths of an em, regular and bold alike for these): what a code holds
ADVANCE = {**dict.fromkeys("0123456789", 500), ".": 250, ",": 250, "-": 333, " ": 250, "/": 278}


def write(report: Report) -> bytes:
    blocks = report.document
    tables = [block for block in blocks if isinstance(block, Table)]
    opening = blocks[0] if blocks and isinstance(blocks[0], Heading) else None
    if opening is None:
        document = _document(landscape=any(len(table.columns) > 7 for table in tables))
        _heading(document, report.title, "", False, report.lang)
    else:  # the document's own opening (an annex to a decision)
        document = _document(landscape=opening.landscape)
        document.core_properties.language = report.lang
        document.core_properties.title = opening.name
        parts = (opening.line, opening.issuer, opening.place)
        _heading(document, opening.title, opening.subtitle, opening.decision, report.lang, *parts)
    for block in blocks:
        if isinstance(block, Table):
            if block.heading:
                _line(document, block.heading, bold=True)
            shown = [n for n, column in enumerate(block.columns) if column.beneath is None]
            columns = [block.columns[n] for n in shown]
            align = "".join(ALIGN.get(column.kind, "r") for column in columns)
            weights = [column.weight or (6 if column.wide else WEIGHT.get(column.kind, 2)) for column in columns]
            rows = [_folded(block, row, shown) for row in block.rows]
            bold = [tone == "strong" for tone in block.tones] + [True] * bool(block.footer)
            rows += [list(block.footer)] if block.footer else []
            size = SMALL if len(columns) > 11 else SIZE
            least = [_code_width(column, rows, n, size) for n, column in enumerate(columns)]
            fonts = [FONTS.get(column.kind) for column in columns]
            header = [column.title for column in columns]
            table = _table(
                document, header, rows, align, weights, parts=block.span, bold=bold, least=least, fonts=fonts
            )
            _indent(table, block, columns, 2 if block.span else 1)
            for line in [block.summary] * bool(block.summary) + list(block.notes):
                _line(document, line, italic=True)
            if not block.footer:  # a table closed by its totals stands alone
                document.add_paragraph()
        elif isinstance(block, Note):
            _line(document, block.text, italic=True)
        elif isinstance(block, Figures):
            for name, value in block.pairs:
                _line(document, f"{name}: {value}")
            document.add_paragraph()
        elif isinstance(block, Items):  # set apart by a blank paragraph
            document.add_paragraph()
            _line(document, block.heading, bold=True)
            for n, (term, text) in enumerate(block.items, start=1):
                if block.numbered:
                    _hanging(document, f"{n}.", f"{term} {text}")
                else:
                    _hanging(document, "–", f"{term}: {text}" if term else text)
        elif isinstance(block, Bars):
            from par_cli.writers.docx_chart import bar_chart

            document.add_paragraph()
            _line(document, block.title, bold=True).paragraph_format.keep_with_next = True  # never alone
            bar_chart(document, block, _usable_width(document))
            if block.note:
                _line(document, block.note, italic=True)
    if opening is not None and opening.signer:  # the signer's block, as far as it is known
        _signature(document, *opening.signer)
    return _save(document)


def _hanging(document: DocumentObject, lead: str, text: str) -> None:
    """`lead` (a number, a dash), a tab, then the text: its wrapped lines under its first word (hanging)."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.left_indent = HANG
    paragraph.paragraph_format.first_line_indent = -HANG
    paragraph.add_run(visible(f"{lead}\t{text}"))


def _code_width(column: Column, rows: Sequence[Sequence[str]], n: int, size: Pt) -> int:
    """The width (EMU) a code column needs to hold its longest code, and at least `x.y.z`, on one line; 0 for
    a column of another kind."""
    if column.kind is not Kind.code:
        return 0
    longest = max(sum(ADVANCE.get(char, 722) for char in text) for text in [SHORTEST_CODE, *(row[n] for row in rows)])
    return int(Pt(size.pt * longest / 1000) + CELL_MARGINS)


def _indent(table: DocxTable, block: Table, columns: Sequence[Column], header_rows: int) -> None:
    """A tree's titles indented by their level, as a paragraph's indent: wrapped lines keep it."""
    from docx.text.paragraph import Paragraph

    wide = [n for n, column in enumerate(columns) if column.wide]
    if not wide or not block.depths:
        return
    rows = table._tbl.tr_lst[header_rows:]
    for tr, depth in zip(rows, block.depths, strict=False):
        if depth > 1:
            cell = tr.tc_lst[wide[0]]
            Paragraph(cell.p_lst[0], table).paragraph_format.left_indent = LEVEL * (depth - 1)


def _folded(block: Table, row: Sequence[str], shown: list[int]) -> list[str]:
    """The row's shown cells, a column shown `beneath` another written on a line of its own under that cell."""
    cells = {n: row[n] for n in shown}
    for n, column in enumerate(block.columns):
        if column.beneath is not None and row[n]:
            cells[column.beneath] += f"\n↳ {row[n]}"
    return [cells[n] for n in shown]
