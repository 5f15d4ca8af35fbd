"""`par score` in the terminal: renderables only, never printed here."""

from __future__ import annotations

from fractions import Fraction

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from par_cli.i18n import figure, label
from par_cli.render.bars import bar
from par_cli.scoring import NodeResult, Score

LEVEL_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def difference(final: Fraction, own: Fraction, places: int, lang: str) -> str:
    """Final − self-assessed, signed; blank when the appraisal kept the self-assessment."""
    if final == own:
        return ""
    sign = "+" if final > own else "−"
    return sign + figure(abs(final - own), places, lang)


def score_cells(
    max_points: Fraction | None, own: Fraction, final: Fraction, percent: Fraction | None, places: int, lang: str
) -> list[str]:
    """Max, self-assessed, final, their difference and the index, as every score table shows them."""
    return [
        "" if max_points is None else figure(max_points, places, lang),
        figure(own, places, lang),
        figure(final, places, lang),
        difference(final, own, places, lang),
        "" if percent is None else figure(percent, places, lang),
    ]


def _rows(table: Table, node: NodeResult, places: int, depth: int, lang: str, bars: bool) -> None:
    indent = "  " * (node.depth - 1)
    style = "bold" if node.depth == 1 else ""
    if not node.applicable:
        cells = [label("na", lang), "—", "—", "", "—"]
        table.add_row(indent + node.code, node.title, *cells, *([""] if bars else []), style="dim")
    else:
        cells = score_cells(node.max, node.self_points, node.points, node.percent, places, lang)
        table.add_row(indent + node.code, node.title, *cells, *([bar(node.percent)] if bars else []), style=style)
    if node.depth < depth:
        for child in node.children:
            _rows(table, child, places, depth, lang, bars)


def header(score: Score) -> Text:
    text = Text()
    text.append(score.agency.name, style="bold")
    text.append(f" ({score.agency.id}")
    text.append(f", {score.agency.group})" if score.agency.group else ")")
    text.append(f"\n{score.criteria_title} [{score.criteria_id}]")
    if score.period:
        text.append(f" · {score.period}")
    return text


def score_view(score: Score, depth: int = 1, lang: str | None = None, bars: bool = True) -> RenderableType:
    """The score table; `bars` adds a bar per row (the CLI drops them on terminals under 100 columns)."""
    lang = lang or score.language
    p = score.precision
    totals = score_cells(score.max, score.self_points, score.points, score.index, p, lang)
    table = Table(
        box=box.SIMPLE, show_edge=False, pad_edge=False, collapse_padding=True, show_footer=True, footer_style="bold"
    )
    table.add_column(label("code", lang), no_wrap=True)
    table.add_column(label("title", lang), footer=label("total", lang), overflow="fold", ratio=1, min_width=16)
    for key, total in zip(("max", "self", "final", "cut", "index"), totals, strict=True):
        table.add_column(label(key, lang), footer=total, justify="right", no_wrap=True)
    if bars:
        table.add_column("", footer=bar(score.index), no_wrap=True)
    for area in score.areas:
        _rows(table, area, p, depth, lang, bars)
    for adjustment in score.adjustments:
        cells = score_cells(None, adjustment.self_points, adjustment.points, None, p, lang)
        sign = "+" if adjustment.points > 0 else "−" if adjustment.points < 0 else ""
        cells[2] = sign + figure(abs(adjustment.points), p, lang)
        table.add_row(adjustment.code, adjustment.title, *cells, *([""] if bars else []))

    points, grade = label("points_word", lang), label("grade_word", lang)
    summary = Text()
    summary.append(f"{label('index_line', lang)} {figure(score.index, p, lang)} %", style="bold")
    summary.append(f"  ({figure(score.points, p, lang)} / {figure(score.max, p, lang)} {points})")
    if score.grade:
        summary.append(f"  {grade} ")
        summary.append(score.grade, style="bold")
    summary.append(
        f"\n{label('self_line', lang)} {figure(score.self_index, p, lang)} %  "
        f"({figure(score.self_points, p, lang)} {points})"
    )
    if score.self_grade:
        summary.append(f"  {grade} {score.self_grade}")

    parts: list[RenderableType] = [header(score), Text(), table, Text(), summary]
    if score.findings:
        findings = Table.grid(padding=(0, 1))
        findings.add_column(no_wrap=True)
        findings.add_column(no_wrap=True)
        findings.add_column(overflow="fold")
        for finding in score.findings:
            findings.add_row(
                Text("  " + label(f"level.{finding.level}", lang), style=LEVEL_STYLE.get(finding.level, "")),
                finding.code,
                finding.worded(lang),
            )
        parts += [Text(), Text(label("findings", lang), style="bold"), findings]
    return Group(*parts)
