"""`par check`: every problem in every criteria and assessment file, as coded, levelled, located diagnostics.

Returns data; the CLI words it and exits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import partial
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from par_cli.core.check_report import CheckReport, CheckStream, Worded
from par_cli.core.diagnostics import Diagnostic, Level, LineCol, Location, ParError, msg, problem
from par_cli.core.named_tuple import NamedTuple
from par_cli.core.scoring import leaf_findings
from par_cli.readers.files import at_least, discover_yaml, display, file_kind, left_out
from par_cli.services.appraisals import Assessed, unclaimed
from par_cli.services.check_order import Ordered
from par_cli.services.check_said import Said, Saying, kept, said
from par_cli.services.findings import located_findings
from par_cli.services.pool import SERIAL_BELOW, early_workers, map_files
from par_cli.words.codes import level_of

if TYPE_CHECKING:
    from par_cli.core.group_survey import Nodes
    from par_cli.services.compiled_check import Fused
    from par_cli.services.workspace import Workspace


class Checked(NamedTuple):
    """One assessment checked on its own (in a worker): its problems, and what the checks across files need."""

    diagnostics: tuple[Diagnostic, ...]
    agency: Assessed | None = None  # (id, criteria id, period) when it could be read
    agency_where: Location | None = None
    file: str = ""
    groups: tuple[str, ...] = ()  # its group, type and attributes: the ranking groups it may be in (O004)
    said: Said | None = None  # its own diagnostics worded (`saying`): then `diagnostics` are other files'


class FileChecker:
    """Checks assessment files with one workspace (each criteria set read once per process); with `saying`, words
    each file's own diagnostics (`services.check_said`: in a worker, so that the parent only orders them)."""

    def __init__(self, workspace: Callable[[], Workspace], saying: Saying | None = None, fast: bool = False) -> None:
        self.workspace = workspace()
        self.saying = saying
        self.fused = _fused() if fast else None  # a pool's: the fast path (`services.compiled_check`)
        self.shown: str | None = None  # the name of the file the fast path checked last (`display`: not again)

    def __call__(self, path: Path) -> Checked:
        try:
            checked = self._check(path)
        except ParError as exc:  # a file read the fast way that libyaml refuses, when a position is looked up
            checked = Checked(exc.diagnostics)
        if self.saying is None:
            return checked
        name = self.shown if self.shown is not None and checked.file == self.shown else display(path)
        worded, elsewhere = said(str(path), name, checked.diagnostics, self.saying)
        return checked._replace(diagnostics=tuple(elsewhere), said=worded)

    def _check(self, path: Path) -> Checked:
        fused = self.fused(self.workspace, path) if self.fused is not None else None  # on its set's compiled plan
        self.shown = fused.file if fused is not None else None
        return Checked(*fused) if fused is not None else self.general(path)

    def general(self, path: Path) -> Checked:
        """The file read, bound and checked by the general engine (the reference of `fused_check`)."""
        workspace = self.workspace
        bound, found = workspace.inspect_assessment(path)
        if bound is None:
            return Checked(tuple(found))
        agency = bound.assessment.agency
        here = (agency.id, bound.criteria.id, bound.assessment.period)
        where = bound.origin.locate(("agency", "id"))
        groups = tuple(g for g in (agency.group, agency.type, *agency.attributes.values()) if g is not None)
        findings = leaf_findings(bound)  # what scoring finds, without the totals; None: scored whole
        if findings is None:
            try:
                findings = workspace.scored(bound).findings
            except ParError as exc:  # nothing applicable: reported like any other error
                return Checked((*found, *exc.diagnostics), here, where, bound.file, groups)
        found += located_findings(bound, findings)
        return Checked(tuple(found), here, where, bound.file, groups)


def _fused() -> Callable[[Workspace, Path], Fused | None]:
    """The fast path, handed what it needs (imported here, not at start-up: `par check FILE` has no pool)."""
    from par_cli.core.formats import validate
    from par_cli.core.scoring import AdjustmentResult, Finding
    from par_cli.services.compiled_check import Engine, fused_check
    from par_cli.services.compiled_rank import plan_of, read_cut

    engine = Engine(validate, located_findings, Finding, AdjustmentResult, read_cut, plan_of)
    return lambda workspace, path: fused_check(workspace, path, engine)


_NONE = Said("en", (), (), False, "")


