"""`par check`'s diagnostics in the report's order (`core.diagnostics.order`: file, place, code, message), each
once, printed as they are found: assessments are checked in the order of their names, so each one's diagnostics
follow the last one's; what other files get (criteria sets, office, appraisal and survey files, notes on folders)
is held, few, and merged in at its place. Files that may still get diagnostics once every assessment is read
(an appraisal file's agencies none claims) hold back every assessment named after them, to the end."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from typing import Any

from par_cli.core.diagnostics import Diagnostic, Level, order
from par_cli.words.codes import level_of

Key = tuple[Any, ...]


class Ordered:
    """Diagnostics in, in the report's order out; `strict`: warnings become errors as they leave."""

    def __init__(self, strict: bool, late: str | None) -> None:
        self.strict = strict
        self.late = late  # the first name of the files that may get diagnostics at the end; None: none
        self._held: list[tuple[Key, int, Diagnostic]] = []
        self._count = 0
        self._last: Key | None = None
        self._same: list[Diagnostic] = []  # those given out with the last key (a diagnostic twice: once)

    def hold(self, found: Iterable[Diagnostic]) -> None:
        for diagnostic in found:
            self._count += 1
            heapq.heappush(self._held, (order(diagnostic), self._count, diagnostic))

    def file(self, name: str, found: Iterable[Diagnostic]) -> Iterator[Diagnostic]:
        """One assessment's diagnostics (`name`: its place's file name), after the last one's."""
        own: list[Diagnostic] = []
        elsewhere: list[Diagnostic] = []
        for diagnostic in found:
            (own if diagnostic.where.file == name else elsewhere).append(diagnostic)
        self.hold(elsewhere)
        if self.late is not None and name >= self.late:
            self.hold(own)
            return
        held = self._held
        for key, _, diagnostic in sorted((order(d), n, d) for n, d in enumerate(own)):
            while held and held[0][0] <= key:
                yield from self._out(*heapq.heappop(held)[::2])
            yield from self._out(key, diagnostic)

    def rest(self) -> Iterator[Diagnostic]:
        """Everything still held, in order."""
        held = self._held
        while held:
            yield from self._out(*heapq.heappop(held)[::2])

    def _out(self, key: Key, diagnostic: Diagnostic) -> Iterator[Diagnostic]:
        if key != self._last:
            self._last = key
            self._same = []
        elif diagnostic in self._same:
            return
        self._same.append(diagnostic)  # compared, not hashed: a key is rarely given twice
        if self.strict and level_of(diagnostic) is Level.WARNING:
            diagnostic = diagnostic._replace(level=Level.ERROR)
        yield diagnostic
