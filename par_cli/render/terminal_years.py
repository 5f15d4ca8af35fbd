"""The terminal view of the council's cut list (`par appraisal cuts`)."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from par_cli.render.literal_text import lit
from par_cli.render.views import CutsView
from par_cli.words.cuts import cut_cells, cuts_header
from par_cli.words.labels import label
from par_cli.words.literal import visible


def _table(header: list[str], text_columns: tuple[int, ...] = (0,)) -> Table:
    table = Table(box=box.SIMPLE, show_edge=False, pad_edge=False, collapse_padding=True)
    for i, name in enumerate(header):
        if i in text_columns:
            table.add_column(lit(name), overflow="fold", ratio=1, min_width=14)
        else:
            table.add_column(lit(name), justify="right", overflow="fold")
    return table


def appraisal_cuts(view: CutsView) -> RenderableType:
    """Per agency (sorted by name), the leaves whose final points are not the self-assessed ones."""
    lang = view.lang or "vi"
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
