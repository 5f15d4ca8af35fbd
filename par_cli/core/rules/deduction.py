"""`deduction`: max minus `per` for each violation, not below 0."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from functools import partial
from typing import Any

from par_cli.core.diagnostics import Msg, msg
from par_cli.core.rules.base import ZERO, PerItem, read_count


class DeductionRule(PerItem):
    kind = "deduction"

    def read(self, raw: Any, max_points: Decimal) -> Any:
        return read_count(raw, partial(msg, "phrase.violations"))

    def points(self, value: Any, max_points: Fraction) -> Fraction:
        per_n, per_d = self.per_ratio  # max(0, max − per × count), in integers: Fraction's operators cost more
        left = max_points.numerator * per_d - per_n * int(value) * max_points.denominator
        return Fraction(left, max_points.denominator * per_d) if left > 0 else ZERO

    def describe(self) -> Msg:
        return msg("rule.deduction", per=self.per)

    def input_hint(self) -> Msg:
        return msg("input.deduction")

    def action(self, value: Any, lost: Fraction, max_points: Fraction) -> Msg:
        return msg("action.deduction", now=value)
