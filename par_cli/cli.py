"""The command line: parse options, call io → core → render, print, exit. Nothing else prints or exits.

Every error line of every command is a diagnostic from the catalogue: located, coded, in the --lang asked for.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from pathlib import Path
from typing import Annotated, Optional

import typer

from par_cli import __version__, shell
from par_cli.core.diagnostics import LineCol, msg, problem

app = typer.Typer(
    name="par",
    help="PAR Index (Chỉ số cải cách hành chính) calculator: criteria as code, exact scores.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)

MOST_JOBS = 256


class ScoreFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    html = "html"
    xlsx = "xlsx"


class TemplateFormat(StrEnum):
    yaml = "yaml"
    xlsx = "xlsx"


class ExplainFormat(StrEnum):
    table = "table"
    json = "json"


class RankFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


class SchemaKind(StrEnum):
    criteria = "criteria"
    assessment = "assessment"


class Language(StrEnum):
    vi = "vi"
    en = "en"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"par {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = None,
) -> None:
    """PAR Index calculator."""


def _language(lang: Language | None) -> str:
    return lang.value if lang else "en"


def _text(value: str) -> str:
    """Text from the command line, in the one spelling files are read in (NFC)."""
    return unicodedata.normalize("NFC", value)


LangOption = Annotated[
    Optional[Language], typer.Option("--lang", help="Language of the output (default: the criteria set's).")
]
CriteriaOption = Annotated[
    Optional[str],
    typer.Option(
        "--criteria", "-c", metavar="ID|PATH", help="Criteria set (a file or an id) instead of the one named."
    ),
]
OutputOption = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically).")]


@app.command()
def score(
    file: Annotated[Path, typer.Argument(help="An assessment file (kind: assessment).")],
    criteria: CriteriaOption = None,
    depth: Annotated[int, typer.Option(min=1, help="Levels of the tree to show: 1 areas, 2 criteria…")] = 1,
    output_format: Annotated[ScoreFormat, typer.Option("--format", "-f", help="Output format.")] = ScoreFormat.table,
    output: OutputOption = None,
    lang: LangOption = None,
) -> None:
    """Score one agency's assessment: index, grade, per-area breakdown and findings."""
    from par_cli.io.output import guard
    from par_cli.io.workspace import Workspace, scored
    from par_cli.render.views import ScoreView

    words = _language(lang)
    bound = shell.run(lambda: Workspace(override=criteria and _text(criteria)).assessment(file), words)
    if output is not None:
        shell.run(lambda: guard(output, [file, bound.criteria_file]), words)
    result = shell.run(lambda: scored(bound), words)
    bars = output_format is ScoreFormat.table and shell.bars(output)
    view = ScoreView(result, bound, depth, lang.value if lang else None, bars)
    shell.show(shell.render("score", output_format.value, view, words), output, words)


@app.command()
def explain(
    file: Annotated[Path, typer.Argument(help="An assessment file.")],
    code: Annotated[Optional[str], typer.Argument(help="Only this criterion and what is under it.")] = None,
    criteria: CriteriaOption = None,
    output_format: Annotated[ExplainFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ExplainFormat.table
    ),
    lang: LangOption = None,
    gaps: Annotated[int, typer.Option(min=0, help="How many recoverable gaps to list.")] = 10,
) -> None:
    """Where the points went: each leaf's inputs, rule, points lost and effect on the index; then the gaps."""
    from par_cli.core.explain import Ledger
    from par_cli.core.explain import explain as ledger_of
    from par_cli.io.workspace import Workspace, scored
    from par_cli.render.views import ExplainView

    def build() -> Ledger:
        bound = Workspace(override=criteria and _text(criteria)).assessment(file)
        return ledger_of(bound, scored(bound), code and _text(code))

    words = _language(lang)
    view = ExplainView(shell.run(build, words), lang.value if lang else None, gaps)
    shell.show(shell.render("explain", output_format.value, view, words), None, words)


