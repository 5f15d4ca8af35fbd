"""`par schema` as a report: the JSON Schema of a file kind, its one record (language-neutral)."""

from __future__ import annotations

from typing import Any

from par_cli.views.report import Report
from par_cli.words.languages import MACHINE


def report(schema: dict[str, Any]) -> Report:
    return Report(str(schema.get("title", "")), MACHINE, [], schema, [], on_screen=False)
