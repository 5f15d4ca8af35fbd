"""Bulk work stays linear in size and gives the figures it gave: exact sums over a running least common
denominator, and the lookups of rankings across periods by index rather than by scanning."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from par_cli.core.lineage import Past, PastRow
from par_cli.core.numbers import Ascending, exact_sum

fractions = st.fractions(max_denominator=10**9) | st.integers(-(10**6), 10**6).map(lambda n: Fraction(n, 40))


def _product_sum(values: list[Fraction]) -> Fraction:
    """The former formula: denominators multiplied, normalised once at the end."""
    numerator, denominator = 0, 1
    for value in values:
        n, d = value.numerator, value.denominator
        if d == denominator:
            numerator += n
        else:
            numerator, denominator = numerator * d + n * denominator, denominator * d
    return Fraction(numerator, denominator)


@given(st.lists(fractions, max_size=60))
@settings(max_examples=200)
def test_the_running_common_denominator_sums_as_fractions_do(values: list[Fraction]) -> None:
    found, reference = exact_sum(values), sum(values, Fraction(0))
    assert found == reference == _product_sum(values)
    assert (found.numerator, found.denominator) == (reference.numerator, reference.denominator)


@given(st.lists(fractions, max_size=30))
def test_an_exact_sum_takes_any_iterable(values: list[Fraction]) -> None:
    assert exact_sum(iter(values)) == exact_sum(values) == exact_sum(tuple(values))


def test_an_empty_sum_is_zero() -> None:
    assert exact_sum([]) == 0 and exact_sum([]).denominator == 1


figures = st.integers(0, 400).map(lambda n: Fraction(n, 4)) | st.fractions(0, 100, max_denominator=997)
rows = st.lists(
    st.tuples(st.sampled_from(["a", "b", None]), figures, st.lists(st.one_of(st.none(), figures), max_size=3))
)


@given(rows, figures, st.sampled_from(["a", "b", None]), st.sampled_from([None, "1", "2"]))
@settings(max_examples=300)
def test_a_rank_by_bisection_counts_the_units_above(
    found: list[tuple[str | None, Fraction, list[Fraction | None]]],
    value: Fraction,
    group: str | None,
    area: str | None,
) -> None:
    past = Past(
        PastRow(g, f"u{n}", f"U {n}", n + 1, index, None, None, tuple((str(a + 1), v) for a, v in enumerate(areas)))
        for n, (g, index, areas) in enumerate(found)
    )
    leaving = [f"U{n}" for n in range(0, len(found), 3)]

    def figure(row: PastRow) -> Fraction:
        found = row.index if area is None else dict(row.areas).get(area)
        return Fraction(-1) if found is None else found  # a unit without the figure is never above

    above = [r for r in past.rows if r.group == group and figure(r) > value]
    expected = 1 + sum(1 for r in above if r.agency_id.upper() not in leaving)
    assert past.rank_of(value, group, area, leaving) == expected


def test_units_not_ranked_are_found_by_id_in_their_group_first() -> None:
    unranked = [PastRow(g, i, i, None, Fraction(50), None, None) for g, i in (("a", "X"), ("b", "x"), ("a", "y"))]
    past = Past((), unranked=unranked)
    assert past.find_unranked("b", "x") is unranked[1]
    assert past.find_unranked("c", "x") is None  # two of that id elsewhere: neither
    assert past.find_unranked("c", "y") is unranked[2]
    assert past.find_unranked("a", "z") is None


@given(st.lists(figures, max_size=40), figures)
def test_figures_counted_above_by_their_floats_are_counted_exactly(values: list[Fraction], value: Fraction) -> None:
    near = [v + Fraction(1, 10**30) for v in values[:5]]  # another figure of the same float
    found = Ascending([*values, *near])
    assert found.above(value) == sum(1 for v in [*values, *near] if v > value)
    assert len(found) == len(values) + len(near)


@given(rows, st.sampled_from(["a", "b", None]))
@settings(max_examples=200)
def test_every_area_of_a_group_ranked_from_one_pass_counts_as_each_alone(
    found: list[tuple[str | None, Fraction, list[Fraction | None]]], group: str | None
) -> None:
    """A group's figures of every area are sorted in one pass (the first area asked): each area's ranks, asked in
    any order and of the figures themselves (found by their floats' places) or others, are those of a count."""
    past = Past(
        PastRow(g, f"u{n}", f"U {n}", n + 1, index, None, None, tuple((str(a + 1), v) for a, v in enumerate(areas)))
        for n, (g, index, areas) in enumerate(found)
    )
    for area in ("2", None, "1", "3", "4"):
        own = [dict(r.areas).get(area) if area else r.index for r in past.rows if r.group == group]
        for value in [*[v for v in own if v is not None][:8], Fraction(0), Fraction(101, 3), Fraction(100)]:
            expected = 1 + sum(1 for v in own if v is not None and v > value)
            assert past.rank_of(value, group, area) == expected
