"""JSON output (spec §4): language-neutral, numbers rounded half-up to the set's precision."""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any

from par_cli.numbers import round_half_up
from par_cli.scoring import NodeResult, Score


def number(value: Fraction | None, places: int) -> int | float | None:
    """A JSON number rounded half-up; a float only carries the rounded text (repr is shortest round-trip)."""
    if value is None:
        return None
    rounded = round_half_up(value, places)
    if rounded == rounded.to_integral_value():
        return int(rounded)
    return float(rounded)


def agency_json(score: Score) -> dict[str, Any]:
    agency = score.agency
    return {"id": agency.id, "name": agency.name, "group": agency.group}


def period_json(period: str | None) -> int | str | None:
    return int(period) if period is not None and period.isdigit() else period


def node_json(node: NodeResult, places: int, depth: int) -> dict[str, Any]:
    out: dict[str, Any] = {
        "code": node.code,
        "title": node.title,
        "points": number(node.points, places),
        "max": number(node.max, places),
        "index": number(node.percent, places),
        "self_points": number(node.self_points, places),
        "self_index": number(node.self_percent, places),
        "applicable": node.applicable,
    }
    if depth > 1 and node.children:
        out["children"] = [node_json(child, places, depth - 1) for child in node.children]
    return out


def score_dict(score: Score, depth: int = 1) -> dict[str, Any]:
    p = score.precision
    return {
        "agency": agency_json(score),
        "criteria": {"id": score.criteria_id, "title": score.criteria_title},
        "period": period_json(score.period),
        "points": number(score.points, p),
        "max": number(score.max, p),
        "index": number(score.index, p),
        "grade": score.grade,
        "self": {
            "points": number(score.self_points, p),
            "max": number(score.max, p),
            "index": number(score.self_index, p),
            "grade": score.self_grade,
        },
        "areas": [node_json(area, p, depth) for area in score.areas],
        "adjustments": [
            {
                "code": a.code,
                "title": a.title,
                "kind": a.kind,
                "points": number(a.points, p),
                "self_points": number(a.self_points, p),
            }
            for a in score.adjustments
        ],
        "findings": [
            {
                "level": f.level,
                "code": f.code,
                "criterion": f.criterion,
                "message": f.message,
                "file": score.file,
                "line": f.line,
            }
            for f in score.findings
        ],
    }


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
