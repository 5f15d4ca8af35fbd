"""The command line's side of the world: results to stdout or --output, problems to stderr, exit codes.

Only `cli/commands.py` uses it. A failing standard output (a closed pipe as in `par rank … | head -1`, a full disk, a
closed descriptor) gives one line on stderr and exit code 1, never a traceback and never exit 0.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import typer

from par_cli.cli.speech import Tongue, words
from par_cli.core.diagnostics import Diagnostic, LineCol, Msg, ParError, UsageError, msg, order, os_reason, problem

if TYPE_CHECKING:
    from rich.console import Console

    from par_cli.views.report import Report

T = TypeVar("T")
BAR_WIDTH = 100  # terminal columns from which tables carry a bar chart column
STDOUT = "<stdout>"
FILE_WIDTH = 120  # columns of a table written to a file


def language(lang: Enum | None) -> Tongue:
    """The language of this command: the one decision (`speech.Tongue`, `words.language.decide`) every line and
    report follows. A `PAR_LANG` par does not speak is said once (U004) and passed over."""
    from par_cli.cli.speech import environment_unknown
    from par_cli.words.languages import codes, problems

    tongue = Tongue(lang.value if lang is not None else None)
    unknown = environment_unknown()
    said = [  # a translator's language files (PAR_LANGUAGES): U005
        problem("U005", p.message, hint=msg(p.hint) if p.hint else None, **p.args).at(LineCol(p.file, p.line, p.col))
        for p in problems()
    ]
    if unknown is not None:
        known = ", ".join(codes())
        wrong = problem("U004", "par-lang-unknown", hint=msg("hint.par-lang", known=known), value=unknown, known=known)
        said.append(wrong.at(LineCol("PAR_LANG")))
    if said:
        warnings(said, tongue)
    return tongue


def fail(diagnostics: Iterable[Diagnostic], lang: str | Tongue, code: int = 1) -> NoReturn:
    """Each diagnostic as one coded, located line on stderr; then exit (1: the inputs, 2: the usage)."""
    from par_cli.words.catalogue import line

    said = words(lang)  # decided now: a criteria set read before the failure is known
    text = "".join(line(diagnostic, said) + "\n" for diagnostic in sorted(diagnostics, key=order))
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (OSError, AttributeError):
        pass  # stderr itself is gone: the exit code still says it
    raise typer.Exit(code)


def run(action: Callable[[], T], lang: str | Tongue) -> T:
    """Run a command body; input problems become one located line each on stderr and exit code 1 (2 for usage)."""
    from par_cli.readers.files import left_out  # files of the folders searched that were left out: one note each

    try:
        result = action()
    except UsageError as exc:
        _cache_said(lang)
        fail([*exc.diagnostics, *left_out()], lang, 2)
    except ParError as exc:
        _cache_said(lang)
        fail([*exc.diagnostics, *left_out(), *_doubted()], lang)
    _cache_said(lang)
    warnings([*left_out(), *_doubted()], lang)
    return result


def _doubted() -> list[Diagnostic]:
    """Inputs of the files scored that were likely misread (A023, `services.doubts.doubted`): said by every
    command that scored them, never only by `par check`."""
    doubts = sys.modules.get("par_cli.services.doubts")  # not imported: nothing scored, nothing to say
    return list(doubts.doubted()) if doubts is not None else []


def _cache_said(lang: str | Tongue) -> None:
    """The results cache's warnings (`services.cache.said`), if the command used it, in the run's language."""
    cache = sys.modules.get("par_cli.services.cache")  # not imported: nothing to say, and no import at start-up
    if cache is None:
        return
    from par_cli.words.catalogue import text
    from par_cli.words.labels import label

    said = words(lang)
    with contextlib.suppress(OSError, AttributeError):
        sys.stderr.write("".join(f"{label('level.warning', said)}: {text(m, said)}\n" for m in cache.said()))


def warnings(diagnostics: Iterable[Diagnostic], lang: str | Tongue) -> None:
    """Lines that do not stop the command (small samples…), on stderr."""
    from par_cli.words.catalogue import line

    with contextlib.suppress(OSError, AttributeError):
        sys.stderr.write("".join(line(d, words(lang)) + "\n" for d in sorted(diagnostics, key=order)))


def usage(diagnostic: Diagnostic, lang: str | Tongue) -> NoReturn:
    fail([diagnostic], lang, 2)


def usage_all(diagnostics: list[Diagnostic], lang: str | Tongue) -> NoReturn:
    fail(diagnostics, lang, 2)


def note(message: Msg, lang: str | Tongue) -> None:
    """A line on stderr that is not a problem: `note: …`."""
    from par_cli.words.catalogue import text
    from par_cli.words.labels import label

    with contextlib.suppress(OSError, AttributeError):
        said = words(lang)
        sys.stderr.write(f"{label('note', said)}: {text(message, said)}\n")


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def render(command: str, fmt: str, view: Any, lang: str | Tongue) -> Any:
    """The view in the format asked for; a missing optional package is an error naming how to install it."""
    from par_cli.render import renderer

    return _formatted(lambda: renderer(command, fmt)(view), fmt, lang)


def write(report: Report, fmt: str, lang: str | Tongue) -> Any:
    """A command's report (`par_cli.views`) in the format asked for, by the format's writer (a table: drawn by
    `show`, which knows where it goes)."""
    if fmt == "table":
        return _Table(report)
    from par_cli.writers import write as written

    return _formatted(lambda: written(report, fmt), fmt, lang)


class _Table:
    """A report to draw as a table: without rich where rich would draw no style (`writers.plain`)."""

    __slots__ = ("report",)

    def __init__(self, report: Report) -> None:
        self.report = report

    def drawn(self, output: Path | None) -> str | None:
        """The text for standard output drawn without rich (None: rich draws it)."""
        from par_cli.cli.screen import plain

        width = plain() if output is None else None
        if width is None:
            return None
        from par_cli.writers.plain import write as plain_write

        return plain_write(self.report, width)


def _formatted(make: Callable[[], Any], fmt: str, lang: str | Tongue) -> Any:
    """What `make` returns; a missing optional package is an error naming how to install it."""
    try:
        return make()
    except ModuleNotFoundError as exc:
        package = (exc.name or "openpyxl").split(".")[0]  # `openpyxl.styles` missing: openpyxl is
        install = "pip install " + ("python-docx" if package in ("docx", "lxml") else package)
        missing = problem("F004", "missing-package", format=fmt, package=package, install=install)
        fail([missing.at(LineCol("par"))], lang)


def stdout(text: str, lang: str | Tongue) -> None:
    """Print text on standard output, or say in one line why it could not be printed."""
    out = sys.stdout
    try:
        if out is None:
            raise BrokenPipeError(9, "standard output is closed")
        out.write(text)
        out.flush()
    except OSError as exc:
        _silence_stdout()
        reason = os_reason(exc)
        fail([problem("F003", "cannot-print", reason=reason).at(LineCol(STDOUT))], lang)


def _silence_stdout() -> None:
    """Point fd 1 at /dev/null, so that the interpreter's last flush at exit cannot fail once more."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


