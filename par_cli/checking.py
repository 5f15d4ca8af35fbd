"""`par check`: every problem in every criteria and assessment file, as coded, levelled, located diagnostics.

Reads files only through the loader; returns data; the CLI renders and exits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from par_cli.batch import discover_yaml
from par_cli.codes import FINDING_CODES
from par_cli.diagnostics import Diagnostic, Level, ParError, error, info, sort_key, warning
from par_cli.loader import Workspace, check_criteria_file, file_kind
from par_cli.scoring import score


@dataclass(frozen=True)
class CheckReport:
    diagnostics: tuple[Diagnostic, ...]
    files: int

    def count(self, level: Level) -> int:
        return sum(1 for d in self.diagnostics if d.level is level)

    def failed(self) -> bool:
        return self.count(Level.ERROR) > 0


def _criteria(path: Path, ids: dict[str, str]) -> list[Diagnostic]:
    model, doc, found = check_criteria_file(path)
    if model is not None and doc is not None:
        first = ids.setdefault(model.id, doc.file)
        if first != doc.file:
            found.append(
                doc.place(
                    error(
                        "C013",
                        f"criteria id '{model.id}' is also defined in {first}",
                        ("id",),
                        hint="give each set its own id",
                    )
                )
            )
    return found


def _assessment(path: Path, workspace: Workspace, agencies: dict[tuple[Path, str], str]) -> list[Diagnostic]:
    bound, found = workspace.inspect_assessment(path)
    if bound is None:
        return found
    agency = bound.assessment.agency
    first = agencies.setdefault((path.parent.resolve(), agency.id), bound.file)
    if first != bound.file:
        found.append(
            error(
                "A009", f"agency id '{agency.id}' is also used by {first}", hint="one file per agency in a folder"
            ).located(bound.file, *bound.agency_position)
        )
    try:
        result = score(bound)
    except ParError as exc:  # nothing applicable: reported like any other error
        return found + list(exc.diagnostics)
    for finding in result.findings:
        code = FINDING_CODES.get(finding.code)
        if code is None:
            continue
        line, col = bound.answer_positions.get(finding.criterion, (finding.line, 1))
        make = info if finding.level == "info" else warning
        hint = ""
        if code == "A006":
            hint = "answer it, or declare it na if allowed"
        elif code == "A007":
            hint = "add evidence: [...] or an explanation"
        found.append(make(code, finding.message, hint=hint).located(bound.file, line, col))
    return found


def check_paths(paths: Sequence[Path], strict: bool = False) -> CheckReport:
    """Check every file under `paths`: criteria sets first (so ids are known), then assessments."""
    files, diagnostics = discover_yaml(paths)
    if not files and not diagnostics:
        diagnostics.append(
            error("F002", "no criteria or assessment files found").located(", ".join(map(str, paths)), 0, 0)
        )
    kinds = {path: file_kind(path) for path in files}
    workspace = Workspace()
    ids: dict[str, str] = {}
    agencies: dict[tuple[Path, str], str] = {}
    for path in sorted(files, key=lambda p: (kinds[p] != "criteria", str(p))):
        if kinds[path] == "criteria":
            diagnostics += _criteria(path, ids)
        else:
            diagnostics += _assessment(path, workspace, agencies)
    unique = sorted(set(diagnostics), key=sort_key)
    if strict:
        unique = [d._replace(level=Level.ERROR) if d.level is Level.WARNING else d for d in unique]
    return CheckReport(tuple(unique), len(files))
