"""A group's own survey result (Hải Phòng 2025: a city-wide SIPAS of 92,67 % that is not the mean of its units).

The office file's group entry gives it per survey leaf (`groups: [{id, label, survey: {"8.1": 92.67}}]`), as a
percentage: it is shown with the group and changes no agency's points. Pure: the office file is read by
`services.workspace.read_office`, the problems are placed there and by `services.checking`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from par_cli.core.diagnostics import Diagnostic, msg, problem

if TYPE_CHECKING:
    from par_cli.core.ranking import RankGroup
    from par_cli.core.tree import NodeInfo

    Nodes = Mapping[str, NodeInfo]


def out_of_range(groups: Any) -> list[Diagnostic]:
    """O005 at each group figure that is not a percentage from 0 to 100 (`groups` as written in the file)."""
    out = []
    for n, group in enumerate(groups if isinstance(groups, list) else []):
        figures = group.get("survey") if isinstance(group, dict) else None
        for code, value in figures.items() if isinstance(figures, dict) else ():
            if isinstance(value, int | float | Decimal) and not isinstance(value, bool) and not 0 <= value <= 100:
                hint = msg("hint.group-survey-range")
                path = ("groups", n, "survey", code)
                out.append(
                    problem("O005", "group-survey-range", path, hint, id=group.get("id"), code=code, value=value)
                )
    return out


def survey_leaves(nodes: Nodes) -> list[str]:
    """The codes of a set's survey leaves, in the set's order."""
    return [code for code, info in nodes.items() if info.source == "survey" and not info.node.children]


def not_survey_leaves(groups: Any, sets: Callable[[str], list[tuple[str, Nodes]]]) -> list[Diagnostic]:
    """O005 at each group figure whose code is not a survey leaf of a set the group is ranked in (`sets`: the
    group's (set id, nodes)); `groups` as written in the file."""
    out = []
    for n, group in enumerate(groups if isinstance(groups, list) else []):
        figures = group.get("survey") if isinstance(group, dict) else None
        found = group.get("id") if isinstance(group, dict) else None
        if not isinstance(figures, dict) or not isinstance(found, str):
            continue
        for set_id, nodes in sets(found):
            leaves = survey_leaves(nodes)
            for code in (code for code in figures if code not in leaves):
                hint = msg("hint.group-survey-leaf", criteria=set_id, codes=", ".join(leaves) or "—")
                path = ("groups", n, "survey", code)
                out.append(problem("O005", "group-survey-leaf", path, hint, id=found, code=code, criteria=set_id))
    return out


def with_group_surveys(
    groups: list[RankGroup], surveys: Mapping[str, Mapping[str, Decimal]], nodes_of: Callable[[RankGroup], Nodes]
) -> list[RankGroup]:
    """Each group the office gives its own survey results: (code, the criterion's title, the percentage), in the
    set's order. Only the survey leaves of the group's set (the others are O005, refused before)."""
    out = []
    for group in groups:
        figures = surveys.get(group.group) if group.group is not None else None
        if not figures:
            out.append(group)
            continue
        nodes = nodes_of(group)
        shown = tuple(
            (code, nodes[code].node.title, Fraction(figures[code])) for code in survey_leaves(nodes) if code in figures
        )
        out.append(replace(group, survey=shown))
    return out
