"""The help and click's own words in the run's language (`speech.before_parsing`): the app's, each command's and
each option's help (the `help.*` texts of the language files), and click's and typer's fixed words and error
messages (`click.*`).

The click that typer carries has no translation hook (no gettext), so its words are put in place here, for the
time of one run (`speaking`), before the command line is parsed: typer's panel titles (module constants), the
usage line's prefix, the help texts of the click objects typer builds, and each usage error as it is shown. Only
a run in another language than English pays for this; everything is put back afterwards (tests run `main` in one
process, one language after the other).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from par_cli.words.catalogue import click_text, help_text
from par_cli.words.languages import SOURCE

_CONSTANTS = ("ARGUMENTS_PANEL_TITLE", "OPTIONS_PANEL_TITLE", "COMMANDS_PANEL_TITLE", "ERRORS_PANEL_TITLE")
_FIXED = ("ABORTED_TEXT", "DEFAULT_STRING", "REQUIRED_LONG_STRING", "RICH_HELP")


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Within this block, help and usage errors in `lang` (English: as typer writes them)."""
    if lang == SOURCE:  # the words as the code writes them
        yield
        return
    import typer.main
    from typer import _click, rich_utils

    formatter, command_class = _click.formatting.HelpFormatter, _click.core.Command
    saved: list[tuple[Any, str, Any]] = [
        *((rich_utils, name, getattr(rich_utils, name)) for name in (*_CONSTANTS, *_FIXED, "rich_format_error")),
        (formatter, "write_usage", formatter.write_usage),
        (command_class, "get_help_option", command_class.get_help_option),
        (typer.main, "get_command", typer.main.get_command),
    ]
    write_usage, get_help_option = formatter.write_usage, command_class.get_help_option
    get_command, format_error = typer.main.get_command, rich_utils.rich_format_error

    def usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, click_text("Usage: ", lang) if prefix is None else prefix)

    def help_option(self: Any, ctx: Any) -> Any:
        option = get_help_option(self, ctx)
        if option is not None and option.help:
            option.help = help_text(option.help, lang)
        return option

    def command(app: Any) -> Any:  # `Typer.__call__` builds the click objects with it
        built = get_command(app)
        _translated(built, lang)
        return built

    def error(exc: Any) -> None:
        shown = exc.format_message
        exc.format_message = lambda: click_text(shown(), lang)
        format_error(exc)

    try:
        for name in (*_CONSTANTS, *_FIXED):
            setattr(rich_utils, name, click_text(getattr(rich_utils, name), lang))
        formatter.write_usage = usage  # type: ignore[method-assign]
        command_class.get_help_option = help_option  # type: ignore[method-assign]
        typer.main.get_command = command  # type: ignore[assignment]
        rich_utils.rich_format_error = error  # type: ignore[assignment]
        yield
    finally:
        for owner, name, value in saved:
            setattr(owner, name, value)


def whole_metavars(lang: str) -> None:
    """An option's metavar (`<table | json | csv>`) spaced at its choices, so that a narrow help wraps between
    them and never inside one (`<table|json|csv|markdown|h` / `tml|xlsx|docx>` at 80 columns); in `lang` when
    the catalogue words it (`click.metavar-*`: `<path>`, `<int>`, PERCENT). For the run (`app.main`)."""
    from typer import core

    made = getattr(core.TyperOption.make_metavar, "made", core.TyperOption.make_metavar)

    def make_metavar(self: Any, ctx: Any) -> str:
        metavar: str = made(self, ctx=ctx)
        if lang != SOURCE:
            metavar = click_text(metavar, lang)
        return metavar.replace("|", " | ") if metavar.startswith("<") and metavar.endswith(">") else metavar

    make_metavar.made = made  # type: ignore[attr-defined]
    core.TyperOption.make_metavar = make_metavar  # type: ignore[method-assign]


def _argument_words(param: Any, lang: str) -> None:
    """An argument's name (`{paths}...` in the usage line, its row in the panel) and its type (`<path>`) in `lang`:
    typer shows both as they are written in the code. The type is copied: click's types are shared singletons."""
    import copy

    from par_cli.words.languages import words

    name = words(lang).get(f"click.argument-{param.name}")
    if param.metavar is not None:  # written in the code (ID|PATH): the catalogue's words for it, if any
        param.metavar = click_text(param.metavar, lang)
    elif name is not None:
        param.metavar = name + ("..." if param.nargs != 1 else "")
    type_name = getattr(param.type, "name", "")
    shown = click_text(f"<{type_name}>", lang)
    if type_name and shown != f"<{type_name}>" and shown.startswith("<") and shown.endswith(">"):
        param.type = copy.copy(param.type)
        param.type.name = shown[1:-1]


def _translated(command: Any, lang: str) -> None:
    """A click command, its parameters and its subcommands with their help in `lang`."""
    for name in ("help", "short_help"):
        if getattr(command, name, None):
            setattr(command, name, help_text(getattr(command, name), lang))
    for name in ("options_metavar", "subcommand_metavar"):  # the usage line's [OPTIONS], COMMAND [ARGS]...
        if getattr(command, name, None):
            setattr(command, name, click_text(getattr(command, name), lang))
    for param in command.params:
        if getattr(param, "help", None):
            param.help = help_text(param.help, lang)
        if param.param_type_name == "argument":
            _argument_words(param, lang)
    for sub in getattr(command, "commands", {}).values():
        _translated(sub, lang)
