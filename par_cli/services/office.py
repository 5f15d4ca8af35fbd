"""The office file (`kind: office`): found in the ranked folder or any parent (nearest first, as criteria ids
are), or named by `--office FILE`; read and checked with every problem located."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from par_cli.core.diagnostics import Diagnostic, LineCol, ParError, msg, problem
from par_cli.readers.files import display, support_files
from par_cli.words.codes import errors_only

if TYPE_CHECKING:
    from par_cli.core.office import Office

    Reader = Callable[[Path], tuple[Office | None, list[Diagnostic]]]  # `services.workspace.read_office`


def office_files(folder: Path) -> list[Path]:
    return [path for path, kind, _ in support_files(folder) if kind == "office"]


def two_in_folder(found: Sequence[Path]) -> Diagnostic:
    """O001 at the second of a folder's office files."""
    names = ", ".join(display(path) for path in found)
    return problem("O001", "office-two", hint=msg("hint.office-two"), files=names).at(LineCol(display(found[1]), 1, 1))


def find_office(paths: Sequence[Path]) -> Path | None:
    """The office file of the first ranked folder (or file's folder): there, else in the nearest parent that has
    one. Two in one folder: O001 (which one is meant is not guessed)."""
    if not paths:
        return None
    start = paths[0] if paths[0].is_dir() else paths[0].parent
    folder = start.resolve()
    while True:
        found = office_files(folder)
        if len(found) > 1:
            raise ParError([two_in_folder(found)])
        if found:
            return found[0]
        if folder.parent == folder:
            return None
        folder = folder.parent


def office_for(paths: Sequence[Path], given: Path | None, read: Reader) -> Office | None:
    """The office of a ranking: `--office FILE`, else the one found (`find_office`), read by `read`; ParError
    with its errors."""
    path = given if given is not None else find_office(paths)
    if path is None:
        return None
    office, problems = read(path)
    errors = errors_only(problems)
    if errors or office is None:
        raise ParError(errors)
    return office
