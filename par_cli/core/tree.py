"""A criteria set as a flat index: every node with its document path, parent and inherited settings."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from fractions import Fraction
from typing import TYPE_CHECKING

from par_cli.core.diagnostics import Diagnostic, DocPath, msg, problem
from par_cli.core.named_tuple import NamedTuple

if TYPE_CHECKING:
    from par_cli.core.diagnostics import DocPath
    from par_cli.core.model import CriteriaSet, Node


class NodeInfo(NamedTuple):
    node: Node
    path: DocPath  # where the node stands in the criteria file, e.g. ("areas", 0, "children", 1)
    parent: str | None
    area: str
    depth: int  # 1 for areas
    source: str  # "self" | "survey", inherited
    evidence: str  # "required" | "optional", inherited
    max_points: Fraction  # `max` as an exact fraction, computed once per set
    # Σ of its leaves' `max_points` (a leaf: `max_points` itself), the very object a score gives a node all of
    # whose criteria apply: scoring knows a whole subtree by identity, without adding it up for every file.
    whole_max: Fraction | None = None

    @property
    def code(self) -> str:
        return self.node.code


def walk(criteria: CriteriaSet) -> Iterator[NodeInfo]:
    """Every node, depth first, in file order (duplicates included: checks need to see them)."""

    def visit(node: Node, path: DocPath, parent: NodeInfo | None, area: str) -> Iterator[NodeInfo]:
        source = node.source or (parent.source if parent else "self")
        evidence = node.evidence or (
            parent.evidence
            if parent and parent.source == source
            else ("optional" if source == "survey" else "required")
        )
        info = NodeInfo(
            node,
            path,
            parent.code if parent else None,
            area,
            parent.depth + 1 if parent else 1,
            source,
            evidence,
            Fraction(node.max),
        )
        yield info
        for i, child in enumerate(node.children or ()):
            yield from visit(child, (*path, "children", i), info, area)

    for i, area in enumerate(criteria.areas):
        yield from visit(area, ("areas", i), None, area.code)


def index(criteria: CriteriaSet) -> dict[str, NodeInfo]:
    """Code → node info (the first node with a code, when codes repeat)."""
    result: dict[str, NodeInfo] = {}
    for info in walk(criteria):
        result.setdefault(info.code, info)
    for info in reversed(list(result.values())):  # children before their parents
        children = info.node.children
        whole: Fraction | None = info.max_points
        if children is not None:
            parts = [result[child.code] for child in children]
            wholes = [part.whole_max for part in parts if part.whole_max is not None]
            mine = all(part.node is child for part, child in zip(parts, children, strict=True))  # codes not repeated
            whole = sum(wholes, Fraction(0)) if mine and len(wholes) == len(parts) else None
        result[info.code] = info._replace(whole_max=whole)
    return result


def no_criterion(code: str, choices: Iterable[str], criteria_id: str, path: DocPath = ()) -> Diagnostic:
    """A001: the set has no criterion `code`; the hint names the closest of `choices`, else `par criteria show`."""
    close = difflib.get_close_matches(code, list(choices), n=1)
    hint = msg("hint.did-you-mean", name=close[0]) if close else msg("hint.criteria-show")
    return problem("A001", "no-criterion", path, hint, code=code, criteria=criteria_id)
