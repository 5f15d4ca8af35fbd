"""The folder's agencies, found on every request but read again only when a file changed: each agency's record
is kept with the stamps (modification time in ns, size) of its file and of the files that decide its figures
(the folder's criteria sets, appraisal files, survey results, office file; the sets beside the folder), so that
a file changed by hand or by `par import` shows at once and an unchanged folder of 200 agencies is not scored
again for every page."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from par_cli.io.json_kind import SUPPORT_KINDS
from par_cli.readers.files import discover_yaml, file_kind
from par_cli.serve.form_model import Form, build_form
from par_cli.serve.records import AgencyRecord, details, editable, read_record, workbook_id
from par_cli.services.workspace import Workspace

if TYPE_CHECKING:
    from par_cli.core.ranking import Leaders

Stamp = tuple[int, int, int]
Support = tuple[tuple[str, Any], ...]

_HELD = threading.Lock()
_RECORDS: dict[tuple[Path, str], tuple[tuple[Stamp | None, Support], AgencyRecord]] = {}
_IDS: dict[Path, tuple[Stamp | None, str]] = {}
_FORMS: dict[tuple[Path, str], tuple[object, Form | None]] = {}
READS = [0]  # files read and scored for their records since start (tests: a save re-scores one agency)
FORMS_MADE = [0]  # forms made


def _stamp(path: Path) -> Stamp | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_mtime_ns, found.st_size, found.st_ino)  # an atomic write makes a new inode


def _beside(folder: Path) -> list[Path]:
    """The sets a file may name from above the folder: the parent's YAML files and its `criteria/` folder's."""
    out: list[Path] = []
    for where in (folder.parent, folder.parent / "criteria", folder / "criteria"):
        try:
            with os.scandir(where) as listed:
                out += [Path(entry.path) for entry in listed if entry.is_file() and not entry.name.startswith(".")]
        except OSError:
            continue
    return sorted(out)


def _files(folder: Path) -> tuple[list[Path], Support]:
    """The assessment files (as `par rank FOLDER` finds them) and the stamps of every other file that counts."""
    found, _ = discover_yaml([folder])
    assessments = [path for path in found if file_kind(path) not in SUPPORT_KINDS]
    others = [path for path in found if file_kind(path) in SUPPORT_KINDS] + _beside(folder)
    return sorted(assessments), tuple((str(path), _stamp(path)) for path in others)


def agencies(folder: Path, lang: str = "vi") -> list[AgencyRecord]:
    """Every agency of the folder, by name (in Vietnamese order): its file, version, last change, index and
    problems — each read again only when its file, or a file its figures depend on, changed."""
    from par_cli.core.vietnamese_order import vietnamese_key

    paths, support = _files(folder)
    workspace: Workspace | None = None
    found = []
    for path in paths:
        key = (path, lang)
        stamp = (_stamp(path), support)
        with _HELD:
            kept = _RECORDS.get(key)
        if kept is not None and kept[0] == stamp and stamp[0] is not None:
            found.append(kept[1])
            continue
        workspace = workspace or Workspace()
        READS[0] += 1
        made = read_record(folder, path, workspace, lang)
        with _HELD:
            _RECORDS[key] = (stamp, made)
        found.append(made)
    best = leaders_of(found)
    if best:  # `relative` leaves: scored against the group's leader, as the ranking scores them
        found = [_in_group(folder, record, best, support, lang) if record.relative else record for record in found]
    return sorted(found, key=lambda r: (vietnamese_key(r.name), r.id.casefold()))


def _in_group(folder: Path, record: AgencyRecord, best: Leaders, support: Support, lang: str) -> AgencyRecord:
    path = folder / record.file
    mine = best.get((record.group, record.set_id or ""), {})
    key = (path, f"{lang} in group")
    stamp = (_stamp(path), (*support, ("leaders", tuple(sorted((c, str(v)) for c, v in mine.items())))))
    with _HELD:
        kept = _RECORDS.get(key)
    if kept is not None and kept[0] == stamp:
        return kept[1]
    made = read_record(folder, path, Workspace(), lang, best)
    with _HELD:
        _RECORDS[key] = (stamp, made)
    return made


def record(folder: Path, path: Path, lang: str) -> AgencyRecord:
    """One file's record, scored as the ranking scores it (its group's leaders): the agency list's row."""
    for found in agencies(folder, lang):
        if folder / found.file == path:
            return found
    return read_record(folder, path, Workspace(), lang, leaders(folder, lang))


def form(folder: Path, path: Path, lang: str) -> Form | None:
    """The agency's form (`form_model.build_form`) with `relative` leaves scored against its group's leaders, as
    `par rank FOLDER` scores them; made again only when its file, a file its figures depend on, or a leader
    changed."""
    best = leaders(folder, lang)
    _, support = _files(folder)
    stamp = (_stamp(path), support, tuple(sorted((k, tuple(sorted(v.items()))) for k, v in best.items())))
    with _HELD:
        kept = _FORMS.get((path, lang))
    if kept is not None and kept[0] == stamp and stamp[0] is not None:
        return kept[1]
    FORMS_MADE[0] += 1
    made = build_form(folder, path, lang, Workspace(), best)
    with _HELD:
        _FORMS[(path, lang)] = (stamp, made)
    return made


def leaders_of(found: list[AgencyRecord]) -> Leaders:
    """The best value of every `relative` leaf in each ranking group (`core.ranking.leaders_of`'s rule)."""
    best: Leaders = {}
    for record in found:
        if not record.relative or record.set_id is None:
            continue
        values = best.setdefault((record.group, record.set_id), {})
        for code, value, higher in record.relative:
            now = values.get(code)
            if now is None or (value > now if higher else value < now):
                values[code] = value
    return best


def leaders(folder: Path, lang: str = "vi") -> Leaders:
    """The folder's leaders of `relative` leaves per group (empty when its set has none)."""
    return leaders_of(agencies(folder, lang))


def file_of(folder: Path, agency_id: str) -> Path | None:
    """The assessment file of an agency (ids in any case, as `par rank` matches them); None: no such agency."""
    wanted = agency_id.casefold()
    paths, _ = _files(folder)
    for path in paths:
        if _id_of(path) == wanted:
            return path
    return None


def _id_of(path: Path) -> str | None:
    stamp = _stamp(path)
    with _HELD:
        kept = _IDS.get(path)
    if kept is not None and kept[0] == stamp and stamp is not None:
        return kept[1]
    found = details(path, None)[0].casefold() if editable(path) else workbook_id(path)
    if found is not None:
        with _HELD:
            _IDS[path] = (stamp, found)
    return found
