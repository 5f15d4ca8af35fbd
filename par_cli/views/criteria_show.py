"""`par criteria show` as a report: a criteria set as an outline (codes, titles, max points, what sets a criterion
apart, each leaf's rule in words), then its bonuses and penalties, and its grades."""

from __future__ import annotations

from typing import TYPE_CHECKING

from par_cli.core.diagnostics import msg
from par_cli.views.report import Block, Branch, Note, Outline, Report
from par_cli.words.catalogue import text
from par_cli.words.explain import describe_rule
from par_cli.words.labels import label
from par_cli.words.numbers import plain

if TYPE_CHECKING:
    from par_cli.core.model import CriteriaSet, Node


def report(criteria: CriteriaSet, depth: int | None = None, lang: str | None = None) -> Report:
    """`depth`: the levels shown (None: all)."""
    lang = lang or criteria.language
    source = f"{label('source', lang)}: {criteria.source}" if criteria.source else ""
    aside = f"[{criteria.id}]  {text(msg('award.points', points=criteria.total_max), lang)}"
    blocks: list[Block] = [Outline(criteria.title, aside, source, [_branch(a, 1, depth, lang) for a in criteria.areas])]
    if criteria.adjustments:
        lines = [text(msg("heading.adjustments"), lang)]
        for adjustment in criteria.adjustments:
            sign = "+" if adjustment.kind == "bonus" else "−"
            amount = text(msg("award.points", points=adjustment.max), lang)
            lines.append(f"  {adjustment.code} {adjustment.title}  ({sign}{amount})")
        blocks.append(Note("\n" + "\n".join(lines), strong=True))
    if criteria.grades:
        grades = ", ".join(
            f"{grade.label} {'>' if grade.above is not None else '≥'} {plain(grade.bound, lang)}"
            for grade in criteria.grades
        )
        blocks.append(Note(f"\n{label('grade', lang)}: {grades}", plain=True))
    return Report(criteria.title, lang, blocks, {}, (), on_screen=False)


def _branch(node: Node, level: int, depth: int | None, lang: str) -> Branch:
    tags = []
    if node.source == "survey":
        tags.append(text(msg("tag.survey"), lang))
    if node.allow_na:
        tags.append(text(msg("tag.may-be-na"), lang))
    if node.applies_to is not None:
        tags.append(text(msg("tag.only-for", units=", ".join(node.applies_to)), lang))
    if node.appraiser is not None:
        tags.append(text(msg("tag.appraised-by", appraiser=node.appraiser), lang))
    detail = describe_rule(node.scoring_rule, lang) if node.children is None else ""
    under = node.children if node.children is not None and (depth is None or level < depth) else ()
    amount = text(msg("award.points", points=node.max), lang)
    return Branch(node.code, node.title, amount, tags, detail, [_branch(c, level + 1, depth, lang) for c in under])
