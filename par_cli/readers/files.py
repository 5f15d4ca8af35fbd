"""Files as the user names them: reading a document, telling a file's kind from its head, finding files."""

from __future__ import annotations

import os
import re
import stat
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from par_cli.core.diagnostics import Diagnostic, LineCol, msg, problem
from par_cli.io.json_kind import PAR_KINDS, is_ranking_json, json_kind_and_id
from par_cli.io.json_kind import SUPPORT_KINDS as SUPPORT_KINDS  # where the commands find it
from par_cli.io.output import reading
from par_cli.io.spoken import forget_languages, spoken
from par_cli.io.suffixes import FOUND_IN_FOLDERS, found_in_folders, is_form_file, kind_of_suffix, not_read_book
from par_cli.readers.paths import Resolved as Resolved
from par_cli.readers.paths import display as display
from par_cli.readers.paths import lock_name, walk
from par_cli.readers.paths import near_name as near_name
from par_cli.readers.paths import not_a_file as not_a_file
from par_cli.readers.paths import unreadable as unreadable
from par_cli.words.languages import default
from par_cli.yamlengine import fast as yaml_fast
from par_cli.yamlengine.source import MAX_BYTES, Document, parse

_HEAD_BYTES = 4096
_KIND = re.compile(rb"^kind:[ \t]*['\"]?(criteria|assessment|survey-design|survey|appraisal)\b", re.MULTILINE)
_ID = re.compile(rb"^id:[ \t]*['\"]?([A-Za-z0-9._-]+)", re.MULTILINE)


READ_IN_FOLDERS = ("yaml", "json")  # the text files of a folder read by their `kind` (not workbooks)


def read_document(
    path: Path, shown: str | None = None, *, an_input: bool = True, raw: bytes | None = None
) -> tuple[Document | None, list[Diagnostic]]:
    """A YAML file parsed (by the fast path when it is in the plain subset, `yamlsource.parse`: even one file
    alone, as compiling its patterns costs ~1 ms, libyaml's import and node tree more); noted
    as an input of the command (`io.output.reading`: no output is written over it), unless it is only read
    for its kind (`an_input=False`: a report written before, `out.yaml`, is no input). `raw`: its bytes, read
    already (`services.criteria_cache` keys a set on the very bytes it builds)."""
    name = shown or display(path)
    if an_input:
        reading(path)
    odd = not_a_file(path)
    if odd is not None:
        return None, [odd.at(LineCol(name))]
    try:
        raw = path.read_bytes() if raw is None else raw
    except OSError as exc:
        return None, [unreadable(name, exc)]
    doc, problems = parse(raw, name, fast=yaml_fast.values)
    data = doc.data if doc is not None else None
    if isinstance(data, dict) and data.get("kind") == "criteria":  # even a set its checks refuse: its words
        spoken(data.get("language", default()))  # (default: the schema's, `core.model.CriteriaSet.language`)
    return doc, problems


def _head(path: Path | str) -> bytes:
    """Enough of a file to tell its kind and id without parsing it: the first 4 KB, or the whole file when
    `kind:` is not in them (a long comment header); empty when unreadable."""
    try:  # system calls without a buffered file object: the kinds of a national folder are read one by one
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            return _head_of(descriptor)
        finally:
            os.close(descriptor)
    except OSError:
        return b""


def _head_of(descriptor: int) -> bytes:
    """`_head` of a file open (OSError when it cannot be read)."""
    head = os.read(descriptor, _HEAD_BYTES)
    if len(head) == _HEAD_BYTES and not _KIND.search(head):
        while len(head) < MAX_BYTES and (more := os.read(descriptor, MAX_BYTES)):
            head += more
    return head.removeprefix(b"\xef\xbb\xbf")


# By device and inode (one int): (size, modification time, kind, id). Flat and small: a national folder has
# tens of thousands of files, and forked workers share this.
_KINDS: dict[int, tuple[int, int, str | None, str | None]] = {}


