"""The two file kinds of format v1 as frozen values (named tuples: cheap to define at start-up).

`core_schemas.py` validates files into them.

Cross-node rules (sums, unique codes, reachable tiers…) live in `criteria_checks.py`; inputs are checked
against their leaf's rule in `binding.py`, where the criteria set is known.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Literal, NamedTuple

from par_cli.rules import Rule, default_rule

NO_ATTRIBUTES: Mapping[str, str] = MappingProxyType({})


class Node(NamedTuple):
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


class Grade(NamedTuple):
    min: Decimal
    label: str


class Adjustment(NamedTuple):
    """A bonus or penalty outside the maximum (điểm thưởng, điểm trừ)."""

    code: str
    title: str
    kind: Literal["bonus", "penalty"]
    max: Decimal


class CriteriaSet(NamedTuple):
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


class Agency(NamedTuple):
    id: str
    name: str
    group: str | None = None
    attributes: Mapping[str, str] = NO_ATTRIBUTES  # extension: more fields to group rankings by


class Assessment(NamedTuple):
    kind: Literal["assessment"]
    criteria: str
    agency: Agency
    answers: dict[str, Any]
    adjustments: dict[str, Any]
    period: str | None = None
    note: str | None = None
