"""Figures in the records (JSON): exact decimals, rounded once."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from par_cli.core.numbers import round_half_up


def number(value: Fraction | None, places: int) -> int | Decimal | None:
    """A figure rounded half-up to `places`, as an exact decimal (trailing zeros dropped: 96.5, 90.41)."""
    if value is None:
        return None
    rounded = round_half_up(value, places)
    if rounded == rounded.to_integral_value():
        return int(rounded)
    return rounded.normalize()
