"""The ledger of an assessment (pure): for each leaf its inputs, rule, points earned and lost, the effect on
the index, the evidence; then the largest recoverable gaps, each with what would earn them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from par_cli.binding import Bound, LeafAnswer
from par_cli.describe import describe_rule
from par_cli.diagnostics import ParError, error
from par_cli.i18n import figure, plain
from par_cli.rules import (
    NOT_APPLICABLE,
    CheckRule,
    CountRule,
    DeductionRule,
    LevelsRule,
    LikertRule,
    LinearRule,
    PointsRule,
    TiersRule,
    award,
)
from par_cli.scoring import NodeResult, Score, unsupported

ZERO = Fraction(0)


@dataclass(frozen=True, slots=True)
class LedgerLine:
    code: str
    title: str
    depth: int
    leaf: bool
    applicable: bool
    max: Fraction
    points: Fraction
    self_points: Fraction
    rule: Any  # the leaf's rule model (None for inner nodes)
    answer: LeafAnswer | None
    source: str
    evidence_missing: bool

    @property
    def lost(self) -> Fraction:
        return self.max - self.points if self.applicable else ZERO


@dataclass(frozen=True, slots=True)
class Gap:
    line: LedgerLine
    available: Fraction  # points that can still be earned
    index_points: Fraction  # their effect on the index, in percentage points


@dataclass(frozen=True)
class Ledger:
    score: Score
    subtree: str | None
    lines: tuple[LedgerLine, ...]
    gaps: tuple[Gap, ...]

    def effect(self, line: LedgerLine) -> Fraction:
        """Index points a leaf's lost points cost: lost / applicable max of the whole assessment × 100."""
        return line.lost * 100 / self.score.max


def explain(bound: Bound, result: Score, code: str | None = None) -> Ledger:
    """Build the ledger of `result` (the subtree under `code` when given)."""
    if code is not None and code not in bound.nodes:
        raise ParError(
            [
                error("A001", f"no criterion '{code}' in {bound.criteria.id}", hint="see `par criteria show`").located(
                    bound.file, 0, 0
                )
            ]
        )
    lines: list[LedgerLine] = []

    def visit(node: NodeResult, inside: bool) -> None:
        inside = inside or code is None or node.code == code
        info = bound.nodes[node.code]
        if inside:
            leaf = info.node.children is None
            answer = bound.answers.get(node.code) if leaf else None
            lines.append(
                LedgerLine(
                    code=node.code,
                    title=node.title,
                    depth=node.depth,
                    leaf=leaf,
                    applicable=node.applicable,
                    max=node.max,
                    points=node.points,
                    self_points=node.self_points,
                    rule=info.node.scoring_rule if leaf else None,
                    answer=answer,
                    source=info.source,
                    evidence_missing=answer is not None and unsupported(info, answer, node.self_points),
                )
            )
        for child in node.children:
            visit(child, inside)

    for area in result.areas:
        visit(area, False)
    gaps = [
        Gap(line, line.lost, line.lost * 100 / result.max)
        for line in lines
        if line.leaf and line.applicable and line.lost > 0
    ]
    order = {line.code: i for i, line in enumerate(lines)}
    gaps.sort(key=lambda gap: (-gap.available, order[gap.line.code]))
    return Ledger(result, code, tuple(lines), tuple(gaps))


def show_input(value: Any, lang: str) -> str:
    """A typed input as a person reads it."""
    if value is None:
        return "—"
    if value is NOT_APPLICABLE:
        return "N/A"
    if isinstance(value, bool):
        return ("đạt" if value else "không đạt") if lang == "vi" else str(value).lower()
    if isinstance(value, Fraction):
        return figure(value, 2, lang).rstrip("0").rstrip(",.") if value.denominator != 1 else plain(value, lang)
    if isinstance(value, Decimal):
        return plain(value, lang)
    if isinstance(value, dict):
        return ", ".join(f"{answer} {plain(count, lang)}" for answer, count in value.items())
    return str(value)


def inputs_text(line: LedgerLine, lang: str) -> str:
    """`95 → 85` (self → appraised), the survey result, or the one input that counts."""
    answer = line.answer
    if answer is None:
        return "—"
    takes_percent = (
        isinstance(line.rule, (TiersRule, LinearRule)) and getattr(line.rule, "input", "percent") == "percent"
    )
    percent = " %" if takes_percent else ""
    if line.source == "survey":
        return show_input(answer.survey, lang) + (percent if answer.survey is not None else "")
    own = show_input(answer.self_value, lang) + (percent if answer.self_value is not None else "")
    if answer.appraised is None or answer.appraised is answer.self_value:
        return own
    appraised = show_input(answer.appraised, lang) + percent
    if lang == "vi":
        return f"tự chấm {own} → thẩm định {appraised}"
    return f"self {own} → appraised {appraised}"


def action(line: LedgerLine, lang: str) -> str:
    """What would earn a leaf's missing points, in words."""
    vi = lang == "vi"
    rule, answer = line.rule, line.answer
    value = answer.inputs(line.source == "survey")[0] if answer is not None else None
    if value is None:
        return "trả lời tiêu chí này" if vi else "answer it"
    if isinstance(rule, PointsRule):
        return f"đạt {plain(line.max, lang)} điểm" if vi else f"reach {plain(line.max, lang)} points"
    if isinstance(rule, CheckRule):
        return "đáp ứng yêu cầu (true)" if vi else "meet it (true)"
    if isinstance(rule, LevelsRule):
        best = max(rule.levels, key=lambda lv: award(lv.points, lv.percent, line.max))
        name = f"'{best.key}'" + (f" ({best.label})" if best.label else "")
        return f"đạt mức {name}" if vi else f"reach level {name}"
    if isinstance(rule, TiersRule):
        top = rule.tiers[0]
        unit = " %" if rule.input == "percent" else ""
        bound = plain(top.bound, lang) + unit
        if vi:
            return f"đạt {'từ' if top.min is not None else 'trên'} {bound}"
        return f"reach {'≥' if top.min is not None else '>'} {bound}"
    if isinstance(rule, LinearRule):
        full = plain(rule.full_at, lang)
        if isinstance(value, Fraction) and value < Fraction(rule.zero_below):
            floor = plain(rule.zero_below, lang)
            return (
                f"đạt từ {floor} % để có điểm, tối đa ở {full} %"
                if vi
                else f"reach ≥ {floor} % to score, full points at {full} %"
            )
        return f"đạt {full} %" if vi else f"reach {full} %"
    if isinstance(rule, DeductionRule):
        now = plain(value, lang)
        return f"không có vi phạm (hiện có {now})" if vi else f"no violations (now {now})"
    if isinstance(rule, CountRule):
        more = math.ceil(line.lost / Fraction(rule.per))
        now = plain(value, lang)
        return f"thêm {more} (hiện có {now})" if vi else f"{more} more (now {now})"
    if isinstance(rule, LikertRule):
        favourite = max(rule.scale, key=lambda answer: rule.scale[answer])
        return f"nhiều phiếu {favourite} hơn trong điều tra" if vi else f"more '{favourite}' answers in the survey"
    raise TypeError(f"no action for {type(rule).__name__}")  # pragma: no cover - every kind is above


def rule_text(line: LedgerLine, lang: str) -> str:
    return describe_rule(line.rule, lang) if line.rule is not None else ""
