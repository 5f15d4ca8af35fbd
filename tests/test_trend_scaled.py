"""A period's area figures as whole numbers over one scale (`Scaler`, `ScaledAreas`, `RankedScaled`, as `past_of`
keeps them) read, rank and write as the same figures given as Fractions (the reference): N/A areas, whole numbers,
a scale that grows as larger denominators come, figures too fine or too large for 63 bits (kept as Fractions)."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from random import Random

from hypothesis import given, settings
from hypothesis import strategies as st

from par_cli.core.area_columns import NA, Areas, PastAreas, RankedScaled, ScaledAreas, Scaler, ranked_columns
from par_cli.core.lineage import Past
from par_cli.core.numbers import ranks_down
from par_cli.core.trend import trend
from par_cli.views.trend import _json, _json_line, report
from par_cli.writers import write
from par_cli.writers.json_text import dumps
from tests.test_trend_json import _periods

figure = st.one_of(
    st.none(),
    st.builds(Fraction, st.integers(-(10**6), 10**6), st.sampled_from([1, 2, 3, 4, 7, 20, 25, 40, 100, 10**8])),
    st.sampled_from([Fraction(10**30, 3), Fraction(1, 10**13), Fraction(-(2**63)), Fraction(2**62, 3)]),
    st.integers(-5, 5),  # a whole number, not a Fraction
)


def _scaled(rows: list[tuple[Fraction | None, ...]], codes: tuple[str, ...]) -> list[Areas]:
    scaler = Scaler()
    made = [
        scaler.pack(codes, tuple((code, "", value) for code, value in zip(codes, row, strict=True))) for row in rows
    ]
    scaler.done()
    return made


@settings(deadline=None)
@given(st.integers(0, 4).flatmap(lambda width: st.lists(st.tuples(*[figure] * width), min_size=1, max_size=30)))
def test_scaled_areas_read_and_rank_as_their_figures(rows: list[tuple[Fraction | None, ...]]) -> None:
    codes = tuple(str(n) for n in range(len(rows[0])))
    made = _scaled(rows, codes)
    assert [tuple(areas) for areas in made] == [tuple(zip(codes, row, strict=True)) for row in rows]
    assert [list(reversed(areas)) for areas in made] == [
        list(reversed(tuple(zip(codes, row, strict=True)))) for row in rows
    ]
    plain = ranked_columns([tuple(zip(codes, row, strict=True)) for row in rows], ranks_down)
    packed = ranked_columns(made, ranks_down)
    assert plain is not None and packed is not None
    assert [tuple(areas) for areas in packed] == [tuple(areas) for areas in plain]


def test_the_scale_grows_and_every_unit_takes_it() -> None:
    codes = ("1", "2")
    made = _scaled([(Fraction(1, 2), None), (Fraction(1, 3), Fraction(5)), (Fraction(3, 7), Fraction(1, 4))], codes)
    scaled = [areas for areas in made if isinstance(areas, ScaledAreas)]
    assert len(scaled) == 3 and all(areas.scale == 84 for areas in scaled)
    assert [list(areas.numerators) for areas in scaled] == [[42, NA], [28, 420], [36, 21]]
    ranked = ranked_columns(made, ranks_down)
    assert ranked is not None and all(type(areas) is RankedScaled for areas in ranked)
    assert [tuple(areas) for areas in ranked] == [
        (("1", Fraction(1, 2), 1), ("2", None, None)),
        (("1", Fraction(1, 3), 3), ("2", Fraction(5), 1)),
        (("1", Fraction(3, 7), 2), ("2", Fraction(1, 4), 2)),
    ]


def test_figures_beyond_the_scale_stay_fractions() -> None:
    codes = ("1",)
    assert [type(areas) for areas in _scaled([(Fraction(1, 10**13),), (Fraction(1, 2),)], codes)] == [
        PastAreas,
        ScaledAreas,
    ]
    assert type(_scaled([(Fraction(2**63),)], codes)[0]) is PastAreas
    assert type(_scaled([(Fraction(-(2**63)),)], codes)[0]) is PastAreas  # the N/A mark itself
    assert type(_scaled([(3,)], codes)[0]) is PastAreas  # type: ignore[list-item]


def _packed(periods: list[Past]) -> list[Past]:
    """The periods with their ranked rows' areas as `past_of` keeps them."""
    out = []
    for past in periods:
        scaler = Scaler()
        codes: dict[tuple[str, ...], tuple[str, ...]] = {}
        rows = []
        for row in past.rows:
            heads = tuple(code for code, _ in row.areas)
            given = [(code, "", None if value is None else Fraction(value)) for code, value in row.areas]  # ints too
            areas = scaler.pack(codes.setdefault(heads, heads), given)
            rows.append(replace(row, areas=areas))
        scaler.done()
        out.append(Past(rows, past.label, unranked=past.unranked))
    return out


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**6), st.sampled_from([0, 1, 2]))
def test_trend_and_json_of_scaled_areas_as_of_fractions(seed: int, places: int) -> None:
    plain = trend(_periods(seed), precision=places)
    scaled = trend(_packed(_periods(seed)), precision=places)
    assert scaled == plain
    written = write(report(scaled), "json")
    text = written if isinstance(written, str) else "".join(written)
    record = _json(plain)
    assert text == dumps({**record, "agencies": [_json_line(line, plain) for line in plain.lines]})


def test_a_national_trend_is_ranked_on_whole_numbers() -> None:
    periods = _packed(_periods(7))
    assert any(type(row.areas) is ScaledAreas for past in periods for row in past.rows)
    found = trend(periods)
    assert any(type(point.areas) is RankedScaled for line in found.lines for point in line.points if point)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6), st.sampled_from([0, 2]))
def test_csv_of_scaled_areas_as_of_fractions(seed: int, places: int) -> None:
    plain = trend(_periods(seed), precision=places)
    scaled = trend(_packed(_periods(seed)), precision=places)
    assert write(report(scaled), "csv") == write(report(plain), "csv")


@settings(deadline=None)
@given(
    st.integers(1, 3).flatmap(lambda width: st.lists(st.tuples(*[figure] * width), min_size=2, max_size=30)),
    st.randoms(use_true_random=False),
)
def test_units_apart_in_their_column_rank_as_units_one_after_another(
    rows: list[tuple[Fraction | None, ...]], chance: Random
) -> None:
    """A group's units read from the period's column by strided slices (one after another in it, `past_of`'s)
    or unit by unit (a group's units interleaved with another's, or in another order): the same ranks."""
    codes = tuple(str(n) for n in range(len(rows[0])))
    made = _scaled(rows, codes)
    mixed = list(range(len(made)))
    chance.shuffle(mixed)
    along = ranked_columns(made, ranks_down)
    apart = ranked_columns([made[n] for n in mixed], ranks_down)
    plain = ranked_columns([tuple(zip(codes, rows[n], strict=True)) for n in mixed], ranks_down)
    assert along is not None and apart is not None and plain is not None
    assert [tuple(along[n]) for n in mixed] == [tuple(areas) for areas in apart] == [tuple(a) for a in plain]
