"""How robust a rank is (`par rank --robustness`): gaps to the neighbours, ties hidden by rounding, possible ranks.

The possible ranks are the best and worst rank an agency could hold had the council changed up to K scores
(`--steps K`, 3 by default) by one scoring step each, the K steps shared across the whole group. They are exact,
never sampled. An agency's index only rises when one of its leaves gains points, and agencies are scored
independently; so for the best rank, of k steps spent on the agency itself its k largest one-step gains are
best, and the remaining K − k are best spent overtaking the agencies above it that need the fewest of their
largest one-step losses each (overtaking one never helps with another: taking the cheapest first is optimal).
Trying k = 0..K gives the best rank; the worst is the same the other way round (its largest losses, the others'
largest gains). Per agency and k, the number of agencies each cost c steps comes from K + 1 sorted lists
(every agency's index after its c largest losses, or gains) by bisection: a group of thousands stays fast. Rank
is competition rank (1 + the agencies strictly above), as `core.ranking` ranks.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from par_cli.core.numbers import Ascending, clamp_percent, round_half_up
from par_cli.core.ranking import Entry, Moves, RankGroup

if TYPE_CHECKING:
    from par_cli.core.binding import Bound
    from par_cli.core.scoring import NodeResult, Score

METHOD = "exact"  # how the interval is found (see the module's docstring); stated in every output
STEPS_COUNTED = 12  # one-step moves counted to swap neighbours: more than that is robust (and memory stays flat)
STEPS = 3  # the council's changes the possible ranks allow by default (`--steps`, 1 to STEPS_COUNTED)


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
    gains = tuple(g * scale for g in heapq.nlargest(STEPS_COUNTED, ups))  # one scale for the agency: order kept
    losses = tuple(d * scale for d in heapq.nlargest(STEPS_COUNTED, downs))
    cap = None if bound.criteria.bonus_above_max else Fraction(100)
    return Moves(cap, result.self_index, gains, losses)


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
    best: int | None  # the best rank within `steps` one-step changes shared across the group (None: not ranked)
    worst: int | None  # … the worst
    steps_up: int | None = None  # the fewest one-step moves that put it above the agency listed just above
    steps_down: int | None = None  # … that put the agency listed just below above it
    self_rank: int | None = None  # its rank on its self-assessed figures, the others as appraised


def _prefix(amounts: Sequence[Fraction], steps: int) -> list[Fraction]:
    """0, the largest, the two largest … summed: steps + 1 sums (the last repeated when there are fewer)."""
    sums = [Fraction(0)]
    for amount in amounts[:steps]:
        sums.append(sums[-1] + amount)
    return sums + [sums[-1]] * (steps + 1 - len(sums))


def _cheapest(counts: Sequence[int], budget: int) -> int:
    """The most agencies passed with `budget` steps, `counts[c]` of them costing c steps each (cheapest first)."""
    passed = 0
    for cost in range(1, budget + 1):
        take = min(counts[cost], budget // cost)
        passed, budget = passed + take, budget - take * cost
    return passed


class _Reach:
    """The possible ranks in a group: each agency's raw index (points / max, before the cap) after its c largest
    one-step losses (`down[c]`) or gains (`up[c]`), c = 0..steps, and those of every agency sorted."""

    def __init__(self, rows: Sequence[Entry], steps: int):
        self.steps = steps
        self.cap = [e.index_cap for e in rows]
        raw = [e.points * 100 / e.max if e.max else e.index for e in rows]
        self.down = [[r - d for d in _prefix(e.losses, steps)] for r, e in zip(raw, rows, strict=True)]
        self.up = [[r + g for g in _prefix(e.gains, steps)] for r, e in zip(raw, rows, strict=True)]
        self.sorted_down = [Ascending(values[c] for values in self.down) for c in range(steps + 1)]
        self.sorted_up = [Ascending(values[c] for values in self.up) for c in range(steps + 1)]

    def _index(self, n: int, raw: Fraction) -> Fraction:
        return clamp_percent(raw, self.cap[n])

    def _over(self, lists: list[Ascending], mine: list[Fraction], index: Fraction, c: int) -> int:
        """Agencies but this one whose raw index after c steps is above `index` (which is under the cap: there
        the capped index is above it exactly when the raw one is)."""
        return lists[c].above(index) - (1 if mine[c] > index else 0)

    def best(self, n: int) -> int:
        rank = None
        for k in range(self.steps + 1):
            index = self._index(n, self.up[n][k])
            cap = self.cap[n]
            if cap is not None and index >= cap:
                return 1
            budget = self.steps - k
            still = [self._over(self.sorted_down, self.down[n], index, c) for c in range(budget + 1)]
            counts = [0, *(still[c - 1] - still[c] for c in range(1, budget + 1))]
            found = 1 + still[0] - _cheapest(counts, budget)
            rank = found if rank is None else min(rank, found)
        return rank or 1

    def worst(self, n: int) -> int:
        rank = 1
        for k in range(self.steps + 1):
            index = self._index(n, self.down[n][k])
            cap = self.cap[n]
            if cap is not None and index >= cap:
                continue  # nobody passes it
            budget = self.steps - k
            over = [self._over(self.sorted_up, self.up[n], index, c) for c in range(budget + 1)]
            counts = [0, *(over[c] - over[c - 1] for c in range(1, budget + 1))]
            rank = max(rank, 1 + over[0] + _cheapest(counts, budget))
        return rank


def robustness(group: RankGroup, steps: int = STEPS) -> tuple[Robustness, ...]:
    """One `Robustness` per row of the group, in its order; rows need entries scored with their moves. A unit
    assessed but not ranked (listed after the ranked ones) has none: no gaps, no possible ranks."""
    rows = tuple(row for row in group.rows if row.rank is not None)
    unranked = (Robustness(None, None, (), None, None),) * (len(group.rows) - len(rows))
    shown = [round_half_up(row.entry.index, group.precision) for row in rows]
    by_shown: dict[object, list[int]] = {}
    for n, value in enumerate(shown):
        by_shown.setdefault(value, []).append(n)
    reach = _Reach([row.entry for row in rows], steps)
    indices = Ascending(row.entry.index for row in rows)
    appraised = any(row.entry.self_index not in (None, row.entry.index) for row in rows)  # else: the ranks as are
    out = []
    for n, row in enumerate(rows):
        index = row.entry.index
        above = rows[n - 1].entry.index - index if n else None
        below = index - rows[n + 1].entry.index if n + 1 < len(rows) else None
        ties = tuple(rows[m].entry.agency_name for m in by_shown[shown[n]] if rows[m].entry.index != index)
        entry = row.entry
        up = down = None
        if n:
            over = rows[n - 1].entry
            up = steps_to_pass(over.index - index, entry.gains, over.losses)
        if n + 1 < len(rows):
            under = rows[n + 1].entry
            down = steps_to_pass(index - under.index, under.gains, entry.losses)
        own = None
        if appraised and entry.self_index is not None:  # the others as appraised: itself not counted
            mine = entry.self_index
            own = 1 + indices.above(mine) - (1 if index > mine else 0)
        out.append(Robustness(above, below, ties, reach.best(n), reach.worst(n), up, down, own))
    return (*out, *unranked)
