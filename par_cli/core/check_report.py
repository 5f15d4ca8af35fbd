"""What `par check` found: pure data, made by services.checking and shown by views.check."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

from par_cli.core.diagnostics import Diagnostic, Level
from par_cli.core.named_tuple import NamedTuple


class Worded(NamedTuple):
    """A diagnostic already worded where its file was checked (a worker process: `services.check_said`), as the
    streamed report shows it: its place, its level (after `--strict`), its code, and its words (`said`: the text
    format's located line; `hinted`: the message with its hint, for github)."""

    file: str
    line: int
    col: int
    level: Level
    code: str
    said: str
    hinted: str


class CheckReport:
    """Every diagnostic found, in order; how many files were read; each diagnostic's level (its own, else its
    code's: resolved from the code catalogue when the report is made). (A plain class with slots: a dataclass
    costs ~3 M instructions of every `par check` start.)"""

    __slots__ = ("diagnostics", "files", "levels")

    def __init__(self, diagnostics: tuple[Diagnostic, ...], files: int, levels: tuple[Level, ...]) -> None:
        self.diagnostics, self.files, self.levels = diagnostics, files, levels

    def __repr__(self) -> str:
        return f"CheckReport(diagnostics={self.diagnostics!r}, files={self.files!r}, levels={self.levels!r})"

    def count(self, level: Level) -> int:
        return self.levels.count(level)

    def failed(self) -> bool:
        return self.count(Level.ERROR) > 0


class CheckStream:
    """`par check`'s diagnostics as they are found, in the report's order, to be read once (printed as they come:
    a national folder's are never all held); how many files were read and the counts, once they have been read."""

    def __init__(
        self, found: Callable[[CheckStream], Iterator[Diagnostic | Worded]], level: Callable[[Diagnostic], Level]
    ) -> None:
        self.files = 0  # set by `found` once the files are known
        self._found, self._level = found, level
        self._levels: Counter[Level] = Counter()
        self._read = False

    def __iter__(self) -> Iterator[Diagnostic | Worded]:
        assert not self._read, "a check's diagnostics are read once"
        self._read = True
        levels, level = self._levels, self._level
        for diagnostic in self._found(self):
            levels[diagnostic.level if isinstance(diagnostic, Worded) else level(diagnostic)] += 1
            yield diagnostic

    def count(self, level: Level) -> int:
        return self._levels[level]

    def failed(self) -> bool:
        return self.count(Level.ERROR) > 0
