"""Score many assessment files: discovery, a process pool for large folders, compact picklable results.

Workers return one small `Entry` per agency (or its diagnostics), never the parsed documents, so memory stays
flat however many files there are.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from par_cli.diagnostics import Diagnostic, ParError, error
from par_cli.loader import YAML_SUFFIXES, Workspace, file_kind, load_previous_ranks
from par_cli.scoring import Score, score

if TYPE_CHECKING:
    from par_cli.ranking import RankGroup

SERIAL_BELOW = 48  # files: a pool costs more than it saves below this
CHUNK = 40  # files per task sent to a worker


@dataclass(frozen=True, slots=True)
class Entry:
    """What a ranking needs of one scored assessment."""

    agency_id: str
    agency_name: str
    group: str | None
    attributes: tuple[tuple[str, str], ...]
    criteria_id: str
    criteria_title: str
    period: str | None
    precision: int
    language: str
    grade_labels: tuple[str, ...]
    points: Fraction
    max: Fraction
    index: Fraction
    grade: str | None
    areas: tuple[tuple[str, str, Fraction | None], ...]  # (code, title, index)
    file: str


def entry_of(result: Score, grade_labels: tuple[str, ...]) -> Entry:
    return Entry(
        agency_id=result.agency.id,
        agency_name=result.agency.name,
        group=result.agency.group,
        attributes=tuple(sorted(result.agency.attributes.items())),
        criteria_id=result.criteria_id,
        criteria_title=result.criteria_title,
        period=result.period,
        precision=result.precision,
        language=result.language,
        grade_labels=grade_labels,
        points=result.points,
        max=result.max,
        index=result.index,
        grade=result.grade,
        areas=tuple((area.code, area.title, area.percent) for area in result.areas),
        file=result.file,
    )


Outcome = Entry | tuple[Diagnostic, ...]


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
            problems.append(error("F001", "no such file or folder").located(str(path), 0, 0))
    return list(dict.fromkeys(files)), problems


def discover(paths: Sequence[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """Assessment files under the given files and folders, criteria files left out."""
    files, problems = discover_yaml(paths)
    return [p for p in files if file_kind(p) != "criteria"], problems


class _Scorer:
    """Scores files with one workspace, so each criteria set is read once per process."""

    def __init__(self, override: Path | None) -> None:
        self.workspace = Workspace(override=override)
        self.labels: dict[str, tuple[str, ...]] = {}

    def __call__(self, path: Path) -> Outcome:
        try:
            bound = self.workspace.assessment(path)
            result = score(bound, detail=False)
        except ParError as exc:
            return exc.diagnostics
        labels = self.labels.get(result.criteria_id)
        if labels is None:
            labels = self.labels[result.criteria_id] = tuple(g.label for g in bound.criteria.grades)
        return entry_of(result, labels)


_worker: _Scorer | None = None


def _start_worker(override: Path | None) -> None:
    global _worker
    _worker = _Scorer(override)
    # Parsing allocates many small acyclic objects: collecting young generations while parsing costs
    # time and frees nothing. Collect after each chunk instead.
    gc.disable()


def _score_chunk(paths: list[Path]) -> list[Outcome]:
    assert _worker is not None
    results = [_worker(path) for path in paths]
    gc.collect(1)
    return results


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def score_files(
    files: Sequence[Path],
    override: Path | None = None,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Outcome]:
    """Score every file, in order; in a process pool when there are many files and more than one core."""
    jobs = jobs if jobs is not None else default_jobs()
    if jobs <= 1 or len(files) < SERIAL_BELOW:
        scorer = _Scorer(override)
        for path in files:
            yield scorer(path)
            if progress:
                progress(1)
        return
    chunks = [list(files[i : i + CHUNK]) for i in range(0, len(files), CHUNK)]
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(override,)) as pool:
        for results in pool.map(_score_chunk, chunks):
            yield from results
            if progress:
                progress(len(results))


Progress = Callable[[str, int], Callable[[int], None]]  # (what, total files) → advance(n)


def score_folder(
    paths: Sequence[Path],
    override: Path | None = None,
    jobs: int | None = None,
    what: str = "this year",
    progress: Progress | None = None,
) -> list[Entry]:
    """Score every assessment under `paths`; ParError with every problem of every file, if any."""
    files, problems = discover(paths)
    if not files and not problems:
        where = ", ".join(map(str, paths))
        problems.append(error("F002", f"no assessment files found for {what}").located(where, 0, 0))
    advance = progress(what, len(files)) if progress is not None else None
    entries: list[Entry] = []
    for outcome in score_files(files, override, jobs, advance):
        if isinstance(outcome, tuple):
            problems.extend(outcome)
        else:
            entries.append(outcome)
    if problems:
        raise ParError(problems)
    return entries


def rank_folders(
    paths: Sequence[Path],
    previous: Path | None = None,
    group_by: str = "group",
    override: Path | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> tuple[list[Entry], list[RankGroup]]:
    """This year's entries and their ranking, with last year's ranks from a folder or a `par rank` JSON file."""
    from par_cli.ranking import duplicates, previous_ranks, rank

    entries = score_folder(paths, override, jobs, "this year", progress)
    problems = duplicates(entries, group_by)
    if problems:
        raise ParError(problems)
    before = None
    if previous is not None:
        if previous.is_file() and previous.suffix == ".json":
            before = load_previous_ranks(previous)
        else:
            earlier = score_folder([previous], None, jobs, "last year", progress)
            problems = duplicates(earlier, group_by)
            if problems:
                raise ParError(problems)
            before = previous_ranks(rank(earlier, group_by))
    return entries, rank(entries, group_by, before)
