"""`likert`: survey answer counts: max × Σ(count × scale%) / Σcount / 100; answers outside the scale not counted."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any, ClassVar

from pydantic_core import core_schema as cs

from par_cli.core.diagnostics import msg
from par_cli.core.rules.base import (
    HUNDRED,
    NOT_APPLICABLE,
    Figure,
    InputError,
    Rule,
    Words,
    field,
    found,
    number,
    read_number,
    text,
)

DEFAULT_SCALE = {"A": Decimal(100), "B": Decimal(60), "C": Decimal(20), "D": Decimal(0)}


class LikertRule(Rule):
    kind = "likert"
    scale: Mapping[str, Decimal] = MappingProxyType(DEFAULT_SCALE)
    _fields = ("scale",)
    MESSAGES: ClassVar[Words] = {
        "likert-counts": (
            "expected answer counts such as {{A: 12, B: 3}}, got {found}",
            "cần số phiếu theo đáp án như {{A: 12, B: 3}}, nhưng có {found}",
        ),
        "likert-negative": ("the count for answer {answer} is negative", "số phiếu của đáp án {answer} bị âm"),
        "phrase.answer-count": ("a count for answer {answer}", "số phiếu của đáp án {answer}"),
    }

    @classmethod
    def schema_fields(cls) -> dict[str, cs.TypedDictField]:
        scale = cs.dict_schema(text(), number(ge=0, le=100), min_length=1, strict=True)
        return {"scale": field(scale, factory=lambda: dict(DEFAULT_SCALE))}

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

    def describe(self, lang: str, n: Figure) -> str:
        scale = ", ".join(f"{answer} = {n(value)}%" for answer, value in self.scale.items())
        return f"phiếu khảo sát quy đổi {scale}" if lang == "vi" else f"survey answers weighted {scale}"

    def input_hint(self, lang: str) -> str:
        example = ", ".join(f"{answer}: n" for answer in self.scale)
        return f"số phiếu {{{example}}}" if lang == "vi" else f"answer counts {{{example}}}"

    def action(self, value: Any, lost: Fraction, max_points: Fraction, lang: str, n: Figure) -> str:
        favourite = max(self.scale, key=lambda answer: self.scale[answer])
        return (
            f"nhiều phiếu {favourite} hơn trong điều tra"
            if lang == "vi"
            else f"more '{favourite}' answers in the survey"
        )
