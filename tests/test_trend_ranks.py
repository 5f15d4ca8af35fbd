"""A trend's area ranks worked out group by group in one sort per area (`Past.ranked_areas`, `ranks_down`) are
the ranks `Past.rank_of` gives figure by figure: ties, figures of one float, N/A areas, an area given twice,
merged units and units taken over by one successor."""

from __future__ import annotations

import random
from dataclasses import replace
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from par_cli.core import trend as trend_module
from par_cli.core.area_columns import PastAreas, RankedAreas, ranked_columns
from par_cli.core.lineage import Past, PastRow
from par_cli.core.numbers import Ascending, ranks_down
from par_cli.core.ranking import Entry, competition_ranks
from par_cli.core.vietnamese_order import vietnamese_key

figures = st.lists(
    st.one_of(
        st.integers(0, 20).map(lambda n: Fraction(n, 4)),
        st.sampled_from([Fraction(1, 3), Fraction(10**17 + 1, 10**17), Fraction(10**17 + 2, 10**17), Fraction(1)]),
    ),
    max_size=40,
)


@given(figures)
def test_ranks_down_is_one_plus_the_figures_above(values: list[Fraction]) -> None:
    sorted_once = Ascending(values)
    assert ranks_down(values) == [sorted_once.above(value) + 1 for value in values]


close = st.lists(  # figures whose floats may or may not tell them apart (`_floats_apart`), signs both ways
    st.builds(
        lambda n, d, tiny: Fraction(n, d) + (Fraction(1, 10**tiny) if tiny else 0),
        st.integers(-(10**6), 10**6),
        st.sampled_from([1, 3, 4, 100, 10**8, 10**12]),
        st.sampled_from([0, 0, 17, 30]),
    ),
    max_size=30,
)


@given(close)
def test_ranks_down_is_exact_for_close_figures(values: list[Fraction]) -> None:
    sorted_once = Ascending(values)
    assert ranks_down(values) == [sorted_once.above(value) + 1 for value in values]


def test_ranks_down_takes_whole_numbers_among_the_figures() -> None:
    assert ranks_down([Fraction(3, 2), 2, Fraction(2), None]) == [3, 1, 1, None]  # type: ignore[list-item]


def test_columns_only_for_the_same_areas_in_the_same_order() -> None:
    one, two = Fraction(1), Fraction(2)
    assert ranked_columns([(("1", one), ("2", two)), (("1", two), ("2", None))], ranks_down) == [
        (("1", one, 2), ("2", two, 1)),
        (("1", two, 1), ("2", None, None)),
    ]
    assert ranked_columns([(("1", one),), (("2", one),)], ranks_down) is None  # another area
    assert ranked_columns([(("1", one), ("2", one)), (("2", one), ("1", one))], ranks_down) is None  # another order
    assert ranked_columns([(("1", one), ("1", two))], ranks_down) is None  # an area twice
    assert ranked_columns([(("1", one),), ()], ranks_down) is None
    assert ranked_columns([(), ()], ranks_down) == [(), ()]


def _periods(seed: int) -> list[Past]:
    chance = random.Random(seed)
    periods = []
    ids = [f"u{n}" for n in range(30)]
    for p in range(3):
        rows = []
        for n, unit in enumerate(ids):
            if chance.random() < 0.1:
                continue
            areas = [(str(a), chance.choice([None, *[Fraction(k, 2) for k in range(5)]])) for a in range(1, 4)]
            if chance.random() < 0.05:
                areas.append(("1", Fraction(chance.randrange(5))))  # an area given twice
            before = tuple(chance.sample(ids, chance.randrange(1, 3))) if p and chance.random() < 0.2 else ()
            group = chance.choice(["a", "b"])
            rows.append(
                PastRow(group, unit, unit, n + 1, Fraction(chance.randrange(5)), None, None, tuple(areas), before)
            )
        periods.append(Past(rows, str(p)))
    return periods


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**6))
def test_trend_ranks_as_figure_by_figure(seed: int) -> None:
    fast = trend_module.trend(_periods(seed))
    slow_periods = _periods(seed)
    for past in slow_periods:
        past.ranked_areas = lambda row: None  # type: ignore[method-assign]
    assert trend_module.trend(slow_periods) == fast


def _entry(agency_id: str, name: str, index: Fraction) -> Entry:
    return Entry(agency_id, name, None, (), "c", "C", None, 2, "vi", (), index, Fraction(100), index, None, (), "f")


def _ranked_by_pairs(entries: list[Entry], dense: bool) -> list[tuple[int, Entry]]:
    """The ranking as it was worked out before: sorted by (float, exact index), ties walked by `==`."""
    ordered = sorted(entries, key=lambda e: (float(e.index), e.index), reverse=True)
    ranked: list[tuple[int, Entry]] = []
    start = 0
    while start < len(ordered):
        end = start + 1
        while end < len(ordered) and ordered[end].index == ordered[start].index:
            end += 1
        tied = ordered[start:end]
        if len(tied) > 1:
            tied.sort(key=lambda e: (vietnamese_key(e.agency_name), e.agency_id))
        position = (ranked[-1][0] + 1 if ranked else 1) if dense else start + 1
        ranked += [(position, entry) for entry in tied]
        start = end
    return ranked


