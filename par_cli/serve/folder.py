"""The folder's agencies and forms for the pages, kept while their files are unchanged: `serve.records` reads
and scores (the same readers, checks and services as `par check` and `par score`); this keeps each file's
record and form, and reads a file again only when it, or a file beside it that is not an assessment (a criteria
set, an appraisal or survey file, the office's), changed. A save re-scores that agency alone.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from par_cli.core.diagnostics import ParError
from par_cli.readers.files import file_kinds, kind_and_id
from par_cli.serve import records
from par_cli.serve.form_model import Form, build_form
from par_cli.serve.records import AgencyRecord
from par_cli.services.workspace import Workspace, scored

Stamp = tuple[tuple[str, int, int, int], ...]

_RECORDS: dict[tuple[Path, str], tuple[Stamp, AgencyRecord]] = {}
_FORMS: dict[tuple[Path, str], tuple[Stamp, Form | None]] = {}
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
    a change to one changes the figures of the assessments there; another agency's file is not among them."""
    found = []
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return ()
    for file in entries:
        if not file.name.startswith(".") and file.is_file() and kind_and_id(file)[0] not in ("assessment", None):
            found.append(stamp_of(file))
    return tuple(found)


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
    workspace = Workspace()
    try:
        bound, problems, raw = records.inspect_file(workspace, path)
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
    """The assessment file of an agency (None: the folder has none): the file it was last seen in while that file
    is unchanged, else `records.file_of`."""
    with _LOCK:
        seen = [(path, stamp) for (path, _), (stamp, row) in _RECORDS.items() if row.id == agency_id]
    for path, stamp in seen:
        if path.is_relative_to(folder) and stamp[0] == stamp_of(path):
            return path
    return records.file_of(folder, agency_id)


def form(folder: Path, path: Path, lang: str) -> Form | None:
    """The agency's form (`form_model.build_form`), made again only when its file or those beside it changed."""
    stamp = (stamp_of(path), *beside(path.parent))
    with _LOCK:
        kept = _FORMS.get((path, lang))
    if kept is not None and kept[0] == stamp:
        return kept[1]
    FORMS_MADE[0] += 1
    made = build_form(folder, path, lang)
    _keep(_FORMS, (path, lang), stamp, made)
    return made


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
