"""Terminal output with rich: renderables only, never printed here."""

from __future__ import annotations

from fractions import Fraction

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from par_cli.numbers import shown
from par_cli.scoring import NodeResult, Score

LEVEL_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _figure(value: Fraction | None, places: int) -> str:
    return "—" if value is None else shown(value, places)


def _rows(table: Table, node: NodeResult, places: int, depth: int) -> None:
    indent = "  " * (node.depth - 1)
    style = "bold" if node.depth == 1 else ""
    if not node.applicable:
        table.add_row(indent + node.code, node.title, "N/A", "—", "—", "—", style="dim")
    else:
        table.add_row(
            indent + node.code,
            node.title,
            _figure(node.max, places),
            _figure(node.self_points, places),
            _figure(node.points, places),
            _figure(node.percent, places),
            style=style,
        )
    if node.depth < depth:
        for child in node.children:
            _rows(table, child, places, depth)


def score_view(score: Score, depth: int = 1) -> RenderableType:
    p = score.precision
    header = Text()
    header.append(score.agency.name, style="bold")
    header.append(f" ({score.agency.id}")
    header.append(f", {score.agency.group})" if score.agency.group else ")")
    header.append(f"\n{score.criteria_title} [{score.criteria_id}]")
    if score.period:
        header.append(f" · {score.period}")

    totals = (shown(score.max, p), shown(score.self_points, p), shown(score.points, p), shown(score.index, p))
    table = Table(box=box.SIMPLE, show_edge=False, pad_edge=False, show_footer=True, footer_style="bold")
    table.add_column("Code", no_wrap=True)
    table.add_column("Title", footer="Total", overflow="fold", ratio=1)
    for name, total in zip(("Max", "Self", "Final", "Index %"), totals, strict=True):
        table.add_column(name, footer=total, justify="right", no_wrap=True)
    for area in score.areas:
        _rows(table, area, p, depth)
    for adjustment in score.adjustments:
        sign = "+" if adjustment.points > 0 else "−" if adjustment.points < 0 else ""
        table.add_row(
            adjustment.code,
            adjustment.title,
            "",
            shown(adjustment.self_points, p),
            sign + shown(abs(adjustment.points), p),
            "",
        )

    summary = Text()
    summary.append(f"Index {shown(score.index, p)} %", style="bold")
    summary.append(f"  ({shown(score.points, p)} / {shown(score.max, p)} points)")
    if score.grade:
        summary.append("  grade ")
        summary.append(score.grade, style="bold")
    summary.append(f"\nSelf-assessed {shown(score.self_index, p)} %  ({shown(score.self_points, p)} points)")
    if score.self_grade:
        summary.append(f"  grade {score.self_grade}")

    parts: list[RenderableType] = [header, Text(), table, Text(), summary]
    if score.findings:
        findings = Text("\nFindings\n", style="bold")
        for finding in score.findings:
            findings.append(f"  {finding.level:<7} ", style=LEVEL_STYLE.get(finding.level, ""))
            findings.append(f"{finding.code:<17} {finding.message}\n")
        findings.rstrip()
        parts.append(findings)
    return Group(*parts)
