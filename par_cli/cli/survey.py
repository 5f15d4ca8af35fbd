"""`par survey`: tally raw questionnaires into survey results, report them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from par_cli.cli import shell
from par_cli.cli.app import app
from par_cli.cli.options import LangOption, OutputOption, ReportFormat

survey_app = typer.Typer(help="The sociological survey: tally raw responses, report them.", no_args_is_help=True)
app.add_typer(survey_app, name="survey")


@survey_app.command("tally")
def survey_tally(
    design: Annotated[Path, typer.Argument(help="The survey design (kind: survey-design).")],
    responses: Annotated[list[Path], typer.Argument(help="Responses: .csv or .xlsx, one row per form and agency.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The results file to write (kind: survey).")],
    agencies: Annotated[
        Optional[Path], typer.Option("--agencies", help="A folder of assessments: the agencies the survey rates.")
    ] = None,
    lang: LangOption = None,
) -> None:
    """Count every form into survey results: every bad row and cell reported before anything is written."""
    from par_cli.render.survey_yaml import results_yaml
    from par_cli.services.surveys import prepare_tally, tally
    from par_cli.services.workspace import Workspace

    words = shell.language(lang)
    survey, criteria_id, known = shell.run(lambda: prepare_tally(design, agencies, Workspace()), words)
    shell.guard_output(output, words, folders=False)  # survey results: written to be read beside the agencies
    result = shell.run(lambda: tally(survey, criteria_id, responses, known), words)
    from par_cli.cli.speech import words as wording
    from par_cli.core.diagnostics import msg
    from par_cli.words.catalogue import text

    said = wording(words)  # the run's language, decided now that the set is read: the file's comments too
    head = (text(msg("survey-yaml.tallied"), said), text(msg("survey-yaml.rounded"), said))
    shell.emit(results_yaml(result.data, head), output, words)
    shell.warnings(result.notes, words)


@survey_app.command("report")
def survey_report(
    file: Annotated[Path, typer.Argument(help="Survey results (kind: survey).")],
    output_format: Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")] = ReportFormat.table,
    output: OutputOption = None,
    lang: LangOption = None,
) -> None:
    """Per agency and criterion: forms per group, the percentage of each question and overall, the share of E."""
    import contextlib

    from par_cli.core.diagnostics import ParError
    from par_cli.services.survey_names import survey_names
    from par_cli.services.surveys import report_data
    from par_cli.services.workspace import Workspace
    from par_cli.views.survey_report import report

    words = shell.language(lang)
    shell.output_checked(output_format.value, output, words)
    rows, groups, title, notes, criteria = shell.run(lambda: report_data(file), words)
    if words.fixed is None:  # the words of the set the results are for, when it can be found from the file
        with contextlib.suppress(ParError):
            Workspace().named(criteria, file.parent)
    shown = report(rows, groups, title, words.now(), survey_names(file, title))
    shell.show(shell.write(shown, output_format.value, words), output, words)
    shell.warnings(notes, words)
