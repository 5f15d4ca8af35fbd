"""What the office's pages read of the folder: its agencies, each file's index and problems, its version.

Each file is read again only when it changed (its size and time, and those of the files beside it that count:
criteria sets, appraisal and survey files): a save re-scores that agency alone. The same readers and checks as
`par check` and `par score` (`services.workspace`).
"""

from __future__ import annotations

import hashlib
import threading
from fractions import Fraction
from pathlib import Path
from typing import NamedTuple

from par_cli.core.diagnostics import Diagnostic, ParError
from par_cli.readers.files import discover_yaml, file_kinds, kind_and_id
from par_cli.services.workspace import Workspace
from par_cli.words.codes import level_of

Stamp = tuple[tuple[str, int, int, int], ...]


class AgencyRow(NamedTuple):
    agency_id: str  # the id the file gives, or its name when it cannot be read
    name: str
    file: Path
    index: Fraction | None  # type: ignore[assignment]  # shadows tuple.index (never called); None: the file cannot be scored (its errors say why)
    precision: int
    errors: int
    warnings: int
    problems: tuple[Diagnostic, ...]


_CACHE: dict[Path, tuple[Stamp, AgencyRow]] = {}
_LOCK = threading.Lock()
READS = [0]  # files read and scored since start (tests: a save re-scores one agency)


def version(path: Path) -> str:
    """A file's version, as a page's form carries it: the first 16 hex digits of the SHA-256 of its bytes."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return ""


def stamp_of(path: Path) -> tuple[str, int, int, int]:
    """A file as last written: name, inode (an atomic write makes a new one), size and time."""
    try:
        info = path.stat()
    except OSError:
        return (path.name, -1, -1, -1)
    return (path.name, info.st_ino, info.st_size, info.st_mtime_ns)


def beside(folder: Path) -> Stamp:
    """The files of a folder that are not assessments (criteria sets, appraisal and survey files, the office's):
    a change to one changes the figures of the assessments there; another agency's file is not among them."""
    found: list[tuple[str, int, int, int]] = []
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return ()
    for file in entries:
        if not file.name.startswith(".") and file.is_file() and kind_and_id(file)[0] not in ("assessment", None):
            found.append(stamp_of(file))
    return tuple(found)


def assessment_files(folder: Path) -> list[Path]:
    """The assessments of the folder as `par rank FOLDER` finds them (hidden folders left out); each file's kind
    is remembered while it is unchanged (`readers.files.kind_and_id`)."""
    found, _ = discover_yaml([folder])
    return [path for path, kind in zip(found, file_kinds(found), strict=True) if kind == "assessment"]


def agency(path: Path, support: Stamp | None = None) -> AgencyRow:
    """One file's agency, index and problems (read again only when it or the files beside it changed:
    `support`, the folder's `beside`, when the caller has it)."""
    stamp = (stamp_of(path), *(beside(path.parent) if support is None else support))
    with _LOCK:
        kept = _CACHE.get(path)
    if kept is not None and kept[0] == stamp:
        return kept[1]
    row = _read(path)
    with _LOCK:
        _CACHE[path] = (stamp, row)
    return row


def _read(path: Path) -> AgencyRow:
    READS[0] += 1
    workspace = Workspace()
    bound, problems = workspace.inspect_assessment(path)
    index: Fraction | None = None
    precision = 2
    agency_id, name = path.stem, path.name
    if bound is not None:
        agency_id, name = bound.assessment.agency.id, bound.assessment.agency.name
        try:
            result = workspace.scored(bound)
        except ParError as exc:
            problems = [*problems, *exc.diagnostics]
        else:
            index, precision = result.index, result.precision
            problems = [*problems, *workspace.findings(bound)]
    levels = [level_of(d).value for d in problems]
    return AgencyRow(
        agency_id,
        name,
        path,
        index,
        precision,
        levels.count("error"),
        levels.count("warning"),
        tuple(problems),
    )


def agencies(folder: Path) -> list[AgencyRow]:
    """Every agency of the folder, by id; each folder's support files looked at once."""
    supports: dict[Path, Stamp] = {}
    rows = []
    for path in assessment_files(folder):
        support = supports.get(path.parent)
        if support is None:
            support = supports[path.parent] = beside(path.parent)
        rows.append(agency(path, support))
    return sorted(rows, key=lambda row: row.agency_id)


def agency_file(folder: Path, agency_id: str) -> Path | None:
    """The assessment file of an agency (None: the folder has none): the file it was last seen in, if that file
    is unchanged and still says so, else the folder read again."""
    with _LOCK:
        seen = [(path, stamp) for path, (stamp, row) in _CACHE.items() if row.agency_id == agency_id]
    for path, stamp in seen:
        now = stamp_of(path)
        if not path.is_relative_to(folder) or now[1] < 0:
            continue
        if stamp[0] == now or agency(path).agency_id == agency_id:  # changed (a save): that file alone read again
            return path
    for row in agencies(folder):
        if row.agency_id == agency_id:
            return row.file
    return None


def ranking_json(folder: Path) -> str | None:
    """The folder's ranking as `par rank FOLDER --format json` prints it (run as the command: the very figures
    it gives); None when it cannot rank the folder (its problems are `par check FOLDER`'s)."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "par_cli", "rank", str(folder), "--format", "json", "--no-cache", "--lang", "en"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=600,
    )
    return done.stdout if done.returncode == 0 and done.stdout.strip() else None