def kind_and_id(path: Path, remember: bool = True) -> tuple[str | None, str | None]:
    """A file's `kind` and (for criteria) `id`: from its head when written the usual way (`kind: criteria` at
    the start of a line), else by parsing it, so that `"kind": criteria`, `kind : criteria`, flow or JSON
    style and CR-only line ends are recognised too. (None, None) when the file cannot be read or parsed.

    Remembered while the file is unchanged (same file, size and time, however its path is written), so that
    the folder scans of criteria, survey and appraisal files, and of the results cache, read each file's head
    once per command (`forget_kinds` starts afresh)."""
    if is_form_file(path):  # .xlsx, .ods, .xls: an assessment workbook, never left out of a folder
        return "assessment", None
    try:
        info = path.stat()
    except OSError:
        return _kind_and_id(path)
    if not info.st_ino:  # a file system without inode numbers: every file would be the same file
        return _kind_and_id(path)
    where = info.st_dev << 64 | info.st_ino
    known = _KINDS.get(where)
    if known is not None and known[0] == info.st_size and known[1] == info.st_mtime_ns:
        return known[2], known[3]
    kind, found_id = _kind_and_id(path)
    if remember:
        _KINDS[where] = (info.st_size, info.st_mtime_ns, kind, found_id)
    return kind, found_id


def forget_kinds() -> None:
    _KINDS.clear()
    _FOLDERS.clear()
    _LEFT_OUT.clear()
    forget_languages()


SupportFile = tuple[Path, str, str | None]  # path, kind, id (of a criteria set)
# A folder by device and inode, however its path is written → (its modification time, (name, kind, id) of files)
Listings = dict[tuple[int, int], tuple[int, tuple[tuple[str, str, str | None], ...]]]
_FOLDERS: Listings = {}
_SETTLED_NS = 3_000_000_000


def _folder_key(info: os.stat_result) -> tuple[int, int] | None:
    """A folder by device and inode; None where the file system gives no inode numbers (every folder would be one)."""
    return (info.st_dev, info.st_ino) if info.st_ino else None


def support_files(folder: Path) -> tuple[SupportFile, ...]:
    """The YAML and JSON files directly in `folder` that are not assessments (criteria sets with their id, survey and
    appraisal files…) as (path, kind, id), sorted by name; none when it cannot be read.

    Listed once per folder per command (`forget_kinds`), or again when the folder changes: a national folder holds
    tens of thousands of assessments and several lookups look through it (criteria ids, appraisal and survey
    files, the results cache). Kinds `kind_and_id` remembers are used, and none is remembered from here, so a
    worker process keeps only the few files that are not assessments."""
    try:
        info = folder.stat()
    except OSError:
        return ()
    changed, where = info.st_mtime_ns, _folder_key(info)
    known = _FOLDERS.get(where) if where is not None else None
    if known is not None and known[0] == changed:
        return tuple((folder / name, kind, found_id) for name, kind, found_id in known[1])
    # A folder changed in the last seconds may change again within the same tick of its clock, unseen: listed
    # again next time (git's racy rule).
    settled = time.time_ns() - changed > _SETTLED_NS
    try:
        with os.scandir(folder) as listed:
            entries = sorted(
                (e for e in listed if kind_of_suffix(e.name) in READ_IN_FOLDERS and e.is_file()), key=_name
            )
    except OSError:
        entries = []
    found: list[tuple[str, str, str | None]] = []
    for entry in entries:
        name = entry.name
        kind, found_id = _known_kind(entry) or kind_and_id(folder / name, remember=False)
        if kind is not None and kind != "assessment":
            found.append((name, kind, found_id))  # an id only for a criteria set (`kind_and_id`)
    if settled and where is not None:
        _FOLDERS[where] = (changed, tuple(found))
    return tuple((folder / name, kind, found_id) for name, kind, found_id in found)


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


def _known_kind(entry: os.DirEntry[str]) -> tuple[str | None, str | None] | None:
    """What `kind_and_id` remembers of a file listed (the file as it is now: by its status, no path parsed); None
    when it remembers nothing of it."""
    try:
        info = entry.stat()
    except OSError:
        return None
    known = _KINDS.get(info.st_dev << 64 | info.st_ino) if info.st_ino else None
    if known is None or known[0] != info.st_size or known[1] != info.st_mtime_ns:
        return None
    return known[2], known[3]


