"""The layout every Word document par writes shares (python-docx), in the Vietnamese administrative style.

A4, Times New Roman 13, margins of Nghị định 30/2020 (top and bottom 20 mm, left 30, right 15), page numbers,
each table's header repeated on every page and no row split across pages. Figures are written the Vietnamese way
(`93,60`) with `--lang vi`; text from files is written as text, control characters made visible.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt
from docx.table import _Cell

from par_cli.words.labels import label
from par_cli.words.literal import visible

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.table import Table, _Row
    from docx.text.paragraph import Paragraph


FONT = "Times New Roman"
SIZE = Pt(13)
SMALL = Pt(11)  # tables with a column per area
LEFT, RIGHT, TOP, BOTTOM = Mm(30), Mm(15), Mm(20), Mm(20)


def _document(landscape: bool) -> DocumentObject:
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = SIZE
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    normal.paragraph_format.space_after = Pt(0)
    section = document.sections[0]
    long_side, short_side = Mm(297), Mm(210)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long_side, short_side) if landscape else (short_side, long_side)
    section.left_margin, section.right_margin, section.top_margin, section.bottom_margin = LEFT, RIGHT, TOP, BOTTOM
    _page_numbers(document)
    return document


def _page_numbers(document: DocumentObject) -> None:
    """The page number, centred at the foot of every page (a PAGE field Word and LibreOffice fill in)."""
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _usable_width(document: DocumentObject) -> int:
    section = document.sections[0]
    return int(section.page_width or 0) - int(section.left_margin or 0) - int(section.right_margin or 0)


def _line(
    document: DocumentObject, text: str, *, bold: bool = False, italic: bool = False, centre: bool = False
) -> Paragraph:
    paragraph = document.add_paragraph()
    if centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(visible(text))
    run.bold, run.italic = bold, italic
    return paragraph


def _heading(
    document: DocumentObject,
    title: str,
    subtitle: str,
    decision: bool,
    lang: str,
    line: str = "",
    issuer: str = "",
    place: str = "",
) -> None:
    """`PHỤ LỤC`, the title in capitals, what it covers, and the decision line (`line`; blank to complete when
    not given). With the `issuer` known, the header block of an administrative document above (Nghị định
    30/2020: the issuer top left, the national name and motto top right, the `place` and date under them)."""
    if issuer:
        _header_block(document, issuer, place, lang)
    if decision:
        _line(document, label("annex", lang), bold=True, centre=True)
    _line(document, title, bold=True, centre=True)
    if subtitle:
        _line(document, subtitle, bold=True, centre=True)
    if decision:
        _line(document, line or label("annex.decision", lang), italic=True, centre=True)
    document.add_paragraph()


def _two_columns(
    document: DocumentObject, left: Sequence[tuple[str, bool, bool]], right: Sequence[tuple[str, bool, bool]]
) -> None:
    """A borderless table of two halves, each a column of centred lines (text, bold, italic)."""
    table = document.add_table(rows=1, cols=2)  # the template's plain table: no borders
    table.autofit = False
    half = Emu(_usable_width(document) // 2)
    for n, lines in enumerate((left, right)):
        table.columns[n].width = half
        cell = table.rows[0].cells[n]
        cell.width = half
        for k, (text, bold, italic) in enumerate(lines):
            paragraph = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(visible(text))
            run.bold, run.italic = bold or None, italic or None


def _header_block(document: DocumentObject, issuer: str, place: str, lang: str) -> None:
    right = [(label("annex.nation", lang), True, False), (label("annex.motto", lang), True, False)]
    right += [(place, False, True)] if place else []
    _two_columns(document, [(issuer, True, False)], right)
    document.add_paragraph()


def _keep_with_next(document: DocumentObject) -> None:
    """The last table's last row and the lines after it kept with what follows: a signature block never stands
    alone on a page of its own."""
    from docx.text.paragraph import Paragraph

    if not document.tables:
        return
    last = document.tables[-1]
    lines = [p for cell in last.rows[-1].cells for p in cell.paragraphs]
    lines += [Paragraph(e, document._body) for e in last._tbl.itersiblings() if e.tag == qn("w:p")]
    for paragraph in lines:
        paragraph.paragraph_format.keep_with_next = True


def _signature(document: DocumentObject, authority: str, title: str, name: str) -> None:
    """The signature block at the end, in the right half: the authority and title in capitals (as given), room to
    sign, the name."""
    _keep_with_next(document)
    document.add_paragraph().paragraph_format.keep_with_next = True
    lines = [(text, True, False) for text in (authority, title) if text]
    lines += [("", False, False)] * 4 + [(name, True, False)] if name else []
    _two_columns(document, [], lines)
    block = document.tables[-1]
    _keep_rows_whole(block)  # the authority, the title and the name on one page: a name never alone
    for cell in block.rows[0].cells:
        for paragraph in cell.paragraphs[:-1]:
            paragraph.paragraph_format.keep_with_next = True


def _repeat_header(row: _Row) -> None:
    """Mark a header row to be repeated at the top of each page the table runs onto."""
    properties = row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    properties.append(repeat)


def _keep_rows_whole(table: Table) -> None:
    for row in table.rows:
        keep = OxmlElement("w:cantSplit")
        keep.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(keep)


ALIGN = {"l": WD_ALIGN_PARAGRAPH.LEFT, "r": WD_ALIGN_PARAGRAPH.RIGHT, "c": WD_ALIGN_PARAGRAPH.CENTER}


def _write(cell: _Cell, text: str, align: str, bold: bool, size: Pt, font: str | None = None) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = ALIGN[align]
    run = paragraph.add_run(visible(text))
    if bold:  # set only what differs from the Normal style: each property is XML to write
        run.bold = True
    if size != SIZE:
        run.font.size = size
    if font:  # every script's font: Word picks the slot of a symbol (▁…█) by its own rules
        fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attribute), font)


def _table(
    document: DocumentObject,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    align: str,
    weights: Sequence[int],
    *,
    parts: tuple[int, int, str] | None = None,
    bold: Sequence[bool] = (),
    fonts: Sequence[str | None] = (),
    least: Sequence[int] = (),
) -> Table:
    """A bordered table: a header (two rows when `parts` = (first, last, title) groups columns), then the rows.

    `align` has a letter per column: l(eft), r(ight: figures), c(entre: numbers of order and rank).
    Column widths share the page's usable width in proportion to `weights`; `least`: per column, the width (EMU)
    it needs at the least (its longest code on one line), taken from the widest column; `fonts`: per column, the
    body cells' font where it is not the document's (None). Rows are written through their own cells:
    python-docx's `table.cell(r, c)` walks the whole table at each call (minutes for 300 agencies).
    """
    size = SMALL if len(header) > 11 else SIZE
    header_rows = 2 if parts else 1
    table = document.add_table(rows=header_rows, cols=len(header))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    usable, total = _usable_width(document), sum(weights)
    shares = [usable * weight // total for weight in weights]
    for column, need in enumerate(least):  # a column that must hold its longest text on one line
        if need > shares[column]:
            widest = max(range(len(shares)), key=shares.__getitem__)
            shares[widest] -= need - shares[column]
            shares[column] = need
    widths = [Emu(share) for share in shares]
    for column, width in enumerate(widths):
        table.columns[column].width = width  # the grid LibreOffice follows; Word follows the cells
        for cell in table.columns[column].cells:
            cell.width = width
    if parts:
        first, last, title = parts
        for column in range(len(header)):
            if not first <= column <= last:
                table.cell(0, column).merge(table.cell(1, column))
        table.cell(0, first).merge(table.cell(0, last))
        _write(table.cell(0, first), title, "c", True, size)
    for column, title in enumerate(header):
        row = 1 if parts and first <= column <= last else 0
        _write(table.cell(row, column), title, "c", True, size)
    for n in range(header_rows):
        _repeat_header(table.rows[n])
    for r, texts in enumerate(rows):
        strong = r < len(bold) and bold[r]
        row = table.add_row()
        for column, (tc, text) in enumerate(zip(row._tr.tc_lst, texts, strict=True)):  # widths from the grid
            font = fonts[column] if column < len(fonts) else None
            _write(_Cell(tc, table), text, align[column], strong, size, font)
    _keep_rows_whole(table)
    made: Table = table
    return made


def _save(document: DocumentObject) -> bytes:
    """The document's bytes, saying who made it and when (python-docx's template says "python-docx", 2013)."""
    from par_cli.writers.made_by import maker

    made, now = maker()
    properties = document.core_properties
    properties.author = properties.last_modified_by = made
    properties.created = properties.modified = now
    properties.revision = 1
    properties.comments = ""  # the template says "generated by python-docx"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
