"""The folder as the record: its agencies (one assessment file each), each file's version, its problems in the
reader's words, and the lock that keeps two saves of one file from interleaving.

No web here: the pages (`serve.agency`, `serve.council`…) call these, and these call the same readers, checks and
services as the command line, so that a page shows what `par rank FOLDER` and `par check FOLDER` compute. Files
are read on every call (a file changed by hand or by `par import` shows at once); nothing is kept but the locks.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from par_cli.core.diagnostics import Diagnostic, DocPath, Level, Msg, ParError, msg, placed
from par_cli.core.formats import validate
from par_cli.io.suffixes import kind_of_suffix
from par_cli.readers.files import discover, wrong_kind
from par_cli.serve.page_words import in_page_words
from par_cli.services.workspace import Workspace
from par_cli.words.catalogue import hinted, text
from par_cli.words.codes import errors_only, level_of
from par_cli.yamlengine import fast as yaml_fast
from par_cli.yamlengine.source import parse

if TYPE_CHECKING:
    from par_cli.core.binding import Bound
    from par_cli.core.ranking import Leaders
    from par_cli.core.scoring import Score


def editable(path: Path) -> bool:
    """A YAML file: the files a page may write (a workbook assessment is shown, never written)."""
    return kind_of_suffix(path) == "yaml"


class Refused(Exception):
    """A save refused as a whole, nothing written: `message` (a catalogue message) says why."""

    def __init__(self, message: Msg, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message.id)
        self.message = message
        self.problems = problems

    def words(self, lang: str) -> str:
        return text(self.message, lang)


class VersionConflict(Refused):
    """The file changed since the page was made: the save is refused, never last-write-wins (HTTP 409)."""


@dataclass(frozen=True)
class Problem:
    """A problem of a file, in the reader's words: where it is (the file's place, and the form's field it
    concerns: a leaf's code, or None for the file as a whole), its code and level."""

    code: str
    level: str  # "error" | "warning" | "info"
    text: str  # the message with its hint, in the reader's language
    where: str  # `file:line:col`, as `par check` says it
    criterion: str | None  # the leaf (or bonus, penalty) the problem is at, if any
    field: str | None  # self | appraised | evidence | explanation | na | reason …, if any

    @property
    def said(self) -> str:
        """The text led by the criterion it is at ("1.2: …"), once: a message naming its code already is not
        given the code again."""
        if self.criterion is None or self.text.startswith(f"{self.criterion}:"):
            return self.text
        return f"{self.criterion}: {self.text}"


@dataclass(frozen=True)
class AgencyRecord:
    """One agency of the folder: the assessment file that is its record."""

    id: str
    name: str
    group: str | None
    criteria: str | None  # the set's id
    period: str | None
    file: str  # relative to the folder, with `/`
    editable: bool  # a YAML file (a workbook is read, never written by a page)
    version: str
    changed: float  # the file's last change, seconds since the epoch
    index: Fraction | None  # final index (None: the file cannot be scored)
    self_index: Fraction | None
    grade: str | None
    precision: int
    problems: tuple[Problem, ...]
    set_id: str | None = None  # the criteria set's id
    relative: tuple[tuple[str, Fraction, bool], ...] = ()  # its `relative` leaves: code, value, higher is better

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.level == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.level == "warning")


def version_of(raw: bytes) -> str:
    """A file's version: the first 16 hex digits of the sha256 of its bytes (a page's form carries it)."""
    return hashlib.sha256(raw).hexdigest()[:16]


def file_version(path: Path) -> str:
    try:
        return version_of(path.read_bytes())
    except OSError:
        return version_of(b"")


_LOCKS: dict[Path, threading.Lock] = {}
_LOCKS_HELD = threading.Lock()


def lock_for(path: Path) -> threading.Lock:
    """The one lock of a file (by its real path) around read → check → write: two saves never interleave."""
    key = path.resolve()
    with _LOCKS_HELD:
        return _LOCKS.setdefault(key, threading.Lock())


