"""JSON for other programs (spec §4): language-neutral, figures as exact decimal numbers rounded half-up to
the set's precision, messages in English."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from par_cli.core.diagnostics import Level
from par_cli.core.scoring import NodeResult
from par_cli.core.scoring import Score as ScoreResult
from par_cli.render.json_numbers import number
from par_cli.render.json_text import Streamed, chunks, dumps
from par_cli.render.views import (
    CheckView,
    RankView,
    ScoreView,
)
from par_cli.words.catalogue import finding_text, text
from par_cli.words.codes import level_of
from par_cli.words.languages import MACHINE
from par_cli.words.tables import adjustment_title

if TYPE_CHECKING:
    from par_cli.core.ranking import RankGroup


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


def rank_dict(view: RankView) -> dict[str, Any]:
    """Groups and their rows are made as they are written (`Streamed`)."""
    result: dict[str, Any] = {"groups": Streamed(_rank_group(view, group) for group in view.groups)}
    if view.has_previous:
        result["merged_as"] = view.merged_as
        result["absent_from_previous"] = [  # last period's units this ranking lacks
            {"agency": {"id": row.agency_id, "name": row.name}, "group": row.group, "rank": row.rank}
            for row in view.absent
        ]
    if view.robust:
        from par_cli.core.robustness import METHOD  # not at start-up: `par score` shows no ranking

        result["robustness"] = {"method": METHOD, "step": "one scoring step per appraised leaf (points: step or 0.25)"}
    return result


def _rank_group(view: RankView, group: RankGroup) -> dict[str, Any]:
    p = group.precision
    periods = {row.entry.period for row in group.rows}
    return {
        "criteria": group.criteria_id,
        "criteria_title": group.criteria_title,
        "group": group.group,
        "period": periods.pop() if len(periods) == 1 else None,
        "precision": p,
        "count": group.count,
        "average": number(group.average, p),
        "average_method": group.average_method,
        "grades": dict(group.grades),
        "rows": Streamed(_rank_row(view, group, n) for n in range(len(group.rows))),
    }


def _rank_row(view: RankView, group: RankGroup, n: int) -> dict[str, Any]:
    p = group.precision
    row = group.rows[n]
    e = row.entry
    agency: dict[str, Any] = {"id": e.agency_id, "name": e.agency_name, "group": e.group}
    if e.predecessors:  # extension: the units merged into it
        agency["predecessors"] = list(e.predecessors)
    item: dict[str, Any] = {
        "rank": row.rank,
        "agency": agency,
        "points": number(e.points, p),
        "max": number(e.max, p),
        "index": number(e.index, p),
        "grade": e.grade,
        "previous_rank": row.previous_rank,
        "rank_change": row.rank_change,
        "file": e.file,
    }
    if e.survey_points is not None:  # extension: `points` in its two parts, each rounded once
        item["appraised_points"] = number(e.points - e.survey_points, p)
        item["survey_points"] = number(e.survey_points, p)
    if view.has_previous:  # extension: the earlier index (a merged unit's computed from its predecessors)
        item["previous_index"] = number(row.previous_index, p) if row.previous_index is not None else None
        if row.merged_from:
            item["merged_from"] = list(row.merged_from)
    if e.leaders:  # extension: leaves scored relative to the group's leader
        best = dict(e.leaders)
        item["relative"] = [
            {"code": r.code, "value": number(r.value, 12), "best": number(best[r.code], 12)} for r in e.relative
        ]
    margins = view.robust_row(group, n)
    if margins is not None:
        item["robustness"] = {
            "gap_above": number(margins.above, p) if margins.above is not None else None,
            "gap_below": number(margins.below, p) if margins.below is not None else None,
            "shown_tie_with": list(margins.shown_tie),
            "best_rank": margins.best,
            "worst_rank": margins.worst,
            "steps_to_rise": margins.steps_up,
            "steps_to_fall": margins.steps_down,
        }
    if view.areas:
        item["areas"] = [{"code": c, "title": t, "index": number(i, p)} for c, t, i in e.areas]
    return item


def check_dict(view: CheckView) -> dict[str, Any]:
    report = view.report
    return {
        "diagnostics": [
            {
                "file": d.where.file,
                "line": d.where.line or None,
                "column": d.where.col or None,
                "level": level_of(d).value,
                "code": d.code,
                "message": text(d.message),
                "hint": text(d.hint) if d.hint is not None else None,
            }
            for d in report.diagnostics
        ],
        "summary": {
            "files": report.files,
            "errors": report.count(Level.ERROR),
            "warnings": report.count(Level.WARNING),
            "infos": report.count(Level.INFO),
        },
    }


def score(view: ScoreView) -> str:
    return dumps(score_dict(view.result, view.depth))


def rank(view: RankView) -> Iterator[str]:
    """In pieces, a row at a time: a national ranking is tens of thousands of rows."""
    return chunks(rank_dict(view))


def check(view: CheckView) -> str:
    return dumps(check_dict(view))
