"""Figures in the records (JSON): exact decimals, rounded once; lists made as they are written."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any

from par_cli.core.numbers import round_half_up


def number(value: Fraction | None, places: int) -> int | Decimal | None:
    """A figure rounded half-up to `places`, as an exact decimal (trailing zeros dropped: 96.5, 90.41)."""
    if value is None:
        return None
    rounded = round_half_up(value, places)
    if rounded == rounded.to_integral_value():
        return int(rounded)
    return rounded.normalize()


class Streamed:
    """A list given as an iterable of its items, made and written one at a time. It may be the value of a
    dictionary that is itself written in pieces (one given to `chunks`, or an item of a `Streamed`). With
    `encoded`, each item is written as the text it gives (item, indent) — the text the JSON writer would lay out
    for the record the item stands for (a national trend's lines, written straight from the figures)."""

    __slots__ = ("encoded", "items")

    def __init__(self, items: Iterable[Any], encoded: Callable[[Any, str], str] | None = None) -> None:
        self.items = items
        self.encoded = encoded
