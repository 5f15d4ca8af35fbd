"""Paths as the user names them: how one is shown, what is wrong with one, the entries under a folder."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from par_cli.core.diagnostics import Diagnostic, LineCol, Msg, msg, os_reason, problem


def display(path: Path) -> str:
    """A path as the user knows it: relative to the working directory when below it."""
    if not path.is_absolute() and ".." not in path.parts:
        return str(path)  # already relative to it, and normal (what relpath would give, without its cost)
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def near_name(path: Path) -> Msg | None:
    """'did you mean …?' for a path that does not exist: a file or folder beside it with a close name
    (`so-noi-vu.yml` for `so-noi-vu.yaml`, `2O24` for `2024`, another case), when its folder is there."""
    import difflib

    try:
        names = os.listdir(path.parent)
    except OSError:
        return None
    if len(names) > 10_000:  # a folder that large: not worth the search
        return None
    same = [name for name in names if name.casefold() == path.name.casefold()]
    close = same or difflib.get_close_matches(path.name, names, n=1, cutoff=0.75)
    return msg("hint.did-you-mean", name=display(path.parent / close[0])) if close else None


def not_a_file(path: Path) -> Diagnostic | None:
    """F001 when `path` is not a regular file (missing, a broken link, a folder, a FIFO, a device), saying
    what it is; None for a regular file. Never opens it: reading a FIFO would wait for ever."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            return problem("F001", "broken-link", target=str(os.readlink(path))).at(LineCol(display(path)))
        return problem("F001", "no-such-file", hint=near_name(path)).at(LineCol(display(path)))
    except OSError as exc:
        return unreadable(display(path), exc)
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return problem("F001", "is-a-folder").at(LineCol(display(path)))
    device = stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
    what = "phrase.fifo" if stat.S_ISFIFO(mode) else "phrase.device" if device else "phrase.special"
    return problem("F001", "not-regular", what=msg(what)).at(LineCol(display(path)))


def unreadable(name: str, exc: OSError) -> Diagnostic:
    """F001 for a file that cannot be read, saying why."""
    if isinstance(exc, IsADirectoryError):
        return problem("F001", "is-a-folder").at(LineCol(name))
    if isinstance(exc, FileNotFoundError):
        return problem("F001", "no-such-file").at(LineCol(name))
    return problem("F001", "cannot-read", reason=os_reason(exc)).at(LineCol(name))


def lock_name(name: str) -> bool:
    """`~$form.xlsx`: the owner file Excel keeps beside a workbook while it is open, `.~lock.form.ods#`
    LibreOffice's (not data)."""
    return name.startswith(("~$", ".~lock."))


class Resolved(dict[Path, Path]):
    """`path.resolve()` once for each path as written: a ranking asks about the same few folders for every file
    (a resolve is a system call per part of the path)."""

    def __missing__(self, path: Path) -> Path:
        real = self[path] = path.resolve()
        return real


def walk(folder: Path) -> Iterator[tuple[Path, os.DirEntry[str]]]:
    """Every entry under `folder` and its path, in the order of their paths (as `sorted(folder.rglob("*"))`: each
    folder's entries by name, a subfolder's entries at its name's place; not into links to folders, nor into
    folders it may not read), hidden ones (a name or a folder's starting with a dot) left out. One `os.scandir` a
    folder: each entry's type comes with its name (a national folder: tens of thousands of names, no stat)."""
    try:
        with os.scandir(folder) as listed:
            entries = sorted(listed, key=_by_name)
    except PermissionError:
        return
    child = getattr(folder, "_make_child_relpath", folder.__truediv__)  # `folder / name`, without parsing the name
    for entry in entries:
        if entry.name.startswith("."):
            continue  # hidden, and all under it
        found = child(entry.name)
        yield found, entry
        if _into(entry):
            yield from walk(found)


def _by_name(entry: os.DirEntry[str]) -> str:
    return os.path.normcase(entry.name)  # as paths compare: by name, without case on Windows


def _into(entry: os.DirEntry[str]) -> bool:
    """Whether the search goes into an entry: a folder, not a link to one."""
    try:
        return entry.is_dir() and not entry.is_symlink()
    except OSError:
        return False