def emit(content: str | bytes | Iterator[str], output: Path | None, lang: str | Tongue) -> None:
    """Text (whole or in pieces) to stdout or --output; bytes (a workbook) only to --output."""
    if output is None:
        if isinstance(content, bytes):
            usage(problem("U001", "binary-needs-output").at(LineCol("par")), lang)
        from par_cli.words.literal import visible

        # text formats: a control character in a file never drives the terminal
        for piece in [content] if isinstance(content, str) else _batched(content):
            stdout(visible(piece), lang)
        return
    from par_cli.io.output import guard, write

    run(lambda: guard(output, named_inputs()[0]), lang)  # nor onto a file read since (`io.output.reading`)
    named_for(content, output, lang)
    try:
        write(output, content)
    except OSError as exc:
        reason = os_reason(exc)
        fail([problem("F003", "cannot-write", reason=reason).at(LineCol(str(output)))], lang)


def _batched(pieces: Iterator[str], size: int = 1 << 16) -> Iterator[str]:
    """Pieces of text joined into writes of about `size` characters."""
    kept: list[str] = []
    length = 0
    for piece in pieces:
        kept.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(kept)
            kept, length = [], 0
    if kept:
        yield "".join(kept)


DOCUMENTS = {"docx": (b"word/document.xml", "output.word"), "xlsx": (b"xl/workbook.xml", "output.excel")}


def named_for(content: str | bytes | Iterator[str], output: Path, lang: str | Tongue) -> None:
    """A Word or Excel file is opened by its name: text under `x.docx` (`-o x.docx` without `-f docx`) or a Word
    document under `x.md` would be a file nobody can open, written without a word (U001, nothing written)."""
    from par_cli.io.suffixes import kind_of_suffix
    from par_cli.words.labels import label

    made = next((fmt for fmt, (mark, _) in DOCUMENTS.items() if isinstance(content, bytes) and mark in content), None)
    named = kind_of_suffix(output)  # `docx`, `xlsx`… as every command reads a name (`io.suffixes`)
    if made is None and named in DOCUMENTS:
        wrong, fmt = "output-text-as-document", named
    elif made is not None and named != made:
        wrong, fmt = "output-document-misnamed", made
    else:
        return
    kind = label(DOCUMENTS[fmt][1], words(lang))
    usage(problem("U001", wrong, file=str(output), kind=kind, fmt=fmt).at(LineCol("par")), lang)


