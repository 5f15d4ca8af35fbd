"""A user's try-out of par (issue 25, round three): each finding's regression test, through the commands a user runs.

Each failed before its fix: a criteria set in `criteria/` and one beside the assessments with the same id gave
a figure from one of them without a word; answers not counted were said by `score` only; a survey results file
naming an agency nobody assessed was silent; a JSON file with an emoji escaped as a surrogate pair was refused in
YAML words; a blank form written twice was called "filled in".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SPEC, Write, run

CRITERIA = (SPEC / "criteria.yaml").read_text(encoding="utf-8")
AGENCY = (SPEC / "so-noi-vu.yaml").read_text(encoding="utf-8")
OTHER = CRITERIA.replace('title: "Bộ chỉ số ví dụ (spec v1)"', 'title: "Một bộ khác"')


# F1: one id, two sets at the level where the lookup stops


@pytest.mark.parametrize("ranked", ["sub", "."])
def test_a_set_in_criteria_and_one_beside_with_the_same_id_are_r002_from_rank_check_and_score(
    write: Write, ranked: str
) -> None:
    write("criteria.yaml", CRITERIA)
    write("criteria/set.yaml", OTHER)
    path = write("sub/so-noi-vu.yaml", AGENCY)
    r002 = (
        "criteria/set.yaml:1:1: error R002: criteria id 'spec-example-2024' is defined twice: "
        "criteria.yaml and criteria/set.yaml\n"
    )
    assert run("rank", ranked, "--no-cache") == (1, "", r002)
    assert run("rank", ranked) == (1, "", r002)
    assert run("score", str(path)) == (1, "", r002)
    code, out, _ = run("check", "sub")
    assert (code, out) == (1, r002 + "1 error, 0 warnings, 0 infos in 1 file\n")


def test_a_set_at_a_nearer_level_shadows_a_farther_one(write: Write) -> None:
    write("criteria.yaml", CRITERIA)
    write("sub/criteria/set.yaml", OTHER)  # beside the assessment: found first
    path = write("sub/so-noi-vu.yaml", AGENCY)
    code, out, err = run("score", str(path))
    assert (code, err) == (0, "") and "Một bộ khác" in out
    write("criteria/set.yaml", OTHER)  # the farther level is ambiguous, but the lookup stops before it
    assert run("score", str(path))[0] == 0
    write("sub/other.yaml", CRITERIA)  # now the nearer level is ambiguous
    assert run("score", str(path))[2] == (
        "sub/criteria/set.yaml:1:1: error R002: criteria id 'spec-example-2024' is defined twice: "
        "sub/other.yaml and sub/criteria/set.yaml\n"
    )
