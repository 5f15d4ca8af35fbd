"""Score many assessment files: a process pool for large folders, compact picklable results, then ranks.

Workers return one small `Entry` per agency (or its diagnostics), never the parsed documents, so memory stays
flat however many files there are. What scores one file is given by the caller (`services.workspace.FileScorer`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import nullcontext
from fractions import Fraction
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from par_cli.core.compact import Compactor
from par_cli.core.criteria_diff import CriteriaDiff, diff
from par_cli.core.diagnostics import Diagnostic, LineCol, Location, ParError, UsageError, msg, problem
from par_cli.core.impact import ImpactGroup, impact
from par_cli.core.lineage import MergeMethod, Past, PastRow, absent, indices_needed, unknown_predecessors
from par_cli.core.named_ranking import by_name
from par_cli.core.rank_checks import duplicates, missing_attribute, mixed_periods
from par_cli.core.ranking import (
    Entry,
    Leaders,
    RankGroup,
    group_value,
    leaders_of,
    past_of,
    rank,
)
from par_cli.io.collector import bulk
from par_cli.io.spoken import spoken
from par_cli.readers.files import SUPPORT_KINDS, at_least, discover_yaml, display
from par_cli.services.doubts import doubt
from par_cli.services.pool import SERIAL_BELOW, early_workers, kinds_of, start_files
from par_cli.services.previous import is_ranking_file, load_previous

if TYPE_CHECKING:
    from par_cli.services.appraisals import Assessed
    from par_cli.services.criteria import LoadedCriteria
    from par_cli.services.file_scoring import FileScoring as FileScoring
    from par_cli.services.file_scoring import Outcome as Outcome
    from par_cli.services.file_scoring import ScorerFactory as ScorerFactory
    from par_cli.services.office import Reader as OfficeReader
    from par_cli.services.survey_missing import Held

Progress = Callable[[str, int], Callable[[int], None]]  # (what, total files) → advance(n)
WINDOW = 500  # kept results read from the cache at a time


def score_files(
    files: Sequence[Path],
    factory: ScorerFactory,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Outcome]:
    """Score every file, in order; in a process pool when there are many files and more than one core (handed to
    the workers forked early now, `services.pool.start_files`)."""
    return start_files(files, factory, jobs, progress)


def score_cached(
    files: Sequence[Path],
    factory: ScorerFactory,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Outcome]:
    """`score_files`, with the results of files scored before under the same key taken from the cache
    (`services.cache`) and only the others scored; results without problems are kept for the next run."""
    options = factory().cache_options() if files else None
    if options is None:
        return score_files(files, factory, jobs, progress)
    return _score_kept(files, factory, options, jobs, progress)


def _score_kept(
    files: Sequence[Path],
    factory: ScorerFactory,
    options: str,
    jobs: int | None,
    progress: Callable[[int], None] | None,
) -> Iterator[Outcome]:
    from par_cli.services.cache import Context, ResultCache, still_valid
    from par_cli.services.criteria import search_folders

    context, store = Context(options, search_folders), ResultCache()
    contents = store.digests(files)
    keys = [context.key(path, display(path), contents[path]) for path in files]
    del contents
    found_keys = store.kept(keys)  # which are kept: read a window at a time below, never all held
    held = bytearray(key in found_keys for key in keys)  # a byte a file, not a second string of each key
    del found_keys
    misses = [path for path, hit in zip(files, held, strict=True) if not hit]
    if progress is not None and len(misses) < len(files):
        progress(len(files) - len(misses))
    scored = score_files(misses, factory, jobs, progress)
    alone: FileScoring | None = None  # scores here a kept result found stale as it is read (rare)
    for start in range(0, len(files), WINDOW):
        end = min(start + WINDOW, len(files))
        kept = store.get_many(keys[n] for n in range(start, end) if held[n])
        for n in range(start, end):
            path, key = files[n], keys[n]
            keys[n] = ""  # a national folder's keys are let go as they are used, not held to the end
            found = kept.pop(key, None)  # handed on, not held: the caller keeps what it needs
            if not held[n]:
                found_now = next(scored)
            elif found is None or not still_valid(found):
                alone = alone or factory()
                found_now = alone(path)
            else:
                spoken(found.language)  # as if its set were read: the run's messages follow it (`readers.files`)
                yield found
                continue
            if not isinstance(found_now, tuple):
                store.put(key, found_now)
            yield found_now
    store.flush()
    store.close()


def score_folder(
    paths: Sequence[Path],
    factory: ScorerFactory,
    jobs: int | None = None,
    what: str = "this year",
    progress: Progress | None = None,
    keep: Callable[[Entry], Entry] | None = None,
    group_by: str = "group",
) -> list[Entry]:
    """Score every assessment under `paths`; ParError with every problem of every file, if any. `keep` sees
    each entry as it arrives and returns what is kept of it (a tally takes what it needs and drops the rest).

    Files with `relative` leaves are scored twice: alone, to find each ranking group's (`group_by`) best
    values, then against them.

    Criteria files found there are not ranked, but each must be usable: a broken one is reported."""
    # With workers, they score every file: the collector's passes over the paths, kinds and entries the parent
    # keeps (tens of thousands, acyclic) would free nothing (`io.collector.bulk`; not with the results cache).
    with (
        early_workers(factory, jobs, at_least(SERIAL_BELOW, paths)) as forked,
        bulk() if forked and factory().cache_options() is None else nullcontext(),
    ):
        return _score_folder(paths, factory, jobs, what, progress, keep, group_by)


def _score_folder(
    paths: Sequence[Path],
    factory: ScorerFactory,
    jobs: int | None,
    what: str,
    progress: Progress | None,
    keep: Callable[[Entry], Entry] | None,
    group_by: str,
) -> list[Entry]:
    found, problems = discover_yaml(paths)
    files: list[Path] = []
    kinds: dict[Path, str | None] = {}  # criteria, survey and appraisal files: beside the assessments, not ranked
    for path, kind in zip(found, kinds_of(found), strict=True):  # read by the workers
        if kind in SUPPORT_KINDS:
            kinds[path] = kind
        else:
            files.append(path)
    del found
    advance: Callable[[int], None] | None = None  # the progress bar: started once the criteria files are read

    def advancing(count: int) -> None:
        if advance is not None:
            advance(count)

    # Handed to the workers now: the criteria files found here are checked while they score.
    outcomes = score_cached(files, factory, jobs, advancing if progress is not None else None)
    criteria = list(kinds)  # each checked
    checker = factory() if criteria else None
    if checker is not None:
        for path in criteria:
            problems += checker.criteria_problems(path)
    if not files and not problems:
        where = ", ".join(map(str, paths))
        none = "no-files-this-year" if what == "this year" else "no-files-last-year"
        problems.append(problem("F002", none).at(LineCol(where)))
    advance = progress(what, len(files)) if progress is not None else None

    compact = Compactor()  # kept by the thousand: repeated values shared

    def kept(entry: Entry) -> Entry:
        return compact(keep(entry) if keep is not None else entry)

    entries: list[Entry] = []
    relative: list[tuple[Path, Entry]] = []  # scored alone so far: scored again once the group's leaders are known
    claimed = {path.parent for path in criteria if kinds[path] in ("appraisal", "survey")}  # files to claim
    assessed: dict[Path, list[Assessed]] = {}  # folder → (agency, set, period) assessed there, where needed
    for path, outcome in zip(files, outcomes, strict=True):
        if isinstance(outcome, tuple):
            problems.extend(outcome)
            continue
        doubt(outcome.doubts)  # scored in a worker: its doubts said here (`services.doubts.doubted`)
        if claimed and path.parent in claimed:
            assessed.setdefault(path.parent, []).append((outcome.agency_id, outcome.criteria_id, outcome.period))
        if outcome.relative:
            relative.append((path, outcome))
        else:
            entries.append(kept(outcome))
    if relative and not problems:
        leaders = leaders_of((entry for _, entry in relative), group_by)
        again = [path for path, _ in relative]
        for outcome in score_cached(again, partial(_leading, factory, leaders, group_by), jobs):
            if isinstance(outcome, tuple):
                problems.extend(outcome)
            else:
                entries.append(kept(outcome))
    if checker is not None and not problems:
        for path in (path for path in criteria if kinds[path] in ("appraisal", "survey")):
            problems += checker.unclaimed(path, assessed.get(path.parent, []))
    if problems:
        raise ParError(list(dict.fromkeys(problems)))  # an appraisal file's errors come with each of its agencies
    return entries


def _leading(factory: ScorerFactory, leaders: Leaders, group_by: str) -> FileScoring:
    """A scorer that scores `relative` leaves against the leaders of each agency's group."""
    scorer = factory()
    scorer.lead(leaders, group_by)
    return scorer