def listings(folders: Iterable[Path]) -> dict[Path, Listings]:
    """Each folder's listing as `support_files` remembers it, to hand to worker processes (`take_listings`): each
    worker would otherwise look through a national folder's tens of thousands of files once more."""
    found: dict[Path, Listings] = {}
    for folder in folders:
        support_files(folder)
        try:
            info = folder.stat()
        except OSError:
            continue
        where = _folder_key(info)
        if where is not None and where in _FOLDERS:  # not while it is changing (`support_files`)
            found[folder] = {where: _FOLDERS[where]}
    return found


def take_listings(given: Listings) -> None:
    """Listings made by the parent process: `support_files` uses them as its own while the folder is unchanged."""
    for where, known in given.items():
        _FOLDERS.setdefault(where, known)


def _kind_and_id(name: Path | str, head: bytes | None = None) -> tuple[str | None, str | None]:
    """`kind_and_id`, read now (`head`: the YAML file's `_head`, when read already)."""
    if kind_of_suffix(name) == "json":
        said, found_id = json_kind_and_id(Path(name))
        return (sys.intern(said) if said is not None else None), found_id
    head = _head(name) if head is None else head
    kind = _KIND.search(head)
    if kind is not None and kind.group(1) != b"criteria":
        return sys.intern(kind.group(1).decode()), None  # one string "assessment" for all the files
    if kind is not None:
        found = _ID.search(head)
        if found is not None:
            return "criteria", found.group(1).decode()
    doc, _ = read_document(Path(name), an_input=False)
    if doc is None:
        return None, None
    kind_text, id_text = doc.data.get("kind"), doc.data.get("id")
    return (
        kind_text if isinstance(kind_text, str) else None,
        str(getattr(id_text, "source", id_text)) if id_text is not None and kind_text == "criteria" else None,
    )


_LEFT_OUT: dict[Diagnostic, None] = {}  # notes on the files of folders left out (F006), until the CLI shows them


def left_out() -> list[Diagnostic]:
    """The files of the folders searched so far that were left out, one note each (F006), taken once: never a
    file skipped without a word. The CLI shows them (`cli.shell.run`), `par check` in its report."""
    notes = list(_LEFT_OUT)
    _LEFT_OUT.clear()
    return notes


def _json_in_folder(path: Path) -> bool:
    """Whether a `.json` file found in a folder is one of its inputs: when its `kind` is a par kind. Any other is
    left out with a note (F006): a ranking par wrote, or another file."""
    if kind_and_id(path)[0] in PAR_KINDS:
        return True
    why = "left-out-ranking" if is_ranking_json(path) else "left-out-json"
    _LEFT_OUT[problem("F006", why, hint=msg(f"hint.{why}")).at(LineCol(display(path)))] = None
    return False


def file_kind(path: Path) -> str | None:
    """'criteria' / 'assessment' (or whatever the file says), None if it says nothing readable."""
    return kind_and_id(path)[0]


def file_kinds(paths: Iterable[Path | str]) -> list[str | None]:
    """`file_kind` of each file, remembered alike: a national folder's, one after another, so each YAML file is
    opened once, its status and head taken from the open file (no path looked up twice, no file object)."""
    return [_open_kind(path, _KINDS) for path in paths]


Remembered = list[tuple[int, tuple[int, int, str | None, str | None]]]  # what `kind_and_id` remembers of files


def told_kinds(paths: Iterable[Path | str]) -> tuple[list[str | None], Remembered]:
    """`file_kinds`, and what is remembered of the files, to hand to another process (`remember_kinds`): a worker
    process reads the kinds of a slice of a national folder for its parent."""
    told: dict[int, tuple[int, int, str | None, str | None]] = {}
    kinds = [_open_kind(path, told) for path in paths]
    return kinds, list(told.items())


def remember_kinds(told: Remembered) -> None:
    """What another process remembered of files (`told_kinds`), as if read here."""
    _KINDS.update(told)


