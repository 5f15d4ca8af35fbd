"""Semantic checks on a criteria set: each a small function yielding coded, levelled diagnostics.

Errors stop scoring (a wrong tree would give a wrong figure); warnings and infos are shown by `par check`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

from par_cli.diagnostics import Diagnostic, error, info, warning
from par_cli.models import CriteriaSet
from par_cli.rules import LevelsRule, LinearRule, PointsRule, TiersRule, award_value, fmt
from par_cli.tree import NodeInfo, walk
from par_cli.yamlsource import Document

Check = Callable[[CriteriaSet, list[NodeInfo], Document], Iterator[Diagnostic]]


def max_is_sum_of_children(criteria: CriteriaSet, nodes: list[NodeInfo], doc: Document) -> Iterator[Diagnostic]:
    for item in nodes:
        children = item.node.children
        if not children:
            continue
        total = sum((child.max for child in children), Decimal(0))
        if total != item.node.max:
            diff = item.node.max - total
            yield error(
                "C001",
                f"{item.code}: max {fmt(item.node.max)} is not the sum of its children's max "
                f"{fmt(total)} (difference {'+' if diff > 0 else '−'}{fmt(abs(diff))})",
                (*item.path, "max"),
                hint=f"set max to {fmt(total)} or correct a child's max",
            )


def unique_codes(criteria: CriteriaSet, nodes: list[NodeInfo], doc: Document) -> Iterator[Diagnostic]:
    first: dict[str, NodeInfo] = {}
    for item in nodes:
        if item.code in first:
            line = doc.locate((*first[item.code].path, "code"))[0]
            yield error("C002", f"duplicate code '{item.code}' (first at line {line})", (*item.path, "code"))
        else:
            first[item.code] = item
    adjustment_codes: set[str] = set()
    for i, adjustment in enumerate(criteria.adjustments):
        if adjustment.code in first or adjustment.code in adjustment_codes:
            yield error("C002", f"duplicate code '{adjustment.code}' in adjustments", ("adjustments", i, "code"))
        adjustment_codes.add(adjustment.code)


def child_codes_extend_parent(criteria: CriteriaSet, nodes: list[NodeInfo], doc: Document) -> Iterator[Diagnostic]:
    for item in nodes:
        if item.parent is not None and not item.code.startswith(item.parent + "."):
            yield warning(
                "C003",
                f"code '{item.code}' does not extend its parent's code '{item.parent}'",
                (*item.path, "code"),
                hint=f"number it {item.parent}.N",
            )


def leaf_or_inner(criteria: CriteriaSet, nodes: list[NodeInfo], doc: Document) -> Iterator[Diagnostic]:
    for item in nodes:
        if item.node.children is not None and item.node.rule is not None:
            yield error(
                "C004",
                f"{item.code} has both children and a rule",
                (*item.path, "rule"),
                hint="an inner node's points are the sum of its children; move the rule to a leaf",
            )


def rule_outputs_within_max(criteria: CriteriaSet, nodes: list[NodeInfo], doc: Document) -> Iterator[Diagnostic]:
    for item in nodes:
        rule = item.node.rule
        path = (*item.path, "rule")
        awards: list[tuple[str, str, int, Decimal | None]] = []
        if isinstance(rule, LevelsRule):
            awards = [(f"level '{level.key}'", "levels", i, level.points) for i, level in enumerate(rule.levels)]
        elif isinstance(rule, TiersRule):
            awards = [(f"tier {i + 1}", "tiers", i, tier.points) for i, tier in enumerate(rule.tiers)]
        for name, field, i, points in awards:
            if points is not None and points > item.node.max:
                yield error(
                    "C005",
                    f"{item.code}: {name} gives {fmt(points)} points, above the max {fmt(item.node.max)}",
                    (*path, field, i, "points"),
                )


def distinct_level_keys(criteria: CriteriaSet, nodes: list[NodeInfo], doc: Document) -> Iterator[Diagnostic]:
    for item in nodes:
        rule = item.node.rule
        if isinstance(rule, LevelsRule):
            seen: set[str] = set()
            for i, level in enumerate(rule.levels):
                if level.key in seen:
                    yield error(
                        "C010",
                        f"{item.code}: level key '{level.key}' is listed twice",
                        (*item.path, "rule", "levels", i, "key"),
                    )
                seen.add(level.key)


def reachable_tiers(criteria: CriteriaSet, nodes: list[NodeInfo], doc: Document) -> Iterator[Diagnostic]:
    for item in nodes:
        rule = item.node.rule
        if not isinstance(rule, TiersRule):
            continue
        path = (*item.path, "rule", "tiers")
        for i, tier in enumerate(rule.tiers):
            bound_field = "min" if tier.min is not None else "above"
            if rule.input == "percent" and not 0 <= tier.bound <= 100:
                yield error(
                    "C007",
                    f"{item.code}: tier {i + 1} bound {fmt(tier.bound)} is outside 0–100",
                    (*path, i, bound_field),
                    hint="tiers compare a percentage; use `input: number` for plain counts",
                )
            for j, earlier in enumerate(rule.tiers[:i]):
                if earlier.covers(tier):
                    yield error(
                        "C006",
                        f"{item.code}: tier {i + 1} ({bound_field} {fmt(tier.bound)}) can never apply: "
                        f"tier {j + 1} ({'min' if earlier.min is not None else 'above'} {fmt(earlier.bound)}) "
                        "catches every such input first",
                        (*path, i, bound_field),
                        hint="tiers are tried in order: list the highest bound first",
                    )
                    break


def tiers_never_reward_less_input(criteria: CriteriaSet, nodes: list[NodeInfo], doc: Document) -> Iterator[Diagnostic]:
    for item in nodes:
        rule = item.node.rule
        if not isinstance(rule, TiersRule):
            continue
        awards = [award_value(t.points, t.percent, item.node.max) for t in rule.tiers]
        for i in range(1, len(awards)):
            if awards[i] > awards[i - 1]:
                yield warning(
                    "C015",
                    f"{item.code}: tier {i + 1} gives {fmt(awards[i])} points, "
                    f"more than tier {i} ({fmt(awards[i - 1])}) with a higher bound: a better result would score less",
                    (*item.path, "rule", "tiers", i),
                )


def sound_parameters(criteria: CriteriaSet, nodes: list[NodeInfo], doc: Document) -> Iterator[Diagnostic]:
    for item in nodes:
        rule = item.node.rule
        path = (*item.path, "rule")
        if isinstance(rule, LinearRule) and rule.zero_below > rule.full_at:
            yield error(
                "C008",
                f"{item.code}: zero_below {fmt(rule.zero_below)} is above full_at {fmt(rule.full_at)}",
                (*path, "zero_below"),
            )
        if isinstance(rule, PointsRule) and rule.step is not None and item.node.max % rule.step != 0:
            yield warning(
                "C009",
                f"{item.code}: max {fmt(item.node.max)} is not a multiple of the step {fmt(rule.step)}",
                (*path, "step"),
            )
        if rule is not None and item.node.is_leaf and rule.top(item.node.max) < item.node.max:
            yield warning(
                "C016",
                f"{item.code}: the best outcome of the rule gives {fmt(rule.top(item.node.max))} "
                f"of {fmt(item.node.max)} points",
                path,
                hint="a leaf's max should be reachable",
            )


def grades_descending(criteria: CriteriaSet, nodes: list[NodeInfo], doc: Document) -> Iterator[Diagnostic]:
    for i in range(1, len(criteria.grades)):
        previous, grade = criteria.grades[i - 1], criteria.grades[i]
        if grade.min >= previous.min:
            yield error(
                "C011",
                f"grade '{grade.label}' (min {fmt(grade.min)}) is not below "
                f"'{previous.label}' (min {fmt(previous.min)})",
                ("grades", i, "min"),
                hint="list grades from the highest band down",
            )
    labels = [grade.label for grade in criteria.grades]
    for i, label in enumerate(labels):
        if label in labels[:i]:
            yield warning("C012", f"grade label '{label}' is used twice", ("grades", i, "label"))


def areas_total(criteria: CriteriaSet, nodes: list[NodeInfo], doc: Document) -> Iterator[Diagnostic]:
    yield info("C014", f"areas total {fmt(criteria.total_max)} points ({len(criteria.areas)} areas)", ("areas",))


CHECKS: tuple[Check, ...] = (
    max_is_sum_of_children,
    unique_codes,
    child_codes_extend_parent,
    leaf_or_inner,
    rule_outputs_within_max,
    distinct_level_keys,
    reachable_tiers,
    tiers_never_reward_less_input,
    sound_parameters,
    grades_descending,
    areas_total,
)


def check_criteria(criteria: CriteriaSet, doc: Document) -> list[Diagnostic]:
    nodes = list(walk(criteria))
    return [doc.place(d) for check in CHECKS for d in check(criteria, nodes, doc)]
