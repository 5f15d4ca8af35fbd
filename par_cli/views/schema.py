"""`par schema` as a report: the JSON Schema of a file kind, its one record, each field described in the run's
language (what a YAML editor shows on hover, and the meaning in the guide's tables of fields).

A field's description is the catalogue's `field.<path>` (the `[fields]` table of the language files): the kind,
then each field's name down to it (`criteria.grades.label`, `assessment.agency.id`); a set's tree is a record of
its own (`node.code`, its `$defs/node`), and a rule's fields go under its kind (`node.rule.tiers.input`). Fields
that are another record's under a second name share its words (`SAME`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from par_cli.views.report import Report
from par_cli.words.languages import words

SAME = {  # a path's start → the one whose words it takes
    "criteria.grades_by_type.": "criteria.grades.",
    "survey.combine.": "survey-design.combine.",
}


def report(kind: str, schema: dict[str, Any], lang: str) -> Report:
    return Report(str(schema.get("title", "")), lang, [], described(kind, schema, lang), [], on_screen=False)


def described(kind: str, schema: dict[str, Any], lang: str) -> dict[str, Any]:
    """The schema with a `description` on every field the catalogue words in `lang`."""
    said = words(lang)
    return _fields(kind, schema, lambda path: said.get(field_id(path)))


def field_ids(kind: str, schema: dict[str, Any]) -> list[str]:
    """The catalogue id of every field of a kind's schema, once each, in order."""
    found: dict[str, None] = {}
    _fields(kind, schema, lambda path: found.setdefault(field_id(path)))
    return list(found)


def field_id(path: str) -> str:
    for start, instead in SAME.items():
        if path.startswith(start):
            path = instead + path.removeprefix(start)
    return f"field.{path}"


def _fields(kind: str, schema: dict[str, Any], description: Callable[[str], str | None]) -> dict[str, Any]:
    def walk(item: Any, path: str) -> Any:
        if isinstance(item, list):
            return [walk(value, path) for value in item]
        if not isinstance(item, dict):
            return item
        properties = item.get("properties")
        tag = properties.get("kind", {}).get("const") if isinstance(properties, dict) and path != kind else None
        if isinstance(tag, str):  # one kind of a union (a rule): its fields are its own
            path = f"{path}.{tag}"
        out: dict[str, Any] = {}
        for key, value in item.items():
            if key == "$defs":
                out[key] = {name: walk(definition, name) for name, definition in value.items()}
            elif key == "properties" and isinstance(value, dict):
                out[key] = {name: field(child, f"{path}.{name}") for name, child in value.items()}
            else:
                out[key] = walk(value, path)
        return out

    def field(item: dict[str, Any], path: str) -> dict[str, Any]:
        found = description(path)
        walked = walk(item, path)
        return {**walked, "description": found} if found is not None else walked

    return walk(schema, kind)  # type: ignore[no-any-return]
