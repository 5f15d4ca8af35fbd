"""`par completion SHELL`: the shell's completion script, printed or installed (PowerShell, bash, zsh, fish).

The script asks `par` itself for completions (`_PAR_COMPLETE`): `main` builds typer's completion only then, so a
plain start never pays for it.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from par_cli.cli import shell
from par_cli.cli.app import app
from par_cli.cli.options import LangOption


class Shell(StrEnum):
    powershell = "powershell"
    bash = "bash"
    zsh = "zsh"
    fish = "fish"


@app.command()
def completion(
    shell_name: Annotated[Shell, typer.Argument(metavar="SHELL", help="The shell to complete par's commands in.")],
    install: Annotated[
        bool, typer.Option("--install", help="Add the script to the shell's profile, instead of printing it.")
    ] = False,
    lang: LangOption = None,
) -> None:
    """Shell completion: the script that completes par's commands, options and files (Tab), printed or installed."""
    from typer import _completion_shared

    from par_cli.core.diagnostics import LineCol, ParError, UsageError, msg, os_reason, problem

    words = shell.language(lang)
    if not install:
        script = _completion_shared.get_completion_script(
            prog_name="par", complete_var="_PAR_COMPLETE", shell=shell_name.value
        )
        shell.stdout(script + "\n", words)
        return

    def installed() -> str:
        import shutil

        if shell_name is Shell.powershell and not (shutil.which("pwsh") or shutil.which("powershell")):
            raise UsageError([problem("U002", "completion-no-powershell").at(LineCol(shell_name.value))])
        try:
            _, path = _completion_shared.install(shell=shell_name.value, prog_name="par", complete_var="_PAR_COMPLETE")
        except OSError as exc:
            where = LineCol(exc.filename or shell_name.value)
            raise ParError([problem("F003", "cannot-write", reason=os_reason(exc)).at(where)]) from None
        return str(path)

    path = shell.run(installed, words)
    shell.note(msg("note-completion-installed", shell=shell_name.value, path=path), words)