def rank_folders(
    paths: Sequence[Path],
    factory: ScorerFactory,
    previous: Path | None = None,
    group_by: str = "group",
    jobs: int | None = None,
    progress: Progress | None = None,
    previous_factory: ScorerFactory | None = None,
    merged_as: MergeMethod = "mean",
    absent_now: list[PastRow] | None = None,
    said: list[Diagnostic] | None = None,
    offices: OfficeReader | None = None,
) -> tuple[list[Entry], list[RankGroup]]:
    """This year's entries and their ranking, with last year's ranks from a folder or a `par rank` JSON file
    (a merged unit's from its predecessors', see `core.lineage`).

    Ranks exactly the agencies found, or refuses: one agency twice (ids in any case), files of several periods
    (unless grouped by period), a `group_by` attribute some agencies lack, or a predecessor last year lacks."""
    entries = _rankable(score_folder(paths, factory, jobs, "this year", progress, group_by=group_by), group_by)
    before = None
    if previous is not None:
        before = load_period(previous, previous_factory or factory, group_by, jobs, progress, "last year", offices)
        if any(row.named for row in before.rows):  # a ranking of names: matched to this year's agencies, said
            agencies = ((e.agency_id, e.agency_name, group_value(e, group_by)) for e in entries)
            before, errors, warnings = by_name(before, agencies, LineCol(str(previous)))
            if errors:
                raise ParError(errors)
            if said is not None:
                said += warnings
        units = [(group_value(e, group_by), e.predecessors, e.predecessors_where) for e in entries if e.predecessors]
        unknown = unknown_predecessors(units, before, before.label)
        merged = [(e.agency_id, group_value(e, group_by), e.predecessors) for e in entries if e.predecessors]
        unknown += indices_needed(merged, before)
        if unknown:
            raise ParError(unknown)
        if absent_now is not None:  # last period's units this ranking lacks, for the caller to say
            absent_now += absent(before, ((e.agency_id, e.predecessors) for e in entries))
    groups = bulk()(rank)(entries, group_by, before, merged_as)  # the collector off (`io.collector`)
    if before is not None and said is not None:  # a last period that fits no agency, or is no earlier period
        from par_cli.core.previous_fit import previous_misfits

        said += [d.at(LineCol(str(previous))) for d in previous_misfits(groups, before, {e.period for e in entries})]
    return entries, groups


