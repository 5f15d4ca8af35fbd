"""Scored results kept between runs, so that ranking again after editing one file scores only that file.

A result is found again only under a key made of the content of everything it was computed from, never of a name
alone: the assessment's bytes (and its name, which its entry shows), the bytes of every criteria, survey and
appraisal file it may read (its folder's, and every criteria file where its set may be looked up by id), the set
given on the command line (found as the command finds it, then hashed), the survey results file, how it is scored
(the options that change figures; not `--jobs`), and par's own code (its version and the bytes of its modules).
Files an assessment or appraisal file names by a path are followed as reached (through the links there now) and
checked again when a result is used (`still_valid`). Nothing is ever invalidated by time, only by keys.

The store is one SQLite file in the user cache folder (`PAR_CACHE_DIR`, else platformdirs'), written in one
transaction per run: concurrent runs wait for each other or skip writing, never read half a write. Results are
kept as data (JSON of plain values, exact figures as "n/d" text), never as pickles: a store is never code. A
folder (or store) that other users can write is not used, with one warning. Rows written by another version of
par are deleted when this one writes. A value is kept with its checksum; a corrupted file or value is ignored
(and the file rebuilt), never used.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from par_cli import __version__
from par_cli.readers.files import SUPPORT_KINDS, support_files
from par_cli.services.cache_json import HELD, dump, load, read_as
from par_cli.services.criteria_cache import cache_dir
from par_cli.services.criteria_cache import clear as clear_sets
from par_cli.services.criteria_cache import count as count_sets
from par_cli.services.digests import digest, file_digest

if TYPE_CHECKING:
    from par_cli.core.diagnostics import Msg
    from par_cli.core.ranking import Entry

FORMAT = 2  # the layout of stored values (2: JSON of plain values; 1 was pickles)
FILE_NAME = "results.sqlite3"
LEGACY_NAMES = ("results-v1.sqlite3",)  # stores of earlier versions (pickles): deleted, never read


# A file changed this recently is hashed every time: its times may not move on its next change.
SETTLED_NS = 3_000_000_000


def stamp(path: Path) -> tuple[bool, str]:
    """(whether it may be trusted, the file's device, inode, size, modification and change times). Any write
    changes the change time, which no program can set back; a file changed in the last seconds is not trusted,
    since a second change within the clock's step could leave the same times (git's "racy" rule)."""
    try:
        info = path.stat()
    except OSError:
        return False, ""
    settled = time.time_ns() - max(info.st_mtime_ns, info.st_ctime_ns) > SETTLED_NS
    return settled, f"{info.st_dev}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}"


_digests: dict[str, str] = {}  # stamp → digest, for settled files (see `stamp`)


def digest_of(path: Path) -> str:
    """`file_digest`, hashed once per process while the file's stamp is unchanged and settled."""
    settled, now = stamp(path)
    if not settled:
        return file_digest(path)
    if now not in _digests:
        _digests[now] = file_digest(path)
    return _digests[now]


def _inputs_digest(paths: Iterable[str]) -> str:
    return digest(*(digest_of(Path(name)) for name in paths))


def with_inputs(entry: Entry, reached: Iterable[Path]) -> Entry:
    """The entry with the files named by a path from its folder, as reached (`Workspace.reached`), and one digest
    of their bytes: its `criteria_file` holds their names, NUL-separated (no path has a NUL)."""
    from dataclasses import replace

    names = [str(path) for path in reached]
    if not names:
        return entry
    return replace(entry, criteria_file="\0".join(names), criteria_digest=_inputs_digest(names))


def still_valid(entry: Entry) -> bool:
    """A kept result whose files named by a path (followed through the links there now) have the same bytes."""
    return not entry.criteria_file or _inputs_digest(entry.criteria_file.split("\0")) == entry.criteria_digest


_code: str | None = None


def code_fingerprint() -> str:
    """par's own code: its version, the layout of stored values, Python's version and the bytes of every module,
    so an upgrade (or an edit) is a new key, and rows of another version are deleted (`ResultCache.flush`)."""
    global _code
    if _code is None:
        package = Path(__file__).resolve().parent.parent
        parts: list[str] = [__version__, str(FORMAT), sys.version.split()[0]]
        for path in _modules(package):
            parts += [os.path.relpath(path, package), file_digest(Path(path))]
        _code = digest(*parts)
    return _code


def _modules(folder: Path) -> list[str]:
    return sorted(str(path) for path in folder.rglob("*.py"))  # par's own sources (not user files: no kinds)


