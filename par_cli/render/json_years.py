"""JSON of the council's cut list (`par appraisal cuts`): figures as exact decimals rounded once."""

from __future__ import annotations

from typing import Any

from par_cli.render.json_numbers import number
from par_cli.render.views import CutsView


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