def show(rendered: Any, output: Path | None, lang: str | Tongue) -> None:
    """Print a renderable on the terminal (or as plain text into --output); write text or bytes as they are,
    and text given in pieces (an iterator of strings) piece by piece."""
    if isinstance(rendered, str | bytes | Iterator):
        emit(rendered, output, lang)
        return
    if isinstance(rendered, _Table):
        text = rendered.drawn(output)
        if text is not None:
            stdout(text, lang)
            return
        from par_cli.writers import write as written

        rendered = written(rendered.report, "table")
    from rich.console import Console

    if output is None:  # rendered into text first: writing it is the one place a full disk or closed pipe shows
        screen = console()
        kept = Console(
            file=_Kept(screen.encoding),  # rich draws ASCII boxes for a screen that takes no other
            width=screen.width,
            color_system=screen.color_system,  # type: ignore[arg-type]
            force_terminal=screen.is_terminal,
            no_color=screen.no_color,
            highlight=False,
            soft_wrap=False,
        )
        kept.print(rendered)
        stdout(kept.file.getvalue(), lang)  # type: ignore[attr-defined]
        return

    plain = Console(width=FILE_WIDTH, no_color=True, highlight=False, file=io.StringIO())
    plain.print(rendered)
    emit(plain.file.getvalue(), output, lang)  # type: ignore[attr-defined]


class _Kept(io.StringIO):
    """Text kept for a screen whose encoding is `encoding`."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


def bars(output: Path | None) -> bool:
    """Bar charts in tables: in files, and on terminals wide enough to keep every figure."""
    from par_cli.cli.screen import width

    return output is not None or width() >= BAR_WIDTH


def progress(lang: str | Tongue) -> Callable[[str, int], Callable[[int], None]]:
    """A progress bar on stderr for long runs when stderr is a terminal; otherwise nothing."""

    def start(what: str, total: int) -> Callable[[int], None]:
        if sys.stderr is None or not sys.stderr.isatty() or total < 200:
            return lambda n: None
        from rich.progress import Progress

        from par_cli.words.labels import label

        bar = Progress(console=console(stderr=True), transient=True)
        task = bar.add_task(label("scoring_" + ("this" if what == "this year" else "last"), words(lang)), total=total)
        bar.start()

        def advance(n: int) -> None:
            bar.advance(task, n)
            if bar.finished:
                bar.stop()

        return advance

    return start


def output_checked(output_format: str, output: Path | None, lang: str | Tongue) -> None:
    """A workbook needs `--output` (U001); an output never lands on an input (`guard_output`)."""
    if output_format == "xlsx" and output is None:
        usage(problem("U001", "xlsx-needs-output").at(LineCol("par")), lang)
    guard_output(output, lang)


def guard_output(output: Path | None, lang: str | Tongue, folders: bool = True) -> None:
    """An output never lands on a file the command line names (any argument or option: `named_inputs`), nor
    (`folders`: unless the output is written to be read there) an input file in a folder it names (U003).
    Checked again as the output is written, with every file read meanwhile (`emit`)."""
    if output is not None:
        from par_cli.io.output import guard

        files, inside = named_inputs()
        run(lambda: guard(output, files, inside if folders else ()), lang)


def named_inputs() -> tuple[list[Path], list[Path]]:
    """The files and the folders the running command's line names: every value of every argument and option but
    `--output` that is a path, or a text naming a file (`--criteria FILE`, `--against FILE`), so that an option
    added later is guarded too."""
    try:
        from typer._click.globals import get_current_context  # the click typer carries (0.26 on)
    except ImportError:  # pragma: no cover - an earlier typer, on click
        from click import get_current_context  # type: ignore[import-not-found, no-redef, unused-ignore]

    context = get_current_context(silent=True)
    files: list[Path] = []
    folders: list[Path] = []
    for param in context.command.params if context is not None else []:
        value = context.params.get(param.name or "") if context is not None else None
        for item in value if isinstance(value, list | tuple) else [value]:
            if param.name == "output" or not isinstance(item, str | Path):
                continue
            path = Path(item)
            if param.type.name == "path" or path.is_file():
                (folders if path.is_dir() else files).append(path)
    return files, folders
