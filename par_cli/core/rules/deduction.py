"""`deduction`: max minus `per` for each violation, not below 0."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from functools import partial
from typing import Any, ClassVar

from par_cli.core.diagnostics import msg
from par_cli.core.rules.base import ZERO, Figure, PerItem, Words, read_count


class DeductionRule(PerItem):
    kind = "deduction"
    MESSAGES: ClassVar[Words] = {"phrase.violations": ("a count of violations", "số vi phạm")}

    def read(self, raw: Any, max_points: Decimal) -> Any:
        return read_count(raw, partial(msg, "phrase.violations"))

    def points(self, value: Any, max_points: Fraction) -> Fraction:
        per_n, per_d = self.per_ratio  # max(0, max − per × count), in integers: Fraction's operators cost more
        left = max_points.numerator * per_d - per_n * int(value) * max_points.denominator
        return Fraction(left, max_points.denominator * per_d) if left > 0 else ZERO

    def describe(self, lang: str, n: Figure) -> str:
        per = n(self.per)
        return (
            f"mỗi vi phạm trừ {per} điểm, không dưới 0" if lang == "vi" else f"max − {per} per violation, not below 0"
        )

    def input_hint(self, lang: str) -> str:
        return "số vi phạm" if lang == "vi" else "the number of violations"

    def action(self, value: Any, lost: Fraction, max_points: Fraction, lang: str, n: Figure) -> str:
        return f"không có vi phạm (hiện có {n(value)})" if lang == "vi" else f"no violations (now {n(value)})"
