"""Semantic checks on a criteria set: each a small function yielding coded diagnostics at document paths.

Checks of one rule kind's parameters live with the kind (`Rule.check`). Errors stop scoring (a wrong tree
would give a wrong figure); warnings and infos are shown by `par check`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from fractions import Fraction

from par_cli.core.diagnostics import Diagnostic, DocPath, Msg, Ref, msg, problem
from par_cli.core.model import CriteriaSet, Grade
from par_cli.core.numbers import decimal_sum
from par_cli.core.tree import NodeInfo, walk

Check = Callable[[CriteriaSet, list[NodeInfo]], Iterator[Diagnostic]]


def max_is_sum_of_children(criteria: CriteriaSet, nodes: list[NodeInfo]) -> Iterator[Diagnostic]:
    for item in nodes:
        children = item.node.children
        if not children:
            continue
        total = decimal_sum(child.max for child in children)
        if total != item.node.max:
            hint = msg("hint.set-max", total=total)
            yield problem(
                "C001",
                "max-not-sum",
                (*item.path, "max"),
                hint,
                code=item.code,
                max=item.node.max,
                total=total,
                difference=item.node.max - total,
            )


def max_by_type_is_sum(criteria: CriteriaSet, nodes: list[NodeInfo]) -> Iterator[Diagnostic]:
    """Per unit type (`max_by_type`), an inner node's maximum for the type is the sum of its children's for it."""
    named = {t for item in nodes for t in item.node.max_by_type or ()}
    types = [t for t in criteria.unit_types if t in named]  # an undeclared type is C025
    for item in nodes:
        children = item.node.children
        if not children:
            continue
        for unit_type in types:
            own = item.node.max_by_type is not None and unit_type in item.node.max_by_type
            if not own and not any(child.max_by_type and unit_type in child.max_by_type for child in children):
                continue  # the same figures as `max`: C001 says it
            total = decimal_sum(child.max_for(unit_type) for child in children)
            top = item.node.max_for(unit_type)
            if total != top:
                where = (*item.path, "max_by_type", unit_type) if own else (*item.path, "max")
                hint = msg("hint.set-max-for-type", total=total, type=unit_type)
                figures = {"code": item.code, "max": top, "total": total, "difference": top - total}
                yield problem("C001", "max-not-sum-for-type", where, hint, type=unit_type, **figures)


def unique_codes(criteria: CriteriaSet, nodes: list[NodeInfo]) -> Iterator[Diagnostic]:
    first: dict[str, NodeInfo] = {}
    for item in nodes:
        if item.code in first:
            yield problem(
                "C002",
                "duplicate-code",
                (*item.path, "code"),
                code=item.code,
                first=Ref((*first[item.code].path, "code")),
            )
        else:
            first[item.code] = item
    adjustment_codes: set[str] = set()
    for i, adjustment in enumerate(criteria.adjustments):
        if adjustment.code in first or adjustment.code in adjustment_codes:
            yield problem("C002", "duplicate-adjustment", ("adjustments", i, "code"), code=adjustment.code)
        adjustment_codes.add(adjustment.code)


def child_codes_extend_parent(criteria: CriteriaSet, nodes: list[NodeInfo]) -> Iterator[Diagnostic]:
    for item in nodes:
        if item.parent is not None and not item.code.startswith(item.parent + "."):
            hint = msg("hint.number-it", parent=item.parent)
            yield problem("C003", "code-not-extending", (*item.path, "code"), hint, code=item.code, parent=item.parent)


def leaf_or_inner(criteria: CriteriaSet, nodes: list[NodeInfo]) -> Iterator[Diagnostic]:
    for item in nodes:
        if item.node.children is not None and item.node.rule is not None:
            hint = msg("hint.move-rule")
            yield problem("C004", "children-and-rule", (*item.path, "rule"), hint, code=item.code)


def rule_parameters(criteria: CriteriaSet, nodes: list[NodeInfo]) -> Iterator[Diagnostic]:
    """Each leaf's rule checks its own parameters; and a leaf's max must be reachable (C016)."""
    for item in nodes:
        rule = item.node.rule
        if rule is None or not item.node.is_leaf:
            continue
        path = (*item.path, "rule")
        for top in dict.fromkeys((item.node.max, *(item.node.max_by_type or {}).values())):  # each type's too
            yield from rule.check(item.code, top, path)
            best = rule.top(top)
            if best < Fraction(top):
                hint = msg("hint.reachable")
                yield problem("C016", "max-unreachable", path, hint, code=item.code, best=best, max=top)


def _band_lists(criteria: CriteriaSet) -> Iterator[tuple[DocPath, tuple[Grade, ...]]]:
    """The set's grade bands, then each unit type's own (`grades_by_type`), with where they are written."""
    yield ("grades",), criteria.grades
    for unit_type, bands in criteria.grades_by_type.items():
        yield ("grades_by_type", unit_type), bands


def grades_descending(criteria: CriteriaSet, nodes: list[NodeInfo]) -> Iterator[Diagnostic]:
    for base, bands in _band_lists(criteria):
        yield from _bands_descending(base, bands)


def _bands_descending(base: DocPath, bands: tuple[Grade, ...]) -> Iterator[Diagnostic]:
    for i in range(1, len(bands)):
        previous, grade = bands[i - 1], bands[i]
        if _band_order(grade) >= _band_order(previous):  # `above 90` is higher than `min 90`
            yield problem(
                "C011",
                "grades-order",
                (*base, i, grade.bound_key),
                msg("hint.grades-order"),
                label=grade.label,
                min=_band(grade),
                previous=previous.label,
                previous_min=_band(previous),
            )
    labels = [grade.label for grade in bands]
    for i, label in enumerate(labels):
        if label in labels[:i]:
            yield problem("C012", "grade-label-twice", (*base, i, "label"), label=label)


def _band_order(grade: Grade) -> tuple[Decimal, int]:
    return grade.bound, 1 if grade.above is not None else 0


def _band(grade: Grade) -> Msg:
    """`min 90` / `above 90`, in the reader's words."""
    return msg("phrase.band-above" if grade.above is not None else "phrase.band-min", value=grade.bound)


