"""`rank` makes its rows in the order the entries came and `past_of` reads them in the order they lie in memory
(not in rank order), a group's area figures one after another in the period's column in any order: the ranks,
the rows, their areas and the trend are those of reading everything in rank order (the reference, here)."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.linear_scale import entries
from par_cli.core.lineage import Past, PastRow
from par_cli.core.ranking import Entry, RankGroup, competition_ranks, past_of, rank
from par_cli.core.trend import trend

figure = st.one_of(
    st.none(),
    st.builds(Fraction, st.integers(0, 400), st.sampled_from([1, 3, 4, 40, 10**13])),
)
unit = st.tuples(
    st.integers(0, 12).map(lambda n: Fraction(n, 4)),  # the index: ties, often
    st.sampled_from(["a", "b"]),  # the group
    st.booleans(),  # ranked
    st.lists(figure, min_size=2, max_size=2),
)


def _reference(groups: list[RankGroup]) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Each group's rows in rank order, ranked then not, as plain tuples."""
    ranked: list[tuple[object, ...]] = []
    unranked: list[tuple[object, ...]] = []
    for g in groups:
        for row in g.rows:
            e = row.entry
            shown = (g.group, e.agency_id, row.rank, e.index, tuple((code, index) for code, _, index in e.areas))
            (unranked if row.rank is None else ranked).append(shown)
    return ranked, unranked


def _rows(rows: tuple[PastRow, ...]) -> list[tuple[object, ...]]:
    return [(r.group, r.agency_id, r.rank, r.index, tuple(r.areas)) for r in rows]


def _period(units: list[tuple[Fraction, str, bool, list[Fraction | None]]], label: str) -> list[Entry]:
    template = entries(1, 0)[0]
    return [
        replace(template, agency_id=f"u{n}", agency_name=f"Xã {n % 5}", index=index, group=group, ranked=ranked,
                areas=tuple((str(a), f"Lĩnh vực {a}", value) for a, value in enumerate(values, 1)), period=label)
        for n, (index, group, ranked, values) in enumerate(units)
    ]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(unit, min_size=1, max_size=25), min_size=1, max_size=3), st.booleans())
def test_rows_read_as_they_lie_are_the_rows_in_rank_order(
    periods: list[list[tuple[Fraction, str, bool, list[Fraction | None]]]], dense: bool
) -> None:
    pasts, plain = [], []
    for n, units in enumerate(periods):
        found = [replace(e, ties="dense" if dense else "competition") for e in _period(units, f"{2020 + n}")]
        groups = rank(found, "group")
        for g in groups:  # the ranks as `competition_ranks` gives them, rows in that order
            ranked = [e for e in found if e.ranked and e.group == g.group]
            assert [(row.rank, row.entry) for row in g.rows if row.rank is not None] == competition_ranks(ranked, dense)
        past = past_of(groups, f"{2020 + n}")
        ranked_rows, unranked_rows = _reference(groups)
        assert _rows(past.rows) == ranked_rows
        assert _rows(past.unranked) == unranked_rows
        pasts.append(past)
        plain.append(
            Past(
                (replace(row, areas=tuple(row.areas)) for row in past.rows),
                past.label,
                past.precision,
                past.area_titles,
                past.set_titles,
                past.period,
                (replace(row, areas=tuple(row.areas)) for row in past.unranked),
                past.dense,
            )
        )
    assert trend(pasts) == trend(plain)
