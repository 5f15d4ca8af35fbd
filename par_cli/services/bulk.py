"""Bulk work in one process: the cyclic garbage collector paused while many short-lived objects are made.

A table of tens of thousands of rows makes millions of small objects (cells, figures, places); each pass of the
collector over the objects alive then finds next to nothing to free (they hold no cycles) and the passes grow
with the heap: `par import` spent 41 % of its time there, `survey tally` as much. What lived before is frozen
(never looked at again), the collector is off for the bulk phase and back on after it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import Any

from par_cli.io.collector import bulk

TableRow = tuple[int, list[Any], list[bool]]  # (row number, values, percent-formatted?), as `readers.tables`
_LET_GO: TableRow = (0, [], [])


def collector_paused() -> AbstractContextManager[None]:
    """The cyclic collector off (what lives already frozen) for the block; as it was after it."""
    return bulk(freeze=True)


def released(rows: list[TableRow] | Iterator[TableRow]) -> Iterator[TableRow]:
    """A table's rows in order, each let go once read (what is made of it is what is kept; rows made as they
    are read are never held), the collector paused meanwhile (`collector_paused`)."""
    with collector_paused():
        if not isinstance(rows, list):
            yield from rows
            return
        for k in range(len(rows)):
            yield rows[k]
            rows[k] = _LET_GO
