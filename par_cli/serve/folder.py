"""The folder's agencies and forms for the pages, kept while their files are unchanged: `serve.records` reads
and scores (the same readers, checks and services as `par check` and `par score`); this keeps each file's
record and form, and reads a file again only when it, or a file beside it that is not an assessment (a criteria
set, an appraisal or survey file, the office's), changed. A save re-scores that agency alone.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from par_cli.core.diagnostics import ParError
from par_cli.readers.files import file_kinds, kind_and_id
from par_cli.serve import records
from par_cli.serve.form_model import Form, build_form
from par_cli.serve.records import AgencyRecord
from par_cli.serve.saving import Saved, save_form
from par_cli.services.criteria import LoadedCriteria
from par_cli.services.workspace import Workspace, load_criteria, scored

Stamp = tuple[tuple[str, int, int, int], ...]

_RECORDS: dict[tuple[Path, str], tuple[Stamp, AgencyRecord]] = {}
_FORMS: dict[tuple[Path, str], tuple[Stamp, Form | None]] = {}
_FILES: dict[tuple[Path, str], tuple[tuple[str, int, int, int], Path]] = {}  # (folder, id casefolded) → file
_SETS: dict[Path, tuple[tuple[str, int, int, int], LoadedCriteria]] = {}
_KIND_OF: dict[tuple[Path, tuple[str, int, int, int]], str | None] = {}  # a file's kind by its folder and stamp
_LOCK = threading.Lock()
READS = [0]  # files read and scored for their records since start (tests: a save re-scores one agency)
FORMS_MADE = [0]  # forms made


def stamp_of(path: Path) -> tuple[str, int, int, int]:
    """A file as last written: name, inode (an atomic write makes a new one), size and time."""
    try:
        info = path.stat()
    except OSError:
        return (path.name, -1, -1, -1)
    return (path.name, info.st_ino, info.st_size, info.st_mtime_ns)


def beside(folder: Path) -> Stamp:
    """The files of a folder that are not assessments (criteria sets, appraisal and survey files, the office's):
    a change to one changes the figures of the assessments there; another agency's file is not among them.
    Each file's kind is kept by its stamp (a changed file is looked at again): a page of a 200-agency folder
    stats its files once, not makes and reads 200 paths."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted((entry for entry in listing if not entry.name.startswith(".")), key=lambda e: e.name)
    except OSError:
        return ()
    found = []
    for entry in entries:
        try:
            if not entry.is_file():
                continue
            info = entry.stat()
        except OSError:
            continue
        stamp = (entry.name, info.st_ino, info.st_size, info.st_mtime_ns)
        kind = _KIND_OF.get((folder, stamp), "?")
        if kind == "?":
            kind = kind_and_id(Path(entry.path))[0]
            with _LOCK:
                if len(_KIND_OF) > 100_000:  # a year of saves: each makes a new file (atomic writes)
                    _KIND_OF.clear()
                _KIND_OF[(folder, stamp)] = kind
        if kind not in ("assessment", None):
            found.append(stamp)
    return tuple(found)


def _criteria(path: Path) -> LoadedCriteria:
    """A criteria set read, checked and indexed once while its file is unchanged (`load_criteria`'s refusal is
    not kept: the file is read again)."""
    stamp = stamp_of(path)
    with _LOCK:
        kept = _SETS.get(path)
    if kept is not None and kept[0] == stamp:
        return kept[1]
    loaded = load_criteria(path)
    with _LOCK:
        _SETS[path] = (stamp, loaded)
    return loaded


def workspace() -> Workspace:
    """A workspace (`services.workspace`) whose criteria sets are those kept while their files are unchanged:
    a page or a save does not read and check its 160-criterion set again."""
    made = Workspace()
    made._load = _criteria
    return made


def _kept(cache: dict[tuple[Path, str], tuple[Stamp, Any]], key: tuple[Path, str], stamp: Stamp) -> Any:
    with _LOCK:
        kept = cache.get(key)
    return kept[1] if kept is not None and kept[0] == stamp else None


def _keep(cache: dict[tuple[Path, str], tuple[Stamp, Any]], key: tuple[Path, str], stamp: Stamp, value: Any) -> None:
    with _LOCK:
        cache[key] = (stamp, value)


def record(folder: Path, path: Path, lang: str, support: Stamp | None = None) -> AgencyRecord:
    """One file's record: agency, version, index, problems in `lang` (`support`: the folder's `beside`)."""
    stamp = (stamp_of(path), *(beside(path.parent) if support is None else support))
    found: AgencyRecord | None = _kept(_RECORDS, (path, lang), stamp)
    if found is not None:
        return found
    READS[0] += 1
    try:
        bound, problems, raw = records.inspect_file(workspace(), path)
    except OSError:
        bound, problems, raw = None, [], b""
    result = None
    if bound is not None:
        try:
            result = scored(bound, detail=False)
        except ParError as exc:
            problems = [*problems, *exc.diagnostics]
    found = records.record_of(folder, path, bound, result, problems, raw, lang)
    _keep(_RECORDS, (path, lang), stamp, found)
    return found


def agencies(folder: Path, lang: str) -> list[AgencyRecord]:
    """Every agency of the folder, by name in Vietnamese order; each folder's support files looked at once."""
    from par_cli.core.vietnamese_order import vietnamese_key

    supports: dict[Path, Stamp] = {}
    found = []
    paths = records.assessment_files(folder)
    file_kinds(paths)  # each file's kind remembered while it is unchanged (`readers.files.kind_and_id`)
    for path in paths:
        support = supports.get(path.parent)
        if support is None:
            support = supports[path.parent] = beside(path.parent)
        found.append(record(folder, path, lang, support))
    return sorted(found, key=lambda r: (vietnamese_key(r.name), r.id.casefold()))


def agency_file(folder: Path, agency_id: str) -> Path | None:
    """The assessment file of an agency (None: the folder has none): the file it was last found in while that
    file is unchanged, or still names the agency once changed (a save: that file alone read again); else the
    folder looked through once, each file's agency kept (then `records.file_of`: a workbook's bound id)."""
    wanted = agency_id.casefold()
    with _LOCK:
        kept = _FILES.get((folder, wanted))
    if kept is not None:
        stamp, path = kept
        now = stamp_of(path)
        if now == stamp or (now[1] >= 0 and records.details(path, None)[0].casefold() == wanted):
            with _LOCK:
                _FILES[(folder, wanted)] = (now, path)
            return path
    found = None
    for path in records.assessment_files(folder):
        stamp, named = stamp_of(path), records.details(path, None)[0].casefold()
        with _LOCK:
            _FILES.setdefault((folder, named), (stamp, path))
        if named == wanted and found is None:
            found = path
    found = found or records.file_of(folder, agency_id)
    if found is not None:
        with _LOCK:
            _FILES[(folder, wanted)] = (stamp_of(found), found)
    return found


def form(folder: Path, path: Path, lang: str) -> Form | None:
    """The agency's form (`form_model.build_form`), made again only when its file or those beside it changed."""
    stamp = (stamp_of(path), *beside(path.parent))
    with _LOCK:
        kept = _FORMS.get((path, lang))
    if kept is not None and kept[0] == stamp:
        return kept[1]
    FORMS_MADE[0] += 1
    made = build_form(folder, path, lang, workspace())
    _keep(_FORMS, (path, lang), stamp, made)
    return made


def save(folder: Path, path: Path, version: str, given: Mapping[str, str], lang: str) -> Saved:
    """`saving.save_form` with the form the page was made from (when it is still the file's) and the kept
    criteria sets: a save reads and scores its file once, not its set."""
    return save_form(folder, path, version, given, lang, form(folder, path, lang), workspace())


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
