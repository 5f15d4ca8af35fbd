"""Reports per agency: one agency's place among its peers (`par score --among`), and a report for every agency
of a folder (`par report`), each with its rank, its group's size and average.

The ranking comes from `services.batch` (pool, results cache) as `par rank` makes it; each report is then made
in the same pool (`services.pool.map_files`), and every file is written only once all are made and no problem is
found (an id that would name two files alike, a file that exists, an input)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from par_cli.core.diagnostics import Diagnostic, LineCol, ParError, UsageError, msg, problem

if TYPE_CHECKING:
    from par_cli.core.ranking import RankGroup
    from par_cli.services.batch import Progress, ScorerFactory

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


def among(
    file: Path, paths: Sequence[Path], factory: ScorerFactory, jobs: int | None, progress: Progress | None
) -> list[RankGroup]:
    """The ranking of the assessments under `paths`, with `file` among them (added when none of them holds it)."""
    from par_cli.services.batch import rank_folders

    target = file.resolve()
    held = any(target == path.resolve() or (path.is_dir() and target.is_relative_to(path.resolve())) for path in paths)
    _, groups = rank_folders([*paths, *([] if held else [file])], factory, jobs=jobs, progress=progress)
    return groups


class ReportMaker:
    """Makes one agency's report (its bytes or text) in a worker: scores its file, finds its place in `groups`."""

    def __init__(
        self, groups: list[RankGroup], fmt: str, lang: str | None, depth: int, override: str | None, survey: Path | None
    ) -> None:
        from par_cli.services.surveys import SurveySource
        from par_cli.services.workspace import Workspace

        self.groups, self.fmt, self.lang, self.depth = groups, fmt, lang, depth
        self.workspace = Workspace(override=override, survey=SurveySource(survey), many=True)

    def __call__(self, path: Path) -> str | bytes | tuple[Diagnostic, ...]:
        from par_cli.services.workspace import scored
        from par_cli.views.score import peers_of, report
        from par_cli.writers import write

        try:
            bound = self.workspace.assessment(path)
            result = scored(bound)
        except ParError as exc:
            return tuple(exc.diagnostics)
        peers = peers_of(self.groups, result.agency.id, result.criteria_id)
        made: str | bytes = write(report(result, bound, self.depth, self.lang, False, peers), self.fmt)
        return made


def make_reports(
    groups: list[RankGroup],
    folder: Path,
    fmt: str,
    maker: Callable[[], ReportMaker],
    jobs: int | None,
    force: bool,
) -> dict[Path, str | bytes]:
    """Every agency's report, by the file it goes to in `folder`; ParError (UsageError) with every problem found
    (two agencies whose ids name one file, a file that exists without `force`, an input) before any is made."""
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
            guard(target)
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


def report_maker(
    groups: list[RankGroup], fmt: str, lang: str | None, depth: int, override: str | None, survey: Path | None
) -> Callable[[], ReportMaker]:
    """A picklable factory of report makers, for the pool's workers."""
    return partial(ReportMaker, groups, fmt, lang, depth, override, survey)
