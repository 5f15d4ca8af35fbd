"""The command line: parse options, call the loader and the pure core, print, exit. Nothing else prints."""

from __future__ import annotations

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


class ScoreFormat(StrEnum):
    table = "table"
    json = "json"


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
) -> None:
    """Score one agency's assessment: index, grade, per-area breakdown and findings."""
    from par_cli.loader import Workspace
    from par_cli.scoring import score as score_bound

    result = _run(lambda: score_bound(Workspace(override=criteria).assessment(file)))
    if output_format is ScoreFormat.json:
        from par_cli.render.json_out import dumps, score_dict

        sys.stdout.write(dumps(score_dict(result, depth)))
        return
    from par_cli.render.terminal import score_view

    _console().print(score_view(result, depth))


def main() -> None:
    app()
