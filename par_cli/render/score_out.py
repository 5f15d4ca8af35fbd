"""`par score` as Markdown (follows --lang) and CSV (language-neutral, for spreadsheets)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from par_cli.i18n import figure, label
from par_cli.numbers import shown
from par_cli.render.markdown import md_cell, md_row
from par_cli.render.rank_out import safe_cell
from par_cli.render.terminal import score_cells
from par_cli.scoring import NodeResult, Score


def nodes_to(score: Score, depth: int) -> Iterator[NodeResult]:
    def visit(node: NodeResult) -> Iterator[NodeResult]:
        yield node
        if node.depth < depth:
            for child in node.children:
                yield from visit(child)

    for area in score.areas:
        yield from visit(area)


def score_markdown(score: Score, depth: int = 1, lang: str | None = None) -> str:
    lang = lang or score.language
    p = score.precision
    points = label("points_word", lang)
    title = f"# {md_cell(score.agency.name)} — {md_cell(score.criteria_title)} [{score.criteria_id}]"
    lines = [title + (f" · {md_cell(score.period)}" if score.period else ""), ""]
    index, earned, max_points = (figure(x, p, lang) for x in (score.index, score.points, score.max))
    line = f"**{label('index_line', lang)} {index} %** ({earned} / {max_points} {points})"
    if score.grade:
        line += f" · {label('grade_word', lang)} **{md_cell(score.grade)}**"
    own_index, own = figure(score.self_index, p, lang), figure(score.self_points, p, lang)
    line += f" · {label('self_line', lang).lower()} {own_index} % ({own} {points})"
    lines += [line, ""]
    header = [label(key, lang) for key in ("code", "title", "max", "self", "final", "cut", "index")]
    lines += [md_row(header), "| :--- | :--- | ---: | ---: | ---: | ---: | ---: |"]
    for node in nodes_to(score, depth):
        code = "&nbsp;" * 2 * (node.depth - 1) + node.code
        if not node.applicable:
            lines.append(f"| {code} | {md_cell(node.title)} | {label('na', lang)} | — | — |  | — |")
            continue
        title = md_cell(node.title) if node.depth > 1 else f"**{md_cell(node.title)}**"
        cells = score_cells(node.max, node.self_points, node.points, node.percent, p, lang)
        lines.append(md_row([code, title, *cells]))
    for adjustment in score.adjustments:
        cells = score_cells(None, adjustment.self_points, adjustment.points, None, p, lang)
        lines.append(md_row([adjustment.code, md_cell(adjustment.title), *cells]))
    total = score_cells(score.max, score.self_points, score.points, score.index, p, lang)
    lines.append(md_row(["", f"**{label('total', lang)}**", *total]))
    if score.findings:
        lines += ["", f"## {label('findings', lang)}", ""]
        lines += [f"- {label(f'level.{f.level}', lang)} · {f.code} · {md_cell(f.worded(lang))}" for f in score.findings]
    return "\n".join(lines) + "\n"


def score_csv(score: Score, depth: int = 1) -> str:
    """One row per node (to `depth`), then adjustments and the total; figures with a dot; UTF-8 with a BOM."""
    p = score.precision
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["code", "title", "depth", "applicable", "max", "self_points", "points", "index", "self_index"])
    for node in nodes_to(score, depth):
        index = shown(node.percent, p) if node.percent is not None else ""
        self_index = shown(node.self_percent, p) if node.self_percent is not None else ""
        writer.writerow(
            [
                safe_cell(node.code),
                safe_cell(node.title),
                node.depth,
                str(node.applicable).lower(),
                shown(node.max, p),
                shown(node.self_points, p),
                shown(node.points, p),
                index,
                self_index,
            ]
        )
    for adjustment in score.adjustments:
        writer.writerow(
            [
                safe_cell(adjustment.code),
                safe_cell(adjustment.title),
                "",
                "",
                "",
                shown(adjustment.self_points, p),
                shown(adjustment.points, p),
                "",
                "",
            ]
        )
    writer.writerow(
        [
            "total",
            "",
            "",
            "",
            shown(score.max, p),
            shown(score.self_points, p),
            shown(score.points, p),
            shown(score.index, p),
            shown(score.self_index, p),
        ]
    )
    return "\ufeff" + buffer.getvalue()
