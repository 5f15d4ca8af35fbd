"""`par rank … --criteria NEW --against OLD`: each agency's index change split by the set's changes (issue 29).

Each criterion whose points moved: 100 × Δpoints / the agency's old applicable maximum; one re-weighting share
100 × P₁ × (1/M₁ − 1/M₀) when the maximum moved; one for the clamp to 0–100. They add up exactly."""

from __future__ import annotations

import json
import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT, Write, run, score_texts

THREE = """\
kind: criteria
id: {id}
title: "Bộ {id}"
areas:
  - code: "1"
    title: "Chỉ đạo, điều hành"
    max: {total}
    children:
      - {{code: "1.1", title: "Ban hành kế hoạch CCHC năm", max: 4, rule: {{kind: check}}}}
      - {{code: "1.2", title: "Báo cáo CCHC đúng hạn", max: 4, rule: {{kind: check}}}}
      - {{code: "1.3", title: "Tuyên truyền CCHC", max: {raised}, rule: {{kind: check}}}}
"""
AGENCY = "kind: assessment\ncriteria: old\nagency: {{id: {id}, name: Sở {id}}}\nanswers: {answers}\n"


def three(write: Write) -> None:
    """1.3's maximum raised from 2 to 3 (the area and the total 10 → 11), nothing else changed."""
    write("old.yaml", THREE.format(id="old", total=10, raised=2))
    write("new.yaml", THREE.format(id="new", total=11, raised=3))
    write("a.yaml", AGENCY.format(id="a", answers='{"1.1": true, "1.2": false, "1.3": true}'))
    write("b.yaml", AGENCY.format(id="b", answers='{"1.1": true, "1.2": true, "1.3": false}'))


def test_one_maximum_raised_is_that_change_and_the_reweighting_it_brings(write: Write) -> None:
    """Sở a: 4 + 0 + 2 = 6 of 10 (60) → 4 + 0 + 3 = 7 of 11 (700/11 = 63,6363…), +40/11 = +3,64:
    1.3 max 2 → 3: +1 point at the old maximum, 100 × 1/10 = +10; re-weighting 100 × 7 × (1/11 − 1/10) = −70/11
    = −6,36; 10 − 70/11 = 40/11. Sở b: 8 of 10 (80) → 8 of 11 (72,7272…), −80/11 = −7,27, all of it the
    re-weighting (its 1.3 scores 0 under both). By criterion, b's 1.1 and 1.2 would each move by 4/11 − 4/10 =
    −3,64 though neither changed."""
    three(write)
    code, out, err = run("rank", "a.yaml", "b.yaml", "--criteria", "new.yaml", "--against", "old.yaml", "-f", "json")
    assert code == 0, err
    rows = {row["agency"]["id"]: row for row in json.loads(out)["groups"][0]["rows"]}
    assert rows["a"]["index_change"] == 3.64
    assert rows["a"]["changes"] == [
        {"kind": "criterion", "old_code": "1.3", "new_code": "1.3", "changed": ["max"], "index_points": 10},
        {"kind": "reweighting", "old_max": 10, "new_max": 11, "moved_by": ["1.3"], "index_points": -6.36},
    ]
    assert rows["b"]["index_change"] == -7.27
    assert rows["b"]["changes"] == [
        {"kind": "reweighting", "old_max": 10, "new_max": 11, "moved_by": ["1.3"], "index_points": -7.27}
    ]
    assert rows["b"]["reasons"] == [  # by criterion, as before: every criterion moves with the total
        {"old_code": "1.1", "new_code": "1.1", "index_points": -3.64},
        {"old_code": "1.2", "new_code": "1.2", "index_points": -3.64},
    ]


