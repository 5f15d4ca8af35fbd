"""The YAML `par import` writes: an assessment as a person would write it, one line per answer."""

from __future__ import annotations

import json
from typing import Any


def _yaml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)}: {_yaml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_yaml(item) for item in value) + "]"
    source = getattr(value, "source", None)
    if source is not None:
        return str(source)
    if value == "na":
        return "na"
    return json.dumps(str(value), ensure_ascii=False)


def _key(key: str) -> str:
    return key if key.isidentifier() and key.isascii() else json.dumps(key, ensure_ascii=False)


def assessment_yaml(data: dict[str, Any]) -> str:
    """An assessment as the YAML a person would write: one line per answer, codes quoted."""
    agency = data["agency"]
    lines = ["kind: assessment", f"criteria: {_yaml(data['criteria'])}"]
    fields = ", ".join(f"{key}: {_yaml(agency[key])}" for key in ("id", "name", "group", "type") if key in agency)
    lines.append(f"agency: {{{fields}}}")
    if "period" in data:
        period = data["period"]
        lines.append(f"period: {period if period.isdigit() else _yaml(period)}")
    for section in ("answers", "adjustments"):
        if data[section]:
            lines.append(f"{section}:")
            lines += [
                f"  {json.dumps(code, ensure_ascii=False)}: {_yaml(answer)}" for code, answer in data[section].items()
            ]
    return "\n".join(lines) + "\n"