class Context:
    """What besides an assessment's own bytes its result may depend on, per folder (computed once per run)."""

    def __init__(self, options: str, search_folders: Callable[[Path], Iterable[Path]]) -> None:
        self.options = options
        self.search_folders = search_folders  # where a file's criteria set may be looked up (`services.criteria`)
        self._folders: dict[Path, str] = {}

    def folder(self, folder: Path) -> str:
        found = self._folders.get(folder)  # as named first (resolving every file's folder costs more than hashing)
        if found is None:
            found = self._folders[folder] = self._folder(folder.resolve())
        return found

    def _folder(self, key: Path) -> str:
        if key not in self._folders:
            parts: list[str] = [str(key)]  # where paths its files name are followed from
            for place in self.search_folders(key):
                for path, kind, _ in support_files(place):
                    beside = place == key and kind in SUPPORT_KINDS  # criteria, survey and appraisal files
                    if beside or kind == "criteria":
                        parts.append(f"{path}:{digest_of(path)}")  # a parent's sets: hashed once, not per folder
            self._folders[key] = digest(*parts)
        return self._folders[key]

    def key(self, path: Path, shown: str, content: str) -> str:
        """The key of a file's result; `content` is the digest of its bytes."""
        return digest(code_fingerprint(), self.options, self.folder(path.parent), shown, content)


def held(*kinds: type) -> None:
    """Named tuples entries keep that this module cannot import (they are below it in the layers)."""
    HELD.update((kind.__name__, kind) for kind in kinds)


_warned: set[Path] = set()  # folders already warned about in this process


