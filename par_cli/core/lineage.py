"""Units across periods: an earlier period's figures as a later one looks back at them, through mergers.

An assessment may name its predecessors (`agency.predecessors: [ids]`): the units of the period before that were
merged into it. Its earlier figure is then computed from theirs, by a declared method:

- `mean`   (default): the mean of the predecessors' exact indices, each unit counting once;
- `pooled`: their points over their maxima, pooled (a unit with a larger applicable maximum weighs more).

Area indices of a merged unit are always the mean of the predecessors' area indices (N/A areas left out). Its
earlier rank is the rank the computed index would have held in that period's ranking group, among the units that
were not merged into it (ties share the rank): the published ranks of the other units are never changed. In a
group its criteria set ranks densely (`ranking.ties: dense`: 1, 1, 2), a rank counts the distinct figures above.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal, cast

from par_cli.core.area_columns import ranked_columns
from par_cli.core.diagnostics import NOWHERE, Diagnostic, Location, msg, problem
from par_cli.core.numbers import Ascending, Distinct, dense_ranks_down, exact_sum, ranks_down

MergeMethod = Literal["mean", "pooled"]
AreaRanks = Sequence[tuple[str, Fraction | None, int | None]]  # (code, index, rank among the group)
MERGE_METHODS: tuple[MergeMethod, ...] = ("mean", "pooled")
_NOT_YET = object()  # a row whose areas' ranks are not worked out yet


@dataclass(frozen=True, slots=True)
class PastRow:
    """One ranked unit of a period, as later periods need it."""

    group: str | None
    agency_id: str
    name: str
    rank: int | None  # None: assessed, not ranked: only in `Past.unranked`, which `par trend` reads
    index: Fraction | None  # None: a published ranking that gives only ranks (asked for where a figure needs it)
    points: Fraction | None  # None: not given (an old `par rank` JSON without them)
    max: Fraction | None
    areas: Sequence[tuple[str, Fraction | None]] = ()  # (code, index): a tuple, or packed (`core.area_columns`)
    predecessors: tuple[str, ...] = ()
    where: tuple[Location, ...] = ()  # where each predecessor is written, for errors about them
    at: Location = NOWHERE  # where the row is written, for errors about it
    named: bool = False  # given by name, no id (`agency_id` holds the name): matched by `by_name`

    @property
    def key(self) -> str:
        return self.agency_id.casefold()


@dataclass(frozen=True, slots=True)
class PastFigure:
    """A unit's figure in an earlier period: its own, or computed from the units merged into it."""

    rank: int | None  # None: assessed, not ranked (a `par trend` figure only)
    index: Fraction | None  # None: the earlier ranking gives the unit's rank only
    areas: Sequence[tuple[str, Fraction | None]]
    merged_from: tuple[str, ...] = ()  # the ids whose figures were combined (two or more); () for its own
    merged_names: tuple[str, ...] = ()  # their names, for people


