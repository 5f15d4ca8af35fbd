"""The scoring engine (spec §3): pure functions from a bound assessment to a frozen, exact result.

All arithmetic is exact (`Fraction` built from the files' `Decimal`s); nothing is rounded or worded here.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from par_cli.core.diagnostics import DocPath, ParError, problem
from par_cli.core.named_tuple import NamedTuple
from par_cli.core.numbers import clamp_percent, exact_sum, percent
from par_cli.core.rules.base import HUNDRED, NOT_APPLICABLE
from par_cli.core.rules.relative import RelativeRule
from par_cli.core.survey import SurveyShare, left_out_of

if TYPE_CHECKING:
    from collections.abc import Mapping

    from par_cli.core.binding import Bound
    from par_cli.core.diagnostics import Origin
    from par_cli.core.model import Agency, CriteriaSet, Node
    from par_cli.core.rules.base import Rule
    from par_cli.core.tree import NodeInfo

ZERO = Fraction(0)


class Finding(NamedTuple):
    """Something a reader of the score should know; worded from its figures by the catalogue when shown."""

    level: str  # "warning" | "info"
    code: str  # "unanswered" | "missing-evidence" | "appraisal-cut" | "appraisal-raised" | "relative-alone" …
    criterion: str
    path: DocPath  # where in the assessment: the answer, or `answers` for a leaf without one
    figures: tuple[Fraction, ...] = ()  # the points the message quotes
    survey: bool = False  # a survey result not in the assessment: not arrived (unanswered), from a results file
    grade: str = ""  # "grade-floor": the band the criterion's share kept the agency out of


class Relative(NamedTuple):
    """An answered leaf scored relative to its group's leader: what the group's best value is found from."""

    code: str
    value: Fraction  # the final (appraised) value
    higher: bool  # a higher value is better (`better: higher`)


class NodeResult(NamedTuple):
    code: str
    title: str
    depth: int
    max: Fraction  # applicable maximum: 0 when not applicable
    points: Fraction
    self_points: Fraction
    applicable: bool
    answered: bool
    children: tuple[NodeResult, ...] = ()

    @property
    def percent(self) -> Fraction | None:
        """The node's index (chỉ số thành phần): points / max × 100, exact; None when not applicable."""
        return percent(self.points, self.max)

    @property
    def self_percent(self) -> Fraction | None:
        return percent(self.self_points, self.max)


class AdjustmentResult(NamedTuple):
    code: str
    title: str
    kind: str  # "bonus" | "penalty"
    points: Fraction  # signed: a penalty is negative
    self_points: Fraction
    cap: Fraction | None = None  # a row that takes back what the bonus (penalty) points exceed this cap by
    tolerance: Decimal | None = None  # the row of the self-assessment deduction: self over final by more than this


class Score(NamedTuple):
    agency: Agency
    criteria_id: str
    criteria_title: str
    period: str | None
    precision: int
    language: str
    origin: Origin
    areas: tuple[NodeResult, ...]
    adjustments: tuple[AdjustmentResult, ...]
    points: Fraction
    self_points: Fraction
    max: Fraction
    index: Fraction  # type: ignore[assignment]  # exact, clamped to [0, 100]; shadows tuple.index (never called)
    self_index: Fraction
    grade: str | None
    self_grade: str | None
    findings: tuple[Finding, ...]
    survey_points: Fraction | None = None  # final points of survey leaves; None: the set has none
    relative: tuple[Relative, ...] = ()  # the answered `relative` leaves
    leaders: Mapping[str, Fraction] | None = None  # the group's best value per relative leaf; None: scored alone
    unanswered: tuple[tuple[str, Fraction, bool], ...] = ()  # (code, max, a survey leaf?) of leaves without input
    floors: tuple[FloorMiss, ...] = ()  # the nodes whose share kept the final index out of a band (`floor`)

    @property
    def file(self) -> str:
        return self.origin.file


class FloorMiss(NamedTuple):
    """A node whose share is below a band's `floor`: the index reaches the band, the node keeps it out."""

    grade: str  # the band's label
    code: str
    share: Fraction  # its points / applicable max × 100, exact
    floor: Decimal  # the band's floor, % of the node's maximum


