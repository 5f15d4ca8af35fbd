"""`par appraisal cuts`: the council's cut list, every criterion whose final points are not the self-assessed."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from par_cli import shell
from par_cli.app import app
from par_cli.options import CriteriaOption, CutsFormat, JobsOption, LangOption, OutputOption, jobs_value, language, nfc

appraisal_app = typer.Typer(help="The appraisal council's work: the cut list.", no_args_is_help=True)
app.add_typer(appraisal_app, name="appraisal")


@appraisal_app.command("cuts")
def appraisal_cuts(
    paths: Annotated[list[Path], typer.Argument(help="Folders (searched recursively) or assessment files.")],
    output_format: Annotated[CutsFormat, typer.Option("--format", "-f", help="Output format.")] = CutsFormat.table,
    output: OutputOption = None,
    criteria: CriteriaOption = None,
    jobs: JobsOption = None,
    lang: LangOption = None,
) -> None:
    """Per agency, every criterion the appraisal lowered or raised: self-assessed and final points, the reason."""
    from par_cli.io.batch import score_units
    from par_cli.io.surveys import SurveySource
    from par_cli.io.workspace import FileScorer
    from par_cli.render.views import CutsView

    words = language(lang)
    shell.run(lambda: jobs_value(jobs), words)
    shell.output_checked(output_format.value, output, paths, words)
    scorer = partial(FileScorer, criteria and nfc(criteria), SurveySource(), cuts=True)
    entries = shell.run(lambda: score_units(paths, scorer, jobs, shell.progress(words)), words)
    entries.sort(key=lambda e: (e.agency_name, e.agency_id))
    view = CutsView(entries, lang.value if lang else None)
    shell.show(shell.render("appraisal_cuts", output_format.value, view, words), output, words)
