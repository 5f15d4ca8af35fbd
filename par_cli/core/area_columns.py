"""A group's area figures ranked column by column: a national trend ranks every unit in every area of every period.

A unit's area figures as a national trend keeps them (`PastAreas`, `RankedAreas`): the period's area codes shared
(one tuple for every unit that gives the same), the figures in one tuple, their ranks in another, instead of a pair
or a triple per area. Three periods of 34,000 units, 8 areas each, held 816,000 pairs and as many triples until the
report was written: each object made and read again is memory the CPU waits for, more so the larger the heap. Both
read as the tuples they stand for (`(code, index)`, `(code, index, rank)`), made as they are asked for.

`past_of` keeps a period's figures as whole numbers over one scale where it can (`Scaler`, `ScaledAreas`): one
array per unit instead of a Fraction and its integers per area, read without a wait for memory; ranked
(`RankedScaled`) by comparing those integers, and written so (`views.trend`).
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from fractions import Fraction
from itertools import repeat
from math import lcm
from operator import attrgetter, eq, floordiv, is_, itemgetter, mod, mul, truediv
from typing import TypeVar, cast, overload

T = TypeVar("T")


class TupleView(Sequence[T]):
    """A packed sequence that reads, compares and hashes as the tuple of what it yields, standing where a tuple of
    pairs stood (here, and `compact.PackedAreas`): a subclass gives `__len__` and `__iter__`."""

    __slots__ = ()

    @overload
    def __getitem__(self, i: int) -> T: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[T, ...]: ...
    def __getitem__(self, i: int | slice) -> T | tuple[T, ...]:
        return tuple(self)[i]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))


Pair = tuple[str, Fraction | None]  # (code, index)
Triple = tuple[str, Fraction | None, int | None]  # (code, index, rank among the group)


class PastAreas(TupleView[Pair]):
    """(code, index) per area: `codes` shared among the period's units, `figures` the unit's own."""

    __slots__ = ("codes", "figures")

    def __init__(self, codes: tuple[str, ...], figures: tuple[Fraction | None, ...]) -> None:
        self.codes = codes
        self.figures = figures

    def __len__(self) -> int:
        return len(self.codes)

    def __iter__(self) -> Iterator[Pair]:
        return zip(self.codes, self.figures, strict=True)

    def __reversed__(self) -> Iterator[Pair]:
        return zip(reversed(self.codes), reversed(self.figures), strict=True)


class RankedAreas(TupleView[Triple]):
    """(code, index, rank) per area: `codes` shared, `figures` the unit's (an equal figure, one object), `ranks`
    its own."""

    __slots__ = ("codes", "figures", "ranks")

    def __init__(
        self, codes: tuple[str, ...], figures: tuple[Fraction | None, ...], ranks: tuple[int | None, ...]
    ) -> None:
        self.codes = codes
        self.figures = figures
        self.ranks = ranks

    def __len__(self) -> int:
        return len(self.codes)

    def __iter__(self) -> Iterator[Triple]:
        return zip(self.codes, self.figures, self.ranks, strict=True)


NA = -(2**63)  # a figure not applicable (None) among the whole numbers of `ScaledAreas` (an area's rank: 0)
_SCALE = 10**12  # the largest scale kept: beyond it, Fractions (figures of many decimals, or thirds and sevenths …)


def _fraction(numerator: int, scale: int) -> Fraction | None:
    return None if numerator == NA else Fraction(numerator, scale)


class ScaledAreas(TupleView[Pair]):
    """(code, index) per area, as `PastAreas`: `codes` shared, the unit's figures as whole numbers over `scale`
    (`numerators[n] / scale`, `NA` for None), Fractions made as they are read. The numbers are the period's
    `column` from `at` on (one array for all its units, not one per unit: read at random, as a trend reads an
    earlier period in the later one's order, they are a few pages, not an object and a buffer scattered per unit)."""

    __slots__ = ("at", "codes", "column", "scale")

    def __init__(self, codes: tuple[str, ...], column: array[int], at: int, scale: int) -> None:
        self.codes = codes
        self.column = column
        self.at = at
        self.scale = scale

    @property
    def numerators(self) -> array[int]:
        return self.column[self.at : self.at + len(self.codes)]

    def __len__(self) -> int:
        return len(self.codes)

    def __iter__(self) -> Iterator[Pair]:
        return zip(self.codes, map(_fraction, self.numerators, repeat(self.scale)), strict=True)

    def __reversed__(self) -> Iterator[Pair]:
        return reversed(tuple(self))


class RankedScaled(TupleView[Triple]):
    """(code, index, rank) per area, of `ScaledAreas` (their column shared) and their ranks (the group's ranks,
    one array, from `rank_at` on; 0 for None)."""

    __slots__ = ("at", "codes", "column", "rank_at", "rank_column", "scale")

    def __init__(
        self, codes: tuple[str, ...], column: array[int], at: int, scale: int, rank_column: array[int], rank_at: int
    ) -> None:
        self.codes = codes
        self.column = column
        self.at = at
        self.scale = scale
        self.rank_column = rank_column
        self.rank_at = rank_at

    @property
    def numerators(self) -> array[int]:
        return self.column[self.at : self.at + len(self.codes)]

    @property
    def ranks(self) -> array[int]:
        return self.rank_column[self.rank_at : self.rank_at + len(self.codes)]

    def __len__(self) -> int:
        return len(self.codes)

    def __iter__(self) -> Iterator[Triple]:
        figures = map(_fraction, self.numerators, repeat(self.scale))
        return zip(self.codes, figures, (rank or None for rank in self.ranks), strict=True)


class Scaler:
    """A period's area figures as `ScaledAreas`, all over one scale: the least common multiple of their
    denominators, while it stays at most `_SCALE` and each figure fits in 63 bits (else, and for a figure not a
    Fraction, `PastAreas`), in one column. `done` brings the units packed before the scale grew to the last one."""

    def __init__(self) -> None:
        self.scale = 1
        self.column: array[int] = array("q")
        self.made: list[ScaledAreas] = []

    def pack(self, codes: tuple[str, ...], given: Sequence[tuple[str, str, Fraction | None]]) -> Areas:
        """A unit's areas, `given` as (code, title, index) each (an entry's), their `codes` shared."""
        figures = tuple(map(_index, given))
        try:  # the usual, in C: every figure a Fraction, its denominator dividing the scale
            denominators = list(map(_denominator, figures))
        except AttributeError:  # an area not applicable (None), or a figure not a Fraction
            return self._some_none(codes, figures)
        scale = self.scale
        if any(map(mod, repeat(scale), denominators)):
            scale = lcm(scale, *denominators)
            if scale > _SCALE:
                return PastAreas(codes, figures)
        try:
            numerators = array("q", map(mul, map(_numerator, figures), map(floordiv, repeat(scale), denominators)))
        except OverflowError:
            return PastAreas(codes, figures)
        if NA in numerators:  # a figure of NA itself (-2⁶³)
            return PastAreas(codes, figures)
        return self._made(codes, numerators, scale)

    def _some_none(self, codes: tuple[str, ...], figures: tuple[Fraction | None, ...]) -> Areas:
        if not all(figure is None or type(figure) is Fraction for figure in figures):  # a whole number: as given
            return PastAreas(codes, figures)
        try:
            scale = lcm(self.scale, *(1 if figure is None else figure.denominator for figure in figures))
            if scale > _SCALE:
                return PastAreas(codes, figures)
            whole = [NA if f is None else f.numerator * (scale // f.denominator) for f in figures]
            numerators = array("q", whole)
        except OverflowError:  # a figure too large
            return PastAreas(codes, figures)
        if whole.count(NA) != figures.count(None):  # a figure of NA itself (-2⁶³)
            return PastAreas(codes, figures)
        return self._made(codes, numerators, scale)

    def _made(self, codes: tuple[str, ...], numerators: array[int], scale: int) -> ScaledAreas:
        self.scale = scale
        areas = ScaledAreas(codes, self.column, len(self.column), scale)
        self.column += numerators
        self.made.append(areas)
        return areas

    def done(self) -> None:
        scale, column = self.scale, self.column
        for areas in self.made:
            if areas.scale != scale:  # figures packed before a larger denominator came
                times = scale // areas.scale
                at, end = areas.at, areas.at + len(areas.codes)
                try:
                    column[at:end] = array("q", [n if n == NA else n * times for n in column[at:end]])
                except OverflowError:  # left over its own scale: ranked and read as Fractions
                    continue
                areas.scale = scale
        self.made = []


Areas = Sequence[tuple[str, Fraction | None]]  # (code, index) of one unit
_code = itemgetter(0)
_figure = itemgetter(1)
_index = itemgetter(2)
_codes = attrgetter("codes")
_figures = attrgetter("figures")
_numerator = attrgetter("_numerator")  # a Fraction's terms as it holds them (no call into Python)
_denominator = attrgetter("_denominator")


Ranks = Callable[[Sequence[Fraction | None]], list[int | None]]  # `numbers.ranks_down` (passed in: no import)
Ranked = list[Sequence[Triple]]


def ranked_columns(areas: Sequence[Areas], ranks_down: Ranks) -> Ranked | None:
    """Each unit's areas with their ranks among the units' (code, index, rank by `ranks_down`), when every unit
    gives the same areas in the same order, each once (the usual); None otherwise. Read a column at a time in C, no
    pair made per unit and area (tens of thousands of units: each object made or read once more is memory the CPU
    waits for)."""
    packed = _scaled(areas)
    packed = _packed(areas, ranks_down) if packed is None else packed
    if packed is not None:
        return packed
    heads = tuple(map(_code, areas[0])) if areas else ()
    width = len(heads)
    if len(set(heads)) != width or not all(map(eq, map(len, areas), repeat(width))):
        return None
    columns = [list(map(itemgetter(n), areas)) for n in range(width)]  # (code, index) pairs, area by area
    if not all(all(map(eq, map(_code, column), repeat(code))) for column, code in zip(columns, heads, strict=True)):
        return None
    ranked = zip(*(ranks_down(list(map(_figure, column))) for column in columns), strict=True) if columns else None
    if ranked is None:
        return [()] * len(areas)
    return [tuple(zip(heads, map(_figure, own), at, strict=True)) for own, at in zip(areas, ranked, strict=True)]


def _packed(areas: Sequence[Areas], ranks_down: Ranks) -> Ranked | None:
    """The usual in a trend of rankings par made: every unit's areas packed (`PastAreas`) on one tuple of codes.
    Their ranks kept packed too (`RankedAreas`), the figures' tuple shared; None when they are not."""
    if not areas or not all(map(is_, map(type, areas), repeat(PastAreas))):
        return None
    packed = cast("Sequence[PastAreas]", areas)
    codes = packed[0].codes
    if len(set(codes)) != len(codes) or not all(map(is_, map(_codes, packed), repeat(codes))):
        return None
    if not codes:
        return [()] * len(packed)
    columns = [_ranked(column, ranks_down) for column in zip(*map(_figures, packed), strict=True)]
    figures = zip(*(figure for figure, _ in columns), strict=True)
    ranks = zip(*(rank for _, rank in columns), strict=True)
    return [RankedAreas(codes, own, at) for own, at in zip(figures, ranks, strict=True)]


def _scaled(areas: Sequence[Areas]) -> Ranked | None:
    """Every unit's areas `ScaledAreas` on one tuple of codes and one scale (`past_of`'s, the usual): each area
    ranked by its whole numbers, exact; None when they are not. The ranks in one array for the group, area by
    area read from the period's column in C where the units lie in it one after another (`past_of`'s, the usual)."""
    if not areas or not all(map(is_, map(type, areas), repeat(ScaledAreas))):
        return None
    scaled = cast("Sequence[ScaledAreas]", areas)
    codes, scale = scaled[0].codes, scaled[0].scale
    if len(set(codes)) != len(codes) or not all(map(is_, map(_codes, scaled), repeat(codes))):
        return None
    if not all(map(eq, map(_scale, scaled), repeat(scale))):
        return None
    width, count = len(codes), len(scaled)
    if not width:
        return [()] * count
    column, ats = scaled[0].column, list(map(_at, scaled))
    low = min(ats)
    end = low + count * width
    if all(map(is_, map(_column, scaled), repeat(column))) and sorted(ats) == list(range(low, end, width)):
        # the group's units one after another in the column, in any order: each area a strided slice, its ranks
        # laid out as the column is (a unit's at the same offset from the group's first)
        columns: list[Sequence[int]] = [column[low + n : end : width] for n in range(width)]
        places: Iterable[int] = (at - low for at in ats)
    else:  # units of several columns, or apart: in the rows' order
        columns = list(zip(*map(_numerators, scaled), strict=True))
        places = range(0, count * width, width)
    ranks = array("q", bytes(8 * count * width))
    for n, own in enumerate(columns):
        ranks[n::width] = array("q", _whole_ranks(own))
    return [
        RankedScaled(codes, unit.column, unit.at, scale, ranks, place)
        for unit, place in zip(scaled, places, strict=True)
    ]


def _whole_ranks(column: Sequence[int]) -> list[int]:
    """Each whole number's rank in its column, high to low (1 + those larger; `NA`: 0, not counted)."""
    counts = Counter(column)
    counts.pop(NA, None)
    place = {NA: 0}
    above = 0
    for key in sorted(counts, reverse=True):
        place[key] = above + 1
        above += counts[key]
    return list(map(place.__getitem__, column))


_scale = attrgetter("scale")
_numerators = attrgetter("numerators")
_column = attrgetter("column")
_at = attrgetter("at")
Column = Sequence[Fraction | None]


def _ranked(column: Column, ranks_down: Ranks) -> tuple[Column, Sequence[int | None]]:
    """An area's figures, each equal one the same object, and their ranks as `ranks_down` gives them, each figure
    read twice in a row instead of four times over (a national trend's area figures are hundreds of thousands of
    objects, scattered: each read waits for memory; a few thousand distinct values, read again in the output, stay
    at hand). Figures are told apart by their floats where that is exact (`numbers._floats_apart`: different
    figures, different floats; a smaller float, a smaller figure); otherwise, and for a None, `ranks_down`."""
    try:
        denominators = list(map(_denominator, column))
        floats = list(map(truediv, map(_numerator, column), denominators))
    except AttributeError:  # a None (not applicable), or a figure not a Fraction
        return column, ranks_down(column)
    largest = max(max(floats), -min(floats)) + 1  # `numbers._floats_apart` (this module imports none of par's)
    if not (largest < 2**50 and max(denominators) ** 2 * largest < 2**50):
        return column, ranks_down(column)
    same: dict[float, Fraction | None] = {}
    shared = list(map(same.setdefault, floats, column))  # one float, one figure
    counts = Counter(floats)
    place: dict[float, int] = {}
    above = 0
    for key in sorted(counts, reverse=True):
        place[key] = above + 1
        above += counts[key]
    return shared, list(map(place.__getitem__, floats))
