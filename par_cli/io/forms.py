"""Where a blank form may be written: never over a filled-in assessment or a criteria set."""

from __future__ import annotations

from pathlib import Path

from par_cli.core.diagnostics import LineCol, UsageError, msg, problem
from par_cli.io.files import file_kind


def refuse_overwrite(output: Path, criteria: Path) -> None:
    """U003 unless `output` is new or holds neither an assessment nor a criteria set (nor is the set itself)."""
    if not output.exists():
        return
    kind = file_kind(output) if output.is_file() else None
    if kind in ("assessment", "criteria") or output.resolve() == criteria.resolve():
        filled = problem("U003", "form-filled", hint=msg("hint.force"), kind=kind or "criteria")
        raise UsageError([filled.at(LineCol(str(output)))])
