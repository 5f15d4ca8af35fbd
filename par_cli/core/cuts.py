"""The council's cut list (`par appraisal cuts`): every leaf whose final points differ from the self-assessed, then
every bonus or penalty (adjustment) whose appraised points differ from those the agency claimed."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from par_cli.core.named_tuple import NamedTuple

if TYPE_CHECKING:
    from par_cli.core.binding import Bound
    from par_cli.core.scoring import NodeResult, Score


class Cut(NamedTuple):
    code: str
    title: str
    self_points: Fraction
    points: Fraction
    reason: str | None  # the answer's `reason`, as the council wrote it
    rounds: bool  # appraised in two rounds (a first appraisal, then the final one)


def cuts_of(bound: Bound, result: Score) -> tuple[Cut, ...]:
    """The leaves whose final points are not the self-assessed ones (lowered or raised), in the set's order."""
    found: list[Cut] = []

    def visit(node: NodeResult) -> None:
        if not node.applicable:
            return
        for child in node.children:
            visit(child)
        if not node.children and node.points != node.self_points:
            answer = bound.answers.get(node.code)
            reason = answer.reason if answer is not None else None
            rounds = answer is not None and answer.first_appraisal is not None
            found.append(Cut(node.code, node.title, node.self_points, node.points, reason, rounds))

    for area in result.areas:
        visit(area)
    codes = {adjustment.code for adjustment in bound.criteria.adjustments}  # not the rows of a bonus or penalty cap
    for adjustment in result.adjustments:
        if adjustment.code in codes and adjustment.points != adjustment.self_points:
            raw = bound.assessment.adjustments.get(adjustment.code)
            fields = raw if isinstance(raw, dict) else {}
            reason = fields.get("reason") if isinstance(fields.get("reason"), str) else None
            rounds = fields.get("first_appraisal") is not None
            found.append(
                Cut(adjustment.code, adjustment.title, adjustment.self_points, adjustment.points, reason, rounds)
            )
    return tuple(found)