class Past:
    """A period's ranking, looked up by (group, agency) or through predecessors."""

    def __init__(
        self,
        rows: Iterable[PastRow],
        label: str | None = None,
        precision: int = 2,
        area_titles: Sequence[tuple[str, str]] = (),
        set_titles: Sequence[str] = (),
        period: str | None = None,
        unranked: Iterable[PastRow] = (),
        dense: Iterable[str | None] = (),
    ) -> None:
        self.rows = tuple(rows)
        self.dense = frozenset(dense)  # the groups ranked densely (`ranking.ties: dense`): their areas ranked so too
        self.unranked = tuple(unranked)  # assessed, not ranked (rank None): shown by `par trend`, never looked up
        self.label = label
        self.period = period  # the period it ranks, when one is known (`label` may be a file's name)
        self.precision = precision  # of the figures shown (a JSON ranking's are rounded to it)
        self.area_titles = tuple(area_titles)  # (code, title) where the period says them, for headings
        self.set_titles = tuple(set_titles)  # the criteria sets' titles, where the period says them
        # read as the rows lie in memory, not at random across a national ranking; a unit twice: the later stands
        self._at: dict[tuple[str | None, str], PastRow] = {
            (row.group, row.key): row for row in sorted(self.rows, key=id)
        }
        if len(self._at) < len(self.rows):
            self._at = {(row.group, row.key): row for row in self.rows}
        self._by_id: dict[str, list[PastRow]] | None = None  # id → its rows in any group, when first asked
        self._sorted: dict[tuple[str | None, str | None], Ascending] = {}  # (group, area) → its figures
        self._groups: dict[str | None, list[PastRow]] | None = None  # group → its rows, when first asked
        self._unranked: dict[str, list[PastRow]] | None = None  # id → the rows not ranked, when first asked
        self._ranked_areas: dict[int, AreaRanks | None] = {}  # id(row) → its areas ranked, group by group as asked
        self._distinct: dict[tuple[str | None, str | None], Distinct] = {}  # (group, area) → its figures, dense

    def in_group(self, group: str | None) -> list[PastRow]:
        """The ranked rows of `group`, in order (indexed once: a national trend asks per group and area)."""
        if self._groups is None:
            self._groups = {}
            for row in self.rows:
                self._groups.setdefault(row.group, []).append(row)
        return self._groups.get(group, [])

    def rank_of(self, value: Fraction, group: str | None, area: str | None = None, leaving: Sequence[str] = ()) -> int:
        """The rank `value` would hold in `group` (by index, or by the index of `area`): 1 + the units above it,
        the units in `leaving` (ids: those merged into the figure) not counted. Ties share the rank; in a group
        ranked densely, 1 + the distinct figures above it."""
        key = (group, area)
        if group in self.dense:
            distinct = self._distinct.get(key)
            if distinct is None:
                figures = (_figure_of(row, area) for row in self.in_group(group))
                distinct = self._distinct[key] = Distinct(f for f in figures if f is not None)
            rows = [self._at.get((group, name.casefold())) for name in dict.fromkeys(leaving)]
            return (
                distinct.above(value, [f for r in rows if r is not None and (f := _figure_of(r, area)) is not None]) + 1
            )
        values = self._sorted.get(key)
        if values is None:  # once per group: a national trend asks for every unit's rank in every area
            values = self._sort(group, area)
        above = values.above(value)
        for name in leaving:
            row = self._at.get((group, name.casefold()))
            figure = _figure_of(row, area) if row is not None else None
            if figure is not None and figure > value:
                above -= 1
        return above + 1

    def ranked_areas(self, row: PastRow) -> AreaRanks | None:
        """A ranked row's areas with the rank of each in its group as `rank_of` gives it (code, index, rank), worked
        out for the whole group at its first row asked; None for a row giving an area twice (`rank_of` then)."""
        found = self._ranked_areas.get(id(row), _NOT_YET)  # one look-up a row (a national trend: 100,000 rows)
        if found is _NOT_YET:
            self._rank_areas(row.group)
            found = self._ranked_areas.setdefault(id(row), None)  # a row not among the group's: worked out once
        return cast("AreaRanks | None", found)

    def _rank_areas(self, group: str | None) -> None:
        rows = self.in_group(group)
        dense = group in self.dense
        columns = None if dense else ranked_columns([row.areas for row in rows], ranks_down)
        if columns is not None:  # the usual: the same areas
            self._ranked_areas.update(zip(map(id, rows), columns, strict=True))
            return
        firsts = [dict(row.areas) for row in rows]
        single = [len(first) == len(row.areas) for first, row in zip(firsts, rows, strict=True)]  # no area twice
        for n in (n for n, one in enumerate(single) if not one):
            firsts[n] = dict(reversed(rows[n].areas))  # a code given twice: its first figure, as `_sort` has it
        codes = dict.fromkeys(code for row in rows[:1] for code, _ in row.areas)
        if any(first.keys() != codes.keys() for first in firsts):  # areas differing from one unit to another
            codes = dict.fromkeys(code for first in firsts for code in first)
        down = dense_ranks_down if dense else ranks_down
        ranks = {code: down([first.get(code) for first in firsts]) for code in codes}
        for n, row in enumerate(rows):
            areas = tuple([(code, index, ranks[code][n]) for code, index in row.areas]) if single[n] else None
            self._ranked_areas[id(row)] = areas

    def _sort(self, group: str | None, area: str | None) -> Ascending:
        """The figures of `group` by index, or those of every area at once (its rows read once, not once an area)."""
        rows = self.in_group(group)
        if area is None:
            found = self._sorted[(group, None)] = Ascending(row.index for row in rows if row.index is not None)
            return found
        by_area: dict[str, list[Fraction]] = {}
        for row in rows:
            for code, index in dict(reversed(row.areas)).items():  # a code twice: its first figure (`_figure_of`)
                figures = by_area.get(code)
                if figures is None:
                    figures = by_area[code] = []
                if index is not None:
                    figures.append(index)
        for code, figures in by_area.items():
            self._sorted.setdefault((group, code), Ascending(figures))
        return self._sorted.setdefault((group, area), Ascending(()))

    def own(self, group: str | None, key: str) -> PastRow | None:
        return self._at.get((group, key))

    def find(self, group: str | None, key: str) -> PastRow | None:
        """The unit with this id: in `group` first, else the only one of that id in any group."""
        row = self._at.get((group, key))
        if row is not None:
            return row
        if self._by_id is None:  # a unit not in its own group: seldom (a trend of one grouping asks none)
            self._by_id = {}
            for each in self.rows:
                self._by_id.setdefault(each.key, []).append(each)
        rows = self._by_id.get(key, [])
        return rows[0] if len(rows) == 1 else None

    def find_unranked(self, group: str | None, key: str) -> PastRow | None:
        """The unit with this id among those assessed but not ranked: in `group` first, else the only one."""
        if self._unranked is None:
            self._unranked = {}
            for row in self.unranked:
                self._unranked.setdefault(row.key, []).append(row)
        rows = self._unranked.get(key, [])
        return next((row for row in rows if row.group == group), rows[0] if len(rows) == 1 else None)

    def missing(self, group: str | None, predecessors: Sequence[str]) -> list[str]:
        return [p for p in predecessors if self.find(group, p.casefold()) is None]

    def figure(self, group: str | None, key: str, predecessors: Sequence[str], how: MergeMethod) -> PastFigure | None:
        """The unit's earlier figure; None when it was not ranked then (and names no predecessors)."""
        if not predecessors:
            row = self.own(group, key)
            return PastFigure(row.rank, row.index, row.areas) if row is not None else None
        rows = self.merged(group, predecessors)
        if not rows:
            return None
        if len(rows) == 1:
            only = rows[0]
            return PastFigure(only.rank, only.index, only.areas)
        index = combined_index(rows, how)
        merged = tuple(r.agency_id for r in rows)
        place = self.placed_in(rows, group)
        names = tuple(r.name for r in rows)
        return PastFigure(self.rank_of(index, place, leaving=merged), index, combined_areas(rows), merged, names)

    def merged(self, group: str | None, predecessors: Sequence[str]) -> list[PastRow]:
        """The earlier units a unit's predecessors name, each once."""
        found = [self.find(group, p.casefold()) for p in predecessors]
        return list({id(r): r for r in found if r is not None}.values())

    @staticmethod
    def placed_in(rows: Sequence[PastRow], group: str | None) -> str | None:
        """The earlier group a merged figure is ranked in: the predecessors' own, if they shared one."""
        return rows[0].group if all(r.group == rows[0].group for r in rows) else group


