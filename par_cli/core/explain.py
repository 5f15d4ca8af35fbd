"""The ledger of an assessment (pure): for each leaf its inputs, rule, points earned and lost, the effect on
the index, the evidence; then the largest recoverable gaps. `par_cli.words.explain` puts it into words.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from par_cli.core.diagnostics import LineCol, ParError
from par_cli.core.tree import no_criterion

if TYPE_CHECKING:
    from par_cli.core.binding import Bound, LeafAnswer
    from par_cli.core.rules.base import Rule
    from par_cli.core.scoring import NodeResult, Score

ZERO = Fraction(0)


@dataclass(frozen=True, slots=True)
class LedgerLine:
    code: str
    title: str
    depth: int
    leaf: bool
    applicable: bool
    max: Fraction
    points: Fraction
    self_points: Fraction
    rule: Rule | None  # the leaf's rule (None for inner nodes)
    answer: LeafAnswer | None
    source: str
    evidence_missing: bool

    @property
    def lost(self) -> Fraction:
        return self.max - self.points if self.applicable else ZERO


@dataclass(frozen=True, slots=True)
class Gap:
    line: LedgerLine
    available: Fraction  # points that can still be earned
    index_points: Fraction  # their effect on the index, in percentage points


@dataclass(frozen=True)
class Ledger:
    score: Score
    subtree: str | None
    lines: tuple[LedgerLine, ...]
    gaps: tuple[Gap, ...]

    def effect(self, line: LedgerLine) -> Fraction:
        """Index points a leaf's lost points cost: lost / applicable max of the whole assessment × 100."""
        return line.lost * 100 / self.score.max


def explain(bound: Bound, result: Score, code: str | None = None) -> Ledger:
    """Build the ledger of `result` (the subtree under `code` when given)."""
    if code is not None and code not in bound.nodes:
        raise ParError([no_criterion(code, bound.nodes, bound.criteria.id).at(LineCol(bound.file))])
    lines: list[LedgerLine] = []

    def visit(node: NodeResult, inside: bool) -> None:
        inside = inside or code is None or node.code == code
        info = bound.nodes[node.code]
        if inside:
            leaf = info.node.children is None
            answer = bound.answers.get(node.code) if leaf else None
            lines.append(
                LedgerLine(
                    code=node.code,
                    title=node.title,
                    depth=node.depth,
                    leaf=leaf,
                    applicable=node.applicable,
                    max=node.max,
                    points=node.points,
                    self_points=node.self_points,
                    rule=info.node.scoring_rule if leaf else None,
                    answer=answer,
                    source=info.source,
                    evidence_missing=answer is not None and answer.unsupported(info, node.self_points),
                )
            )
        for child in node.children:
            visit(child, inside)

    for area in result.areas:
        visit(area, False)
    gaps = [
        Gap(line, line.lost, line.lost * 100 / result.max)
        for line in lines
        if line.leaf and line.applicable and line.lost > 0
    ]
    order = {line.code: i for i, line in enumerate(lines)}
    gaps.sort(key=lambda gap: (-gap.available, order[gap.line.code]))
    return Ledger(result, code, tuple(lines), tuple(gaps))
