"""Invariants of the engine, over generated criteria and inputs (hypothesis)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from par_cli.core.binding import bind
from par_cli.core.formats import validator
from par_cli.core.model import Assessment, CriteriaSet
from par_cli.core.rules.base import ZERO
from par_cli.core.rules.check import CheckRule
from par_cli.core.rules.count import CountRule
from par_cli.core.rules.deduction import DeductionRule
from par_cli.core.rules.levels import Level, LevelsRule
from par_cli.core.rules.likert import LikertRule
from par_cli.core.rules.linear import LinearRule
from par_cli.core.rules.points import PointsRule
from par_cli.core.rules.tiers import Tier, TiersRule
from par_cli.core.scoring import Score, score
from par_cli.core.tree import index
from par_cli.yamlengine.source import Document

cents = st.integers(min_value=1, max_value=2000).map(lambda n: Decimal(n) / 100)
percent = st.integers(min_value=0, max_value=10000).map(lambda n: Decimal(n) / 100)


@st.composite
def tiers_rule(draw: st.DrawFn, max_points: Decimal) -> TiersRule:
    bounds = sorted(set(draw(st.lists(st.integers(0, 100), min_size=1, max_size=4))), reverse=True)
    awards = sorted((draw(st.integers(0, 100)) for _ in bounds), reverse=True)  # never more for a lower tier
    tiers = [
        {draw(st.sampled_from(["min", "above"])): Decimal(b), "percent": Decimal(a)}
        for b, a in zip(bounds, awards, strict=True)
    ]
    return TiersRule(tiers=tuple(Tier(**tier) for tier in tiers))


@st.composite
def rule_and_inputs(draw: st.DrawFn) -> tuple[Any, Decimal, Any, Any]:
    """A rule, its max, and two valid raw inputs with the first ≤ the second (in the rule's own order)."""
    max_points = draw(cents)
    kind = draw(st.sampled_from(["points", "check", "levels", "tiers", "linear", "deduction", "count", "likert"]))
    if kind == "points":
        a, b = sorted(draw(st.lists(st.integers(0, int(max_points * 100)), min_size=2, max_size=2)))
        return PointsRule(), max_points, Decimal(a) / 100, Decimal(b) / 100
    if kind == "check":
        a, b = sorted(draw(st.lists(st.booleans(), min_size=2, max_size=2)))
        return CheckRule(), max_points, a, b
    if kind == "levels":
        shares = sorted(draw(st.lists(st.integers(0, 100), min_size=1, max_size=4)))
        levels = LevelsRule(levels=tuple(Level(key=f"k{i}", percent=Decimal(s)) for i, s in enumerate(shares)))
        i, j = sorted(draw(st.lists(st.integers(0, len(shares) - 1), min_size=2, max_size=2)))
        return levels, max_points, f"k{i}", f"k{j}"
    if kind in ("tiers", "linear"):
        rule: Any = draw(tiers_rule(max_points))
        if kind == "linear":
            full_at = draw(st.integers(1, 100))
            zero_below = draw(st.integers(0, full_at))
            rule = LinearRule(full_at=Decimal(full_at), zero_below=Decimal(zero_below))
        low, high = sorted(draw(st.lists(percent, min_size=2, max_size=2)))
        if draw(st.booleans()):
            total = draw(st.integers(1, 500))
            x, y = sorted(draw(st.lists(st.integers(0, total), min_size=2, max_size=2)))
            return (
                rule,
                max_points,
                {"done": Decimal(x), "total": Decimal(total)},
                {
                    "done": Decimal(y),
                    "total": Decimal(total),
                },
            )
        return rule, max_points, low, high
    if kind in ("deduction", "count"):
        per = draw(cents)
        a, b = sorted(draw(st.lists(st.integers(0, 50), min_size=2, max_size=2)))
        if kind == "deduction":  # more violations, fewer points: the larger count is the "lower" input
            return DeductionRule(per=per), max_points, Decimal(b), Decimal(a)
        return CountRule(per=per), max_points, Decimal(a), Decimal(b)
    counts = draw(st.lists(st.integers(0, 30), min_size=4, max_size=4).filter(lambda c: c[0] > 0))
    moved = list(counts)
    step = draw(st.integers(0, counts[3] if counts[3] else 0))
    moved[3] -= step
    moved[0] += step  # answers moved from D to A: a better survey
    fewer = {k: Decimal(v) for k, v in zip("ABCD", counts, strict=True)}
    more = {k: Decimal(v) for k, v in zip("ABCD", moved, strict=True)}
    return LikertRule(), max_points, fewer, more


@given(rule_and_inputs())
@settings(max_examples=400)
def test_points_stay_within_zero_and_max_and_never_fall_when_input_rises(case: tuple[Any, Decimal, Any, Any]) -> None:
    rule, max_points, low, high = case
    top = Fraction(max_points)
    a = rule.points(rule.read(low, max_points), top)
    b = rule.points(rule.read(high, max_points), top)
    assert 0 <= a <= top and 0 <= b <= top
    assert a <= b


def _formula(rule: Any, value: Any, top: Fraction) -> Fraction:
    """The points of the rules that compute in integers (for speed), as spec §2 writes them, in fractions."""
    if isinstance(rule, LinearRule):
        zero_below, full_at = Fraction(rule.zero_below), Fraction(rule.full_at)
        return ZERO if value < zero_below else top if value >= full_at else top * value / full_at
    if isinstance(rule, DeductionRule):
        return max(ZERO, top - Fraction(rule.per) * int(value))
    if isinstance(rule, CountRule):
        return min(top, Fraction(rule.per) * int(value))
    assert isinstance(rule, TiersRule)
    for tier in rule.tiers:
        bound = Fraction(tier.bound)
        if value > bound or (tier.min is not None and value == bound):
            return Fraction(tier.points) if tier.points is not None else top * Fraction(tier.percent or 0) / 100
    return ZERO


@given(rule_and_inputs(), st.integers(1, 4))
@settings(max_examples=400)
def test_points_computed_in_integers_are_the_formulas_exactly(case: tuple[Any, Decimal, Any, Any], scale: int) -> None:
    rule, max_points, low, high = case
    if not isinstance(rule, LinearRule | DeductionRule | CountRule | TiersRule):
        return
    top = Fraction(max_points) / scale  # maxima that are not whole cents too
    values = [rule.read(raw, max_points) for raw in (low, high)]
    if isinstance(rule, TiersRule):  # on each bound, where `min` and `above` differ
        values += [Fraction(tier.bound) for tier in rule.tiers]
    if isinstance(rule, LinearRule):
        values += [Fraction(rule.zero_below), Fraction(rule.full_at)]
    for value in values:
        got = rule.points(value, top)
        assert got == _formula(rule, value, top) and isinstance(got, Fraction), (rule, value, top, got)


def _criteria(areas: list[dict[str, Any]]) -> CriteriaSet:
    data = {"kind": "criteria", "id": "gen", "title": "Generated", "areas": areas}
    criteria: CriteriaSet = validator("criteria").validate_python(data)  # as a file is validated
    return criteria


def _score(criteria: CriteriaSet, answers: dict[str, Any]) -> Score:
    data = {"kind": "assessment", "criteria": "gen", "agency": {"id": "a", "name": "A"}, "answers": answers}
    assessment: Assessment = validator("assessment").validate_python(data)
    doc = Document("gen.yaml", {})  # an origin to locate findings in (none are looked at here)
    bound, problems = bind(criteria, index(criteria), assessment, doc)
    assert bound is not None, problems
    return score(bound)


@st.composite
def tree_and_answers(draw: st.DrawFn) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Areas → criteria → leaves, any node possibly N/A, leaves answered, N/A or unanswered."""
    answers: dict[str, Any] = {}

    def node(code: str, depth: int) -> dict[str, Any]:
        if depth == 3 or (depth > 1 and draw(st.booleans())):
            max_points = draw(cents)
            choice = draw(st.sampled_from(["value", "value", "na", "none"]))
            if choice == "value":
                answers[code] = max_points * draw(st.integers(0, 100)) / 100
            elif choice == "na":
                answers[code] = "na"
            return {"code": code, "title": code, "max": max_points, "allow_na": True}
        children = [node(f"{code}.{i}", depth + 1) for i in range(1, draw(st.integers(1, 3)) + 1)]
        if depth > 1 and draw(st.integers(0, 5)) == 0:
            answers[code] = "na"  # a whole branch
            for key in [k for k in answers if k.startswith(code + ".")]:
                del answers[key]
        total = sum((Decimal(child["max"]) for child in children), Decimal(0))
        return {"code": code, "title": code, "max": total, "allow_na": True, "children": children}

    areas = [node(str(a), 1) for a in range(1, draw(st.integers(1, 4)) + 1)]
    if _applicable_max(areas, answers) == 0:
        answers.clear()
    return areas, answers


def _applicable_max(nodes: list[dict[str, Any]], answers: dict[str, Any]) -> Fraction:
    """The applicable maximum worked out independently of the engine: leaves not N/A, under no N/A branch."""
    total = Fraction(0)
    for item in nodes:
        if answers.get(item["code"]) == "na":
            continue
        if "children" in item:
            total += _applicable_max(item["children"], answers)
        else:
            total += Fraction(item["max"])
    return total


@given(tree_and_answers(), st.randoms())
def test_sibling_order_does_not_matter(case: tuple[list[dict[str, Any]], dict[str, Any]], rnd: Any) -> None:
    areas, answers = case
    first = _score(_criteria(areas), answers)
    shuffled = [dict(area, children=rnd.sample(area["children"], len(area["children"]))) for area in areas]
    shuffled = rnd.sample(shuffled, len(shuffled))
    second = _score(_criteria(shuffled), answers)
    assert (first.points, first.max, first.index, first.self_points) == (
        second.points,
        second.max,
        second.index,
        second.self_points,
    )


@given(tree_and_answers())
def test_not_applicable_keeps_the_index_within_0_and_100(case: tuple[list[dict[str, Any]], dict[str, Any]]) -> None:
    areas, answers = case
    result = _score(_criteria(areas), answers)
    assert 0 <= result.index <= 100
    assert result.max == _applicable_max(areas, answers)
    for area in result.areas:
        if area.applicable:
            assert area.percent is not None and 0 <= area.percent <= 100
            assert area.max == _applicable_max([a for a in areas if a["code"] == area.code], answers)


@given(st.integers(min_value=-(10**20), max_value=10**20), st.sampled_from([1, 2, 4, 5, 8, 16, 20, 25, 80, 625, 10000]))
def test_a_short_figure_is_written_out_exactly(numerator: int, denominator: int) -> None:
    """`fmt` writes a fraction of at most four decimals in whole numbers: what Decimal division wrote, exactly."""
    from par_cli.words.numbers import fmt

    value = Fraction(numerator, denominator)
    expected = str(value.numerator) if value.denominator == 1 else f"{(Decimal(numerator) / denominator).normalize():f}"
    assert fmt(value) == expected, (value, fmt(value), expected)
    assert Fraction(Decimal(fmt(value))) == value


def _nodes(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [found for item in items for found in [item, *_nodes(item.get("children", []))]]


def _misdeclared(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every inner node's max one more than its children's: a set `par check` refuses (C001)."""
    return [
        dict(item, max=item["max"] + 1, children=_misdeclared(item["children"])) if "children" in item else item
        for item in items
    ]


@given(tree_and_answers(), st.booleans())
def test_every_node_is_out_of_its_applicable_leaves(
    case: tuple[list[dict[str, Any]], dict[str, Any]], odd: bool
) -> None:
    """A node's maximum is the sum of its applicable leaves' (that of a whole subtree is added up once per set, not
    per file); even for a set that declares another, which the engine is never given (C001), it adds up."""
    areas, answers = case
    areas = _misdeclared(areas) if odd else areas
    result = _score(_criteria(areas), answers)
    declared = {item["code"]: item for item in _nodes(areas)}
    pending = list(result.areas)
    while pending:
        node = pending.pop()
        if node.applicable:
            assert node.max == _applicable_max([declared[node.code]], answers), node.code
        pending += node.children


@given(tree_and_answers())
def test_a_ranking_scores_every_node_as_a_full_score_does(case: tuple[list[dict[str, Any]], dict[str, Any]]) -> None:
    """Rankings score without the self-assessed figures (`detail=False`: a subtree's sums done once for both):
    every node's maximum and points are a full score's."""
    areas, answers = case
    criteria = _criteria(areas)
    data = {"kind": "assessment", "criteria": "gen", "agency": {"id": "a", "name": "A"}, "answers": answers}
    bound, _ = bind(criteria, index(criteria), validator("assessment").validate_python(data), Document("g.yaml", {}))
    assert bound is not None
    full, ranked = score(bound), score(bound, detail=False)
    assert (full.points, full.max, full.index) == (ranked.points, ranked.max, ranked.index)
    pending = list(zip(full.areas, ranked.areas, strict=True))
    while pending:
        a, b = pending.pop()
        assert (a.code, a.max, a.points, a.applicable) == (b.code, b.max, b.points, b.applicable)
        assert b.self_points == b.points
        pending += zip(a.children, b.children, strict=True)


@given(st.fractions(max_denominator=10**6), st.integers(0, 4))
def test_rounding_half_up_in_integers_is_the_rule_in_fractions(value: Fraction, places: int) -> None:
    from par_cli.core.numbers import round_half_up

    scaled = abs(value) * 10**places
    whole = int(scaled) + (1 if scaled - int(scaled) >= Fraction(1, 2) else 0)
    assert round_half_up(value, places) == Decimal(whole if value >= 0 else -whole).scaleb(-places)


NAMES = ["Sở Du lịch", "Sở Đào tạo", "Sở Zeta", "Sở Tế", "Sở Te", "Sở Tè", "UBND xã A", "ubnd xã a"]


@given(st.lists(st.tuples(st.sampled_from(NAMES), st.integers(0, 5), st.integers(1, 3)), max_size=30))
def test_competition_ranks_order_by_exact_index_then_vietnamese_name(rows: list[tuple[str, int, int]]) -> None:
    """Entries tied on the exact index (some equal as floats only: 1/3 and 333333333333333331/10**18 are not)
    share a rank and are listed by name; the next rank skips (1, 2, 2, 4)."""
    from par_cli.core.ranking import Entry, competition_ranks
    from par_cli.core.vietnamese_order import vietnamese_key

    def entry(n: int, name: str, index: Fraction) -> Entry:
        return Entry(f"{n}", name, None, (), "c", "C", None, 2, "vi", (), index, Fraction(100), index, None, (), "f")

    near = [Fraction(1, 3), Fraction(333333333333333331, 10**18)]  # one float, two indices
    entries = [entry(n, name, near[a % 2] + b) for n, (name, a, b) in enumerate(rows)]
    expected = sorted(entries, key=lambda e: (-e.index, vietnamese_key(e.agency_name), e.agency_id))
    ranked = competition_ranks(entries)
    assert [e for _, e in ranked] == expected
    assert [r for r, _ in ranked] == [
        1 + next(i for i, o in enumerate(expected) if o.index == e.index) for e in expected
    ]
