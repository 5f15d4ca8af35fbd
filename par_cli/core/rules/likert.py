"""`likert`: survey answer counts: max × Σ(count × scale%) / Σcount / 100.

Every answer is counted or refused: an answer on the scale counts, one listed in `not_counted` ("không biết",
E by default) is accepted and left out of the count, any other (`F`, `"D "`, a lower-case `a`) is an error.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any

from pydantic_core import core_schema as cs

from par_cli.core.diagnostics import Diagnostic, DocPath, Msg, msg, problem
from par_cli.core.rules.base import (
    HUNDRED,
    NOT_APPLICABLE,
    InputError,
    Rule,
    field,
    found,
    number,
    read_number,
    text,
)
from par_cli.core.survey import Counted

DEFAULT_SCALE = {"A": Decimal(100), "B": Decimal(60), "C": Decimal(20), "D": Decimal(0)}
DEFAULT_NOT_COUNTED = ("E",)


class LikertRule(Rule):
    kind = "likert"
    scale: Mapping[str, Decimal] = MappingProxyType(DEFAULT_SCALE)
    not_counted: tuple[str, ...] = DEFAULT_NOT_COUNTED
    _fields = ("scale", "not_counted")

    @classmethod
    def schema_fields(cls) -> dict[str, cs.TypedDictField]:
        scale = cs.dict_schema(text(min_length=1), number(ge=0, le=100), min_length=1, strict=True)
        not_counted = cs.list_schema(text(min_length=1), strict=True)
        return {
            "scale": field(scale, factory=lambda: dict(DEFAULT_SCALE)),
            "not_counted": field(not_counted, factory=lambda: list(DEFAULT_NOT_COUNTED)),
        }

    @classmethod
    def build(cls, values: dict[str, Any]) -> Rule:
        return cls(scale=values["scale"], not_counted=tuple(values["not_counted"]))

    def check(self, code: str, max_points: Decimal, path: DocPath) -> Iterator[Diagnostic]:
        for i, answer in enumerate(self.not_counted):
            if answer in self.scale:
                yield problem("C019", "likert-answer-twice", (*path, "not_counted", i), code=code, answer=answer)

    def read(self, raw: Any, max_points: Decimal) -> Any:
        if not isinstance(raw, dict):
            raise InputError(msg("likert-counts", found=found(raw)))
        counts = {
            str(answer): read_number(count, msg("phrase.answer-count", answer=str(answer)))
            for answer, count in raw.items()
        }
        negative = [answer for answer, count in counts.items() if count < 0]
        if negative:
            raise InputError(msg("likert-negative", answer=negative[0]))
        for answer in counts:
            if answer not in self.scale and answer not in self.not_counted:
                raise InputError(self._unknown(answer), self._fixed(answer))
        counted = Counted({answer: count for answer, count in counts.items() if answer in self.scale})
        counted.left_out = sum((count for answer, count in counts.items() if answer not in self.scale), Decimal(0))
        if not any(counted.values()):
            return NOT_APPLICABLE
        return counted

    def _unknown(self, answer: str) -> Msg:
        return msg("likert-unknown-answer", answer=answer, answers=", ".join([*self.scale, *self.not_counted]))

    def _fixed(self, answer: str) -> Msg | None:
        """`write 'D'` for `"D "` or `d`, when the fixed answer is one the rule knows."""
        fixed = answer.strip().upper()
        known = fixed in self.scale or fixed in self.not_counted
        return msg("hint.write-answer", answer=fixed) if known and fixed != answer else None

    def points(self, value: Any, max_points: Fraction) -> Fraction:
        total = sum((Fraction(count) for count in value.values()), Fraction(0))
        weighted = sum((Fraction(count) * Fraction(self.scale[a]) for a, count in value.items()), Fraction(0))
        result: Fraction = max_points * weighted / total / HUNDRED
        return result

    def top(self, max_points: Decimal) -> Fraction:
        return Fraction(max_points) * Fraction(max(self.scale.values())) / HUNDRED

    def nudge(self, max_points: Fraction) -> Fraction:
        return max_points / HUNDRED  # one percentage point of the scale more or less

    def describe(self) -> Msg:
        weights = tuple(msg("rule.likert-weight", answer=answer, weight=value) for answer, value in self.scale.items())
        return msg("rule.likert", weights=weights)

    def input_hint(self) -> Msg:
        return msg("input.likert", example="{" + ", ".join(f"{answer}: n" for answer in self.scale) + "}")

    def action(self, value: Any, lost: Fraction, max_points: Fraction) -> Msg:
        return msg("action.likert", answer=max(self.scale, key=lambda answer: self.scale[answer]))