@pytest.mark.parametrize(
    ("lang", "a", "b", "named", "note"),
    [
        (
            "vi",
            "1.3 tối đa 2 → 3 +10,00; tổng tối đa 10 → 11 −6,36",
            "tổng tối đa 10 → 11 −7,27",
            "điểm tối đa   1.3     1.3      Tuyên truyền CCHC   2 → 3",
            "tổng tối đa M₀ → M₁: tổng điểm tối đa áp dụng cho cơ quan theo bộ cũ và bộ mới;",
        ),
        (
            "en",
            "1.3 max 2 → 3 +10.00; total max 10 → 11 −6.36",
            "total max 10 → 11 −7.27",
            "max      1.3        1.3        Tuyên truyền CCHC   2 → 3",
            "total max M₀ → M₁: the agency's applicable maximum under the old and the new set;",
        ),
    ],
)
def test_the_table_names_the_change_and_the_reweighting(
    write: Write, lang: str, a: str, b: str, named: str, note: str
) -> None:
    three(write)
    args = ("rank", "a.yaml", "b.yaml", "--criteria", "new.yaml", "--against", "old.yaml", "--lang", lang)
    code, out, err = run(*args, COLUMNS="160")
    assert code == 0, err
    lines = [line.rstrip().replace("\xa0", " ") for line in out.splitlines()]
    assert lines[3].split()[:3] == ["1", "Sở", "b"] and lines[3].endswith(b), out  # b 72,73, then a 63,64
    assert lines[4].split()[:3] == ["2", "Sở", "a"] and lines[4].endswith(a), out
    assert named in lines, out  # the set's change, by code, title and what changed
    said = " ".join(lines[lines.index(named) + 1 :])  # the note under the changes named (wrapped)
    assert said.startswith(note) and said.endswith(" 1.3."), out
    code, out, _ = run(*args, "--by", "criterion", COLUMNS="160")
    by_criterion = {"vi": "1.1 −3,64; 1.2 −3,64", "en": "1.1 −3.64; 1.2 −3.64"}[lang]
    assert code == 0 and by_criterion in out.replace("\xa0", " "), out


def test_a_clamped_index_has_its_own_share(write: Write) -> None:
    """Bonus points over the maximum: 4 + 4 + 2 + 2 = 12 of 10 is 120, shown 100; under the new set (1.1 worth
    4 → 2, total 10 → 8) 2 + 4 + 2 + 2 = 10 of 8 is 125, shown 100 too. Shares: 1.1 −2 points at 10: −20;
    re-weighting 100 × 10 × (1/8 − 1/10) = +25; clamp (100 − 125) − (100 − 120) = −5; −20 + 25 − 5 = 0."""
    bonus = 'adjustments:\n  - {code: "T", title: "Sáng kiến", kind: bonus, max: 2}\n'
    write("old.yaml", THREE.format(id="old", total=10, raised=2) + bonus)
    new = THREE.format(id="new", total=8, raised=2).replace('CCHC năm", max: 4', 'CCHC năm", max: 2')
    write("new.yaml", new + bonus)
    answers = '{"1.1": true, "1.2": true, "1.3": true}\nadjustments: {T: 2}'
    write("a.yaml", AGENCY.format(id="a", answers=answers))
    code, out, err = run("rank", "a.yaml", "--criteria", "new.yaml", "--against", "old.yaml", "-f", "json")
    assert code == 0, err
    [row] = json.loads(out)["groups"][0]["rows"]
    assert (row["old_index"], row["new_index"], row["index_change"]) == (100, 100, 0)
    assert row["changes"] == [
        {"kind": "reweighting", "old_max": 10, "new_max": 8, "moved_by": ["1.1"], "index_points": 25},
        {"kind": "criterion", "old_code": "1.1", "new_code": "1.1", "changed": ["max"], "index_points": -20},
        {"kind": "clamp", "index_points": -5},
    ]
    code, out, err = run("rank", "a.yaml", "--criteria", "new.yaml", "--against", "old.yaml", "--lang", "en")
    assert "index held to 0–100 −5.00" in out.replace("\xa0", " "), out


def test_a_removed_criterion_is_named_removed(write: Write) -> None:
    """1.2 (4 points) removed, 1.4 (4 points, no answers yet) added: the total stays 10. Sở b had 4 + 4 + 0 = 8
    of 10 (80), now 4 + 0 + 0 = 4 of 10 (40): 1.2 removed, −4 points at 10: −40,00; 1.4 scores 0: no share."""
    three(write)
    new = THREE.format(id="new", total=10, raised=2).replace(
        '"1.2", title: "Báo cáo CCHC đúng hạn"', '"1.4", title: "Cải cách tổ chức bộ máy"'
    )
    write("new.yaml", new)
    write("b.yaml", AGENCY.format(id="b", answers='{"1.1": true, "1.2": true, "1.3": false}'))
    code, out, err = run("rank", "b.yaml", "--criteria", "new.yaml", "--against", "old.yaml", "--lang", "en")
    assert code == 0, err
    lines = [line.rstrip().replace("\xa0", " ") for line in out.splitlines()]
    assert lines[4].endswith("−40.00          1        =   1.2 removed −40.00"), out
    assert "removed   1.2                   Báo cáo CCHC đúng hạn   4 points" in lines, out


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


