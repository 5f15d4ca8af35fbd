"""`par check` as SARIF 2.1.0 for GitHub code scanning: one rule per code, 1-based regions (English)."""

from __future__ import annotations

from typing import Any

from par_cli import __version__
from par_cli.core.diagnostics import Level
from par_cli.render.json_text import dumps
from par_cli.render.views import CheckView
from par_cli.words.catalogue import text
from par_cli.words.codes import CODES, level_of

LEVEL = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}


def sarif(view: CheckView) -> dict[str, Any]:
    report = view.report
    used = sorted({d.code for d in report.diagnostics})
    rules = [
        {
            "id": code,
            "name": code,
            "shortDescription": {"text": CODES[code].summary},
            "defaultConfiguration": {"level": LEVEL[CODES[code].level]},
        }
        for code in used
    ]
    index = {code: i for i, code in enumerate(used)}
    results = []
    for d in report.diagnostics:
        message = text(d.message) + (f" (hint: {text(d.hint)})" if d.hint is not None else "")
        region = {"startLine": max(d.where.line, 1), "startColumn": max(d.where.col, 1)}
        artifact = {"uri": d.where.file.replace("\\", "/"), "uriBaseId": "%SRCROOT%"}
        results.append(
            {
                "ruleId": d.code,
                "ruleIndex": index[d.code],
                "level": LEVEL[level_of(d)],
                "message": {"text": message},
                "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": region}}],
            }
        )
    driver = {"name": "par", "version": __version__, "rules": rules}
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results}],
    }


def check(view: CheckView) -> str:
    return dumps(sarif(view))
