"""A criteria set compiled once for ranking: binding and scoring fused, on exact integers (issue 31).

`compile_set` turns a set into a flat plan: each leaf with its rule, its maximum and its area, every maximum an
integer over one common denominator (the lcm of the leaves' maxima). `score_plain` reads the answers of an
assessment as written (the validated mapping, inputs not yet read) and returns the `Score` a ranking takes from
the general engine (`core.binding.bind`, then `core.scoring.score` with `detail=False`): the same exact figures.
A rule's reading of an input and the points it gives are those of the rule itself, each worked out once per leaf
and input as written (a folder's files repeat the same inputs), kept as an integer over the common denominator.

The compiled path handles the plain case only, and says None for anything else, so that the general engine
scores that file and reports every problem exactly as it would: any input a rule refuses or says is not
applicable, an unknown code, an answer on an inner node, an unknown field, unit types, ranking groups, floors,
`relative` leaves, a self-assessment deduction, an optional survey, an adjustment out of range, nothing applicable.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from math import lcm
from typing import TYPE_CHECKING, Any

from par_cli.core.compiled_adjustments import adjustment_rows
from par_cli.core.named_tuple import NamedTuple
from par_cli.core.numbers import TextNumber, clamp_percent, percent
from par_cli.core.rules.base import HUNDRED, NOT_APPLICABLE, InputError, award

if TYPE_CHECKING:
    from collections.abc import Callable

    from par_cli.core.diagnostics import Origin
    from par_cli.core.scoring import AdjustmentResult, NodeResult, Score

    Kinds = tuple[type[Score], type[NodeResult], type[AdjustmentResult], Callable[..., Any]]
    from par_cli.core.model import Assessment, CriteriaSet, Node
    from par_cli.core.rules.base import Rule
    from par_cli.core.tree import NodeInfo

ANSWER_FIELDS = frozenset(
    {"self", "first_appraisal", "appraised", "survey", "evidence", "explanation", "note", "na", "reason"}
)  # as `core.binding.ANSWER_FIELDS` (the compiled path binds as it does)
ZERO = Fraction(0)
REFUSED = object()  # an input a rule refuses, or reads as not applicable: the general engine says why


class Leaf(NamedTuple):
    """One leaf of the plan: what scoring it needs, its maximum an integer over the plan's denominator."""

    code: str
    rule: Rule
    declared: Decimal  # its `max` as written (what a rule reads an input against)
    max_points: Fraction
    scaled_max: int  # max_points × denominator
    area: int  # its area's place in the set
    survey: bool  # a survey leaf: its input is `survey`
    allow_na: bool
    memo: dict[tuple[Any, ...], Any]  # an input as written → (value read, points × denominator: int, or Fraction)
    ratio: tuple[Any, ...] | None = None  # tiers or linear on a percentage: `{done, total}` scored in integers


class Plan(NamedTuple):
    criteria: CriteriaSet
    leaves: tuple[Leaf, ...]  # in the set's order (the order a score lists unanswered leaves in)
    by_code: dict[str, Leaf]
    denominator: int
    area_max: tuple[int, ...]  # each area's maximum × denominator when every leaf applies
    adjustments: dict[str, Any]  # code → Adjustment


def compile_set(criteria: CriteriaSet, nodes: dict[str, NodeInfo]) -> Plan | None:
    """The plan of a set; None when the set uses what the compiled path leaves to the general engine."""
    if (
        criteria.unit_types
        or criteria.grades_by_type
        or criteria.ranking_groups
        or criteria.self_assessment is not None
        or criteria.survey_optional
        or any(grade.floor is not None for grade in criteria.grades)
    ):
        return None
    leaves: list[Leaf] = []
    seen = 0

    def visit(node: Node, area: int) -> bool:
        nonlocal seen
        seen += 1
        info = nodes.get(node.code)
        if info is None or info.node is not node or node.applies_to is not None or node.max_by_type is not None:
            return False
        if node.children is not None:
            return all(visit(child, area) for child in node.children)
        rule = node.rule
        if rule is None or rule.kind == "relative":
            return False
        survey = info.source == "survey"
        leaves.append(Leaf(node.code, rule, node.max, info.max_points, 0, area, survey, node.allow_na, {}))
        return True

    if not all(visit(area, n) for n, area in enumerate(criteria.areas)) or seen != len(nodes):
        return None  # a code twice, a typed maximum, a criterion for some unit types only, a relative leaf
    grid = lcm(1, *(d for leaf in leaves for d in _denominators(leaf.rule)))  # points a rule gives: on the grid
    denominator = lcm(1, *(leaf.max_points.denominator for leaf in leaves)) * grid * 100
    leaves = [
        leaf._replace(scaled_max=int(leaf.max_points * denominator), ratio=_ratio(leaf, denominator)) for leaf in leaves
    ]
    area_max = [0] * len(criteria.areas)
    for leaf in leaves:
        area_max[leaf.area] += leaf.scaled_max
    adjustments = {adjustment.code: adjustment for adjustment in criteria.adjustments}
    return Plan(
        criteria, tuple(leaves), {leaf.code: leaf for leaf in leaves}, denominator, tuple(area_max), adjustments
    )


