"""A report's problems as SARIF 2.1.0 for GitHub code scanning: one rule per code, 1-based regions (English)."""

from __future__ import annotations

from typing import Any

from par_cli import __version__
from par_cli.views.report import Problems, Report
from par_cli.writers.json_text import dumps

LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def write(report: Report) -> str:
    return dumps(sarif(report))


def sarif(report: Report) -> dict[str, Any]:
    found = [block for block in report.blocks if isinstance(block, Problems)]
    problems = [problem for block in found for problem in block.items]
    used = list(dict.fromkeys(rule for block in found for rule in block.rules))
    rules = [
        {
            "id": code,
            "name": code,
            "shortDescription": {"text": summary},
            "defaultConfiguration": {"level": LEVEL[level]},
        }
        for code, summary, level in used
    ]
    index = {code: i for i, (code, _, _) in enumerate(used)}
    results = []
    for problem in problems:
        region = {"startLine": max(problem.line, 1), "startColumn": max(problem.col, 1)}
        artifact = {"uri": problem.file.replace("\\", "/"), "uriBaseId": "%SRCROOT%"}
        results.append(
            {
                "ruleId": problem.code,
                "ruleIndex": index[problem.code],
                "level": LEVEL[problem.level],
                "message": {"text": problem.record},
                "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": region}}],
            }
        )
    driver = {"name": "par", "version": __version__, "rules": rules}
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results}],
    }
