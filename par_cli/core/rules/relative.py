"""`relative`: points relative to the best agency of the ranking group ("đơn vị dẫn đầu đạt điểm tối đa, các đơn
vị khác tính tỷ lệ"). The input is the agency's measured value (a number ≥ 0); with `better: higher` the points
are max × value / best, with `better: lower` (a processing time, a count of late files) max × best / value.

The best value is only known with the group: `core.scoring` is given it by a ranking (`leaders`). Scored alone
(`par score` of one file), an agency is its own leader, and the score says so in a warning."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from functools import partial
from typing import Any, Literal

from pydantic_core import core_schema as cs

from par_cli.core.diagnostics import Msg, msg
from par_cli.core.rules.base import ZERO, InputError, Rule, field, read_number


class RelativeRule(Rule):
    kind = "relative"
    better: Literal["higher", "lower"] = "higher"
    _fields = ("better",)

    @classmethod
    def schema_fields(cls) -> dict[str, cs.TypedDictField]:
        return {"better": field(cs.literal_schema(["higher", "lower"]), "higher")}

    def read(self, raw: Any, max_points: Decimal) -> Any:
        value = read_number(raw, partial(msg, "phrase.a-measured-value"))
        if value < 0:
            raise InputError(msg("relative-negative", value=value))
        return Fraction(value)

    def best(self, values: list[Fraction]) -> Fraction:
        """The leader's value among the group's."""
        return max(values) if self.better == "higher" else min(values)

    def against(self, value: Fraction, best: Fraction, max_points: Fraction) -> Fraction:
        """The points of `value` when the group's leader has `best` (which it cannot beat: capped at max)."""
        if self.better == "higher":
            if best <= 0:
                return ZERO  # nobody has any: no leader to give full points to
            return min(max_points, max_points * value / best)
        if value <= best:
            return max_points
        result: Fraction = max_points * best / value
        return result

    def points(self, value: Any, max_points: Fraction) -> Fraction:
        """Scored alone, the agency is its own leader."""
        return self.against(value, value, max_points)

    def one_step(self, points: Fraction, max_points: Fraction) -> tuple[Fraction, Fraction]:
        """The points move with the other agencies' values, not with one appraiser's judgement: no step."""
        return points, points

    def describe(self) -> Msg:
        return msg("rule.relative-higher" if self.better == "higher" else "rule.relative-lower")

    def input_hint(self) -> Msg:
        return msg("input.relative")

    def action(self, value: Any, lost: Fraction, max_points: Fraction) -> Msg:
        return msg("action.relative")
