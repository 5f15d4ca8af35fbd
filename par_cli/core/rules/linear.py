"""`linear`: points proportional to a percentage: max × min(x, full_at) / full_at, and 0 below zero_below."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any

from pydantic_core import core_schema as cs

from par_cli.core.diagnostics import Diagnostic, DocPath, Msg, msg, problem
from par_cli.core.rules.base import PERCENT_INPUT, ZERO, Rule, field, number, read_percent


class LinearRule(Rule):
    kind = "linear"
    full_at: Decimal = Decimal(100)
    zero_below: Decimal = Decimal(0)
    _fields = ("full_at", "zero_below")
    takes_percent = True

    @classmethod
    def schema_fields(cls) -> dict[str, cs.TypedDictField]:
        return {
            "full_at": field(number(gt=0, le=100), Decimal(100)),
            "zero_below": field(number(ge=0, le=100), Decimal(0)),
        }

    def read(self, raw: Any, max_points: Decimal) -> Any:
        return read_percent(raw)

    @functools.cached_property
    def _limits(self) -> tuple[int, int, int, int]:
        """`zero_below` and `full_at` as integer ratios (n, d, n, d): `points` compares in integers."""
        return (*self.zero_below.as_integer_ratio(), *self.full_at.as_integer_ratio())

    def points(self, value: Any, max_points: Fraction) -> Fraction:
        # value < zero_below → 0; value ≥ full_at → max; else max × value / full_at: exactly, in integers
        # (Fraction's operators were most of the cost of a leaf in a national ranking)
        n, d = value.numerator, value.denominator
        zero_n, zero_d, full_n, full_d = self._limits
        if n * zero_d < zero_n * d:
            return ZERO
        if n * full_d >= full_n * d:
            return max_points
        return Fraction(max_points.numerator * n * full_d, max_points.denominator * d * full_n)

    def check(self, code: str, max_points: Decimal, path: DocPath) -> Iterator[Diagnostic]:
        if self.zero_below > self.full_at:
            yield problem(
                "C008",
                "zero-below-above-full",
                (*path, "zero_below"),
                code=code,
                zero_below=self.zero_below,
                full_at=self.full_at,
            )

    def nudge(self, max_points: Fraction) -> Fraction:
        return max_points / Fraction(self.full_at) if self.full_at else max_points  # one percentage point more or less

    def describe(self) -> Msg:
        how = msg("rule.linear-rate") if self.full_at == 100 else msg("rule.linear-full-from", full=self.full_at)
        return msg("rule.linear-floor", how=how, floor=self.zero_below) if self.zero_below else how

    def input_hint(self) -> Msg:
        return PERCENT_INPUT

    def action(self, value: Any, lost: Fraction, max_points: Fraction) -> Msg:
        if isinstance(value, Fraction) and value < Fraction(self.zero_below):
            return msg("action.linear-floor", floor=self.zero_below, full=self.full_at)
        return msg("action.reach-percent", percent=self.full_at)
