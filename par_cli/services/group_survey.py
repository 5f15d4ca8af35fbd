"""A group's own survey result given in the office file (`core.group_survey`): the sets its groups are ranked in,
found as the ranking found them, and every figure for a code that is not a survey leaf of them (O005) at its place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from par_cli.core.diagnostics import Diagnostic, ParError
from par_cli.core.group_survey import not_survey_leaves, with_group_surveys
from par_cli.readers.files import read_document

if TYPE_CHECKING:
    from par_cli.core.group_survey import Nodes
    from par_cli.core.office import Office
    from par_cli.core.ranking import RankGroup


def misplaced(path: Path, sets: Callable[[str], list[tuple[str, Nodes]]]) -> list[Diagnostic]:
    """O005 at each of the office file's group survey results whose code is not a survey leaf of the group's sets."""
    doc, _ = read_document(path)
    if doc is None or not isinstance(doc.data, dict):
        return []
    return [doc.place(found) for found in not_survey_leaves(doc.data.get("groups"), sets)]


def group_surveys(
    groups: list[RankGroup],
    office: Office,
    path: Path | None,
    criteria: str | None,
    named: Callable[[str, Path | None], Nodes],
) -> list[RankGroup]:
    """The groups with the survey results the office file (at `path`) gives them; ParError (O005) where one names
    a code that is not a survey leaf of the group's set. `criteria`: the set `--criteria` names, else each
    group's own, found from its first agency's folder as the ranking found it (`named`: a set's nodes by its
    reference and the folder it is looked up from, `services.workspace.Workspace.named`)."""
    found: dict[int, Nodes] = {}

    def nodes_of(group: RankGroup) -> Nodes:
        if id(group) not in found:
            base = None if criteria is not None else Path(group.rows[0].entry.file).parent
            found[id(group)] = named(criteria or group.criteria_id, base)
        return found[id(group)]

    def sets(group_id: str) -> list[tuple[str, Nodes]]:
        return [(g.criteria_id, nodes_of(g)) for g in groups if g.group == group_id and g.rows]

    wrong = misplaced(path, sets) if path is not None else []
    if wrong:
        raise ParError(wrong)
    return with_group_surveys(groups, office.surveys, nodes_of)
