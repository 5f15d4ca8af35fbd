"""`par check` output: text lines, JSON, GitHub annotations, SARIF 2.1.0."""

from __future__ import annotations

from typing import Any

from par_cli import __version__
from par_cli.checking import CheckReport
from par_cli.codes import CODES
from par_cli.diagnostics import Diagnostic, Level

SARIF_LEVEL = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}
GITHUB_COMMAND = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "notice"}


def summary(report: CheckReport, lang: str = "en") -> str:
    errors, warnings, infos = (report.count(level) for level in (Level.ERROR, Level.WARNING, Level.INFO))
    if lang == "vi":
        return f"{errors} lỗi, {warnings} cảnh báo, {infos} thông tin trong {report.files} tệp"

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    counts = ", ".join([plural(errors, "error"), plural(warnings, "warning"), plural(infos, "info")])
    return f"{counts} in {plural(report.files, 'file')}"


def check_text(report: CheckReport, lang: str = "en") -> str:
    lines = [d.render(with_code=True, lang=lang) for d in report.diagnostics]
    return "\n".join([*lines, summary(report, lang)]) + "\n"


def _item(d: Diagnostic) -> dict[str, Any]:
    return {
        "file": d.file,
        "line": d.line or None,
        "column": d.col or None,
        "level": d.level.value,
        "code": d.code,
        "message": d.message,
        "hint": d.hint or None,
    }


def check_dict(report: CheckReport) -> dict[str, Any]:
    return {
        "diagnostics": [_item(d) for d in report.diagnostics],
        "summary": {
            "files": report.files,
            "errors": report.count(Level.ERROR),
            "warnings": report.count(Level.WARNING),
            "infos": report.count(Level.INFO),
        },
    }


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def check_github(report: CheckReport, lang: str = "en") -> str:
    """Workflow commands that GitHub Actions shows as annotations on the files."""
    lines = []
    for d in report.diagnostics:
        if lang == "vi":
            from par_cli.messages_vi import vietnamese_hint, vietnamese_message

            d = d._replace(message=vietnamese_message(d.message), hint=vietnamese_hint(d.hint) if d.hint else "")
        props = [f"file={_escape_property(d.file)}"]
        if d.line:
            props += [f"line={d.line}", f"col={d.col or 1}"]
        props.append(f"title={_escape_property(d.code)}")
        hint_word = "gợi ý" if lang == "vi" else "hint"
        message = d.message + (f" ({hint_word}: {d.hint})" if d.hint else "")
        lines.append(f"::{GITHUB_COMMAND[d.level]} {','.join(props)}::{_escape_data(message)}")
    lines.append(summary(report, lang))
    return "\n".join(lines) + "\n"


def check_sarif(report: CheckReport) -> dict[str, Any]:
    """SARIF 2.1.0 for GitHub code scanning: one rule per code, 1-based regions, paths relative to the repository."""
    used = sorted({d.code for d in report.diagnostics})
    rules = [
        {
            "id": code,
            "name": code,
            "shortDescription": {"text": CODES[code].summary},
            "defaultConfiguration": {"level": SARIF_LEVEL[Level(CODES[code].level)]},
        }
        for code in used
    ]
    index = {code: i for i, code in enumerate(used)}
    results = []
    for d in report.diagnostics:
        message = d.message + (f" (hint: {d.hint})" if d.hint else "")
        results.append(
            {
                "ruleId": d.code,
                "ruleIndex": index[d.code],
                "level": SARIF_LEVEL[d.level],
                "message": {"text": message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": d.file.replace("\\", "/"), "uriBaseId": "%SRCROOT%"},
                            "region": {"startLine": max(d.line, 1), "startColumn": max(d.col, 1)},
                        }
                    }
                ],
            }
        )
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "par",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
