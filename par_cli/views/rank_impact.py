"""`par rank --criteria NEW --against OLD` as a report: per (set, group), each agency's index and rank under both
sets and the criteria that moved it most; its JSON, where each agency's `reasons` add up to its index change."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from par_cli.core.numbers import shown_difference
from par_cli.views.records import number
from par_cli.views.report import Column, Kind, Report, Table
from par_cli.words.labels import label
from par_cli.words.numbers import figure
from par_cli.words.numbers import signed_figure as signed
from par_cli.words.tables import places_moved

if TYPE_CHECKING:
    from collections.abc import Mapping

    from par_cli.core.criteria_diff import CriteriaDiff
    from par_cli.core.impact import ImpactGroup, Reason

KINDS = (
    ("impact.rank", Kind.rank),
    ("agency", Kind.text),
    ("impact.old_index", Kind.figure),
    ("impact.new_index", Kind.figure),
    ("impact.index_change", Kind.change),
    ("impact.old_rank", Kind.rank),
    ("impact.rank_change", Kind.change),
    ("impact.why", Kind.text),
)


def report(
    diff: CriteriaDiff, groups: list[ImpactGroup], lang: str | None = None, labels: Mapping[str, str] | None = None
) -> Report:
    """Per group a table headed by the group's label (`labels`: the office file's); by its id only when it has
    none and there are several groups, as `par rank` heads them; no heading for one group without a label."""
    lang = lang or diff.new.language
    labels = labels or {}
    blocks = []
    for group in groups:
        p = group.precision
        rows = [
            [
                str(row.new_rank or "—"),
                row.agency_name,
                figure(row.old_index, p, lang),
                figure(row.new_index, p, lang),
                signed(shown_difference(row.new_index, row.old_index, p), p, lang),  # of the two shown
                str(row.old_rank or "—"),
                places_moved(row.rank_change) if row.rank_change is not None else "—",
                reasons_text(row.reasons, p, lang),
            ]
            for row in group.rows
        ]
        heading = labels.get(group.group or "", "")
        if not heading and group.group is not None and len(groups) > 1:
            heading = f"{label('group', lang)} {group.group}"
        columns = [Column(label(key, lang), kind) for key, kind in KINDS]
        blocks.append(Table(columns, rows, heading=heading, spaced=True))
    old, new = diff.old, diff.new
    named = old.title != new.title  # the sets by their titles; by their ids only when the titles are the same
    title = f"{old.title} → {new.title}" if named else f"{old.id} → {new.id}"
    return Report(title, lang, blocks, _json(diff, groups), [])


def _json(diff: CriteriaDiff, groups: list[ImpactGroup]) -> dict[str, Any]:
    """Each agency under both sets; `reasons` add up to `index_change` (figures rounded once, each)."""
    found = []
    for group in groups:
        p = group.precision
        rows = [
            {
                "agency": {"id": row.agency_id, "name": row.agency_name, "group": row.group},
                "old_index": number(row.old_index, p),
                "new_index": number(row.new_index, p),
                "index_change": number(row.index_change, p),
                "old_rank": row.old_rank,
                "new_rank": row.new_rank,
                "rank_change": row.rank_change,
                "reasons": [
                    {"old_code": r.old_code, "new_code": r.new_code, "index_points": number(r.index_points, p)}
                    for r in row.reasons
                ],
            }
            for row in group.rows
        ]
        found.append(
            {"criteria": group.criteria_id, "against": group.old_criteria_id, "group": group.group, "rows": rows}
        )
    return {"old": diff.old.id, "new": diff.new.id, "groups": found}


def reasons_text(reasons: tuple[Reason, ...], places: int, lang: str, shown: int = 3) -> str:
    """`1.1.4 −0,50; 1.3.1 +0,33`: the criteria that moved an index most, in index points (renumbered ones
    under their new code; removed ones marked), each code held to its effect by a no-break space."""
    parts = []
    for reason in reasons[:shown]:
        code = reason.new_code or f"{reason.old_code} ({label('diff.removed', lang)})"
        parts.append(f"{code}\N{NO-BREAK SPACE}{signed(reason.index_points, places, lang)}")  # never parted
    more = len(reasons) - shown
    return "; ".join(parts) + (f"; … (+{more})" if more > 0 else "")
