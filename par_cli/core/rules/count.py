"""`count`: `per` points for each item counted, up to max."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from functools import partial
from typing import Any

from par_cli.core.diagnostics import Msg, msg
from par_cli.core.rules.base import PerItem, read_count


class CountRule(PerItem):
    kind = "count"

    def read(self, raw: Any, max_points: Decimal) -> Any:
        return read_count(raw, partial(msg, "phrase.a-count"))

    def points(self, value: Any, max_points: Fraction) -> Fraction:
        per_n, per_d = self.per_ratio  # min(max, per × count), in integers: Fraction's operators cost more
        earned = per_n * int(value)
        if earned * max_points.denominator >= max_points.numerator * per_d:
            return max_points
        return Fraction(earned, per_d)

    def describe(self) -> Msg:
        return msg("rule.count", per=self.per)

    def input_hint(self) -> Msg:
        return msg("input.count")

    def action(self, value: Any, lost: Fraction, max_points: Fraction) -> Msg:
        return msg("action.count", more=math.ceil(lost / self.per_item), now=value)
