"""Criteria sets for people: the list of sets, and one set as a tree with maxima and rules in words."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from par_cli.describe import describe_rule
from par_cli.i18n import plain
from par_cli.models import CriteriaSet, Node


def leaf_count(criteria: CriteriaSet) -> int:
    def count(node: Node) -> int:
        return 1 if node.children is None else sum(count(child) for child in node.children)

    return sum(count(area) for area in criteria.areas)


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def criteria_table(sets: list[tuple[str, CriteriaSet]]) -> RenderableType:
    """`par criteria list`: one row per set (the first column is where it was found)."""
    table = Table(box=box.SIMPLE, show_edge=False, pad_edge=False)
    table.add_column("Id", no_wrap=True)
    table.add_column("Title")
    table.add_column("Status", no_wrap=True, min_width=8)
    table.add_column("Max", justify="right", no_wrap=True)
    table.add_column("Leaves", justify="right", no_wrap=True)
    table.add_column("Source")
    for _, criteria in sets:
        table.add_row(
            criteria.id,
            criteria.title,
            criteria.status or "—",
            plain(criteria.total_max, "en"),
            str(leaf_count(criteria)),
            _short(criteria.source or "—", 40),
        )
    return table


def criteria_tree(criteria: CriteriaSet, depth: int | None = None, lang: str | None = None) -> RenderableType:
    """`par criteria show`: codes, titles, max points and each leaf's rule in words."""
    lang = lang or criteria.language
    points = "điểm" if lang == "vi" else "points"
    head = Text(criteria.title, style="bold")
    head.append(f"  [{criteria.id}]  {plain(criteria.total_max, lang)} {points}", style="")
    if criteria.source:
        head.append(f"\n{'Căn cứ' if lang == 'vi' else 'Source'}: {criteria.source}", style="dim")
    tree = Tree(head)

    def add(branch: Tree, node: Node, level: int, survey: bool) -> None:
        survey = survey or node.source == "survey"
        label = Text()
        label.append(f"{node.code} ", style="bold")
        label.append(node.title)
        label.append(f"  ({plain(node.max, lang)} {points})", style="cyan")
        tags = []
        if node.source == "survey":
            tags.append("điều tra XHH" if lang == "vi" else "survey")
        if node.allow_na:
            tags.append("có thể N/A" if lang == "vi" else "may be N/A")
        if tags:
            label.append(f"  [{', '.join(tags)}]", style="magenta")
        if node.children is None:
            label.append(f"\n{describe_rule(node.scoring_rule, lang)}", style="dim")
        child_branch = branch.add(label)
        if node.children is not None and (depth is None or level < depth):
            for child in node.children:
                add(child_branch, child, level + 1, survey)

    for area in criteria.areas:
        add(tree, area, 1, False)
    parts: list[RenderableType] = [tree]
    if criteria.adjustments:
        lines = Text("\n" + ("Điểm thưởng, điểm trừ" if lang == "vi" else "Adjustments"), style="bold")
        for adjustment in criteria.adjustments:
            sign = "+" if adjustment.kind == "bonus" else "−"
            lines.append(f"\n  {adjustment.code} {adjustment.title}  ({sign}{plain(adjustment.max, lang)} {points})")
        parts.append(lines)
    if criteria.grades:
        grades = ", ".join(f"{grade.label} ≥ {plain(grade.min, lang)}" for grade in criteria.grades)
        parts.append(Text(f"\n{'Xếp loại' if lang == 'vi' else 'Grades'}: {grades}"))
    return Group(*parts)