def rank_among(
    file: Path, paths: Sequence[Path], factory: ScorerFactory, jobs: int | None, progress: Progress | None
) -> tuple[list[Entry], list[RankGroup]]:
    """The entries and ranking of the assessments under `paths` with `file` among them (added when none of them
    holds it): one agency's place in its group (`par score --among`)."""
    target = file.resolve()
    held = any(target == path.resolve() or (path.is_dir() and target.is_relative_to(path.resolve())) for path in paths)
    return rank_folders([*paths, *([] if held else [file])], factory, jobs=jobs, progress=progress)


def load_period(
    source: Path,
    factory: ScorerFactory,
    group_by: str = "group",
    jobs: int | None = None,
    progress: Progress | None = None,
    what: str = "last year",
    offices: OfficeReader | None = None,
) -> Past:
    """One period's ranking, from its folder (scored and ranked) or from a file `par rank` wrote (JSON, CSV, xlsx)."""
    if is_ranking_file(source):
        return load_previous(source)
    earlier = _rankable(score_folder([source], factory, jobs, what, progress, group_by=group_by), group_by)
    periods = {e.period for e in earlier}
    label = periods.pop() if len(periods) == 1 else None
    groups = rank(earlier, group_by)
    from par_cli.services.office import office_for

    office = office_for([source], None, offices) if offices is not None else None
    if office is not None and office.unranked:  # its groups not ranked then have no rank to look back at
        from par_cli.core.unranked import unranked_groups

        groups = unranked_groups(groups, office.unranked)
    return past_of(groups, label or source.name, label)


