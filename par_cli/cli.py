"""The command line: parse options, call io → core → render, print, exit. Nothing else prints or exits.

Every error line of every command is a diagnostic from the catalogue: located, coded, in the --lang asked for.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Optional, TypeVar

import typer

from par_cli import __version__
from par_cli.core.diagnostics import Diagnostic, LineCol, ParError, UsageError, problem

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    name="par",
    help="PAR Index (Chỉ số cải cách hành chính) calculator: criteria as code, exact scores.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)

T = TypeVar("T")
BAR_WIDTH = 100  # terminal columns from which tables carry a bar chart column


class ScoreFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    html = "html"


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


def _fail(diagnostics: Iterable[Diagnostic], lang: Language | None, code: int = 1) -> NoReturn:
    """Each diagnostic as one coded, located line on stderr; then exit (1: the inputs, 2: the usage)."""
    from par_cli.core.diagnostics import order
    from par_cli.words.catalogue import line

    for diagnostic in sorted(diagnostics, key=order):
        sys.stderr.write(line(diagnostic, _language(lang)) + "\n")
    raise typer.Exit(code)


def _run(action: Callable[[], T], lang: Language | None = None) -> T:
    """Run a command body; input problems become one located line each on stderr and exit code 1."""
    try:
        return action()
    except UsageError as exc:
        _fail(exc.diagnostics, lang, 2)
    except ParError as exc:
        _fail(exc.diagnostics, lang)


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _render(command: str, fmt: str, view: Any, lang: Language | None) -> Any:
    """The view in the format asked for; a missing optional package is an error naming how to install it."""
    from par_cli.render import renderer

    try:
        return renderer(command, fmt)(view)
    except ModuleNotFoundError as exc:
        package = exc.name or "openpyxl"
        missing = problem("F004", "missing-package", format=fmt, package=package, install="pip install 'par-cli[xlsx]'")
        _fail([missing.at(LineCol("par"))], lang)


def _emit(content: str | bytes, output: Path | None, lang: Language | None) -> None:
    if output is None:
        if isinstance(content, bytes):
            _fail([problem("U001", "binary-needs-output").at(LineCol("par"))], lang, 2)
        sys.stdout.write(content)
        return
    from par_cli.io.output import write_atomic

    try:
        write_atomic(output, content)
    except OSError as exc:
        _fail([problem("F003", "cannot-write", reason=exc.strerror or str(exc)).at(LineCol(str(output)))], lang)


def _show(rendered: Any, output: Path | None, lang: Language | None) -> None:
    """Print a renderable on the terminal (or as plain text into --output); write text or bytes as they are."""
    if isinstance(rendered, (str, bytes)):
        _emit(rendered, output, lang)
        return
    if output is None:
        _console().print(rendered)
        return
    import io

    from rich.console import Console

    plain = Console(width=120, no_color=True, highlight=False, file=io.StringIO())
    plain.print(rendered)
    _emit(plain.file.getvalue(), output, lang)  # type: ignore[attr-defined]


def _bars(output: Path | None) -> bool:
    """Bar charts in tables: in files, and on terminals wide enough to keep every figure."""
    return output is not None or _console().width >= BAR_WIDTH


def _progress(what: str, total: int) -> Callable[[int], None]:
    """A progress bar on stderr for long runs when stderr is a terminal; otherwise nothing."""
    if not sys.stderr.isatty() or total < 200:
        return lambda n: None
    from rich.progress import Progress

    bar = Progress(console=_console(stderr=True), transient=True)
    task = bar.add_task(f"Scoring {what}", total=total)
    bar.start()

    def advance(n: int) -> None:
        bar.advance(task, n)
        if bar.finished:
            bar.stop()

    return advance


LangOption = Annotated[
    Optional[Language], typer.Option("--lang", help="Language of the output (default: the criteria set's).")
]
CriteriaOption = Annotated[
    Optional[Path],
    typer.Option("--criteria", "-c", help="Criteria set file to use instead of the one the assessment names."),
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
    from par_cli.core.scoring import score as score_bound
    from par_cli.io.workspace import Workspace
    from par_cli.render.views import ScoreView

    bound = _run(lambda: Workspace(override=criteria).assessment(file), lang)
    result = _run(lambda: score_bound(bound), lang)
    bars = output_format is ScoreFormat.table and _bars(output)
    view = ScoreView(result, bound, depth, lang.value if lang else None, bars)
    _show(_render("score", output_format.value, view, lang), output, lang)


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
    from par_cli.core.explain import explain as ledger_of
    from par_cli.core.scoring import score as score_bound
    from par_cli.io.workspace import Workspace
    from par_cli.render.views import ExplainView

    def build():  # type: ignore[no-untyped-def]
        bound = Workspace(override=criteria).assessment(file)
        return ledger_of(bound, score_bound(bound), code)

    view = ExplainView(_run(build, lang), lang.value if lang else None, gaps)
    _show(_render("explain", output_format.value, view, lang), None, lang)


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
        Optional[float], typer.Option("--fail-under", help="Exit 1 when any agency's index is below this.")
    ] = None,
    criteria: CriteriaOption = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Processes (default: all cores).")] = None,
    lang: LangOption = None,
) -> None:
    """Rank a folder of agencies by exact index within (criteria set, group), with last year's ranks."""
    from functools import partial

    from par_cli.io.batch import rank_folders
    from par_cli.io.workspace import FileScorer
    from par_cli.render.views import RankView

    if output_format is RankFormat.xlsx and output is None:
        _fail([problem("U001", "xlsx-needs-output").at(LineCol("par"))], lang, 2)
    this_year, last_year = partial(FileScorer, criteria), partial(FileScorer, None)
    entries, groups = _run(lambda: rank_folders(paths, this_year, previous, group_by, jobs, _progress, last_year), lang)
    bars = output_format is RankFormat.table and _bars(output)
    view = RankView(groups, previous is not None, areas, lang.value if lang else None, bars)
    _show(_render("rank", output_format.value, view, lang), output, lang)
    if fail_under is not None:
        from fractions import Fraction

        limit = f"{fail_under:g}"
        below = [e for e in entries if e.index < Fraction(str(fail_under))]
        if below:
            failing = [problem("R005", "below-fail-under", name=e.agency_name, limit=limit) for e in below]
            _fail([d.at(LineCol(e.file)) for d, e in zip(failing, below, strict=True)], lang)


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
    from par_cli.io.workspace import Workspace
    from par_cli.render.views import CheckView

    report = check_paths(paths, Workspace(), strict)
    chosen = output_format or (CheckFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else CheckFormat.text)
    _emit(_render("check", chosen.value, CheckView(report, _language(lang)), lang), output, lang)
    if report.failed():
        raise typer.Exit(1)