def grade_for(
    criteria: CriteriaSet, index: Fraction, unit_type: str | None = None, areas: tuple[NodeResult, ...] = ()
) -> str | None:
    """The first band the exact index is in: at least its `min`, or strictly more than its `above` (the bands of
    the unit's type where the set gives it some), and whose `floor` every node reaches (given the `areas`)."""
    return graded(criteria, index, unit_type, areas)[0]


def graded(
    criteria: CriteriaSet,
    index: Fraction,
    unit_type: str | None = None,
    areas: tuple[NodeResult, ...] = (),
    own: bool = False,
) -> tuple[str | None, tuple[FloorMiss, ...]]:
    """The grade (as `grade_for`), and the floors that kept the index out of the higher bands it reaches.
    `own`: the floors on the self-assessed points."""
    misses: list[FloorMiss] = []
    for grade in criteria.grades_for(unit_type):
        if grade.above is not None:
            if not index > Fraction(grade.above):
                continue
        elif grade.min is None or Fraction(grade.min) > index:
            continue
        floor = grade.floor
        if floor is not None:
            below = [
                FloorMiss(grade.label, code, share, floor.min)
                for code, share in node_shares(areas, floor.depth, own)
                if share < Fraction(floor.min)
            ]
            if below:
                misses += below
                continue
        return grade.label, tuple(misses)
    return None, tuple(misses)


def node_shares(areas: tuple[NodeResult, ...], depth: int, own: bool = False) -> list[tuple[str, Fraction]]:
    """(code, points / applicable max × 100) of each applicable node at `depth`, and of each leaf above it (a
    criterion with no sub-criteria is its own at that level); a node that does not apply has no share."""
    found: list[tuple[str, Fraction]] = []

    def visit(node: NodeResult) -> None:
        if not node.applicable:
            return
        if node.depth == depth or not node.children:
            share = node.self_percent if own else node.percent
            if share is not None:
                found.append((node.code, share))
            return
        for child in node.children:
            visit(child)

    for area in areas:
        visit(area)
    return found


def _worth(rule: Rule, value: Any, max_points: Fraction, best: Fraction | None) -> Fraction:
    """A leaf's points for an input: by its rule, or against its group's best value (`relative`)."""
    if best is not None:
        assert isinstance(rule, RelativeRule)
        return rule.against(value, best, max_points)
    return rule.points(value, max_points)


def _not_applicable(node: Node, info: NodeInfo, children: tuple[NodeResult, ...] = ()) -> NodeResult:
    return NodeResult(node.code, node.title, info.depth, ZERO, ZERO, ZERO, False, True, children)


