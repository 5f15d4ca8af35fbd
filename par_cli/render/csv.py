"""CSV for spreadsheets: language-neutral, figures with a dot, UTF-8 with a BOM (Excel opens Vietnamese text
correctly), text cells that Excel will not run as formulas."""

from __future__ import annotations

import csv
import io
from fractions import Fraction
from typing import Any

from par_cli.core.numbers import shown
from par_cli.render.views import RankView, ScoreView
from par_cli.words.tables import adjustment_title, area_codes, nodes_to

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str | None) -> str:
    """Text from an input file as a spreadsheet cell that Excel will not run as a formula."""
    if text is None:
        return ""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _optional(value: Fraction | None, places: int) -> str:
    return "" if value is None else shown(value, places)


def _writer() -> tuple[io.StringIO, Any]:
    buffer = io.StringIO()
    return buffer, csv.writer(buffer, lineterminator="\r\n")


def score(view: ScoreView) -> str:
    """One row per node (to `depth`), then adjustments and the total."""
    result = view.result
    p = result.precision
    buffer, writer = _writer()
    writer.writerow(["code", "title", "depth", "applicable", "max", "self_points", "points", "index", "self_index"])
    for node in nodes_to(result, view.depth):
        writer.writerow(
            [
                safe_cell(node.code),
                safe_cell(node.title),
                node.depth,
                str(node.applicable).lower(),
                shown(node.max, p),
                shown(node.self_points, p),
                shown(node.points, p),
                _optional(node.percent, p),
                _optional(node.self_percent, p),
            ]
        )
    for adjustment in result.adjustments:
        own, final = shown(adjustment.self_points, p), shown(adjustment.points, p)
        title = adjustment_title(adjustment, result.language)
        writer.writerow([safe_cell(adjustment.code), safe_cell(title), "", "", "", own, final, "", ""])
    totals = [shown(value, p) for value in (result.max, result.self_points, result.points, result.index)]
    writer.writerow(["total", "", "", "", *totals, shown(result.self_index, p)])
    return "\ufeff" + buffer.getvalue()


def _code_key(code: str) -> list[tuple[int, int | str]]:
    return [(0, int(part)) if part.isdigit() else (1, part) for part in code.split(".")]


def rank(view: RankView) -> str:
    """One row per agency, figures as numbers."""
    groups = view.groups
    buffer, writer = _writer()
    codes = sorted({code for g in groups for code in area_codes(g)}, key=_code_key) if view.areas else []
    head = ["criteria", "group", "rank", "agency_id", "agency", "points", "max", "index", "grade"]
    robust = ["gap_above", "gap_below", "shown_tie", "best_rank", "worst_rank", "steps_to_rise", "steps_to_fall"]
    robust = robust if view.robust else []
    writer.writerow([*head, "previous_rank", "rank_change", *robust, *[f"area_{code}" for code in codes]])
    for group in groups:
        p = group.precision
        for n, row in enumerate(group.rows):
            margins = view.robust_row(group, n)
            extra = (
                [
                    _optional(margins.above, p),
                    _optional(margins.below, p),
                    "yes" if margins.shown_tie else "",
                    margins.best,
                    margins.worst,
                    "" if margins.steps_up is None else margins.steps_up,
                    "" if margins.steps_down is None else margins.steps_down,
                ]
                if margins is not None
                else []
            )
            e = row.entry
            by_code = {code: index for code, _, index in e.areas}
            writer.writerow(
                [
                    safe_cell(group.criteria_id),
                    safe_cell(group.group),
                    row.rank,
                    safe_cell(e.agency_id),
                    safe_cell(e.agency_name),
                    shown(e.points, p),
                    shown(e.max, p),
                    shown(e.index, p),
                    safe_cell(e.grade),
                    "" if row.previous_rank is None else row.previous_rank,
                    "" if row.rank_change is None else row.rank_change,
                    *extra,
                    *[_optional(by_code.get(code), p) for code in codes],
                ]
            )
    return "\ufeff" + buffer.getvalue()
