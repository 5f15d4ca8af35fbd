"""Validate a parsed document against a model; turn pydantic errors into located one-line diagnostics."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic_core import ValidationError

from par_cli.diagnostics import Diagnostic, Path, error, format_path
from par_cli.yamlsource import Document


def data_path(loc: tuple[Any, ...], data: Any) -> Path:
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


def _message(err: Any, value: Any, allowed: list[str]) -> tuple[str, str]:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return f"missing field '{err['loc'][-1]}'", ""
    if kind == "extra_forbidden":
        name = str(err["loc"][-1])
        close = difflib.get_close_matches(name, allowed, n=1)
        if name.isdigit():
            return f"unknown field '{name}'", "inside { } a comma separates fields: write decimals with a dot (0.5)"
        return f"unknown field '{name}'", (f"did you mean '{close[0]}'?" if close else "")
    if kind in ("decimal_type", "decimal_parsing", "is_instance_of") or kind.startswith("decimal"):
        if isinstance(value, str):
            from par_cli.rules import number_hint

            return f"expected a number, got text '{value}'", number_hint(value)
        return f"expected a number, got {_describe(value)}", ""
    if kind == "string_type":
        hint = "quote it" if isinstance(value, bool) else ""
        return f"expected text, got {_describe(value)}", hint
    if kind == "bool_type":
        return f"expected true or false, got {_describe(value)}", ""
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, got {_describe(value)}", ""
    if kind in ("list_type",):
        return f"expected a list, got {_describe(value)}", ""
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected a mapping of fields, got {_describe(value)}", ""
    if kind == "literal_error":
        return f"{_describe(value)} is not allowed: expected {ctx.get('expected', '')}", ""
    if kind == "union_tag_invalid":
        return (
            f"unknown rule kind {_describe(ctx.get('tag'))}; expected one of {ctx.get('expected_tags', '')}",
            "",
        )
    if kind == "union_tag_not_found":
        return "a rule needs a 'kind'", "e.g. kind: points"
    if kind == "string_pattern_mismatch":
        return f"{_describe(value)} is not a valid identifier", "use lower-case letters, digits, '.', '_' and '-'"
    if kind in ("too_short", "string_too_short"):
        return "must not be empty", ""
    if kind == "value_error":
        return str(ctx.get("error", err["msg"])), ""
    return str(err["msg"]), ""


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"'{value}'"


def _value_at(data: Any, path: Path) -> Any:
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def validate(kind: str, document: Document, skip: set[Path] | None = None) -> tuple[Any, list[Diagnostic]]:
    """Validate a document as `kind` ("criteria" or "assessment") into its frozen value, or return every
    schema problem located in the document.

    `skip` holds paths the YAML layer already reported (a decimal comma, say), so they are not reported twice.
    """
    from par_cli.core_schemas import field_names, validator

    try:
        return validator(kind).validate_python(document.data), []
    except ValidationError as exc:
        problems: list[Diagnostic] = []
        seen: set[tuple[Path, str]] = set()
        for err in exc.errors(include_url=False):
            path = data_path(tuple(err["loc"]), document.data)
            if skip and any(path[: len(s)] == s for s in skip):
                continue
            value = _value_at(document.data, path)
            message, hint = _message(err, value, list(field_names()))
            if (path, message) in seen:
                continue
            seen.add((path, message))
            on_key = err["type"] == "extra_forbidden"
            where = path[:-1] if err["type"] == "missing" else path
            diagnostic = error("S001", f"{format_path(path) or 'file'}: {message}", where, hint)
            problems.append(document.place(diagnostic, key=on_key))
        return None, problems


def json_schema(kind: str) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a file kind, from the same core schema that validates files."""
    from pydantic.json_schema import GenerateJsonSchema

    from par_cli.core_schemas import SCHEMAS

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
