"""CSV for spreadsheets: language-neutral, figures with a dot, UTF-8 with a BOM (Excel opens Vietnamese text
correctly), text cells that Excel will not run as formulas."""

from __future__ import annotations

import csv
import io
from fractions import Fraction
from typing import Any

from par_cli.core.numbers import shown
from par_cli.render.views import ScoreView
from par_cli.words.tables import adjustment_title, nodes_to
from par_cli.writers.csv import safe_cell


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
