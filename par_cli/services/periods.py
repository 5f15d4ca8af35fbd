"""`par trend`'s periods: each a folder scored and ranked, or a ranking par wrote, in the run's grouping."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from par_cli.core.diagnostics import Diagnostic, LineCol, ParError, UsageError, msg, problem
from par_cli.core.lineage import MergeMethod, Past
from par_cli.core.trend import Trend, regrouped, trend, trend_problems
from par_cli.io.collector import bulk
from par_cli.readers.files import display
from par_cli.services.previous import is_ranking_file

if TYPE_CHECKING:
    from par_cli.services.batch import Progress, ScorerFactory

    Load = Callable[..., Past]  # services.batch.load_period: a period scored and ranked, or read from its file
    from par_cli.services.office import Reader as OfficeReader


def trend_of(
    sources: Sequence[Path],
    load_period: Load,
    factory: ScorerFactory,
    group_by: str = "group",
    merged_as: MergeMethod = "mean",
    jobs: int | None = None,
    progress: Progress | None = None,
    offices: OfficeReader | None = None,
) -> Trend:
    """`par trend`: each source (a folder, or a `par rank` JSON file) is one period, oldest first, loaded by
    `load_period` (services.batch's, given by the caller: the scoring stays one layer down)."""
    periods: list[Past] = []
    problems: list[Diagnostic] = []
    for source in sources:
        try:
            periods.append(load_period(source, factory, group_by, jobs, progress, "this year", offices))
        except ParError as exc:
            problems += exc.diagnostics
    if problems:
        raise ParError(problems)
    labels = [period.label for period in periods]
    twice = sorted({label for label in labels if labels.count(label) > 1 and label is not None})
    if twice:
        raise UsageError([problem("U002", "period-twice", period=twice[0]).at(LineCol("par trend"))])
    periods = _in_run_groups(sources, periods, group_by)
    if problems := trend_problems(periods):
        raise ParError(problems)
    return bulk()(trend)(periods, merged_as, max(period.precision for period in periods))  # the collector off


def _in_run_groups(sources: Sequence[Path], periods: list[Past], group_by: str) -> list[Past]:
    """The saved rankings' units in the groups this run ranks the folders in (`core.trend.regrouped`): a ranking
    keeps the groups it was made with, and a unit only it has would be shown in a table of its own."""
    saved = [is_ranking_file(source) for source in sources]
    groups = {row.group for past, file in zip(periods, saved, strict=True) if not file for row in past.rows}
    if group_by == "none":
        groups = {None}
    if not groups:  # rankings only: nothing to regroup them to
        return periods
    out: list[Past] = []
    problems: list[Diagnostic] = []
    for source, past, file in zip(sources, periods, saved, strict=True):
        again = regrouped(past, groups) if file else past
        if again is None:
            own = sorted({row.group or "—" for row in past.rows})
            if groups == {None}:  # ranked apart, to be shown together
                key, hint = "ranking-groups-apart", msg("hint.ranking-groups-apart")
            else:  # ranked together, to be shown apart
                key, hint = "ranking-groups-together", msg("hint.ranking-groups-together")
            shown = ", ".join(sorted(g or "—" for g in groups))
            found = problem("U002", key, hint=hint, groups=", ".join(own), run=shown)
            problems.append(found.at(LineCol(display(source))))
        else:
            out.append(again)
    if problems:
        raise UsageError(problems)
    return out