REVISED = ("examples/2024", "--criteria", "examples/revised-2025/criteria.yaml", "--against", "mau-so-nganh")


def test_the_example_revision_names_the_sets_changes_and_adds_up_exactly(at_root: None) -> None:
    """examples/revised-2025 on the 2024 examples: Sở Tư pháp's −1,00 is 1.2.1 (now 1.1.4: each late report
    costs 1 point, not 0,5) −0,50 and 1.3.1 (max 1,5 → 1; full points from 50 %) −0,50; the total stays 100 for
    every agency (1.3.1 −0,5, 1.3.3 +0,5), so no re-weighting. Exactly: shares add up to the change."""
    from functools import partial
    from pathlib import Path

    from par_cli.services.batch import rank_against
    from par_cli.services.surveys import SurveySource
    from par_cli.services.workspace import FileScorer, find_criteria

    code, out, err = run("rank", *REVISED, COLUMNS="200")
    assert code == 0, err
    lines = [line.rstrip().replace("\xa0", " ") for line in out.splitlines()]
    assert lines[1].endswith("Do thay đổi của bộ chỉ số (điểm chỉ số)")
    assert lines[3].endswith("1.2.1 → 1.1.4 cách chấm −0,50; 1.3.1 tối đa 1,5 → 1, cách chấm −0,50"), lines[3]
    assert lines[4].endswith("1.1.1 cách chấm −0,29"), lines[4]
    named = next(n for n, line in enumerate(lines) if line.startswith("Thay đổi             Mã cũ   Mã mới"))
    assert lines[named - 1].strip() == "Các thay đổi của bộ chỉ số nêu trong bảng"
    assert [line.split("   ")[0] for line in lines[named + 2 :] if line and not line.startswith(" ")] == [
        "cách chấm",
        "chuyển/đánh số lại",
        "cách chấm",
        "điểm tối đa",
        "cách chấm",
    ]
    sets = find_criteria("mau-so-nganh"), find_criteria("examples/revised-2025/criteria.yaml")
    _, groups = rank_against([Path("examples/2024")], *sets, partial(FileScorer, survey=SurveySource(), leaves=True))
    for row in groups[0].rows:
        assert sum(share.index_points for share in row.shares) == row.index_change, row
        assert {share.kind for share in row.shares} == {"criterion"}


@st.composite
def revisions(draw: st.DrawFn) -> tuple[str, str, list[str], str, str]:
    """An old set of 1–4 leaves (points, max ½–4, N/A allowed) and a bonus; a revision that changes some maxima,
    removes some leaves, adds 0–2 and changes the bonus's maximum; an agency's answers (some N/A, bonus points)."""
    count = draw(st.integers(1, 4))
    halves = st.integers(1, 8).map(lambda n: Fraction(n, 2))
    old_max = [draw(halves) for _ in range(count)]
    kept = [draw(st.booleans()) for _ in range(count)]
    if not any(kept):
        kept[0] = True
    new_max = [draw(halves) if draw(st.booleans()) else m for m in old_max]
    added = [draw(halves) for _ in range(draw(st.integers(0, 2)))]
    answers: list[str] = []
    for n in range(count):
        if draw(st.booleans()) and n:
            answers.append(f'"1.{n + 1}": {{na: true}}')
        else:
            top = min(old_max[n], new_max[n]) if kept[n] else old_max[n]
            answers.append(f'"1.{n + 1}": {float(draw(st.integers(0, int(top * 4))) / 4 if top else 0)}')
    bonus = draw(st.integers(0, 8)) / 2

    def criteria(kind: str, leaves: list[tuple[str, Fraction]], bonus_max: float) -> str:
        children = "".join(
            f'      - {{code: "{code}", title: "Tiêu chí {code}", max: {float(m)}, allow_na: true, '
            f"rule: {{kind: points, step: 0.25}}}}\n"
            for code, m in leaves
        )
        total = float(sum(m for _, m in leaves))
        return (
            f'kind: criteria\nid: {kind}\ntitle: "Bộ {kind}"\nareas:\n  - code: "1"\n    title: "Chỉ đạo"\n'
            f"    max: {total}\n    children:\n{children}"
            f'adjustments:\n  - {{code: "T", title: "Thưởng", kind: bonus, max: {bonus_max}}}\n'
        )

    old_leaves = [(f"1.{n + 1}", m) for n, m in enumerate(old_max)]
    new_leaves = [(f"1.{n + 1}", m) for n, m in enumerate(new_max) if kept[n]]
    new_leaves += [(f"1.{count + n + 1}", m) for n, m in enumerate(added)]
    bonus_max = draw(st.sampled_from([4.0, max(bonus, 0.5)]))
    old_answers = "{" + ", ".join(answers) + "}"
    new_answers = "{" + ", ".join(a for n, a in enumerate(answers) if kept[n]) + "}"
    codes = [code for code, _ in new_leaves[: sum(kept)]]
    assessment = "kind: assessment\ncriteria: {id}\nagency: {{id: a, name: A}}\nanswers: {answers}\n"
    bonus_line = f"adjustments: {{T: {bonus}}}\n"
    return (
        criteria("old", old_leaves, 4.0),
        criteria("new", new_leaves, bonus_max),
        codes,
        assessment.format(id="old", answers=old_answers) + bonus_line,
        assessment.format(id="new", answers=new_answers) + bonus_line,
    )


