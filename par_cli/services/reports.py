"""Reports per agency: a report for every agency of a folder (`par report`), each with its rank, its group's
size and average.

The ranking comes from `services.batch` (pool, results cache) as `par rank` makes it (`batch.rank_among` for one
agency); each report is then made in a pool too (`services.pool.map_files`), and every file is written only once
all are made and no problem is found (an id that would name two files alike, a file that exists, an input)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from par_cli.core.diagnostics import Diagnostic, LineCol, ParError, UsageError, msg, problem

if TYPE_CHECKING:
    from par_cli.core.ranking import RankGroup

NAME_LENGTH = 100  # a file name from an id, at most this long (with the suffix and a folder: within Windows' 260)
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\s]+')  # no file name on Windows holds these; spaces: a dash
_DEVICE = re.compile(r"(con|prn|aux|nul|com[0-9]|lpt[0-9])", re.IGNORECASE)  # no file of that name on Windows


def file_name(agency_id: str, suffix: str) -> str:
    """A file name from an agency's id, safe on Windows: its unsafe characters a dash, no trailing dot or space,
    a device name (`con`, `nul`, `com1`…) set apart by `_`, at most NAME_LENGTH characters."""
    stem = _UNSAFE.sub("-", unicodedata.normalize("NFC", agency_id)).strip(" .-")[:NAME_LENGTH].rstrip(" .") or "_"
    if _DEVICE.fullmatch(stem):
        stem = f"_{stem}"
    return f"{stem}.{suffix}"


def make_reports(
    groups: list[RankGroup],
    folder: Path,
    fmt: str,
    maker: Callable[[], Callable[[Path], str | bytes | tuple[Diagnostic, ...]]],
    jobs: int | None,
    force: bool,
    inputs: Sequence[Path] = (),
) -> dict[Path, str | bytes]:
    """Every agency's report, by the file it goes to in `folder`; ParError (UsageError) with every problem found
    (two agencies whose ids name one file, a file that exists without `force`, an input, or a file a folder of
    `inputs` would read as an input next time) before any is made."""
    from par_cli.io.output import guard
    from par_cli.services.pool import map_files

    if folder.exists() and not folder.is_dir():
        raise UsageError([problem("U003", "report-folder-is-file").at(LineCol(str(folder)))])
    targets: dict[Path, Path] = {}  # the report's file → the assessment
    taken: dict[str, str] = {}  # a file name, as Windows compares them → the agency id that took it
    problems: list[Diagnostic] = []
    for group in groups:
        for row in group.rows:
            entry = row.entry
            name = file_name(entry.agency_id, fmt)
            first = taken.setdefault(name.casefold(), entry.agency_id)
            if first != entry.agency_id:
                twice = problem("U003", "report-name-twice", id=entry.agency_id, other=first, file=name)
                problems.append(twice.at(entry.agency_where))
                continue
            targets[folder / name] = Path(entry.file)
    for target in targets:
        try:
            guard(target, [path for path in inputs if not path.is_dir()], inputs)
        except UsageError as exc:
            problems += exc.diagnostics
            continue
        if target.exists() and not force:
            problems.append(problem("U003", "report-exists", hint=msg("hint.force")).at(LineCol(str(target))))
    if problems:
        raise UsageError(problems)
    made: dict[Path, str | bytes] = {}
    failed: list[Diagnostic] = []
    for target, outcome in zip(targets, map_files(list(targets.values()), maker, jobs), strict=True):
        if isinstance(outcome, tuple):
            failed += outcome
        else:
            made[target] = outcome
    if failed:
        raise ParError(failed)
    return made
