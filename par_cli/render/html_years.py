"""HTML of `par trend` (a line chart in SVG, then the table) and `par gaps` (the table, then a heat map)."""

from __future__ import annotations

import math
from fractions import Fraction
from html import escape

from par_cli.render.html_page import _page, _th
from par_cli.render.views import GapsView, TrendView
from par_cli.words.labels import label
from par_cli.words.languages import default
from par_cli.words.numbers import figure
from par_cli.words.years import (
    area_cells,
    gap_cells,
    gaps_header,
    gaps_heading,
    index_bounds,
    trend_cells,
    trend_header,
    trend_notes,
)

COLOURS = (
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#393b79", "#637939",
)  # fmt: skip
WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 680, 300, 44, 16, 12, 28


def _chart(view: TrendView, lang: str) -> str:
    """Index (y) by period (x), one line per unit; a hollow dot where the figure is computed from merged units."""
    found = view.trend
    low, high = index_bounds(found)
    bottom = max(Fraction(0), Fraction(int(low) // 5 * 5))
    top = min(Fraction(100), Fraction(math.ceil(high / 5) * 5))
    top = top if top > bottom else bottom + 5
    span = top - bottom or Fraction(1)
    count = len(found.periods)

    def x(n: int) -> float:
        inner = WIDTH - LEFT - RIGHT
        return LEFT + (inner * n / (count - 1) if count > 1 else inner / 2)

    def y(value: Fraction) -> float:
        return TOP + float((top - value) / span) * (HEIGHT - TOP - BOTTOM)

    title = escape(label("trend_title", lang))
    parts = [f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" aria-label="{title}">']
    ticks = 5
    for t in range(ticks + 1):
        value = bottom + span * t / ticks
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="#e2e8f0"/>'
            f'<text x="{LEFT - 4}" y="{y(value) + 3:.1f}" font-size="9" text-anchor="end">'
            f"{figure(value, 0 if value.denominator == 1 else 1, lang)}</text>"
        )
    for n, period in enumerate(found.periods):
        parts.append(
            f'<text x="{x(n):.1f}" y="{HEIGHT - 8}" font-size="10" text-anchor="middle">{escape(period)}</text>'
        )
    for i, line in enumerate(found.lines):
        colour = COLOURS[i % len(COLOURS)]
        dots = [(n, point) for n, point in enumerate(line.points) if point is not None]
        path = " ".join(f"{x(n):.1f},{y(point.index):.1f}" for n, point in dots)
        parts.append(f"<g><title>{escape(line.name)}</title>")
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="1.6"/>')
        for n, point in dots:
            fill = "#fff" if point.merged_from else colour
            tip = f"{line.name} · {found.periods[n]}: {figure(point.index, found.precision, lang)} %"
            parts.append(
                f'<circle cx="{x(n):.1f}" cy="{y(point.index):.1f}" r="3" fill="{fill}" stroke="{colour}">'
                f"<title>{escape(tip)}</title></circle>"
            )
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def trend(view: TrendView) -> str:
    found = view.trend
    lang = view.lang or default()
    low, high = index_bounds(found)
    body = [f"<header><h1>{escape(label('trend_title', lang))}</h1></header>", _chart(view, lang)]
    header = trend_header(found, lang)
    heads = "".join(_th(h, i > 0) for i, h in enumerate(header))
    body.append(f'<table class="trend"><thead><tr>{heads}</tr></thead><tbody>')
    for i, line in enumerate(found.lines):
        cells = trend_cells(line, found, low, high, lang)
        swatch = f'<span style="color:{COLOURS[i % len(COLOURS)]}">●</span> '
        body.append(
            "<tr><td>"
            + swatch
            + escape(cells[0])
            + "</td>"
            + "".join(f'<td class="n">{escape(c)}</td>' for c in cells[1:])
            + "</tr>"
        )
    body.append("</tbody></table>")
    for code in found.area_codes if view.areas else ():
        body.append(f"<h2>{escape(label('area_trend', lang))}: {escape(code)}</h2><table><thead><tr>")
        body.append("".join(_th(h, i > 0) for i, h in enumerate([label("agency", lang), *found.periods])))
        body.append("</tr></thead><tbody>")
        for line in found.lines:
            cells = area_cells(line, code, found, lang)
            body.append(
                f"<tr><td>{escape(cells[0])}</td>" + "".join(f'<td class="n">{escape(c)}</td>' for c in cells[1:])
            )
        body.append("</tbody></table>")
    body += [f'<p class="meta">{escape(note)}</p>' for note in trend_notes(found, lang)]
    return _page(label("trend_title", lang), lang, body)


def _heat(share: Fraction) -> str:
    """White (nothing lost) to deep red (everything lost)."""
    level = float(min(max(share, Fraction(0)), Fraction(1)))
    green_blue = int(255 - 180 * level)
    return f"rgb(255,{green_blue},{green_blue})"


def gaps(view: GapsView) -> str:
    lang = view.lang or (view.sets[0].language if view.sets else default())
    body = [f"<header><h1>{escape(label('gaps_title', lang))}</h1></header>"]
    for found in view.sets:
        p = found.precision
        body.append(f"<h2>{escape(gaps_heading(found, lang))}</h2><table><thead><tr>")
        body.append("".join(_th(h, i in (2, 3, 4, 5)) for i, h in enumerate(gaps_header(lang))))
        body.append("</tr></thead><tbody>")
        for gap in found.gaps:
            cells = gap_cells(gap, p, lang)
            tags = ['<td class="n">' if i in (2, 3, 4, 5) else "<td>" for i in range(len(cells))]
            body.append(
                "<tr>" + "".join(f"{tag}{escape(c)}</td>" for tag, c in zip(tags, cells, strict=True)) + "</tr>"
            )
        body.append("</tbody></table>")
        if not any(gap.by_agency for gap in found.gaps):
            body.append(f'<p class="meta">{escape(label("gap.no-heat", lang))}</p>')
            continue
        body.append(f"<h2>{escape(label('gap.heat', lang))}</h2>")
        body.append('<table class="heat"><thead><tr>' + _th(label("gap.code", lang), False))
        body.append(
            "".join(f'<th class="n" title="{escape(name)}">{n}</th>' for n, name in enumerate(found.agencies, 1))
        )
        body.append("</tr></thead><tbody>")
        for gap in found.gaps:
            if not gap.lost:
                continue
            row = [f'<td title="{escape(gap.title)}">{escape(gap.code)}</td>']
            for name, cell in zip(found.agencies, gap.by_agency, strict=True):
                if cell is None:
                    row.append('<td class="na">—</td>')
                    continue
                lost, maximum = cell
                share = lost / maximum if maximum else Fraction(0)
                tip = f"{name} · {gap.code}: {figure(lost, p, lang)} / {figure(maximum, p, lang)}"
                text = figure(lost, p, lang) if lost else ""
                row.append(f'<td class="n" style="background:{_heat(share)}" title="{escape(tip)}">{escape(text)}</td>')
            body.append("<tr>" + "".join(row) + "</tr>")
        body.append('</tbody></table><ol class="meta">')
        body += [f"<li>{escape(name)}</li>" for name in found.agencies]
        body.append("</ol>")
    return _page(label("gaps_title", lang), lang, body)
