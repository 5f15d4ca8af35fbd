"""Hostile inputs never end in a traceback: every run exits 0, or 1 with located one-line errors."""

from __future__ import annotations

import pytest

from tests.fuzz.mutants import LOCATED, agreement, campaign
from tests.fuzz.soak import soak


def test_mutants_of_every_shipped_file_exit_cleanly() -> None:
    tally = campaign(count=120, seed=20261122)
    assert tally.other == [], "\n".join(tally.other[:20])
    word = 2 * sum(1 for n in range(120) if n % 7 == 3)  # score and rank as Word documents
    years = 3 * sum(1 for n in range(120) if n % 6 == 1)  # gaps, rank --robustness, trend
    assert tally.runs == 3 * 120 + word + years and tally.ok + tally.located == tally.runs
    assert tally.located > 100, tally  # the mutants do break files


def test_score_check_and_rank_give_every_mutant_the_same_errors() -> None:
    """The same verdict and the same codes from the located path (`score` of the file) and the fast one (`check` and
    `rank` of its folder), with the fast path's memos bounded at 0, 1, 7 lines and as shipped, in turn. Before: an
    escape JSON reads and libyaml refuses, two entries on a line, `--- key:` were Y001 for `score` alone."""
    found = agreement(count=60, seed=20261206, memo_sizes=(0, 1, 7, None))
    assert found.differ == [], "\n\n".join(found.differ[:3])
    assert found.compared >= 50 and found.fast >= 5 and found.refused >= 20, found  # not an empty promise


@pytest.mark.parametrize("size", [0, 1, 7, None])
def test_a_stream_of_files_reads_as_the_located_path_whatever_the_memo_bound(size: int | None) -> None:
    """A short soak (`python -m tests.fuzz.soak` runs long ones): one file in ten writes a key twice."""
    read, declined = soak(count=50, seed=7, size=size)
    assert read >= 25 and declined >= 5, (read, declined)


def test_the_located_line_pattern_is_strict() -> None:
    assert LOCATED.match("a.yaml:3:5: error A003: 1.2: percentage 105 is outside 0–100")
    assert LOCATED.match("a.yaml: error F001: no such file")
    assert not LOCATED.match("Traceback (most recent call last):")
    assert not LOCATED.match("a.yaml:3:5: error: no code")
