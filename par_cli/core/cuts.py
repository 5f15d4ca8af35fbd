"""The council's cut list (`par appraisal cuts`): every leaf whose final points differ from the self-assessed."""

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
    return tuple(found)
