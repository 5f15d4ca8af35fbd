"""What scores one assessment file for a ranking, as `services.batch` sees it (`services.workspace.FileScorer`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from par_cli.core.diagnostics import Diagnostic
from par_cli.core.ranking import Entry, Leaders

if TYPE_CHECKING:
    from par_cli.services.appraisals import Assessed

Outcome = Entry | tuple[Diagnostic, ...]


class FileScoring(Protocol):
    """What scores one assessment file for a ranking (`services.workspace.FileScorer`)."""

    def __call__(self, path: Path) -> Outcome: ...

    def criteria_problems(self, path: Path) -> list[Diagnostic]:
        """The errors of a criteria file found among the assessments (it must be usable, or be reported)."""
        ...

    def unclaimed(self, path: Path, assessed: list[Assessed]) -> list[Diagnostic]:
        """The agencies an appraisal or survey results file names that none of the assessments beside it is."""
        ...

    def cache_options(self) -> str | None:
        """How this scorer scores, as text for the results cache's key; None: results are not cached."""
        ...

    def lead(self, leaders: Leaders, group_by: str) -> None:
        """Score `relative` leaves against these best values of each ranking group."""
        ...


ScorerFactory = Callable[[], FileScoring]  # picklable: each worker process builds its own scorer
