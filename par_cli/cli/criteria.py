"""`par criteria list|show|import|diff`: the criteria sets, built in or in files, and what a revision changes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from par_cli.cli import shell
from par_cli.cli.app import app
from par_cli.cli.options import (
    DiffFormat,
    LangOption,
    nfc,
)
from par_cli.core.diagnostics import msg

criteria_app = typer.Typer(help="List, show and compare criteria sets.", no_args_is_help=True)
app.add_typer(criteria_app, name="criteria")


@criteria_app.command("list")
def criteria_list(lang: LangOption = None) -> None:
    """The built-in criteria sets: id, title, status, total max, leaves and source."""
    from par_cli.services.workspace import builtin_sets
    from par_cli.views.criteria_list import report

    words = shell.language(lang)
    sets = shell.run(builtin_sets, words)
    shown = report([s.model for s in sets], words.now())
    shell.show(shell.write(shown, "table", words), None, words)


@criteria_app.command("show")
def criteria_show(
    reference: Annotated[str, typer.Argument(metavar="ID|PATH", help="A criteria set id or file.")],
    depth: Annotated[Optional[int], typer.Option(min=1, help="Levels to show (default: all).")] = None,
    lang: LangOption = None,
) -> None:
    """A criteria set as a tree: codes, titles, max points and each leaf's rule in words."""
    from par_cli.services.workspace import find_criteria
    from par_cli.views.criteria_show import report

    words = shell.language(lang)
    loaded = shell.run(lambda: find_criteria(nfc(reference)), words)
    shell.show(shell.write(report(loaded.model, depth, words.fixed), "table", words), None, words)


@criteria_app.command("import")
def criteria_import(
    annex: Annotated[Path, typer.Argument(help="The decision's annex: .docx or .xlsx with the criteria table.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The draft criteria file to write.")],
    force: Annotated[bool, typer.Option("--force", help="Replace the output file.")] = False,
    lang: LangOption = None,
) -> None:
    """Draft a criteria set from an annex: tree, maxima, the rules it can read (TODO for the rest), checked."""
    from par_cli.services.annex import import_annex
    from par_cli.services.workspace import check_criteria_file
    from par_cli.words.codes import errors_only

    words = shell.language(lang)
    shell.guard_output(output, words, folders=False)  # a criteria set: written to be read
    done = shell.run(lambda: import_annex(annex, output, force, lambda p: check_criteria_file(p)[2]), words)
    rules = ", ".join(f"{kind} {n}" for kind, n in sorted(done.decided.items()))
    shell.warnings(done.problems, words)
    shell.note(msg("note-annex-written", file=str(output), areas=done.areas, leaves=done.leaves, rules=rules), words)
    if errors_only(done.problems):  # written, but not a usable set yet: fix the draft, then `par check`
        raise typer.Exit(1)


@criteria_app.command("diff")
def criteria_diff(
    old: Annotated[str, typer.Argument(metavar="OLD", help="The set in force: an id or file.")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The revised set: an id or file.")],
    output_format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.table,
    lang: LangOption = None,
) -> None:
    """What changed: criteria added, removed, moved, renamed; maxima, rules and sources changed."""
    from par_cli.core.criteria_diff import diff
    from par_cli.services.workspace import find_criteria
    from par_cli.views.criteria_diff import report

    words = shell.language(lang)
    before = shell.run(lambda: find_criteria(nfc(old)), words)
    after = shell.run(lambda: find_criteria(nfc(new)), words)
    shown = report(diff(before.model, after.model), words.fixed)
    shell.show(shell.write(shown, output_format.value, words), None, words)