def unsafe(folder: Path) -> bool:
    """Whether another user may write the store in `folder` (the folder or a store file is not the user's own,
    or its group or others may write it): then what it holds cannot be trusted. Never on Windows (no owners)."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:
        return False
    me = getuid()
    for path in (folder, *(folder / f"{FILE_NAME}{suffix}" for suffix in ("", "-wal", "-shm"))):
        try:
            info = path.stat()  # what opening it reaches (a link is followed)
        except OSError:
            continue  # not there (yet): made by this run, the user's own
        if info.st_uid != me or info.st_mode & 0o022:
            return True
    return False


def _warn(folder: Path) -> None:
    """One warning, once per folder and process: the store there is not used. Kept until the command line words
    it (`said`), in the language of the run, which this module does not know."""
    if folder in _warned:
        return
    _warned.add(folder)
    from par_cli.core.diagnostics import msg

    _unsaid.append(msg("cache-unsafe", path=str(folder)))


_unsaid: list[Msg] = []


def said() -> list[Msg]:
    """The warnings of the cache not shown yet (`_warn`), taken once."""
    taken = list(_unsaid)
    _unsaid.clear()
    return taken


class ResultCache:
    """Entries by key, in one SQLite file; every failure of the store is a miss, never an error or a wrong value."""

    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder or cache_dir()) / FILE_NAME
        self._db: sqlite3.Connection | None = None
        self._refused = False  # a folder others may write: not used
        self._pending: list[tuple[str, str, str, str]] = []
        self._swept = False  # rows of other versions deleted: once a run (this run writes only its own)

    def _open(self) -> sqlite3.Connection | None:
        if self._db is not None or self._refused:
            return self._db
        folder = self.path.parent
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            return None
        if unsafe(folder):
            self._refused = True
            _warn(folder)
            return None
        for name in LEGACY_NAMES:
            _remove(folder / name)
        try:
            os.close(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600))  # SQLite gives its -wal and -shm this mode
            db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, version TEXT, sum TEXT, value TEXT)")
            db.execute("CREATE TABLE IF NOT EXISTS digests (path TEXT PRIMARY KEY, stamp TEXT, digest TEXT)")
        except (sqlite3.Error, OSError):
            self._discard()
            return None
        self._db = db
        return db

    def _discard(self) -> None:
        """A store that cannot be read is removed (it is rebuilt by the next write)."""
        self.close()
        _remove(self.path)

    def get_many(self, keys: Iterable[str]) -> dict[str, Entry]:
        from par_cli.core.compact import PackedAreas
        from par_cli.core.cuts import Cut
        from par_cli.core.ranking import AreaFigure, Entry

        held(Cut)
        read_as(Sequence[AreaFigure], PackedAreas.read)  # areas kept as their text: printed, seldom computed on
        wanted = list(dict.fromkeys(keys))
        found: dict[str, Entry] = {}
        db = self._open()
        if db is None or not wanted:
            return found
        version = code_fingerprint()
        query = "SELECT key, version, sum, value FROM results WHERE key"
        try:
            for key, written_by, stored_sum, value in _select(db, query, wanted):
                entry = load(value, Entry) if written_by == version and _sum(value) == stored_sum else None
                if entry is not None:
                    found[key] = entry
        except sqlite3.Error:
            self._discard()
            return {}
        return found

    def kept(self, keys: Iterable[str]) -> set[str]:
        """Which of `keys` this version of par kept a result for (not read: `get_many` reads them, a few at a time)."""
        wanted, found = list(dict.fromkeys(keys)), set[str]()
        db = self._open()
        try:
            for start in range(0, len(wanted) if db is not None else 0, 500):
                chunk = wanted[start : start + 500]
                query = f"SELECT key FROM results WHERE version = ? AND key IN ({','.join('?' * len(chunk))})"
                found.update(key for (key,) in db.execute(query, [code_fingerprint(), *chunk]))  # type: ignore[union-attr]
        except sqlite3.Error:
            self._discard()
            return set()
        return found

    def put(self, key: str, entry: Entry) -> None:
        """Keep a result: written as JSON at once (a few hundred bytes, not the entry), stored by the thousand."""
        value = dump(entry)
        if value is not None:
            self._pending.append((key, code_fingerprint(), _sum(value), value))
        if len(self._pending) >= 1000:
            self.flush()

    def flush(self) -> None:
        """Write the results kept so far, and delete those another version of par wrote (then compact the file)."""
        rows, self._pending = self._pending, []
        db = self._open() if rows else None
        if db is None:
            return
        try:
            with db:
                db.execute("BEGIN IMMEDIATE")
                stale = 0
                if not self._swept:  # a whole-table scan: not at every thousand results
                    stale = db.execute("DELETE FROM results WHERE version IS NOT ?", (code_fingerprint(),)).rowcount
                db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)", rows)
            self._swept = True
        except sqlite3.OperationalError:
            return  # another run holds the store: these results are simply not kept
        except sqlite3.Error:
            self._discard()
            return
        if stale > 0:  # once after an upgrade: the file shrinks to the results of this version
            with contextlib.suppress(sqlite3.Error):
                db.execute("VACUUM")

    def digests(self, paths: Iterable[Path]) -> dict[Path, str]:
        """The digest of each file's bytes: remembered while the file's stamp is unchanged, else read and hashed
        (and remembered when the file is old enough for its stamp to be trusted, see `stamp`)."""
        stamps = {path: stamp(path) for path in paths}
        names = {path: os.path.abspath(path) for path in stamps}
        known: dict[str, tuple[str, str]] = {}
        db = self._open()
        if db is not None:
            query = "SELECT path, stamp, digest FROM digests WHERE path"
            try:
                known = {name: (st, dg) for name, st, dg in _select(db, query, list(names.values()))}
            except sqlite3.Error:
                known = {}
        found: dict[Path, str] = {}
        fresh: list[tuple[str, str, str]] = []
        for path, (trusted, now) in stamps.items():
            remembered = known.get(names[path])
            if trusted and remembered is not None and remembered[0] == now:
                found[path] = remembered[1]
                continue
            found[path] = file_digest(path)
            if trusted:
                fresh.append((names[path], now, found[path]))
        if fresh and db is not None:
            with contextlib.suppress(sqlite3.Error), db:
                db.execute("BEGIN IMMEDIATE")
                db.executemany("INSERT OR REPLACE INTO digests VALUES (?, ?, ?)", fresh)
        return found

    def count(self) -> int:
        """The results kept (0 when there is no store or it cannot be read), read without writing: a store in a
        folder made read-only is counted, not taken for a damaged one."""
        if not self.path.is_file():
            return 0
        try:
            db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
        except (sqlite3.Error, OSError, ValueError):
            return 0
        try:
            return int(db.execute("SELECT count(*) FROM results").fetchone()[0])
        except sqlite3.Error:
            return 0
        finally:
            db.close()

    def clear(self) -> tuple[int, int]:
        """Remove the store (and any of an earlier version) and the criteria sets kept built
        (`services.criteria_cache`): the number of results the store held and of sets removed."""
        count = self.count()
        self._discard()
        sets = clear_sets(self.path.parent)
        for name in LEGACY_NAMES:
            _remove(self.path.parent / name)
        return count, sets

    def left(self) -> bool:
        """Whether anything is still kept after `clear` (a folder or file made read-only)."""
        return self.path.exists() or count_sets(self.path.parent) > 0

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None


def _remove(store: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(f"{store}{suffix}").unlink()


def _select(db: sqlite3.Connection, query: str, keys: list[str]) -> Iterator[Any]:
    """The rows of `query … IN (keys)`, asked 500 keys at a time (SQLite bounds the parameters of one query)."""
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        yield from db.execute(f"{query} IN ({','.join('?' * len(chunk))})", chunk)


def _sum(value: Any) -> str:
    return digest(value) if isinstance(value, str) else ""
