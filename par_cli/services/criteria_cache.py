"""Criteria sets kept built between runs: `par check FILE` and `par score FILE` read a set's bytes and find it
validated, checked and indexed, instead of parsing, validating and indexing it again (~15 ms of a 27 KB set,
most of what one file costs beyond the imports: benchmarks/startup.py).

A built set is found again only under a key made of the set file's bytes, the languages a set may name (they
decide what validates), and a fingerprint of the code that builds sets (par's version, Python's and
pydantic-core's, and the size and modification time of the modules that read, validate, check and index a set,
as Python checks them before it trusts their bytecode): an upgraded or edited par never reads an older build.
Only a set without errors is kept (errors are reported as read).

Entries are pickles read back by an unpickler that makes nothing but values: the classes of the pure core
(named tuples and rules), `Decimal`, `Fraction` and read-only mappings (`_read_only`); any other name is refused,
so an entry is never code. They live in a folder of par's cache folder (`cache_dir`, the results cache's), which is
not used when other users may write it; written atomically (`io.output.write`); at most `LIMIT` of them, those of
another fingerprint removed when one is written. An entry that cannot be read, is not a set or was written by
someone else is ignored (and written again): never an error, never a wrong set. `--no-cache` bypasses them.
"""

from __future__ import annotations

import _pickle
import contextlib
import copyreg
import io
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from par_cli import __version__
from par_cli.io.output import reading, write
from par_cli.io.spoken import spoken
from par_cli.readers.paths import not_a_file

if TYPE_CHECKING:
    from par_cli.core.model import CriteriaSet
    from par_cli.core.tree import NodeInfo

    Built = tuple[CriteriaSet, dict[str, NodeInfo]]

FOLDER = "criteria-sets"  # inside par's cache folder
LIMIT = 64  # entries kept: the oldest go first
LARGEST = 16 * 1024 * 1024  # an entry larger than this is not kept (no shipped or generated set comes near)
SUFFIX = ".pickle"
PROTOCOL = 5

_PACKAGE = Path(__file__).resolve().parent.parent
# The code that builds a set, besides the pure core and the YAML engine: reading, this module and its callers.
_BUILDERS = ("readers/files.py", "readers/paths.py", "services/workspace.py", "services/criteria_cache.py")
_ALLOWED = {("decimal", "Decimal"), ("fractions", "Fraction"), (__name__, "_read_only")}


def cache_dir() -> Path:
    """`PAR_CACHE_DIR`, else the platform's user cache folder (~/.cache/par on Linux, `$XDG_CACHE_HOME/par` when
    that is absolute): platformdirs' answer, worked out here in the common case on Linux (importing platformdirs
    costs ~3.5 ms of every start), asked of platformdirs in every other."""
    given = os.environ.get("PAR_CACHE_DIR")
    if given:
        return Path(given)
    home, xdg = os.environ.get("HOME", ""), os.environ.get("XDG_CACHE_HOME", "")
    plain_linux = (
        sys.platform == "linux" and not hasattr(sys, "getandroidapilevel") and "ANDROID_DATA" not in os.environ
    )
    # a relative XDG_CACHE_HOME is left to platformdirs: its versions read it differently (`rel/par`, `~/.cache/par`)
    if plain_linux and os.path.isabs(home) and (not xdg or os.path.isabs(xdg)):
        return Path(xdg or os.path.expanduser("~/.cache"), "par")
    import platformdirs

    return Path(platformdirs.user_cache_dir("par", appauthor=False))


_fingerprint: list[str] = []


def code_fingerprint() -> str:
    """par's version, Python's and pydantic-core's, the pickle protocol, and the size and modification time of
    every module of the pure core, the YAML engine and `_BUILDERS`: what Python itself checks before it trusts a
    module's bytecode (an edit or an install changes them), ~0.3 ms (hashing their bytes costs ~1.3 ms). Empty
    when they cannot be listed: then nothing is kept."""
    if not _fingerprint:
        import pydantic_core

        parts: list[str | bytes] = [__version__, sys.version, pydantic_core.__version__, str(PROTOCOL)]
        try:
            modules = [*_modules(str(_PACKAGE), "core"), *_modules(str(_PACKAGE), "yamlengine"), *map(_stat, _BUILDERS)]
        except OSError:  # par's modules cannot be listed (not in files?): its code is unknown, nothing is kept
            modules = []
        for name, info in modules:
            parts.append(f"{name}:{info.st_size}:{info.st_mtime_ns}" if info is not None else f"{name}:-")
        _fingerprint.append(digest(*parts) if modules else "")
    return _fingerprint[0]


def _stat(name: str) -> tuple[str, os.stat_result | None]:
    try:
        return name, os.stat(os.path.join(_PACKAGE, name))
    except OSError:
        return name, None


def _modules(root: str, folder: str) -> list[tuple[str, os.stat_result | None]]:
    """The modules under `folder` of `root` (as paths relative to it, sorted, with their stat), `__pycache__`
    left out."""
    found: list[tuple[str, os.stat_result | None]] = []
    with os.scandir(os.path.join(root, folder)) as entries:
        for entry in entries:
            name = f"{folder}/{entry.name}"
            if entry.name.rpartition(".")[2] == "py" and entry.is_file():  # par's own sources, not a user's file
                found.append((name, entry.stat()))
            elif entry.is_dir() and entry.name != "__pycache__":
                found += _modules(root, name)
    return sorted(found, key=lambda item: item[0])


