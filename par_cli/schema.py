"""Validate a parsed document against a model; turn pydantic errors into located one-line diagnostics."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from par_cli.diagnostics import Diagnostic, Path, error, format_path
from par_cli.yamlsource import Document

M = TypeVar("M", bound=BaseModel)


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


def _fields_of(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names allowed where an unknown field was found (for a 'did you mean' hint)."""
    names: set[str] = set()
    stack: list[type[BaseModel]] = [model]
    seen: set[type[BaseModel]] = set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        names.update(current.model_fields)
        for info in current.model_fields.values():
            for arg in _model_args(info.annotation):
                stack.append(arg)
    return sorted(names)


def _model_args(annotation: Any) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    for arg in getattr(annotation, "__args__", ()) or ():
        found.extend(_model_args(arg))
    for meta in getattr(annotation, "__metadata__", ()) or ():
        found.extend(_model_args(meta))
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and origin is not annotation:
        found.extend(_model_args(origin))
    return found


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
    if kind == "too_short":
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


def validate(model: type[M], document: Document, skip: set[Path] | None = None) -> tuple[M | None, list[Diagnostic]]:
    """Build the model, or return every schema problem located in the document.

    `skip` holds paths the YAML layer already reported (a decimal comma, say), so they are not reported twice.
    """
    try:
        return model.model_validate(document.data), []
    except ValidationError as exc:
        problems: list[Diagnostic] = []
        seen: set[tuple[Path, str]] = set()
        for err in exc.errors(include_url=False):
            path = data_path(tuple(err["loc"]), document.data)
            if skip and any(path[: len(s)] == s for s in skip):
                continue
            value = _value_at(document.data, path)
            message, hint = _message(err, value, _fields_of(model, tuple(err["loc"])))
            if (path, message) in seen:
                continue
            seen.add((path, message))
            on_key = err["type"] == "extra_forbidden"
            where = path[:-1] if err["type"] == "missing" else path
            diagnostic = error("S001", f"{format_path(path) or 'file'}: {message}", where, hint)
            problems.append(document.place(diagnostic, key=on_key))
        return None, problems


def json_schema(kind: str) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a file kind, as pydantic describes the models."""
    from par_cli.models import Assessment, CriteriaSet

    model: type[BaseModel] = CriteriaSet if kind == "criteria" else Assessment
    schema = model.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
