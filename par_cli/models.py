"""The two file kinds of format v1 as strict, frozen pydantic models (shape and types only).

Cross-node rules (sums, unique codes, reachable tiers…) live in `criteria_checks.py`; inputs are checked
against their leaf's rule in `binding.py`, where the criteria set is known.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from par_cli.rules import Percent, Positive, Rule, Strict, Text, Whole, default_rule


def _empty_list(value: Any) -> Any:
    """`grades:` left empty in YAML (null) means no grades."""
    return [] if value is None else value


def _empty_mapping(value: Any) -> Any:
    """`answers:` left empty in YAML (null), as in a fresh form, means no answers yet."""
    return {} if value is None else value


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
    grades: Annotated[list[Grade], BeforeValidator(_empty_list)] = Field(default_factory=list)
    areas: Annotated[list[Node], Field(min_length=1)]
    adjustments: Annotated[list[Adjustment], BeforeValidator(_empty_list)] = Field(default_factory=list)

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
    answers: Annotated[dict[Text, Any], BeforeValidator(_empty_mapping)] = Field(default_factory=dict)
    adjustments: Annotated[dict[Text, Any], BeforeValidator(_empty_mapping)] = Field(default_factory=dict)
    note: Text | None = None
