"""JSON of `par trend` and `par gaps`: figures as exact decimals rounded once to the set's precision."""

from __future__ import annotations

from typing import Any

from par_cli.render.json_numbers import number
from par_cli.render.views import CutsView, GapsView, TrendView


def trend_dict(view: TrendView) -> dict[str, Any]:
    found = view.trend
    p = found.precision
    agencies = []
    for line in found.lines:
        periods: list[Any] = []
        for period, point in zip(found.periods, line.points, strict=True):
            if point is None:
                periods.append({"period": period, "index": None, "rank": None})
                continue
            item: dict[str, Any] = {"period": period, "index": number(point.index, p), "rank": point.rank}
            if point.merged_from:
                item["merged_from"] = list(point.merged_from)
            item["areas"] = [{"code": c, "index": number(i, p), "rank": r} for c, i, r in point.areas]
            periods.append(item)
        agencies.append({"id": line.agency_id, "name": line.name, "group": line.group, "periods": periods})
    return {"periods": list(found.periods), "merged_as": found.merged_as, "agencies": agencies}


def gaps_dict(view: GapsView) -> dict[str, Any]:
    sets = []
    for found in view.sets:
        p = found.precision
        rows = [
            {
                "code": gap.code,
                "title": gap.title,
                "depth": gap.depth,
                "leaf": gap.leaf,
                "agencies_assessed": gap.assessed,
                "agencies_losing": gap.losing,
                "points_lost": number(gap.lost, p),
                "average_lost": number(gap.average, p),
                "max": number(gap.max, p),
                "share_of_max_percent": number(gap.share, p),
                "worst": [{"agency": name, "points_lost": number(lost, p)} for name, lost in gap.worst],
            }
            for gap in found.gaps
        ]
        sets.append(
            {
                "criteria": found.criteria_id,
                "criteria_title": found.criteria_title,
                "agencies": len(found.agencies),
                "criteria_rows": rows,
            }
        )
    return {"sets": sets}


def cuts_dict(view: CutsView) -> dict[str, Any]:
    """Every agency with the leaves whose final points differ from the self-assessed ones (docx-ready data)."""
    return {
        "agencies": [
            {
                "agency": {"id": entry.agency_id, "name": entry.agency_name},
                "file": entry.file,
                "cuts": [
                    {
                        "code": cut.code,
                        "title": cut.title,
                        "self_points": number(cut.self_points, entry.precision),
                        "points": number(cut.points, entry.precision),
                        "change": number(cut.points - cut.self_points, entry.precision),
                        "reason": cut.reason,
                        "two_rounds": cut.rounds,
                    }
                    for cut in entry.cuts
                ],
            }
            for entry in view.entries
        ]
    }
