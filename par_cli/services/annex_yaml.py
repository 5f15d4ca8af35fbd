"""The draft criteria file `par criteria import` writes: plain YAML a person reviews, with TODO comments."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from par_cli.core.annex import Draft


def _text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _value(value: Any) -> str:
    if isinstance(value, Decimal):
        return _number(value)
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_value(v)}" for k, v in value.items()) + "}"
    return str(value)


def _node(node: dict[str, Any], indent: int, lines: list[str]) -> None:
    pad = " " * indent
    lines.append(f"{pad}- code: {_text(node['code'])}")
    lines.append(f"{pad}  title: {_text(node['title'])}")
    lines.append(f"{pad}  max: {_number(node['max'])}")
    if "children" in node:
        lines.append(f"{pad}  children:")
        for child in node["children"]:
            _node(child, indent + 4, lines)
        if node.get("guide"):
            lines.append(f"{pad}  guide: {_text(node['guide'])}")
        return
    rule = node["rule"]
    if rule["kind"] == "levels":
        lines.append(f"{pad}  rule:")
        lines.append(f"{pad}    kind: levels")
        lines.append(f"{pad}    levels:")
        lines += [f"{pad}      - {_value(level)}" for level in rule["levels"]]
    elif rule["kind"] == "tiers":
        lines.append(f"{pad}  rule:")
        lines.append(f"{pad}    kind: tiers")
        lines.append(f"{pad}    tiers:")
        lines += [f"{pad}      - {_value(tier)}" for tier in rule["tiers"]]
    else:
        todo = node.get("_todo")
        comment = f"  # TODO: {' '.join(todo.split())}" if todo else ""
        lines.append(f"{pad}  rule: {_value(rule)}{comment}")
    if node.get("guide"):
        lines.append(f"{pad}  guide: {_text(node['guide'])}")


def draft_yaml(draft: Draft, set_id: str, title: str, source: str | None, annex: str) -> str:
    lines = [
        f"# Drafted by `par criteria import` from {' '.join(annex.split())}: check every figure against the annex,",
        "# decide each TODO (rules left as points), set the grades, then `par check` this file.",
        "kind: criteria",
        f"id: {set_id}",
        f"title: {_text(title)}",
    ]
    if source:
        lines.append(f"source: {_text(source)}")
    lines += ["status: partial", "language: vi", "precision: 2", "grades: []  # TODO: the grade bands", "areas:"]
    for area in draft.areas:
        _node(area, 2, lines)
    if draft.adjustments:
        lines.append("adjustments:  # điểm thưởng / điểm trừ: outside the maximum")
    for item in draft.adjustments:
        fields = {k: item[k] for k in ("code", "title", "kind", "max")}
        line = "  - {" + ", ".join(f"{k}: {v if k == 'kind' else _value(v)}" for k, v in fields.items()) + "}"
        lines.append(line + (f"  # {item['note']}" if item["note"] else ""))
    lines += [f"{key}: {_number(cap)}" for key, cap in sorted(draft.caps.items())]
    return "\n".join(lines) + "\n"
