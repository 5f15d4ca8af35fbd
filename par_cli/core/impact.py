"""The impact of a revised criteria set: each agency's index and rank under both sets, and what moved it.

By change (`Moved.shares`, the default view). An agency's index is 100 × P / M: its points P over its applicable
maximum M. Under the new set each criterion's points move by Δp (its new points − its old; an added criterion has
no old points, a removed one no new points), and the maximum moves from M₀ to M₁. Each criterion that moved gets
the share 100 × Δp / M₀ — its change in points at the agency's old maximum, what a reader checks on the two score
sheets — named by what the set changed on it (`par criteria diff`'s changes: its maximum, rule, source, code; added,
removed). One more share is the re-weighting the new maximum brings, 100 × P₁ × (1/M₁ − 1/M₀) (with the criteria
whose change moved M), and one the clamp of an index to 0–100 if either index was clamped. These add up exactly:
Σ 100 Δp / M₀ = 100 (P₁ − P₀) / M₀, and 100 P₁/M₀ + 100 P₁ (1/M₁ − 1/M₀) = 100 P₁/M₁.

No share depends on an order of the changes. A Shapley split of 100 P / M over the changes would spread the
re-weighting over every change that moved the maximum by how they interact: two changes that leave the total as it
was (a maximum lowered by 0,5, a criterion of 0,5 added) would get large shares of opposite sign that no score sheet
shows, and it costs 2ⁿ evaluations an agency.

By criterion (`Moved.reasons`, `--by criterion`): Σ over criteria of (new points / new max − old points / old max)
× 100, a removed criterion counted with no new points, an added one with no old points: each criterion's weight in
the index moves with the total, so every criterion gets a share when the total moves (before the index is clamped).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from par_cli.core.named_tuple import NamedTuple
from par_cli.core.ranking import RankGroup, group_value

if TYPE_CHECKING:
    from par_cli.core.criteria_diff import Change

ZERO = Fraction(0)
HUNDRED = Fraction(100)


class Reason(NamedTuple):
    old_code: str | None  # None: added in the new set
    new_code: str | None  # None: removed
    index_points: Fraction  # this criterion's part of the index change


class Share(NamedTuple):
    """One change of the set's part of an agency's index change (see the module's docstring)."""

    kind: str  # "criterion": a criterion's points moved; "reweighting": the maximum moved; "clamp": 0–100
    old_code: str | None  # criterion: None when added in the new set; else None
    new_code: str | None  # criterion: None when removed
    changes: tuple[Change, ...]  # criterion: what the set changed on it (empty: its points moved all the same)
    index_points: Fraction
    old_max: Fraction = ZERO  # reweighting: the agency's applicable maximum under each set
    new_max: Fraction = ZERO
    moved_by: tuple[str, ...] = ()  # reweighting: the criteria whose change moved it (new code; old if removed)


class Moved(NamedTuple):
    agency_id: str
    agency_name: str
    group: str | None
    old_index: Fraction
    new_index: Fraction
    old_rank: int | None  # None: not ranked
    new_rank: int | None
    reasons: tuple[Reason, ...]  # by criterion: largest first; only those that moved the index
    shares: tuple[Share, ...] = ()  # by change: largest first; only those that moved it; Σ = index_change

    @property
    def index_change(self) -> Fraction:
        return self.new_index - self.old_index

    @property
    def rank_change(self) -> int | None:
        """Positive: moved up; None when either ranking does not rank the unit."""
        return self.old_rank - self.new_rank if self.old_rank is not None and self.new_rank is not None else None


class ImpactGroup(NamedTuple):
    criteria_id: str  # the new set
    old_criteria_id: str
    group: str | None
    precision: int
    language: str
    rows: tuple[Moved, ...]  # in the new ranking's order


def impact(
    old: Iterable[RankGroup],
    new: Iterable[RankGroup],
    matched: Iterable[tuple[str, str]],
    group_by: str = "group",
    changes: Sequence[Change] = (),
) -> list[ImpactGroup]:
    """Each agency of the new ranking beside its place in the old one (agencies in only one are left out);
    `changes`: `par criteria diff`'s, which name the shares."""
    pairs = list(matched)
    before = {(group_value(r.entry, group_by), r.entry.key): (r, g) for g in old for r in g.rows}
    out = []
    for group in new:
        rows = []
        old_id = group.criteria_id
        for row in group.rows:
            found = before.get((group_value(row.entry, group_by), row.entry.key))
            if found is None:
                continue
            earlier, old_group = found
            old_id = old_group.criteria_id
            a, b = earlier.entry, row.entry
            reasons = _reasons(a.leaves, a.max, b.leaves, b.max, pairs)
            shares = by_change(
                Side(a.leaves, a.points, a.max, a.index), Side(b.leaves, b.points, b.max, b.index), pairs, changes
            )
            rows.append(
                Moved(
                    row.entry.agency_id,
                    row.entry.agency_name,
                    row.entry.group,
                    earlier.entry.index,
                    row.entry.index,
                    earlier.rank,
                    row.rank,
                    reasons,
                    shares,
                )
            )
        out.append(ImpactGroup(group.criteria_id, old_id, group.group, group.precision, group.language, tuple(rows)))
    return out


Leaves = tuple[tuple[str, Fraction, Fraction], ...]  # (code, points, max) of applicable leaves and adjustments


class Side(NamedTuple):
    """An agency under one set: its leaves, points, applicable maximum and (clamped) index."""

    leaves: Leaves
    points: Fraction
    max: Fraction
    exact_index: Fraction  # clamped to 0–100 as scored


def _units(
    before: dict[str, Fraction], after: dict[str, Fraction], matched: Sequence[tuple[str, str]]
) -> list[tuple[str | None, str | None]]:
    """Each leaf (or adjustment) in exactly one (old code, new code): matched, then same code, removed, added."""
    units: list[tuple[str | None, str | None]] = []
    paired_old: set[str] = set()
    paired_new: set[str] = set()
    for old_code, new_code in matched:
        if old_code in before or new_code in after:
            paired_old.add(old_code)
            paired_new.add(new_code)
            units.append((old_code, new_code))
    for code in sorted(before.keys() & after.keys() - paired_old - paired_new):  # bonus and penalty codes
        paired_old.add(code)
        paired_new.add(code)
        units.append((code, code))
    units += [(code, None) for code in before if code not in paired_old]
    units += [(None, code) for code in after if code not in paired_new]
    return units


def by_change(old: Side, new: Side, matched: Sequence[tuple[str, str]], changes: Sequence[Change]) -> tuple[Share, ...]:
    """The index change split by the set's changes (see the module's docstring), largest first; they add up to
    new.exact_index − old.exact_index exactly."""
    points_before = {code: points for code, points, _ in old.leaves}
    points_after = {code: points for code, points, _ in new.leaves}
    max_before = {code: most for code, _, most in old.leaves}
    max_after = {code: most for code, _, most in new.leaves}
    shares: list[Share] = []
    moved_max: list[str] = []
    for old_code, new_code in _units(points_before, points_after, matched):
        gained = points_after.get(new_code or "", ZERO) - points_before.get(old_code or "", ZERO)
        if max_after.get(new_code or "", ZERO) != max_before.get(old_code or "", ZERO):
            moved_max.append(new_code or old_code or "")
        if gained:
            said = tuple(c for c in changes if (c.old_code, c.new_code) == (old_code, new_code))
            shares.append(Share("criterion", old_code, new_code, said, gained / old.max * HUNDRED))
    raw_old, raw_new = old.points / old.max * HUNDRED, new.points / new.max * HUNDRED
    reweighting = raw_new - new.points / old.max * HUNDRED  # 100 × P₁ × (1/M₁ − 1/M₀)
    if reweighting:
        shares.append(Share("reweighting", None, None, (), reweighting, old.max, new.max, tuple(sorted(moved_max))))
    clamped = (new.exact_index - raw_new) - (old.exact_index - raw_old)
    if clamped:
        shares.append(Share("clamp", None, None, (), clamped))
    return tuple(sorted(shares, key=lambda share: -abs(share.index_points)))


def _reasons(
    old: Leaves, old_max: Fraction, new: Leaves, new_max: Fraction, matched: list[tuple[str, str]]
) -> tuple[Reason, ...]:
    before = {code: points for code, points, _ in old}
    after = {code: points for code, points, _ in new}
    terms = [  # each leaf (or adjustment) once: its points over the new maximum less over the old, in index points
        Reason(o, n, (after.get(n or "", ZERO) / new_max - before.get(o or "", ZERO) / old_max) * 100)
        for o, n in _units(before, after, matched)
    ]
    moving = [term for term in terms if term.index_points != 0]
    return tuple(sorted(moving, key=lambda t: -abs(t.index_points)))
