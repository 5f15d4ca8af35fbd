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

from par_cli.core.numbers import clamp_percent
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
    same: dict[str, object] = {"shown_tie_with": [], "self_assessed_rank": None}  # no appraisal: no such rank
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
    assert data["robustness"]["method"] == "exact" and data["robustness"]["steps"] == 3


def test_the_table_shows_possible_ranks_and_the_method(write: Write) -> None:
    folder(write, {"a": "9.5", "b": "9", "c": "7", "d": "6.5"})
    code, out, err = run("rank", "f", "--robustness", "--lang", "en")
    assert code == 0, err
    header = next(line for line in out.splitlines() if line.startswith("Rank"))
    # no tie column: no two agencies show one index (an empty column read aloud says nothing)
    assert header.split()[-5:] == ["above", "Gap", "below", "Possible", "ranks"], out
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
    table = run("rank", "f", "--robustness", "--lang", "en")[1]
    assert "Tie" in table and next(line for line in table.splitlines() if "Sở X" in line).split()[-2:] == ["≈", "1–2"]
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


# The possible ranks are exact: the same as trying every combination of up to K one-step moves.


def entry(
    name: str,
    points: list[Fraction],
    moves: list[tuple[Fraction, Fraction]],
    total: Fraction,
    bonus: Fraction = Fraction(0),
    cap: Fraction | None = Fraction(100),
) -> Entry:
    """An agency as `rank --robustness` scores it: index (bonus points added, then capped), each leaf's rise and
    fall in index points."""
    scale = 100 / total
    raw = sum(points, bonus)
    index = clamp_percent(raw * scale, cap)
    gains = sorted(((h - p) * scale for p, (_, h) in zip(points, moves, strict=True) if h > p), reverse=True)
    losses = sorted(((p - lo) * scale for p, (lo, _) in zip(points, moves, strict=True) if lo < p), reverse=True)
    return Entry(name, name, None, (), "r", "R", None, 2, "vi", (), raw, total, index, None, (), name,
                 index_cap=cap, gains=tuple(gains), losses=tuple(losses))  # fmt: skip


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


def simple(name: str, index: int, steps: list[int]) -> Entry:
    """An agency of index `index` whose appraised leaves each move `steps` index points one step up or down."""
    return Entry(name, name, None, (), "r", "R", None, 2, "vi", (), Fraction(index), Fraction(100), Fraction(index),
                 None, (), name, gains=tuple(map(Fraction, steps)), losses=tuple(map(Fraction, steps)))  # fmt: skip


@pytest.mark.parametrize(("steps", "expected"), [(1, (3, 3)), (2, (2, 3)), (3, (1, 4))])
def test_possible_ranks_within_k_steps_by_hand(steps: int, expected: tuple[int, int]) -> None:
    """a 90, b 86, c 82, d 75; each agency has two appraised leaves moving 3 index points a step (so at most 6).

    c's best: K=1: b needs two falls (86 − 6 ≤ 82), or one after c's rise (85): no step is left → 3rd. K=2: c up
    once, b down once → 2nd. K=3: c up twice (88), a down once (87) → 1st (a tie is the same rank).
    c's worst: d (75) needs more than 7 (two rises) once c falls once (79): 3 steps → 4th only at K=3.
    d's best at K=3: up twice (81), c down once (79) → 3rd; b (86) would need 8."""
    group = rank([simple("a", 90, [3, 3]), simple("b", 86, [3, 3]), simple("c", 82, [3, 3]),
                  simple("d", 75, [3, 3])], "none")[0]  # fmt: skip
    margins = robustness(group, steps)
    assert (margins[2].best, margins[2].worst) == expected
    # a at worst: K=2, b up twice (92); K=3, a down twice (84), c up once (85)
    assert [(m.best, m.worst) for m in margins] == {
        1: [(1, 1), (2, 2), (3, 3), (4, 4)],
        2: [(1, 2), (1, 3), (2, 3), (4, 4)],
        3: [(1, 3), (1, 3), (1, 4), (3, 4)],
    }[steps]