class _Scorer:
    def __init__(self, bound: Bound, detail: bool, leaders: Mapping[str, Fraction] | None) -> None:
        self.bound = bound
        self.detail = detail  # False: final points only (no self-assessed figures, no findings)
        self.leaders = leaders
        self.relative: list[Relative] = []
        self.findings: list[Finding] = []
        self.survey_points: Fraction | None = None
        self.unanswered: list[tuple[str, Fraction, bool]] = []  # (code, max, a survey leaf?) of leaves scoring 0
        self.self_check = bound.criteria.self_assessment is not None  # self-assessed points needed even to rank
        self.final_only = not (detail or self.self_check)  # every self-assessed figure is then the final one
        # a set whose survey is optional: a unit surveyed on nothing has its survey criteria out of the maximum
        self.without_survey = bound.criteria.survey_optional and not any(
            answer.survey is not None
            for code, answer in bound.answers.items()
            if code in bound.nodes and bound.nodes[code].source == "survey"
        )

    def leaf(self, node: Node, info: NodeInfo) -> NodeResult:
        answer = self.bound.answers.get(node.code)
        final, own = answer.inputs(info.source == "survey") if answer else (None, None)
        if final is NOT_APPLICABLE or own is NOT_APPLICABLE:
            return _not_applicable(node, info)
        if final is None and info.source == "survey" and self.without_survey:
            return _not_applicable(node, info)
        max_points = info.max_points
        rule = node.scoring_rule
        best = measured = None  # a `relative` leaf: its value, and the best of its group (alone: its own)
        if isinstance(rule, RelativeRule) and final is not None and not isinstance(final, SurveyShare):
            measured = final
            self.relative.append(Relative(node.code, measured, rule.better == "higher"))
            best = self.leaders.get(node.code, measured) if self.leaders is not None else measured
        if isinstance(final, SurveyShare):
            points = max_points * final.percent / 100
        else:
            points = _worth(rule, final, max_points, best) if final is not None else ZERO
        if info.source == "survey":
            self.survey_points = (self.survey_points or ZERO) + points
        if own is final or self.final_only:
            self_points = points
        else:
            self_points = _worth(rule, own, max_points, best) if own is not None else ZERO
        if final is None:
            self.unanswered.append((node.code, max_points, info.source == "survey"))
        if not self.detail:
            answered = final is not None
            return NodeResult(node.code, node.title, info.depth, max_points, points, self_points, True, answered)
        findings = self.findings
        if measured is not None and self.leaders is None:
            where = ("answers", node.code)
            findings.append(Finding("warning", "relative-alone", node.code, where, (max_points, measured, points)))
        left = left_out_of(final)
        if left is not None:  # said, and a warning when most answers were not counted
            level = "warning" if left[0] * 2 > left[1] else "info"
            from_file = isinstance(final, SurveyShare)  # said where it is written: the results file
            findings.append(Finding(level, "not-counted", node.code, ("answers", node.code), left, from_file))
        if final is None:
            survey = info.source == "survey"
            findings.append(Finding("warning", "unanswered", node.code, ("answers",), (max_points,), survey))
        elif answer is not None and info.source == "self":
            path = ("answers", node.code)
            if answer.unsupported(info, self_points):
                findings.append(Finding("warning", "missing-evidence", node.code, path, (self_points,)))
            if own is not None and points != self_points:
                code = "appraisal-cut" if points < self_points else "appraisal-raised"
                findings.append(Finding("info", code, node.code, path, (self_points, points)))
        return NodeResult(node.code, node.title, info.depth, max_points, points, self_points, True, final is not None)

    def node(self, node: Node) -> NodeResult:
        info = self.bound.nodes[node.code]
        if node.code in self.bound.not_applicable:
            return _not_applicable(node, info)
        if node.children is None:
            return self.leaf(node, info)
        children = tuple([self.node(child) for child in node.children])
        applicable = [child for child in children if child.applicable]
        if not applicable:
            return _not_applicable(node, info, children)
        nodes = self.bound.nodes
        whole = len(applicable) == len(children) and all(child.max is nodes[child.code].whole_max for child in children)
        points = exact_sum(child.points for child in applicable)
        return NodeResult(
            node.code,
            node.title,
            info.depth,
            info.whole_max if whole and info.whole_max is not None else exact_sum(child.max for child in applicable),
            points,
            points if self.final_only else exact_sum(child.self_points for child in applicable),
            True,
            all(child.answered for child in applicable),
            children,
        )

    def adjustments(self) -> tuple[AdjustmentResult, ...]:
        results = []
        for adjustment in self.bound.criteria.adjustments:
            answer = self.bound.adjustments.get(adjustment.code)
            own = answer.self_value if answer and answer.self_value is not None else ZERO
            final = answer.appraised if answer and answer.appraised is not None else own
            sign = 1 if adjustment.kind == "bonus" else -1
            results.append(
                AdjustmentResult(adjustment.code, adjustment.title, adjustment.kind, sign * final, sign * own)
            )
        criteria = self.bound.criteria
        for kind, cap in (("bonus", criteria.bonus_cap), ("penalty", criteria.penalty_cap)):
            if cap is None:
                continue
            limit, sign = Fraction(cap), 1 if kind == "bonus" else -1
            over = max(ZERO, sign * exact_sum(r.points for r in results if r.kind == kind) - limit)
            own_over = max(ZERO, sign * exact_sum(r.self_points for r in results if r.kind == kind) - limit)
            if over or own_over:  # a row of its own: the figures shown still add up to the total
                results.append(AdjustmentResult(f"{kind}-cap", "", kind, -sign * over, -sign * own_over, limit))
        return tuple(results)


