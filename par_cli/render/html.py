"""Self-contained HTML reports (no network: inline CSS and SVG), printable on A4. Every input text is escaped."""

from __future__ import annotations

from fractions import Fraction
from html import escape

from par_cli.core.explain import explain as ledger_of
from par_cli.core.scoring import NodeResult
from par_cli.render.views import ScoreView
from par_cli.words.catalogue import finding_text
from par_cli.words.explain import gap_text
from par_cli.words.labels import label
from par_cli.words.numbers import figure
from par_cli.words.tables import (
    adjustment_title,
    score_cells,
)
from par_cli.writers.html_page import _bar, _page, _row, _th


def score(view: ScoreView) -> str:
    score, ledger, depth = view.result, ledger_of(view.bound, view.result), view.depth
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
        body.append(row_of(e(adjustment.code), e(adjustment_title(adjustment, lang)), figures, None))
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
