"""Files as the user names them: reading a document, telling a file's kind from its head, finding files."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from par_cli.core.diagnostics import Diagnostic, LineCol, problem
from par_cli.io.yamlsource import MAX_BYTES, Document, parse

YAML_SUFFIXES = (".yaml", ".yml")
_HEAD_BYTES = 4096
_KIND = re.compile(rb"^kind:[ \t]*['\"]?(criteria|assessment)\b", re.MULTILINE)
_ID = re.compile(rb"^id:[ \t]*['\"]?([A-Za-z0-9._-]+)", re.MULTILINE)


def builtin_dir() -> Path:
    """Built-in sets: inside the wheel (`par_cli/criteria`), or the repository's `criteria/` in a checkout."""
    packaged = Path(__file__).parent.parent / "criteria"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent.parent / "criteria"


def display(path: Path) -> str:
    """A path as the user knows it: relative to the working directory when below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def unreadable(name: str, exc: OSError) -> Diagnostic:
    """F001 for a file that cannot be read, saying why."""
    if isinstance(exc, IsADirectoryError):
        return problem("F001", "is-a-folder").at(LineCol(name))
    if isinstance(exc, FileNotFoundError):
        return problem("F001", "no-such-file").at(LineCol(name))
    return problem("F001", "cannot-read", reason=exc.strerror or str(exc)).at(LineCol(name))


def read_document(path: Path, shown: str | None = None) -> tuple[Document | None, list[Diagnostic]]:
    name = shown or display(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [unreadable(name, exc)]
    return parse(raw, name)


def _head(path: Path) -> bytes:
    """Enough of a file to tell its kind and id without parsing it: the first 4 KB, or the whole file when
    `kind:` is not in them (a long comment header); empty when unreadable."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
            if len(head) == _HEAD_BYTES and not _KIND.search(head):
                head += handle.read(MAX_BYTES)
    except OSError:
        return b""
    return head.removeprefix(b"\xef\xbb\xbf")


def file_kind(path: Path) -> str | None:
    """'criteria' / 'assessment' from the head of a file, without parsing it (None if not said there)."""
    match = _KIND.search(_head(path))
    return match.group(1).decode() if match else None


def head_id(path: Path) -> str | None:
    """The id of a criteria file, from its head."""
    head = _head(path)
    kind = _KIND.search(head)
    if kind is None or kind.group(1) != b"criteria":
        return None
    match = _ID.search(head)
    return match.group(1).decode() if match else None


def yaml_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())
    except OSError:
        return []


def _hidden(path: Path) -> bool:
    return any(part.startswith(".") and part not in (".", "..") for part in path.parts)


def discover_yaml(paths: Sequence[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """YAML files given, and under the given folders (recursively, hidden ones left out), in order."""
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for path in paths:
        if path.is_dir():
            files += sorted(
                p
                for p in path.rglob("*")
                if p.suffix in YAML_SUFFIXES and p.is_file() and not _hidden(p.relative_to(path))
            )
        elif path.is_file():
            files.append(path)
        else:
            problems.append(problem("F001", "no-such-file-or-folder").at(LineCol(str(path))))
    return list(dict.fromkeys(files)), problems


def discover(paths: Sequence[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """Assessment files under the given files and folders, criteria files left out."""
    files, problems = discover_yaml(paths)
    return [p for p in files if file_kind(p) != "criteria"], problems
