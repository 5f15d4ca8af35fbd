"""`points`: the input is the points themselves (optionally in steps)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from functools import partial
from typing import Any

from pydantic_core import core_schema as cs

from par_cli.core.diagnostics import Diagnostic, DocPath, Msg, msg, problem
from par_cli.core.rules.base import InputError, Rule, field, number, optional, read_number

UNSTEPPED = Fraction(1, 4)  # the smallest change of points given without a `step`: councils score in quarters


class PointsRule(Rule):
    kind = "points"
    step: Decimal | None = None
    _fields = ("step",)

    @classmethod
    def schema_fields(cls) -> dict[str, cs.TypedDictField]:
        return {"step": field(optional(number(gt=0)), None)}

    def read(self, raw: Any, max_points: Decimal) -> Any:
        value = read_number(raw, partial(msg, "phrase.points-between", max=max_points))
        if not 0 <= value <= max_points:
            raise InputError(msg("points-range", value=value, max=max_points))
        n, d = value.as_integer_ratio()
        if self.step is not None:  # a multiple of the step: (n / d) / (step_n / step_d) whole, in integers
            step_n, step_d = self.step.as_integer_ratio()
            if n * step_d % (d * step_n):
                raise InputError(msg("points-step", value=value, step=self.step))
        return Fraction(n, d)

    def points(self, value: Any, max_points: Fraction) -> Fraction:
        return value  # type: ignore[no-any-return]

    def nudge(self, max_points: Fraction) -> Fraction:
        return Fraction(self.step) if self.step is not None else UNSTEPPED

    def check(self, code: str, max_points: Decimal, path: DocPath) -> Iterator[Diagnostic]:
        if self.step is not None and Fraction(max_points) % Fraction(self.step) != 0:
            yield problem("C009", "max-not-multiple", (*path, "step"), code=code, max=max_points, step=self.step)

    def describe(self) -> Msg:
        return msg("rule.points") if self.step is None else msg("rule.points-step", step=self.step)

    def input_hint(self) -> Msg:
        return msg("input.points")

    def action(self, value: Any, lost: Fraction, max_points: Fraction) -> Msg:
        return msg("action.points", max=max_points)
