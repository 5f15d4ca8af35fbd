"""Problems as data: a stable code, a message id with its arguments, a place, and a hint.

The core names the place inside a document (`DocPath`); io turns it into a `Location` (file:line:col, a
spreadsheet cell, a row). Words are made only at the edge, from the catalogue in `par_cli.words`; the level
of a code comes from there too, unless a diagnostic overrides it (`par check --strict`).
"""

# Annotations are evaluated here (no `from __future__ import annotations`): typing.NamedTuple checks each
# field's type, and a type written as text costs a compile (~1 ms of every start for these). Not core.named_tuple,
# which skips the check: importing it here makes an import chain from `__main__` seven steps long (test_architecture).
import errno
from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

DocPath = tuple[str | int, ...]


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Msg(NamedTuple):
    """A message by id, with its arguments (text, numbers, or other messages), worded by the catalogue."""

    id: str
    args: tuple[tuple[str, Any], ...] = ()

    def arg(self, name: str) -> Any:
        return dict(self.args)[name]


def msg(id: str, /, **args: Any) -> Msg:
    return Msg(id, tuple(args.items()))


class Ref(NamedTuple):
    """An argument naming another place in the same document: worded as its line number once placed."""

    path: DocPath


class LineCol(NamedTuple):
    """`file:line:col`; a line of 0 means the whole file (`file`)."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}" if self.line else self.file

    @property
    def order(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.col, "")


class Cell(NamedTuple):
    """`file:Sheet!E12`: a cell of a workbook."""

    file: str
    sheet: str
    cell: str
    line: int = 0  # the cell's row, for ordering
    col: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.sheet}!{self.cell}"

    @property
    def order(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.col, self.sheet)


class Row(NamedTuple):
    """`file:row` or `file:row:column`: a row of a table (the header is row 1)."""

    file: str
    line: int
    column: str = ""
    col: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" + (f":{self.column}" if self.column else "")

    @property
    def order(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.col, self.column)


class TableRow(NamedTuple):
    """`file:table 2:row 6`: a row of a table in a Word document (an annex), numbered as Word shows them."""

    file: str
    table: int
    line: int  # the row
    col: int = 0

    def __str__(self) -> str:
        return f"{self.file}:table {self.table}:row {self.line}"

    @property
    def order(self) -> tuple[str, int, int, str]:
        return (self.file, self.table, self.line, "")


Location = LineCol | Cell | Row | TableRow
NOWHERE = LineCol("")


class Diagnostic(NamedTuple):
    code: str
    message: Msg
    path: DocPath = ()
    where: Location = NOWHERE
    hint: Msg | None = None
    level: Level | None = None  # None: the catalogue's level for the code
    key: bool = False  # the place is the key at `path` (an unknown field), not its value

    def at(self, where: Location) -> "Diagnostic":
        return self._replace(where=where)

    @property
    def file(self) -> str:
        return self.where.file


def problem(code: str, id: str, path: DocPath = (), hint: Msg | None = None, /, **args: Any) -> Diagnostic:
    """A diagnostic of `code`, worded by message `id` with `args`, at `path` in the document.

    `path` and `hint` may also be given by keyword: no message has arguments of those names."""
    path = args.pop("path", path)
    hint = args.pop("hint", hint)
    return Diagnostic(code, msg(id, **args), path, hint=hint)


if TYPE_CHECKING:  # a type only: defining a Protocol class costs start-up time on every run

    class Origin(Protocol):
        """Where a document came from, able to locate a path inside it (io's parsed documents are origins)."""

        @property
        def file(self) -> str: ...

        def locate(self, path: DocPath, *, key: bool = False) -> Location: ...


def placed(origin: "Origin", diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics with their document paths turned into locations in `origin` (and `Ref`s into lines)."""
    out = []
    for d in diagnostics:
        if any(isinstance(value, Ref) for _, value in d.message.args):
            args = tuple((k, origin.locate(v.path).line if isinstance(v, Ref) else v) for k, v in d.message.args)
            d = d._replace(message=d.message._replace(args=args))
        out.append(d.at(origin.locate(d.path, key=d.key)))
    return out


def order(d: Diagnostic) -> tuple[tuple[str, int, int, str], str, str, str]:
    """Files in order, then lines and columns, then codes; then the message, so that the order is stable."""
    return (d.where.order, d.code, d.message.id, repr(d.message.args))


class ParError(Exception):
    """Input problems that stop a command: the CLI words them, prints them and exits with code 1."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        # one problem once: a broken criteria set is reached by every file that uses it
        self.diagnostics = tuple(sorted(dict.fromkeys(diagnostics), key=order))
        super().__init__(", ".join(f"{d.where} {d.code} {d.message.id}" for d in self.diagnostics))


class UsageError(ParError):
    """A command-line value that cannot be used: the CLI prints the lines and exits with code 2."""


_OS_REASONS = {  # errno → the message that says it in the user's words (`os.*`); others: the system's own text
    errno.ENOENT: "os.no-such-path",
    errno.ENOTDIR: "os.not-a-folder",
    errno.EISDIR: "os.is-a-folder",
    errno.EACCES: "os.no-permission",
    errno.EPERM: "os.no-permission",
    errno.ENOSPC: "os.disk-full",
    errno.EROFS: "os.read-only",
    errno.EEXIST: "os.exists",
    errno.EBUSY: "os.in-use",
    errno.ENAMETOOLONG: "os.name-too-long",
    errno.EPIPE: "os.pipe-closed",  # `par rank … | head`: the reader stopped reading
}
_WINDOWS_IN_USE = (32, 33)  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION: the file is open in Excel or Word


def os_reason(exc: OSError) -> Msg | str:
    """Why the system refused a read or a write, as a message (words in the user's language), else its own text."""
    if getattr(exc, "winerror", None) in _WINDOWS_IN_USE:
        return msg("os.in-use")
    found = _OS_REASONS.get(exc.errno) if exc.errno is not None else None
    return msg(found) if found is not None else exc.strerror or str(exc)
