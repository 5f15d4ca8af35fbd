"""The bonus and penalty rows of an assessment scored by a compiled plan (`core.compiled`), as the general engine
gives them (`core.scoring._Scorer.adjustments`)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from par_cli.core.model import CriteriaSet
    from par_cli.core.scoring import AdjustmentResult

ADJUSTMENT_FIELDS = frozenset({"self", "first_appraisal", "appraised", "note", "reason", "evidence", "explanation"})
ZERO = Fraction(0)


def adjustment_rows(
    criteria: CriteriaSet, by_code: dict[str, Any], given: dict[str, Any], row: type[AdjustmentResult]
) -> tuple[AdjustmentResult, ...] | None:
    """The bonus and penalty rows (`core.scoring._Scorer.adjustments`) of the set's adjustments (`by_code`: each
    by its code); None when an adjustment is refused."""
    values: dict[str, tuple[Fraction | None, Fraction | None]] = {}
    for code, raw in given.items():
        adjustment = by_code.get(code)
        if adjustment is None:
            return None
        fields = raw if isinstance(raw, dict) else {"self": raw}
        if not ADJUSTMENT_FIELDS.issuperset(fields):
            return None
        read: list[Fraction | None] = []
        for name in ("self", "first_appraisal", "appraised"):
            value = fields.get(name)
            if value is not None and (not isinstance(value, Decimal) or not 0 <= value <= adjustment.max):
                return None
            read.append(None if value is None else Fraction(value))
        values[code] = (read[0], read[2])
    results = []
    for adjustment in criteria.adjustments:
        own_given, appraised = values.get(adjustment.code, (None, None))
        own = own_given if own_given is not None else ZERO
        final = appraised if appraised is not None else own
        sign = 1 if adjustment.kind == "bonus" else -1
        results.append(row(adjustment.code, adjustment.title, adjustment.kind, sign * final, sign * own))
    for kind, cap in (("bonus", criteria.bonus_cap), ("penalty", criteria.penalty_cap)):
        if cap is None:
            continue
        limit, sign = Fraction(cap), 1 if kind == "bonus" else -1
        over = max(ZERO, sign * sum((r.points for r in results if r.kind == kind), ZERO) - limit)
        own_over = max(ZERO, sign * sum((r.self_points for r in results if r.kind == kind), ZERO) - limit)
        if over or own_over:
            results.append(row(f"{kind}-cap", "", kind, -sign * over, -sign * own_over, limit))
    return tuple(results)
