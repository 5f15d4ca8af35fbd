"""A report as one HTML page (inline CSS, A4 print): its title, line charts and heat maps drawn in SVG and tables,
tables with their headings, notes. Text is escaped; nothing is fetched from the network."""

from __future__ import annotations

from fractions import Fraction
from html import escape

from par_cli.views.report import NUMERIC, Bars, Figures, Heading, HeatMap, Items, LineChart, Note, Report, Table
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
    items = [f"<li>{escape(term)}: {escape(text)}</li>" for term, text in block.items]
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
    for r, row in enumerate(block.rows):
        cells = []
        for n, text in enumerate(row):
            swatch = f'<span style="color:{COLOURS[r % len(COLOURS)]}">●</span> ' if block.legend and n == 0 else ""
            moves = block.columns[n].moves
            if moves:
                way = "up" if moves[r] > 0 else "down" if moves[r] < 0 else ""
                cells.append(f'<td class="n {way}">{escape(text)}</td>')
                continue
            cells.append(('<td class="n">' if numeric[n] else "<td>") + swatch + escape(text) + "</td>")
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


def _line_chart(chart: LineChart) -> str:
    """Values (y) by label (x), one line per series in the legend's colours; a hollow dot where a value is
    computed rather than measured."""
    bottom, top = chart.ticks[0][0], chart.ticks[-1][0]
    span = top - bottom or Fraction(1)
    count = len(chart.x_labels)

    def x(n: int) -> float:
        inner = WIDTH - LEFT - RIGHT
        return LEFT + (inner * n / (count - 1) if count > 1 else inner / 2)

    def y(value: Fraction) -> float:
        return TOP + float((top - value) / span) * (HEIGHT - TOP - BOTTOM)

    title = escape(chart.title)
    parts = [f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" aria-label="{title}">']
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
        colour = COLOURS[i % len(COLOURS)]
        path = " ".join(f"{x(point.at):.1f},{y(point.value):.1f}" for point in points)
        parts.append(f"<g><title>{escape(name)}</title>")
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="1.6"/>')
        for point in points:
            fill = "#fff" if point.hollow else colour
            parts.append(
                f'<circle cx="{x(point.at):.1f}" cy="{y(point.value):.1f}" r="3" fill="{fill}" stroke="{colour}">'
                f"<title>{escape(point.tip)}</title></circle>"
            )
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def _heat(share: Fraction) -> str:
    """White (nothing lost) to deep red (everything lost)."""
    level = float(min(max(share, Fraction(0)), Fraction(1)))
    green_blue = int(255 - 180 * level)
    return f"rgb(255,{green_blue},{green_blue})"


def _heat_map(heat: HeatMap) -> list[str]:
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
    lines.append('</tbody></table><ol class="meta">')
    lines += [f"<li>{escape(name)}</li>" for name in heat.names]
    lines.append("</ol>")
    return lines