def _figure_of(row: PastRow, area: str | None) -> Fraction | None:
    """A unit's index, or its index in `area` (None: not applicable, or no such area)."""
    if area is None:
        return row.index
    return next((index for code, index in row.areas if code == area), None)


def method_used(rows: Sequence[PastRow], how: MergeMethod) -> MergeMethod:
    """The method a merged figure is computed by: pooled only where every predecessor gives its points and
    maximum (an old ranking without them: the mean of the indices)."""
    return "pooled" if how == "pooled" and all(r.points is not None and r.max for r in rows) else "mean"


def combined_index(rows: Sequence[PastRow], how: MergeMethod) -> Fraction:
    if method_used(rows, how) == "pooled":
        points = exact_sum(r.points for r in rows if r.points is not None)
        maximum = exact_sum(r.max for r in rows if r.max is not None)
        return min(Fraction(100), max(Fraction(0), points / maximum * 100))
    indices = [r.index for r in rows if r.index is not None]  # all of them: `indices_needed` refuses the others
    return exact_sum(indices) / len(indices)


def combined_areas(rows: Sequence[PastRow]) -> Sequence[tuple[str, Fraction | None]]:
    codes: list[str] = []
    values: dict[str, list[Fraction]] = {}
    for row in rows:
        for code, index in row.areas:
            if code not in values:
                codes.append(code)
                values[code] = []
            if index is not None:
                values[code].append(index)
    return tuple((c, exact_sum(values[c]) / len(values[c]) if values[c] else None) for c in codes)


