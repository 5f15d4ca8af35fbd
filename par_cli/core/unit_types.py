"""What an agency's unit type decides for its assessment: the criteria that do not apply to it, whether the set
needs its type, and the ranking group its type belongs to (`ranking_groups`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from par_cli.core.diagnostics import Diagnostic, msg, problem

if TYPE_CHECKING:
    from par_cli.core.model import Agency, CriteriaSet
    from par_cli.core.tree import NodeInfo


def not_for_type(criteria: CriteriaSet, nodes: dict[str, NodeInfo], unit_type: str | None) -> set[str]:
    """The criteria that do not apply to a unit of this type (`applies_to` on them or on a parent)."""
    if unit_type is None:
        return set()
    outside: set[str] = set()
    for code, info in nodes.items():
        current: NodeInfo | None = info
        while current is not None:
            allowed = current.node.applies_to
            if allowed is not None and unit_type not in allowed:
                outside.add(code)
                break
            current = nodes[current.parent] if current.parent is not None else None
    return outside


def unit_type_problems(criteria: CriteriaSet, nodes: dict[str, NodeInfo], agency_type: str | None) -> list[Diagnostic]:
    """A set that scores unit types differently needs the agency's type, one it knows (A019)."""
    typed = bool(criteria.unit_types) or any(info.node.applies_to is not None for info in nodes.values())
    if agency_type is None and typed:
        types = ", ".join(criteria.unit_types) or "—"
        return [problem("A019", "no-unit-type", ("agency",), msg("hint.unit-types", types=types))._replace(key=True)]
    if agency_type is not None and criteria.unit_types and agency_type not in criteria.unit_types:
        hint = msg("hint.unit-types", types=", ".join(criteria.unit_types))
        return [problem("A019", "unknown-unit-type", ("agency", "type"), hint, type=agency_type)]
    return []


def ranking_group(criteria: CriteriaSet, agency: Agency) -> tuple[Agency, list[Diagnostic]]:
    """The agency in the ranking group the set gives its unit type (`ranking_groups`); its own `group`, if it
    names another one, is an error (A030)."""
    group = criteria.ranking_group_of(agency.type)
    if group is None or agency.group == group.id:
        return agency, []
    if agency.group is None:
        return agency._replace(group=group.id), []
    hint = msg("hint.type-group", expected=group.id)
    args = {"group": agency.group, "type": agency.type, "expected": group.id}
    return agency, [problem("A030", "group-not-type-group", ("agency", "group"), hint, **args)]
