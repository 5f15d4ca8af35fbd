"""JSON Schema of every file kind (`par schema KIND`), from the same core schemas that validate the files."""

from __future__ import annotations

from typing import Any

from par_cli.core.formats import SCHEMAS
from par_cli.core.survey_formats import SCHEMAS as SURVEY_SCHEMAS


def json_schema(kind: str) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a file kind, from the same core schema that validates files."""
    from pydantic.json_schema import GenerateJsonSchema

    schemas = {**SCHEMAS, **SURVEY_SCHEMAS}
    schema = GenerateJsonSchema().generate(schemas[kind](), mode="validation")
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
