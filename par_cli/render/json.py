"""JSON for other programs (spec §4): language-neutral, figures as exact decimal numbers rounded half-up to
the set's precision, messages in English."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from par_cli.core.scoring import NodeResult
from par_cli.core.scoring import Score as ScoreResult
from par_cli.render.json_numbers import number
from par_cli.render.views import (
    ScoreView,
)
from par_cli.words.catalogue import finding_text
from par_cli.words.languages import MACHINE
from par_cli.words.tables import adjustment_title
from par_cli.writers.json_text import dumps

if TYPE_CHECKING:
    pass


def agency_json(result: ScoreResult) -> dict[str, Any]:
    agency = result.agency
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


def score_dict(result: ScoreResult, depth: int = 1) -> dict[str, Any]:
    p = result.precision
    return {
        "agency": agency_json(result),
        "criteria": {"id": result.criteria_id, "title": result.criteria_title},
        "period": period_json(result.period),
        "points": number(result.points, p),
        "max": number(result.max, p),
        "index": number(result.index, p),
        "grade": result.grade,
        "self": {
            "points": number(result.self_points, p),
            "max": number(result.max, p),
            "index": number(result.self_index, p),
            "grade": result.self_grade,
        },
        "areas": [node_json(area, p, depth) for area in result.areas],
        "adjustments": [
            {
                "code": a.code,
                "title": adjustment_title(a, MACHINE),
                "kind": a.kind,
                "points": number(a.points, p),
                "self_points": number(a.self_points, p),
            }
            for a in result.adjustments
        ],
        "findings": [
            {
                "level": f.level,
                "code": f.code,
                "criterion": f.criterion,
                "message": finding_text(f),
                "file": result.file,
                "line": result.origin.locate(f.path, key=True).line,
            }
            for f in result.findings
        ],
    }


def score(view: ScoreView) -> str:
    return dumps(score_dict(view.result, view.depth))
