"""The two file kinds of format v1 as frozen values (named tuples: cheap to define at start-up).

`core.formats` validates documents into them; cross-node rules (sums, unique codes…) are `core.checks`;
inputs are checked against their leaf's rule in `core.binding`, where the criteria set is known.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from par_cli.core.named_tuple import NamedTuple
from par_cli.core.numbers import decimal_sum

if TYPE_CHECKING:
    from par_cli.core.rules.base import Rule

NO_ATTRIBUTES: Mapping[str, str] = MappingProxyType({})
NO_GRADES: Mapping[str, tuple[Grade, ...]] = MappingProxyType({})


class Node(NamedTuple):
    """An area, criterion or sub-criterion. Inner nodes have `children`, leaves a `rule` (validation gives a
    leaf without one the default `{kind: points}`)."""

    code: str
    title: str
    max: Decimal
    children: tuple[Node, ...] | None = None
    rule: Rule | None = None
    source: Literal["self", "survey"] | None = None  # None: inherited (areas: self)
    allow_na: bool = False
    evidence: Literal["required", "optional"] | None = None  # None: inherited (self: required)
    guide: str | None = None
    renamed_from: str | None = None  # the code this criterion had in the set it revises (`par criteria diff`)
    applies_to: tuple[str, ...] | None = None  # extension: the unit types it applies to (None: every type)
    appraiser: str | None = None  # extension: who appraises it (a department's id; None: inherited, or the council)
    max_by_type: Mapping[str, Decimal] | None = None  # extension: its maximum for these unit types (`max`: others)

    def max_for(self, unit_type: str | None) -> Decimal:
        """The node's maximum for a unit of this type: its own (`max_by_type`) if the set gives one, else `max`."""
        if self.max_by_type is None or unit_type is None:
            return self.max
        return self.max_by_type.get(unit_type, self.max)

    @property
    def is_leaf(self) -> bool:
        return self.children is None

    @property
    def scoring_rule(self) -> Rule:
        assert self.rule is not None, f"leaf {self.code} has no rule"
        return self.rule


FLOOR_DEPTHS: Mapping[str, int] = MappingProxyType({"area": 1, "criterion": 2, "sub-criterion": 3})


class Floor(NamedTuple):
    """Extension: a band also asks that each applicable node at `level` (area, criterion, sub-criterion) earn at
    least `min` % of its applicable maximum (Hải Dương 2024: "Xuất sắc" needs no criterion below 80 %)."""

    level: Literal["area", "criterion", "sub-criterion"]
    min: Decimal

    @property
    def depth(self) -> int:
        return FLOOR_DEPTHS[self.level]


class Grade(NamedTuple):
    """A grade band: from `min` (at least, "từ 90%") or `above` (strictly more, "trên 90%"); one of the two."""

    min: Decimal | None
    label: str
    above: Decimal | None = None  # extension: a strict band
    floor: Floor | None = None  # extension: a share every node of a level must reach for the band

    @property
    def bound(self) -> Decimal:
        found = self.above if self.above is not None else self.min
        assert found is not None  # the schema asks for exactly one
        return found

    @property
    def bound_key(self) -> str:
        return "above" if self.above is not None else "min"


class RankingOptions(NamedTuple):
    """Extension `ranking:` of a set: how its rankings break ties and how many decimals they show."""

    ties: Literal["competition", "dense"] | None = None  # None: competition (1, 1, 3); dense: 1, 1, 2
    precision: int | None = None  # None: the set's `precision`


class RankingGroup(NamedTuple):
    """Extension `ranking_groups:` of a set: a ranking group made of unit types (communes with special zones)."""

    id: str
    label: str
    types: tuple[str, ...]


class SelfAssessment(NamedTuple):
    """A set that scores the accuracy of self-assessment: when the self-assessed points of the criteria exceed the
    final ones by more than `tolerance` points, `deduction` points are taken off."""

    tolerance: Decimal
    deduction: Decimal


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
    language: str = ""  # a code of `core.languages`; the schema gives the default
    precision: int = 2
    grades: tuple[Grade, ...] = ()
    adjustments: tuple[Adjustment, ...] = ()
    group_average: Literal["mean", "pooled"] = "mean"  # extension: how a ranking group's average is published
    bonus_above_max: bool = False  # extension: bonus points may lift the index above 100
    survey_optional: bool = False  # extension: a unit without any survey answer has its survey criteria N/A
    self_assessment: SelfAssessment | None = None  # extension: a deduction for over-claiming, off unless declared
    unit_types: tuple[str, ...] = ()  # extension: the unit types one set covers (sở, xã, phường…)
    grades_by_type: Mapping[str, tuple[Grade, ...]] = NO_GRADES  # extension: bands of their own for a type

    def grades_for(self, unit_type: str | None) -> tuple[Grade, ...]:
        """The grade bands of a unit of this type: its own, if the set gives it some, else the set's."""
        return self.grades_by_type.get(unit_type, self.grades) if unit_type is not None else self.grades

    bonus_cap: Decimal | None = None  # extension: the most all bonus points together may add
    penalty_cap: Decimal | None = None  # extension: the most all penalty points together may take
    ranking: RankingOptions | None = None  # extension: tie policy and display precision of its rankings
    unranked_in_average: bool = True  # extension: False: units not ranked are left out of group averages, grades
    ranking_groups: tuple[RankingGroup, ...] = ()  # extension: ranking groups made of unit types

    def ranking_group_of(self, unit_type: str | None) -> RankingGroup | None:
        """The ranking group of a unit of this type (`ranking_groups`; None: the set declares none for it)."""
        return next((group for group in self.ranking_groups if unit_type in group.types), None)

    @property
    def total_max(self) -> Decimal:
        return decimal_sum(area.max for area in self.areas)


class Agency(NamedTuple):
    id: str
    name: str
    group: str | None = None
    attributes: Mapping[str, str] = NO_ATTRIBUTES  # extension: more fields to group rankings by
    predecessors: tuple[str, ...] = ()  # extension: ids of the previous period's units merged into this one
    type: str | None = None  # extension: the unit type (`unit_types` of the set), for `applies_to` and grades
    ranked: bool = True  # extension: False: assessed and shown, but not ranked ("không xếp hạng")
    unranked_reason: str | None = None  # extension: why it is not ranked, shown with it


class Assessment(NamedTuple):
    kind: Literal["assessment"]
    criteria: str
    agency: Agency
    answers: dict[str, Any]
    adjustments: dict[str, Any]
    period: str | None = None
    note: str | None = None


class AppraisalFile(NamedTuple):
    """One appraiser's values (`kind: appraisal`) for the criteria it owns, for many agencies."""

    kind: Literal["appraisal"]
    criteria: str
    appraiser: str
    agencies: Mapping[str, Mapping[str, Any]]  # agency id → leaf code → value, or {appraised, first_appraisal, reason}
    period: str | None = None
    title: str | None = None
    note: str | None = None


def periods_agree(one: str | None, other: str | None) -> bool:
    """Two files are of one period unless both name one and the names differ (a file may leave it out)."""
    return one is None or other is None or one == other
