"""The file formats: the registry of rule kinds, and both file kinds as pydantic-core schemas.

One definition validates documents (strict, `extra` forbidden) into the frozen values of `core.model`, turns
every failure into a diagnostic at its document path, and gives `par schema` its JSON Schema. (pydantic-core
directly, rather than BaseModel classes, keeps `par score` fast to start.)
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable
from typing import Any

from pydantic_core import CoreSchema, SchemaValidator, ValidationError
from pydantic_core import core_schema as cs

from par_cli.core.diagnostics import Diagnostic, DocPath, Msg, msg, problem
from par_cli.core.model import Adjustment, Agency, Assessment, CriteriaSet, Grade, Node
from par_cli.core.rules.base import (
    InputError,
    Rule,
    as_whole,
    field,
    found,
    number,
    number_hint,
    optional,
    record,
    text,
)
from par_cli.core.rules.check import CheckRule
from par_cli.core.rules.count import CountRule
from par_cli.core.rules.deduction import DeductionRule
from par_cli.core.rules.levels import LevelsRule
from par_cli.core.rules.likert import LikertRule
from par_cli.core.rules.linear import LinearRule
from par_cli.core.rules.points import PointsRule
from par_cli.core.rules.tiers import TiersRule

# The rule kinds: a new kind is a module under core/rules/ and one line here.
RULE_KINDS: tuple[type[Rule], ...] = (
    PointsRule,
    CheckRule,
    LevelsRule,
    TiersRule,
    LinearRule,
    DeductionRule,
    CountRule,
    LikertRule,
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
    if values["children"] is not None:
        values["children"] = tuple(values["children"])
    elif values["rule"] is None:
        values["rule"] = default_rule()
    return Node(**values)


def _criteria(values: dict[str, Any]) -> CriteriaSet:
    for key in ("areas", "grades", "adjustments"):
        values[key] = tuple(values[key])
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
    precision = cs.no_info_before_validator_function(as_whole, cs.int_schema(ge=0, le=6, strict=True))
    criteria = record(
        {
            "kind": field(cs.literal_schema(["criteria"])),
            "id": field(text(pattern=SLUG)),
            "title": field(text(min_length=1)),
            "source": field(optional(text()), None),
            "status": field(optional(cs.literal_schema(["official", "partial", "template"])), None),
            "language": field(cs.literal_schema(["vi", "en"]), "vi"),
            "precision": field(precision, 2),
            "grades": field(none_as(list, cs.list_schema(grade, strict=True)), factory=list),
            "areas": field(cs.list_schema(cs.definition_reference_schema("node"), min_length=1, strict=True)),
            "adjustments": field(none_as(list, cs.list_schema(adjustment, strict=True)), factory=list),
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
        },
        lambda v: Agency(**v),
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


def data_path(loc: tuple[Any, ...], data: Any) -> DocPath:
    """Map a pydantic error location onto the document, dropping union tags and validator names."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            node = node[part]
            path.append(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            path.append(part)
        elif isinstance(node, dict) and isinstance(part, str) and node.get("kind") != part and ("[" not in part):
            path.append(part)  # a missing or unknown field: keep it for the message
            node = None
    return tuple(path)


def described(value: Any) -> Msg:
    if isinstance(value, bool):
        return msg("phrase.plain", text=str(value).lower())
    if value is None or isinstance(value, dict | list):
        return found(value)
    return msg("phrase.quoted", text=str(value))


_BOUNDS = {"greater_than": "gt", "greater_than_equal": "ge", "less_than": "lt", "less_than_equal": "le"}
_BOUND_MESSAGES = {"gt": "greater-than", "ge": "greater-or-equal", "lt": "less-than", "le": "less-or-equal"}
_EXPECTED = {
    "string_type": "phrase.text-kind",
    "bool_type": "phrase.true-or-false",
    "int_type": "phrase.whole-number",
    "int_parsing": "phrase.whole-number",
    "int_from_float": "phrase.whole-number",
    "list_type": "phrase.list",
    "dict_type": "phrase.fields",
    "model_type": "phrase.fields",
    "model_attributes_type": "phrase.fields",
}


def _message(err: Any, value: Any) -> tuple[Msg, Msg | None]:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return msg("missing-field", field=str(err["loc"][-1])), None
    if kind == "extra_forbidden":
        name = str(err["loc"][-1])
        if name.isdigit():
            return msg("unknown-field", field=name), msg("hint.comma-in-braces", number="0.5")
        close = difflib.get_close_matches(name, list(field_names()), n=1)
        return msg("unknown-field", field=name), (msg("hint.did-you-mean", name=close[0]) if close else None)
    if kind in ("decimal_type", "decimal_parsing", "is_instance_of") or kind.startswith("decimal"):
        what = msg("phrase.a-number")
        if isinstance(value, str):
            return msg("expected", what=what, found=msg("phrase.text", text=value)), number_hint(value)
        return msg("expected", what=what, found=described(value)), None
    if kind in _EXPECTED:
        hint = msg("hint.quote") if kind == "string_type" and isinstance(value, bool) else None
        return msg("expected", what=msg(_EXPECTED[kind]), found=described(value)), hint
    if kind == "literal_error":
        return msg("not-allowed", found=described(value), expected=str(ctx.get("expected", ""))), None
    if kind == "union_tag_invalid":
        tag, expected = described(ctx.get("tag")), str(ctx.get("expected_tags", ""))
        return msg("unknown-rule-kind", found=tag, expected=expected), None
    if kind == "union_tag_not_found":
        return msg("rule-needs-kind"), msg("hint.example-kind")
    if kind == "string_pattern_mismatch":
        return msg("invalid-identifier", found=described(value)), msg("hint.slug")
    if kind in ("too_short", "string_too_short"):
        return msg("empty-value"), None
    if kind in _BOUNDS:
        return msg(_BOUND_MESSAGES[_BOUNDS[kind]], limit=ctx[_BOUNDS[kind]]), None
    if kind == "value_error" and isinstance(ctx.get("error"), InputError):
        return ctx["error"].message, None
    return msg("verbatim", text=str(err["msg"])), None


def _value_at(data: Any, path: DocPath) -> Any:
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _where(path: DocPath) -> str:
    """`areas[0].children[2].max`, `answers["1.1.2"].self`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.replace("_", "").isalnum() and not part[:1].isdigit():
            out += f".{part}" if out else part
        else:
            out += f'["{part}"]'
    return out


def validate(kind: str, data: dict[str, Any], skip: set[DocPath] | None = None) -> tuple[Any, list[Diagnostic]]:
    """Validate a document's data as `kind` ("criteria" or "assessment") into its frozen value, or return
    every schema problem at its document path. `skip` holds paths the YAML layer already reported."""
    try:
        return validator(kind).validate_python(data), []
    except ValidationError as exc:
        problems: list[Diagnostic] = []
        seen: set[tuple[DocPath, Msg]] = set()
        for err in exc.errors(include_url=False):
            path = data_path(tuple(err["loc"]), data)
            if skip and any(path[: len(s)] == s for s in skip):
                continue
            message, hint = _message(err, _value_at(data, path))
            if (path, message) in seen:
                continue
            seen.add((path, message))
            where = path[:-1] if err["type"] == "missing" else path
            at_path = problem("S001", "at-path", where, hint, where=_where(path) or "file", problem=message)
            problems.append(at_path._replace(key=err["type"] == "extra_forbidden"))
        return None, problems


def json_schema(kind: str) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a file kind, from the same core schema that validates files."""
    from pydantic.json_schema import GenerateJsonSchema

    schema = GenerateJsonSchema().generate(SCHEMAS[kind](), mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **_numbers_only(schema)}


def _numbers_only(item: Any) -> Any:
    """Decimals are YAML numbers in par's files (a quoted "3" is refused), so the schema says number only."""
    if isinstance(item, list):
        return [_numbers_only(value) for value in item]
    if not isinstance(item, dict):
        return item
    choices = item.get("anyOf")
    if (
        isinstance(choices, list)
        and len(choices) == 2
        and choices[0].get("type") == "number"
        and choices[1].get("type") == "string"
    ):
        rest = {key: value for key, value in item.items() if key != "anyOf"}
        return {**choices[0], **_numbers_only(rest)}
    return {key: _numbers_only(value) for key, value in item.items()}
