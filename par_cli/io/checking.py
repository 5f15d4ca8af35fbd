"""`par check`: every problem in every criteria and assessment file, as coded, levelled, located diagnostics.

Returns data; the CLI words it and exits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from par_cli.core.diagnostics import Diagnostic, Level, LineCol, ParError, msg, order, problem
from par_cli.io.appraisals import unclaimed
from par_cli.io.files import discover_yaml, file_kind
from par_cli.words.catalogue import finding_message
from par_cli.words.codes import FINDING_CODES, level_of

if TYPE_CHECKING:
    from par_cli.io.workspace import Workspace

FINDING_HINTS = {"A006": "hint.answer-it", "A007": "hint.add-evidence"}


@dataclass(frozen=True)
class CheckReport:
    diagnostics: tuple[Diagnostic, ...]
    files: int

    def count(self, level: Level) -> int:
        return sum(1 for d in self.diagnostics if level_of(d) is level)

    def failed(self) -> bool:
        return self.count(Level.ERROR) > 0


class _Checker:
    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.ids: dict[str, str] = {}
        self.agencies: dict[tuple[Path, str], str] = {}
        self.assessed: dict[Path, list[tuple[str, str, str | None]]] = {}  # folder → (agency, set, period)

    def criteria(self, path: Path) -> list[Diagnostic]:
        model, doc, found = self.workspace.check_criteria_file(path)
        if model is not None and doc is not None:
            first = self.ids.setdefault(model.id, doc.file)
            if first != doc.file and not _same_bytes(Path(first), path):  # identical copies (2023/, 2024/) are one set
                again = problem("C013", "id-also-in", ("id",), msg("hint.own-id"), id=model.id, file=first)
                found.append(doc.place(again))
        return found

    def assessment(self, path: Path) -> list[Diagnostic]:
        bound, found = self.workspace.inspect_assessment(path)
        if bound is None:
            return found
        agency = bound.assessment.agency
        here = (agency.id, bound.criteria.id, bound.assessment.period)
        self.assessed.setdefault(path.parent.resolve(), []).append(here)
        first = self.agencies.setdefault((path.parent.resolve(), agency.id.casefold()), bound.file)
        if first != bound.file:
            again = problem(
                "A009", "agency-also-used", ("agency", "id"), msg("hint.one-per-folder"), id=agency.id, file=first
            )
            found.append(again.at(bound.origin.locate(again.path)))
        try:
            result = self.workspace.scored(bound)
        except ParError as exc:  # nothing applicable: reported like any other error
            return found + list(exc.diagnostics)
        for finding in result.findings:
            code = FINDING_CODES.get(finding.code)
            if code is None:
                continue
            where = bound.origin.locate(finding.path, key=True)
            if len(finding.path) == 1:
                where = where._replace(col=1)
            hint = msg(FINDING_HINTS[code]) if code in FINDING_HINTS else None
            found.append(Diagnostic(code, finding_message(finding), finding.path, where, hint))
        return found


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def check_paths(paths: Sequence[Path], workspace: Workspace, strict: bool = False) -> CheckReport:
    """Check every file under `paths`: criteria sets first (so ids are known), then assessments."""
    files, diagnostics = discover_yaml(paths)
    if not files and not diagnostics:
        diagnostics.append(problem("F002", "no-files").at(LineCol(", ".join(map(str, paths)))))
    kinds = {path: file_kind(path) for path in files}
    checker = _Checker(workspace)
    for path in sorted(files, key=lambda p: (kinds[p] != "criteria", str(p))):
        kind = kinds[path]
        if kind in ("survey", "survey-design"):
            survey = workspace.survey
            diagnostics += survey.check(path, kind) if survey is not None else []
        elif kind == "appraisal":
            diagnostics += workspace.appraisals.file(path).problems
        else:
            diagnostics += checker.criteria(path) if kind == "criteria" else checker.assessment(path)
    if not any(level_of(d) is Level.ERROR for d in diagnostics):  # an appraisal file's agencies all assessed
        for path in (path for path in files if kinds[path] == "appraisal"):
            diagnostics += unclaimed(workspace.appraisals.file(path), checker.assessed.get(path.parent.resolve(), []))
    unique = sorted(set(diagnostics), key=order)
    if strict:
        unique = [d._replace(level=Level.ERROR) if level_of(d) is Level.WARNING else d for d in unique]
    return CheckReport(tuple(unique), len(files))
