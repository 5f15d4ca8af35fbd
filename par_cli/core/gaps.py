"""`par gaps`: where the points are lost across a folder, criterion by criterion, largest loss first.

A unit loses at a criterion its applicable maximum minus its final points there (as `par explain` counts a
leaf's "lost"); a criterion that does not apply to a unit is not counted for it (neither lost nor assessed).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from fractions import Fraction

from par_cli.core.ranking import Entry

WORST = 3  # agencies named per criterion
ZERO = Fraction(0)


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
    by_agency: tuple[tuple[Fraction, Fraction] | None, ...]  # (lost, max) per agency, `GapSet.agencies` order;
    # () when the set has more agencies than a heat map can show (HEAT_LIMIT)

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


HEAT_LIMIT = 300  # agencies up to which each one's loss per criterion is kept (for the heat map)


class GapTally:
    """Criteria losses summed as scored agencies arrive, so that a national folder never holds every agency's
    every node at once: each agency's nodes are added, then dropped (`take`)."""

    def __init__(self, depth: int | None = None, heat_limit: int = HEAT_LIMIT) -> None:
        self.depth = depth
        self.heat_limit = heat_limit
        self.sets: dict[str, _SetTally] = {}

    def take(self, entry: Entry) -> Entry:
        """Add the agency's losses; the entry without its nodes (what a ranking keeps)."""
        found = self.sets.get(entry.criteria_id)
        if found is None:
            found = self.sets[entry.criteria_id] = _SetTally(entry)
        found.add(entry, self.depth, self.heat_limit)
        return replace(entry, nodes=())

    def result(self) -> list[GapSet]:
        return [self.sets[key].result(self.heat_limit) for key in sorted(self.sets)]


class _Criterion:
    """One criterion's running sums: exact, kept as integer numerators per denominator (adding Fractions one by
    one costs a gcd each time; a folder adds hundreds of thousands)."""

    __slots__ = ("assessed", "cells", "depth", "leaf", "losing", "maxima", "points", "position", "title", "worst")

    def __init__(self, position: int, title: str, depth: int, leaf: bool) -> None:
        self.position, self.title, self.depth, self.leaf = position, title, depth, leaf
        self.assessed = self.losing = 0
        self.maxima: dict[int, int] = {}  # denominator → sum of numerators
        self.points: dict[int, int] = {}
        self.worst: list[tuple[Fraction, str, str]] = []  # (lost, name, id), most first, WORST at most
        self.cells: dict[int, tuple[Fraction, Fraction]] = {}  # agency number → (lost, max)

    @property
    def max(self) -> Fraction:
        return sum((Fraction(n, d) for d, n in self.maxima.items()), Fraction(0))

    @property
    def lost(self) -> Fraction:
        return self.max - sum((Fraction(n, d) for d, n in self.points.items()), Fraction(0))


class _SetTally:
    def __init__(self, first: Entry) -> None:
        self.first = first
        self.agencies: list[tuple[str, str]] = []  # (name, id), in arrival order
        self.criteria: dict[str, _Criterion] = {}

    def add(self, entry: Entry, depth: int | None, heat_limit: int) -> None:
        number = len(self.agencies)
        self.agencies.append((entry.agency_name, entry.agency_id))
        nodes = entry.nodes
        for n, (code, title, level, maximum, points) in enumerate(nodes):
            if level < 2 or (depth is not None and level > depth):
                continue
            criterion = self.criteria.get(code)
            if criterion is None:
                leaf = n + 1 == len(nodes) or nodes[n + 1][2] <= level
                criterion = self.criteria[code] = _Criterion(len(self.criteria), title, level, leaf)
            criterion.assessed += 1
            m_num, m_den = maximum.numerator, maximum.denominator
            p_num, p_den = points.numerator, points.denominator
            criterion.maxima[m_den] = criterion.maxima.get(m_den, 0) + m_num
            criterion.points[p_den] = criterion.points.get(p_den, 0) + p_num
            lost = maximum - points if p_num * m_den < m_num * p_den else ZERO
            if lost:
                criterion.losing += 1
                worst = criterion.worst
                if len(worst) < WORST or (-lost, entry.agency_name, entry.agency_id) < (-worst[-1][0], *worst[-1][1:]):
                    worst.append((lost, entry.agency_name, entry.agency_id))
                    worst.sort(key=lambda w: (-w[0], w[1], w[2]))
                    del worst[WORST:]
            if number < heat_limit:
                criterion.cells[number] = (lost, maximum)

    def result(self, heat_limit: int) -> GapSet:
        order = sorted(range(len(self.agencies)), key=lambda m: self.agencies[m])  # by name, then id
        heat = len(self.agencies) <= heat_limit
        losses = {code: c.lost for code, c in self.criteria.items()}
        rows = sorted(self.criteria.items(), key=lambda item: (-losses[item[0]], item[1].position))
        first = self.first
        return GapSet(
            first.criteria_id,
            first.criteria_title,
            first.precision,
            first.language,
            tuple(self.agencies[m][0] for m in order),
            tuple(
                Gap(
                    code,
                    c.title,
                    c.depth,
                    c.leaf,
                    c.assessed,
                    c.losing,
                    losses[code],
                    c.max,
                    tuple((name, lost) for lost, name, _ in c.worst),
                    tuple(c.cells.get(m) for m in order) if heat else (),
                )
                for code, c in rows
            ),
        )


def gaps(entries: Iterable[Entry], depth: int | None = None) -> list[GapSet]:
    """Per criteria set, every criterion below the areas (down to `depth`), most points lost first."""
    tally = GapTally(depth)
    for entry in entries:
        tally.take(entry)
    return tally.result()
