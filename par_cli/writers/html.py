"""A report as one HTML page (inline CSS, A4 print): its title, line charts and heat maps drawn in SVG and tables,
tables with their headings, notes. Text is escaped; nothing is fetched from the network."""

from __future__ import annotations

from fractions import Fraction
from html import escape

from par_cli.views.report import (
    NUMERIC,
    Bars,
    Figures,
    Heading,
    HeatMap,
    Items,
    Kind,
    LineChart,
    Note,
    Report,
    Table,
)
from par_cli.writers.html_page import _bar, _page, _th

COLOURS = (
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#393b79", "#637939",
)  # fmt: skip
WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 680, 300, 44, 16, 12, 28


def write(report: Report) -> str:
    blocks = report.page
    opening = blocks[0] if blocks and isinstance(blocks[0], Heading) else None
    if opening is None:
        body = [f"<header><h1>{escape(report.title)}</h1></header>"]
    else:  # the page's own opening: its title, what it covers under it
        meta = f'<p class="meta">{escape(opening.subtitle)}</p>' if opening.subtitle else ""
        body = [f"<header><h1>{escape(opening.title)}</h1>{meta}</header>"]
        blocks = blocks[1:]
    for block in blocks:
        if isinstance(block, Table) and block.footer:
            body += _outline_table(block)
        elif isinstance(block, Table):
            body += _table(block)
        elif isinstance(block, Note):
            body.append(f'<p class="meta">{escape(block.text)}</p>')
        elif isinstance(block, LineChart):
            body.append(_line_chart(block))
        elif isinstance(block, HeatMap):
            body += _heat_map(block)
        elif isinstance(block, Figures):
            tiles = (
                f'<div class="figure"><span>{escape(a)}</span><strong>{escape(b)}</strong></div>'
                for a, b in block.pairs
            )
            body.append('<section class="figures">' + "".join(tiles) + "</section>")
        elif isinstance(block, Items):
            body += _items(block)
        elif isinstance(block, Bars):
            body.append(_bar_chart(block))
    return _page(report.title, report.lang, body)


def _bar_chart(chart: Bars) -> str:
    """A bar per row in SVG: its label left (folded on lines of its own where long, never cut), the bar (a marked
    row darker, its label bold), the figure at its end."""
    from textwrap import wrap

    line, label_width, bar_width, fold = 14, 300, 340, 46
    folded = [wrap(name, fold) or [""] for name, _, _ in chart.rows]
    height = sum(line * len(lines) + 8 for lines in folded) + 4
    title = escape(chart.title)
    parts = [f"<h2>{title}</h2>", f'<svg viewBox="0 0 {label_width + bar_width + 60} {height}" width="100%" role="img"']
    parts.append(f' aria-label="{title}">')
    y = 2
    for n, ((name, share, worded), lines) in enumerate(zip(chart.rows, folded, strict=True)):
        marked, tall = n in chart.marked, line * len(lines) + 8
        length = float(min(max(share, Fraction(0)), Fraction(100)) / 100) * bar_width
        weight = ' font-weight="bold"' if marked else ""
        spans = "".join(
            f'<tspan x="{label_width - 6}" y="{y + 4 + line * (k + 1) - 3}">{escape(text)}</tspan>'
            for k, text in enumerate(lines)
        )
        middle = y + tall / 2
        parts.append(
            f'<text font-size="12" text-anchor="end"{weight}>{spans}</text>'
            f'<rect x="{label_width}" y="{middle - 8:.1f}" width="{length:.1f}" height="16" '
            f'fill="{"#1f4e79" if marked else "#9db7d5"}"><title>{escape(name)}: {escape(worded)}</title></rect>'
            f'<text x="{label_width + length + 4:.1f}" y="{middle + 4:.1f}" font-size="12"{weight}>'
            f"{escape(worded)}</text>"
        )
        y += tall
    parts.append("</svg>")
    if chart.note:
        parts.append(f'<p class="meta">{escape(chart.note)}</p>')
    return "".join(parts)