class _Checker:
    """The checks across files: criteria ids defined twice, an agency twice in a folder, appraisal files' agencies."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.ids: dict[str, str] = {}
        self.agencies: dict[tuple[Path, str], str] = {}
        self.assessed: dict[Path, list[Assessed]] = {}  # folder → (agency, set, period)
        self.groups: dict[Path, set[str]] = {}  # folder → the groups its agencies may be ranked in
        self.sets: dict[Path, set[tuple[str, str]]] = {}  # folder → (group, criteria id) of its agencies (O005)
        self.resolved: dict[Path, Path] = {}

    def criteria(self, path: Path) -> list[Diagnostic]:
        model, doc, found = self.workspace.check_criteria_file(path)
        if model is not None and doc is not None:
            first = self.ids.setdefault(model.id, doc.file)
            if first != doc.file and not _same_bytes(Path(first), path):  # identical copies (2023/, 2024/) are one set
                again = problem("C013", "id-also-in", ("id",), msg("hint.own-id"), id=model.id, file=first)
                found.append(doc.place(again))
        return found

    def assessment(self, path: Path, checked: Checked) -> list[Diagnostic]:
        found = list(checked.diagnostics)
        if checked.agency is None or checked.agency_where is None:
            return found
        folder = self.resolved.get(path.parent)
        if folder is None:  # once a folder: a national one holds thousands of files
            folder = self.resolved[path.parent] = path.parent.resolve()
        self.assessed.setdefault(folder, []).append(checked.agency)
        self.groups.setdefault(folder, set()).update(checked.groups)
        self.sets.setdefault(folder, set()).update((group, checked.agency[1]) for group in checked.groups)
        agency_id = checked.agency[0]
        first = self.agencies.setdefault((folder, agency_id.casefold()), checked.file)
        if first != checked.file:
            again = problem(
                "A009", "agency-also-used", ("agency", "id"), msg("hint.one-per-folder"), id=agency_id, file=first
            )
            found.append(again.at(checked.agency_where))
        return found


def _same(workspace: Workspace) -> FileChecker:
    """A checker using this very workspace (one process)."""
    return FileChecker(lambda: workspace)


def _unranked_unknown(path: Path, groups: set[str]) -> list[Diagnostic]:
    """O004: a group the office file lists as not ranked, or gives a survey result of its own, that no agency of its
    folder (or below) is in (a mistyped id would otherwise leave the setting unused, without a word)."""
    from par_cli.readers.files import read_document

    doc, _ = read_document(path)
    listed = doc.data.get("groups") if doc is not None and isinstance(doc.data, dict) else None
    if doc is None or not isinstance(listed, list):
        return []
    out = []
    for n, group in enumerate(listed):
        found = group.get("id") if isinstance(group, dict) else None
        if not isinstance(found, str) or found in groups:
            continue
        hint = msg("hint.unranked-group", groups=", ".join(sorted(groups)) or "—")
        if group.get("ranked") is False:
            out.append(doc.place(problem("O004", "office-unranked-unknown", ("groups", n, "id"), hint, id=found)))
        elif group.get("survey") is not None:
            out.append(doc.place(problem("O004", "office-survey-unknown", ("groups", n, "id"), hint, id=found)))
    return out


def _group_survey_codes(path: Path, checker: _Checker) -> list[Diagnostic]:
    """O005: an office file's group survey result for a code that is not a survey leaf of a set the group's
    agencies (in its folder or below) are assessed on."""
    from par_cli.services.group_survey import misplaced

    folder = path.parent.resolve()
    pairs = {pair for f, found in checker.sets.items() if f.is_relative_to(folder) for pair in found}
    where = {criteria: f for f, found in checker.sets.items() if f.is_relative_to(folder) for _, criteria in found}

    def sets(group: str) -> list[tuple[str, Nodes]]:
        out: list[tuple[str, Nodes]] = []
        for criteria in sorted({c for g, c in pairs if g == group}):
            try:
                out.append((criteria, checker.workspace.named(criteria, where[criteria]).nodes))
            except ParError:  # a set that cannot be read: said at the assessments already
                continue
        return out

    return misplaced(path, sets)


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def check_paths(
    paths: Sequence[Path],
    workspace: Workspace,
    strict: bool = False,
    jobs: int | None = 1,
    new_workspace: Callable[[], Workspace] | None = None,
) -> CheckReport:
    """Every diagnostic of `check_stream`, held (none worded: `words` not given)."""
    found = check_stream(paths, workspace, strict, jobs, new_workspace)
    diagnostics = tuple(d for d in found if isinstance(d, Diagnostic))
    return CheckReport(diagnostics, found.files, tuple(level_of(d) for d in diagnostics))


def check_stream(
    paths: Sequence[Path],
    workspace: Workspace,
    strict: bool = False,
    jobs: int | None = 1,
    new_workspace: Callable[[], Workspace] | None = None,
    words: tuple[Callable[[], str], bool] | None = None,
) -> CheckStream:
    """Check every file under `paths`: criteria sets first (so ids are known), then assessments — each on its
    own in a process pool when `new_workspace` (picklable: a workspace per worker) is given and there are many.
    The diagnostics come as the files are checked (`services.check_order`), when the stream is read. `words`:
    (the run's language as known now, github's words?): a pool's workers word what they find (as `Worded`)."""
    return CheckStream(partial(_check, paths, workspace, strict, jobs, new_workspace, words), level_of)


