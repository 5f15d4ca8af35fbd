"""`par rank --robustness`: gaps to the neighbours, ties at the shown precision, possible ranks — by hand, and
the exact interval checked against every combination of one-step moves."""

from __future__ import annotations

import itertools
import json
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from par_cli.core.ranking import Entry, rank
from par_cli.core.robustness import robustness
from par_cli.core.rules.check import CheckRule
from par_cli.core.rules.levels import Level, LevelsRule
from par_cli.core.rules.points import PointsRule
from tests.conftest import Write, run

SET = """\
kind: criteria
id: r
title: "Bộ thử độ vững"
precision: 2
grades: [{min: 0, label: A}]
areas:
  - {code: "1", title: Một, max: 10, rule: {kind: points, step: 0.5}}
"""


def folder(write: Write, points: dict[str, str], criteria: str = SET) -> None:
    write("f/criteria.yaml", criteria)
    for agency_id, value in points.items():
        write(
            f"f/{agency_id}.yaml",
            f'kind: assessment\ncriteria: r\nagency: {{id: {agency_id}, name: "Sở {agency_id.upper()}"}}\n'
            f"answers: {{'1': {value}}}\n",
        )


def test_possible_ranks_and_gaps_by_hand(write: Write) -> None:
    """One leaf of 10 points in steps of 0.5: a 9.5, b 9, c 7, d 6.5 → each index ±5 points.

    a: 90–100, b: 85–95, c: 65–75, d: 60–70. a's best is 1st; at worst b (up to 95) passes it: 1–2.
    b: 1–2 the same way. c: a and b stay above it (lowest 90 and 85 > 75) → at best 3rd; d can pass (70 > 65): 3–4.
    """
    folder(write, {"a": "9.5", "b": "9", "c": "7", "d": "6.5"})
    code, out, err = run("rank", "f", "--robustness", "-f", "json")
    assert code == 0, err
    data = json.loads(out)
    [group] = data["groups"]
    found = [(r["agency"]["id"], r["robustness"]) for r in group["rows"]]
    # Steps: one move is 5 index points. b passes a (5 apart) only with two (b up and a down: 10 > 5); c never
    # passes b (20 apart, two moves give 10): none.
    same: dict[str, list[str]] = {"shown_tie_with": []}
    assert found == [
        ("a", {"gap_above": None, "gap_below": 5, **same, "best_rank": 1, "worst_rank": 2,
               "steps_to_rise": None, "steps_to_fall": 2}),
        ("b", {"gap_above": 5, "gap_below": 20, **same, "best_rank": 1, "worst_rank": 2,
               "steps_to_rise": 2, "steps_to_fall": None}),
        ("c", {"gap_above": 20, "gap_below": 5, **same, "best_rank": 3, "worst_rank": 4,
               "steps_to_rise": None, "steps_to_fall": 2}),
        ("d", {"gap_above": 5, "gap_below": None, **same, "best_rank": 3, "worst_rank": 4,
               "steps_to_rise": 2, "steps_to_fall": None}),
    ]  # fmt: skip
    assert data["robustness"]["method"] == "exact"


def test_the_table_shows_possible_ranks_and_the_method(write: Write) -> None:
    folder(write, {"a": "9.5", "b": "9", "c": "7", "d": "6.5"})
    code, out, err = run("rank", "f", "--robustness", "--lang", "en")
    assert code == 0, err
    header = next(line for line in out.splitlines() if line.startswith("Rank"))
    assert header.split()[-6:] == ["above", "Gap", "below", "Tie", "Possible", "ranks"], out
    c = next(line for line in out.splitlines() if "Sở C" in line)
    assert c.split() == ["3", "Sở", "C", "7.00", "10.00", "70.00", "A", "20.00", "5.00", "(2)", "3–4"], out
    assert "█" not in out  # no bars beside the four extra columns: a cut bar would read as a smaller figure
    assert "computed exactly, not sampled" in out


def test_equal_shown_indices_ranked_apart_by_hidden_decimals(write: Write) -> None:
    """2.70001 / 3 = 90.000333… and 2.7 / 3 = 90: both shown as 90,00, ranked 1 and 2 by the hidden decimals."""
    criteria = SET.replace("max: 10, rule: {kind: points, step: 0.5}", "max: 3")
    folder(write, {"x": "2.70001", "y": "2.7", "z": "2"}, criteria)
    code, out, err = run("rank", "f", "--robustness", "-f", "json")
    assert code == 0, err
    rows = json.loads(out)["groups"][0]["rows"]
    assert [(r["rank"], r["index"], r["robustness"]["shown_tie_with"]) for r in rows] == [
        (1, 90, ["Sở Y"]),
        (2, 90, ["Sở X"]),
        (3, 66.67, []),
    ]
    assert rows[0]["robustness"]["gap_below"] == 0  # 0.000333… index points, shown at 2 decimals
    # one quarter point (unstepped points) more for y, 8.33 index points, puts it above x
    assert (rows[0]["robustness"]["steps_to_fall"], rows[1]["robustness"]["steps_to_rise"]) == (1, 1)
    code, out, err = run("rank", "f", "--robustness")
    assert "≈ 90,00 %: Sở X hạng 1: 90,000333; Sở Y hạng 2: 90,000000 — xếp khác hạng chỉ nhờ phần thập phân" in out, (
        out
    )


def test_robustness_is_refused_in_the_annex_formats(write: Write) -> None:
    folder(write, {"a": "9"})
    code, _, err = run("rank", "f", "--robustness", "-f", "docx", "-o", "x.docx")
    assert code == 2, err
    assert "U002" in err and "--robustness" in err, err


