"""What `par check` found: pure data, made by services.checking and shown by views.check."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from par_cli.core.diagnostics import Diagnostic, Level


@dataclass(frozen=True)
class CheckReport:
    """Every diagnostic found, in order; how many files were read; each diagnostic's level (its own, else its
    code's: resolved from the code catalogue when the report is made)."""

    diagnostics: tuple[Diagnostic, ...]
    files: int
    levels: tuple[Level, ...]

    def count(self, level: Level) -> int:
        return self.levels.count(level)

    def failed(self) -> bool:
        return self.count(Level.ERROR) > 0


class CheckStream:
    """`par check`'s diagnostics as they are found, in the report's order, to be read once (printed as they come:
    a national folder's are never all held); how many files were read and the counts, once they have been read."""

    def __init__(self, found: Callable[[CheckStream], Iterator[Diagnostic]], level: Callable[[Diagnostic], Level]):
        self.files = 0  # set by `found` once the files are known
        self._found, self._level = found, level
        self._levels: Counter[Level] = Counter()
        self._read = False

    def __iter__(self) -> Iterator[Diagnostic]:
        assert not self._read, "a check's diagnostics are read once"
        self._read = True
        for diagnostic in self._found(self):
            self._levels[self._level(diagnostic)] += 1
            yield diagnostic

    def count(self, level: Level) -> int:
        return self._levels[level]

    def failed(self) -> bool:
        return self.count(Level.ERROR) > 0
