"""Scoring rules of leaf criteria: one frozen class per `kind`, each with two small pure functions.

The rules' shapes and bounds are validated by `core_schemas.py` before a rule object is built.

`read(raw, max)` turns the YAML input into the rule's typed input (or `NOT_APPLICABLE`), raising
`InputError` for anything outside the rule's domain — inputs are never clamped silently.
`points(value, max)` turns a typed input into exact points in [0, max] (a `Fraction`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any, ClassVar, Literal, NamedTuple

from par_cli.yamlsource import YamlNumber

HUNDRED = Fraction(100)
ZERO = Fraction(0)


def as_text(value: Any) -> Any:
    """Numbers written where text is expected (`code: 1.10`, `key: 1`) keep their source text."""
    if isinstance(value, YamlNumber):
        return value.source
    return value


def as_whole(value: Any) -> Any:
    """A YAML number that is a whole number (`2`) where an integer is expected."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value


class InputError(ValueError):
    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class _NotApplicable:
    def __repr__(self) -> str:
        return "NOT_APPLICABLE"


NOT_APPLICABLE: Any = _NotApplicable()


SHORT_PLACES = 4  # an exact value with a longer (or endless) decimal expansion is shown as ≈ this many places


def fmt(value: Decimal | Fraction | int) -> str:
    """A figure as written in a criteria file: `0.5`, `2`, `12.75`; `≈1.9077` for 1.907692307…"""
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        scaled = value * 10**SHORT_PLACES
        if scaled.denominator == 1:
            decimal = Decimal(value.numerator) / Decimal(value.denominator)
            return f"{decimal.normalize():f}"
        from par_cli.numbers import round_half_up

        return f"≈{round_half_up(value, SHORT_PLACES).normalize():f}"
    if isinstance(value, Decimal):
        text = f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:f}"
        return text
    return str(value)


def _is_number(raw: Any) -> bool:
    return isinstance(raw, Decimal) and not isinstance(raw, bool)


def _number(raw: Any, what: str) -> Decimal:
    if _is_number(raw):
        assert isinstance(raw, Decimal)
        return raw
    if isinstance(raw, str):
        raise InputError(f"expected {what}, got text '{raw}'", number_hint(raw))
    raise InputError(f"expected {what}, got {_kind_of(raw)}")


def number_hint(text: str) -> str:
    """Why a text is not a number, when it nearly is one: `95%`, `0,5`, `"3"`."""
    stripped = text.strip()
    if stripped.endswith("%") and _is_decimal_text(stripped[:-1]):
        return f"write the number without %: {stripped[:-1].strip()}"
    if "," in stripped and _is_decimal_text(stripped.replace(",", ".")):
        return f"use a dot as decimal separator: {stripped.replace(',', '.')}"
    if _is_decimal_text(stripped):
        return "remove the quotes"
    return ""


def _is_decimal_text(text: str) -> bool:
    try:
        Decimal(text.strip())
    except ArithmeticError:
        return False
    return True


def _kind_of(raw: Any) -> str:
    if isinstance(raw, bool):
        return f"{str(raw).lower()} (a yes/no value)"
    if isinstance(raw, dict):
        return "a mapping"
    if isinstance(raw, list):
        return "a list"
    if raw is None:
        return "nothing"
    if isinstance(raw, Decimal):
        return f"the number {fmt(raw)}"
    return f"'{raw}'"


def _count(raw: Any, what: str = "a count") -> Decimal:
    value = _number(raw, what)
    if value < 0:
        raise InputError(f"{what} cannot be negative, got {fmt(value)}")
    if value != value.to_integral_value():
        raise InputError(f"{what} must be a whole number, got {fmt(value)}")
    return value


def read_percent(raw: Any) -> Any:
    """A percentage 0–100, or `{done: n, total: m}` (total 0 → not applicable): returns a Fraction."""
    if isinstance(raw, dict):
        unknown = sorted(set(raw) - {"done", "total"})
        if unknown or "done" not in raw or "total" not in raw:
            raise InputError(
                "expected a percentage or {done: n, total: m}",
                f"unexpected field '{unknown[0]}'" if unknown else "give both done and total",
            )
        done = _number(raw["done"], "a number for done")
        total = _number(raw["total"], "a number for total")
        if done < 0 or total < 0:
            raise InputError(f"done and total cannot be negative (done {fmt(done)}, total {fmt(total)})")
        if done > total:
            raise InputError(f"done ({fmt(done)}) is greater than total ({fmt(total)})")
        if total == 0:
            return NOT_APPLICABLE
        done_n, done_d = done.as_integer_ratio()
        total_n, total_d = total.as_integer_ratio()
        return Fraction(done_n * 100 * total_d, done_d * total_n)
    value = _number(raw, "a percentage (0–100) or {done: n, total: m}")
    if not 0 <= value <= 100:
        raise InputError(f"percentage {fmt(value)} is outside 0–100")
    return Fraction(value)


