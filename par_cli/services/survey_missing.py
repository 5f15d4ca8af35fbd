"""Why a ranked agency's survey criterion has no result (R010): no results file was found, or one was found that
holds no figure for that criterion (its survey design has no question for it, or not for that agency)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from par_cli.readers.files import display

if TYPE_CHECKING:
    from par_cli.core.ranking import Entry
    from par_cli.services.surveys import SurveySource


class Held(NamedTuple):
    """The results file an agency's survey leaves were looked up in, its survey design, and whether any agency
    there has a figure for each criterion (`anyone`)."""

    file: str
    design: str
    anyone: frozenset[str]


def results_found(source: SurveySource) -> Callable[[Entry], Held | None]:
    """For an entry, the results file its survey leaves were looked up in (`--survey`, else the one beside it)."""
    given = source.path
    loaded: dict[Path, Held | None] = {}

    def found(entry: Entry) -> Held | None:
        files = (
            [given] if given is not None else source.beside(Path(entry.file).parent, entry.criteria_id, entry.period)
        )
        if len(files) != 1 or files[0] is None:
            return None
        path = files[0]
        if path not in loaded:
            results: Any = source.results(path)
            agencies = results.agencies.values() if results is not None else ()
            anyone = frozenset(code for agency in agencies for code in agency.get("criteria", {}))
            loaded[path] = Held(display(path), results.design, anyone) if results is not None else None
        return loaded[path]

    return found
