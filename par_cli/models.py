"""The two file kinds of format v1 as strict, frozen pydantic models (shape and types only).

Cross-node rules (sums, unique codes, reachable tiers…) live in `criteria_checks.py`; inputs are checked
against their leaf's rule in `binding.py`, where the criteria set is known.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import Field

from par_cli.rules import Percent, Positive, Rule, Strict, Text, Whole, default_rule

Slug = Annotated[Text, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")]
Name = Annotated[Text, Field(min_length=1)]


class Node(Strict):
    """An area, criterion or sub-criterion. Inner nodes have `children`, leaves a `rule`."""

    code: Name
    title: Name
    max: Positive
    children: Annotated[list[Node], Field(min_length=1)] | None = None
    rule: Rule | None = None
    source: Literal["self", "survey"] | None = None  # None: inherited (areas: self)
    allow_na: bool = False
    evidence: Literal["required", "optional"] | None = None  # None: inherited (self: required)
    guide: Text | None = None

    @property
    def is_leaf(self) -> bool:
        return self.children is None

    @property
    def scoring_rule(self) -> Any:
        return self.rule if self.rule is not None else default_rule()


class Grade(Strict):
    min: Percent
    label: Name


class Adjustment(Strict):
    """A bonus or penalty outside the maximum (điểm thưởng, điểm trừ)."""

    code: Name
    title: Name
    kind: Literal["bonus", "penalty"]
    max: Positive


class CriteriaSet(Strict):
    kind: Literal["criteria"]
    id: Slug
    title: Name
    source: Text | None = None
    status: Literal["official", "partial", "template"] | None = None
    language: Literal["vi", "en"] = "vi"
    precision: Annotated[Whole, Field(ge=0, le=6)] = 2
    grades: list[Grade] = Field(default_factory=list)
    areas: Annotated[list[Node], Field(min_length=1)]
    adjustments: list[Adjustment] = Field(default_factory=list)

    @property
    def total_max(self) -> Decimal:
        return sum((area.max for area in self.areas), Decimal(0))


class Agency(Strict):
    id: Annotated[Text, Field(pattern=r"^\S+$")]
    name: Name
    group: Text | None = None


class Assessment(Strict):
    kind: Literal["assessment"]
    criteria: Name
    agency: Agency
    period: Text | None = None
    answers: dict[Text, Any] = Field(default_factory=dict)
    adjustments: dict[Text, Any] = Field(default_factory=dict)
    note: Text | None = None
