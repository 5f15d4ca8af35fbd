"""The file formats: the registry of rule kinds, and both file kinds as pydantic-core schemas.

One definition validates documents (strict, `extra` forbidden) into the frozen values of `core.model`, turns
every failure into a diagnostic at its document path, and gives `par schema` its JSON Schema. (pydantic-core
directly, rather than BaseModel classes, keeps `par score` fast to start.)
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from types import MappingProxyType
from typing import Any

from pydantic_core import CoreSchema, SchemaValidator, ValidationError
from pydantic_core import core_schema as cs

from par_cli.core import languages
from par_cli.core.diagnostics import Diagnostic, DocPath, msg
from par_cli.core.model import (
    Adjustment,
    Agency,
    AppraisalFile,
    Assessment,
    CriteriaSet,
    Floor,
    Grade,
    Node,
    RankingGroup,
    RankingOptions,
    SelfAssessment,
)
from par_cli.core.rules.base import (
    InputError,
    Rule,
    as_whole,
    field,
    number,
    one_of,
    optional,
    record,
    text,
)
from par_cli.core.rules.between import BetweenRule
from par_cli.core.rules.check import CheckRule
from par_cli.core.rules.count import CountRule
from par_cli.core.rules.deduction import DeductionRule
from par_cli.core.rules.levels import LevelsRule
from par_cli.core.rules.likert import LikertRule
from par_cli.core.rules.linear import LinearRule
from par_cli.core.rules.points import PointsRule
from par_cli.core.rules.relative import RelativeRule
from par_cli.core.rules.tiers import TiersRule
from par_cli.core.schema_errors import schema_problems

# The rule kinds: a new kind is a module under core/rules/ and one line here.
RULE_KINDS: tuple[type[Rule], ...] = (
    PointsRule,
    CheckRule,
    LevelsRule,
    TiersRule,
    LinearRule,
    BetweenRule,
    DeductionRule,
    CountRule,
    LikertRule,
    RelativeRule,
)
KINDS: dict[str, type[Rule]] = {rule.kind: rule for rule in RULE_KINDS}

SLUG = r"^[a-z0-9][a-z0-9._-]*$"


@functools.cache
def default_rule() -> Rule:
    """`{kind: points}`, the rule of a leaf that names none."""
    return PointsRule()


def rule_schema() -> CoreSchema:
    """A rule as the file format writes it: a mapping tagged by `kind`, with that kind's fields."""

    def builder(rule: type[Rule]) -> Callable[[dict[str, Any]], Rule]:
        return lambda values: rule.build({k: v for k, v in values.items() if k != "kind"})

    choices = {
        rule.kind: record({"kind": field(cs.literal_schema([rule.kind])), **rule.schema_fields()}, builder(rule))
        for rule in RULE_KINDS
    }
    return cs.tagged_union_schema(choices, "kind", strict=True)


def none_as(empty: Any, schema: CoreSchema) -> CoreSchema:
    """`answers:` or `grades:` left empty in YAML (null) means none yet."""
    return cs.no_info_before_validator_function(lambda value: empty() if value is None else value, schema)


def _node(values: dict[str, Any]) -> Node:
    if values["applies_to"] is not None:
        values["applies_to"] = tuple(values["applies_to"])
    if values["max_by_type"] is not None:
        values["max_by_type"] = MappingProxyType(values["max_by_type"])
    if values["children"] is not None:
        values["children"] = tuple(values["children"])
    elif values["rule"] is None:
        values["rule"] = default_rule()
    return Node(**values)


def _grade(values: dict[str, Any]) -> Grade:
    one_of(values, "min", "above")
    return Grade(**values)


def _criteria(values: dict[str, Any]) -> CriteriaSet:
    for key in ("areas", "grades", "adjustments", "unit_types"):
        values[key] = tuple(values[key])
    values["ranking_groups"] = tuple(values["ranking_groups"])
    values["grades_by_type"] = MappingProxyType({t: tuple(bands) for t, bands in values["grades_by_type"].items()})
    return CriteriaSet(**values)


