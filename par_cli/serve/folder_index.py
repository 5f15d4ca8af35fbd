"""The folder's agencies, found on every request but read again only when a file changed: each agency's record
is kept with the stamps (modification time in ns, size, inode) of its file and of the files that decide its
figures (the folder's criteria sets, appraisal files, survey results, office file; the sets beside the folder),
so that a file changed by hand or by `par import` shows at once and an unchanged folder of 200 agencies is not
scored again for every page.

A request looks at the folder once (`seen`): the listing (`discover_yaml`, each file's kind) is kept while the
names in the folder, its subfolders and the folders beside it are the same (one `os.scandir` each, no file
opened: a file made, removed or renamed by hand shows at once, whatever the file system's clock), and each file
is stat-ed once, its stamp deciding whether what is kept of it is still its own. The records, the group leaders
and the sorted list are kept with the stamps they were made from; a save keeps the record and the form it made."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from par_cli.core.diagnostics import Diagnostic, ParError
from par_cli.io.json_kind import SUPPORT_KINDS
from par_cli.readers.files import discover_yaml, file_kind
from par_cli.serve.form_model import Form, build_form, form_of_bound
from par_cli.serve.records import AgencyRecord, details, editable, lock_for, read_record, record_of, workbook_id
from par_cli.serve.saving import Saved, Written, save_form
from par_cli.services.criteria import LoadedCriteria
from par_cli.services.workspace import Workspace, load_criteria, scored_in_group

if TYPE_CHECKING:
    from par_cli.core.binding import Bound
    from par_cli.core.ranking import Leaders
    from par_cli.core.scoring import Score

Stamp = tuple[int, int, int]
Support = tuple[tuple[str, Any], ...]

_HELD = threading.Lock()
_RECORDS: dict[tuple[Path, str], tuple[tuple[Stamp | None, Support], AgencyRecord]] = {}
_IDS: dict[Path, tuple[Stamp | None, str]] = {}
_FORMS: dict[tuple[Path, str], tuple[object, Form | None]] = {}
_SETS: dict[Path, tuple[Stamp | None, LoadedCriteria]] = {}
_LISTINGS: dict[Path, Listing] = {}
_AGENCIES: dict[tuple[Path, str], tuple[Seen, list[AgencyRecord], Leaders]] = {}
READS = [0]  # files read and scored for their records since start (tests: a save re-scores one agency)
FORMS_MADE = [0]  # forms made


def _criteria(path: Path) -> LoadedCriteria:
    """A criteria set read, checked and indexed once while its file is unchanged (`load_criteria`'s refusal is
    not kept: the file is read again)."""
    stamp = _stamp(path)
    with _HELD:
        kept = _SETS.get(path)
    if kept is not None and kept[0] == stamp and stamp is not None:
        return kept[1]
    loaded = load_criteria(path)
    with _HELD:
        _SETS[path] = (stamp, loaded)
    return loaded


class Reader(Workspace):
    """A workspace (`services.workspace`) whose criteria sets are those kept while their files are unchanged (a
    page or a save does not read and check its 160-criterion set again), and that scores an assessment once: what
    its findings scored is the score a record or a form is made from."""

    def __init__(self) -> None:
        super().__init__()
        self._load = _criteria
        self._last: tuple[Bound, Score] | None = None

    def scored(self, bound: Bound, detail: bool = True) -> Score:
        if detail and self._last is not None and self._last[0] is bound:
            return self._last[1]
        result = super().scored(bound, detail)
        if detail:
            self._last = (bound, result)
        return result


def workspace() -> Reader:
    return Reader()


def _stamp(path: Path | str) -> Stamp | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_mtime_ns, found.st_size, found.st_ino)  # an atomic write makes a new inode


def _beside_folders(folder: Path) -> tuple[Path, ...]:
    """The folders a file may name a set from, above the folder: its parent and the `criteria/` folders."""
    return (folder.parent, folder.parent / "criteria", folder / "criteria")


def _names(where: Path) -> frozenset[str] | None:
    """The names in a folder, hidden ones left out (an atomic write's temporary file is hidden)."""
    try:
        with os.scandir(where) as listed:
            return frozenset(entry.name for entry in listed if not entry.name.startswith("."))
    except OSError:
        return None


class Listing(NamedTuple):
    """The folder's files as found once: the folders looked in and their names then, the assessment files and
    the supporting ones, and each file's stamp when its kind was read (and whether it is a supporting file)."""

    folders: tuple[Path, ...]
    names: tuple[frozenset[str] | None, ...]
    assessments: tuple[Path, ...]
    others: tuple[Path, ...]
    kinds: dict[Path, tuple[Stamp | None, bool]]


def _listed(folder: Path) -> Listing:
    """The folder listed afresh (`discover_yaml`, `file_kind` of each file), the folders' names taken first."""
    folders = [folder]
    for where, inside, _ in os.walk(folder):  # the subfolders `discover_yaml` goes into
        inside[:] = [name for name in inside if not name.startswith(".")]
        folders += [Path(where, name) for name in inside]
    folders += _beside_folders(folder)
    names = tuple(_names(where) for where in folders)
    found, _ = discover_yaml([folder])
    kinds = {path: (_stamp(path), file_kind(path) in SUPPORT_KINDS) for path in found}
    beside = []
    for above, listed in zip(folders[-3:], names[-3:], strict=True):
        beside += [above / name for name in listed or () if (above / name).is_file()]
    assessments = tuple(sorted(path for path in found if not kinds[path][1]))
    others = tuple(path for path in found if kinds[path][1]) + tuple(sorted(beside))
    return Listing(tuple(folders), names, assessments, others, kinds)


class Seen(NamedTuple):
    """One request's look at the folder: each assessment file with its stamp now, and the supporting files'."""

    assessments: tuple[tuple[Path, Stamp | None], ...]
    support: Support

    def stamp_of(self, path: Path) -> Stamp | None:
        return next((stamp for found, stamp in self.assessments if found == path), _stamp(path))


def seen(folder: Path) -> Seen:
    """The folder now: its listing kept while its folders hold the same names (else listed again), each file
    stat-ed once; a file rewritten since its kind was read is read for its kind again (an assessment edited into
    an appraisal file moves to the supporting files)."""
    with _HELD:
        listing = _LISTINGS.get(folder)
    if listing is None or tuple(_names(where) for where in listing.folders) != listing.names:
        listing = _listed(folder)
        with _HELD:
            _LISTINGS[folder] = listing
    stamps = {path: _stamp(path) for path in listing.kinds}
    for path, stamp in stamps.items():
        was, supports = listing.kinds[path]
        if stamp == was:
            continue
        if (file_kind(path) in SUPPORT_KINDS) != supports:
            listing = _listed(folder)  # a file changed its kind: listed again
            with _HELD:
                _LISTINGS[folder] = listing
            stamps = {path: _stamp(path) for path in listing.kinds}
            break
        with _HELD:
            listing.kinds[path] = (stamp, supports)
    support = tuple((str(path), stamps[path] if path in stamps else _stamp(path)) for path in listing.others)
    return Seen(tuple((path, stamps[path]) for path in listing.assessments), support)


def agencies(folder: Path, lang: str = "vi", now: Seen | None = None) -> list[AgencyRecord]:
    """Every agency of the folder, by name (in Vietnamese order): its file, version, last change, index and
    problems — each read again only when its file, or a file its figures depend on, changed."""
    return list(_agencies(folder, lang, now or seen(folder))[0])


def _agencies(folder: Path, lang: str, now: Seen) -> tuple[list[AgencyRecord], Leaders]:
    """The folder's records, sorted, and their leaders: kept while every file's stamp is the same."""
    with _HELD:
        kept = _AGENCIES.get((folder, lang))
    if kept is not None and kept[0] == now and all(stamp is not None for _, stamp in now.assessments):
        return kept[1], kept[2]
    reader: Reader | None = None
    found = []
    for path, file_stamp in now.assessments:
        key = (path, lang)
        stamp = (file_stamp, now.support)
        with _HELD:
            held = _RECORDS.get(key)
        if held is not None and held[0] == stamp and file_stamp is not None:
            found.append(held[1])
            continue
        with lock_for(path):  # a save writing the file keeps its record before it lets the lock go
            with _HELD:
                held = _RECORDS.get(key)
            if held is not None and held[0] == stamp and file_stamp is not None:
                found.append(held[1])
                continue
            reader = reader or workspace()
            READS[0] += 1
            made = read_record(folder, path, reader, lang)
        with _HELD:
            _RECORDS[key] = (stamp, made)
        found.append(made)
    best = leaders_of(found)
    if best:  # `relative` leaves: scored against the group's leader, as the ranking scores them
        found = [_in_group(folder, record, best, now, lang) if record.relative else record for record in found]
    ordered = sorted(found, key=lambda r: (_name_key(r.name), r.id.casefold()))
    with _HELD:
        _AGENCIES[(folder, lang)] = (now, ordered, best)
    return ordered, best


@functools.lru_cache(maxsize=65_536)
def _name_key(name: str) -> Any:
    """A name's place in Vietnamese order (`core.vietnamese_order`), worked out once a name."""
    from par_cli.core.vietnamese_order import vietnamese_key

    return vietnamese_key(name)


def _in_group(folder: Path, record: AgencyRecord, best: Leaders, now: Seen, lang: str) -> AgencyRecord:
    path = folder / record.file
    mine = best.get((record.group, record.set_id or ""), {})
    key = (path, f"{lang} in group")
    leading = ("leaders", tuple(sorted((c, str(v)) for c, v in mine.items())))
    stamp = (now.stamp_of(path), (*now.support, leading))
    with _HELD:
        kept = _RECORDS.get(key)
    if kept is not None and kept[0] == stamp:
        return kept[1]
    made = read_record(folder, path, workspace(), lang, best)
    with _HELD:
        _RECORDS[key] = (stamp, made)
    return made


def record(folder: Path, path: Path, lang: str) -> AgencyRecord:
    """One file's record, scored as the ranking scores it (its group's leaders): the agency list's row."""
    now = seen(folder)
    found, best = _agencies(folder, lang, now)
    for one in found:
        if folder / one.file == path:
            return one
    return read_record(folder, path, workspace(), lang, best)


def _leaders_key(best: Leaders) -> tuple[Any, ...]:
    return tuple(sorted((k, tuple(sorted(v.items()))) for k, v in best.items()))


def form(folder: Path, path: Path, lang: str) -> Form | None:
    """The agency's form (`form_model.build_form`) with `relative` leaves scored against its group's leaders, as
    `par rank FOLDER` scores them; made again only when its file, a file its figures depend on, or a leader
    changed."""
    now = seen(folder)
    best = _agencies(folder, lang, now)[1]
    stamp = (now.stamp_of(path), now.support, _leaders_key(best))
    with _HELD:
        kept = _FORMS.get((path, lang))
    if kept is not None and kept[0] == stamp and stamp[0] is not None:
        return kept[1]
    FORMS_MADE[0] += 1
    made = build_form(folder, path, lang, workspace(), best)
    with _HELD:
        _FORMS[(path, lang)] = (stamp, made)
    return made


def save(folder: Path, path: Path, version: str, given: Mapping[str, str], lang: str) -> Saved:
    """`saving.save_form` with the form the page was made from (when it is still the file's) and the kept
    criteria sets; the file written is read and scored once, and its record and form are kept for the page that
    follows (the agency list's row, the form): a save reads and scores its file once, not its set."""
    reader = workspace()
    made: list[tuple[AgencyRecord, Score | None, list[Diagnostic]]] = []

    def kept(written: Written) -> None:  # under the file's lock: its record, before another page looks for it
        made.append(_kept_record(folder, path, written, reader, lang))

    saved = save_form(folder, path, version, given, lang, form(folder, path, lang), reader, kept)
    if saved.written is not None and made:
        _keep_form(folder, path, saved.written, *made[0], lang)
    return saved


def _kept_record(
    folder: Path, path: Path, written: Written, reader: Reader, lang: str
) -> tuple[AgencyRecord, Score | None, list[Diagnostic]]:
    """The record of a file just written (`Saved.written`: its bytes, bound, problems, stamp), kept."""
    problems = list(written.problems)
    result: Score | None = None
    try:
        result = reader.scored(written.bound)
    except ParError as exc:
        problems = [*problems, *exc.diagnostics]
    READS[0] += 1
    made = record_of(folder, path, written.bound, result, problems, written.raw, lang)
    support = seen(folder).support
    with _HELD:
        _RECORDS[(path, lang)] = ((written.stamp, support), made)
    return made, result, problems


def _keep_form(
    folder: Path,
    path: Path,
    written: Written,
    made: AgencyRecord,
    result: Score | None,
    problems: list[Diagnostic],
    lang: str,
) -> None:
    """The form of a file just written, with its group's leaders now, kept for the page after the save."""
    bound, raw, stamp = written.bound, written.raw, written.stamp
    now = seen(folder)
    best = _agencies(folder, lang, now)[1]
    grouped = result
    if best and made.relative and result is not None:  # its `relative` leaves against the group's leaders
        try:
            grouped = scored_in_group(bound, best)
        except ParError as exc:
            problems, grouped = [*problems, *exc.diagnostics], None
    FORMS_MADE[0] += 1
    shown = form_of_bound(folder, path, bound, grouped, problems, raw, lang)
    with _HELD:
        _FORMS[(path, lang)] = ((stamp, now.support, _leaders_key(best)), shown)


def leaders_of(found: list[AgencyRecord]) -> Leaders:
    """The best value of every `relative` leaf in each ranking group (`core.ranking.leaders_of`'s rule)."""
    best: Leaders = {}
    for one in found:
        if not one.relative or one.set_id is None:
            continue
        values = best.setdefault((one.group, one.set_id), {})
        for code, value, higher in one.relative:
            now = values.get(code)
            if now is None or (value > now if higher else value < now):
                values[code] = value
    return best


def leaders(folder: Path, lang: str = "vi") -> Leaders:
    """The folder's leaders of `relative` leaves per group (empty when its set has none)."""
    return _agencies(folder, lang, seen(folder))[1]


def file_of(folder: Path, agency_id: str) -> Path | None:
    """The assessment file of an agency (ids in any case, as `par rank` matches them); None: no such agency."""
    wanted = agency_id.casefold()
    for path, stamp in seen(folder).assessments:
        if _id_of(path, stamp) == wanted:
            return path
    return None


def _id_of(path: Path, stamp: Stamp | None) -> str | None:
    with _HELD:
        kept = _IDS.get(path)
    if kept is not None and kept[0] == stamp and stamp is not None:
        return kept[1]
    found = details(path, None)[0].casefold() if editable(path) else workbook_id(path)
    if found is not None:
        with _HELD:
            _IDS[path] = (stamp, found)
    return found