@app.command()
def rank(
    paths: Annotated[list[Path], typer.Argument(help="Folders (searched recursively) or assessment files.")],
    previous: Annotated[
        Optional[Path],
        typer.Option("--previous", "-p", help="Last year's folder of assessments, or a JSON file of `par rank`."),
    ] = None,
    group_by: Annotated[
        str,
        typer.Option(
            "--group-by",
            help="Rank within: group (the agency's group), none (all together), period, or an agency attribute.",
        ),
    ] = "group",
    areas: Annotated[bool, typer.Option("--areas", help="Add one index column per area.")] = False,
    output_format: Annotated[RankFormat, typer.Option("--format", "-f", help="Output format.")] = RankFormat.table,
    output: OutputOption = None,
    fail_under: Annotated[
        Optional[str], typer.Option("--fail-under", metavar="PERCENT", help="Exit 1 when an index is below this.")
    ] = None,
    criteria: CriteriaOption = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", help="Processes (default: all cores).")] = None,
    lang: LangOption = None,
) -> None:
    """Rank a folder of agencies by exact index within (criteria set, group), with last year's ranks."""
    from functools import partial

    from par_cli.io.batch import rank_folders
    from par_cli.io.output import guard
    from par_cli.io.workspace import FileScorer
    from par_cli.render.views import RankView

    words = _language(lang)
    limit = _percent_option("--fail-under", fail_under, words) if fail_under is not None else None
    if jobs is not None and not 1 <= jobs <= MOST_JOBS:
        reason = msg("phrase.jobs-range", most=MOST_JOBS)
        bad = problem("U002", "bad-option", option="--jobs", value=str(jobs), reason=reason)
        shell.usage(bad.at(LineCol("--jobs")), words)
    if output_format is RankFormat.xlsx and output is None:
        shell.usage(problem("U001", "xlsx-needs-output").at(LineCol("par")), words)
    if output is not None:
        inputs = [p for p in (*paths, previous) if p is not None]
        shell.run(lambda: guard(output, [p for p in inputs if not p.is_dir()], inputs), words)
    this_year, last_year = partial(FileScorer, criteria and _text(criteria)), partial(FileScorer, None)
    progress = shell.progress(words)
    entries, groups = shell.run(
        lambda: rank_folders(paths, this_year, previous, _text(group_by), jobs, progress, last_year), words
    )
    bars = output_format is RankFormat.table and shell.bars(output)
    width = shell.console().width if output is None else shell.FILE_WIDTH
    view = RankView(groups, previous is not None, areas, lang.value if lang else None, bars, width)
    shell.show(shell.render("rank", output_format.value, view, words), output, words)
    if limit is not None:
        below = [e for e in entries if e.index < limit]
        if below:
            failing = [problem("R005", "below-fail-under", name=e.agency_name, limit=fail_under) for e in below]
            shell.fail([d.at(e.agency_where) for d, e in zip(failing, below, strict=True)], words)


def _percent_option(option: str, value: str, lang: str) -> Fraction:
    """A percentage given on the command line, exactly; `nan`, `inf` or a figure outside 0–100 is a usage error."""
    try:
        number = Decimal(value.strip())
    except ArithmeticError:
        number = Decimal("nan")
    if not number.is_finite() or not 0 <= number <= 100:
        reason = msg("phrase.finite-percent")
        shell.usage(problem("U002", "bad-option", option=option, value=value, reason=reason).at(LineCol(option)), lang)
    return Fraction(number)


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Criteria and assessment files, or folders (recursively).")],
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    output_format: Annotated[
        Optional[CheckFormat],
        typer.Option("--format", "-f", help="Output format (default: text; github under GitHub Actions)."),
    ] = None,
    output: OutputOption = None,
    lang: Annotated[
        Optional[Language], typer.Option("--lang", help="Language of text and github output (default: en).")
    ] = None,
) -> None:
    """Check criteria and assessment files: every problem, located, with a stable code. Exit 1 on errors."""
    from par_cli.io.checking import check_paths
    from par_cli.io.output import guard
    from par_cli.io.workspace import Workspace
    from par_cli.render.views import CheckView

    words = _language(lang)
    if output is not None:
        shell.run(lambda: guard(output, [p for p in paths if not p.is_dir()], paths), words)
    report = check_paths(paths, Workspace(), strict)
    chosen = output_format or (CheckFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else CheckFormat.text)
    shell.emit(shell.render("check", chosen.value, CheckView(report, words), words), output, words)
    if report.failed():
        raise typer.Exit(1)


@app.command()
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="Which file kind.")],
) -> None:
    """Print the JSON Schema of a file kind, for YAML editors (yaml-language-server) to validate and complete."""
    from par_cli.core.formats import json_schema
    from par_cli.render.views import SchemaView

    shell.emit(shell.render("schema", "json", SchemaView(json_schema(kind.value)), "en"), None, "en")


criteria_app = typer.Typer(help="List and show criteria sets.", no_args_is_help=True)
app.add_typer(criteria_app, name="criteria")


@criteria_app.command("list")
def criteria_list(lang: LangOption = None) -> None:
    """The built-in criteria sets: id, title, status, total max, leaves and source."""
    from par_cli.io.files import display
    from par_cli.io.workspace import builtin_sets
    from par_cli.render.views import CriteriaListView

    words = _language(lang)
    sets = shell.run(builtin_sets, words)
    view = CriteriaListView([(display(s.path), s.model) for s in sets], lang.value if lang else "vi")
    shell.show(shell.render("criteria_list", "table", view, words), None, words)


