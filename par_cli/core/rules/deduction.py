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
        return max(ZERO, max_points - self.per_item * int(value))

    def describe(self, lang: str, n: Figure) -> str:
        per = n(self.per)
        return (
            f"mỗi vi phạm trừ {per} điểm, không dưới 0" if lang == "vi" else f"max − {per} per violation, not below 0"
        )

    def input_hint(self, lang: str) -> str:
        return "số vi phạm" if lang == "vi" else "the number of violations"

    def action(self, value: Any, lost: Fraction, max_points: Fraction, lang: str, n: Figure) -> str:
        return f"không có vi phạm (hiện có {n(value)})" if lang == "vi" else f"no violations (now {n(value)})"
