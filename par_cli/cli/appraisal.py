"""`par appraisal cuts`: the council's cut list, every criterion whose final points are not the self-assessed;
and `par cache`: the results kept between runs."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from par_cli.cli import shell
from par_cli.cli.app import app
from par_cli.cli.options import (
    CriteriaOption,
    CutsFormat,
    JobsOption,
    LangOption,
    NoCacheOption,
    OutputOption,
    jobs_value,
    nfc,
)

appraisal_app = typer.Typer(
    help="The appraisal council's work: its workbook, read back into appraisal files; the cut list.",
    no_args_is_help=True,
)
app.add_typer(appraisal_app, name="appraisal")


@appraisal_app.command("cuts")
def appraisal_cuts(
    paths: Annotated[list[Path], typer.Argument(help="Folders (searched recursively) or assessment files.")],
    output_format: Annotated[CutsFormat, typer.Option("--format", "-f", help="Output format.")] = CutsFormat.table,
    output: OutputOption = None,
    criteria: CriteriaOption = None,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    lang: LangOption = None,
) -> None:
    """Per agency, every criterion the appraisal lowered or raised: self-assessed and final points, the reason."""
    from par_cli.services.batch import score_units
    from par_cli.services.surveys import SurveySource
    from par_cli.services.workspace import FileScorer
    from par_cli.views.appraisal_cuts import report

    words = shell.language(lang)
    shell.run(lambda: jobs_value(jobs), words)
    shell.output_checked(output_format.value, output, words)
    scorer = partial(FileScorer, criteria and nfc(criteria), SurveySource(), cuts=True, cache=not no_cache)
    entries = shell.run(lambda: score_units(paths, scorer, jobs, shell.progress(words)), words)
    entries.sort(key=lambda e: (e.agency_name, e.agency_id))
    shell.show(shell.write(report(entries, words.now()), output_format.value, words), output, words)


@appraisal_app.command("workbook")
def appraisal_workbook(
    folder: Annotated[Path, typer.Argument(help="The folder of one set's and one period's assessments.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The council's workbook (.xlsx) to write.")],
    criteria: CriteriaOption = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
    lang: LangOption = None,
) -> None:
    """The council's workbook: every agency and criterion, self-assessed data and points, cells to appraise."""
    from par_cli.core.diagnostics import LineCol, msg, problem
    from par_cli.render.council_xlsx import council_workbook
    from par_cli.services.council import gather
    from par_cli.services.surveys import SurveySource
    from par_cli.services.workspace import Workspace

    words = shell.language(lang)
    shell.guard_output(output, words)
    if output.exists() and not force:
        exists = problem("U003", "council-file-exists", hint=msg("hint.force")).at(LineCol(str(output)))
        shell.usage(exists, words)
    override = criteria and nfc(criteria)
    workspace, plain = Workspace(override=override, survey=SurveySource()), Workspace(override=override)
    assessed = shell.run(lambda: gather(folder, workspace, plain), words)
    shell.emit(council_workbook(assessed, words.fixed), output, words)


@appraisal_app.command("read")
def appraisal_read(
    workbook: Annotated[Path, typer.Argument(help="The council's workbook, filled in.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The assessments' folder to write into.")],
    force: Annotated[bool, typer.Option("--force", help="Replace appraisal files that exist already.")] = False,
    lang: LangOption = None,
) -> None:
    """Read the council's workbook into appraisal files (one per appraiser), every bad cell reported first."""
    from par_cli.core.diagnostics import msg
    from par_cli.readers.files import display
    from par_cli.services.council import appraisal_files, read_council, write_files
    from par_cli.services.workspace import Workspace

    words = shell.language(lang)
    shell.guard_output(output, words, folders=False)  # a folder of appraisal files: written to be read
    book = shell.run(lambda: read_council(workbook, display(workbook)), words)
    files = shell.run(lambda: appraisal_files(book, Workspace(), output), words)
    shell.run(lambda: write_files(files, output, force), words)
    shell.note(msg("note-appraisal-written", count=len(files), folder=str(output)), words)


cache_app = typer.Typer(
    help="The results and built criteria sets kept between runs, so that ranking again scores only changed files."
)
app.add_typer(cache_app, name="cache", no_args_is_help=True)


@cache_app.command("clear")
def cache_clear(lang: LangOption = None) -> None:
    """Remove every kept result and criteria set (the next runs make them again)."""
    from par_cli.core.diagnostics import LineCol, msg, problem
    from par_cli.services.cache import ResultCache
    from par_cli.services.criteria_cache import FOLDER
    from par_cli.words.catalogue import text

    words = shell.language(lang)
    store = ResultCache()
    removed, sets = store.clear()
    typer.echo(text(msg("cache-cleared", count=removed, path=str(store.path)), words.now()))
    typer.echo(text(msg("cache-cleared-sets", count=sets, path=str(store.path.parent / FOLDER)), words.now()))
    if store.left():  # a folder or file made read-only: say so, never "removed" alone
        hint = msg("hint.cache-not-cleared")
        found = problem("F003", "cache-not-cleared", hint=hint).at(LineCol(str(store.path.parent)))
        shell.fail([found], words)


@cache_app.command("info")
def cache_info(lang: LangOption = None) -> None:
    """Where the kept results and criteria sets are, and how many."""
    from par_cli.core.diagnostics import msg
    from par_cli.services.cache import ResultCache
    from par_cli.services.criteria_cache import FOLDER
    from par_cli.services.criteria_cache import count as count_sets
    from par_cli.words.catalogue import text

    words = shell.language(lang)
    store = ResultCache()
    typer.echo(text(msg("cache-info", count=store.count(), path=str(store.path)), words.now()))
    sets = count_sets(store.path.parent)
    typer.echo(text(msg("cache-info-sets", count=sets, path=str(store.path.parent / FOLDER)), words.now()))
