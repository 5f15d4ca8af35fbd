"""Self-contained HTML reports (no network: inline CSS and SVG), printable on A4. Every input text is escaped."""

from __future__ import annotations

from fractions import Fraction
from html import escape

from par_cli.core.explain import explain
from par_cli.core.scoring import NodeResult
from par_cli.render.views import RankView, ScoreView, SurveyReportView
from par_cli.words.catalogue import finding_text
from par_cli.words.explain import gap_text
from par_cli.words.labels import label
from par_cli.words.numbers import figure
from par_cli.words.tables import (
    area_codes,
    change_text,
    group_heading,
    group_summary,
    score_cells,
    survey_cells,
    survey_header,
    survey_questions,
)

CSS = """
@page { size: A4; margin: 15mm; }
body { font-family: "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; font-size: 10.5pt; color: #1a202c;
       margin: 0 auto; max-width: 190mm; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm; border-bottom: 1px solid #cbd5e0; }
.meta { color: #4a5568; margin: 0 0 4mm; }
.figures { display: flex; gap: 4mm; flex-wrap: wrap; }
.figure { border: 1px solid #cbd5e0; border-radius: 2mm; padding: 2mm 4mm; }
.figure span { display: block; color: #4a5568; font-size: 9pt; } .figure strong { font-size: 14pt; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: 1.2mm 2mm; border-bottom: 1px solid #e2e8f0; vertical-align: top; }
th { text-align: left; background: #edf2f7; }
td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr { page-break-inside: avoid; } .na { color: #a0aec0; } .up { color: #276749; } .down { color: #9b2c2c; }
ol li { margin-bottom: 1mm; }
table.areas { font-size: 9pt; } table.areas td:nth-child(2) { min-width: 38mm; }
table.areas th, table.areas td { padding: 1mm 1.2mm; }
@media print { body { max-width: none; } .figure { break-inside: avoid; } }
"""


def _bar(percent: Fraction | None, text: str) -> str:
    """A horizontal bar (SVG) for 0–100 %, labelled for screen readers and for print without colour."""
    if percent is None:
        return ""
    width = float(min(max(percent, Fraction(0)), Fraction(100)))
    return (
        f'<svg width="100" height="10" viewBox="0 0 100 10" role="img" aria-label="{escape(text)} %">'
        f'<rect width="100" height="10" fill="#e2e8f0"/><rect width="{width:.2f}" height="10" fill="#2b6cb0"/></svg>'
    )


def _row(cells: list[tuple[str, bool]], css: str = "", cell: str = "td") -> str:
    """A table row from (already escaped HTML, numeric?) pairs."""
    attrs = f' class="{css}"' if css else ""
    numeric_attrs = ' class="n"'
    inner = "".join(f"<{cell}{numeric_attrs if numeric else ''}>{html}</{cell}>" for html, numeric in cells)
    return f"<tr{attrs}>{inner}</tr>"


def _th(text: str, numeric: bool) -> str:
    css = ' class="n"' if numeric else ""
    return f"<th{css}>{escape(text)}</th>"


