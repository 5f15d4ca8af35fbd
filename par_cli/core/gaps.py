"""`par gaps`: where the points are lost across a folder, criterion by criterion, largest loss first.

A unit loses at a criterion its applicable maximum minus its final points there (as `par explain` counts a
leaf's "lost"); a criterion that does not apply to a unit is not counted for it (neither lost nor assessed).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from par_cli.core.numbers import exact_sum
from par_cli.core.ranking import Entry

WORST = 3  # agencies named per criterion


@dataclass(frozen=True, slots=True)
class Gap:
    """One criterion across the folder."""

    code: str
    title: str
    depth: int
    leaf: bool
    assessed: int  # units it applies to
    losing: int  # units that lost points there
    lost: Fraction  # points lost, in total
    max: Fraction  # the maximum, summed over the units assessed
    worst: tuple[tuple[str, Fraction], ...]  # (agency name, points lost), most first
    by_agency: tuple[tuple[Fraction, Fraction] | None, ...]  # (lost, max) per agency, `GapSet.agencies` order

    @property
    def average(self) -> Fraction:
        """Points lost per unit assessed."""
        return self.lost / self.assessed if self.assessed else Fraction(0)

    @property
    def share(self) -> Fraction:
        """Points lost as a percentage of the maximum they could have earned."""
        return self.lost / self.max * 100 if self.max else Fraction(0)


@dataclass(frozen=True)
class GapSet:
    criteria_id: str
    criteria_title: str
    precision: int
    language: str
    agencies: tuple[str, ...]  # names, in the order of `Gap.by_agency`
    gaps: tuple[Gap, ...]  # largest loss first


def gaps(entries: Iterable[Entry], depth: int | None = None) -> list[GapSet]:
    """Per criteria set, every criterion below the areas (down to `depth`), most points lost first."""
    by_set: dict[str, list[Entry]] = {}
    for entry in entries:
        by_set.setdefault(entry.criteria_id, []).append(entry)
    return [_gap_set(members, depth) for _, members in sorted(by_set.items())]


def _gap_set(members: Sequence[Entry], depth: int | None) -> GapSet:
    members = sorted(members, key=lambda e: (e.agency_name, e.agency_id))
    order: dict[str, tuple[int, str, int, bool]] = {}  # code → (position, title, depth, leaf)
    figures: dict[str, list[tuple[int, Fraction, Fraction]]] = {}  # code → (member, max, points)
    for m, entry in enumerate(members):
        codes = [figure[0] for figure in entry.nodes]
        for n, (code, title, level, maximum, points) in enumerate(entry.nodes):
            leaf = n + 1 == len(codes) or entry.nodes[n + 1][2] <= level
            order.setdefault(code, (len(order), title, level, leaf))
            figures.setdefault(code, []).append((m, maximum, points))
    rows = []
    for code, (position, title, level, leaf) in order.items():
        if level < 2 or (depth is not None and level > depth):
            continue
        found = figures[code]
        lost = [(m, maximum - points) for m, maximum, points in found]
        by_agency: list[tuple[Fraction, Fraction] | None] = [None] * len(members)
        for m, maximum, points in found:
            by_agency[m] = (maximum - points, maximum)
        worst = sorted(((members[m].agency_name, amount) for m, amount in lost if amount > 0), key=lambda w: -w[1])
        rows.append(
            (
                position,
                Gap(
                    code,
                    title,
                    level,
                    leaf,
                    len(found),
                    sum(1 for _, amount in lost if amount > 0),
                    exact_sum(amount for _, amount in lost),
                    exact_sum(maximum for _, maximum, _ in found),
                    tuple(worst[:WORST]),
                    tuple(by_agency),
                ),
            )
        )
    rows.sort(key=lambda r: (-r[1].lost, r[0]))
    first = members[0]
    return GapSet(
        first.criteria_id,
        first.criteria_title,
        first.precision,
        first.language,
        tuple(e.agency_name for e in members),
        tuple(gap for _, gap in rows),
    )
