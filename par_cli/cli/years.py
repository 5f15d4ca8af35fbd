"""`par trend` (periods side by side, through mergers) and `par gaps` (where a folder loses its points)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Annotated, Optional

import typer

from par_cli.cli import shell
from par_cli.cli.app import app
from par_cli.cli.options import (
    CriteriaOption,
    GapsFormat,
    GroupByOption,
    JobsOption,
    LangOption,
    MergedAs,
    MergedAsOption,
    NoCacheOption,
    OutputOption,
    SurveyOption,
    TrendFormat,
    jobs_value,
    nfc,
)
from par_cli.io.collector import bulk


@app.command()
def trend(
    paths: Annotated[
        list[Path], typer.Argument(help="One folder of assessments or `par rank` JSON file per period, oldest first.")
    ],
    group_by: GroupByOption = "group",
    merged_as: MergedAsOption = MergedAs.mean,
    areas: Annotated[bool, typer.Option("--areas", help="Add each area's index per period.")] = False,
    output_format: Annotated[TrendFormat, typer.Option("--format", "-f", help="Output format.")] = TrendFormat.table,
    output: OutputOption = None,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    lang: LangOption = None,
) -> None:
    """Each agency's index and rank across periods, merged units followed back through their predecessors."""
    from par_cli.services.batch import load_period
    from par_cli.services.periods import trend_of
    from par_cli.services.surveys import SurveySource
    from par_cli.services.workspace import FileScorer, read_office
    from par_cli.views.trend import report

    words = shell.language(lang)
    shell.run(lambda: jobs_value(jobs), words)
    shell.output_checked(output_format.value, output, words)
    scorer = partial(FileScorer, None, SurveySource(), cache=not no_cache)
    found = shell.run(
        lambda: trend_of(
            paths, load_period, scorer, nfc(group_by), merged_as.value, jobs, shell.progress(words), read_office
        ),
        words,
    )
    from par_cli.services.office import office_for

    office = shell.run(lambda: office_for(paths[-1:], None, read_office), words)  # the groups' labels
    with bulk():  # the lines of every unit in every period: the collector would walk them and free nothing
        shown = report(found, areas, words.now(), dict(office.groups) if office is not None else None)
        shell.show(shell.write(shown, output_format.value, words), output, words)


@app.command()
def gaps(
    paths: Annotated[list[Path], typer.Argument(help="Folders (searched recursively) or assessment files.")],
    depth: Annotated[
        Optional[int], typer.Option("--depth", "-d", min=2, help="Down to this level (2: criteria; default: all).")
    ] = None,
    top: Annotated[int, typer.Option("--top", min=1, help="Rows of the table (the other formats list all).")] = 25,
    output_format: Annotated[GapsFormat, typer.Option("--format", "-f", help="Output format.")] = GapsFormat.table,
    output: OutputOption = None,
    criteria: CriteriaOption = None,
    survey: SurveyOption = None,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    lang: LangOption = None,
) -> None:
    """Where the folder loses its points: per criterion, agencies losing, points lost, share of max, worst agencies."""
    from par_cli.core.gaps import GapTally
    from par_cli.services.batch import score_units
    from par_cli.services.surveys import SurveySource
    from par_cli.services.workspace import FileScorer
    from par_cli.views.gaps import report

    words = shell.language(lang)
    shell.run(lambda: jobs_value(jobs), words)
    shell.output_checked(output_format.value, output, words)
    scorer = partial(FileScorer, criteria and nfc(criteria), SurveySource(survey), nodes=True, cache=not no_cache)
    tally = GapTally(depth)
    shell.run(lambda: score_units(paths, scorer, jobs, shell.progress(words), tally.take), words)
    with bulk():
        shown = report(tally.result(), top if output_format is GapsFormat.table else None, words.fixed)
        shell.show(shell.write(shown, output_format.value, words), output, words)
