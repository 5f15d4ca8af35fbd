"""The survey's two file kinds as pydantic-core schemas: `survey-design` (questions, groups, how answers
combine) and `survey` (the tally: counts per agency, criterion, question, group and letter)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from pydantic_core import CoreSchema, SchemaValidator, ValidationError
from pydantic_core import core_schema as cs

from par_cli.core.diagnostics import Diagnostic, Location, problem
from par_cli.core.named_tuple import NamedTuple
from par_cli.core.rules.base import as_whole, field, number, optional, record, text
from par_cli.core.rules.likert import DEFAULT_NOT_COUNTED, DEFAULT_SCALE
from par_cli.core.schema_errors import schema_problems
from par_cli.core.survey import Question

SLUG = r"^[a-z0-9][a-z0-9._-]*$"


class SurveyGroup(NamedTuple):
    id: str
    name: str
    weight: Decimal = Decimal(1)


class SurveyDesign(NamedTuple):
    kind: str
    id: str
    criteria: str
    questions: tuple[Question, ...]
    groups: tuple[SurveyGroup, ...]
    combine: dict[str, str]
    columns: dict[str, str]
    min_forms: int = 0
    agencies: tuple[str, ...] = ()
    title: str | None = None
    period: str | None = None


class SurveyResults(NamedTuple):
    kind: str
    design: str
    criteria: str
    combine: dict[str, str]
    weights: dict[str, Decimal]
    agencies: dict[str, Any]
    min_forms: int = 0
    period: str | None = None


def _scale() -> CoreSchema:
    return cs.dict_schema(text(min_length=1), number(ge=0, le=100), min_length=1, strict=True)


def _letters() -> CoreSchema:
    return cs.list_schema(text(min_length=1), strict=True)


def _combine() -> cs.TypedDictField:
    combine = record(
        {
            "questions": field(cs.literal_schema(["pooled", "mean"]), "pooled"),
            "groups": field(cs.literal_schema(["pooled", "weighted"]), "pooled"),
        },
        dict,
    )
    return field(combine, factory=lambda: {"questions": "pooled", "groups": "pooled"})


def _count() -> CoreSchema:
    return cs.no_info_before_validator_function(as_whole, cs.int_schema(ge=0, strict=True))


def design_schema() -> CoreSchema:
    question = record(
        {
            "id": field(text(min_length=1)),
            "criterion": field(text(min_length=1)),
            "text": field(optional(text()), None),
            "scale": field(_scale(), factory=lambda: dict(DEFAULT_SCALE)),
            "not_counted": field(_letters(), factory=lambda: list(DEFAULT_NOT_COUNTED)),
            "column": field(optional(text(min_length=1)), None),
            "required": field(cs.bool_schema(strict=True), True),
        },
        lambda v: Question(**{**v, "not_counted": tuple(v["not_counted"])}),
    )
    group = record(
        {"id": field(text(pattern=SLUG)), "name": field(text(min_length=1)), "weight": field(number(gt=0), Decimal(1))},
        lambda v: SurveyGroup(**v),
    )
    columns = record(
        {name: field(optional(text(min_length=1)), None) for name in ("group", "agency", "form")},
        lambda v: {k: value for k, value in v.items() if value is not None},
    )
    return record(
        {
            "kind": field(cs.literal_schema(["survey-design"])),
            "id": field(text(pattern=SLUG)),
            "title": field(optional(text()), None),
            "criteria": field(text(min_length=1)),
            "period": field(optional(text()), None),
            "combine": _combine(),
            "columns": field(columns, factory=dict),
            "min_forms": field(_count(), 0),
            "groups": field(cs.list_schema(group, min_length=1, strict=True)),
            "agencies": field(cs.list_schema(text(min_length=1), strict=True), factory=list),
            "questions": field(cs.list_schema(question, min_length=1, strict=True)),
        },
        lambda v: SurveyDesign(
            **{**v, "questions": tuple(v["questions"]), "groups": tuple(v["groups"]), "agencies": tuple(v["agencies"])}
        ),
    )


def results_schema() -> CoreSchema:
    counts = cs.dict_schema(text(min_length=1), _count(), strict=True)
    question = record(
        {
            "scale": field(_scale()),
            "not_counted": field(_letters(), factory=list),
            "counts": field(cs.dict_schema(text(min_length=1), counts, strict=True)),
        },
        dict,
    )
    criterion = record(
        {
            "percent": field(optional(number(ge=0, le=100)), None),
            "questions": field(cs.dict_schema(text(min_length=1), question, min_length=1, strict=True)),
        },
        dict,
    )
    agency = record(
        {
            "forms": field(cs.dict_schema(text(min_length=1), _count(), strict=True)),
            "criteria": field(cs.dict_schema(text(min_length=1), criterion, strict=True)),
        },
        dict,
    )
    return record(
        {
            "kind": field(cs.literal_schema(["survey"])),
            "design": field(text(min_length=1)),
            "criteria": field(text(min_length=1)),
            "period": field(optional(text()), None),
            "combine": _combine(),
            "weights": field(cs.dict_schema(text(min_length=1), number(gt=0), strict=True), factory=dict),
            "min_forms": field(_count(), 0),
            "agencies": field(cs.dict_schema(text(min_length=1), agency, strict=True)),
        },
        lambda v: SurveyResults(**v),
    )


SCHEMAS: dict[str, Callable[[], CoreSchema]] = {"survey-design": design_schema, "survey": results_schema}


@functools.cache
def validator(kind: str) -> SchemaValidator:
    return SchemaValidator(SCHEMAS[kind](), cs.CoreConfig(strict=True))


def validate_survey(kind: str, data: dict[str, Any]) -> tuple[Any, list[Diagnostic]]:
    """A survey design or results document into its value, or every schema problem at its document path."""
    try:
        return validator(kind).validate_python(data), []
    except ValidationError as exc:
        return None, schema_problems(exc, data, FIELDS)


FIELDS = (
    "kind",
    "id",
    "title",
    "criteria",
    "period",
    "combine",
    "columns",
    "min_forms",
    "groups",
    "agencies",
    "questions",
    "criterion",
    "text",
    "scale",
    "not_counted",
    "column",
    "required",
    "name",
    "weight",
    "design",
    "weights",
    "forms",
    "counts",
    "percent",
    "group",
    "agency",
    "form",
)


def sample_notes(
    design: SurveyDesign, agencies: dict[str, Any], known: list[str], first_at: dict[str, Location], where: Location
) -> list[Diagnostic]:
    """Agencies without forms (at `where`, the responses) and groups below `min_forms` (at the agency's first form)."""
    notes = [problem("V008", "no-forms", name=agency, file="").at(where) for agency in known if agency not in agencies]
    for agency, entry in agencies.items():
        for group in design.groups:
            forms = entry["forms"].get(group.id, 0)
            if forms < design.min_forms:
                few = problem("V006", "few-forms", name=agency, group=group.id, forms=forms, least=design.min_forms)
                notes.append(few.at(first_at.get(agency, where)))
    return notes