def digest(*parts: str | bytes) -> str:
    """`services.digests.digest`, with BLAKE2b: hashlib's import (OpenSSL) costs ~4 ms of a start, `_blake2`'s
    ~0.3 ms, and the few kilobytes hashed here take no time either way."""
    try:
        from _blake2 import blake2b
    except ImportError:  # a Python built without it
        from hashlib import blake2b
    found = blake2b(digest_size=32)
    for part in parts:
        data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
        found.update(len(data).to_bytes(8, "little"))
        found.update(data)
    return found.hexdigest()


def _read_only(values: dict[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(values)


def _reduced(mapping: Mapping[str, Any]) -> tuple[Callable[[dict[str, Any]], Mapping[str, Any]], tuple[Any, ...]]:
    return _read_only, (dict(mapping),)


_TABLE = {**copyreg.dispatch_table, MappingProxyType: _reduced}  # read-only mappings kept as `_read_only` makes them


class _Values(_pickle.Unpickler):
    """Makes values only: the classes of the pure core, `Decimal`, `Fraction` and read-only mappings."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED or module.startswith("par_cli.core."):
            found = super().find_class(module, name)
            if (module, name) in _ALLOWED or (isinstance(found, type) and found.__module__ == module):
                return found
        raise _pickle.UnpicklingError(f"{module}.{name} is not a value of a criteria set")


def _foreign(info: os.stat_result) -> bool:
    """Another user's, or one its group or others may write (`services.cache.unsafe`'s rule; never on Windows)."""
    getuid = getattr(os, "getuid", None)
    return getuid is not None and (info.st_uid != getuid() or bool(info.st_mode & 0o022))


def _folder() -> Path | None:
    """The entries' folder, made if need be; None when it cannot be made or others may write it (then nothing is
    made in it either)."""
    base = cache_dir()
    folder = base / FOLDER
    try:
        if base.exists() and _foreign(base.stat()):
            return None
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        return None if _foreign(base.stat()) or _foreign(folder.stat()) else folder
    except OSError:
        return None


def _read(entry: Path, key: str) -> Built | None:
    """The set kept in `entry` under `key`: an entry holds its whole key beside the set, so that one copied or
    moved onto another's name (a sync tool, a hand) is a miss, never another file's set."""
    from par_cli.core.model import CriteriaSet

    try:
        with open(entry, "rb") as file:
            if _foreign(os.fstat(file.fileno())):
                return None
            found = _Values(file).load()
    except Exception:  # a damaged or foreign entry is a miss, whatever unpickling raises
        return None
    if not (isinstance(found, tuple) and len(found) == 2 and found[0] == key):
        return None
    kept = found[1]
    kind_ok = isinstance(kept, tuple) and len(kept) == 2
    return kept if kind_ok and isinstance(kept[0], CriteriaSet) and isinstance(kept[1], dict) else None


def _keep(folder: Path, entry: Path, key: str, built: Built) -> None:
    buffer = io.BytesIO()
    try:
        pickler = _pickle.Pickler(buffer, protocol=PROTOCOL)
        pickler.dispatch_table = _TABLE
        pickler.dump((key, built))
    except (_pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return  # a set holding something no entry can keep: built again next time
    if buffer.tell() > LARGEST:
        return
    with contextlib.suppress(OSError):
        entry.unlink(missing_ok=True)  # one not trusted (`_foreign`): the new one gets a new file's permissions
        write(entry, buffer.getvalue())
        _prune(folder, entry.name.split("-", 1)[0])


def _prune(folder: Path, fingerprint: str) -> None:
    """Remove the entries of another fingerprint, then the oldest beyond `LIMIT`."""
    kept: list[tuple[int, Path]] = []
    for found in os.scandir(folder):
        if not found.name.endswith(SUFFIX):
            continue
        if not found.name.startswith(fingerprint + "-"):
            with contextlib.suppress(OSError):
                os.unlink(found.path)
            continue
        with contextlib.suppress(OSError):
            kept.append((found.stat().st_mtime_ns, Path(found.path)))
    for _, old in sorted(kept)[: max(len(kept) - LIMIT, 0)]:
        with contextlib.suppress(OSError):
            old.unlink()


def count(base: Path) -> int:
    """The entries kept in the cache folder `base` (`par cache info`)."""
    try:
        return sum(1 for found in os.scandir(base / FOLDER) if found.name.endswith(SUFFIX))
    except OSError:
        return 0


def clear(base: Path) -> int:
    """Remove every entry kept in the cache folder `base` (`par cache clear`): how many were removed (those that
    could not be are still counted by `count`)."""
    removed = 0
    with contextlib.suppress(OSError):
        for found in os.scandir(base / FOLDER):
            if found.name.endswith(SUFFIX):
                with contextlib.suppress(OSError):
                    os.unlink(found.path)
                    removed += 1
    return removed


def built(path: Path, build: Callable[[Path, bytes | None], Built], languages: tuple[str, ...]) -> Built:
    """The set in `path` as `build(path, its bytes)` makes it (raising its errors): kept, or built and kept.
    A file that is not a readable regular file is left to `build(path, None)`, which reports it."""
    if not_a_file(path) is not None:
        return build(path, None)
    try:
        raw = path.read_bytes()
    except OSError:
        return build(path, None)
    fingerprint = code_fingerprint()
    folder = _folder() if fingerprint else None
    if folder is None:
        return build(path, raw)
    key = digest(fingerprint, chr(0).join(languages), raw)
    entry = folder / f"{fingerprint[:16]}-{key[:40]}{SUFFIX}"
    found = _read(entry, key)
    if found is not None:
        reading(path)  # as `readers.files.read_document` notes the set (no output onto it) and its language
        spoken(found[0].language)
        return found
    made = build(path, raw)
    _keep(folder, entry, key, made)
    return made