@criteria_app.command("show")
def criteria_show(
    reference: Annotated[str, typer.Argument(metavar="ID|PATH", help="A criteria set id or file.")],
    depth: Annotated[Optional[int], typer.Option(min=1, help="Levels to show (default: all).")] = None,
    lang: LangOption = None,
) -> None:
    """A criteria set as a tree: codes, titles, max points and each leaf's rule in words."""
    from par_cli.io.workspace import find_criteria
    from par_cli.render.views import CriteriaShowView

    words = _language(lang)
    loaded = shell.run(lambda: find_criteria(_text(reference)), words)
    view = CriteriaShowView(loaded.model, depth, lang.value if lang else None)
    shell.show(shell.render("criteria_show", "table", view, words), None, words)


@app.command()
def template(
    reference: Annotated[str, typer.Argument(metavar="ID|PATH", help="A criteria set id or file.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the form to this file.")] = None,
    period: Annotated[Optional[str], typer.Option(help="The period the form is for (default: this year).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an assessment or criteria file.")] = False,
    output_format: Annotated[
        TemplateFormat, typer.Option("--format", "-f", help="yaml, or xlsx: a workbook to fill in Excel.")
    ] = TemplateFormat.yaml,
    lang: LangOption = None,
) -> None:
    """Print a blank assessment for a criteria set: every leaf with its rule, max points and evidence asked."""
    import datetime

    from par_cli.io.workspace import find_criteria, form_reference, refuse_overwrite
    from par_cli.render.views import TemplateView

    words = _language(lang)
    loaded = shell.run(lambda: find_criteria(_text(reference)), words)
    if output is not None and not force:
        shell.run(lambda: refuse_overwrite(output, loaded.path), words)
    named, note = form_reference(_text(reference), loaded, output)
    form = TemplateView(loaded.model, named, period or str(datetime.date.today().year), lang.value if lang else None)
    shell.emit(shell.render("template", output_format.value, form, words), output, words)
    if note is not None:
        shell.note(note, words)


@app.command("import")
def import_table(
    table: Annotated[Path, typer.Argument(help="The office's export: a .xlsx workbook or a .csv file.")],
    criteria: Annotated[str, typer.Option("--criteria", "-c", metavar="ID|PATH", help="The criteria set.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The folder to write one file per agency in.")],
    mapping: Annotated[
        Optional[list[str]], typer.Option("--map", metavar="TITLE=FIELD", help="A column title and what it holds.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace files that exist already.")] = False,
    lang: LangOption = None,
) -> None:
    """Turn an export table into one assessment file per agency (every bad row reported before any write)."""
    from par_cli.io.importing import FIELDS, import_table, write_assessments
    from par_cli.io.workspace import find_criteria, form_reference

    words = _language(lang)
    pairs = [item.partition("=") for item in mapping or []]
    for title, sign, field in pairs:
        if not sign or not title.strip():
            shell.usage(
                problem(
                    "U002", "bad-option", option="--map", value=f"{title}{sign}{field}", reason=msg("phrase.map")
                ).at(LineCol("--map")),
                words,
            )
    loaded = shell.run(lambda: find_criteria(_text(criteria)), words)
    output.mkdir(parents=True, exist_ok=True) if not output.exists() else None
    reference, _ = form_reference(_text(criteria), loaded, output / "x.yaml")
    fields = {_text(title.strip()): field.strip() for title, _, field in pairs}
    unknown = [f for f in fields.values() if f not in FIELDS and f not in loaded.nodes]
    if unknown:
        shell.usage(
            problem("U002", "bad-option", option="--map", value=unknown[0], reason=msg("phrase.map")).at(
                LineCol("--map")
            ),
            words,
        )
    files, left_out = shell.run(lambda: import_table(table, loaded.model, loaded.nodes, fields, reference), words)
    shell.run(lambda: write_assessments(files, output, force), words)
    if left_out:
        shell.note(msg("note-left-out", titles=", ".join(left_out)), words)
    shell.note(msg("note-written", count=len(files), folder=str(output)), words)


def main() -> None:
    """The `par` command. Only the command being run is registered: typer converts every registered command
    into click objects at each start, which costs ~9 ms that `par score` in a CI loop would pay every time."""
    name = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else None
    commands = {info.name or info.callback.__name__: info for info in app.registered_commands if info.callback}
    groups = {info.name: info for info in app.registered_groups}
    if name in commands:
        app.registered_commands, app.registered_groups = [commands[name]], []
    elif name in groups:
        app.registered_commands, app.registered_groups = [], [groups[name]]
    app()