def score(bound: Bound, *, detail: bool = True, leaders: Mapping[str, Fraction] | None = None) -> Score:
    """Score one bound assessment (spec §3); ParError (A015, at `answers`) when nothing applies.

    `detail=False` (for rankings) skips what only a single score shows: self-assessed figures and findings.
    `leaders`: the best value of the ranking group for each `relative` leaf (None: scored alone, its own leader).
    """
    scorer = _Scorer(bound, detail, leaders)
    criteria = bound.criteria
    areas = tuple(scorer.node(area) for area in criteria.areas)
    adjustments = scorer.adjustments()
    applicable = [area for area in areas if area.applicable]
    max_points = sum((area.max for area in applicable), ZERO)
    if max_points == 0:
        raise ParError([problem("A015", "all-not-applicable", ("answers",))._replace(key=True)])
    accuracy = criteria.self_assessment
    if accuracy is not None:  # the set scores the accuracy of self-assessment: over-claiming costs points
        over = exact_sum(a.self_points for a in applicable) - exact_sum(a.points for a in applicable)
        if over > Fraction(accuracy.tolerance):
            deduction = -Fraction(accuracy.deduction)
            row = AdjustmentResult("self-assessment", "", "penalty", deduction, ZERO, tolerance=accuracy.tolerance)
            adjustments = (*adjustments, row)
    points = sum((area.points for area in applicable), ZERO) + sum((a.points for a in adjustments), ZERO)
    self_points = sum((area.self_points for area in applicable), ZERO) + sum((a.self_points for a in adjustments), ZERO)
    top = None if criteria.bonus_above_max else HUNDRED
    index = clamp_percent(percent(points, max_points) or ZERO, top)
    self_index = clamp_percent(percent(self_points, max_points) or ZERO, top)
    agency_type = bound.assessment.agency.type
    grade, floors = graded(criteria, index, agency_type, areas)
    findings = scorer.findings
    if detail:  # the floors that kept the agency out of a band, beside the criteria they name
        findings += [
            Finding("info", "grade-floor", m.code, ("answers",), (m.share, Fraction(m.floor)), grade=m.grade)
            for m in floors
        ]
    findings = _in_order(bound, findings)  # (a ranking asks for none)
    assessment = bound.assessment
    return Score(
        agency=assessment.agency,
        criteria_id=criteria.id,
        criteria_title=criteria.title,
        period=assessment.period,
        precision=criteria.precision,
        language=criteria.language,
        origin=bound.origin,
        areas=areas,
        adjustments=adjustments,
        points=points,
        self_points=self_points,
        max=max_points,
        index=index,
        self_index=self_index,
        grade=grade,
        self_grade=graded(criteria, self_index, agency_type, areas, own=True)[0],
        findings=tuple(findings),
        survey_points=scorer.survey_points,
        relative=tuple(scorer.relative),
        leaders=leaders,
        unanswered=tuple(scorer.unanswered),
        floors=floors,
    )


def leaf_findings(bound: Bound) -> tuple[Finding, ...] | None:
    """`score(bound).findings` without the totals (`par check` shows no figure: the exact sums of every node's
    points were a sixth of a checked file's time), each leaf scored as `score` scores it; None when the totals
    are needed: a set whose bands have floors (their findings come from the totals), nothing applicable (A015,
    said by `score`), a maximum below 0."""
    criteria = bound.criteria
    if any(grade.floor is not None for grade in criteria.grades_for(bound.assessment.agency.type)):
        return None
    scorer = _Scorer(bound, True, None)
    nodes, not_applicable = bound.nodes, bound.not_applicable
    signs: list[int] = []  # of the maxima of the leaves that apply (a Fraction's sign is its numerator's)
    stack: list[Node] = list(reversed(criteria.areas))  # as `_Scorer.node` walks them, without adding up (and
    while stack:  # without a recursive closure: a cycle that would keep each file's tree until a collection)
        node = stack.pop()
        if node.code in not_applicable:
            continue
        if node.children is None:
            result = scorer.leaf(node, nodes[node.code])
            if result.applicable:
                signs.append(result.max.numerator)
        else:
            stack += reversed(node.children)
    if not signs or min(signs) < 0 or max(signs) <= 0:
        return None
    return tuple(_in_order(bound, scorer.findings))


def _in_order(bound: Bound, findings: list[Finding]) -> list[Finding]:
    """Findings in the criteria's order."""
    if not findings:
        return findings
    order = {info.code: n for n, info in enumerate(bound.nodes.values())}
    return sorted(findings, key=lambda f: (order.get(f.criterion, 0), f.code))
