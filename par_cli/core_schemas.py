"""The file formats as pydantic-core schemas: one definition that validates files (strict, `extra` forbidden)
into the frozen values of `models.py` and `rules.py`, and that `par schema` turns into JSON Schema.

pydantic v2 validates through pydantic-core; describing the schemas here directly, rather than through
`pydantic.BaseModel` classes, keeps `par score` fast to start (no model classes to build on every run).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from pydantic_core import CoreSchema, SchemaValidator
from pydantic_core import core_schema as cs

from par_cli.models import Adjustment, Agency, Assessment, CriteriaSet, Grade, Node
from par_cli.rules import DEFAULT_SCALE, RULE_CLASSES, Level, Tier, as_text, as_whole

MISSING: Any = object()
SLUG = r"^[a-z0-9][a-z0-9._-]*$"


def text(**constraints: Any) -> CoreSchema:
    """Text; a number written where text is expected (`code: 1.10`) keeps its source text."""
    return cs.no_info_before_validator_function(
        as_text,
        cs.str_schema(strict=True, **constraints),
        metadata={"pydantic_js_updates": {"type": ["string", "number"]}},
    )


def number(**bounds: Any) -> CoreSchema:
    return cs.decimal_schema(allow_inf_nan=False, strict=True, **bounds)


def optional(schema: CoreSchema) -> CoreSchema:
    return cs.nullable_schema(schema)


def field(schema: CoreSchema, default: Any = MISSING, factory: Callable[[], Any] | None = None) -> cs.TypedDictField:
    if factory is not None:
        return cs.typed_dict_field(cs.with_default_schema(schema, default_factory=factory), required=False)
    if default is not MISSING:
        return cs.typed_dict_field(cs.with_default_schema(schema, default=default), required=False)
    return cs.typed_dict_field(schema)


def record(fields: dict[str, cs.TypedDictField], build: Callable[[dict[str, Any]], Any], **extra: Any) -> CoreSchema:
    """A mapping with exactly these fields, turned into a value by `build` once valid."""
    return cs.no_info_after_validator_function(
        build, cs.typed_dict_schema(fields, extra_behavior="forbid", strict=True), **extra
    )


def none_as(empty: Any, schema: CoreSchema) -> CoreSchema:
    """`answers:` or `grades:` left empty in YAML (null) means none yet."""
    return cs.no_info_before_validator_function(lambda value: empty() if value is None else value, schema)


def one_of(values: dict[str, Any], *names: str) -> None:
    if sum(values[name] is not None for name in names) != 1:
        raise ValueError(f"give exactly one of {' or '.join(repr(name) for name in names)}")


def _level(values: dict[str, Any]) -> Level:
    one_of(values, "points", "percent")
    return Level(**values)


def _tier(values: dict[str, Any]) -> Tier:
    one_of(values, "min", "above")
    one_of(values, "points", "percent")
    return Tier(**values)


def _rule(values: dict[str, Any]) -> Any:
    for key in ("levels", "tiers"):
        if key in values:
            values[key] = tuple(values[key])
    return RULE_CLASSES[values["kind"]](**values)


def _node(values: dict[str, Any]) -> Node:
    if values["children"] is not None:
        values["children"] = tuple(values["children"])
    return Node(**values)


def _criteria(values: dict[str, Any]) -> CriteriaSet:
    for key in ("areas", "grades", "adjustments"):
        values[key] = tuple(values[key])
    return CriteriaSet(**values)


def _agency(values: dict[str, Any]) -> Agency:
    return Agency(**values)


def _assessment(values: dict[str, Any]) -> Assessment:
    return Assessment(**values)


def kind(name: str) -> cs.TypedDictField:
    return field(cs.literal_schema([name]))


def rule_schema() -> CoreSchema:
    percent = number(ge=0, le=100)
    award = {"points": field(optional(number(ge=0)), None), "percent": field(optional(percent), None)}
    level = record({"key": field(text()), "label": field(optional(text()), None), **award}, _level)
    tier = record({"min": field(optional(number()), None), "above": field(optional(number()), None), **award}, _tier)
    per = {"per": field(number(gt=0))}
    choices = {
        "points": {"step": field(optional(number(gt=0)), None)},
        "check": {},
        "levels": {"levels": field(cs.list_schema(level, min_length=1, strict=True))},
        "tiers": {
            "tiers": field(cs.list_schema(tier, min_length=1, strict=True)),
            "input": field(cs.literal_schema(["percent", "number"]), "percent"),
        },
        "linear": {
            "full_at": field(number(gt=0, le=100), Decimal(100)),
            "zero_below": field(percent, Decimal(0)),
        },
        "deduction": per,
        "count": per,
        "likert": {
            "scale": field(
                cs.dict_schema(text(), percent, min_length=1, strict=True), factory=lambda: dict(DEFAULT_SCALE)
            )
        },
    }
    return cs.tagged_union_schema(
        {name: record({"kind": kind(name), **fields}, _rule) for name, fields in choices.items()}, "kind", strict=True
    )


def criteria_schema() -> CoreSchema:
    node = record(
        {
            "code": field(text(min_length=1)),
            "title": field(text(min_length=1)),
            "max": field(number(gt=0)),
            "children": field(
                optional(cs.list_schema(cs.definition_reference_schema("node"), min_length=1, strict=True)), None
            ),
            "rule": field(optional(rule_schema()), None),
            "source": field(optional(cs.literal_schema(["self", "survey"])), None),
            "allow_na": field(cs.bool_schema(strict=True), False),
            "evidence": field(optional(cs.literal_schema(["required", "optional"])), None),
            "guide": field(optional(text()), None),
        },
        _node,
        ref="node",
    )
    grade = record({"min": field(number(ge=0, le=100)), "label": field(text(min_length=1))}, lambda v: Grade(**v))
    adjustment = record(
        {
            "code": field(text(min_length=1)),
            "title": field(text(min_length=1)),
            "kind": field(cs.literal_schema(["bonus", "penalty"])),
            "max": field(number(gt=0)),
        },
        lambda v: Adjustment(**v),
    )
    criteria = record(
        {
            "kind": kind("criteria"),
            "id": field(text(pattern=SLUG)),
            "title": field(text(min_length=1)),
            "source": field(optional(text()), None),
            "status": field(optional(cs.literal_schema(["official", "partial", "template"])), None),
            "language": field(cs.literal_schema(["vi", "en"]), "vi"),
            "precision": field(
                cs.no_info_before_validator_function(as_whole, cs.int_schema(ge=0, le=6, strict=True)), 2
            ),
            "grades": field(none_as(list, cs.list_schema(grade, strict=True)), factory=list),
            "areas": field(cs.list_schema(cs.definition_reference_schema("node"), min_length=1, strict=True)),
            "adjustments": field(none_as(list, cs.list_schema(adjustment, strict=True)), factory=list),
        },
        _criteria,
    )
    return cs.definitions_schema(criteria, [node])


def assessment_schema() -> CoreSchema:
    agency = record(
        {
            "id": field(text(pattern=r"^\S+$")),
            "name": field(text(min_length=1)),
            "group": field(optional(text()), None),
            "attributes": field(none_as(dict, cs.dict_schema(text(min_length=1), text(), strict=True)), factory=dict),
        },
        _agency,
    )
    entries = none_as(dict, cs.dict_schema(text(), cs.any_schema(), strict=True))
    return record(
        {
            "kind": kind("assessment"),
            "criteria": field(text(min_length=1)),
            "agency": field(agency),
            "period": field(optional(text()), None),
            "answers": field(entries, factory=dict),
            "adjustments": field(entries, factory=dict),
            "note": field(optional(text()), None),
        },
        _assessment,
    )


SCHEMAS: dict[str, Callable[[], CoreSchema]] = {"criteria": criteria_schema, "assessment": assessment_schema}


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
