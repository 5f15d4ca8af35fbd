"""What every rule kind shares: the base class, the input helpers, and their messages.

A rule kind is one module under `core/rules/` with one class: its schema fields, `read` (the file's input →
a typed input, or `InputError` for anything outside the rule's domain: inputs are never clamped silently),
`points` (typed input → exact points in [0, max]), `top`, its parameter checks, and what it says (`describe`,
`input_hint`, `action`, its problems) as message ids with values: the words are in the language files
(`par_cli/words/languages/*.toml`).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any, ClassVar

from pydantic_core import CoreSchema
from pydantic_core import core_schema as cs

from par_cli.core.diagnostics import Diagnostic, DocPath, Msg, msg
from par_cli.core.numbers import TextNumber

HUNDRED = Fraction(100)
ZERO = Fraction(0)


class InputError(ValueError):
    """An input outside a rule's domain: the message and hint as data, worded by the catalogue."""

    def __init__(self, message: Msg, hint: Msg | None = None) -> None:
        super().__init__(message.id)
        self.message = message
        self.hint = hint


class _NotApplicable:
    def __repr__(self) -> str:
        return "NOT_APPLICABLE"


NOT_APPLICABLE: Any = _NotApplicable()


def as_text(value: Any) -> Any:
    """Numbers written where text is expected (`code: 1.10`, `key: 1`) keep their source text."""
    if isinstance(value, TextNumber):
        return value.source
    return value


def as_whole(value: Any) -> Any:
    """A number that is a whole number (`2`) where an integer is expected."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value


# Schema pieces (pydantic-core) the kinds declare their fields with.
def text(**constraints: Any) -> CoreSchema:
    """Text; a number written where text is expected (`code: 1.10`) keeps its source text."""
    return cs.no_info_before_validator_function(
        as_text,
        cs.str_schema(strict=True, **constraints),
        metadata={"pydantic_js_updates": {"type": ["string", "number"]}},
    )


def number(**bounds: Any) -> CoreSchema:
    return cs.decimal_schema(allow_inf_nan=False, strict=True, **bounds)


_MISSING: Any = object()


def field(schema: CoreSchema, default: Any = _MISSING, factory: Callable[[], Any] | None = None) -> cs.TypedDictField:
    if factory is not None:
        return cs.typed_dict_field(cs.with_default_schema(schema, default_factory=factory), required=False)
    if default is not _MISSING:
        return cs.typed_dict_field(cs.with_default_schema(schema, default=default), required=False)
    return cs.typed_dict_field(schema)


def optional(schema: CoreSchema) -> CoreSchema:
    return cs.nullable_schema(schema)


def record(fields: dict[str, cs.TypedDictField], build: Callable[[dict[str, Any]], Any], **extra: Any) -> CoreSchema:
    """A mapping with exactly these fields, turned into a value by `build` once valid."""
    return cs.no_info_after_validator_function(
        build, cs.typed_dict_schema(fields, extra_behavior="forbid", strict=True), **extra
    )


def one_of(values: dict[str, Any], *names: str) -> None:
    if sum(values[name] is not None for name in names) != 1:
        raise InputError(msg("exactly-one", names=" or ".join(repr(name) for name in names)))


def award_fields() -> dict[str, cs.TypedDictField]:
    """A level's or tier's reward: `points`, or `percent` of the leaf's max."""
    return {"points": field(optional(number(ge=0)), None), "percent": field(optional(number(ge=0, le=100)), None)}


# Reading inputs.
def is_number(raw: Any) -> bool:
    return isinstance(raw, Decimal) and not isinstance(raw, bool)


def found(raw: Any) -> Msg:
    """What a value is, for "expected …, got …"."""
    if isinstance(raw, bool):
        return msg("phrase.yes-no", value=str(raw).lower())
    if isinstance(raw, dict):
        return msg("phrase.mapping")
    if isinstance(raw, list):
        return msg("phrase.list")
    if raw is None:
        return msg("phrase.nothing")
    if isinstance(raw, Decimal):
        return msg("phrase.the-number", value=raw)
    return msg("phrase.quoted", text=str(raw))


What = Msg | Callable[[], Msg]  # what was expected, for the error: built only when there is one


def _what(what: What) -> Msg:
    return what if isinstance(what, Msg) else what()


def read_number(raw: Any, what: What) -> Decimal:
    if raw.__class__ is not bool and isinstance(raw, Decimal):  # the common case: a number
        return raw
    what = _what(what)
    if isinstance(raw, str):
        raise InputError(msg("expected", what=what, found=msg("phrase.text", text=raw)), number_hint(raw))
    raise InputError(msg("expected", what=what, found=found(raw)))


def number_hint(text: str) -> Msg | None:
    """Why a text is not a number, when it nearly is one: `95%`, `0,5`, `"3"` (quoted), `２０` or `2_0`."""
    stripped = text.strip()
    if stripped.endswith("%") and _number(stripped[:-1].strip()):
        return msg("hint.no-percent-sign", number=stripped[:-1].strip())
    if "," in stripped and _number(stripped.replace(",", ".")):
        return msg("hint.decimal-dot", number=stripped.replace(",", "."))
    if _number(stripped):
        return msg("hint.unquote")  # a number only a quote can have made text
    if _almost_number(stripped):
        return msg("hint.ascii-digits")
    return None


_NUMBER_TEXT = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\Z"


def _number(text: str) -> bool:
    """A number as YAML writes it (compiled on the first hint, `re`'s cache: not at start-up)."""
    return re.match(_NUMBER_TEXT, text, re.ASCII) is not None


def _almost_number(text: str) -> bool:
    """A number Python would read but YAML does not: other digits (２０, ٢) or underscores (2_0)."""
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


