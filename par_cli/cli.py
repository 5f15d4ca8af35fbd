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


def _run(action: Callable[[], T]) -> T:
    """Run a command body; input problems become one located line each on stderr and exit code 1."""
    try:
        return action()
    except ParError as exc:
        for diagnostic in exc.diagnostics:
            sys.stderr.write(diagnostic.render() + "\n")
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
    from par_cli.scoring import score as score_bound

    bound = _run(lambda: Workspace(override=criteria).assessment(file))
    result = _run(lambda: score_bound(bound))
    language = lang.value if lang else None
    if output_format is ScoreFormat.json:
        from par_cli.render.json_out import dumps, score_dict

        _emit(dumps(score_dict(result, depth)), output)
    elif output_format is ScoreFormat.markdown:
        from par_cli.render.score_out import score_markdown

        _emit(score_markdown(result, depth, language), output)
    elif output_format is ScoreFormat.csv:
        from par_cli.render.score_out import score_csv

        _emit(score_csv(result, depth), output)
    elif output_format is ScoreFormat.html:
        from par_cli.explain import explain as build_ledger
        from par_cli.render.html_out import score_html

        _emit(score_html(result, build_ledger(bound, result), language, depth), output)
    else:
        from par_cli.render.terminal import score_view

        console = _console()
        view = score_view(result, depth, language, bars=output is not None or console.width >= BAR_WIDTH)
        if output is None:
            console.print(view)
        else:
            _emit(_plain(view), output)


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


def _plain(renderable: object, width: int = 120) -> str:
    import io

    from rich.console import Console

    console = Console(width=width, no_color=True, highlight=False, file=io.StringIO())
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]


def _score_folder(paths: list[Path], criteria: Path | None, jobs: int | None, what: str) -> list:  # type: ignore[type-arg]
    """Score every assessment under `paths`; every problem of every file is raised together."""
    from par_cli.batch import Entry, discover, score_files
    from par_cli.diagnostics import Diagnostic, ParError, error

    files, problems = discover(paths)
    if not files and not problems:
        problems.append(
            error("F002", f"no assessment files found for {what}").located(", ".join(map(str, paths)), 0, 0)
        )
    entries: list[Entry] = []
    diagnostics: list[Diagnostic] = list(problems)
    progress_bar = None
    if sys.stderr.isatty() and len(files) >= 200:
        from rich.progress import Progress

        progress_bar = Progress(console=_console(stderr=True), transient=True)
    task = progress_bar.add_task(f"Scoring {what}", total=len(files)) if progress_bar else None

    def advance(n: int) -> None:
        if progress_bar is not None and task is not None:
            progress_bar.advance(task, n)

    if progress_bar:
        progress_bar.start()
    try:
        for outcome in score_files(files, criteria, jobs, advance):
            if isinstance(outcome, tuple):
                diagnostics.extend(outcome)
            else:
                entries.append(outcome)
    finally:
        if progress_bar:
            progress_bar.stop()
    if diagnostics:
        raise ParError(diagnostics)
    return entries


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

    ledger = _run(build)
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
    from par_cli.diagnostics import ParError
    from par_cli.ranking import duplicates, previous_ranks
    from par_cli.ranking import rank as rank_entries

    def build():  # type: ignore[no-untyped-def]
        entries = _score_folder(paths, criteria, jobs, "this year")
        problems = duplicates(entries, group_by)
        if problems:
            raise ParError(problems)
        before = None
        if previous is not None:
            if previous.is_file() and previous.suffix == ".json":
                from par_cli.loader import load_previous_ranks

                before = load_previous_ranks(previous)
            else:
                earlier = _score_folder([previous], None, jobs, "last year")
                problems = duplicates(earlier, group_by)
                if problems:
                    raise ParError(problems)
                before = previous_ranks(rank_entries(earlier, group_by))
        return entries, rank_entries(entries, group_by, before)

    if output_format is RankFormat.xlsx and output is None:
        sys.stderr.write("error: --format xlsx writes a workbook: give --output FILE.xlsx\n")
        raise typer.Exit(2)
    entries, groups = _run(build)
    has_previous = previous is not None
    language = lang.value if lang else None
    if output_format is RankFormat.json:
        from par_cli.render.json_out import dumps
        from par_cli.render.rank_out import rank_dict

        _emit(dumps(rank_dict(groups, areas)), output)
    elif output_format is RankFormat.csv:
        from par_cli.render.rank_out import rank_csv

        _emit(rank_csv(groups, areas), output)
    elif output_format is RankFormat.markdown:
        from par_cli.render.rank_out import rank_markdown

        _emit(rank_markdown(groups, has_previous, areas, language), output)
    elif output_format is RankFormat.html:
        from par_cli.render.html_out import rank_html

        _emit(rank_html(groups, has_previous, language), output)
    elif output_format is RankFormat.xlsx:
        try:
            from par_cli.render.xlsx_out import rank_xlsx

            workbook = rank_xlsx(groups, has_previous, language)
        except ImportError:
            sys.stderr.write("error: --format xlsx needs openpyxl: pip install 'par-cli[xlsx]'\n")
            raise typer.Exit(1) from None
        _emit(workbook, output)
    else:
        from par_cli.render.rank_out import rank_view

        console = _console()
        view = rank_view(groups, has_previous, areas, language, bars=output is not None or console.width >= BAR_WIDTH)
        if output is None:
            console.print(view)
        else:
            _emit(_plain(view), output)
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
) -> None:
    """Check criteria and assessment files: every problem, located, with a stable code. Exit 1 on errors."""
    from par_cli.checking import check_paths
    from par_cli.render import check_out

    report = check_paths(paths, strict)
    chosen = output_format or (CheckFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else CheckFormat.text)
    if chosen is CheckFormat.json:
        from par_cli.render.json_out import dumps

        text = dumps(check_out.check_dict(report))
    elif chosen is CheckFormat.sarif:
        from par_cli.render.json_out import dumps

        text = dumps(check_out.check_sarif(report))
    elif chosen is CheckFormat.github:
        text = check_out.check_github(report)
    else:
        text = check_out.check_text(report)
    _emit(text, output)
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
    import os

    if not Path(reference).is_file():
        return reference
    folder = (output or Path("x")).resolve().parent
    return os.path.relpath(path.resolve(), folder).replace(os.sep, "/")


def main() -> None:
    app()