@settings(max_examples=120, deadline=None)
@given(revisions(), st.randoms(use_true_random=False))
def test_the_shares_add_up_exactly_whatever_the_revision(
    revision: tuple[str, str, list[str], str, str], shuffle: random.Random
) -> None:
    """For any agency and revision (maxima changed, criteria removed and added, N/A, bonus points that may carry
    the index over 100): Σ shares = new index − old index, exactly; in any order of the matched criteria, the
    same shares."""
    from par_cli.core.diagnostics import ParError
    from par_cli.core.impact import Side, by_change
    from par_cli.core.ranking import leaf_points

    old_set, new_set, kept, old_answers, new_answers = revision
    before = score_texts(old_set, old_answers)
    try:
        after = score_texts(new_set, new_answers)
    except ParError:  # nothing of the new set applies to it (A015): not ranked, no impact
        return
    old = Side(leaf_points(before), before.points, before.max, before.index)
    new = Side(leaf_points(after), after.points, after.max, after.index)
    matched = [("1", "1"), *((code, code) for code in kept)]
    shares = by_change(old, new, matched, ())
    assert sum(share.index_points for share in shares) == after.index - before.index
    assert all(share.index_points for share in shares)  # only those that moved it
    shuffled = list(matched)
    shuffle.shuffle(shuffled)
    assert sorted(by_change(old, new, shuffled, ()), key=repr) == sorted(shares, key=repr)


def test_by_needs_against(at_root: None) -> None:
    from tests.conftest import run_english

    code, out, err = run_english("rank", "examples/2024", "--by", "criterion")
    assert (code, out) == (2, "")
    assert err == (
        "--by: error U002: --by criterion: splits the index changes of --against OLD: add --criteria NEW "
        "--against OLD\n"
    )


def test_rounded_parts_that_miss_the_shown_change_say_why(write: Write) -> None:
    """Try-out: a share of −0,89 beside a change of −0,88, with no word. Here 1.3's maximum 1 → 2 (total 3 → 4),
    Sở c has only 1.3: 1/3 (33,33) → 2/4 (50,00), shown +16,67; its parts +33,33 (100 × 1/3) and −16,67
    (100 × 2 × (1/4 − 1/3) = −50/3), rounded each, add to +16,66: a note says why. Sở a and b (above) add up."""
    small = THREE.replace("max: 4, rule", "max: 1, rule")
    write("old.yaml", small.format(id="old", total=3, raised=1))
    write("new.yaml", small.format(id="new", total=4, raised=2))
    write("c.yaml", AGENCY.format(id="c", answers='{"1.1": false, "1.2": false, "1.3": true}'))
    code, out, err = run("rank", "c.yaml", "--criteria", "new.yaml", "--against", "old.yaml", "--lang", "en")
    assert code == 0, err
    assert "+16.67" in out and "+33.33" in out and "−16.67" in out
    assert "where the rounded parts do not add up to the change, they miss it by a rounding" in " ".join(out.split())
    three(write)
    code, out, err = run("rank", "a.yaml", "b.yaml", "--criteria", "new.yaml", "--against", "old.yaml")
    assert code == 0 and "làm tròn" not in out, out
