"""What `par check` found: pure data, made by services.checking and shown by views.check."""

from __future__ import annotations

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
