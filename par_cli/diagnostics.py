"""Problems found in input files, as data: located, coded, levelled.

Every layer reports problems by returning `Diagnostic` values; only the CLI prints them.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import NamedTuple

Path = tuple[str | int, ...]


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


VIETNAMESE_LEVELS = {Level.ERROR: "lỗi", Level.WARNING: "cảnh báo", Level.INFO: "thông tin"}


class Diagnostic(NamedTuple):
    """One problem. `path` locates it inside the document; `line`/`col` are filled from the source map."""

    level: Level
    code: str
    message: str
    file: str = ""
    line: int = 0
    col: int = 0
    path: Path = ()
    hint: str = ""

    def located(self, file: str, line: int, col: int) -> Diagnostic:
        return self._replace(file=file, line=line, col=col)

    def render(self, with_code: bool = False, lang: str = "en") -> str:
        """`file:line:col: level CODE message (hint: …)` — one line, always; in Vietnamese with lang="vi"."""
        where = self.file
        if self.line:
            where += f":{self.line}:{self.col}"
        level, message, hint, hint_word = self.level.value, self.message, self.hint, "hint"
        if lang == "vi":
            from par_cli.messages_vi import vietnamese_hint, vietnamese_message

            level, hint_word = VIETNAMESE_LEVELS[self.level], "gợi ý"
            message, hint = vietnamese_message(message), vietnamese_hint(hint) if hint else ""
        label = f"{level} {self.code}" if with_code else level
        text = f"{where}: {label}: {message}"
        if hint:
            text += f" ({hint_word}: {hint})"
        return " ".join(text.split("\n"))


def error(code: str, message: str, path: Path = (), hint: str = "") -> Diagnostic:
    return Diagnostic(Level.ERROR, code, message, path=path, hint=hint)


def warning(code: str, message: str, path: Path = (), hint: str = "") -> Diagnostic:
    return Diagnostic(Level.WARNING, code, message, path=path, hint=hint)


def info(code: str, message: str, path: Path = (), hint: str = "") -> Diagnostic:
    return Diagnostic(Level.INFO, code, message, path=path, hint=hint)


def sort_key(d: Diagnostic) -> tuple[str, int, int, str, str]:
    return (d.file, d.line, d.col, d.code, d.message)


class ParError(Exception):
    """Input problems that stop a command: the CLI prints them and exits with code 1."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = tuple(sorted(diagnostics, key=sort_key))
        super().__init__("\n".join(d.render() for d in self.diagnostics))


def errors_only(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.level is Level.ERROR]


def format_path(path: Path) -> str:
    """`areas[0].children[2].max`, `answers["1.1.2"].self`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.replace("_", "").isalnum() and not part[:1].isdigit():
            out += f".{part}" if out else part
        else:
            out += f'["{part}"]'
    return out
