"""What changed between two criteria sets: criteria matched by declared rename, then code, then title.

Matching order: a node of the new set declaring `renamed_from: OLD-CODE` is that old node; then nodes with the
same code; then what is left on either side is paired by title similarity (best pairs first, at least
`SIMILAR`). Unpaired old nodes were removed, unpaired new nodes added. A pair is reported for each way it
differs: its code or parent (moved), title (renamed), maximum, rule, or source.
"""

from __future__ import annotations

import unicodedata
from difflib import SequenceMatcher
from typing import Any

from par_cli.core.model import CriteriaSet, Node
from par_cli.core.named_tuple import NamedTuple

SIMILAR = 0.8  # title similarity (0–1) from which two unmatched criteria are taken to be one, renamed

KINDS = ("added", "removed", "moved", "renamed", "max", "rule", "source")


class Placed(NamedTuple):
    node: Node
    parent: str | None  # the parent's code; None for an area


class Change(NamedTuple):
    kind: str  # one of KINDS
    old_code: str | None
    new_code: str | None
    title: str  # the new title (the old one for a removed criterion)
    before: Any = None  # moved: old parent; renamed: old title; max: Decimal; rule: Rule; source: str
    after: Any = None


class CriteriaDiff(NamedTuple):
    old: CriteriaSet
    new: CriteriaSet
    changes: tuple[Change, ...]
    matched: tuple[tuple[str, str], ...]  # (old code, new code) of every criterion in both sets


def _flatten(criteria: CriteriaSet) -> dict[str, Placed]:
    placed: dict[str, Placed] = {}

    def visit(node: Node, parent: str | None) -> None:
        placed[node.code] = Placed(node, parent)
        for child in node.children or ():
            visit(child, node.code)

    for area in criteria.areas:
        visit(area, None)
    return placed


def _words(title: str) -> str:
    return " ".join(unicodedata.normalize("NFC", title).casefold().split())


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, _words(a), _words(b), autojunk=False).ratio()


def _match(old: dict[str, Placed], new: dict[str, Placed]) -> dict[str, str]:
    """new code → old code."""
    matched: dict[str, str] = {}
    for code, place in new.items():
        source = place.node.renamed_from
        if source is not None and source in old and source not in matched.values():
            matched[code] = source
    for code in new:
        if code not in matched and code in old and code not in matched.values():
            matched[code] = code
    left_old = [code for code in old if code not in matched.values()]
    left_new = [code for code in new if code not in matched]
    pairs = sorted(
        (
            (-similarity(old[o].node.title, new[n].node.title), i, j, o, n)
            for i, o in enumerate(left_old)
            for j, n in enumerate(left_new)
        ),
    )
    taken_old: set[str] = set()
    for negative, _, _, o, n in pairs:
        if -negative < SIMILAR:
            break
        if o not in taken_old and n not in matched:
            matched[n] = o
            taken_old.add(o)
    return matched


def _parent_of(code: str | None, matched_back: dict[str, str]) -> str | None:
    """An old parent's code as the new set numbers it (itself when it did not survive)."""
    return None if code is None else matched_back.get(code, code)


def _changes_of(old: Placed, new: Placed, old_to_new: dict[str, str]) -> list[Change]:
    a, b = old.node, new.node
    out = []
    if a.code != b.code or _parent_of(old.parent, old_to_new) != new.parent:
        out.append(Change("moved", a.code, b.code, b.title, old.parent, new.parent))
    if _words(a.title) != _words(b.title):
        out.append(Change("renamed", a.code, b.code, b.title, a.title, b.title))
    if a.max != b.max:
        out.append(Change("max", a.code, b.code, b.title, a.max, b.max))
    if a.is_leaf and b.is_leaf and a.rule != b.rule:
        out.append(Change("rule", a.code, b.code, b.title, a.rule, b.rule))
    if a.source != b.source:
        out.append(Change("source", a.code, b.code, b.title, a.source or "self", b.source or "self"))
    return out


def diff(old: CriteriaSet, new: CriteriaSet) -> CriteriaDiff:
    """Every change from `old` to `new`, in the new set's order (removed criteria where they stood)."""
    before, after = _flatten(old), _flatten(new)
    matched = _match(before, after)
    old_to_new = {o: n for n, o in matched.items()}
    changes: list[Change] = []
    for code, place in after.items():
        if code in matched:
            changes += _changes_of(before[matched[code]], place, old_to_new)
        else:
            changes.append(Change("added", None, code, place.node.title, None, place.node.max))
    for code, place in before.items():
        if code not in old_to_new:
            changes.append(Change("removed", code, None, place.node.title, place.node.max, None))
    pairs = tuple((o, n) for n, o in matched.items())
    return CriteriaDiff(old, new, tuple(changes), pairs)
