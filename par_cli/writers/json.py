"""A report's JSON record: language-neutral, figures as exact decimals (the view rounded them once)."""

from __future__ import annotations

from par_cli.render.json_text import dumps
from par_cli.views.report import Report


def write(report: Report) -> str:
    return dumps(report.json)