def _items(block: Items) -> list[str]:
    """A numbered list: each term strong, its text after it; bullets: `term: text`."""
    if block.numbered:
        items = [f"<li><strong>{escape(term)}</strong> {escape(text)}</li>" for term, text in block.items]
        return [f"<h2>{escape(block.heading)}</h2><ol>", *items, "</ol>"]
    items = [f"<li>{escape(f'{term}: {text}' if term else text)}</li>" for term, text in block.items]
    return [f"<h2>{escape(block.heading)}</h2><ul>", *items, "</ul>"]


def _outline_table(block: Table) -> list[str]:
    """A table closed by its totals row (header cells): a tree's wide cells indented by their level, a muted
    row's (not applicable) empty cells plain, a bar per row after its cells."""
    numeric = [column.kind in NUMERIC for column in block.columns]
    heads = "".join(_th(column.title, numeric[n]) for n, column in enumerate(block.columns))
    heads += _th(block.bar_title, False) if block.bars else ""
    lines = [f"<h2>{escape(block.heading)}</h2>"] if block.heading else []
    lines.append(f"<table><thead><tr>{heads}</tr></thead><tbody>")
    depths = block.depths or (0,) * len(block.rows)
    bars = block.bars or ((None, ""),) * len(block.rows)
    rows = list(zip(block.rows, block.tones, depths, bars, strict=True))
    for row, tone, depth, (share, worded) in [*rows, (block.footer, "", 0, block.footer_bar)]:
        cell = "th" if row is block.footer else "td"
        cells = []
        for n, text in enumerate(row):
            html = escape(text)
            if block.columns[n].wide and depth:
                html = f'<span style="padding-left:{4 * (depth - 1)}mm">{html}</span>'
            plain = not numeric[n] or (tone == "muted" and not text)
            cells.append(f"<{cell}>{html}</{cell}>" if plain else f'<{cell} class="n">{html}</{cell}>')
        if block.bars:
            cells.append(f"<{cell}>{_bar(share, worded)}</{cell}>")
        css = ' class="na"' if tone == "muted" else ""
        lines.append(f"<tr{css}>" + "".join(cells) + "</tr>")
    lines.append("</tbody></table>")
    return lines


