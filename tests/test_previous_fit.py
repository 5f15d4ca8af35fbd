"""A `--previous` that fits no agency (another criteria set's, another grouping's) or that is of this period or a
later one is said (R016, R017): before, the annex was written with every agency "mới", or every change "=", or
next year's ranks as last year's, without a word. The ranking is still shown as asked."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ROOT, run_english

EXAMPLES = ROOT / "examples"


def _warnings(err: str) -> list[str]:
    return [line.split(": ", 2)[1].split()[1] for line in err.splitlines() if ": warning " in line]


def test_a_previous_ranking_of_another_set_matches_no_agency_and_says_so(tmp_path: Path) -> None:
    code, out, err = run_english(
        "rank", str(EXAMPLES / "2024"), "--previous", str(EXAMPLES / "floors-2024"), "-f", "json"
    )
    assert code == 0
    assert (
        f"{EXAMPLES / 'floors-2024'}: warning R016: none of the 12 agencies ranked here is in this ranking of the last period (matched by group and id): every one is shown as new (hint: give last period's ranking of these agencies, in the same groups (another criteria set's or another grouping's matches none))"
        in err.splitlines()
    )
    assert all(row["previous_rank"] is None for group in json.loads(out)["groups"] for row in group["rows"])


def test_a_previous_ranking_of_the_same_or_a_later_period_is_said(tmp_path: Path) -> None:
    code, _, err = run_english("rank", str(EXAMPLES / "2024"), "--previous", str(EXAMPLES / "2024"))
    assert code == 0 and _warnings(err) == ["R017"]
    assert "warning R017: this ranking of the last period is of 2024, and the agencies ranked here are of 2024" in err
    saved = tmp_path / "xep-hang-2024.json"
    assert run_english("rank", str(EXAMPLES / "2024"), "-f", "json", "-o", str(saved))[0] == 0
    code, _, err = run_english("rank", str(EXAMPLES / "2023"), "--previous", str(saved))
    assert code == 0 and "R017" in _warnings(err)
    assert (
        "is of 2024, and the agencies ranked here are of 2023: its ranks are shown as last period's (hint: give the ranking of the period before 2023)"
        in err
    )


def test_last_years_ranking_is_said_nothing_of() -> None:
    code, _, err = run_english("rank", str(EXAMPLES / "2024"), "--previous", str(EXAMPLES / "2023"))
    assert code == 0 and _warnings(err) == ["R012"]  # a unit gone since: said as before
