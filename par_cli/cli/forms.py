"""`par template` (blank forms: one, or every listed agency's) and `par import` (an office's export table into
assessment files): the forms going out and the tables coming in."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from par_cli.cli import shell
from par_cli.cli.app import app
from par_cli.cli.options import LangOption, TemplateFormat, map_value, nfc
from par_cli.core.diagnostics import LineCol, msg, problem

if TYPE_CHECKING:
    from par_cli.cli.speech import Tongue


@app.command()
def template(
    reference: Annotated[str, typer.Argument(metavar="ID|PATH", help="A criteria set id or file.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the form to this file.")] = None,
    period: Annotated[Optional[str], typer.Option(help="The period the form is for (default: this year).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an assessment or criteria file.")] = False,
    output_format: Annotated[
        TemplateFormat, typer.Option("--format", "-f", help="yaml, or xlsx: a workbook to fill in Excel.")
    ] = TemplateFormat.yaml,
    agencies: Annotated[
        Optional[Path],
        typer.Option(
            "--agencies",
            metavar="LIST",
            help="A CSV or xlsx list (Mã cơ quan, Tên cơ quan, Nhóm, Loại đơn vị): one form per agency (xlsx, or "
            "yaml for `par serve`), its details filled in (locked in xlsx), into the folder --output.",
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Print a blank assessment for a criteria set: every leaf with its rule, max points and evidence asked."""
    import datetime

    from par_cli.render.views import TemplateView
    from par_cli.services.forms import form_reference, refuse_overwrite
    from par_cli.services.workspace import Workspace, find_criteria

    words = shell.language(lang)
    loaded = shell.run(lambda: find_criteria(nfc(reference)), words)
    if output is not None and not force:
        shell.run(lambda: refuse_overwrite(output, loaded.path), words)
    if agencies is not None:
        _agency_forms(agencies, loaded, output, period, force, output_format.value, words.fixed, words)
        return
    named, note = form_reference(nfc(reference), loaded, output, Workspace().resolve)
    form = TemplateView(loaded.model, named, period or str(datetime.date.today().year), words.fixed)
    shell.emit(shell.render("template", output_format.value, form, words), output, words)
    if note is not None:
        shell.note(note, words)


def _agency_forms(
    agencies: Path,
    loaded: Any,
    output: Path | None,
    period: str | None,
    force: bool,
    kind: str,
    lang: str | None,
    words: Tongue,
) -> None:
    """`template --agencies`: every agency's form (xlsx, or yaml: the folder `par serve` serves) into the folder
    --output, all checked before any write."""
    import datetime

    from par_cli.core.unit_max import for_type
    from par_cli.render.views import TemplateView
    from par_cli.services.forms import form_reference, read_agencies, write_forms
    from par_cli.services.workspace import Workspace

    class AgencyForm(TemplateView):  # one listed agency's form: `render.xlsx/yaml.template` fill in its details
        __slots__ = ("agency",)
        agency: Any

    if output is None:
        shell.usage(problem("U002", "agencies-needs-xlsx-folder").at(LineCol("--agencies")), words)
    shell.guard_output(output, words, folders=False)  # a folder of forms
    listed = shell.run(lambda: read_agencies(agencies), words)
    named, _ = form_reference(loaded.model.id, loaded, output / f"x.{kind}", Workspace().resolve)
    forms = {}
    for agency in listed:
        typed, _ = for_type(loaded.model, loaded.nodes, agency.type)  # its type's maxima (`max_by_type`)
        view = AgencyForm(typed, named, period or str(datetime.date.today().year), lang)
        view.agency = agency
        forms[f"{agency.id}.{kind}"] = shell.render("template", kind, view, words)
    shell.run(lambda: write_forms(forms, output, force), words)
    shell.note(msg("note-forms-written", count=len(forms), folder=str(output)), words)


@app.command("import")
def import_table(
    table: Annotated[Path, typer.Argument(help="The office's export: a .xlsx workbook or a .csv file.")],
    criteria: Annotated[str, typer.Option("--criteria", "-c", metavar="ID|PATH", help="The criteria set.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The folder to write one file per agency in.")],
    mapping: Annotated[
        Optional[list[str]], typer.Option("--map", metavar="TITLE=FIELD", help="A column title and what it holds.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace files that exist already.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1, nothing written).")] = False,
    lang: LangOption = None,
) -> None:
    """Turn an export table into one assessment file per agency (every bad row reported before any write)."""
    from par_cli.services.forms import form_reference
    from par_cli.services.importing import FIELDS, import_table, make_folder, write_assessments
    from par_cli.services.workspace import Workspace, find_criteria

    words = shell.language(lang)
    loaded = shell.run(lambda: find_criteria(nfc(criteria)), words)
    fields = shell.run(lambda: map_value(mapping or [], [*FIELDS, *loaded.nodes]), words)
    shell.guard_output(output, words, folders=False)  # a folder of assessments: written to be read
    reference, _ = form_reference(nfc(criteria), loaded, output / "x.yaml", Workspace().resolve)
    files, left_out, doubts = shell.run(
        lambda: import_table(table, loaded.model, loaded.nodes, fields, reference, strict), words
    )
    if files:  # made only when something is written: a refused table leaves no empty folder behind
        shell.run(lambda: make_folder(output), words)
    shell.run(lambda: write_assessments(files, output, force), words)
    shell.warnings(doubts, words)  # a cell read as typed that was likely meant otherwise (A023): said, not dropped
    if left_out:
        shell.note(msg("note-left-out", titles=", ".join(left_out)), words)
    shell.note(msg("note-written", count=len(files), folder=str(output)), words)