def _field_of(path: DocPath) -> tuple[str | None, str | None]:
    if len(path) >= 2 and path[0] in ("answers", "adjustments"):
        return str(path[1]), str(path[2]) if len(path) >= 3 and isinstance(path[2], str) else None
    if len(path) >= 4 and path[0] == "agencies":  # an appraisal file: agencies → agency → code → field
        return str(path[2]), str(path[3]) if isinstance(path[3], str) else None
    if len(path) == 3 and path[0] == "agencies":
        return str(path[2]), None
    return None, None


def worded(diagnostics: list[Diagnostic] | tuple[Diagnostic, ...], lang: str) -> tuple[Problem, ...]:
    """Diagnostics as the reader reads them: message and hint in `lang`, the place, the criterion concerned."""
    out = []
    for d in map(in_page_words, diagnostics):
        criterion, field = _field_of(d.path)
        if criterion is None:  # a finding about a leaf without an answer (A006) names it in its message
            named = dict(d.message.args).get("code")
            criterion = named if isinstance(named, str) else None
        level = level_of(d)
        out.append(Problem(d.code, level.value, hinted(d, lang), str(d.where), criterion, field))
    order = {Level.ERROR.value: 0, Level.WARNING.value: 1, Level.INFO.value: 2}
    return tuple(sorted(out, key=lambda p: order.get(p.level, 3)))


# hints written for a file's text (a quote, a decimal point) that do not fit a page's field: a page reads `9,5`
# and `9.5` alike, and the quotes are the page's writing, not the reader's
FILE_HINTS = frozenset({"hint.unquote", "hint.ascii-digits", "hint.decimal-dot", "hint.comma-in-braces"})