def read_count(raw: Any, what: What) -> Decimal:
    value = read_number(raw, what)
    if value < 0:
        raise InputError(msg("negative", what=_what(what), value=value))
    if value != value.to_integral_value():
        raise InputError(msg("not-whole", what=_what(what), value=value))
    return value


_DONE, _TOTAL, _PERCENT = (
    functools.partial(msg, name) for name in ("phrase.done", "phrase.total", "phrase.percent-or-done")
)


def read_percent(raw: Any) -> Any:
    """A percentage 0–100, or `{done: n, total: m}` (total 0 → not applicable): returns a Fraction."""
    if isinstance(raw, dict):
        if len(raw) != 2 or "done" not in raw or "total" not in raw:
            unknown = sorted(set(raw) - {"done", "total"})
            hint = msg("hint.unexpected-field", field=unknown[0]) if unknown else msg("hint.done-and-total")
            raise InputError(msg("percent-or-done-total"), hint)
        done = read_number(raw["done"], _DONE)
        total = read_number(raw["total"], _TOTAL)
        if done < 0 or total < 0:
            raise InputError(msg("done-total-negative", done=done, total=total))
        if total == 0 and done != 0:  # the total is what is wrong (45/0), not that done exceeds it
            raise InputError(msg("done-total-zero", done=done), msg("hint.nonzero-total"))
        if done > total:
            raise InputError(msg("done-above-total", done=done, total=total))
        if total == 0:
            return NOT_APPLICABLE
        done_n, done_d = done.as_integer_ratio()
        total_n, total_d = total.as_integer_ratio()
        return Fraction(done_n * 100 * total_d, done_d * total_n)
    value = read_number(raw, _PERCENT)
    if not 0 <= value <= 100:
        raise InputError(msg("percent-range", value=value))
    return Fraction(value)


def award(points: Decimal | None, percent: Decimal | None, max_points: Fraction) -> Fraction:
    if points is not None:
        return Fraction(points)
    assert percent is not None
    return max_points * Fraction(percent) / HUNDRED


def award_value(points: Decimal | None, percent: Decimal | None, max_points: Decimal) -> Fraction:
    """What a level or tier gives, exactly."""
    return award(points, percent, Fraction(max_points))


def award_words(points: Decimal | None, percent: Decimal | None) -> Msg:
    """What a level or tier gives, as a phrase: `2 points`, `50% of max`."""
    if points is not None:
        return msg("award.points", points=points)
    return msg("award.percent", percent=percent or Decimal(0))


PERCENT_INPUT = msg("input.percent")


class Rule:
    """Base of the rule kinds: built by keyword, immutable, equal when of one kind with equal fields.

    (Plain classes rather than dataclasses: a dataclass per kind costs start-up time on every run.)
    """

    kind: ClassVar[str]
    _fields: ClassVar[tuple[str, ...]] = ()
    takes_percent: ClassVar[bool] = False  # the input is a percentage (shown with " %")

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

    @classmethod
    def schema_fields(cls) -> dict[str, cs.TypedDictField]:
        """The rule's fields besides `kind`, as the file format declares them."""
        return {}

    @classmethod
    def build(cls, values: dict[str, Any]) -> Rule:
        return cls(**values)

    def read(self, raw: Any, max_points: Decimal) -> Any:
        raise NotImplementedError

    def points(self, value: Any, max_points: Fraction) -> Fraction:
        raise NotImplementedError

    def top(self, max_points: Decimal) -> Fraction:
        """The most points the rule can give, exactly."""
        return Fraction(max_points)

    def check(self, code: str, max_points: Decimal, path: DocPath) -> Iterator[Diagnostic]:
        """Problems of the rule's parameters (`path` is the rule's place in the criteria file)."""
        return iter(())

    def outcomes(self, max_points: Fraction) -> tuple[Fraction, ...] | None:
        """Every points value the rule can give, low to high, when they are few (check, levels, tiers); None
        otherwise."""
        return None

    def nudge(self, max_points: Fraction) -> Fraction:
        """The smallest change in points the rule makes, when its outcomes are not a short list."""
        return ZERO

    def one_step(self, points: Fraction, max_points: Fraction) -> tuple[Fraction, Fraction]:
        """The points one scoring step below and above `points` (the same when there is none), within 0–max.

        For `rank --robustness`: how far one appraiser's judgement on this leaf could move it."""
        values = self.outcomes(max_points)
        if values is None:
            change = self.nudge(max_points)
            return max(ZERO, points - change), min(max_points, points + change)
        below, above = bisect_left(values, points), bisect_right(values, points)  # `values` run low to high
        return (values[below - 1] if below else points), (values[above] if above < len(values) else points)

    def describe(self) -> Msg:
        """One line: how the rule turns its input into points (a message, worded by the catalogue)."""
        raise NotImplementedError

    def input_hint(self) -> Msg:
        """What to write as the input."""
        raise NotImplementedError

    def action(self, value: Any, lost: Fraction, max_points: Fraction) -> Msg:
        """What would earn the points still missing, given the input that counts now."""
        raise NotImplementedError


class PerItem(Rule):
    """A rule counting items (`count`) or violations (`deduction`), each worth `per` points."""

    per: Decimal
    _fields = ("per",)

    @classmethod
    def schema_fields(cls) -> dict[str, cs.TypedDictField]:
        return {"per": field(number(gt=0))}

    @functools.cached_property
    def per_item(self) -> Fraction:
        return Fraction(self.per)

    @functools.cached_property
    def per_ratio(self) -> tuple[int, int]:
        return self.per_item.numerator, self.per_item.denominator

    def nudge(self, max_points: Fraction) -> Fraction:
        return self.per_item  # one item or violation more or less
