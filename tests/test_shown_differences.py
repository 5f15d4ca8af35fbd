"""A difference shown beside two shown figures is the difference of the shown figures (README, "Differences"):
the cut list (table and workbook), the trend's change and `rank --against`'s index change. For any exact figures
a reader's subtraction checks (95.99 − 87.33 = 8.66, whatever the hidden decimals). JSON keeps each value rounded
once from the exact one. (The annex's appraised and survey points are parts, each rounded on its own: README.)"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from par_cli.core.cuts import Cut
from par_cli.core.impact import ImpactGroup, Moved
from par_cli.core.numbers import round_half_up
from par_cli.core.ranking import Entry
from par_cli.core.trend import Trend, TrendLine, TrendPoint
from par_cli.views.report import Table
from par_cli.words.cuts import cut_cells
from par_cli.words.years import trend_cells

figures = st.fractions(min_value=0, max_value=100, max_denominator=997)
places = st.integers(0, 4)
langs = st.sampled_from(["vi", "en"])


def read(text: str, lang: str) -> Decimal:
    """A figure as a reader reads it: `1.234,56` (vi), `+0.50`, `−8.66`."""
    text = text.replace("−", "-").removeprefix("+")
    text = text.replace(".", "").replace(",", ".") if lang == "vi" else text.replace(",", "")
    return Decimal(text)


@settings(max_examples=200)
@given(figures, figures, places, langs)
def test_the_cut_lists_change_is_the_shown_final_minus_the_shown_self_assessed(
    own: Fraction, final: Fraction, p: int, lang: str
) -> None:
    cells = cut_cells(Cut("1.1", "T", own, final, None, False), p, lang)
    assert read(cells[4], lang) == read(cells[3], lang) - read(cells[2], lang)
    if abs(final - own) >= Fraction(1, 10 ** (p + 4)):  # a cut is never shown as `0,44 | 0,44 | 0,00`
        assert read(cells[4], lang) != 0


@settings(max_examples=100)
@given(figures, figures, places)
def test_the_cut_workbooks_change_is_the_written_final_minus_the_written_self_assessed(
    own: Fraction, final: Fraction, p: int
) -> None:
    from par_cli.views.appraisal_cuts import report

    entry = Entry("a", "A", None, (), "r", "R", None, p, "vi", (), final, Fraction(100), final, None, (), "a.yaml",
                  cuts=(Cut("1.1", "T", own, final, None, False),))  # fmt: skip
    [sheet] = report([entry], "vi").sheets
    [row] = sheet.rows
    written = [round_half_up(Fraction(cell.value), cell.places or 0) for cell in row[3:6]]  # as xlsx writes them
    assert written[2] == written[1] - written[0]
    if abs(final - own) >= Fraction(1, 10 ** (p + 4)):
        assert written[2] != 0


@settings(max_examples=150)
@given(st.lists(figures, min_size=2, max_size=4), places, langs)
def test_the_trends_change_is_the_shown_last_index_minus_the_shown_first(
    indices: list[Fraction], p: int, lang: str
) -> None:
    line = TrendLine("a", "A", None, tuple(TrendPoint(index, 1, ()) for index in indices))
    periods = tuple(str(2020 + n) for n in range(len(indices)))
    trend = Trend(periods, (line,), "mean", (), p)
    cells = trend_cells(line, trend, Fraction(0), Fraction(100), lang)
    first, last = cells[1], cells[-4]  # agency, (index, rank) per period, sparkline, change
    assert read(cells[-1], lang) == read(last, lang) - read(first, lang)


@settings(max_examples=150)
@given(figures, figures, places, langs)
def test_rank_against_shows_the_new_index_minus_the_old_as_shown(
    old: Fraction, new: Fraction, p: int, lang: str
) -> None:
    from par_cli.views.rank_impact import report

    group = ImpactGroup("new", "old", None, p, lang, (Moved("a", "A", None, old, new, 1, 1, ()),))
    side = SimpleNamespace(title="T", id="t", language=lang)
    diff: Any = SimpleNamespace(old=side, new=side)
    [table] = report(diff, [group], lang).blocks
    assert isinstance(table, Table)
    [row] = table.rows
    assert read(row[4], lang) == read(row[3], lang) - read(row[2], lang)