def _rankable(entries: list[Entry], group_by: str) -> list[Entry]:
    if group_by not in ("group", "none", "period") and not any(group_by in dict(e.attributes) for e in entries):
        names = sorted({name for e in entries for name, _ in e.attributes})
        where = LineCol("--group-by")
        unknown = problem("U002", "no-agency-has-attribute", name=group_by, names=", ".join(names) or "—")
        raise UsageError([unknown.at(where)])
    problems = duplicates(entries, group_by) + mixed_periods(entries, group_by) + missing_attribute(entries, group_by)
    if problems:
        raise ParError(problems)
    return entries


def rank_against(
    paths: Sequence[Path],
    old: LoadedCriteria,
    new: LoadedCriteria,
    scorer: Callable[..., FileScoring],
    group_by: str = "group",
    jobs: int | None = None,
    progress: Progress | None = None,
) -> tuple[CriteriaDiff, list[ImpactGroup]]:
    """`rank --criteria NEW --against OLD`: the files, written for OLD, ranked under both sets, agency by agency.

    Under NEW each answer moves to its criterion's new code (as `par criteria diff` matches them) and answers to
    removed criteria are dropped. `scorer(criteria_path, renames=…, leaves=True)` makes a file scorer."""
    changes = diff(old.model, new.model)
    renamed = dict(changes.matched)
    renames: dict[str, str | None] = {code: renamed.get(code) for code in old.nodes}
    _, before = rank_folders(paths, partial(scorer, old.path, renames=None), None, group_by, jobs, progress)
    _, after = rank_folders(paths, partial(scorer, new.path, renames=renames), None, group_by, jobs, progress)
    return changes, impact(before, after, changes.matched, group_by, changes.changes)


def score_units(
    paths: Sequence[Path],
    factory: ScorerFactory,
    jobs: int | None = None,
    progress: Progress | None = None,
    keep: Callable[[Entry], Entry] | None = None,
) -> list[Entry]:
    """Every assessment under `paths`, each agency once and all of one period (as a ranking needs them)."""
    return _rankable(score_folder(paths, factory, jobs, "this year", progress, keep), "group")


def incomplete(
    entries: Sequence[Entry], where: Location, results: Callable[[Entry], Held | None] | None = None
) -> list[Diagnostic]:
    """R010 warnings: the agencies ranked with survey criteria that have no results yet (one line per set of
    criteria missing, as a set has one survey), and those with other criteria unanswered; all of them score 0.
    Where a results file was found (`results`: `services.survey_missing`), what it lacks is said, not where to
    put one."""
    found: list[Diagnostic] = []
    by_missing: dict[tuple[tuple[tuple[str, Fraction], ...], Held | None], int] = {}
    for entry in entries:
        if entry.unanswered_survey:
            key = (entry.unanswered_survey, results(entry) if results is not None else None)
            by_missing[key] = by_missing.get(key, 0) + 1
    for (missing, held), count in by_missing.items():
        points = sum((top for _, top in missing), Fraction(0))
        if held is None:
            hint = msg("hint.rank-survey")
            found.append(
                problem("R010", "rank-no-survey", hint=hint, count=count, criteria=len(missing), points=points)
            )
            continue
        codes = ", ".join(code for code, _ in missing)
        nobody = all(code not in held.anyone for code, _ in missing)  # the design asks no question for them
        lacks = msg("hint.survey-design-lacks", design=held.design, codes=codes)
        hint = lacks if nobody else msg("hint.survey-results-lack")
        found.append(
            problem("R010", "rank-survey-not-held", hint=hint, count=count, codes=codes, points=points, file=held.file)
        )
    unanswered = [entry for entry in entries if entry.unanswered]
    if unanswered:
        answers = sum(len(entry.unanswered) for entry in unanswered)
        points = sum((top for entry in unanswered for _, top in entry.unanswered), Fraction(0))
        hint = msg("hint.rank-unanswered")
        found.append(
            problem("R010", "rank-unanswered", hint=hint, count=len(unanswered), answers=answers, points=points)
        )
    return [d.at(where) for d in found]