def _open_kind(name: Path | str, into: dict[int, tuple[int, int, str | None, str | None]]) -> str | None:
    if kind_of_suffix(name) != "yaml":  # a workbook, a JSON file
        return kind_and_id(Path(name))[0]
    try:
        descriptor = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return kind_and_id(Path(name))[0]  # says why it cannot be read as `kind_and_id` does
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or not info.st_ino:
            head = None  # no regular file (a FIFO opened without waiting), no inode numbers: `kind_and_id`
        else:
            where = info.st_dev << 64 | info.st_ino
            known = _KINDS.get(where)
            if known is not None and known[0] == info.st_size and known[1] == info.st_mtime_ns:
                return known[2]
            try:
                head = _head_of(descriptor)
            except OSError:
                head = b""
    except OSError:
        head = None
    finally:
        os.close(descriptor)
    if head is None:
        return kind_and_id(Path(name))[0]
    kind, found_id = _kind_and_id(name, head)
    into[where] = (info.st_size, info.st_mtime_ns, kind, found_id)
    return kind


def at_least(count: int, paths: Sequence[Path]) -> bool:
    """Whether there are `count` or more input files (by name) among `paths` and under the folders: a quick
    look, that stops as soon as it has seen enough, before `discover_yaml` reads them."""
    seen = 0
    for path in paths:
        if not path.is_dir():
            seen += 1
        else:
            for _, folders, names in os.walk(path):
                folders[:] = [name for name in folders if not name.startswith(".")]
                seen += sum(1 for name in names if found_in_folders(name))
                if seen >= count:
                    break
        if seen >= count:
            return True
    return False


def discover_yaml(paths: Sequence[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """Input files given, and under the given folders (recursively): YAML files, JSON files of a par kind
    (`_json_in_folder`: any other is left out with a note, `left_out`) and assessment workbooks; hidden files and
    Excel's `~$` lock files left out."""
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for path in paths:
        if path.is_dir():
            _search(path, files, problems)
        elif path.exists() or path.is_symlink():
            odd = not_a_file(path)
            if odd is None:
                files.append(path)
            else:
                problems.append(odd)
        else:
            problems.append(problem("F001", "no-such-file-or-folder", hint=near_name(path)).at(LineCol(str(path))))
    return list(dict.fromkeys(files)), problems


def _search(folder: Path, files: list[Path], problems: list[Diagnostic]) -> None:
    """The files under `folder` (`discover_yaml`), in the order of their paths, hidden ones left out
    (`readers.paths.walk`): a regular file's type comes with its name, no stat needed."""
    for found, entry in walk(folder):
        name = entry.name
        suffix = kind_of_suffix(name)
        regular = suffix in FOUND_IN_FOLDERS and entry.is_file(follow_symlinks=False)
        if regular and not lock_name(name):  # the usual file
            if suffix != "json" or _json_in_folder(found):
                files.append(found)
        elif suffix not in FOUND_IN_FOLDERS:
            if not_read_book(name) and not lock_name(name):
                note = problem("F006", "left-out-workbook", hint=msg("hint.left-out-workbook"))
                _LEFT_OUT[note.at(LineCol(display(found)))] = None  # a spreadsheet par does not read: said
        elif not regular and not lock_name(name) and not found.is_dir():
            odd = not_a_file(found)  # a broken link or a FIFO named *.yaml is reported, never skipped
            if odd is None and (suffix != "json" or _json_in_folder(found)):
                files.append(found)
            elif odd is not None:
                problems.append(odd)


def discover(paths: Sequence[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """Assessment files under the given files and folders, criteria and survey files left out."""
    files, problems = discover_yaml(paths)
    return [p for p in files if file_kind(p) not in SUPPORT_KINDS], problems


def wrong_kind(doc: Document, expected: str) -> Diagnostic | None:
    kind = doc.data.get("kind")
    if kind == expected:
        return None
    hint = msg("hint.kind-assessment" if expected == "assessment" else "hint.kind-criteria")
    if kind is None:
        return doc.place(problem("S002", "missing-kind", hint=hint))
    return doc.place(problem("S002", "wrong-kind", ("kind",), hint, kind=str(kind), expected=expected))


def content_of(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""