def _page(title: str, lang: str, body: list[str]) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def score(view: ScoreView) -> str:
    score, ledger, depth = view.result, explain(view.bound, view.result), view.depth
    lang = view.lang or score.language
    p = score.precision
    e = escape
    meta = f"{e(score.criteria_title)} [{e(score.criteria_id)}]" + (f" · {e(score.period)}" if score.period else "")
    headline = [
        (label("index_line", lang), f"{figure(score.index, p, lang)} %"),
        (label("points", lang), f"{figure(score.points, p, lang)} / {figure(score.max, p, lang)}"),
        (label("grade", lang), score.grade or "—"),
        (label("self_line", lang), f"{figure(score.self_index, p, lang)} %"),
    ]
    body = [
        f'<header><h1>{e(label("report", lang))}: {e(score.agency.name)}</h1><p class="meta">{meta}</p></header>',
        '<section class="figures">'
        + "".join(
            f'<div class="figure"><span>{e(name)}</span><strong>{e(value)}</strong></div>' for name, value in headline
        )
        + "</section>",
        f"<h2>{e(label('areas', lang))}</h2>",
        "<table><thead><tr>"
        + "".join(
            _th(label(key, lang), key not in ("code", "title", "chart"))
            for key in ("code", "title", "max", "self", "final", "cut", "index", "chart")
        )
        + "</tr></thead><tbody>",
    ]

    def row_of(code: str, title: str, figures: list[str], percent: Fraction | None, cell: str = "td") -> str:
        """Code and title, then the five score figures (numeric cells) and the bar."""
        bar_html = _bar(percent, figures[4]) if percent is not None else ""
        return _row([(code, False), (title, False), *((f, True) for f in figures), (bar_html, False)], cell=cell)

    def rows(nodes: tuple[NodeResult, ...]) -> None:
        for node in nodes:
            title = f'<span style="padding-left:{4 * (node.depth - 1)}mm">{e(node.title)}</span>'
            if not node.applicable:
                na = e(label("na", lang))
                body.append(_row([(e(node.code), False), (title, False), (na, True)] + [("", False)] * 5, "na"))
            else:
                figures = score_cells(node.max, node.self_points, node.points, node.percent, p, lang)
                body.append(row_of(e(node.code), title, figures, node.percent))
            if node.depth < depth:
                rows(node.children)

    rows(score.areas)
    for adjustment in score.adjustments:
        figures = score_cells(None, adjustment.self_points, adjustment.points, None, p, lang)
        body.append(row_of(e(adjustment.code), e(adjustment.title), figures, None))
    total = score_cells(score.max, score.self_points, score.points, score.index, p, lang)
    body += [row_of("", e(label("total", lang)), total, score.index, cell="th"), "</tbody></table>"]
    if ledger is not None and ledger.gaps:
        body.append(f"<h2>{e(label('gaps', lang))}</h2><ol>")
        body += [
            f"<li><strong>{e(gap.line.code)}</strong> {e(gap.line.title)}: {e(gap_text(gap, p, lang))}</li>"
            for gap in ledger.gaps[:15]
        ]
        body.append("</ol>")
    if score.findings:
        body.append(f"<h2>{e(label('findings', lang))}</h2><ul>")
        body += [f"<li>{e(label(f'level.{f.level}', lang))}: {e(finding_text(f, lang))}</li>" for f in score.findings]
        body.append("</ul>")
    return _page(f"{label('report', lang)}: {score.agency.name}", lang, body)


def rank(view: RankView) -> str:
    groups, has_previous = view.groups, view.has_previous
    language = view.lang or (groups[0].language if groups else "vi")
    e = escape
    body = [f"<header><h1>{e(label('ranking', language))}</h1></header>"]
    for group in groups:
        p = group.precision
        keys = (
            ["rank", "agency", "points", "max", "index", "grade"]
            + (["previous", "change"] if has_previous else [])
            + ["chart"]
        )
        codes = area_codes(group) if view.areas else []
        css = ' class="areas"' if codes else ""  # many columns: smaller type, no bars, names kept readable
        body.append(f"<h2>{e(group_heading(group, language))}</h2><table{css}><thead><tr>")
        body.append("".join(_th(label(key, language), key not in ("agency", "grade", "chart")) for key in keys[:-1]))
        body.append(
            "".join(_th(code, True) for code in codes) + ("" if codes else _th(label("chart", language), False))
        )
        body.append("</tr></thead><tbody>")
        for row in group.rows:
            entry = row.entry
            index = figure(entry.index, p, language)
            cells = [
                f'<td class="n">{row.rank}</td>',
                f"<td>{e(entry.agency_name)}</td>",
                f'<td class="n">{figure(entry.points, p, language)}</td>',
                f'<td class="n">{figure(entry.max, p, language)}</td>',
                f'<td class="n">{index}</td>',
                f"<td>{e(entry.grade or '—')}</td>",
            ]
            if has_previous:
                change = change_text(row, True, language)
                css = "up" if (row.rank_change or 0) > 0 else "down" if (row.rank_change or 0) < 0 else ""
                cells += [f'<td class="n">{row.previous_rank or "—"}</td>', f'<td class="n {css}">{e(change)}</td>']
            if codes:
                cells += [f'<td class="n">{figure(area, p, language)}</td>' for _, _, area in entry.areas]
            if not codes:
                cells.append(f"<td>{_bar(entry.index, index)}</td>")
            body.append("<tr>" + "".join(cells) + "</tr>")
        body.append(f'</tbody></table><p class="meta">{e(group_summary(group, language))}</p>')
    return _page(label("ranking", language), language, body)


def survey_report(view: SurveyReportView) -> str:
    questions = survey_questions(view.rows)
    header = survey_header(view.groups, questions, view.lang)
    body = [f"<header><h1>{escape(view.title)}</h1></header>", '<table class="areas"><thead><tr>']
    body.append(
        "".join(_th(title, i not in (0, 1, len(header) - 1)) for i, title in enumerate(header)) + "</tr></thead><tbody>"
    )
    for row in view.rows:
        cells = survey_cells(row, view.groups, questions, view.lang)
        body.append(_row([(escape(cell), i not in (0, 1, len(cells) - 1)) for i, cell in enumerate(cells)]))
    body.append("</tbody></table>")
    return _page(view.title, view.lang, body)
