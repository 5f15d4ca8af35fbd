"""Blank forms (`par template`): where one may be written (never over a filled-in assessment or a criteria
set), and what its `criteria:` says."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from par_cli.core.diagnostics import LineCol, Msg, UsageError, msg, problem
from par_cli.io.files import file_kind, is_path

if TYPE_CHECKING:
    from par_cli.io.workspace import LoadedCriteria


def refuse_overwrite(output: Path, criteria: Path) -> None:
    """U003 unless `output` is new or holds neither an assessment nor a criteria set (nor is the set itself)."""
    if not output.exists():
        return
    kind = file_kind(output) if output.is_file() else None
    if kind in ("assessment", "criteria") or output.resolve() == criteria.resolve():
        filled = problem("U003", "form-filled", hint=msg("hint.force"), kind=kind or "criteria")
        raise UsageError([filled.at(LineCol(str(output)))])


def form_reference(
    reference: str, loaded: LoadedCriteria, output: Path | None, resolve: Callable[[str, Path], Path | None]
) -> tuple[str, Msg | None]:
    """What the form's `criteria:` says so that it resolves from where the form is saved: the set's id when the
    id finds this very set from there (built-in sets are found anywhere), else the set's path relative to the
    form. Written to stdout, the form's folder is unknown: the path is then relative to the working folder,
    and a note says so. `resolve(id, folder)` finds a set as an assessment there would (`Workspace.resolve`)."""
    folder = (output.parent if output is not None else Path(".")).resolve()
    set_id = loaded.model.id
    try:
        found = resolve(set_id, folder)
    except Exception:
        found = None
    if found is not None and found.resolve() == loaded.path.resolve():
        return set_id, None
    if not is_path(reference) and found is None and output is None:
        return reference, None
    relative = os.path.relpath(loaded.path.resolve(), folder).replace(os.sep, "/")
    if output is None:
        return relative, msg("note-form-path", path=relative)
    return relative, None