def _table(block: Table) -> list[str]:
    """Figures right-aligned; the extra columns' and the bars' headers on a line of their own; a change
    coloured up or down; the table's summary and notes under it."""
    numeric = [column.kind in NUMERIC for column in block.columns]
    heads = [_th(column.title, numeric[n]) for n, column in enumerate(block.columns)]
    extra = [column.extra for column in block.columns]
    if block.heading and (any(extra) or block.bars):
        css = ' class="areas"' if block.dense else ""
        lines = [f"<h2>{escape(block.heading)}</h2><table{css}><thead><tr>"]
        lines.append("".join(head for head, aside in zip(heads, extra, strict=True) if not aside))
        aside = "".join(head for head, aside in zip(heads, extra, strict=True) if aside)
        lines += [aside + (_th(block.bar_title, False) if block.bars else ""), "</tr></thead><tbody>"]
    elif block.heading:
        lines = [f"<h2>{escape(block.heading)}</h2><table><thead><tr>", "".join(heads), "</tr></thead><tbody>"]
    elif block.dense:  # many columns: smaller type, names kept readable
        lines = ['<table class="areas"><thead><tr>', "".join(heads) + "</tr></thead><tbody>"]
    else:
        css = ' class="trend"' if block.legend else ""  # names beside a chart: room for the name
        lines = [f"<table{css}><thead><tr>{''.join(heads)}</tr></thead><tbody>"]
    kinds = [column.kind for column in block.columns]
    named = kinds.index(Kind.text) if block.dense and Kind.text in kinds else -1  # the names: room kept for them
    for r, row in enumerate(block.rows):
        cells = []
        for n, text in enumerate(row):
            swatch = f'<span style="color:{COLOURS[r % len(COLOURS)]}">●</span> ' if block.legend and n == 0 else ""
            moves = block.columns[n].moves
            if moves:
                way = "up" if moves[r] > 0 else "down" if moves[r] < 0 else ""
                cells.append(f'<td class="n {way}">{escape(text)}</td>')
                continue
            opening = '<td class="n">' if numeric[n] else '<td class="name">' if n == named else "<td>"
            cells.append(opening + swatch + escape(text) + "</td>")
        if block.bars:
            share, worded = block.bars[r]
            cells.append(f"<td>{_bar(share, worded)}</td>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    if block.summary:
        lines.append(f'</tbody></table><p class="meta">{escape(block.summary)}</p>')
    else:
        lines.append("</tbody></table>")
    lines += [f'<p class="meta">{escape(note)}</p>' for note in block.notes]
    return lines


DASHES = ("", "7 3", "2 2", "9 3 2 3")  # solid, dashed, dotted, dash-dot
MARKERS = ("circle", "square", "triangle", "diamond", "down")


def line_style(i: int) -> tuple[str, str, str]:
    """Series `i`'s colour, dash pattern and marker. Four dashes and five markers (coprime) give 20 different
    (dash, marker) pairs, so that 20 lines stay apart printed in black and white; with the twelve colours, 60
    different styles on screen."""
    return COLOURS[i % len(COLOURS)], DASHES[i % len(DASHES)], MARKERS[i % len(MARKERS)]


def _marker(shape: str, cx: float, cy: float, fill: str, stroke: str, tip: str = "") -> str:
    """A dot of the series' shape, about 6 px across; hollow (white) where the value is computed."""
    paint = f'fill="{fill}" stroke="{stroke}" stroke-width="1.2"'
    title = f"<title>{escape(tip)}</title>" if tip else ""
    if shape == "circle":
        return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3.2" {paint}>{title}</circle>'
    if shape == "square":
        return f'<rect x="{cx - 2.8:.1f}" y="{cy - 2.8:.1f}" width="5.6" height="5.6" {paint}>{title}</rect>'
    corners = {
        "triangle": ((0, -3.8), (3.4, 2.6), (-3.4, 2.6)),
        "down": ((0, 3.8), (3.4, -2.6), (-3.4, -2.6)),
        "diamond": ((0, -4), (3.6, 0), (0, 4), (-3.6, 0)),
    }[shape]
    points = " ".join(f"{cx + dx:.1f},{cy + dy:.1f}" for dx, dy in corners)
    return f'<polygon points="{points}" {paint}>{title}</polygon>'


def _sample(i: int, hollow: bool = False) -> str:
    """A series' style drawn small, for the legend: a stretch of its line and its marker."""
    colour, dash, shape = line_style(i)
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        '<svg width="34" height="12" viewBox="0 0 34 12" aria-hidden="true" style="vertical-align:middle">'
        f'<line x1="1" y1="6" x2="33" y2="6" stroke="{colour}" stroke-width="1.6"{dashed}/>'
        + _marker(shape, 17, 6, "#fff" if hollow else colour, colour)
        + "</svg>"
    )