@app.command()
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="Which file kind.")],
) -> None:
    """Print the JSON Schema of a file kind, for YAML editors (yaml-language-server) to validate and complete."""
    from par_cli.core.formats import json_schema
    from par_cli.render.views import SchemaView

    _emit(_render("schema", "json", SchemaView(json_schema(kind.value)), None), None, None)


criteria_app = typer.Typer(help="List and show criteria sets.", no_args_is_help=True)
app.add_typer(criteria_app, name="criteria")


@criteria_app.command("list")
def criteria_list() -> None:
    """The built-in criteria sets: id, title, status, total max, leaves and source."""
    from par_cli.io.files import display
    from par_cli.io.workspace import builtin_sets
    from par_cli.render.views import CriteriaListView

    sets = _run(builtin_sets)
    _show(
        _render("criteria_list", "table", CriteriaListView([(display(s.path), s.model) for s in sets]), None),
        None,
        None,
    )


@criteria_app.command("show")
def criteria_show(
    reference: Annotated[str, typer.Argument(metavar="ID|PATH", help="A criteria set id or file.")],
    depth: Annotated[Optional[int], typer.Option(min=1, help="Levels to show (default: all).")] = None,
) -> None:
    """A criteria set as a tree: codes, titles, max points and each leaf's rule in words."""
    from par_cli.io.workspace import find_criteria
    from par_cli.render.views import CriteriaShowView

    loaded = _run(lambda: find_criteria(reference))
    _show(_render("criteria_show", "table", CriteriaShowView(loaded.model, depth), None), None, None)


@app.command()
def template(
    reference: Annotated[str, typer.Argument(metavar="ID|PATH", help="A criteria set id or file.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the form to this file.")] = None,
    period: Annotated[Optional[str], typer.Option(help="The period the form is for (default: this year).")] = None,
) -> None:
    """Print a blank assessment for a criteria set: every leaf with its rule, max points and evidence asked."""
    import datetime

    from par_cli.io.workspace import find_criteria
    from par_cli.render.views import TemplateView

    loaded = _run(lambda: find_criteria(reference))
    form = TemplateView(
        loaded.model, _reference_for(reference, loaded.path, output), period or str(datetime.date.today().year)
    )
    _emit(_render("template", "yaml", form, None), output, None)


def _reference_for(reference: str, path: Path, output: Path | None) -> str:
    """What the form's `criteria:` says: the id when given one, else the set's path relative to the form."""
    if not Path(reference).is_file():
        return reference
    folder = (output or Path("x")).resolve().parent
    return os.path.relpath(path.resolve(), folder).replace(os.sep, "/")


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
