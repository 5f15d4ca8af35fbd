"""The two file kinds of format v1 as frozen values. `schema.py` validates files into them.

Cross-node rules (sums, unique codes, reachable tiers…) live in `criteria_checks.py`; inputs are checked
against their leaf's rule in `binding.py`, where the criteria set is known.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from par_cli.rules import Rule, default_rule


@dataclass(frozen=True, kw_only=True)
class Node:
    """An area, criterion or sub-criterion. Inner nodes have `children`, leaves a `rule`."""

    code: str
    title: str
    max: Decimal
    children: tuple[Node, ...] | None = None
    rule: Rule | None = None
    source: Literal["self", "survey"] | None = None  # None: inherited (areas: self)
    allow_na: bool = False
    evidence: Literal["required", "optional"] | None = None  # None: inherited (self: required)
    guide: str | None = None

    @property
    def is_leaf(self) -> bool:
        return self.children is None

    @property
    def scoring_rule(self) -> Any:
        return self.rule if self.rule is not None else default_rule()


@dataclass(frozen=True, kw_only=True)
class Grade:
    min: Decimal
    label: str


@dataclass(frozen=True, kw_only=True)
class Adjustment:
    """A bonus or penalty outside the maximum (điểm thưởng, điểm trừ)."""

    code: str
    title: str
    kind: Literal["bonus", "penalty"]
    max: Decimal


@dataclass(frozen=True, kw_only=True)
class CriteriaSet:
    kind: Literal["criteria"]
    id: str
    title: str
    areas: tuple[Node, ...]
    source: str | None = None
    status: Literal["official", "partial", "template"] | None = None
    language: Literal["vi", "en"] = "vi"
    precision: int = 2
    grades: tuple[Grade, ...] = ()
    adjustments: tuple[Adjustment, ...] = ()

    @property
    def total_max(self) -> Decimal:
        return sum((area.max for area in self.areas), Decimal(0))


@dataclass(frozen=True, kw_only=True)
class Agency:
    id: str
    name: str
    group: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)  # extension: more fields to group rankings by


@dataclass(frozen=True, kw_only=True)
class Assessment:
    kind: Literal["assessment"]
    criteria: str
    agency: Agency
    period: str | None = None
    answers: dict[str, Any]
    adjustments: dict[str, Any]
    note: str | None = None