def grades_reach_zero(criteria: CriteriaSet, nodes: list[NodeInfo]) -> Iterator[Diagnostic]:
    """Bands from the top down to `min: 0`: otherwise an index below the lowest band (or of exactly 0, under
    `above: 0`) has no grade at all."""
    for base, bands in _band_lists(criteria):
        if bands and not any(grade.min is not None and grade.min == 0 for grade in bands):
            lowest = min(range(len(bands)), key=lambda i: _band_order(bands[i]))
            grade = bands[lowest]
            hint = msg("hint.grade-from-zero")
            where = (*base, lowest, grade.bound_key)
            if grade.above is not None:
                yield problem("C017", "grades-strictly-above", where, hint, min=grade.above)
            else:
                yield problem("C017", "grades-above-zero", where, hint, min=grade.bound)


def unit_types_known(criteria: CriteriaSet, nodes: list[NodeInfo]) -> Iterator[Diagnostic]:
    """`applies_to` and `grades_by_type` name unit types the set declares (when it declares `unit_types`);
    `max_by_type` only types it declares (a set with maxima per type lists its types)."""
    hint = msg("hint.unit-types", types=", ".join(criteria.unit_types) or "—")
    for info in nodes:
        for unit_type in info.node.max_by_type or ():
            if unit_type not in criteria.unit_types:
                where = (*info.path, "max_by_type", unit_type)
                yield problem("C025", "unknown-type-here", where, hint, type=unit_type)._replace(key=True)
    if not criteria.unit_types:
        return
    for info in nodes:
        for n, unit_type in enumerate(info.node.applies_to or ()):
            if unit_type not in criteria.unit_types:
                yield problem("C025", "unknown-type-here", (*info.path, "applies_to", n), hint, type=unit_type)
    for unit_type in criteria.grades_by_type:
        if unit_type not in criteria.unit_types:
            yield problem("C025", "unknown-type-here", ("grades_by_type", unit_type), hint, type=unit_type)._replace(
                key=True
            )


