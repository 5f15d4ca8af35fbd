"""`par report`: one report per agency of a folder (Word, Excel or HTML), each with its rank and its group's
average: ranked as `par rank` ranks (pool, results cache), each report made in the pool, all written at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from par_cli.cli import shell
from par_cli.cli.app import app
from par_cli.cli.options import (
    AgencyReportFormat,
    CriteriaOption,
    JobsOption,
    LangOption,
    NoCacheOption,
    SurveyOption,
    jobs_value,
    nfc,
)
from par_cli.core.diagnostics import msg

if TYPE_CHECKING:
    from par_cli.core.binding import Bound
    from par_cli.core.diagnostics import Diagnostic
    from par_cli.core.ranking import Leaders, RankGroup
    from par_cli.core.scoring import Score
    from par_cli.services.surveys import SurveySource


@app.command("report")
def report_command(
    paths: Annotated[list[Path], typer.Argument(help="Folders (searched recursively) or assessment files.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The folder to write one report per agency in.")],
    report_format: Annotated[  # not `output_format`: its formats are `par score`'s, written by the writers
        AgencyReportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = AgencyReportFormat.docx,
    depth: Annotated[int, typer.Option(min=1, help="Levels of the tree to show: 1 areas, 2 criteria…")] = 1,
    force: Annotated[bool, typer.Option("--force", help="Replace files that exist already.")] = False,
    criteria: CriteriaOption = None,
    survey: SurveyOption = None,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    lang: LangOption = None,
) -> None:
    """One report per agency of a folder (Word, Excel or HTML), each with its rank and its group's average."""
    from functools import partial

    from par_cli.core.ranking import leaders_of
    from par_cli.io.output import write_new
    from par_cli.services.batch import rank_folders
    from par_cli.services.reports import make_reports
    from par_cli.services.surveys import SurveySource
    from par_cli.services.workspace import FileScorer

    words = shell.language(lang)
    shell.run(lambda: jobs_value(jobs), words)
    override = criteria and nfc(criteria)
    factory = partial(FileScorer, override, SurveySource(survey), cache=not no_cache)
    entries, groups = shell.run(lambda: rank_folders(paths, factory, jobs=jobs, progress=shell.progress(words)), words)
    render = partial(_agency_report, report_format.value, words.fixed, depth, groups)
    leaders = leaders_of(entries, "group")  # what `relative` leaves are scored against, found once
    maker = partial(_ReportMaker, render, override, SurveySource(survey), leaders)
    made = shell.run(lambda: make_reports(groups, output, report_format.value, maker, jobs, force, paths), words)
    shell.run(lambda: write_new(made, True, "report-exists"), words)
    shell.note(msg("note-reports-written", count=len(made), folder=str(output)), words)


class _ReportMaker:
    """Makes one agency's report in a pool's worker (picklable, as a `partial`): scores its file with a
    workspace of its own, and has `render` lay it out."""

    def __init__(
        self,
        render: Callable[[Score, Bound, tuple[Diagnostic, ...]], Any],
        override: str | None,
        survey: SurveySource,
        leaders: Leaders,
    ) -> None:
        from par_cli.services.workspace import Workspace

        self.render, self.workspace = render, Workspace(override=override, survey=survey)
        self.leaders = leaders  # each group's leaders in the ranking: the agency is scored as ranked

    def __call__(self, path: Path) -> Any:
        from par_cli.core.diagnostics import ParError
        from par_cli.services.workspace import scored_in_group

        try:
            bound, doubts = self.workspace.assessed(path)  # its doubts (A023): in the report's findings
            return self.render(scored_in_group(bound, self.leaders), bound, doubts)
        except ParError as exc:
            return tuple(exc.diagnostics)


def _agency_report(
    fmt: str,
    lang: str | None,
    depth: int,
    groups: list[RankGroup],
    result: Score,
    bound: Bound,
    doubts: tuple[Diagnostic, ...] = (),
) -> Any:
    """One agency's report for `par report`: `par score`'s, with its place in its group and its doubts (A023)."""
    from par_cli.views.score import peers_of, report
    from par_cli.writers import write

    peers = peers_of(groups, result.agency.id, result.criteria_id)
    return write(report(result, bound, depth, lang, False, peers, doubts), fmt)
