"""Scored results kept between runs, so that ranking again after editing one file scores only that file.

A result is found again only under a key that changes whenever anything it was computed from may have changed:
the assessment's bytes and name, every criteria, survey and appraisal file it may read (its folder's, and the
criteria files where its set may be looked up: each named with the hash of its bytes), how it is scored (the
command's options), par's own code and the Python version. Nothing is ever invalidated by time, only by keys.

The store is one SQLite file in the user cache folder (`PAR_CACHE_DIR`, else platformdirs'), written in one
transaction per run: concurrent runs wait for each other or skip writing, never read half a write. A value is
stored with its own checksum; a corrupted file or value is ignored (and the file rebuilt), never used.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sqlite3
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from par_cli import __version__
from par_cli.io.files import SUPPORT_KINDS, search_folders, support_files

if TYPE_CHECKING:
    from par_cli.core.ranking import Entry
    from par_cli.io.workspace import Workspace

FORMAT = 1  # the layout of stored values: raise it when `Entry` changes shape
FILE_NAME = "results-v1.sqlite3"


def cache_dir() -> Path:
    """`PAR_CACHE_DIR`, else the platform's user cache folder (~/.cache/par on Linux)."""
    given = os.environ.get("PAR_CACHE_DIR")
    if given:
        return Path(given)
    import platformdirs

    return Path(platformdirs.user_cache_dir("par", appauthor=False))


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()  # with the CPU's SHA instructions, 2.5 × faster here than blake2b
    for part in parts:
        data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def file_digest(path: Path) -> str:
    try:
        return digest(path.read_bytes())
    except OSError:
        return "unreadable"


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


def still_valid(entry: Entry) -> bool:
    """A kept result whose criteria file is still the one it was scored with."""
    return not entry.criteria_file or digest_of(Path(entry.criteria_file)) == entry.criteria_digest


def with_criteria_file(entry: Entry, path: Path) -> Entry:
    from dataclasses import replace

    return replace(entry, criteria_file=str(path), criteria_digest=digest_of(path))


def options_text(workspace: Workspace, flags: tuple[object, ...], leaders: object) -> str:
    """How a file scorer scores, besides the files: the set given on the command line and the survey results
    file (each with the digest of its bytes), answers renumbered, what entries carry, the groups' leaders."""
    given = workspace.override
    override = f"{given}:{file_digest(Path(given))}" if given is not None and Path(given).is_file() else given
    survey = workspace.survey.path if workspace.survey is not None else None
    surveyed = f"{survey}:{file_digest(survey)}" if survey is not None else "beside"
    renames = sorted(workspace.renames.items()) if workspace.renames is not None else None
    shown = sorted(map(repr, leaders.items())) if isinstance(leaders, dict) else None
    return repr((str(override), surveyed, flags, renames, shown))


_code: str | None = None


def code_fingerprint() -> str:
    """par's own code: its version and every module's size and time, so an upgrade (or an edit) is a new key."""
    global _code
    if _code is None:
        package = Path(__file__).resolve().parent.parent
        parts: list[str] = [__version__, str(FORMAT), sys.version.split()[0]]
        for path in sorted(package.rglob("*.py")):
            stat = path.stat()
            parts.append(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}")
        _code = digest(*parts)
    return _code


class Context:
    """What besides an assessment's own bytes its result may depend on, per folder (computed once per run)."""

    def __init__(self, options: str) -> None:
        self.options = options
        self._folders: dict[Path, str] = {}

    def folder(self, folder: Path) -> str:
        found = self._folders.get(folder)  # as named first (resolving every file's folder costs more than hashing)
        if found is None:
            found = self._folders[folder] = self._folder(folder.resolve())
        return found

    def _folder(self, key: Path) -> str:
        if key not in self._folders:
            parts: list[str] = []
            for place in search_folders(key):
                for path, kind, _ in support_files(place):
                    beside = place == key and kind in SUPPORT_KINDS  # criteria, survey and appraisal files
                    if beside or kind == "criteria":
                        parts.append(f"{path}:{digest_of(path)}")  # a parent's sets: hashed once, not per folder
            self._folders[key] = digest(*parts)
        return self._folders[key]

    def key(self, path: Path, shown: str, content: str) -> str:
        """The key of a file's result; `content` is the digest of its bytes."""
        return digest(code_fingerprint(), self.options, self.folder(path.parent), shown, content)


class ResultCache:
    """Entries by key, in one SQLite file; every failure of the store is a miss, never an error or a wrong value."""

    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder or cache_dir()) / FILE_NAME
        self._db: sqlite3.Connection | None = None
        self._pending: list[tuple[str, str, bytes]] = []

    def _open(self) -> sqlite3.Connection | None:
        if self._db is not None:
            return self._db
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, sum TEXT, value BLOB)")
            db.execute("CREATE TABLE IF NOT EXISTS digests (path TEXT PRIMARY KEY, stamp TEXT, digest TEXT)")
        except (sqlite3.Error, OSError):
            self._discard()
            return None
        self._db = db
        return db

    def _discard(self) -> None:
        """A store that cannot be read is removed (it is rebuilt by the next write)."""
        self.close()
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(f"{self.path}{suffix}").unlink()

    def get_many(self, keys: Iterable[str]) -> dict[str, Entry]:
        wanted = list(dict.fromkeys(keys))
        found: dict[str, Entry] = {}
        db = self._open()
        if db is None or not wanted:
            return found
        try:
            for key, stored_sum, value in _select(db, "SELECT key, sum, value FROM entries WHERE key", wanted):
                entry = _load(value, stored_sum)
                if entry is not None:
                    found[key] = entry
        except sqlite3.Error:
            self._discard()
            return {}
        return found

    def put(self, key: str, entry: Entry) -> None:
        """Keep a result: packed at once (a few hundred bytes, not the entry), written by the thousand."""
        value = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
        self._pending.append((key, digest(value), value))
        if len(self._pending) >= 1000:
            self.flush()

    def flush(self) -> None:
        rows, self._pending = self._pending, []
        db = self._open() if rows else None
        if db is None:
            return
        try:
            with db:
                db.execute("BEGIN IMMEDIATE")
                db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", rows)
        except sqlite3.OperationalError:
            return  # another run holds the store: these results are simply not kept
        except sqlite3.Error:
            self._discard()

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
        """The results kept (0 when there is no store or it cannot be read)."""
        db = self._open() if self.path.exists() else None
        if db is None:
            return 0
        try:
            return int(db.execute("SELECT count(*) FROM entries").fetchone()[0])
        except sqlite3.Error:
            return 0

    def clear(self) -> int:
        """Remove the store; the number of results it held (0 when there was none or it was unreadable)."""
        count = self.count()
        self._discard()
        return count

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None


def _select(db: sqlite3.Connection, query: str, keys: list[str]) -> Iterator[Any]:
    """The rows of `query … IN (keys)`, asked 500 keys at a time (SQLite bounds the parameters of one query)."""
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        yield from db.execute(f"{query} IN ({','.join('?' * len(chunk))})", chunk)


def _load(value: Any, stored_sum: Any) -> Entry | None:
    from par_cli.core.ranking import Entry

    if not isinstance(value, bytes) or digest(value) != stored_sum:
        return None
    try:
        entry = pickle.loads(value)
    except Exception:  # a value that does not load is a miss, whatever went wrong with it
        return None
    return entry if isinstance(entry, Entry) else None
