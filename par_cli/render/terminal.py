"""The terminal: rich renderables for every command that shows a table (never printed here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from par_cli.core.scoring import NodeResult
from par_cli.core.scoring import Score as ScoreResult
from par_cli.render.literal_text import lit
from par_cli.render.views import (
    ScoreView,
)
from par_cli.words.catalogue import finding_text
from par_cli.words.labels import label
from par_cli.words.literal import visible
from par_cli.words.numbers import figure
from par_cli.words.tables import (
    adjustment_title,
    score_cells,
)
from par_cli.writers.text_bar import bar

if TYPE_CHECKING:
    pass

LEVEL_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def add_row(table: Table, *cells: str | Text, style: str = "") -> None:
    table.add_row(*(lit(cell) for cell in cells), style=style)


def _table() -> Table:
    return Table(box=box.SIMPLE, show_edge=False, pad_edge=False, collapse_padding=True)


def _score_rows(table: Table, node: NodeResult, places: int, depth: int, lang: str, bars: bool) -> None:
    indent = "  " * (node.depth - 1)
    style = "bold" if node.depth == 1 else ""
    if not node.applicable:
        cells = [label("na", lang), "—", "—", "", "—"]
        add_row(table, indent + node.code, node.title, *cells, *([""] if bars else []), style="dim")
    else:
        cells = score_cells(node.max, node.self_points, node.points, node.percent, places, lang)
        add_row(table, indent + node.code, node.title, *cells, *([bar(node.percent)] if bars else []), style=style)
    if node.depth < depth:
        for child in node.children:
            _score_rows(table, child, places, depth, lang, bars)


def header(score: ScoreResult) -> Text:
    text = Text()
    text.append(visible(score.agency.name), style="bold")
    text.append(visible(f" ({score.agency.id}"))
    text.append(visible(f", {score.agency.group})") if score.agency.group else ")")
    text.append(visible(f"\n{score.criteria_title} [{score.criteria_id}]"))
    if score.period:
        text.append(visible(f" · {score.period}"))
    return text


def score(view: ScoreView) -> RenderableType:
    """The score table; `bars` adds a bar per row (the CLI drops them on terminals under 100 columns)."""
    result, depth, bars = view.result, view.depth, view.bars
    lang = view.lang or result.language
    p = result.precision
    totals = score_cells(result.max, result.self_points, result.points, result.index, p, lang)
    table = Table(
        box=box.SIMPLE, show_edge=False, pad_edge=False, collapse_padding=True, show_footer=True, footer_style="bold"
    )
    table.add_column(label("code", lang), no_wrap=True)
    table.add_column(label("title", lang), footer=label("total", lang), overflow="fold", ratio=1, min_width=16)
    for key, total in zip(("max", "self", "final", "cut", "index"), totals, strict=True):
        table.add_column(label(key, lang), footer=total, justify="right", no_wrap=True)
    if bars:
        table.add_column("", footer=bar(result.index), no_wrap=True)
    for area in result.areas:
        _score_rows(table, area, p, depth, lang, bars)
    for adjustment in result.adjustments:
        cells = score_cells(None, adjustment.self_points, adjustment.points, None, p, lang)
        sign = "+" if adjustment.points > 0 else "−" if adjustment.points < 0 else ""
        cells[2] = sign + figure(abs(adjustment.points), p, lang)
        add_row(table, adjustment.code, adjustment_title(adjustment, lang), *cells, *([""] if bars else []))

    points, grade = label("points_word", lang), label("grade_word", lang)
    summary = Text()
    summary.append(f"{label('index_line', lang)} {figure(result.index, p, lang)} %", style="bold")
    summary.append(f"  ({figure(result.points, p, lang)} / {figure(result.max, p, lang)} {points})")
    if result.grade:
        summary.append(f"  {grade} ")
        summary.append(visible(result.grade), style="bold")
    summary.append(
        f"\n{label('self_line', lang)} {figure(result.self_index, p, lang)} %  "
        f"({figure(result.self_points, p, lang)} {points})"
    )
    if result.self_grade:
        summary.append(visible(f"  {grade} {result.self_grade}"))

    parts: list[RenderableType] = [header(result), Text(), table, Text(), summary]
    if result.findings:
        findings = Table.grid(padding=(0, 1))
        findings.add_column(no_wrap=True)
        findings.add_column(overflow="fold")
        for finding in result.findings:
            add_row(
                findings,
                Text("  " + label(f"level.{finding.level}", lang), style=LEVEL_STYLE.get(finding.level, "")),
                finding_text(finding, lang),
            )
        parts += [Text(), Text(label("findings", lang), style="bold"), findings]
    return Group(*parts)