class _Rule:
    """Base of the rule kinds: built by keyword, immutable, equal when of one kind with equal fields.

    (Plain classes rather than dataclasses: eleven dataclasses cost ~4 ms of start-up on every run.)
    """

    kind: str
    _fields: ClassVar[tuple[str, ...]] = ()

    def __init__(self, **values: Any) -> None:
        values.pop("kind", None)  # the class is the kind
        for name in self._fields:
            if name in values:
                value = values.pop(name)
            elif hasattr(type(self), name):
                value = getattr(type(self), name)  # the default, a class attribute
            else:
                raise TypeError(f"{type(self).__name__} needs '{name}'")
            object.__setattr__(self, name, value)
        if values:
            raise TypeError(f"{type(self).__name__} has no field {sorted(values)[0]!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and all(getattr(self, n) == getattr(other, n) for n in self._fields)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({fields})"


class PointsRule(_Rule):
    """The input is the points themselves."""

    kind: Literal["points"] = "points"
    step: Decimal | None = None
    _fields = ("step",)

    def read(self, raw: Any, max_points: Decimal) -> Any:
        value = _number(raw, f"points between 0 and {fmt(max_points)}")
        if not 0 <= value <= max_points:
            raise InputError(f"{fmt(value)} points is outside 0–{fmt(max_points)}")
        if self.step is not None and value % self.step != 0:
            raise InputError(f"{fmt(value)} points is not a multiple of the step {fmt(self.step)}")
        return Fraction(value)

    def points(self, value: Any, max_points: Fraction) -> Fraction:
        return value  # type: ignore[no-any-return]

    def top(self, max_points: Decimal) -> Decimal:
        return max_points


class CheckRule(_Rule):
    """Yes/no: full points or none."""

    kind: Literal["check"] = "check"

    def read(self, raw: Any, max_points: Decimal) -> Any:
        if isinstance(raw, bool):
            return raw
        hint = ""
        if isinstance(raw, str):
            hint = "remove the quotes" if raw.lower() in ("true", "false") else "write true or false"
        elif _is_number(raw) and raw in (0, 1):
            hint = f"write {'true' if raw == 1 else 'false'}"
        raise InputError(f"expected true or false, got {_kind_of(raw)}", hint)

    def points(self, value: Any, max_points: Fraction) -> Fraction:
        return max_points if value else ZERO

    def top(self, max_points: Decimal) -> Decimal:
        return max_points


def award(points: Decimal | None, percent: Decimal | None, max_points: Fraction) -> Fraction:
    if points is not None:
        return Fraction(points)
    assert percent is not None
    return max_points * Fraction(percent) / HUNDRED


def award_value(points: Decimal | None, percent: Decimal | None, max_points: Decimal) -> Decimal:
    return points if points is not None else max_points * (percent or Decimal(0)) / 100


class Level(NamedTuple):
    key: str
    label: str | None = None
    points: Decimal | None = None  # exactly one of points or percent
    percent: Decimal | None = None


class LevelsRule(_Rule):
    """The input names a level; each level gives points or a percentage of max."""

    levels: tuple[Level, ...]
    kind: Literal["levels"] = "levels"
    _fields = ("levels",)

    @functools.cached_property
    def _keys(self) -> frozenset[str]:
        return frozenset(level.key for level in self.levels)

    @functools.cached_property
    def _awards(self) -> dict[Fraction, dict[str, Fraction]]:
        return {}  # max → level key → points; a rule belongs to one leaf, so this holds one entry

    def read(self, raw: Any, max_points: Decimal) -> Any:
        key = as_text(raw)
        if not isinstance(key, str) or key not in self._keys:
            hint = "write the key, not true/false" if isinstance(raw, bool) else ""
            keys = ", ".join(level.key for level in self.levels)
            raise InputError(f"unknown level {_kind_of(key)}; expected one of: {keys}", hint)
        return key

    def points(self, value: Any, max_points: Fraction) -> Fraction:
        awards = self._awards.get(max_points)
        if awards is None:
            awards = {lv.key: award(lv.points, lv.percent, max_points) for lv in reversed(self.levels)}
            self._awards[max_points] = awards
        return awards[value]

    def top(self, max_points: Decimal) -> Decimal:
        return max(award_value(lv.points, lv.percent, max_points) for lv in self.levels)


class Tier(NamedTuple):
    min: Decimal | None = None  # exactly one of min (≥) or above (>)
    above: Decimal | None = None
    points: Decimal | None = None  # exactly one of points or percent
    percent: Decimal | None = None

    @property
    def bound(self) -> Decimal:
        return self.min if self.min is not None else self.above  # type: ignore[return-value]

    def covers(self, other: Tier) -> bool:
        """Every input meeting `other` meets this tier too (so `other`, listed after, is unreachable)."""
        if other.bound != self.bound:
            return other.bound > self.bound
        return self.min is not None or other.above is not None


class TiersRule(_Rule):
    """The first tier, in order, whose bound holds gives the points; none → 0."""

    tiers: tuple[Tier, ...]
    input: Literal["percent", "number"] = "percent"
    kind: Literal["tiers"] = "tiers"
    _fields = ("tiers", "input")

    def read(self, raw: Any, max_points: Decimal) -> Any:
        if self.input == "number":
            value = _number(raw, "a number")
            if value < 0:
                raise InputError(f"a count cannot be negative, got {fmt(value)}")
            return Fraction(value)
        return read_percent(raw)

    @functools.cached_property
    def _awards(self) -> dict[Fraction, list[Fraction]]:
        return {}  # max → points of each tier

    def points(self, value: Any, max_points: Fraction) -> Fraction:
        awards = self._awards.get(max_points)
        if awards is None:
            awards = [award(tier.points, tier.percent, max_points) for tier in self.tiers]
            self._awards[max_points] = awards
        for (inclusive, threshold), tier_points in zip(self._bounds, awards, strict=True):
            if value > threshold or (inclusive and value == threshold):
                return tier_points
        return ZERO

    @functools.cached_property
    def _bounds(self) -> list[tuple[bool, Fraction]]:
        """(min? , bound) of each tier, as exact fractions computed once."""
        return [(tier.min is not None, Fraction(tier.bound)) for tier in self.tiers]

    def top(self, max_points: Decimal) -> Decimal:
        return max(award_value(t.points, t.percent, max_points) for t in self.tiers)


class LinearRule(_Rule):
    """Points proportional to a percentage: max × min(x, full_at) / full_at, 0 below zero_below."""

    full_at: Decimal = Decimal(100)
    zero_below: Decimal = Decimal(0)
    kind: Literal["linear"] = "linear"
    _fields = ("full_at", "zero_below")

    def read(self, raw: Any, max_points: Decimal) -> Any:
        return read_percent(raw)

    @functools.cached_property
    def _limits(self) -> tuple[Fraction, Fraction]:
        return Fraction(self.zero_below), Fraction(self.full_at)

    def points(self, value: Any, max_points: Fraction) -> Fraction:
        zero_below, full_at = self._limits
        if value < zero_below:
            return ZERO
        if value >= full_at:
            return max_points
        result: Fraction = max_points * value / full_at
        return result

    def top(self, max_points: Decimal) -> Decimal:
        return max_points


class _PerItem(_Rule):
    """A rule counting items, each worth `per` points."""

    per: Decimal
    _fields = ("per",)

    @functools.cached_property
    def _per(self) -> Fraction:
        return Fraction(self.per)


class DeductionRule(_PerItem):
    """Max minus `per` for each violation, not below 0."""

    kind: Literal["deduction"] = "deduction"

    def read(self, raw: Any, max_points: Decimal) -> Any:
        return _count(raw, "a count of violations")

    def points(self, value: Any, max_points: Fraction) -> Fraction:
        return max(ZERO, max_points - self._per * int(value))

    def top(self, max_points: Decimal) -> Decimal:
        return max_points


class CountRule(_PerItem):
    """`per` points for each item counted, up to max."""

    kind: Literal["count"] = "count"

    def read(self, raw: Any, max_points: Decimal) -> Any:
        return _count(raw)

    def points(self, value: Any, max_points: Fraction) -> Fraction:
        return min(max_points, self._per * int(value))

    def top(self, max_points: Decimal) -> Decimal:
        return max_points


DEFAULT_SCALE = {"A": Decimal(100), "B": Decimal(60), "C": Decimal(20), "D": Decimal(0)}


class LikertRule(_Rule):
    """Survey answer counts: max × Σ(count × scale%) / Σcount / 100; answers outside the scale not counted."""

    scale: Mapping[str, Decimal] = MappingProxyType(DEFAULT_SCALE)
    kind: Literal["likert"] = "likert"
    _fields = ("scale",)

    def read(self, raw: Any, max_points: Decimal) -> Any:
        if not isinstance(raw, dict):
            raise InputError(f"expected answer counts such as {{A: 12, B: 3}}, got {_kind_of(raw)}")
        counts = {str(answer): _number(count, f"a count for answer {answer}") for answer, count in raw.items()}
        negative = [answer for answer, count in counts.items() if count < 0]
        if negative:
            raise InputError(f"the count for answer {negative[0]} is negative")
        counted = {answer: count for answer, count in counts.items() if answer in self.scale}
        if sum(counted.values(), Decimal(0)) == 0:
            return NOT_APPLICABLE
        return counted

    def points(self, value: Any, max_points: Fraction) -> Fraction:
        total = sum((Fraction(count) for count in value.values()), Fraction(0))
        weighted = sum((Fraction(count) * Fraction(self.scale[a]) for a, count in value.items()), Fraction(0))
        result: Fraction = max_points * weighted / total / HUNDRED
        return result

    def top(self, max_points: Decimal) -> Decimal:
        return max_points * max(self.scale.values()) / 100


Rule = PointsRule | CheckRule | LevelsRule | TiersRule | LinearRule | DeductionRule | CountRule | LikertRule
RULE_CLASSES: dict[str, type[Any]] = {
    "points": PointsRule,
    "check": CheckRule,
    "levels": LevelsRule,
    "tiers": TiersRule,
    "linear": LinearRule,
    "deduction": DeductionRule,
    "count": CountRule,
    "likert": LikertRule,
}


@functools.cache
def default_rule() -> PointsRule:
    """`{kind: points}`, the rule of a leaf without one (built on first use, not at import)."""
    return PointsRule()