def page_hints(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The problems of what was typed in a page, their file hints replaced by the page's (`9,5`)."""
    hinted = msg("serve.records.hint-number")
    return [d._replace(hint=hinted) if d.hint is not None and d.hint.id in FILE_HINTS else d for d in diagnostics]


def relative_name(folder: Path, path: Path) -> str:
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:
        return path.name


def inspect_bytes(workspace: Workspace, path: Path, raw: bytes) -> tuple[Bound | None, list[Diagnostic]]:
    """An assessment's text as `par check` reads the file `path` would it hold `raw`: every problem (errors,
    warnings, and what scoring finds), and the bound assessment when it is usable. Nothing is written."""
    name = display_name(path)
    doc, problems = parse(raw, name, fast=yaml_fast.values)
    if doc is None:
        return None, problems
    wrong = wrong_kind(doc, "assessment")
    if wrong is not None:
        return None, [*problems, wrong]
    reported = {d.path for d in problems}
    model, schema_problems = validate("assessment", doc.data, skip=reported)
    problems += placed(doc, schema_problems)
    if model is None:
        return None, [*problems, *doc.notes]
    try:
        criteria = workspace.criteria_for(model.criteria, doc, path)
    except ParError as exc:
        return None, [*problems, *exc.diagnostics, *doc.notes]
    bound, more = workspace.bound(model, doc, path, criteria, reported)
    problems += more + list(doc.notes)
    if bound is None or errors_only(problems):
        return None, problems
    return bound, problems + workspace.findings(bound)


def display_name(path: Path) -> str:
    from par_cli.readers.files import display

    return display(path)


def inspect_file(workspace: Workspace, path: Path) -> tuple[Bound | None, list[Diagnostic], bytes]:
    """A file as `inspect_bytes` reads it, with its bytes (for its version)."""
    if not editable(path):  # a workbook form: read by its own reader
        bound, problems = workspace.inspect_assessment(path)
        if bound is not None and not errors_only(problems):
            problems = problems + workspace.findings(bound)
        return bound, problems, path.read_bytes()
    raw = path.read_bytes()
    bound, problems = inspect_bytes(workspace, path, raw)
    return bound, problems, raw


def read_record(
    folder: Path, path: Path, workspace: Workspace, lang: str, leaders: Leaders | None = None
) -> AgencyRecord:
    """An agency's record: its file read and scored (`relative` leaves against its group's `leaders`, as its
    ranking scores them, when given; else alone)."""
    from par_cli.services.workspace import scored_in_group

    try:
        bound, problems, raw = inspect_file(workspace, path)
    except OSError:
        bound, problems, raw = None, [], b""
    result: Score | None = None
    if bound is not None:
        try:
            result = scored_in_group(bound, leaders) if leaders else workspace.scored(bound)
        except ParError as exc:
            problems = [*problems, *exc.diagnostics]
    return record_of(folder, path, bound, result, problems, raw, lang)


def record_of(
    folder: Path,
    path: Path,
    bound: Bound | None,
    result: Score | None,
    problems: list[Diagnostic],
    raw: bytes,
    lang: str,
) -> AgencyRecord:
    """The agency's record from its file read (`inspect_file`) and scored."""
    model = bound.assessment if bound is not None else None
    agency_id, name, group, criteria, period = details(path, model)
    try:
        changed = path.stat().st_mtime
    except OSError:
        changed = 0.0
    return AgencyRecord(
        id=agency_id,
        name=name,
        group=group,
        criteria=criteria,
        period=period,
        file=relative_name(folder, path),
        editable=editable(path),
        version=version_of(raw),
        changed=changed,
        index=result.index if result is not None else None,
        self_index=result.self_index if result is not None else None,
        grade=result.grade if result is not None else None,
        precision=result.precision if result is not None else 2,
        problems=worded([in_folder(folder, d) for d in problems], lang),
        set_id=result.criteria_id if result is not None else None,
        relative=tuple((r.code, r.value, r.higher) for r in result.relative) if result is not None else (),
    )


def in_folder(folder: Path, d: Diagnostic) -> Diagnostic:
    """`d` placed by its file's name in the folder (`so-y-te.yaml:13:6`, as the board names it), never by the
    server's own path (`/srv/…/nam-2024/so-y-te.yaml`): a broken file's reader places it by the path it read."""
    file = d.where.file
    if not file or not Path(file).is_absolute():
        return d
    return d.at(d.where._replace(file=relative_name(folder, Path(file))))


def details(path: Path, model: object) -> tuple[str, str, str | None, str | None, str | None]:
    """Id, name, group, set and period: the bound assessment's, else what the file says (a broken file is
    still listed, under its own id when it has one, else its file name)."""
    from par_cli.core.model import Assessment

    if isinstance(model, Assessment):
        return model.agency.id, model.agency.name, model.agency.group, model.criteria, model.period
    data: dict[str, object] = {}
    if editable(path):
        try:
            doc, _ = parse(path.read_bytes(), path.name, fast=yaml_fast.values)
            data = doc.data if doc is not None else {}
        except OSError:
            data = {}
    agency = data.get("agency")
    fields: dict[str, object] = agency if isinstance(agency, dict) else {}
    found = fields.get("id")
    agency_id = found if isinstance(found, str) and found else path.stem
    name = fields.get("name")
    group = fields.get("group")
    criteria, period = data.get("criteria"), data.get("period")
    return (
        agency_id,
        name if isinstance(name, str) else agency_id,
        group if isinstance(group, str) else None,
        criteria if isinstance(criteria, str) else None,
        str(period) if period is not None else None,
    )


def assessment_files(folder: Path) -> list[Path]:
    """The assessment files of the folder, as `par rank FOLDER` finds them (hidden folders left out)."""
    files, _ = discover([folder])
    return sorted(files)


def file_of(folder: Path, agency_id: str) -> Path | None:
    """The assessment file of an agency (ids in any case, as `par rank` matches them), every file looked at
    (`serve.folder_index.file_of` keeps what it found while files are unchanged); None: no such agency."""
    wanted = agency_id.casefold()
    for path in assessment_files(folder):
        if editable(path) and details(path, None)[0].casefold() == wanted:
            return path
        if not editable(path) and workbook_id(path) == wanted:
            return path
    return None


def workbook_id(path: Path) -> str | None:
    """A workbook assessment's agency id, as its reader reads it."""
    try:
        bound, _ = Workspace().inspect_assessment(path)
    except (OSError, ParError):
        return None
    return bound.assessment.agency.id.casefold() if bound is not None else None


def refused_changed(path: Path) -> VersionConflict:
    return VersionConflict(msg("serve.records.changed", file=path.name))
