"""Survey results written as a readable YAML file (`par survey tally -o survey.yaml`)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

HEAD = (
    "Tallied by `par survey tally`: counts per agency, criterion, question, respondent group and answer.",
    "The percentages are rounded for reading; par recomputes them exactly from the counts.",
)


def results_yaml(data: dict[str, Any], head: tuple[str, ...] = HEAD) -> str:
    """The tally as a readable YAML file, one agency, criterion and question per block; `head`: its comment
    lines, in the run's language (`survey-yaml.*`)."""

    def flow(mapping: dict[str, Any]) -> str:
        return "{" + ", ".join(f"{_quote(k)}: {_plain(v)}" for k, v in mapping.items()) + "}"

    lines = [
        *(f"# {line}" for line in head),
        "kind: survey",
        f"design: {_quote(data['design'])}",
        f"criteria: {_quote(data['criteria'])}",
    ]
    if data["period"] is not None:
        lines.append(f"period: {_quote(data['period'])}")
    lines += [
        f"combine: {flow(data['combine'])}",
        f"weights: {flow(data['weights'])}",
        f"min_forms: {data['min_forms']}",
    ]
    lines.append("agencies:" + ("" if data["agencies"] else " {}"))
    for agency, entry in data["agencies"].items():
        lines += [f"  {_quote(agency)}:", f"    forms: {flow(entry['forms'])}", "    criteria:"]
        for code, criterion in sorted(entry["criteria"].items()):
            lines += [
                f"      {_quote(code)}:",
                f"        percent: {_plain(criterion['percent'])}",
                "        questions:",
            ]
            for qid, question in criterion["questions"].items():
                letters = ", ".join(_quote(letter) for letter in question["not_counted"])
                counts = ", ".join(f"{_quote(group)}: {flow(c)}" for group, c in question["counts"].items())
                lines += [f"          {_quote(qid)}:", f"            scale: {flow(question['scale'])}"]
                lines += [f"            not_counted: [{letters}]", f"            counts: {{{counts}}}"]
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    return json.dumps(str(text), ensure_ascii=False)


def _plain(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, Decimal):
        return f"{value.normalize():f}" if value != value.to_integral_value() else str(int(value))
    return str(value)
