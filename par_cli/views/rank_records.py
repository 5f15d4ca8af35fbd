"""`par rank`'s records: its JSON (groups and rows made as they are written, `Streamed`: a national ranking is
tens of thousands of rows) and its CSV (one row per agency, figures as numbers); language-neutral."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from par_cli.core.numbers import shown
from par_cli.views.records import Streamed, number

if TYPE_CHECKING:
    from par_cli.core.lineage import PastRow
    from par_cli.core.ranking import RankGroup

    # a row's `--robustness` margins (a core.robustness.Robustness), None without; not named here: the import
    # would make this module a step deeper than the views' six
    Margins = Callable[[RankGroup, int], Any]


def record(
    groups: list[RankGroup],
    has_previous: bool,
    areas: bool,
    merged_as: str,
    absent: tuple[PastRow, ...],
    method: tuple[str, int] | None,
    margins: Margins,
) -> dict[str, Any]:
    """`method`: how `--robustness`'s margins are found and within how many one-step changes (None without)."""
    result: dict[str, Any] = {"groups": Streamed(_group(group, has_previous, areas, margins) for group in groups)}
    if has_previous:
        result["merged_as"] = merged_as
        result["absent_from_previous"] = [  # last period's units this ranking lacks
            {"agency": {"id": row.agency_id, "name": row.name}, "group": row.group, "rank": row.rank} for row in absent
        ]
    if method is not None:
        how, steps = method
        step = "one scoring step per appraised leaf (points: step or 0.25)"
        result["robustness"] = {"method": how, "step": step, "steps": steps}
    return result


def _group(group: RankGroup, has_previous: bool, areas: bool, margins: Margins) -> dict[str, Any]:
    p = group.precision
    periods = {row.entry.period for row in group.rows}
    return {
        "criteria": group.criteria_id,
        "criteria_title": group.criteria_title,
        "group": group.group,
        "period": periods.pop() if len(periods) == 1 else None,
        "precision": p,
        "count": group.count,
        "average": number(group.average, p),
        "average_method": group.average_method,
        "grades": dict(group.grades),
        **({"ties": group.ties} if group.ties != "competition" else {}),  # extension: the set's `ranking.ties`
        **({"survey": _survey(group)} if group.survey else {}),  # extension: the group's own survey results
        "rows": Streamed(_row(group, n, has_previous, areas, margins) for n in range(len(group.rows))),
    }


def _survey(group: RankGroup) -> dict[str, Any]:
    """The office file's survey results of the group (not a mean of its units): code → {title, percent}."""
    return {code: {"title": title, "percent": number(value, group.precision)} for code, title, value in group.survey}


def _row(group: RankGroup, n: int, has_previous: bool, areas: bool, margins: Margins) -> dict[str, Any]:
    p = group.precision
    row = group.rows[n]
    e = row.entry
    agency: dict[str, Any] = {"id": e.agency_id, "name": e.agency_name, "group": e.group}
    if e.predecessors:  # extension: the units merged into it
        agency["predecessors"] = list(e.predecessors)
    item: dict[str, Any] = {
        "rank": row.rank,
        "agency": agency,
        "points": number(e.points, p),
        "max": number(e.max, p),
        "index": number(e.index, p),
        "grade": e.grade,
        "previous_rank": row.previous_rank,
        "rank_change": row.rank_change,
        "file": e.file,
    }
    if row.rank is None:  # extension: assessed but not ranked (`rank` null), and why when said
        item["ranked"] = False
        item["unranked_reason"] = e.unranked_reason
    if e.survey_points is not None:  # extension: `points` in its two parts, each rounded once
        item["appraised_points"] = number(e.points - e.survey_points, p)
        item["survey_points"] = number(e.survey_points, p)
    if has_previous:  # extension: the earlier index (a merged unit's computed from its predecessors)
        item["previous_index"] = number(row.previous_index, p) if row.previous_index is not None else None
        if row.merged_from:
            item["merged_from"] = list(row.merged_from)
    if e.leaders:  # extension: leaves scored relative to the group's leader
        best = dict(e.leaders)
        item["relative"] = [
            {"code": r.code, "value": number(r.value, 12), "best": number(best[r.code], 12)} for r in e.relative
        ]
    robust = margins(group, n)
    if robust is not None:
        item["robustness"] = {
            "gap_above": number(robust.above, p) if robust.above is not None else None,
            "gap_below": number(robust.below, p) if robust.below is not None else None,
            "shown_tie_with": list(robust.shown_tie),
            "best_rank": robust.best,
            "worst_rank": robust.worst,
            "steps_to_rise": robust.steps_up,
            "steps_to_fall": robust.steps_down,
            "self_assessed_rank": robust.self_rank,
        }
    if areas:
        item["areas"] = [{"code": c, "title": t, "index": number(i, p)} for c, t, i in e.areas]
    return item


def rows(groups: list[RankGroup], areas: bool, robust: bool, margins: Margins) -> Iterator[list[Any]]:
    """The CSV: a header, then one row per agency (areas as columns `area_<code>`, in the codes' order)."""
    codes = sorted({c for g in groups for c, _, _ in (g.rows[0].entry.areas if g.rows else ())}, key=_code_key)
    codes = codes if areas else []
    head = ["criteria", "group", "rank", "agency_id", "agency", "points", "max", "index", "grade"]
    extra = ["gap_above", "gap_below", "shown_tie", "best_rank", "worst_rank", "steps_to_rise", "steps_to_fall"]
    extra.append("self_assessed_rank")
    unranked = any(row.rank is None for g in groups for row in g.rows)  # the columns only where one is not ranked
    said = ["ranked", "unranked_reason"] if unranked else []
    yield [*head, "previous_rank", "rank_change", *(extra if robust else []), *[f"area_{c}" for c in codes], *said]
    for group in groups:
        p = group.precision
        for n, row in enumerate(group.rows):
            found = margins(group, n)
            figures = (
                [
                    _optional(found.above, p),
                    _optional(found.below, p),
                    "yes" if found.shown_tie else "",
                    found.best,
                    found.worst,
                    found.steps_up,
                    found.steps_down,
                    found.self_rank,
                ]
                if found is not None
                else []
            )
            e = row.entry
            by_code = {code: index for code, _, index in e.areas}
            yield [
                group.criteria_id,
                group.group,
                row.rank,
                e.agency_id,
                e.agency_name,
                shown(e.points, p),
                shown(e.max, p),
                shown(e.index, p),
                e.grade,
                row.previous_rank,
                row.rank_change,
                *figures,
                *[_optional(by_code.get(code), p) for code in codes],
                *(["yes" if row.rank is not None else "no", e.unranked_reason] if unranked else []),
            ]


def _optional(value: Fraction | None, places: int) -> str:
    return "" if value is None else shown(value, places)


def _code_key(code: str) -> list[tuple[int, int | str]]:
    return [(0, int(part)) if part.isdigit() else (1, part) for part in code.split(".")]