def _denominators(value: Any) -> list[int]:
    """The denominators of every figure among a rule's parameters (tiers, levels, steps…)."""
    if isinstance(value, Decimal | Fraction):
        try:
            return [value.as_integer_ratio()[1]]
        except (ValueError, OverflowError):
            return []
    if isinstance(value, tuple | list):
        return [d for item in value for d in _denominators(item)]
    fields = getattr(value.__class__, "_fields", ())
    return [d for name in fields for d in _denominators(getattr(value, name, None))]


def _ratio(leaf: Leaf, denominator: int) -> tuple[Any, ...] | None:
    """A percentage rule's parameters in integers, its awards × the denominator (`_done_total` scores with them)."""
    rule: Any = leaf.rule
    if rule.kind == "tiers" and rule.input == "percent":
        tiers = []
        for tier in rule.tiers:
            scaled = award(tier.points, tier.percent, leaf.max_points) * denominator
            bound_n, bound_d = tier.bound.as_integer_ratio()
            tiers.append(
                (tier.min is not None, bound_n, bound_d, scaled.numerator if scaled.denominator == 1 else scaled)
            )
        return ("tiers", tuple(tiers))
    if rule.kind == "linear":
        limits = (*rule.zero_below.as_integer_ratio(), *rule.full_at.as_integer_ratio())
        return ("linear", limits, leaf.max_points.numerator * denominator, leaf.max_points.denominator)
    return None


def _done_total(leaf: Leaf, raw: dict[Any, Any]) -> Any:
    """The scaled points of `{done: n, total: m}` on a tiers or linear leaf, as the rule gives them (value
    done / total × 100, compared in integers), or None when the rule itself must read it (anything unusual)."""
    done, total = raw.get("done"), raw.get("total")
    if len(raw) != 2 or done.__class__ is not TextNumber or total.__class__ is not TextNumber:
        return None
    try:
        done_n, done_d = done.as_integer_ratio()
        total_n, total_d = total.as_integer_ratio()
    except (ValueError, OverflowError):
        return None
    return ratio_points(leaf, done_n, done_d, total_n, total_d)


def ratio_points(leaf: Leaf, done_n: int, done_d: int, total_n: int, total_d: int) -> Any:
    """`_done_total` of done = done_n / done_d and total = total_n / total_d (each denominator positive)."""
    if done_n < 0 or total_n <= 0 or done_n * total_d > total_n * done_d:
        return None  # refused, or not applicable (total 0): the rule says so
    n, d = done_n * 100 * total_d, done_d * total_n  # the value n / d (d > 0), not reduced: compared only
    ratio = leaf.ratio
    assert ratio is not None
    if ratio[0] == "tiers":
        for inclusive, bound_n, bound_d, scaled in ratio[1]:
            left, right = n * bound_d, bound_n * d
            if left > right or (inclusive and left == right):
                return scaled
        return 0
    (zero_n, zero_d, full_n, full_d), top, under = ratio[1], ratio[2], ratio[3]
    if n * zero_d < zero_n * d:
        return 0
    if n * full_d >= full_n * d:
        return leaf.scaled_max
    numerator, denominator = top * n * full_d, under * d * full_n  # max × value / full_at × the plan's denominator
    return numerator // denominator if numerator % denominator == 0 else Fraction(numerator, denominator)


