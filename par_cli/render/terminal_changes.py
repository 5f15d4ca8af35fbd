"""The terminal views of what a revised criteria set changes: `par criteria diff` and `par rank --against`."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table

from par_cli.render.literal_text import lit
from par_cli.render.views import CriteriaDiffView, ImpactView
from par_cli.words.criteria_diff import detail_text, kind_text, reasons_text, signed
from par_cli.words.labels import label
from par_cli.words.literal import visible
from par_cli.words.numbers import figure, plain
from par_cli.words.tables import places_moved


def criteria_diff(view: CriteriaDiffView) -> RenderableType:
    """`par criteria diff`: one row per change, then the total maximum of both sets."""
    diff = view.diff
    lang = view.lang or diff.new.language
    old, new = diff.old, diff.new
    head = lit(f"{old.title} [{old.id}] → {new.title} [{new.id}]", "bold")
    total = f"{label('diff.total', lang)}: {plain(old.total_max, lang)} → {plain(new.total_max, lang)}"
    if not diff.changes:
        return Group(head, lit(label("diff.none", lang)), lit(total))
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for key in ("diff.change", "diff.old", "diff.new", "title", "diff.detail"):
        table.add_column(label(key, lang), overflow="fold")
    for change in diff.changes:
        table.add_row(
            lit(kind_text(change, lang)),
            lit(change.old_code or ""),
            lit(change.new_code or ""),
            lit(change.title),
            lit(detail_text(change, lang)),
        )
    return Group(head, table, lit(total))


def rank_impact(view: ImpactView) -> RenderableType:
    """`par rank --criteria NEW --against OLD`: each agency's index and rank under both sets, and why."""
    diff = view.diff
    lang = view.lang or diff.new.language
    parts: list[RenderableType] = [lit(f"{diff.old.title} [{diff.old.id}] → {diff.new.title} [{diff.new.id}]", "bold")]
    for group in view.groups:
        p = group.precision
        where = f" · {label('group', lang)} {group.group}" if group.group is not None else ""
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, title=visible(where.strip(" ·")) or None)
        for key, right in (
            ("impact.rank", True),
            ("agency", False),
            ("impact.old_index", True),
            ("impact.new_index", True),
            ("impact.index_change", True),
            ("impact.old_rank", True),
            ("impact.rank_change", True),
            ("impact.why", False),
        ):
            table.add_column(label(key, lang), justify="right" if right else "left", overflow="fold")
        for row in group.rows:
            table.add_row(
                str(row.new_rank),
                lit(row.agency_name),
                figure(row.old_index, p, lang),
                figure(row.new_index, p, lang),
                signed(row.index_change, p, lang),
                str(row.old_rank),
                places_moved(row.rank_change),
                lit(reasons_text(row.reasons, p, lang)),
            )
        parts.append(table)
    return Group(*parts)
