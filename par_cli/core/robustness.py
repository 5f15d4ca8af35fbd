"""How robust a rank is (`par rank --robustness`): gaps to the neighbours, ties hidden by rounding, possible ranks.

The possible ranks are exact, never sampled. An agency's index only rises when one of its leaves gains points
(areas are sums, the index is points / max, clamped), and agencies are scored independently. So of every way
each appraised leaf could move by up to one scoring step, the best rank an agency can hold is reached with all
its leaves one step up and every other agency's one step down, and the worst the other way round: two sums per
agency give the interval, whatever the number of leaves (enumerating or sampling the 3^leaves combinations
would only find these two bounds, or miss them).
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from par_cli.core.numbers import clamp_percent, exact_sum, round_half_up
from par_cli.core.ranking import Moves, RankGroup

if TYPE_CHECKING:
    from par_cli.core.binding import Bound
    from par_cli.core.scoring import NodeResult, Score

METHOD = "exact"  # how the interval is found (see the module's docstring); stated in every output
STEPS_COUNTED = 12  # one-step moves counted to swap neighbours: more than that is robust (and memory stays flat)


def moves(bound: Bound, result: Score) -> Moves:
    """Every answered, appraised leaf moved one scoring step down and up.

    Survey leaves do not move (they are tallied, not appraised); nor do unanswered leaves, N/A leaves or the
    bonus and penalty points."""
    ups: list[Fraction] = []
    downs: list[Fraction] = []

    def visit(node: NodeResult) -> None:
        if not node.applicable:
            return
        if node.children:
            for child in node.children:
                visit(child)
            return
        info = bound.nodes[node.code]
        if info.source == "survey" or not node.answered:
            return
        down, up = info.node.scoring_rule.one_step(node.points, info.max_points)
        if up > node.points:
            ups.append(up - node.points)
        if down < node.points:
            downs.append(node.points - down)

    for area in result.areas:
        visit(area)
    scale = Fraction(100) / result.max
    low = clamp_percent((result.points - exact_sum(downs)) * scale)
    high = clamp_percent((result.points + exact_sum(ups)) * scale)
    gains = tuple(g * scale for g in heapq.nlargest(STEPS_COUNTED, ups))  # one scale for the agency: order kept
    losses = tuple(d * scale for d in heapq.nlargest(STEPS_COUNTED, downs))
    return Moves(low, high, gains, losses)


def steps_to_pass(gap: Fraction, rises: Sequence[Fraction], falls: Sequence[Fraction]) -> int | None:
    """The fewest one-step moves (rises of the agency below, falls of the one above) that put the lower agency
    strictly above the other, `gap` index points ahead of it; None when STEPS_COUNTED of them do not."""
    total = Fraction(0)
    for count, amount in enumerate(heapq.merge(rises, falls, reverse=True), start=1):
        if count > STEPS_COUNTED:
            return None
        total += amount
        if total > gap:
            return count
    return None


@dataclass(frozen=True, slots=True)
class Robustness:
    """One ranked agency's margins: index points to its neighbours, ties at the shown precision, possible ranks."""

    above: Fraction | None  # index points to the agency listed just above (None: first)
    below: Fraction | None  # index points to the agency listed just below (None: last)
    shown_tie: tuple[str, ...]  # agencies shown with the same rounded index, ranked apart by hidden decimals
    best: int
    worst: int
    steps_up: int | None = None  # the fewest one-step moves that put it above the agency listed just above
    steps_down: int | None = None  # … that put the agency listed just below above it


def robustness(group: RankGroup) -> tuple[Robustness, ...]:
    """One `Robustness` per row of the group, in its order; rows need entries scored with their index range."""
    rows = group.rows
    shown = [round_half_up(row.entry.index, group.precision) for row in rows]
    by_shown: dict[object, list[int]] = {}
    for n, value in enumerate(shown):
        by_shown.setdefault(value, []).append(n)
    lows = [row.entry.index_low if row.entry.index_low is not None else row.entry.index for row in rows]
    highs = [row.entry.index_high if row.entry.index_high is not None else row.entry.index for row in rows]
    sorted_lows, sorted_highs = sorted(lows), sorted(highs)
    out = []
    for n, row in enumerate(rows):
        index = row.entry.index
        above = rows[n - 1].entry.index - index if n else None
        below = index - rows[n + 1].entry.index if n + 1 < len(rows) else None
        ties = tuple(rows[m].entry.agency_name for m in by_shown[shown[n]] if rows[m].entry.index != index)
        # others surely above it (their lowest over its highest) and possibly above it (their highest over its
        # lowest; itself included when it can move, hence the correction)
        surely = len(rows) - bisect_right(sorted_lows, highs[n])
        possibly = len(rows) - bisect_right(sorted_highs, lows[n]) - (1 if highs[n] > lows[n] else 0)
        entry = row.entry
        up = down = None
        if n:
            over = rows[n - 1].entry
            up = steps_to_pass(over.index - index, entry.gains, over.losses)
        if n + 1 < len(rows):
            under = rows[n + 1].entry
            down = steps_to_pass(index - under.index, under.gains, entry.losses)
        out.append(Robustness(above, below, ties, 1 + surely, 1 + possibly, up, down))
    return tuple(out)