def _written(raw: Any) -> tuple[Any, ...] | None:
    """An input as written, as a key (a figure by its text); None when it is not kept (read every time)."""
    kind = raw.__class__
    if kind is TextNumber:
        return ("n", raw.source)
    if kind is str or kind is bool:
        return (kind, raw)
    if kind is dict:
        parts: list[tuple[Any, ...]] = []
        for name, value in raw.items():
            key = _written(value) if name.__class__ is str and value.__class__ is not dict else None
            if key is None:
                return None
            parts.append((name, key))
        return ("m", tuple(parts))
    return None


def _read(plan: Plan, leaf: Leaf, raw: Any) -> Any:
    """(value, scaled points) of an input, or REFUSED: what the binder reads and the rule gives for it."""
    key = _written(raw)
    found = leaf.memo.get(key, None) if key is not None else None
    if found is not None:
        return found
    try:
        value = leaf.rule.read(raw, leaf.declared)
    except InputError:
        found = REFUSED
    else:
        if value is NOT_APPLICABLE:
            found = REFUSED
        else:
            points = leaf.rule.points(value, leaf.max_points) * plan.denominator
            found = (value, points.numerator if points.denominator == 1 else points)
    if key is not None:
        if len(leaf.memo) >= 4096:  # inputs written freely do not repeat: memory stays bounded
            leaf.memo.clear()
        leaf.memo[key] = found
    return found


def _text(raw: Any) -> bool:
    return raw is None or isinstance(raw, str)


def answer_points(plan: Plan, leaf: Leaf, raw: Any) -> Any:
    """The scaled points of one answer, None when unanswered, NOT_APPLICABLE when declared so, or REFUSED."""
    if raw == "na":
        return NOT_APPLICABLE if leaf.allow_na else REFUSED
    if isinstance(raw, dict) and raw and ANSWER_FIELDS.issuperset(raw):
        fields = raw
    elif isinstance(raw, dict) and not ANSWER_FIELDS.isdisjoint(raw):
        return REFUSED  # some answer fields and others (A012)
    else:
        fields = {"self": raw}  # the short form (a mapping without answer fields is an input: `{done, total}`)
    na = fields.get("na", False)
    if na is not False:
        given = any(fields.get(name) is not None for name in ("self", "first_appraisal", "appraised", "survey"))
        return NOT_APPLICABLE if na is True and leaf.allow_na and not given and _text(fields.get("reason")) else REFUSED
    evidence = fields.get("evidence")
    if evidence is not None:
        if not isinstance(evidence, list):
            return REFUSED
        try:  # a list of texts (`str.join` takes nothing else), as the binder's `_texts` asks
            "".join(evidence)
        except TypeError:
            return REFUSED
    if not (_text(fields.get("explanation")) and _text(fields.get("note")) and _text(fields.get("reason"))):
        return REFUSED
    if leaf.survey:
        if any(fields.get(name) is not None for name in ("self", "first_appraisal", "appraised")):
            return REFUSED
        raw_final = fields.get("survey")
        return None if raw_final is None else _points(plan, leaf, raw_final)
    if fields.get("survey") is not None:
        return REFUSED
    raw_self, raw_appraised = fields.get("self"), fields.get("appraised")
    final = own = None if raw_self is None else _points(plan, leaf, raw_self)
    if raw_appraised is not None:
        final = own if raw_appraised == raw_self else _points(plan, leaf, raw_appraised)  # kept: read once
    elif "appraised" in fields:
        return REFUSED  # a blank appraisal (A017)
    raw_first = fields.get("first_appraisal")
    first = None if raw_first is None else _points(plan, leaf, raw_first)
    if own is REFUSED or final is REFUSED or first is REFUSED:
        return REFUSED
    return final if raw_appraised is not None else first if first is not None else own


def _points(plan: Plan, leaf: Leaf, raw: Any) -> Any:
    if leaf.ratio is not None and raw.__class__ is dict:
        scaled = _done_total(leaf, raw)
        if scaled is not None:
            return scaled
    found = _read(plan, leaf, raw)
    return found if found is REFUSED else found[1]