def criteria_schema() -> CoreSchema:
    children = optional(cs.list_schema(cs.definition_reference_schema("node"), min_length=1, strict=True))
    node = record(
        {
            "code": field(text(min_length=1)),
            "title": field(text(min_length=1)),
            "max": field(number(gt=0)),
            "children": field(children, None),
            "rule": field(optional(rule_schema()), None),
            "source": field(optional(cs.literal_schema(["self", "survey"])), None),
            "allow_na": field(cs.bool_schema(strict=True), False),
            "evidence": field(optional(cs.literal_schema(["required", "optional"])), None),
            "guide": field(optional(text()), None),
            "renamed_from": field(optional(text(min_length=1)), None),
            "applies_to": field(optional(cs.list_schema(text(pattern=r"^\S+$"), min_length=1, strict=True)), None),
            "appraiser": field(optional(text(pattern=r"^\S+$")), None),
            "max_by_type": field(
                optional(cs.dict_schema(text(pattern=r"^\S+$"), number(gt=0), min_length=1, strict=True)), None
            ),
        },
        _node,
        ref="node",
    )
    band = {"min": field(optional(number(ge=0, le=100)), None), "above": field(optional(number(ge=0, lt=100)), None)}
    floor = record(
        {"level": field(cs.literal_schema(["area", "criterion", "sub-criterion"])), "min": field(number(ge=0))},
        lambda v: Floor(**v),
    )
    band["floor"] = field(optional(floor), None)
    grade = record({**band, "label": field(text(min_length=1))}, _grade)
    adjustment = record(
        {
            "code": field(text(min_length=1)),
            "title": field(text(min_length=1)),
            "kind": field(cs.literal_schema(["bonus", "penalty"])),
            "max": field(number(gt=0)),
        },
        lambda v: Adjustment(**v),
    )
    precision = cs.no_info_before_validator_function(as_whole, cs.int_schema(ge=0, le=6, strict=True))
    ranking = record(
        {
            "ties": field(optional(cs.literal_schema(["competition", "dense"])), None),
            "precision": field(optional(precision), None),
        },
        lambda v: RankingOptions(**v),
    )
    ranking_group = record(
        {
            "id": field(text(pattern=SLUG)),
            "label": field(text(min_length=1)),
            "types": field(cs.list_schema(text(pattern=r"^\S+$"), strict=True)),  # none: C041
        },
        lambda v: RankingGroup(**{**v, "types": tuple(v["types"])}),
    )
    accuracy = record(
        {"tolerance": field(number(ge=0)), "deduction": field(number(gt=0))}, lambda v: SelfAssessment(**v)
    )
    criteria = record(
        {
            "kind": field(cs.literal_schema(["criteria"])),
            "id": field(text(pattern=SLUG)),
            "title": field(text(min_length=1)),
            "source": field(optional(text()), None),
            "status": field(optional(cs.literal_schema(["official", "partial", "template"])), None),
            "language": field(cs.literal_schema(list(languages.codes())), languages.codes()[0]),
            "precision": field(precision, 2),
            "grades": field(none_as(list, cs.list_schema(grade, strict=True)), factory=list),
            "areas": field(cs.list_schema(cs.definition_reference_schema("node"), min_length=1, strict=True)),
            "adjustments": field(none_as(list, cs.list_schema(adjustment, strict=True)), factory=list),
            "group_average": field(cs.literal_schema(["mean", "pooled"]), "mean"),
            "bonus_above_max": field(cs.bool_schema(strict=True), False),
            "survey_optional": field(cs.bool_schema(strict=True), False),
            "self_assessment": field(optional(accuracy), None),
            "unit_types": field(none_as(list, cs.list_schema(text(pattern=r"^\S+$"), strict=True)), factory=list),
            "grades_by_type": field(
                none_as(dict, cs.dict_schema(text(min_length=1), cs.list_schema(grade, strict=True), strict=True)),
                factory=dict,
            ),
            "bonus_cap": field(optional(number(gt=0)), None),
            "penalty_cap": field(optional(number(gt=0)), None),
            "ranking": field(optional(ranking), None),
            "unranked_in_average": field(cs.bool_schema(strict=True), True),
            "ranking_groups": field(none_as(list, cs.list_schema(ranking_group, strict=True)), factory=list),
        },
        _criteria,
    )
    return cs.definitions_schema(criteria, [node])


def assessment_schema() -> CoreSchema:
    attributes = none_as(dict, cs.dict_schema(text(min_length=1), text(), strict=True))
    agency = record(
        {
            "id": field(text(pattern=r"^\S+$")),
            "name": field(text(min_length=1)),
            "group": field(optional(text()), None),
            "attributes": field(attributes, factory=dict),
            "predecessors": field(none_as(list, cs.list_schema(text(pattern=r"^\S+$"), strict=True)), factory=list),
            "type": field(optional(text(pattern=r"^\S+$")), None),
            "ranked": field(cs.bool_schema(strict=True), True),
            "unranked_reason": field(optional(text(min_length=1)), None),
        },
        lambda v: Agency(**{**v, "predecessors": tuple(v["predecessors"])}),
    )
    entries = none_as(dict, cs.dict_schema(text(), cs.any_schema(), strict=True))
    return record(
        {
            "kind": field(cs.literal_schema(["assessment"])),
            "criteria": field(text(min_length=1)),
            "agency": field(agency),
            "period": field(optional(text()), None),
            "answers": field(entries, factory=dict),
            "adjustments": field(entries, factory=dict),
            "note": field(optional(text()), None),
        },
        lambda v: Assessment(**v),
    )


