"""Writing what par produces without ever losing a user's file.

- never onto an input: `guard` refuses an output that is one of the files read (named on the command line, or
  opened by the io layer: `reading`), or an input file inside a folder read (the next run would read it);
- atomically: a temporary file in the same folder, renamed over the target, so a reader never sees half a file;
- with the permissions the umask gives a new file, or those the replaced file had;
- a device or a FIFO (`-o /dev/stdout`) is written through, never replaced by a regular file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from par_cli.core.diagnostics import Diagnostic, LineCol, ParError, UsageError, msg, os_reason, problem
from par_cli.io.json_kind import PAR_KINDS, json_kind_and_id
from par_cli.io.suffixes import found_in_folders, kind_of_suffix

_READ: dict[Path, None] = {}  # every file the io layer opened or looked into in this process, as named


def reading(path: Path) -> None:
    """Noted by the io layer before it reads a file's content (a YAML document, a workbook, a table, a ranking):
    `guard` refuses an output onto any of them, whatever option or lookup (an id, a file beside) brought it in.
    (Not a file whose head only is looked at for its kind: survey results written again are not an input.)"""
    _READ[path] = None


def files_read() -> list[Path]:
    """Every file noted by `reading` since the command (or a worker's chunk) started."""
    return list(_READ)


def forget_reading() -> None:
    """A new command starts (one process may run several: tests, IDEs)."""
    _READ.clear()


def _inode(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_dev, info.st_ino) if info.st_ino else None


def guard(output: Path, files: Iterable[Path] = (), folders: Iterable[Path] = ()) -> None:
    """UsageError (U003) when writing `output` would overwrite an input file or add one to a folder read.

    The inputs are `files` and every file read so far (`reading`): one of them is the output when both are the
    same file by device and inode (a hard link, a symlink), or by resolved path. A file that does not exist yet
    cannot be lost."""
    target, where = output.resolve(), _inode(output)
    named = dict.fromkeys(files)
    same = where is not None and any(_inode(path) == where for path in [*named, *_READ])
    if same or any(path.resolve() == target for path in named):
        raise UsageError([problem("U003", "output-is-input").at(LineCol(str(output)))])
    if found_in_folders(output) and _read_there(output):
        for folder in folders:
            if folder.is_dir() and target.is_relative_to(folder.resolve()):
                raise UsageError(
                    [problem("U003", "output-in-input-folder", folder=str(folder)).at(LineCol(str(output)))]
                )


def _read_there(output: Path) -> bool:
    """Whether a file of a folder's kinds at `output` would be read there: a YAML file or a workbook always; a
    .json file when it is an assessment (or another par file) now. A ranking `par rank -f json` writes there is
    left out of the folder (with a note), so it may be kept beside the assessments it ranks."""
    if kind_of_suffix(output) != "json":
        return True
    return output.is_file() and json_kind_and_id(output)[0] in PAR_KINDS


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write(path: Path, content: str | bytes | Iterable[str]) -> None:
    """Write `content` (text, bytes, or text in pieces) to `path`: atomically for a regular file, straight through
    for a device or FIFO."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(21, "is a folder", str(path))
    if mode is not None and not stat.S_ISREG(mode):
        with path.open("wb") as out:  # a device or a FIFO: replacing it with a file would lose it
            _write_all(out, data)
        return
    folder = path.parent if str(path.parent) else Path(".")
    import tempfile  # not at start-up: most commands print

    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            _write_all(out, data)
        os.chmod(temporary, stat.S_IMODE(mode) if mode is not None else _new_file_mode())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_all(out: BinaryIO, data: bytes | Iterable[str]) -> None:
    if isinstance(data, bytes):
        out.write(data)
        return
    for piece in data:
        out.write(piece.encode("utf-8"))


def write_new(files: dict[Path, str | bytes], force: bool, exists: str, guarded: bool = False) -> None:
    """Every file of a set (forms, assessments, appraisal files) into its folder, made if need be: UsageError
    (U003, message `exists`) naming each file that exists, before any write, unless `force`; F003 where one
    cannot be written. `guarded`: never onto a file the command read (`guard`), even with `force`: U003 naming
    each, and nothing written (a council's appraisal read again is meant to be replaced: not guarded)."""
    inputs: list[Diagnostic] = []
    for path in files if guarded else ():
        try:
            guard(path)
        except UsageError as exc:
            inputs.extend(exc.diagnostics)
    if inputs:
        raise UsageError(inputs)
    taken = [problem("U003", exists, hint=msg("hint.force")).at(LineCol(str(path))) for path in files if path.exists()]
    if taken and not force:
        raise UsageError(taken)
    for path, content in files.items():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write(path, content)
        except OSError as exc:
            where = LineCol(str(path))
            raise ParError([problem("F003", "cannot-write", reason=os_reason(exc)).at(where)]) from None
