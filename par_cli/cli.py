"""The command line: parse options, call the loader and the pure core, print, exit. Nothing else prints."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional, TypeVar

import typer

from par_cli import __version__
from par_cli.diagnostics import ParError

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


def _console(stderr: bool = False):  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _run(action: Callable[[], T], lang: Language | None = None) -> T:
    """Run a command body; input problems become one located line each on stderr and exit code 1."""
    try:
        return action()
    except ParError as exc:
        for diagnostic in exc.diagnostics:
            sys.stderr.write(diagnostic.render(lang=lang.value if lang else "en") + "\n")
        raise typer.Exit(1) from None


LangOption = Annotated[
    Optional[Language], typer.Option("--lang", help="Language of the output (default: the criteria set's).")
]


CriteriaOption = Annotated[
    Optional[Path],
    typer.Option("--criteria", "-c", help="Criteria set file to use instead of the one the assessment names."),
]


@app.command()
def score(
    file: Annotated[Path, typer.Argument(help="An assessment file (kind: assessment).")],
    criteria: CriteriaOption = None,
    depth: Annotated[int, typer.Option(min=1, help="Levels of the tree to show: 1 areas, 2 criteria…")] = 1,
    output_format: Annotated[ScoreFormat, typer.Option("--format", "-f", help="Output format.")] = ScoreFormat.table,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically).")] = None,
    lang: LangOption = None,
) -> None:
    """Score one agency's assessment: index, grade, per-area breakdown and findings."""
    from par_cli.loader import Workspace
    from par_cli.render.outputs import score_output
    from par_cli.scoring import score as score_bound

    bound = _run(lambda: Workspace(override=criteria).assessment(file), lang)
    result = _run(lambda: score_bound(bound), lang)
    console = _terminal(output_format is ScoreFormat.table, output)
    language = lang.value if lang else None
    _show(score_output(output_format.value, result, bound, depth, language, _bars(console, output)), output, console)


def _write_atomic(path: Path, content: str | bytes) -> None:
    """Write through a temporary file in the same folder, then rename: never a half-written file."""
    import tempfile

    folder = path.parent if str(path.parent) else Path(".")
    data = content.encode("utf-8") if isinstance(content, str) else content
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _emit(text: str | bytes, output: Path | None) -> None:
    if output is None:
        if isinstance(text, bytes):
            sys.stderr.write("error: this format is binary: give --output FILE\n")
            raise typer.Exit(2)
        sys.stdout.write(text)
        return
    try:
        _write_atomic(output, text)
    except OSError as exc:
        sys.stderr.write(f"{output}: error: cannot write the file: {exc.strerror or exc}\n")
        raise typer.Exit(1) from None


def _terminal(table: bool, output: Path | None):  # type: ignore[no-untyped-def]
    """The console a table is printed on; None for other formats and for files (rich stays unloaded)."""
    return _console() if table and output is None else None


def _bars(console: object, output: Path | None) -> bool:
    """Bar charts in tables: in files, and on terminals wide enough to keep every figure."""
    return output is not None or getattr(console, "width", 0) >= BAR_WIDTH