# The interval is exact: the same as trying every combination of one-step moves.

RULES = [
    (CheckRule(), Fraction(2), [Fraction(0), Fraction(2)]),
    (LevelsRule(levels=(Level("a", None, Decimal(3), None), Level("b", None, Decimal(1), None), Level("c", None, Decimal(0), None))), Fraction(3),
     [Fraction(3), Fraction(1), Fraction(0)]),
    (PointsRule(step=Fraction(1, 2)), Fraction(2), [Fraction(n, 2) for n in range(5)]),
]  # fmt: skip


def entry(name: str, points: list[Fraction], moves: list[tuple[Fraction, Fraction]], total: Fraction) -> Entry:
    """An agency as `rank --robustness` scores it: index, its range, each leaf's rise and fall in index points."""
    scale = 100 / total
    index = sum(points, Fraction(0)) * scale
    low, high = sum((lo for lo, _ in moves), Fraction(0)) * scale, sum((h for _, h in moves), Fraction(0)) * scale
    gains = sorted(((h - p) * scale for p, (_, h) in zip(points, moves, strict=True) if h > p), reverse=True)
    losses = sorted(((p - lo) * scale for p, (lo, _) in zip(points, moves, strict=True) if lo < p), reverse=True)
    return Entry(name, name, None, (), "r", "R", None, 2, "vi", (), index, Fraction(100), index, None, (), name,
                 index_low=low, index_high=high, gains=tuple(gains), losses=tuple(losses))  # fmt: skip


def fewest_moves(lower: list[Fraction], lower_moves: list[tuple[Fraction, Fraction]], upper: list[Fraction],
                 upper_moves: list[tuple[Fraction, Fraction]]) -> int | None:  # fmt: skip
    """By brute force: the fewest leaves moved one step (the lower agency's up, the upper one's down) after which
    the lower agency's points are strictly more."""
    options = [h - p for p, (_, h) in zip(lower, lower_moves, strict=True)]
    options += [p - lo for p, (lo, _) in zip(upper, upper_moves, strict=True)]
    gap = sum(upper, Fraction(0)) - sum(lower, Fraction(0))
    for count in range(1, len(options) + 1):
        if any(sum(chosen) > gap for chosen in itertools.combinations(options, count)):
            return count
    return None


@settings(max_examples=20, deadline=None)
@given(st.lists(st.tuples(*(st.integers(0, len(r[2]) - 1) for r in RULES)), min_size=2, max_size=3))
def test_the_exact_interval_equals_every_combination(choices: list[tuple[int, ...]]) -> None:
    """Agencies with three leaves (check, levels, points), each leaf of each agency tried one step down, in place
    and up (up to 3^9 combinations): the best and worst competition rank seen are what `robustness` gives, and so
    are the fewest moves that swap neighbours."""
    total = sum((r[1] for r in RULES), Fraction(0))
    agencies = [[RULES[i][2][c] for i, c in enumerate(choice)] for choice in choices]
    moves = [[RULES[i][0].one_step(p, RULES[i][1]) for i, p in enumerate(points)] for points in agencies]
    options = [
        [(low, p, high) for p, (low, high) in zip(points, m, strict=True)]
        for points, m in zip(agencies, moves, strict=True)
    ]
    seen: list[set[int]] = [set() for _ in agencies]
    for combo in itertools.product(*[itertools.product(*leaves) for leaves in options]):
        indices = [sum(leaves) / total * 100 for leaves in combo]
        for n, index in enumerate(indices):
            seen[n].add(1 + sum(1 for other in indices if other > index))
    entries = [entry(f"s{n}", points, m, total) for n, (points, m) in enumerate(zip(agencies, moves, strict=True))]
    [group] = rank(entries, "none")
    margins = robustness(group)
    for row, found in zip(group.rows, margins, strict=True):
        n = int(row.entry.agency_id[1:])
        assert (found.best, found.worst) == (min(seen[n]), max(seen[n]))
    for above, below, found in zip(group.rows, group.rows[1:], margins[1:], strict=False):
        m, n = int(above.entry.agency_id[1:]), int(below.entry.agency_id[1:])
        assert found.steps_up == fewest_moves(agencies[n], moves[n], agencies[m], moves[m])


def test_the_same_files_give_the_same_robustness_every_time_and_on_any_number_of_processes() -> None:
    """Nothing is sampled: two runs, serial or in a pool, print the same figures."""
    from tests.conftest import ROOT

    folder = str(ROOT / "examples/2025")
    first = run("rank", folder, "--robustness", "-f", "json", "--jobs", "1")
    again = run("rank", folder, "--robustness", "-f", "json", "--jobs", "2")
    assert first[0] == 0 and first[1] == again[1]


def test_with_the_previous_ranks_too_every_name_and_figure_is_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    """Twelve columns do not fit 100: the robustness columns go to a second table (with rank and agency) rather
    than the names being squeezed out (rich drops a column it has no room for)."""
    from tests.conftest import ROOT

    monkeypatch.chdir(ROOT)
    code, out, err = run("rank", "examples/2025", "--previous", "examples/2024", "--robustness")
    assert code == 0, err
    assert out.count("Sở Công Thương và Khoa học, Công nghệ") >= 2, out  # in both tables (and the merged note)
    assert "Cách dưới" in out and "Hạng có thể" in out, out
    assert max(len(line) for line in out.splitlines()) <= 100