def appraisal_schema() -> CoreSchema:
    """`kind: appraisal`: one appraiser's values, per agency and leaf (checked against the set in `core.appraisal`)."""
    answers = cs.dict_schema(text(min_length=1), cs.any_schema(), strict=True)
    return record(
        {
            "kind": field(cs.literal_schema(["appraisal"])),
            "criteria": field(text(min_length=1)),
            "appraiser": field(text(pattern=r"^\S+$")),
            "period": field(optional(text()), None),
            "title": field(optional(text()), None),
            "note": field(optional(text()), None),
            "agencies": field(cs.dict_schema(text(pattern=r"^\S+$"), answers, strict=True)),
        },
        lambda v: AppraisalFile(**v),
    )


def _date(value: Any) -> Any:
    """A decision's date: `2025-03-20` or `20/03/2025`, a day that exists."""
    from par_cli.core.office import parse_date

    found = parse_date(value) if isinstance(value, str) else None
    if found is None:
        raise InputError(msg("office-date", found=str(value)))
    return found


def office_schema() -> CoreSchema:
    """`kind: office`: who issues the ranking's decision and signs it, and the ranking groups' labels."""
    from par_cli.core.office import Decision, Office, Signer

    words = optional(text(min_length=1))
    day = cs.no_info_after_validator_function(_date, text(min_length=1), metadata={"pydantic_js_updates": {}})
    decision = record({"number": field(words, None), "date": field(optional(day), None)}, lambda v: Decision(**v))
    signer = record(
        {"authority": field(words, None), "title": field(words, None), "name": field(words, None)},
        lambda v: Signer(**v),
    )
    group = record(
        {
            "id": field(text(min_length=1)),
            "label": field(text(min_length=1)),
            "ranked": field(cs.bool_schema(strict=True), True),  # False: the group is assessed, not ranked
            "reason": field(optional(text(min_length=1)), None),  # why, shown with it
            # the group's own survey result per survey leaf, a percentage it publishes (not a mean of its units)
            "survey": field(none_as(dict, cs.dict_schema(text(min_length=1), number(), strict=True)), factory=dict),
        },
        lambda v: v,
    )
    return record(
        {
            "kind": field(cs.literal_schema(["office"])),
            "issuer": field(words, None),
            "place": field(words, None),
            "decision": field(optional(decision), None),
            "signer": field(optional(signer), None),
            "groups": field(none_as(list, cs.list_schema(group, strict=True)), factory=list),
            "note": field(optional(text()), None),
        },
        _office(Office, Decision),
    )


def _office(office: Any, decision: Any) -> Callable[[dict[str, Any]], Any]:
    def build(values: dict[str, Any]) -> Any:
        listed = values.pop("groups")
        groups = MappingProxyType({g["id"]: g["label"] for g in listed})
        unranked = MappingProxyType({g["id"]: g["reason"] for g in listed if not g["ranked"]})
        surveys = MappingProxyType({g["id"]: MappingProxyType(g["survey"]) for g in listed if g["survey"]})
        return office(
            **{
                **values,
                "decision": values["decision"] or decision(),
                "groups": groups,
                "unranked": unranked,
                "surveys": surveys,
            }
        )

    return build


SCHEMAS: dict[str, Callable[[], CoreSchema]] = {
    "criteria": criteria_schema,
    "assessment": assessment_schema,
    "appraisal": appraisal_schema,
    "office": office_schema,
}


@functools.cache
def validator(kind_name: str) -> SchemaValidator:
    return SchemaValidator(SCHEMAS[kind_name](), cs.CoreConfig(strict=True))


@functools.cache
def field_names() -> tuple[str, ...]:
    """Every field name of both file kinds, for "did you mean" hints."""
    names: set[str] = set()

    def walk(item: Any) -> None:
        if isinstance(item, dict):
            if item.get("type") == "typed-dict":
                names.update(item["fields"])
            for value in item.values():
                walk(value)
        elif isinstance(item, list | tuple):
            for value in item:
                walk(value)

    for build in SCHEMAS.values():
        walk(build())
    return tuple(sorted(names))


def validate(kind: str, data: dict[str, Any], skip: set[DocPath] | None = None) -> tuple[Any, list[Diagnostic]]:
    """Validate a document's data as `kind` ("criteria", "assessment" or "appraisal") into its frozen value, or return
    every schema problem at its document path. `skip` holds paths the YAML layer already reported."""
    try:
        return validator(kind).validate_python(data), []
    except ValidationError as exc:
        return None, schema_problems(exc, data, field_names(), skip)