def _check(
    paths: Sequence[Path],
    workspace: Workspace,
    strict: bool,
    jobs: int | None,
    new_workspace: Callable[[], Workspace] | None,
    words: tuple[Callable[[], str], bool] | None,
    into: CheckStream,
) -> Iterator[Diagnostic | Worded]:
    pool = at_least(SERIAL_BELOW, paths)  # each look lists a folder: a large one once
    saying = Saying(words[0], strict, words[1]) if words is not None and pool else None
    if new_workspace is not None:
        factory: Callable[[], FileChecker] = partial(FileChecker, new_workspace, saying, pool)
    else:
        factory = partial(_same, workspace)
    with early_workers(factory, jobs, new_workspace is not None and pool):
        files, diagnostics = discover_yaml(paths)
        into.files = len(files)
        if not files and not diagnostics:
            diagnostics.append(problem("F002", "no-files").at(LineCol(", ".join(map(str, paths)))))
        diagnostics += left_out()  # files of the folders left out (a ranking kept there): one note each
        kinds = {path: file_kind(path) for path in files}
        checker = _Checker(workspace)
        assessments = []
        for path in sorted(files, key=lambda p: (kinds[p] != "criteria", str(p))):
            kind = kinds[path]
            if kind in ("survey", "survey-design"):
                survey = workspace.survey
                diagnostics += survey.check(path, kind) if survey is not None else []
            elif kind == "appraisal":
                diagnostics += workspace.appraisals.file(path).problems
            elif kind == "office":
                from par_cli.services.office import two_in_folder

                diagnostics += workspace.office(path)
                beside = sorted(p for p in files if kinds[p] == "office" and p.parent == path.parent)
                diagnostics += [two_in_folder(beside)] if len(beside) > 1 and path == beside[0] else []
            elif kind == "criteria":
                diagnostics += checker.criteria(path)
            else:
                assessments.append(path)
        names = [display(path) for path in assessments]
        across = {path: kinds[path] or "" for path in files if kinds[path] in ("appraisal", "survey", "office")}
        late = [display(path) for path in across]
        in_order = all(a <= b for a, b in pairwise(names))
        again = _Again(partial(FileChecker, new_workspace)) if new_workspace is not None else None
        first_late = min(late, default=None) if in_order else ""  # "": all held to the end
        ordered = Ordered(strict, first_late, saying and saying.now, again)
        failed = any(level_of(d) is Level.ERROR for d in diagnostics)
        ordered.hold(diagnostics)
        diagnostics, files = [], []  # what the rest needs is below
        kinds.clear()
        checked = map_files(assessments, factory, jobs if new_workspace else 1)
        for name, (path, outcome) in zip(names, zip(assessments, checked, strict=True), strict=True):
            found = checker.assessment(path, outcome)
            failed = failed or any(level_of(d) is Level.ERROR for d in found) or (outcome.said or _NONE).error
            yield from ordered.file(name, found, outcome.said)
        ordered.hold(_across(across, workspace, checker, failed))
    yield from ordered.rest()


class _Again:
    """The diagnostics of a file worded in a worker (`check_said.kept`), the file checked again here (rarely: a
    language decided otherwise, a diagnostic given twice), by a checker made at the first."""

    def __init__(self, factory: Callable[[], FileChecker]) -> None:
        self.factory = factory
        self.checker: FileChecker | None = None

    def __call__(self, path: str) -> list[Diagnostic]:
        if self.checker is None:
            self.checker = self.factory()
        return kept(display(Path(path)), self.checker(Path(path)).diagnostics)[1]


def _across(kinds: dict[Path, str], workspace: Workspace, checker: _Checker, failed: bool) -> list[Diagnostic]:
    """What is found once every assessment is read: an appraisal or survey file's agencies none is, an office
    file's groups none is in, its group survey results' codes."""
    diagnostics: list[Diagnostic] = []
    if not failed:  # an appraisal or survey file's agencies
        for path in (path for path in kinds if kinds[path] in ("appraisal", "survey")):
            assessed = checker.assessed.get(path.parent.resolve(), [])
            if kinds[path] == "appraisal":
                diagnostics += unclaimed(workspace.appraisals.file(path), assessed)
            elif workspace.survey is not None:  # survey results beside the assessments (V016)
                diagnostics += workspace.survey.unclaimed(path, assessed)
        for path in (path for path in kinds if kinds[path] == "office"):  # a group not ranked, or with a survey
            folder = path.parent.resolve()  # result, that none is in
            found = {g for f, groups in checker.groups.items() if f.is_relative_to(folder) for g in groups}
            diagnostics += _unranked_unknown(path, found) if checker.groups else []
    for path in (path for path in kinds if kinds[path] == "office"):  # a group's survey result (O005)
        diagnostics += _group_survey_codes(path, checker)
    return diagnostics
