"""Appraisal files beside the assessments (`kind: appraisal`): found once per folder, each checked against its
criteria set once, merged into every assessment of its set, period and agency (see `core.appraisal`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from par_cli.core.appraisal import merge, unclaimed_ids
from par_cli.core.diagnostics import Diagnostic, ParError, msg, problem
from par_cli.core.model import periods_agree
from par_cli.core.named_tuple import NamedTuple
from par_cli.readers.files import Resolved, display, support_files
from par_cli.words.codes import errors_only

if TYPE_CHECKING:
    from par_cli.core.model import Adjustment, AppraisalFile, Assessment
    from par_cli.yamlengine.source import Document


class Appraisal(NamedTuple):
    """One appraisal file, read and checked: its value, where it is, and its problems."""

    file: AppraisalFile | None
    doc: Document | None
    name: str
    problems: tuple[Diagnostic, ...]
    criteria_id: str | None = None  # the id of the set it names, once found


class AppraisalSource:
    """The appraisal files of each folder, read once per process (a folder of 3,400 assessments is scanned once)."""

    def __init__(self, read: Callable[[Path], Appraisal]) -> None:
        self.read = read  # `Workspace.read_appraisal`: checks the file against the set it names
        self._beside: dict[Path, list[Appraisal]] = {}
        self._real = Resolved()

    def in_folder(self, folder: Path) -> list[Appraisal]:
        key = self._real[folder]
        if key not in self._beside:
            paths = [path for path, kind, _ in support_files(folder) if kind == "appraisal"]
            self._beside[key] = [self.read(path) for path in paths]
        return self._beside[key]

    def file(self, path: Path) -> Appraisal:
        found = [a for a in self.in_folder(path.parent) if a.name == display(path)]
        return found[0] if found else self.read(path)

    def apply(
        self, model: Assessment, path: Path, criteria_id: str, adjustments: Iterable[Adjustment] = ()
    ) -> Assessment:
        """The assessment with the values of the appraisal files beside it for its set, period and agency (those of
        the set's `adjustments` codes into its adjustments); ParError with the appraisal files' own errors, or with
        every value given twice (naming both files)."""
        useful = [a for a in self.in_folder(path.parent) if _applies(a, model, criteria_id)]
        if not useful:
            return model
        errors = [d for a in useful for d in errors_only(a.problems)]
        clean = [(a.name, a.file) for a in useful if a.file is not None and not errors_only(a.problems)]
        merged, twice = merge(model, clean, {adjustment.code for adjustment in adjustments})
        if twice or errors:
            docs = {a.name: a.doc for a in useful}
            problems = errors
            for name, where, field_name, other in twice:
                doc = docs[name]
                assert doc is not None
                other_file = other or display(path)
                code = where[-1]
                found = problem("A021", "appraised-twice", where, code=code, field=field_name, other=other_file)
                problems.append(doc.place(found._replace(key=True)))
            raise ParError(problems)
        return merged


def _applies(appraisal: Appraisal, model: Assessment, criteria_id: str) -> bool:
    file = appraisal.file
    if file is None:
        return True  # unreadable: its problems are reported, never skipped
    if not periods_agree(file.period, model.period):
        return False
    key = model.agency.id.casefold()
    same_set = appraisal.criteria_id in (criteria_id, None)  # None: its set is not found (reported)
    return same_set and any(agency.casefold() == key for agency in file.agencies)


Assessed = tuple[str, str, "str | None"]  # an assessment (agency id, set id, period), as appraisal files name them


def unclaimed(appraisal: Appraisal, assessed: Iterable[Assessed]) -> list[Diagnostic]:
    """A022 for each agency an appraisal file names that no assessment beside it (of its set and period) is for —
    a typo, or a missing file: its values would otherwise be dropped without a word."""
    file = appraisal.file
    if file is None or appraisal.doc is None:
        return []
    known = [
        a
        for a, criteria_id, period in assessed
        if criteria_id == appraisal.criteria_id and periods_agree(file.period, period)
    ]
    found = []
    for agency, close in unclaimed_ids(file.agencies, known):
        hint = msg("hint.did-you-mean", name=close) if close else None
        missing = problem("A022", "appraisal-no-assessment", ("agencies", agency), hint, id=agency)
        found.append(appraisal.doc.place(missing._replace(key=True)))
    return found
