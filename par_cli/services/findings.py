"""What scoring finds about an assessment (A006 unanswered, A007 without evidence…), as located diagnostics: for
`par check`, and for a form whose details are bad (its answers bound against stand-in details)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from par_cli.core.diagnostics import Diagnostic, msg
from par_cli.words.catalogue import finding_message
from par_cli.words.codes import FINDING_CODES

if TYPE_CHECKING:
    from collections.abc import Iterable

    from par_cli.core.binding import Bound
    from par_cli.core.scoring import Finding, Score

FINDING_HINTS = {"A006": "hint.answer-it", "A007": "hint.add-evidence"}


def finding_diagnostics(bound: Bound, result: Score) -> list[Diagnostic]:
    """The scoring's findings about an assessment (A006 unanswered, A007 no evidence…) as located diagnostics."""
    return located_findings(bound, result.findings)


def located_findings(bound: Bound, findings: Iterable[Finding]) -> list[Diagnostic]:
    """Findings as located diagnostics (`finding_diagnostics`)."""
    found = []
    for finding in findings:
        code = FINDING_CODES.get(finding.code)
        if code is None or (finding.code == "not-counted" and (finding.level == "info" or finding.survey)):
            continue  # answers not counted: only a majority is a warning; a results file's, said in that file
        located = bound.origin.locate(finding.path, key=True)
        if len(finding.path) == 1:  # a leaf without an answer: at a form's input cell, else at `answers:`
            located = getattr(bound.origin, "inputs", {}).get(finding.criterion) or located._replace(col=1)
        elif code == "A007" and hasattr(bound.origin, "inputs"):  # a form: at the evidence cell to fill in
            located = bound.origin.locate((*finding.path, "evidence"))
        hint = None
        if code in FINDING_HINTS:  # a form's hints speak of its cells (by its columns' titles), not YAML's fields
            said = getattr(bound.origin, "hint", None)
            hint = said(FINDING_HINTS[code], finding.criterion) if said else msg(FINDING_HINTS[code])
        found.append(Diagnostic(code, finding_message(finding), finding.path, located, hint))
    return found
