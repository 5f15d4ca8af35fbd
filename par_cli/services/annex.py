"""`par criteria import`: a decision's annex → a draft criteria file, checked, with what could not be decided."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from par_cli.core.annex import build
from par_cli.core.annex_rules import slug
from par_cli.core.diagnostics import Diagnostic, LineCol, Location, ParError, UsageError, msg, os_reason, problem
from par_cli.core.named_tuple import NamedTuple
from par_cli.io.output import write
from par_cli.readers.annex_read import read_annex
from par_cli.readers.files import display
from par_cli.services.annex_yaml import draft_yaml


class Imported(NamedTuple):
    areas: int
    leaves: int
    decided: dict[str, int]  # rule kind → leaves
    problems: list[Diagnostic]  # rows not placed or read, rules left to decide, the draft's own checks


def import_annex(annex: Path, output: Path, force: bool, check: Callable[[Path], list[Diagnostic]]) -> Imported:
    """Write the draft set read from `annex` to `output` (never over an existing file without `force`), then
    `check` it (the checks of `par check`, given by the caller)."""
    if output.exists() and not force:
        exists = problem("U003", "file-exists", hint=msg("hint.force"))
        raise UsageError([exists.at(LineCol(str(output)))])
    read = read_annex(annex)
    draft = build(read.rows)
    name = display(annex)
    if not draft.areas:
        raise ParError([*draft.problems, problem("C023", "annex-no-table").at(LineCol(name))])
    text = draft_yaml(draft, slug(output.stem), read.title or annex.stem, read.source, annex.name)
    try:
        write(output, text)
    except OSError as exc:
        reason = os_reason(exc)
        raise ParError([problem("F003", "cannot-write", reason=reason).at(LineCol(str(output)))]) from exc
    problems = list(draft.problems)
    areas_total = sum((area["max"] for area in draft.areas), Decimal(0))
    if draft.total is not None and draft.total != areas_total:
        # figures for people: worded the reader's way (19,5 in Vietnamese), not as text
        total = problem("C024", "annex-total", total=draft.total.normalize(), areas=areas_total.normalize())
        problems.append(total.at(LineCol(name)))
    checked = [_placed(d, draft.places) for d in check(output)]
    grades = next(n for n, line in enumerate(text.splitlines(), start=1) if line.startswith("grades:"))
    problems.append(problem("C026", "annex-no-grades").at(LineCol(str(output), grades, 1)))
    leaves = sum(draft.decided.values())
    return Imported(len(draft.areas), leaves, draft.decided, problems + checked)


def _placed(diagnostic: Diagnostic, places: dict[tuple[str | int, ...], Location]) -> Diagnostic:
    """A check of the draft about a criterion (an adjustment), located at the annex row it was read from."""
    path = diagnostic.path
    for end in range(len(path), 0, -1):
        where = places.get(tuple(path[:end]))
        if where is not None:
            return diagnostic.at(where)
    return diagnostic