def score_plain(plan: Plan, assessment: Assessment, origin: Origin, kinds: Kinds) -> Score | None:
    """What `score(bind(…), detail=False)` gives a ranking for this assessment (its answers as written), or None
    when the general engine must score it (any problem at all, or anything the plan does not handle)."""
    agency = assessment.agency
    if agency.type is not None or (agency.ranked and agency.unranked_reason is not None):
        return None
    by_code = plan.by_code
    given: dict[str, Any] = {}
    for code, raw in assessment.answers.items():
        leaf = by_code.get(code) if code.__class__ is str else None
        if leaf is None:
            return None  # not a leaf of the set (or an inner node, perhaps declared N/A): the general engine
        points = answer_points(plan, leaf, raw)
        if points is REFUSED:
            return None
        given[code] = points
    return score_given(plan, assessment, origin, kinds, given)


def score_given(
    plan: Plan, assessment: Assessment, origin: Origin, kinds: Kinds, given: dict[str, Any]
) -> Score | None:
    """`score_plain` of the assessment whose answers give these scaled points (`answer_points` of each)."""
    agency = assessment.agency
    Score, NodeResult, AdjustmentResult, graded = kinds  # `core.scoring`'s, handed in: not imported (layers)
    adjustments = adjustment_rows(plan.criteria, plan.adjustments, assessment.adjustments, AdjustmentResult)
    if adjustments is None:
        return None
    areas = len(plan.area_max)
    points_in = [0] * areas
    extra = [0] * areas  # points off the common denominator (a rule's fraction of a maximum): extra / under
    under = [1] * areas
    area_max = list(plan.area_max)
    applicable = [False] * areas
    survey: Fraction | None = None
    unanswered: list[tuple[str, Fraction, bool]] = []
    for leaf in plan.leaves:
        points = given.get(leaf.code)
        if points is NOT_APPLICABLE:
            area_max[leaf.area] -= leaf.scaled_max
            continue
        applicable[leaf.area] = True
        if points is None:
            unanswered.append((leaf.code, leaf.max_points, leaf.survey))
            points = 0
        elif points.__class__ is int:
            points_in[leaf.area] += points
        else:  # n / d: added over a running common denominator, reduced once at the end
            n, d, at = points.numerator, points.denominator, leaf.area
            if under[at] % d:
                common = lcm(under[at], d)
                extra[at] *= common // under[at]
                under[at] = common
            extra[at] += n * (under[at] // d)
        if leaf.survey:
            survey = (survey or ZERO) + Fraction(points) / plan.denominator
    denominator = plan.denominator
    results = []
    common = lcm(*(u for u, a in zip(under, applicable, strict=True) if a), 1)  # the areas' points: total / common
    total = top_total = 0
    for n, area in enumerate(plan.criteria.areas):
        if applicable[n]:
            got_n = points_in[n] * under[n] + extra[n]
            total += got_n * (common // under[n])
            top_total += area_max[n]
            got = Fraction(got_n, denominator * under[n])
            results.append(
                NodeResult(area.code, area.title, 1, Fraction(area_max[n], denominator), got, got, True, True)
            )
        else:
            results.append(NodeResult(area.code, area.title, 1, ZERO, ZERO, ZERO, False, True))
    if top_total == 0:
        return None
    max_points = Fraction(top_total, denominator)
    points = self_points = Fraction(total, denominator * common)  # Σ of the areas' points, in one division
    if adjustments:
        points, self_points = (
            points + sum(a.points for a in adjustments),
            points + sum(a.self_points for a in adjustments),
        )
    criteria = plan.criteria
    top_index = None if criteria.bonus_above_max else HUNDRED
    index = clamp_percent(percent(points, max_points) or ZERO, top_index)
    self_index = index if self_points == points else clamp_percent(percent(self_points, max_points) or ZERO, top_index)
    grade = graded(criteria, index)[0]
    return Score(
        agency=agency,
        criteria_id=criteria.id,
        criteria_title=criteria.title,
        period=assessment.period,
        precision=criteria.precision,
        language=criteria.language,
        origin=origin,
        areas=tuple(results),
        adjustments=adjustments,
        points=points,
        self_points=self_points,
        max=max_points,
        index=index,
        self_index=self_index,
        grade=grade,
        self_grade=grade if self_index == index else graded(criteria, self_index)[0],
        findings=(),
        survey_points=survey,
        unanswered=tuple(unanswered),
    )