def _line_chart(chart: LineChart) -> str:
    """Values (y) by label (x), one line per series, each in a style of its own (colour, dash and marker:
    `line_style`); under the chart a legend naming every series beside its style; a hollow dot where a value
    is computed rather than measured (said in the legend)."""
    bottom, top = chart.ticks[0][0], chart.ticks[-1][0]
    span = top - bottom or Fraction(1)
    count = len(chart.x_labels)

    def x(n: int) -> float:
        inner = WIDTH - LEFT - RIGHT
        return LEFT + (inner * n / (count - 1) if count > 1 else inner / 2)

    def y(value: Fraction) -> float:
        return TOP + float((top - value) / span) * (HEIGHT - TOP - BOTTOM)

    title = escape(chart.title)
    parts = [f'<figure class="chart" style="margin:0"><svg viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img"']
    parts.append(f' aria-label="{title}">')
    for value, text in chart.ticks:
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="#e2e8f0"/>'
            f'<text x="{LEFT - 4}" y="{y(value) + 3:.1f}" font-size="9" text-anchor="end">{escape(text)}</text>'
        )
    for n, label in enumerate(chart.x_labels):
        parts.append(
            f'<text x="{x(n):.1f}" y="{HEIGHT - 8}" font-size="10" text-anchor="middle">{escape(label)}</text>'
        )
    for i, (name, points) in enumerate(chart.series):
        colour, dash, shape = line_style(i)
        path = " ".join(f"{x(point.at):.1f},{y(point.value):.1f}" for point in points)
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<g class="series" data-marker="{shape}"><title>{escape(name)}</title>')
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="1.6"{dashed}/>')
        for point in points:
            fill = "#fff" if point.hollow else colour
            parts.append(_marker(shape, x(point.at), y(point.value), fill, colour, point.tip))
        parts.append("</g>")
    parts.append("</svg>")
    item = '<li style="display:flex;gap:1.5mm;align-items:baseline;break-inside:avoid">'
    items = [f"{item}{_sample(i)}<span>{escape(name)}</span></li>" for i, (name, _) in enumerate(chart.series)]
    if chart.hollow:
        items.append(f"{item}{_sample(0, hollow=True)}<span>{escape(chart.hollow)}</span></li>")
    style = "list-style:none;margin:1mm 0 4mm;padding:0;columns:3 16em;column-gap:6mm;font-size:9pt"
    parts.append(f'<figcaption><ul class="legend" style="{style}">{"".join(items)}</ul></figcaption></figure>')
    return "".join(parts)


def _heat(share: Fraction) -> str:
    """White (nothing lost) to deep red (everything lost)."""
    level = float(min(max(share, Fraction(0)), Fraction(1)))
    green_blue = int(255 - 180 * level)
    return f"rgb(255,{green_blue},{green_blue})"


def _heat_map(heat: HeatMap) -> list[str]:
    """The map, what its cells show, then its legends: the rows' codes with their titles, the numbered columns
    with their names (a printed page has no tooltips)."""
    if heat.absent:
        return [f'<p class="meta">{escape(heat.absent)}</p>']
    lines = [f"<h2>{escape(heat.title)}</h2>", '<table class="heat"><thead><tr>' + _th(heat.corner, False)]
    lines.append("".join(f'<th class="n" title="{escape(name)}">{n}</th>' for n, name in enumerate(heat.names, 1)))
    lines.append("</tr></thead><tbody>")
    for code, tip, cells in heat.rows:
        row = [f'<td title="{escape(tip)}">{escape(code)}</td>']
        for cell in cells:
            if cell is None:
                row.append('<td class="na">—</td>')
                continue
            style = f"background:{_heat(cell.share)}"
            row.append(f'<td class="n" style="{style}" title="{escape(cell.tip)}">{escape(cell.text)}</td>')
        lines.append("<tr>" + "".join(row) + "</tr>")
    lines.append("</tbody></table>")
    lines += [f'<p class="meta">{escape(heat.key)}</p>'] if heat.key else []
    listing = "margin:0 0 3mm;columns:2 24em;column-gap:6mm"
    if heat.rows_heading:
        lines.append(f'<p class="meta" style="margin:0"><strong>{escape(heat.rows_heading)}</strong></p>')
        lines.append(f'<dl class="meta legend" style="{listing}">')
        lines += [
            f'<div style="break-inside:avoid;display:flex;gap:2mm"><dt>{escape(code)}</dt><dd style="margin:0">'
            f"{escape(title)}</dd></div>"
            for code, title, _ in heat.rows
        ]
        lines.append("</dl>")
    if heat.columns_heading:
        lines.append(f'<p class="meta" style="margin:0"><strong>{escape(heat.columns_heading)}</strong></p>')
    lines.append(f'<ol class="meta legend" style="{listing}">')
    lines += [f"<li>{escape(name)}</li>" for name in heat.names]
    lines.append("</ol>")
    return lines
