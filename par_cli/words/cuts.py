"""The cells of the council's cut list (`par appraisal cuts`), whatever the format."""

from __future__ import annotations

from typing import TYPE_CHECKING

from par_cli.core.numbers import shown_difference, telling_places
from par_cli.words.labels import label
from par_cli.words.numbers import figure
from par_cli.words.numbers import signed_figure as signed

if TYPE_CHECKING:
    from par_cli.core.cuts import Cut

CUT_KEYS = ("col.code", "col.title", "col.self_scored", "col.appraised", "cut.change", "cut.reason")


def cuts_header(lang: str) -> list[str]:
    return [label(key, lang) for key in CUT_KEYS]


def cut_cells(cut: Cut, places: int, lang: str) -> list[str]:
    rounds = f" ({label('cut.rounds', lang)})" if cut.rounds else ""
    places = telling_places(cut.points, cut.self_points, places)  # never `0,44 | 0,44 | 0,00` for a cut
    return [
        cut.code,
        cut.title,
        figure(cut.self_points, places, lang),
        figure(cut.points, places, lang) + rounds,
        signed(shown_difference(cut.points, cut.self_points, places), places, lang),  # checks by subtraction
        cut.reason or "—",
    ]
