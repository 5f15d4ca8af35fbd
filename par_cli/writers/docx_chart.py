"""A bar chart in a Word document, drawn with a table's cells: a fixed grid of narrow columns, each bar a shaded
cell spanning as many of them as its share (`gridSpan`), its label before it and its figure at the end.

Why cells and not DrawingML: python-docx writes no charts, and a chart part (or shapes anchored in the text) is
laid out differently by Word and LibreOffice, and breaks across pages as a picture. A table of shaded cells
prints the same in both, flows across pages row by row (its rows never split), and its labels and figures stay
text: searchable, copied with the document, read by a screen reader and by `pdftotext` in the tests.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt

from par_cli.words.literal import visible

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.oxml.xmlchemy import BaseOxmlElement

    from par_cli.views.report import Bars

STEPS = 50  # narrow columns across the bar's full length: a bar is drawn to the nearest 2 %
SIZE = Pt(11)
BAR, MARKED = "9DB7D5", "1F4E79"  # a bar; the bar of the agency the report is about
LABEL_SHARE, FIGURE_SHARE = Fraction(36, 100), Fraction(9, 100)  # of the usable width; the bars take the rest
KEPT_WHOLE = 20  # a chart of at most this many bars is kept on one page with its title (an agency's areas)


def bar_chart(document: DocumentObject, chart: Bars, usable: int) -> None:
    """`chart` as a borderless table of `usable` width (EMU): label, bar, figure, one row per bar."""
    label_width, figure_width = int(usable * LABEL_SHARE), int(usable * FIGURE_SHARE)
    step = (usable - label_width - figure_width) // STEPS
    table = document.add_table(rows=0, cols=STEPS + 2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = [label_width, *([step] * STEPS), figure_width]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Emu(width)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    borders = OxmlElement("w:tblBorders")  # white lines between the rows: bars apart, not one block
    for side in ("top", "bottom", "insideH"):
        border = OxmlElement(f"w:{side}")
        for name, value in (("val", "single"), ("sz", "24"), ("space", "0"), ("color", "FFFFFF")):
            border.set(qn(f"w:{name}"), value)
        borders.append(border)
    table._tbl.tblPr.append(borders)
    whole = len(chart.rows) <= KEPT_WHOLE
    for n, (name, share, worded) in enumerate(chart.rows):
        marked = n in chart.marked
        keep = whole and n < len(chart.rows) - 1  # Word and LibreOffice keep a row with the next by its paragraphs
        steps = max(0, min(STEPS, round(Fraction(share) * STEPS / 100)))
        row = OxmlElement("w:tr")
        properties = OxmlElement("w:trPr")
        whole_row = OxmlElement("w:cantSplit")
        whole_row.set(qn("w:val"), "true")
        properties.append(whole_row)
        row.append(properties)
        row.append(_cell(label_width, 1, name, "left", marked, keep=keep))
        if steps:
            row.append(_cell(step * steps, steps, "", "left", False, MARKED if marked else BAR, keep))
        if steps < STEPS:
            row.append(_cell(step * (STEPS - steps), STEPS - steps, "", "left", False, keep=keep))
        row.append(_cell(figure_width, 1, worded, "right", marked, keep=keep))
        table._tbl.append(row)


def _cell(
    width: int, span: int, text: str, align: str, bold: bool, fill: str | None = None, keep: bool = False
) -> BaseOxmlElement:
    cell = OxmlElement("w:tc")
    properties = OxmlElement("w:tcPr")
    size = OxmlElement("w:tcW")
    size.set(qn("w:w"), str(width // 635))  # EMU → twentieths of a point
    size.set(qn("w:type"), "dxa")
    properties.append(size)
    if span > 1:
        spanned = OxmlElement("w:gridSpan")
        spanned.set(qn("w:val"), str(span))
        properties.append(spanned)
    if fill is not None:
        shade = OxmlElement("w:shd")
        shade.set(qn("w:val"), "clear")
        shade.set(qn("w:color"), "auto")
        shade.set(qn("w:fill"), fill)
        properties.append(shade)
    centre = OxmlElement("w:vAlign")
    centre.set(qn("w:val"), "center")
    properties.append(centre)
    cell.append(properties)
    paragraph = OxmlElement("w:p")
    paragraph_properties = OxmlElement("w:pPr")
    if keep:  # with the next row: the chart is not cut between pages
        paragraph_properties.append(OxmlElement("w:keepNext"))
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:before"), "20")
    spacing.set(qn("w:after"), "20")
    paragraph_properties.append(spacing)
    justify = OxmlElement("w:jc")
    justify.set(qn("w:val"), align)
    paragraph_properties.append(justify)
    paragraph.append(paragraph_properties)
    if text:
        run = OxmlElement("w:r")
        run_properties = OxmlElement("w:rPr")
        if bold:
            run_properties.append(OxmlElement("w:b"))
        for tag in ("w:sz", "w:szCs"):
            font = OxmlElement(tag)
            font.set(qn("w:val"), str(int(SIZE.pt * 2)))
            run_properties.append(font)
        run.append(run_properties)
        words = OxmlElement("w:t")
        words.text = visible(text)
        words.set(qn("xml:space"), "preserve")
        run.append(words)
        paragraph.append(run)
    cell.append(paragraph)
    return cell