def _show(rendered: object, output: Path | None, console: object) -> None:
    """Print a renderable on the terminal (or as plain text into --output); write text or bytes as they are."""
    if isinstance(rendered, (str, bytes)):
        _emit(rendered, output)
        return
    if output is None:
        console.print(rendered)  # type: ignore[attr-defined]
        return
    import io

    from rich.console import Console

    plain = Console(width=120, no_color=True, highlight=False, file=io.StringIO())
    plain.print(rendered)
    _emit(plain.file.getvalue(), output)  # type: ignore[attr-defined]


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
    from par_cli.explain import explain as build_ledger
    from par_cli.loader import Workspace
    from par_cli.scoring import score as score_bound

    def build():  # type: ignore[no-untyped-def]
        bound = Workspace(override=criteria).assessment(file)
        return build_ledger(bound, score_bound(bound), code)

    ledger = _run(build, lang)
    if output_format is ExplainFormat.json:
        from par_cli.render.explain_out import explain_dict
        from par_cli.render.json_out import dumps

        sys.stdout.write(dumps(explain_dict(ledger)))
        return
    from par_cli.render.explain_out import explain_view

    _console().print(explain_view(ledger, lang.value if lang else None, gaps))


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
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically).")] = None,
    fail_under: Annotated[
        Optional[float], typer.Option("--fail-under", help="Exit 1 when any agency's index is below this.")
    ] = None,
    criteria: CriteriaOption = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Processes (default: all cores).")] = None,
    lang: LangOption = None,
) -> None:
    """Rank a folder of agencies by exact index within (criteria set, group), with last year's ranks."""
    from par_cli.batch import rank_folders
    from par_cli.render.outputs import rank_output

    if output_format is RankFormat.xlsx and output is None:
        sys.stderr.write("error: --format xlsx writes a workbook: give --output FILE.xlsx\n")
        raise typer.Exit(2)
    entries, groups = _run(lambda: rank_folders(paths, previous, group_by, criteria, jobs, _progress), lang)
    console = _terminal(output_format is RankFormat.table, output)
    language = lang.value if lang else None
    try:
        rendered = rank_output(
            output_format.value, groups, previous is not None, areas, language, _bars(console, output)
        )
    except ImportError:
        sys.stderr.write("error: --format xlsx needs openpyxl: pip install 'par-cli[xlsx]'\n")
        raise typer.Exit(1) from None
    _show(rendered, output, console)
    if fail_under is not None:
        from fractions import Fraction

        below = [e for e in entries if e.index < Fraction(str(fail_under))]
        for entry in below:
            sys.stderr.write(f"{entry.file}: error: {entry.agency_name} is below --fail-under {fail_under:g}\n")
        if below:
            raise typer.Exit(1)


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Criteria and assessment files, or folders (recursively).")],
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    output_format: Annotated[
        Optional[CheckFormat],
        typer.Option("--format", "-f", help="Output format (default: text; github under GitHub Actions)."),
    ] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically).")] = None,
    lang: Annotated[
        Optional[Language], typer.Option("--lang", help="Language of text and github output (default: en).")
    ] = None,
) -> None:
    """Check criteria and assessment files: every problem, located, with a stable code. Exit 1 on errors."""
    from par_cli.checking import check_paths
    from par_cli.render.outputs import check_output

    report = check_paths(paths, strict)
    chosen = output_format or (CheckFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else CheckFormat.text)
    _emit(check_output(chosen.value, report, lang.value if lang else "en"), output)
    if report.failed():
        raise typer.Exit(1)


@app.command()
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="Which file kind.")],
) -> None:
    """Print the JSON Schema of a file kind, for YAML editors (yaml-language-server) to validate and complete."""
    from par_cli.render.json_out import dumps
    from par_cli.schema import json_schema

    sys.stdout.write(dumps(json_schema(kind.value)))


criteria_app = typer.Typer(help="List and show criteria sets.", no_args_is_help=True)
app.add_typer(criteria_app, name="criteria")


@criteria_app.command("list")
def criteria_list() -> None:
    """The built-in criteria sets: id, title, status, total max, leaves and source."""
    from par_cli.loader import builtin_sets, display
    from par_cli.render.criteria_view import criteria_table

    sets = _run(builtin_sets)
    _console().print(criteria_table([(display(s.path), s.model) for s in sets]))


@criteria_app.command("show")
def criteria_show(
    reference: Annotated[str, typer.Argument(metavar="ID|PATH", help="A criteria set id or file.")],
    depth: Annotated[Optional[int], typer.Option(min=1, help="Levels to show (default: all).")] = None,
) -> None:
    """A criteria set as a tree: codes, titles, max points and each leaf's rule in words."""
    from par_cli.loader import find_criteria
    from par_cli.render.criteria_view import criteria_tree

    loaded = _run(lambda: find_criteria(reference))
    _console().print(criteria_tree(loaded.model, depth))


@app.command()
def template(
    reference: Annotated[str, typer.Argument(metavar="ID|PATH", help="A criteria set id or file.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the form to this file.")] = None,
    period: Annotated[Optional[str], typer.Option(help="The period the form is for (default: this year).")] = None,
) -> None:
    """Print a blank assessment for a criteria set: every leaf with its rule, max points and evidence asked."""
    import datetime

    from par_cli.loader import find_criteria
    from par_cli.render.template import template as blank_form

    loaded = _run(lambda: find_criteria(reference))
    text = blank_form(
        loaded.model, _reference_for(reference, loaded.path, output), period or str(datetime.date.today().year)
    )
    _emit(text, output)


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
