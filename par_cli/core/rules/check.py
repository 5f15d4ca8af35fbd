"""`check`: yes/no, full points or none."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from par_cli.core.diagnostics import Msg, msg
from par_cli.core.rules.base import ZERO, InputError, Rule, found, is_number


class CheckRule(Rule):
    kind = "check"

    def read(self, raw: Any, max_points: Decimal) -> Any:
        if isinstance(raw, bool):
            return raw
        hint: Msg | None = None
        if isinstance(raw, str):
            hint = msg("hint.unquote") if raw.lower() in ("true", "false") else msg("hint.write-true-false")
        elif is_number(raw) and raw in (0, 1):
            hint = msg("hint.write-true" if raw == 1 else "hint.write-false")
        raise InputError(msg("expected", what=msg("phrase.true-or-false"), found=found(raw)), hint)

    def points(self, value: Any, max_points: Fraction) -> Fraction:
        return max_points if value else ZERO

    def outcomes(self, max_points: Fraction) -> tuple[Fraction, ...]:
        return (ZERO, max_points)

    def describe(self) -> Msg:
        return msg("rule.check")

    def input_hint(self) -> Msg:
        return msg("input.check")

    def action(self, value: Any, lost: Fraction, max_points: Fraction) -> Msg:
        return msg("action.check")
