"""`par check`'s diagnostics in the report's order (`core.diagnostics.order`: file, place, code, message), each
once, printed as they are found: assessments are checked in the order of their names, so each one's diagnostics
follow the last one's; what other files get (criteria sets, office, appraisal and survey files, notes on folders)
is held, few, and merged in at its place. Files that may still get diagnostics once every assessment is read
(an appraisal file's agencies none claims) hold back every assessment named after them, to the end.

A file checked in a worker may come already worded (`services.check_said.Said`): its lines are given out as they
are (`core.check_report.Worded`) when the run's language, decided at the first line given out (`now`), is the
one they were worded in; else (and to compare one with a diagnostic given twice) as the diagnostics they say,
the file checked again here (`again`)."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from par_cli.core.diagnostics import Diagnostic, Level, order
from par_cli.words.codes import level_of

if TYPE_CHECKING:
    from par_cli.core.check_report import Worded
    from par_cli.services.check_said import Said

Key = tuple[Any, ...]
Item = Diagnostic | tuple["Said", int]  # a diagnostic, or the i-th line of a file worded in a worker


class Ordered:
    """Diagnostics in, in the report's order out; `strict`: warnings become errors as they leave."""

    def __init__(
        self,
        strict: bool,
        late: str | None,
        now: Callable[[], str] | None = None,
        again: Callable[[str], list[Diagnostic]] | None = None,
    ) -> None:
        self.strict = strict
        self.late = late  # the first name of the files that may get diagnostics at the end; None: none
        self.now = now  # the run's language as known now (files worded in workers); None: none is
        self.lang: str | None = None  # decided at the first line given out
        self.again = again  # a file worded in a worker, checked here: its diagnostics, as `check_said.kept`
        self._held: list[tuple[Key, int, Item]] = []
        self._count = 0
        self._last: Key | None = None
        self._same: list[Item] = []  # those given out with the last key (a diagnostic twice: once)
        self._again: tuple[Said | None, tuple[Diagnostic, ...]] = (None, ())

    def hold(self, found: Iterable[Diagnostic]) -> None:
        for diagnostic in found:
            self._count += 1
            heapq.heappush(self._held, (order(diagnostic), self._count, diagnostic))

    def file(self, name: str, found: Iterable[Diagnostic], said: Said | None = None) -> Iterator[Diagnostic | Worded]:
        """One assessment's diagnostics (`name`: its place's file name), after the last one's; `said`: its own,
        worded in a worker (then `found` holds those of other files, and any the parent found in it)."""
        own: list[Diagnostic] = []
        elsewhere: list[Diagnostic] = []
        for diagnostic in found:
            (own if diagnostic.where.file == name and said is None else elsewhere).append(diagnostic)
        self.hold(elsewhere)
        late = self.late is not None and name >= self.late
        held = self._held
        if said is not None:
            for n, key in enumerate(said.keys):
                if late:
                    self._count += 1
                    heapq.heappush(held, (key, self._count, (said, n)))
                    continue
                while held and held[0][0] <= key:
                    yield from self._out(*heapq.heappop(held)[::2])
                yield from self._out(key, (said, n))
            return
        if late:
            self.hold(own)
            return
        for key, _, diagnostic in sorted((order(d), n, d) for n, d in enumerate(own)):
            while held and held[0][0] <= key:
                yield from self._out(*heapq.heappop(held)[::2])
            yield from self._out(key, diagnostic)

    def rest(self) -> Iterator[Diagnostic | Worded]:
        """Everything still held, in order."""
        held = self._held
        while held:
            yield from self._out(*heapq.heappop(held)[::2])

    def _plain(self, item: Item) -> Diagnostic:
        """The diagnostic an item says."""
        if isinstance(item, Diagnostic):
            return item
        said, n = item
        if self._again[0] is not said:
            assert self.again is not None, "a file worded in a worker is checked again here"
            self._again = (said, tuple(self.again(said.path)))
        return self._again[1][n]

    def _out(self, key: Key, item: Item) -> Iterator[Diagnostic | Worded]:
        if self.lang is None and self.now is not None:
            self.lang = self.now()  # as the report decides it, at the first line given out
        if key != self._last:
            self._last = key
            self._same = []
        elif self._same:
            plain = self._plain(item)  # compared, not hashed: a key is rarely given twice
            if any(self._plain(same) == plain for same in self._same):
                return
        self._same.append(item)
        if not isinstance(item, Diagnostic):
            said, n = item
            if said.lang == self.lang:
                yield said.items[n]  # `--strict` applied where it was worded
                return
            item = self._plain(item)  # worded in another language: said again here
        if self.strict and level_of(item) is Level.WARNING:
            item = item._replace(level=Level.ERROR)
        yield item
