"""The one `par` application every command module registers on, and how it starts."""

from __future__ import annotations

import codecs
import gc
import os
import sys

import typer

from par_cli.cli.options import VersionOption

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
    from par_cli.io.output import forget_reading
    from par_cli.readers.files import forget_kinds

    forget_kinds()  # each command reads the files as they are now (one process may run several: tests, IDEs)
    forget_reading()  # and guards its own inputs
    doubts = sys.modules.get("par_cli.services.doubts")  # not imported at start-up
    if doubts is not None:
        doubts.forget_doubts()  # and says the doubts about its own files


def main() -> None:
    """`par`: only the command run is registered (typer builds click objects of all, ~9 ms at every start).

    The command modules must be imported first (`par_cli.__main__` does)."""
    utf8_streams()
    if "_PAR_COMPLETE" in os.environ or {"--install-completion", "--show-completion"} & set(sys.argv[1:]):
        app._add_completion = True  # typer's shell completion: built only when asked for, never at a plain start
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
    from par_cli.cli.speech import before_parsing

    lang = before_parsing(sys.argv[1:])  # the help and click's usage errors in the run's language
    from par_cli.words.languages import SOURCE

    if "--help" in sys.argv or "-h" in sys.argv:  # metavars kept whole, in the run's language
        from par_cli.cli.help_words import whole_metavars

        whole_metavars(lang)

    try:
        if lang == SOURCE:  # the help's words as the code writes them
            app()
        else:
            from par_cli.cli.help_words import speaking

            with speaking(lang):
                app()
    finally:
        gc.freeze()


def utf8_streams() -> None:
    """Standard output and error as UTF-8 when they are a file or a pipe (Windows Python writes those in the ANSI
    code page, cp1252 or cp1258, where Vietnamese cannot be written); an interactive console keeps its encoding.
    Either way a character the stream cannot take is written as readably as it can be (`readable`), never a
    traceback. Nothing is written yet at start-up, so the streams can be re-encoded."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:  # None (pythonw), or a stream a caller put there without `reconfigure`
            continue
        try:
            encoding = "utf-8" if not stream.isatty() else codecs.lookup(stream.encoding).name
            reconfigure(encoding=encoding, errors=readable(encoding))
        except (OSError, ValueError, LookupError, TypeError):  # a closed stream: writing to it says so later
            continue


def readable(encoding: str) -> str:
    """The name of an error handler writing what `encoding` lacks as readably as it can (`_shown`). Each encoding
    has its own: a code page's handler is told only "charmap", not which one."""
    name = f"par.readable.{encoding}"
    codecs.register_error(name, lambda exc: _replaced(exc, encoding))
    return name


def _replaced(exc: UnicodeError, encoding: str) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    return "".join(_shown(char, encoding) for char in exc.object[exc.start : exc.end]), exc.end


_PLAIN = {  # letters and signs with no decomposition, as ASCII: what par's tables and messages use
    **{"Đ": "D", "đ": "d", "Δ": "D", "−": "-", "→": "->", "↳": "->", "≈": "~", "≥": ">=", "…": "..."},
    **{"▲": "^", "▼": "v", "●": "*", "─": "-", "═": "=", "│": "|"},
    **{chr(block): "#" for block in range(0x2581, 0x2590)},  # a bar chart's blocks
}


def _shown(char: str, encoding: str) -> str:
    """`ộ` on a cp1258 console as `ô` and the combining dot below that cp1258 has, `Sở` on a cp1252 console as `So`
    (the letter without the marks it has no room for), else `?`; a lone surrogate (a file name's undecodable
    byte) as `\\xff`."""
    import itertools
    import unicodedata

    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    if 0xD800 <= code <= 0xDFFF:
        return f"\\u{code:04x}"
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    best, kept_most = _PLAIN.get(char, "?"), -1
    for n in range(len(marks), -1, -1):  # the marks composed into the letter, the others combining if they fit
        for composed in itertools.combinations(marks, n):
            letter = unicodedata.normalize("NFC", base + "".join(composed))
            if len(letter) > 1 or not _fits(letter, encoding):
                continue
            combining = [mark for mark in marks if mark not in composed and _fits(mark, encoding)]
            if n + len(combining) > kept_most:
                best, kept_most = letter + "".join(combining), n + len(combining)
    return best


def _fits(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True
