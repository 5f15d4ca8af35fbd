"""One maximum per unit type on one node (`max_by_type: {so: 2, xa: 3}` beside `max`): a unit of a type the node
names is scored on the set as that type sees it, every node's `max` its maximum for the type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from par_cli.core.tree import index

if TYPE_CHECKING:
    from par_cli.core.model import CriteriaSet, Node
    from par_cli.core.tree import NodeInfo

# (id of the set, type) → (the set, the set as the type sees it, its index): the set is kept, so its id is not reused
_SEEN: dict[tuple[int, str], tuple[CriteriaSet, CriteriaSet, dict[str, NodeInfo]]] = {}
_TYPES: dict[int, tuple[CriteriaSet, frozenset[str]]] = {}  # id of the set → (the set, `typed_maxima`)


def typed_maxima(criteria: CriteriaSet) -> set[str]:
    """The unit types some node of the set gives a maximum of their own."""
    found: set[str] = set()

    def visit(node: Node) -> None:
        found.update(node.max_by_type or ())
        for child in node.children or ():
            visit(child)

    for area in criteria.areas:
        visit(area)
    return found


def _as_type(node: Node, unit_type: str) -> Node:
    children = tuple(_as_type(child, unit_type) for child in node.children) if node.children is not None else None
    return node._replace(max=node.max_for(unit_type), max_by_type=None, children=children)


def for_type(
    criteria: CriteriaSet, nodes: dict[str, NodeInfo], unit_type: str | None
) -> tuple[CriteriaSet, dict[str, NodeInfo]]:
    """The set and its index as a unit of `unit_type` is scored on (the same objects when no node gives the type a
    maximum of its own)."""
    if unit_type is None:
        return criteria, nodes
    types = _TYPES.get(id(criteria))
    if types is None or types[0] is not criteria:
        if len(_TYPES) >= 64:
            _TYPES.clear()
        types = _TYPES[id(criteria)] = (criteria, frozenset(typed_maxima(criteria)))
    if unit_type not in types[1]:
        return criteria, nodes
    key = (id(criteria), unit_type)
    seen = _SEEN.get(key)
    if seen is None or seen[0] is not criteria:
        if len(_SEEN) >= 64:
            _SEEN.clear()
        typed = criteria._replace(areas=tuple(_as_type(area, unit_type) for area in criteria.areas))
        seen = _SEEN[key] = (criteria, typed, index(typed))
    return seen[1], seen[2]
