"""The compiled scorer (`core.compiled`) against the general engine: the same entry for every assessment it
handles, and the general engine (its errors, their places) for every one it declines.

A property test over generated sets (every rule kind, N/A, bonus and penalty with caps, survey leaves) and
generated assessments (valid, N/A, unanswered, wrong inputs, unknown codes and fields); then every shipped file
and fuzz mutants of them through a ranking's file scorer, and `par rank` of every shipped folder, byte for byte,
with the compiled path on and off (`PAR_COMPILED=0`)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from par_cli.__main__ import app
from par_cli.core.binding import bind
from par_cli.core.compiled import compile_set, score_given, score_plain
from par_cli.core.diagnostics import NOWHERE, DocPath, Location, ParError
from par_cli.core.formats import validate
from par_cli.core.numbers import TextNumber
from par_cli.core.ranking import entry_of
from par_cli.core.scoring import AdjustmentResult, NodeResult, Score, graded, score
from par_cli.core.tree import index
from par_cli.services import compiled_rank
from par_cli.services.workspace import FileScorer
from tests.conftest import ROOT
from tests.fuzz.mutants import placed_mutants
from tests.test_architecture import INPUTS, SAMPLES

KINDS = (Score, NodeResult, AdjustmentResult, graded)


class Origin:
    file = "a.yaml"

    def locate(self, path: DocPath, *, key: bool = False) -> Location:
        return NOWHERE


def number(value: Any) -> Any:
    return TextNumber(str(value)) if isinstance(value, Decimal | int) and not isinstance(value, bool) else value


@st.composite
def criteria_sets(draw: st.DrawFn) -> dict[str, Any]:
    kinds = sorted(SAMPLES)
    code = 0

    def leaf(prefix: str) -> dict[str, Any]:
        nonlocal code
        code += 1
        kind = draw(st.sampled_from(kinds))
        node: dict[str, Any] = {
            "code": f"{prefix}.{code}",
            "title": "L",
            "max": draw(st.sampled_from([Decimal("0.5"), Decimal(1), Decimal("2.25"), Decimal(3), Decimal("0.3")])),
            "rule": {"kind": kind, **SAMPLES[kind]},
        }
        if draw(st.booleans()):
            node["allow_na"] = True
        return node

    areas = []
    for n in range(1, draw(st.integers(1, 3)) + 1):
        children = []
        for m in range(draw(st.integers(1, 3))):
            if draw(st.booleans()):
                kids = [leaf(f"{n}.{m}") for _ in range(draw(st.integers(1, 3)))]
                total = sum((k["max"] for k in kids), Decimal(0))
                children.append({"code": f"{n}.{m}", "title": "C", "max": total, "children": kids})
            else:
                children.append(leaf(str(n)))
        area: dict[str, Any] = {"code": str(n), "title": "A", "max": sum((c["max"] for c in children), Decimal(0))}
        area["children"] = children
        if draw(st.integers(0, 4)) == 0:
            area["source"] = "survey"
        areas.append(area)
    data: dict[str, Any] = {"kind": "criteria", "id": "x", "title": "X", "areas": areas}
    data["grades"] = [{"min": Decimal(80), "label": "Good"}, {"above": Decimal(50), "label": "Fair"}]
    if draw(st.booleans()):
        data["adjustments"] = [
            {"code": "B1", "title": "b", "kind": "bonus", "max": Decimal(2)},
            {"code": "P1", "title": "p", "kind": "penalty", "max": Decimal(3)},
        ]
        if draw(st.booleans()):
            data["bonus_cap"], data["penalty_cap"] = Decimal(1), Decimal("1.5")
        data["bonus_above_max"] = draw(st.booleans())
    return data


def inputs_for(kind: str, broken: bool) -> st.SearchStrategy[Any]:
    wrong = st.sampled_from(["zzz", TextNumber("-1"), TextNumber("250"), [1], {"x": 1}, True])
    dones, totals = (
        (["0", "3", "7", "2.5", "9", "10"], ["0", "7", "9", "10"]) if broken else (["0", "3", "7"], ["7", "9"])
    )
    done_total = st.tuples(st.sampled_from(dones), st.sampled_from(totals)).map(
        lambda pair: {"done": TextNumber(pair[0]), "total": TextNumber(pair[1])}
    )
    own = {
        "points": st.sampled_from(["0", "0.25", "0.5", "1", "0.1"]).map(TextNumber),
        "check": st.booleans(),
        "levels": st.sampled_from(["a", "b"]),
        "tiers": st.one_of(st.integers(0, 100).map(number), done_total),
        "linear": st.one_of(st.integers(0, 100).map(number), done_total),
        "between": st.integers(0, 100).map(number),
        "deduction": st.integers(0, 4).map(number),
        "count": st.integers(0, 4).map(number),
        "likert": st.just({"B": TextNumber("1")}),
        "relative": st.integers(0, 10).map(number),
    }.get(kind, st.just(INPUTS[kind]))
    return st.one_of(own, own, own, own, wrong, st.none()) if broken else st.one_of(own, own, own, own, st.none())


@st.composite
def cases(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    data = draw(criteria_sets())
    leaves = []

    def visit(node: dict[str, Any], survey: bool) -> None:
        survey = node.get("source", "survey" if survey else "self") == "survey"
        if "children" in node:
            for child in node["children"]:
                visit(child, survey)
        else:
            leaves.append((node, survey))

    for area in data["areas"]:
        visit(area, False)
    answers: dict[str, Any] = {}
    broken = draw(st.integers(0, 3)) == 0  # wrong inputs, unknown codes and fields: declined (general errors)
    for node, survey in leaves:
        kind, form = node["rule"]["kind"], draw(st.integers(0, 9))
        value = draw(inputs_for(kind, broken))
        if form == 0:
            continue  # unanswered
        if form == 1 and (broken or node.get("allow_na")):
            nas = ["na", {"na": True, "reason": "r"}, {"na": 1}, {"na": True, "self": value}] if broken else ["na"]
            answers[node["code"]] = draw(st.sampled_from(nas))
        elif form == 2:
            answers[node["code"]] = value
        elif survey or form == 3:
            field = draw(st.sampled_from(["survey", "survey", "self"])) if broken else "survey" if survey else "self"
            answers[node["code"]] = {field: value}
        else:
            answer = {"self": value, "appraised": draw(inputs_for(kind, broken)), "evidence": ["x"]}
            if form == 9:
                extra = ["first_appraisal", "explanation", "note", "evidnce", "evidence"] if broken else ["note"]
                answer[draw(st.sampled_from(extra))] = draw(st.sampled_from([1, "t", value])) if broken else "t"
            answers[node["code"]] = answer
    if broken and draw(st.booleans()):
        answers[draw(st.sampled_from(["9.9", "1", "1.0"]))] = TextNumber("1")
    assessment: dict[str, Any] = {"kind": "assessment", "criteria": "x", "agency": {"id": "a", "name": "A"}}
    assessment["answers"] = answers
    if "adjustments" in data and draw(st.booleans()):
        values = st.sampled_from([TextNumber("0.5"), TextNumber("2"), TextNumber("5"), "x", {"self": TextNumber("1")}])
        assessment["adjustments"] = {code: draw(values) for code in draw(st.sampled_from([["B1"], ["P1", "B1"]]))}
    return data, assessment


tally = {"compiled": 0, "declined": 0}


@settings(max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_the_compiled_scorer_gives_the_general_engine_s_entry_or_declines(case: Any) -> None:
    criteria_data, assessment_data = case
    criteria, problems = validate("criteria", criteria_data)
    assert criteria is not None, problems
    nodes = index(criteria)
    assessment = validate("assessment", assessment_data)[0]
    bound, _ = bind(criteria, nodes, assessment, Origin())
    try:
        general = entry_of(score(bound, detail=False), ()) if bound is not None else None
    except ParError:
        general = None
    plan = compile_set(criteria, nodes)
    found = score_plain(plan, assessment, Origin(), KINDS) if plan is not None else None
    if found is None:
        tally["declined"] += 1
        return
    tally["compiled"] += 1
    assert general is not None, "compiled what the general engine refuses"
    assert entry_of(found, ()) == general


def test_the_property_test_did_compile_most_cases() -> None:
    """Run after the property test (file order): both branches were taken, most cases compiled."""
    if tally["compiled"] + tally["declined"] == 0:
        pytest.skip("the property test did not run first")
    assert tally["compiled"] > 40 and tally["declined"] > 20, tally


def test_a_set_the_compiled_path_leaves_to_the_general_engine() -> None:
    leaf = {"code": "1", "title": "A", "max": Decimal(1), "rule": {"kind": "relative", "better": "lower"}}
    criteria = validate("criteria", {"kind": "criteria", "id": "x", "title": "X", "areas": [leaf]})[0]
    assert compile_set(criteria, index(criteria)) is None


def scored_both_ways(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    found = []
    for switch in ("0", "1"):
        monkeypatch.setenv("PAR_COMPILED", switch)
        found.append(FileScorer()(path))
    return found[0], found[1]


def shipped() -> list[Path]:
    return sorted([*(ROOT / "examples").rglob("*.yaml"), *(ROOT / "criteria").rglob("*.yaml")])


def test_every_shipped_file_gives_the_same_entry_or_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    compiled = 0
    for path in shipped():
        general, fast = scored_both_ways(path, monkeypatch)
        assert fast == general, path
        compiled += not isinstance(fast, tuple)
    assert compiled > 30


def test_fuzz_mutants_give_the_same_entry_or_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for source, data, target in placed_mutants(tmp_path, 150):
        general, fast = scored_both_ways(target, monkeypatch)
        assert fast == general, (source, data[:300])


def folders() -> list[Path]:
    return sorted({path.parent for path in (ROOT / "examples").rglob("*.yaml")})


ranked = {"compiled": 0, "runs": 0}


@pytest.mark.parametrize("folder", folders(), ids=lambda p: str(p.relative_to(ROOT)))
def test_rank_of_every_shipped_folder_is_byte_identical(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def counted(*args: Any) -> Any:
        found = score_plain(*args)
        ranked["compiled"] += found is not None
        return found

    def counted_given(*args: Any) -> Any:  # the answers read by `answer_lines`
        found = score_given(*args)
        ranked["compiled"] += found is not None
        return found

    monkeypatch.setattr(compiled_rank, "score_plain", counted)
    monkeypatch.setattr(compiled_rank, "score_given", counted_given)
    ranked["runs"] += 1
    runner = CliRunner()
    outputs = []
    for switch in ("0", "1"):
        monkeypatch.setenv("PAR_COMPILED", switch)
        for form in ("json", "csv"):
            result = runner.invoke(app, ["rank", str(folder), "--no-cache", "-f", form, "--areas"])
            outputs.append((switch, form, result.exit_code, result.output))
    assert [o[2:] for o in outputs[:2]] == [o[2:] for o in outputs[2:]]


def test_the_rankings_above_did_use_the_compiled_path() -> None:
    if not ranked["runs"]:
        pytest.skip("the rankings did not run first")
    assert ranked["compiled"] > 30, ranked
