"""Hostile inputs never end in a traceback: every run exits 0, or 1 with located one-line errors."""

from __future__ import annotations

from tests.fuzz.mutants import LOCATED, campaign


def test_mutants_of_every_shipped_file_exit_cleanly() -> None:
    tally = campaign(count=120, seed=20261122)
    assert tally.other == [], "\n".join(tally.other[:20])
    word = 2 * sum(1 for n in range(120) if n % 7 == 3)  # score and rank as Word documents
    years = 3 * sum(1 for n in range(120) if n % 6 == 1)  # gaps, rank --robustness, trend
    assert tally.runs == 3 * 120 + word + years and tally.ok + tally.located == tally.runs
    assert tally.located > 100, tally  # the mutants do break files


def test_the_located_line_pattern_is_strict() -> None:
    assert LOCATED.match("a.yaml:3:5: error A003: 1.2: percentage 105 is outside 0–100")
    assert LOCATED.match("a.yaml: error F001: no such file")
    assert not LOCATED.match("Traceback (most recent call last):")
    assert not LOCATED.match("a.yaml:3:5: error: no code")
