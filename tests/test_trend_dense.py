"""A criteria set that ranks densely (`ranking.ties: dense`: 1, 1, 2) has its areas ranked so too, in `par trend
--areas`, and a merged unit's earlier rank counts the distinct figures above it. Before, the agencies' ranks were
dense and their areas' competition ranks (1, 1, 3) beside them, without a word."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from par_cli.core.lineage import Past, PastRow
from par_cli.core.numbers import Distinct, dense_ranks_down
from tests.conftest import ROOT, run

FLOORS = ROOT / "examples" / "floors-2024"  # its set: `ranking: {ties: dense, precision: 1}`
# each agency's rank in areas 1, 2, 3: equal figures share a rank and the next rank follows on
DENSE = {
    "so-tu-phap": [1, 1, 5],
    "so-noi-vu": [2, 4, 1],
    "so-xay-dung": [2, 3, 3],
    "so-tai-chinh": [2, 4, 2],
    "so-y-te": [2, 2, 4],
    "so-cong-thuong": [3, 5, 6],  # below four agencies of one figure in area 1: third (competition: sixth)
}


def _area_ranks(text: str) -> dict[str, list[int]]:
    return {
        agency["id"]: [area["rank"] for area in agency["periods"][-1]["areas"]]
        for agency in json.loads(text)["agencies"]
    }


def test_trend_ranks_the_areas_of_a_dense_set_densely() -> None:
    code, out, err = run("trend", str(FLOORS), "--areas", "-f", "json")
    assert code == 0, err
    assert _area_ranks(out) == DENSE
    code, out, _ = run("trend", str(FLOORS), "--areas", "--lang", "vi")
    assert "Sở Công Thương   76,7 (3)" in out
    assert "Xếp hạng liền (bộ chỉ số quy định ranking.ties: dense)" in " ".join(out.split())  # said, as `rank` says it
    assert "Dense ranking" not in run("trend", str(ROOT / "examples" / "2024"), "--areas", "--lang", "en")[1]
    assert "Dense ranking" in " ".join(run("trend", str(FLOORS), "--lang", "en")[1].split())


def test_a_saved_ranking_of_a_dense_set_gives_the_same_area_ranks(tmp_path: Path) -> None:
    saved = tmp_path / "2024.json"
    assert run("rank", str(FLOORS), "--areas", "-f", "json", "-o", str(saved))[0] == 0
    assert '"ties": "dense"' in saved.read_text(encoding="utf-8")
    code, out, err = run("trend", str(saved), "--areas", "-f", "json")
    assert code == 0, err
    assert _area_ranks(out) == DENSE


def _row(agency_id: str, index: int, area: int | None = None) -> PastRow:
    areas = (("1", Fraction(area) if area is not None else None),)
    return PastRow("g", agency_id, agency_id, 1, Fraction(index), None, None, areas)


def test_a_merged_units_rank_counts_distinct_figures_and_leaves_out_its_own() -> None:
    rows = [_row("a", 90, 50), _row("b", 90, 40), _row("c", 80, 40), _row("d", 70, None)]
    dense, competition = Past(rows, dense=["g"]), Past(rows)
    assert dense.rank_of(Fraction(85), "g") == 2  # 90 once
    assert competition.rank_of(Fraction(85), "g") == 3
    assert dense.rank_of(Fraction(85), "g", leaving=["a"]) == 2  # b still has 90
    assert dense.rank_of(Fraction(85), "g", leaving=["A", "b"]) == 1  # no one else has 90
    assert dense.rank_of(Fraction(75), "g", leaving=["c"]) == 2
    assert dense.rank_of(Fraction(30), "g", area="1") == 3  # 50, 40 (twice); d's area not applicable
    assert dense.rank_of(Fraction(45), "g", area="1", leaving=["a"]) == 1
    assert [area[2] for row in rows for area in dense.ranked_areas(row) or ()] == [1, 2, 2, None]


figures = st.lists(st.one_of(st.none(), st.fractions(min_value=0, max_value=100, max_denominator=12)), max_size=30)


@given(figures)
def test_dense_ranks_count_the_distinct_figures_above(values: list[Fraction | None]) -> None:
    ranks = dense_ranks_down(values)
    present = [value for value in values if value is not None]
    for value, rank in zip(values, ranks, strict=True):
        assert rank == (None if value is None else 1 + len({other for other in present if other > value}))
        assert rank is None or value is None or rank == Distinct(present).above(value) + 1