@given(figures, st.booleans(), st.lists(st.sampled_from(["An", "Ân", "Đa", "Da", "Ba"]), min_size=40, max_size=40))
def test_competition_ranks_as_sorted_by_pairs(values: list[Fraction], dense: bool, names: list[str]) -> None:
    entries = [_entry(f"x{n % 3}", names[n], value) for n, value in enumerate(values)]  # ids and names repeat
    assert [(r, id(e)) for r, e in competition_ranks(entries, dense)] == [
        (r, id(e)) for r, e in _ranked_by_pairs(entries, dense)
    ]


@settings(deadline=None)
@given(st.integers(1, 4), st.data())
def test_packed_columns_are_the_columns_of_tuples(width: int, data: st.DataObject) -> None:
    """Areas packed on one tuple of codes (`PastAreas`, as `past_of` keeps them) rank as the same areas given as
    pairs: close figures (one float for two), whole numbers, N/A areas."""
    figure = st.one_of(
        close.map(lambda values: values[0] if values else Fraction(0)),
        st.integers(0, 20).map(lambda n: Fraction(n, 4)),
    )
    column_kind = st.sampled_from(["fractions", "with none", "with int"])
    kinds = [data.draw(column_kind) for _ in range(width)]
    count = data.draw(st.integers(1, 25))
    codes = tuple(str(n) for n in range(width))
    rows = []
    for _ in range(count):
        row: list[Fraction | None] = []
        for kind in kinds:
            value: Fraction | None = data.draw(figure)
            if kind == "with none" and data.draw(st.booleans()):
                value = None
            elif kind == "with int" and data.draw(st.booleans()):
                value = int(value)  # type: ignore[arg-type, assignment]
            row.append(value)
        rows.append(tuple(row))
    packed = ranked_columns([PastAreas(codes, row) for row in rows], ranks_down)
    plain = ranked_columns([tuple(zip(codes, row, strict=True)) for row in rows], ranks_down)
    assert packed is not None and plain is not None
    assert [tuple(areas) for areas in packed] == [tuple(areas) for areas in plain]
    assert all(type(areas) is RankedAreas for areas in packed)


def test_packed_areas_read_as_pairs() -> None:
    one, two = Fraction(1), Fraction(2)
    areas = PastAreas(("1", "2"), (one, None))
    assert areas == (("1", one), ("2", None)) and tuple(reversed(areas)) == (("2", None), ("1", one))
    assert len(areas) == 2 and areas[1] == ("2", None) and dict(areas) == {"1": one, "2": None}
    assert ranked_columns([PastAreas(("1",), (one,)), PastAreas(("1",), (two,))], ranks_down) == [
        (("1", one, 2),),
        (("1", two, 1),),
    ]
    assert ranked_columns([PastAreas(("1",), (one,)), PastAreas(("1",), (two,))][:1] * 2, ranks_down) == [
        (("1", one, 1),),
        (("1", one, 1),),
    ]
    assert ranked_columns([PastAreas(("1", "1"), (one, two))], ranks_down) is None  # an area twice
    first, second = Fraction(3, 4), Fraction(6, 8)  # equal figures, two objects: one object once ranked
    ranked = ranked_columns([PastAreas(("1",), (first,)), PastAreas(("1",), (second,))], ranks_down)
    assert ranked is not None and [areas[0][1] for areas in ranked] == [first, first]
    assert ranked[1][0][1] is first


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6))
def test_trend_of_packed_areas_as_of_pairs(seed: int) -> None:
    """A trend of rankings `past_of` made (areas packed) is the trend of the same rankings read as pairs."""
    plain = _periods(seed)
    packed = []
    for past in plain:
        codes: dict[tuple[str, ...], tuple[str, ...]] = {}
        rows = []
        for row in past.rows:
            heads = tuple(code for code, _ in row.areas)
            areas = PastAreas(codes.setdefault(heads, heads), tuple(figure for _, figure in row.areas))
            rows.append(replace(row, areas=areas))
        packed.append(Past(rows, past.label))
    assert trend_module.trend(packed) == trend_module.trend(plain)


area_lists = st.lists(
    st.lists(st.tuples(st.sampled_from("123"), st.sampled_from(["A", "B", "C"])), max_size=4), min_size=1, max_size=12
)


@given(area_lists, st.lists(st.booleans(), min_size=12, max_size=12))
def test_area_titles_are_the_last_given(areas: list[list[tuple[str, str]]], ranked: list[bool]) -> None:
    """`past_of` reads the titles of the last unit of each sequence of codes only: the titles are still each
    code's last given, in the order codes first come (units ranked and not, areas differing, a code twice)."""
    from benchmarks.linear_scale import entries
    from par_cli.core.ranking import past_of, rank

    template = entries(1, 0)[0]
    units = [
        replace(template, agency_id=f"u{n}", areas=tuple((c, t, Fraction(n)) for c, t in given), ranked=ranked[n])
        for n, given in enumerate(areas)
    ]
    groups = rank(units, "group")
    expected: dict[str, str] = {}
    for row in (row for group in groups for row in group.rows):
        expected.update((code, title) for code, title, _ in row.entry.areas)
    assert past_of(groups).area_titles == tuple(expected.items())
