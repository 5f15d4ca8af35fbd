"""A report as a Word document in the administrative style (`docx_layout`: A4, Times New Roman 13, page numbers,
headers repeated, rows kept whole): its title centred, each table under its heading, notes in italics. Wide
reports (more than seven columns) are laid out landscape, unless the report's document opens with its own
`Heading` (an annex to a decision). A table's summary and notes in italics under it. Charts are left to HTML."""

from __future__ import annotations

from collections.abc import Sequence

from par_cli.views.report import Figures, Heading, Items, Kind, Note, Report, Table
from par_cli.writers.docx_layout import _document, _heading, _line, _save, _signature, _table

ALIGN = {Kind.text: "l", Kind.code: "l", Kind.rank: "c"}  # figures, changes, bars, sparklines: right
WEIGHT = {Kind.text: 3}  # the wide column: 6; every other column: 2


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
            for row, depth in zip(rows, block.depths, strict=False):  # a tree's titles indented by their level
                for n, column in enumerate(columns):
                    row[n] = "    " * (depth - 1) + row[n] if column.wide else row[n]
            bold = [tone == "strong" for tone in block.tones] + [True] * bool(block.footer)
            rows += [list(block.footer)] if block.footer else []
            _table(document, [column.title for column in columns], rows, align, weights, parts=block.span, bold=bold)
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
                _line(document, f"{n}. {term} {text}" if block.numbered else f"– {term}: {text}")
    if opening is not None and opening.signer:  # the signer's block, as far as it is known
        _signature(document, *opening.signer)
    return _save(document)


def _folded(block: Table, row: Sequence[str], shown: list[int]) -> list[str]:
    """The row's shown cells, a column shown `beneath` another written on a line of its own under that cell."""
    cells = {n: row[n] for n in shown}
    for n, column in enumerate(block.columns):
        if column.beneath is not None and row[n]:
            cells[column.beneath] += f"\n↳ {row[n]}"
    return [cells[n] for n in shown]
