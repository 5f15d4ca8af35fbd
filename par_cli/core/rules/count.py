"""`count`: `per` points for each item counted, up to max."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from functools import partial
from typing import Any

from par_cli.core.diagnostics import msg
from par_cli.core.rules.base import Figure, PerItem, read_count


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

    def describe(self, lang: str, n: Figure) -> str:
        per = n(self.per)
        return f"mỗi kết quả {per} điểm, không quá điểm tối đa" if lang == "vi" else f"{per} per item, up to max"

    def input_hint(self, lang: str) -> str:
        return "số lượng" if lang == "vi" else "a count"

    def action(self, value: Any, lost: Fraction, max_points: Fraction, lang: str, n: Figure) -> str:
        more = math.ceil(lost / self.per_item)
        return f"thêm {more} (hiện có {n(value)})" if lang == "vi" else f"{more} more (now {n(value)})"
