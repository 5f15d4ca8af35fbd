"""Differential: for generated valid criteria sets and assessments, a straightforward computation of the index
from the README's rule table (written here independently of par) agrees with `par score`, exactly."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from par_cli.core.binding import bind
from par_cli.core.formats import validator
from par_cli.core.scoring import score
from par_cli.core.tree import index
from par_cli.yamlengine.source import Document

cents = st.integers(min_value=1, max_value=2000).map(lambda n: Decimal(n) / 100)
percents = st.integers(min_value=0, max_value=10000).map(lambda n: Decimal(n) / 100)


@st.composite
def leaf(draw: st.DrawFn, code: str) -> tuple[dict[str, Any], Any]:
    """A leaf of any rule kind, and a valid input for it (None: no answer; "na": not applicable)."""
    top = draw(cents)
    kind = draw(st.sampled_from(["points", "check", "levels", "tiers", "linear", "deduction", "count", "likert"]))
    node: dict[str, Any] = {"code": code, "title": code, "max": top, "allow_na": True}
    answer: Any
    if kind == "points":
        node["rule"] = {"kind": "points"}
        answer = top * draw(st.integers(0, 100)) / 100
    elif kind == "check":
        node["rule"] = {"kind": "check"}
        answer = draw(st.booleans())
    elif kind == "levels":
        shares = draw(st.lists(st.integers(0, 100), min_size=1, max_size=4))
        levels = [{"key": f"k{i}", "percent": Decimal(share)} for i, share in enumerate(shares)]
        node["rule"] = {"kind": "levels", "levels": levels}
        answer = f"k{draw(st.integers(0, len(shares) - 1))}"
    elif kind == "tiers":
        bounds = sorted(set(draw(st.lists(st.integers(0, 100), min_size=1, max_size=4))), reverse=True)
        tiers = [
            {draw(st.sampled_from(["min", "above"])): Decimal(b), "percent": Decimal(draw(st.integers(0, 100)))}
            for b in bounds
        ]
        node["rule"] = {"kind": "tiers", "tiers": tiers}
        answer = draw(
            st.one_of(percents, st.integers(1, 60).flatmap(lambda t: st.tuples(st.integers(0, t), st.just(t))))
        )
    elif kind == "linear":
        full_at = draw(st.integers(1, 100))
        node["rule"] = {
            "kind": "linear",
            "full_at": Decimal(full_at),
            "zero_below": Decimal(draw(st.integers(0, full_at))),
        }
        answer = draw(percents)
    elif kind in ("deduction", "count"):
        node["rule"] = {"kind": kind, "per": draw(cents)}
        answer = Decimal(draw(st.integers(0, 30)))
    else:
        node["rule"] = {"kind": "likert"}
        node["source"] = "survey"
        counts = draw(st.lists(st.integers(0, 20), min_size=5, max_size=5).filter(lambda c: sum(c[:4]) > 0))
        answer = {letter: Decimal(n) for letter, n in zip("ABCDE", counts, strict=True)}
    if isinstance(answer, tuple):
        answer = {"done": Decimal(answer[0]), "total": Decimal(answer[1])}
    fate = draw(st.sampled_from(["answer", "answer", "answer", "none", "na"]))
    return node, (answer if fate == "answer" else None if fate == "none" else "na")


@st.composite
def assessment(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    answers: dict[str, Any] = {}

    def node(code: str, depth: int) -> dict[str, Any]:
        if depth == 3 or (depth > 1 and draw(st.booleans())):
            item, answer = draw(leaf(code))
            if answer is not None:
                answers[code] = {"survey": answer} if item.get("source") == "survey" and answer != "na" else answer
            return item
        children = [node(f"{code}.{i}", depth + 1) for i in range(1, draw(st.integers(1, 3)) + 1)]
        total = sum((child["max"] for child in children), Decimal(0))
        return {"code": code, "title": code, "max": total, "allow_na": True, "children": children}

    areas = [node(str(a), 1) for a in range(1, draw(st.integers(1, 3)) + 1)]
    adjustments = {
        "T": {"self": draw(st.integers(0, 2)) * Decimal("0.5")},
        "P": {"self": Decimal(draw(st.integers(0, 1)))},
    }
    criteria = {
        "kind": "criteria",
        "id": "gen",
        "title": "Generated",
        "areas": areas,
        "adjustments": [
            {"code": "T", "title": "Bonus", "kind": "bonus", "max": Decimal(1)},
            {"code": "P", "title": "Penalty", "kind": "penalty", "max": Decimal(1)},
        ],
    }
    return criteria, answers, adjustments


# The README's rule table, computed directly.
def rule_points(rule: dict[str, Any], top: Fraction, raw: Any) -> Fraction:
    kind = rule["kind"]
    if kind == "points":
        return Fraction(raw)
    if kind == "check":
        return top if raw else Fraction(0)
    if kind == "levels":
        level = next(lv for lv in rule["levels"] if lv["key"] == raw)
        return top * Fraction(level["percent"]) / 100
    x = Fraction(raw["done"]) * 100 / Fraction(raw["total"]) if isinstance(raw, dict) and "done" in raw else None
    if kind == "tiers":
        value = x if x is not None else Fraction(raw)
        for tier in rule["tiers"]:
            bound = Fraction(tier.get("min", tier.get("above")))
            if value > bound or ("min" in tier and value == bound):
                return top * Fraction(tier["percent"]) / 100
        return Fraction(0)
    if kind == "linear":
        value = Fraction(raw)
        if value < Fraction(rule["zero_below"]):
            return Fraction(0)
        return top * min(value, Fraction(rule["full_at"])) / Fraction(rule["full_at"])
    if kind == "deduction":
        return max(Fraction(0), top - Fraction(rule["per"]) * int(raw))
    if kind == "count":
        return min(top, Fraction(rule["per"]) * int(raw))
    scale = {"A": 100, "B": 60, "C": 20, "D": 0}
    counted = {k: Fraction(v) for k, v in raw.items() if k in scale}
    return top * sum(n * scale[k] for k, n in counted.items()) / sum(counted.values()) / 100


def expected(node: dict[str, Any], answers: dict[str, Any]) -> tuple[Fraction, Fraction] | None:
    """(points, applicable max), or None when the node is not applicable."""
    answer = answers.get(node["code"])
    if answer == "na":
        return None
    if "children" in node:
        parts = [r for r in (expected(child, answers) for child in node["children"]) if r is not None]
        if not parts:
            return None
        return sum((p for p, _ in parts), Fraction(0)), sum((m for _, m in parts), Fraction(0))
    top = Fraction(node["max"])
    raw = answer.get("survey") if isinstance(answer, dict) and node.get("source") == "survey" else answer
    if isinstance(raw, dict) and "done" in raw and raw["total"] == 0:
        return None
    return (rule_points(node["rule"], top, raw) if raw is not None else Fraction(0)), top


@given(assessment())
@settings(max_examples=300, deadline=None)
def test_index_agrees_with_a_direct_computation(case: tuple[dict[str, Any], dict[str, Any], dict[str, Any]]) -> None:
    criteria_data, answers, adjustments = case
    areas = [r for r in (expected(area, answers) for area in criteria_data["areas"]) if r is not None]
    criteria = validator("criteria").validate_python(criteria_data)
    data = {"kind": "assessment", "criteria": "gen", "agency": {"id": "a", "name": "A"}, "answers": answers}
    model = validator("assessment").validate_python({**data, "adjustments": adjustments})
    bound, problems = bind(criteria, index(criteria), model, Document("gen.yaml", {}))
    assert bound is not None, problems
    if not areas:
        return  # everything N/A: no index exists (par refuses with A015)
    result = score(bound)
    points = sum((p for p, _ in areas), Fraction(0))
    points += Fraction(adjustments["T"]["self"]) - Fraction(adjustments["P"]["self"])
    top = sum((m for _, m in areas), Fraction(0))
    assert result.max == top
    assert result.points == points
    assert result.index == min(Fraction(100), max(Fraction(0), points * 100 / top))