MOVES = [
    (CheckRule(), Fraction(2), [Fraction(0), Fraction(2)]),
    (LevelsRule(levels=(Level("a", None, Decimal(3), None), Level("b", None, Decimal(1), None), Level("c", None, Decimal(0), None))), Fraction(3),
     [Fraction(3), Fraction(1), Fraction(0)]),
    (PointsRule(step=Fraction(1, 2)), Fraction(2), [Fraction(n, 2) for n in range(5)]),
]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(*(st.integers(0, len(r[2]) - 1) for r in MOVES)), min_size=2, max_size=4),
    st.integers(1, 3),
    st.sampled_from([Fraction(0), Fraction(1), Fraction(5, 2)]),
    st.sampled_from([Fraction(100), None]),
)
def test_the_possible_ranks_equal_every_combination_of_k_moves(
    choices: list[tuple[int, ...]], steps: int, bonus: Fraction, cap: Fraction | None
) -> None:
    """Agencies with three leaves (check, levels, points) and a bonus (the index capped at 100, or not): every
    way of moving up to K leaves of the group one step (up or down) is tried; the best and worst competition rank
    each agency takes are what `robustness` gives, and so are the fewest moves that swap neighbours."""
    total = sum((r[1] for r in MOVES), Fraction(0))
    agencies = [[MOVES[i][2][c] for i, c in enumerate(choice)] for choice in choices]
    moves = [[MOVES[i][0].one_step(p, MOVES[i][1]) for i, p in enumerate(points)] for points in agencies]
    leaves = [(n, i) for n, points in enumerate(agencies) for i in range(len(points))]
    seen: list[set[int]] = [set() for _ in agencies]
    for count in range(steps + 1):
        for chosen in itertools.combinations(leaves, count):
            for directions in itertools.product((0, 1), repeat=count):
                points = [list(p) for p in agencies]
                for (n, i), up in zip(chosen, directions, strict=True):
                    points[n][i] = moves[n][i][up]
                indices = [clamp_percent((sum(p, bonus)) * 100 / total, cap) for p in points]
                for n, index in enumerate(indices):
                    seen[n].add(1 + sum(1 for m, other in enumerate(indices) if m != n and other > index))
    entries = [
        entry(f"s{n}", points, m, total, bonus, cap) for n, (points, m) in enumerate(zip(agencies, moves, strict=True))
    ]
    [group] = rank(entries, "none")
    margins = robustness(group, steps)
    for row, found in zip(group.rows, margins, strict=True):
        n = int(row.entry.agency_id[1:])
        assert (found.best, found.worst) == (min(seen[n]), max(seen[n])), (n, steps)
    if bonus == 0:  # (the step counts compare points: no cap reached)
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
    # in both tables (wrapped at a space: "… Công" / "nghệ") and the merged note
    assert out.count("Sở Công Thương và Khoa học, Công") >= 3, out
    assert "Cách dưới" in out and "Hạng có thể" in out, out
    assert max(len(line) for line in out.splitlines()) <= 100


def test_on_a_real_folder_the_possible_ranks_vary_and_the_self_assessed_rank_is_shown() -> None:
    """examples/2025 (11 agencies, every one appraised): with every leaf free to move, each row said 1–11. Within 3
    one-step changes (the default) and within 1, the ranks below; on its own figures Sở Xây dựng (79.19 appraised,
    86.85 self-assessed) would be 4th, above Thanh tra tỉnh (84.53)."""
    from tests.conftest import ROOT

    def ranks(*more: str) -> tuple[dict[str, object], list[tuple[str, int, int, int | None]]]:
        code, out, err = run("rank", str(ROOT / "examples/2025"), "--robustness", "-f", "json", *more)
        assert code == 0, err
        data = json.loads(out)
        rows = [
            (r["agency"]["id"], r["robustness"]["best_rank"], r["robustness"]["worst_rank"],
             r["robustness"]["self_assessed_rank"])
            for r in data["groups"][0]["rows"]
        ]  # fmt: skip
        return data["robustness"], rows

    about, rows = ranks()
    assert about == {
        "method": "exact",
        "step": "one scoring step per appraised leaf (points: step or 0.25)",
        "steps": 3,
    }
    assert rows == [
        ("so-tu-phap", 1, 4, 1), ("ban-dan-toc", 1, 5, 1), ("so-noi-vu", 1, 4, 1), ("thanh-tra-tinh", 1, 9, 4),
        ("so-nong-nghiep-moi-truong", 4, 11, 4), ("so-giao-duc-dao-tao", 4, 11, 4), ("so-y-te", 4, 11, 4),
        ("so-cong-thuong-khoa-hoc-cong-nghe", 4, 11, 3), ("so-xay-dung", 5, 11, 4), ("so-tai-chinh", 5, 11, 4),
        ("so-van-hoa-the-thao-du-lich", 7, 11, 5),
    ]  # fmt: skip
    about, rows = ranks("--steps", "1")
    assert about["steps"] == 1
    # one step: Thanh tra tỉnh is 2 steps from either neighbour (the bracketed counts), so it stays 4th
    assert [(best, worst) for _, best, worst, _ in rows] == [
        (1, 3), (1, 3), (1, 3), (4, 4), (5, 9), (5, 10), (6, 10), (5, 10), (6, 10), (7, 11), (10, 11)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["--robustness", "--steps", "0"], "from 1 to 12"),
        (["--robustness", "--steps", "13"], "from 1 to 12"),
        (["--steps", "2"], "add --robustness"),
    ],
)
def test_steps_out_of_range_or_without_robustness_is_a_usage_error(write: Write, args: list[str], reason: str) -> None:
    folder(write, {"a": "9"})
    code, out, err = run("rank", "f", *args, "--lang", "en")
    assert code == 2 and out == "", err
    assert "U002" in err and "--steps" in err and reason in err, err


def test_the_command_lines_steps_are_the_cores() -> None:
    from par_cli.cli import options
    from par_cli.core import robustness as core

    assert (options.STEPS, options.STEPS_COUNTED) == (core.STEPS, core.STEPS_COUNTED)
