"""The order of a ranking: high to low by exact index, ties by name in Vietnamese alphabetical order.

Worked out on the entries' positions, not on the entries: a national ranking's entries lie in memory in the order
they came (tens of thousands, each with its figures and names around it), so each is read in that order, once;
its rank order is then a list of positions, and rows made in the order the entries lie are put in it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from fractions import Fraction
from itertools import compress, groupby, repeat
from operator import gt
from typing import Protocol

from par_cli.core.vietnamese_order import name_key


class Ranked(Protocol):
    """What the order reads of an entry (`ranking.Entry`)."""

    @property
    def agency_id(self) -> str: ...
    @property
    def agency_name(self) -> str: ...
    @property
    def index(self) -> Fraction: ...


def rank_order(entries: Sequence[Ranked], dense: bool = False) -> tuple[list[int], list[int]]:
    """The entries' positions high to low by exact index, and the rank at each place: equal indices share a rank
    and the next is skipped (1, 2, 2, 4), or, `dense`, not skipped (1, 2, 2, 3). Ties are listed by agency name in
    Vietnamese alphabetical order (Đ after D, not after Z), then by id."""
    # By the index as a float (one sort, compared in C; a smaller float is never a larger index), then exactly
    # only where one float stands for several indices; equal indices found by their integers, not as Fractions.
    ratios = [entry.index.as_integer_ratio() for entry in entries]
    floats = [n / d for n, d in ratios]
    counts = Counter(floats)
    shared = compress(range(len(floats)), map(gt, map(counts.__getitem__, floats), repeat(1)))
    # the names' keys of the entries that may be tied (their float shared), read in the entries' order
    keys = {n: (name_key(entries[n].agency_name), entries[n].agency_id) for n in shared}
    order: list[int] = []
    ranks: list[int] = []
    for _, run in groupby(sorted(range(len(entries)), key=floats.__getitem__, reverse=True), floats.__getitem__):
        tied = list(run)
        blocks = [tied]
        if len(tied) > 1 and len(set(map(ratios.__getitem__, tied))) > 1:  # indices of one float: rare
            tied.sort(key=lambda n: entries[n].index, reverse=True)
            blocks = [list(block) for _, block in groupby(tied, ratios.__getitem__)]
        for block in blocks:
            if len(block) > 1:
                block.sort(key=keys.__getitem__)
            position = (ranks[-1] + 1 if ranks else 1) if dense else len(order) + 1
            order += block
            ranks += [position] * len(block)
    return order, ranks
