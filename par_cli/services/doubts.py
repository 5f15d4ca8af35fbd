"""Inputs par itself suspects it misread (A023: `0,95` read as 0,95 % where 95 % was likely meant), kept while
files are scored, to be said by the command that scored them: a figure par doubts is never used silently."""

from __future__ import annotations

from collections.abc import Iterable

from par_cli.core.diagnostics import Diagnostic, Level
from par_cli.words.codes import level_of

MISREAD = frozenset({"A023"})  # warnings that an input was likely misread: said wherever the file is scored
_DOUBTED: dict[Diagnostic, None] = {}
_SAID: set[Diagnostic] = set()  # said already by this command (a report scores its files twice): once each


def doubt(diagnostics: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    """The warnings among `diagnostics` that an input was likely misread (A023: `0,95` read as 0.95 %), kept to
    be said by the command that scored the file (`doubted`): a figure par itself suspects is never used silently."""
    found = tuple(d for d in diagnostics if d.code in MISREAD and level_of(d) is Level.WARNING)
    _DOUBTED.update(dict.fromkeys(found))
    return found


def doubted() -> list[Diagnostic]:
    """The doubts (`doubt`) about the files scored so far, once each, taken once: the CLI says them
    (`cli.shell.run`), one line at each cell, in the run's language; `par check` says them in its report."""
    found = [d for d in _DOUBTED if d not in _SAID]
    _SAID.update(found)
    _DOUBTED.clear()
    return found


def forget_doubts() -> None:
    """A new command says its own doubts (one process may run several: tests, IDEs)."""
    _DOUBTED.clear()
    _SAID.clear()
