"""The terminal views of `par trend` (periods side by side, with sparklines), `par gaps` and the cut list."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from par_cli.render.literal_text import lit
from par_cli.render.views import CutsView, GapsView, TrendView
from par_cli.words.cuts import cut_cells, cuts_header
from par_cli.words.labels import label
from par_cli.words.languages import default
from par_cli.words.literal import visible
from par_cli.words.years import (
    area_cells,
    gap_cells,
    gaps_header,
    gaps_heading,
    index_bounds,
    trend_cells,
    trend_header,
    trend_notes,
)


def _table(header: list[str], text_columns: tuple[int, ...] = (0,)) -> Table:
    table = Table(box=box.SIMPLE, show_edge=False, pad_edge=False, collapse_padding=True)
    for i, name in enumerate(header):
        if i in text_columns:
            table.add_column(lit(name), overflow="fold", ratio=1, min_width=14)
        else:
            table.add_column(lit(name), justify="right", overflow="fold")
    return table


def trend(view: TrendView) -> RenderableType:
    """One line per unit: index and rank per period, a sparkline and the change from first to last."""
    found = view.trend
    lang = view.lang or default()
    low, high = index_bounds(found)
    table = _table(trend_header(found, lang))
    for line in found.lines:
        table.add_row(*(Text(visible(cell)) for cell in trend_cells(line, found, low, high, lang)))
    parts: list[RenderableType] = [lit(label("trend_title", lang), "bold"), table]
    for code in found.area_codes if view.areas else ():
        areas = _table([label("agency", lang), *found.periods])
        for line in found.lines:
            areas.add_row(*(Text(visible(cell)) for cell in area_cells(line, code, found, lang)))
        parts += [Text(), lit(f"{label('area_trend', lang)}: {code}", "bold"), areas]
    parts += [lit(note, "dim") for note in trend_notes(found, lang)]
    return Group(*parts)


def gaps(view: GapsView) -> RenderableType:
    """Per criteria set, the criteria losing the most points first (`--top` rows)."""
    parts: list[RenderableType] = []
    for n, found in enumerate(view.sets):
        lang = view.lang or found.language
        if n:
            parts.append(Text())
        parts.append(lit(gaps_heading(found, lang), "bold"))
        table = _table(gaps_header(lang)[:-1], (1,))
        shown = found.gaps[: view.top] if view.top is not None else found.gaps
        for gap in shown:
            cells = gap_cells(gap, found.precision, lang)
            title = lit(cells[1])
            if cells[-1]:  # the agencies losing most, under the title: the table stays readable on 80 columns
                title.append(visible(f"\n↳ {cells[-1]}"), style="dim")
            table.add_row(Text(visible(cells[0])), title, *(Text(visible(cell)) for cell in cells[2:-1]))
        parts.append(table)
        if len(shown) < len(found.gaps):
            parts.append(lit(f"+ {len(found.gaps) - len(shown)} {label('gap.more', lang)}", "dim"))
    return Group(*parts)


def appraisal_cuts(view: CutsView) -> RenderableType:
    """Per agency (sorted by name), the leaves whose final points are not the self-assessed ones."""
    lang = view.lang or default()
    parts: list[RenderableType] = [lit(label("cut.title", lang), "bold")]
    shown = [entry for entry in view.entries if entry.cuts]
    if not shown:
        return Group(*parts, lit(label("cut.none", lang)))
    for entry in shown:
        table = _table(cuts_header(lang), (1, 5))
        for cut in entry.cuts:
            table.add_row(*(Text(visible(cell)) for cell in cut_cells(cut, entry.precision, lang)))
        parts += [Text(), lit(f"{entry.agency_name} ({entry.file})", "bold"), table]
    return Group(*parts)