def grade_floors(criteria: CriteriaSet, nodes: list[NodeInfo]) -> Iterator[Diagnostic]:
    """A band's `floor`: a share of a node's maximum (no more than 100 %), at a level the tree has."""
    depths = {info.depth for info in nodes}
    for base, bands in _band_lists(criteria):
        for i, grade in enumerate(bands):
            floor = grade.floor
            if floor is None:
                continue
            where = (*base, i, "floor")
            if floor.min > 100:
                hint = msg("hint.floor-share")
                yield problem("C027", "floor-above-100", (*where, "min"), hint, label=grade.label, min=floor.min)
            if floor.depth not in depths:
                hint = msg("hint.floor-levels", depth=max(depths))
                yield problem(
                    "C028", "floor-level-missing", (*where, "level"), hint, label=grade.label, level=floor.level
                )


def ranking_options(criteria: CriteriaSet, nodes: list[NodeInfo]) -> Iterator[Diagnostic]:
    """A `ranking` block that changes nothing: empty, or the defaults restated (competition, the set's decimals)."""
    options = criteria.ranking
    if options is None or options.ties == "dense" or options.precision not in (None, criteria.precision):
        return
    yield problem("C029", "ranking-says-nothing", ("ranking",), msg("hint.ranking-options"))._replace(key=True)


def ranking_groups_sound(criteria: CriteriaSet, nodes: list[NodeInfo]) -> Iterator[Diagnostic]:
    """`ranking_groups`: each a unit type or more (C041), of the set's `unit_types` (C025), each type in one group
    (C040), each id once (C042)."""
    known = msg("hint.unit-types", types=", ".join(criteria.unit_types) or "—")
    owner: dict[str, str] = {}
    ids: set[str] = set()
    for i, group in enumerate(criteria.ranking_groups):
        here = ("ranking_groups", i)
        if group.id in ids:
            yield problem("C042", "group-id-twice", (*here, "id"), group=group.id)
        ids.add(group.id)
        if not group.types:
            hint = msg("hint.ranking-group-types", types=", ".join(criteria.unit_types))
            yield problem("C041", "group-without-types", (*here, "types"), hint, group=group.id)
        for n, unit_type in enumerate(group.types):
            where = (*here, "types", n)
            if unit_type not in criteria.unit_types:
                yield problem("C025", "unknown-type-here", where, known, type=unit_type)
            elif unit_type in owner:
                hint = msg("hint.type-one-group", type=unit_type)
                yield problem(
                    "C040", "type-in-two-groups", where, hint, type=unit_type, first=owner[unit_type], group=group.id
                )
            owner.setdefault(unit_type, group.id)


def levels_have_labels(criteria: CriteriaSet, nodes: list[NodeInfo]) -> Iterator[Diagnostic]:
    """Published sets name their levels: a report would otherwise show `đạt mức 'kip-thoi'`."""
    if criteria.status == "template":
        return
    for item in nodes:
        levels = getattr(item.node.rule, "levels", None) if item.node.is_leaf else None
        unlabelled = [level.key for level in levels or () if not level.label]
        if unlabelled:
            path = (*item.path, "rule", "levels")
            yield problem(
                "C018",
                "levels-without-labels",
                path,
                msg("hint.level-label"),
                code=item.code,
                keys=", ".join(unlabelled),
            )


def areas_total(criteria: CriteriaSet, nodes: list[NodeInfo]) -> Iterator[Diagnostic]:
    yield problem("C014", "areas-total", ("areas",), total=criteria.total_max, areas=len(criteria.areas))


CHECKS: tuple[Check, ...] = (
    max_is_sum_of_children,
    max_by_type_is_sum,
    unique_codes,
    child_codes_extend_parent,
    leaf_or_inner,
    rule_parameters,
    grades_descending,
    grades_reach_zero,
    unit_types_known,
    grade_floors,
    ranking_options,
    ranking_groups_sound,
    levels_have_labels,
    areas_total,
)


def check_criteria(criteria: CriteriaSet) -> list[Diagnostic]:
    """Every diagnostic of a criteria set, at its document path."""
    nodes = list(walk(criteria))
    return [d for check in CHECKS for d in check(criteria, nodes)]
