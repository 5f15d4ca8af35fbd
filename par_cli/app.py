"""The one `par` application every command module registers on, and how it starts."""

from __future__ import annotations

import gc
import sys

import typer

from par_cli.options import VersionOption

app = typer.Typer(
    name="par",
    help="PAR Index (Chỉ số cải cách hành chính) calculator: criteria as code, exact scores.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)


@app.callback()
def _root(version: VersionOption = None) -> None:
    """PAR Index calculator."""
    from par_cli.io.files import forget_kinds
    from par_cli.io.output import forget_reading

    forget_kinds()  # each command reads the files as they are now (one process may run several: tests, IDEs)
    forget_reading()  # and guards its own inputs


def main() -> None:
    """`par`: only the command run is registered (typer builds click objects of all, ~9 ms at every start).

    The command modules must be imported first (`par_cli.__main__` does)."""
    name = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else None
    commands = {info.name or info.callback.__name__: info for info in app.registered_commands if info.callback}
    groups = {info.name: info for info in app.registered_groups}
    if name in commands:
        app.registered_commands, app.registered_groups = [commands[name]], []
    elif name in groups:
        app.registered_commands, app.registered_groups = [], [groups[name]]
    # What start-up built lives until the end: the collector need not look at it again during the command, nor in
    # its last pass at exit, which the operating system makes needless (~25 ms of every `par score FILE`).
    gc.freeze()
    try:
        app()
    finally:
        gc.freeze()
