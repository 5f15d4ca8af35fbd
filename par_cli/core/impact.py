"""The impact of a revised criteria set: each agency's index and rank under both sets, and the criteria that
moved it.

An agency's index moves by Σ over criteria of (new points / new max − old points / old max) × 100: each term
is one criterion's share of the move (a removed criterion counts with no new points, an added one with no old
points), so the reasons add up exactly to the change (before the index is clamped to 0–100).
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from par_cli.core.named_tuple import NamedTuple
from par_cli.core.ranking import RankGroup, group_value

ZERO = Fraction(0)


class Reason(NamedTuple):
    old_code: str | None  # None: added in the new set
    new_code: str | None  # None: removed
    index_points: Fraction  # this criterion's part of the index change


class Moved(NamedTuple):
    agency_id: str
    agency_name: str
    group: str | None
    old_index: Fraction
    new_index: Fraction
    old_rank: int | None  # None: not ranked
    new_rank: int | None
    reasons: tuple[Reason, ...]  # largest first; only those that moved the index

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
    old: Iterable[RankGroup], new: Iterable[RankGroup], matched: Iterable[tuple[str, str]], group_by: str = "group"
) -> list[ImpactGroup]:
    """Each agency of the new ranking beside its place in the old one (agencies in only one are left out)."""
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
            reasons = _reasons(earlier.entry.leaves, earlier.entry.max, row.entry.leaves, row.entry.max, pairs)
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
                )
            )
        out.append(ImpactGroup(group.criteria_id, old_id, group.group, group.precision, group.language, tuple(rows)))
    return out


def _reasons(
    old: tuple[tuple[str, Fraction], ...],
    old_max: Fraction,
    new: tuple[tuple[str, Fraction], ...],
    new_max: Fraction,
    matched: list[tuple[str, str]],
) -> tuple[Reason, ...]:
    before, after = dict(old), dict(new)
    terms: list[Reason] = []
    paired_old: set[str] = set()
    paired_new: set[str] = set()
    for old_code, new_code in matched:
        if old_code in before or new_code in after:
            paired_old.add(old_code)
            paired_new.add(new_code)
            share = after.get(new_code, ZERO) / new_max - before.get(old_code, ZERO) / old_max
            terms.append(Reason(old_code, new_code, share * 100))
    for code in before.keys() & after.keys() - paired_old - paired_new:  # adjustments: bonus and penalty codes
        paired_old.add(code)
        paired_new.add(code)
        terms.append(Reason(code, code, (after[code] / new_max - before[code] / old_max) * 100))
    terms += [Reason(c, None, -p / old_max * 100) for c, p in before.items() if c not in paired_old]
    terms += [Reason(None, c, p / new_max * 100) for c, p in after.items() if c not in paired_new]
    moving = [term for term in terms if term.index_points != 0]
    return tuple(sorted(moving, key=lambda t: -abs(t.index_points)))