def indices_needed(units: Iterable[tuple[str, str | None, Sequence[str]]], past: Past) -> list[Diagnostic]:
    """A merged unit's earlier figure is computed from indices, and ranked among its earlier group's indices: each
    unit there that has a rank but no index is an error at its row (J003), once. `units`: (id, group,
    predecessors) of this period's units that name predecessors."""
    problems: list[Diagnostic] = []
    seen: set[int] = set()
    scanned: set[str | None] = set()  # groups whose rows were all looked at (once: each unit merged in it asks)
    hint = msg("hint.give-index")
    for unit, group, predecessors in units:
        rows = past.merged(group, predecessors)
        if len(rows) < 2:  # none or one ranked then: its rank is taken as published, no figure is computed
            continue
        place = past.placed_in(rows, group)
        others = past.in_group(place) if place not in scanned else []
        scanned.add(place)
        for row in [*rows, *others]:
            if row.index is None and id(row) not in seen:
                seen.add(id(row))
                needed = problem("J003", "index-needed-merge", hint=hint, id=row.agency_id, unit=unit)
                problems.append(needed.at(row.at))
    return problems


def ranked_twice(units: Iterable[tuple[str, Sequence[str], Sequence[Location]]]) -> list[Diagnostic]:
    """A unit naming as its predecessor a unit still ranked in the same period: it takes over that unit's earlier
    figure while that unit keeps it too. A warning where the predecessor is written (R009). `units`: (id,
    predecessors, where each is written) of every unit of the period."""
    listed = list(units)
    ranked = {unit.casefold(): unit for unit, _, _ in listed}
    problems = []
    for unit, predecessors, places in listed:
        for n, name in enumerate(predecessors):
            other = ranked.get(name.casefold())
            if other is None or other.casefold() == unit.casefold():
                continue
            where = places[n] if n < len(places) else NOWHERE
            found = problem(
                "R009", "predecessor-still-ranked", hint=msg("hint.predecessor-ranked"), id=other, unit=unit
            )
            problems.append(found.at(where))
    return problems


def unknown_predecessors(
    units: Iterable[tuple[str | None, Sequence[str], Sequence[Location]]], past: Past, period: str | None
) -> list[Diagnostic]:
    """Each declared predecessor the earlier period does not have: an error where it is written (R008)."""
    known = sorted({row.agency_id for row in past.rows})
    problems = []
    for group, predecessors, places in units:
        missing = set(past.missing(group, predecessors))
        for n, name in enumerate(predecessors):
            if name not in missing:
                continue
            where = places[n] if n < len(places) else NOWHERE
            named = _slug_like(name, [row.name for row in past.rows if row.named])
            close = difflib.get_close_matches(name, known, n=1)
            hint = msg("hint.did-you-mean", name=close[0]) if close else msg("hint.predecessors")
            if named:  # a ranking given by names: the row is there, without the id
                hint = msg("hint.predecessor-by-name", name=named[0], id=name)
            found = problem("R008", "predecessor-unknown", hint=hint, id=name, period=period or "—")
            problems.append(found.at(where))
    return problems


def absent(past: Past, ranked: Iterable[tuple[str, Sequence[str]]]) -> list[PastRow]:
    """Last period's units this ranking lacks: neither ranked now (ids in any case) nor merged into a unit that
    is (`ranked`: each unit's id and predecessors), in last period's order."""
    here = {key.casefold() for unit, merged in ranked for key in (unit, *merged)}
    return [row for row in past.rows if row.key not in here and not row.named]  # names: said by `by_name`


def name_key(name: str) -> str:
    """A name as names are matched: NFC, any case, spaces collapsed; diacritics count (Sở Y tế is not Sở Y Tê)."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _bare(name: str) -> str:
    """A name's key without its diacritics (đ as d): for a did-you-mean only, never for a match."""
    decomposed = unicodedata.normalize("NFD", name_key(name).replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _slug_like(name: str, known: Sequence[str]) -> list[str]:
    """The name of a ranking given by names an id is likely meant to be (`so-cong-thuong`: Sở Công Thương)."""
    slugs = {"-".join(_bare(other).replace("-", " ").split()): other for other in known}
    close = difflib.get_close_matches(name.casefold(), list(slugs), n=1, cutoff=0.8)
    return [slugs[close[0]]] if close else []


def closest_name(name: str, names: Sequence[str]) -> str | None:
    """The name of this ranking `name` is likely meant to be: the same but for diacritics, else a close one."""
    bare = _bare(name)
    same = [other for other in names if _bare(other) == bare]
    if same:
        return same[0]
    keys = {name_key(other): other for other in names}
    close = difflib.get_close_matches(name_key(name), list(keys), n=1, cutoff=0.75)
    return keys[close[0]] if close else None
