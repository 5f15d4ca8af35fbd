"""Schema failures (pydantic-core) as diagnostics at document paths, with words a person understands."""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic_core import ValidationError

from par_cli.core.diagnostics import Diagnostic, DocPath, Msg, msg, problem
from par_cli.core.rules.base import InputError, found, number_hint


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


def alternatives(expected: str) -> Msg | str:
    """The schema library's `'a', 'b' or 'c'` in the reader's language (its "or" is English)."""
    names = re.findall(r"'[^']*'", expected)
    if len(names) < 2 or ", ".join(names[:-1]) + " or " + names[-1] != expected:
        return expected
    return msg("phrase.one-of", first=", ".join(names[:-1]), last=names[-1])


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


def _message(err: Any, value: Any, names: tuple[str, ...]) -> tuple[Msg, Msg | None]:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return msg("missing-field", field=str(err["loc"][-1])), None
    if kind == "extra_forbidden":
        name = str(err["loc"][-1])
        if name.isdigit():
            return msg("unknown-field", field=name), msg("hint.comma-in-braces", number="0.5")
        close = difflib.get_close_matches(name, list(names), n=1)
        if close and close[0] == name:  # a field of another part of the format: "did you mean" itself helps no one
            return msg("unknown-field", field=name), msg("hint.field-elsewhere", field=name)
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
        return msg("not-allowed", found=described(value), expected=alternatives(str(ctx.get("expected", "")))), None
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


def schema_problems(
    exc: ValidationError, data: dict[str, Any], names: tuple[str, ...], skip: set[DocPath] | None = None
) -> list[Diagnostic]:
    """Every problem pydantic-core found, as a diagnostic at its document path (`names`: the format's field
    names, for "did you mean"; `skip`: paths already reported by the YAML layer)."""
    problems: list[Diagnostic] = []
    seen: set[tuple[DocPath, Msg]] = set()
    for err in exc.errors(include_url=False):
        path = data_path(tuple(err["loc"]), data)
        if skip and any(path[: len(s)] == s for s in skip):
            continue
        message, hint = _message(err, _value_at(data, path), names)
        if (path, message) in seen:
            continue
        seen.add((path, message))
        where = path[:-1] if err["type"] == "missing" else path
        at_path = problem("S001", "at-path", where, hint, where=_where(path) or "file", problem=message)
        problems.append(at_path._replace(key=err["type"] == "extra_forbidden"))
    return problems
