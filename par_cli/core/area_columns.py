"""A group's area figures ranked column by column: a national trend ranks every unit in every area of every period."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction
from itertools import repeat
from operator import eq, itemgetter

Areas = tuple[tuple[str, Fraction | None], ...]  # (code, index) of one unit
_code = itemgetter(0)
_figure = itemgetter(1)


Ranks = Callable[[Sequence[Fraction | None]], list[int | None]]  # `numbers.ranks_down` (passed in: no import)
Ranked = list[tuple[tuple[str, Fraction | None, int | None], ...]]


def ranked_columns(areas: Sequence[Areas], ranks_down: Ranks) -> Ranked | None:
    """Each unit's areas with their ranks among the units' (code, index, rank by `ranks_down`), when every unit
    gives the same areas in the same order, each once (the usual); None otherwise. Read a column at a time in C, no
    pair made per unit and area (tens of thousands of units: each object made or read once more is memory the CPU
    waits for)."""
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
