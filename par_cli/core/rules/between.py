"""`between`: piecewise-linear between two thresholds, as the OECD/SIGMA methodology writes its indicators:
0 below `low`, full points from `high`, and in between a straight line from 0 at `low` to max at `high`."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any

from pydantic_core import core_schema as cs

from par_cli.core.diagnostics import Diagnostic, DocPath, Msg, msg, problem
from par_cli.core.rules.base import PERCENT_INPUT, ZERO, Rule, field, number, read_percent


class BetweenRule(Rule):
    kind = "between"
    low: Decimal
    high: Decimal
    _fields = ("low", "high")
    takes_percent = True

    @classmethod
    def schema_fields(cls) -> dict[str, cs.TypedDictField]:
        return {"low": field(number(ge=0, lt=100)), "high": field(number(gt=0, le=100))}

    def read(self, raw: Any, max_points: Decimal) -> Any:
        return read_percent(raw)

    @functools.cached_property
    def _limits(self) -> tuple[Fraction, Fraction]:
        return Fraction(self.low), Fraction(self.high)

    def points(self, value: Any, max_points: Fraction) -> Fraction:
        low, high = self._limits
        if value <= low:
            return ZERO
        if value >= high:
            return max_points
        result: Fraction = max_points * (value - low) / (high - low)
        return result

    def check(self, code: str, max_points: Decimal, path: DocPath) -> Iterator[Diagnostic]:
        if self.low >= self.high:
            yield problem("C008", "low-not-below-high", (*path, "low"), code=code, low=self.low, high=self.high)

    def nudge(self, max_points: Fraction) -> Fraction:
        low, high = self._limits
        return max_points / (high - low) if high > low else max_points  # one percentage point more or less

    def describe(self) -> Msg:
        return msg("rule.between", low=self.low, high=self.high)

    def input_hint(self) -> Msg:
        return PERCENT_INPUT

    def action(self, value: Any, lost: Fraction, max_points: Fraction) -> Msg:
        return msg("action.reach-percent", percent=self.high)
