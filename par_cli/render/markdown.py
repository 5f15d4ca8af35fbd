"""Markdown reports (follow --lang): a score table and ranking tables, with input text escaped for tables."""

from __future__ import annotations

from par_cli.render.views import ScoreView
from par_cli.words.catalogue import finding_text
from par_cli.words.labels import label
from par_cli.words.numbers import figure
from par_cli.words.tables import (
    adjustment_title,
    nodes_to,
    score_cells,
)
from par_cli.writers.markdown import md_cell, md_row


def score(view: ScoreView) -> str:
    result = view.result
    lang = view.lang or result.language
    p = result.precision
    points = label("points_word", lang)
    title = f"# {md_cell(result.agency.name)} — {md_cell(result.criteria_title)} [{result.criteria_id}]"
    lines = [title + (f" · {md_cell(result.period)}" if result.period else ""), ""]
    index, earned, max_points = (figure(x, p, lang) for x in (result.index, result.points, result.max))
    line = f"**{label('index_line', lang)} {index} %** ({earned} / {max_points} {points})"
    if result.grade:
        line += f" · {label('grade_word', lang)} **{md_cell(result.grade)}**"
    own_index, own = figure(result.self_index, p, lang), figure(result.self_points, p, lang)
    line += f" · {label('self_line', lang).lower()} {own_index} % ({own} {points})"
    lines += [line, ""]
    header = [label(key, lang) for key in ("code", "title", "max", "self", "final", "cut", "index")]
    lines += [md_row(header), "| :--- | :--- | ---: | ---: | ---: | ---: | ---: |"]
    for node in nodes_to(result, view.depth):
        code = "&nbsp;" * 2 * (node.depth - 1) + node.code
        if not node.applicable:
            lines.append(f"| {code} | {md_cell(node.title)} | {label('na', lang)} | — | — |  | — |")
            continue
        title = md_cell(node.title) if node.depth > 1 else f"**{md_cell(node.title)}**"
        cells = score_cells(node.max, node.self_points, node.points, node.percent, p, lang)
        lines.append(md_row([code, title, *cells]))
    for adjustment in result.adjustments:
        cells = score_cells(None, adjustment.self_points, adjustment.points, None, p, lang)
        lines.append(md_row([adjustment.code, md_cell(adjustment_title(adjustment, lang)), *cells]))
    total = score_cells(result.max, result.self_points, result.points, result.index, p, lang)
    lines.append(md_row(["", f"**{label('total', lang)}**", *total]))
    if result.findings:
        lines += ["", f"## {label('findings', lang)}", ""]
        lines += [f"- {label(f'level.{f.level}', lang)} · {md_cell(finding_text(f, lang))}" for f in result.findings]
    return "\n".join(lines) + "\n"
