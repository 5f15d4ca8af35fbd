"""`tiers`: the first tier, in order, whose bound holds gives the points; none → 0."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from functools import partial
from typing import Any, Literal

from pydantic_core import core_schema as cs

from par_cli.core.diagnostics import Diagnostic, DocPath, Msg, msg, problem
from par_cli.core.named_tuple import NamedTuple
from par_cli.core.rules.base import (
    PERCENT_INPUT,
    ZERO,
    InputError,
    Rule,
    award,
    award_fields,
    award_value,
    award_words,
    field,
    number,
    one_of,
    optional,
    read_number,
    read_percent,
    record,
)


class Tier(NamedTuple):
    min: Decimal | None = None  # exactly one of min (≥) or above (>)
    above: Decimal | None = None
    points: Decimal | None = None  # exactly one of points or percent
    percent: Decimal | None = None

    @property
    def bound(self) -> Decimal:
        return self.min if self.min is not None else self.above  # type: ignore[return-value]

    @property
    def bound_field(self) -> str:
        return "min" if self.min is not None else "above"

    def covers(self, other: Tier) -> bool:
        """Every input meeting `other` meets this tier too (so `other`, listed after, is unreachable)."""
        if other.bound != self.bound:
            return other.bound > self.bound
        return self.min is not None or other.above is not None


def _tier(values: dict[str, Any]) -> Tier:
    one_of(values, "min", "above")
    one_of(values, "points", "percent")
    return Tier(**values)


class TiersRule(Rule):
    kind = "tiers"
    tiers: tuple[Tier, ...]
    input: Literal["percent", "number"] = "percent"
    _fields = ("tiers", "input")

    @property
    def takes_percent(self) -> bool:  # type: ignore[override]
        return self.input == "percent"

    @classmethod
    def schema_fields(cls) -> dict[str, cs.TypedDictField]:
        bounds = {"min": field(optional(number()), None), "above": field(optional(number()), None)}
        tier = record({**bounds, **award_fields()}, _tier)
        return {
            "tiers": field(cs.list_schema(tier, min_length=1, strict=True)),
            "input": field(cs.literal_schema(["percent", "number"]), "percent"),
        }

    @classmethod
    def build(cls, values: dict[str, Any]) -> Rule:
        return cls(tiers=tuple(values["tiers"]), input=values["input"])

    def read(self, raw: Any, max_points: Decimal) -> Any:
        if self.input == "number":
            value = read_number(raw, partial(msg, "phrase.a-number"))
            if value < 0:
                raise InputError(msg("negative", what=msg("phrase.a-count"), value=value))
            return Fraction(value)
        return read_percent(raw)

    @functools.cached_property
    def _awards(self) -> dict[tuple[int, int], list[Fraction]]:
        return {}  # max (as an integer ratio: a Fraction's hash costs more) → points of each tier

    @functools.cached_property
    def _bounds(self) -> list[tuple[bool, int, int]]:
        """(min?, bound as an integer ratio n, d) of each tier: `points` compares in integers."""
        return [(tier.min is not None, *tier.bound.as_integer_ratio()) for tier in self.tiers]

    def points(self, value: Any, max_points: Fraction) -> Fraction:
        awards = self._awards.get((max_points.numerator, max_points.denominator))
        if awards is None:
            awards = [award(tier.points, tier.percent, max_points) for tier in self.tiers]
            self._awards[max_points.numerator, max_points.denominator] = awards
        n, d = value.numerator, value.denominator  # value > bound, or ≥ for a `min`: n/d against each bound
        for (inclusive, bound_n, bound_d), tier_points in zip(self._bounds, awards, strict=True):
            left, right = n * bound_d, bound_n * d
            if left > right or (inclusive and left == right):
                return tier_points
        return ZERO

    def top(self, max_points: Decimal) -> Fraction:
        return max(award_value(t.points, t.percent, max_points) for t in self.tiers)

    def outcomes(self, max_points: Fraction) -> tuple[Fraction, ...]:
        found = self._outcomes.get(max_points)
        if found is None:
            awards = (award(t.points, t.percent, max_points) for t in self.tiers)
            found = self._outcomes[max_points] = tuple(sorted({ZERO, *awards}))
        return found

    @functools.cached_property
    def _outcomes(self) -> dict[Fraction, tuple[Fraction, ...]]:
        return {}  # max → the distinct points of the tiers and 0, low to high

    def check(self, code: str, max_points: Decimal, path: DocPath) -> Iterator[Diagnostic]:
        awards = [award_value(t.points, t.percent, max_points) for t in self.tiers]
        for i, tier in enumerate(self.tiers):
            here = (*path, "tiers", i)
            if tier.points is not None and tier.points > max_points:
                what = msg("phrase.tier", n=i + 1)
                yield problem(
                    "C005",
                    "award-above-max",
                    (*here, "points"),
                    code=code,
                    what=what,
                    points=tier.points,
                    max=max_points,
                )
            if self.input == "percent" and not 0 <= tier.bound <= 100:
                hint = msg("hint.tiers-percent")
                yield problem(
                    "C007", "tier-bound-range", (*here, tier.bound_field), hint, code=code, n=i + 1, bound=tier.bound
                )
            for j, earlier in enumerate(self.tiers[:i]):
                if earlier.covers(tier):
                    yield problem(
                        "C006",
                        "tier-unreachable",
                        (*here, tier.bound_field),
                        msg("hint.tiers-order"),
                        code=code,
                        n=i + 1,
                        field=tier.bound_field,
                        bound=tier.bound,
                        m=j + 1,
                        other_field=earlier.bound_field,
                        other=earlier.bound,
                    )
                    break
            if i and awards[i] > awards[i - 1]:
                yield problem(
                    "C015", "tier-rewards-less", here, code=code, n=i + 1, points=awards[i], m=i, other=awards[i - 1]
                )

    def describe(self) -> Msg:
        unit = "%" if self.input == "percent" else ""
        parts = tuple(
            msg(
                "rule.tier-from" if tier.min is not None else "rule.tier-above",
                bound=tier.bound,
                unit=unit,
                award=award_words(tier.points, tier.percent),
            )
            for tier in self.tiers
        )
        return msg("rule.tiers", tiers=parts)

    def input_hint(self) -> Msg:
        return msg("input.number") if self.input == "number" else PERCENT_INPUT

    def action(self, value: Any, lost: Fraction, max_points: Fraction) -> Msg:
        top = self.tiers[0]
        unit = " %" if self.input == "percent" else ""
        return msg("action.tier-from" if top.min is not None else "action.tier-above", bound=top.bound, unit=unit)
