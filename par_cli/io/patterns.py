"""Regexes compiled once per install of par and Python, not once per run: `re` compiles in Python, and the fast YAML
path's patterns cost ~2 ms of every one-file start (benchmarks/startup.py).

`compiled(pattern, flags)` is `re.compile(pattern, flags)`: made by `_sre.compile` (what `re.compile` ends with) from
the code `re` made on an earlier run, kept next to this module (`__pycache__/patterns.<python>.marshal`, as Python
keeps its bytecode and `words.languages` its catalogues) under the Python build and the regex engine's version. A
pattern not kept yet is compiled by `re`, and kept once the pattern made from its code is equal to `re`'s (same
flags, same code). Where nothing can be written (a read-only install) or `re`'s internals differ (another Python),
`re` compiles it on each run: still right.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # re's engine: `re.compile` ends with `_sre.compile`
import contextlib
import marshal
import os
import re
import sys
from typing import Any, AnyStr

_FILE = os.path.join(os.path.dirname(__file__), "__pycache__", f"patterns.{sys.implementation.cache_tag}.marshal")
_FORMAT = 1  # of the kept file
_KEY = (_FORMAT, sys.version, getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None))
Made = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]  # `_sre.compile`'s arguments
_kept: list[dict[tuple[str | bytes, int], Made]] = []  # read on the first pattern asked for


def compiled(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """`re.compile(pattern, flags)`, from the code kept for it when there is some."""
    kept, flags = _read(), int(flags)  # a plain int, as marshal keeps it (not a re.RegexFlag)
    made = kept.get((pattern, flags))
    if made is not None:
        try:
            return _sre.compile(pattern, *made)  # type: ignore[no-any-return]
        except (TypeError, ValueError, RuntimeError):  # not this engine's code after all: compiled again below
            pass
    found = re.compile(pattern, flags)
    made = _made(pattern, flags)
    if made is not None and _sre.compile(pattern, *made) == found:
        kept[pattern, flags] = made
        _write(kept)
    return found


def _made(pattern: str | bytes, flags: int) -> Made | None:
    """What `re._compiler.compile` hands `_sre.compile` for this pattern; None where `re` is built otherwise."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        names: dict[str, int] = dict(parsed.state.groupdict)
        groups: list[str | None] = [None] * parsed.state.groups
        for name, index in names.items():
            groups[index] = name
        made = int(flags | parsed.state.flags), list(map(int, code)), parsed.state.groups - 1, names, tuple(groups)
        return made  # plain ints (re's are named constants), as marshal keeps them
    except Exception:  # another Python's re: it compiles the pattern on each run
        return None


def _read() -> dict[tuple[str | bytes, int], Made]:
    if not _kept:
        found: Any = {}
        try:
            with open(_FILE, "rb") as file:
                key, entries = marshal.loads(file.read())
            found = entries if key == _KEY and isinstance(entries, dict) else {}
        except (OSError, ValueError, EOFError, TypeError):  # none kept yet, or unreadable: made again
            pass
        _kept.append(found)
    return _kept[0]


def _write(kept: dict[tuple[str | bytes, int], Made]) -> None:
    """The kept patterns written whole, atomically (another process may write them too: the last one stays)."""
    partial = f"{_FILE}.{os.getpid()}"
    try:
        os.makedirs(os.path.dirname(_FILE), exist_ok=True)
        with open(partial, "wb") as file:
            marshal.dump((_KEY, kept), file)
        os.replace(partial, _FILE)
    except (OSError, ValueError):  # a read-only install (or a value marshal refuses): compiled by re each run
        with contextlib.suppress(OSError):
            os.remove(partial)
