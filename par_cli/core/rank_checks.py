"""A ranking's input checked before it is ranked: an agency twice in a group, files of different periods ranked
together, an agency without the attribute it is grouped by."""

from __future__ import annotations

from collections.abc import Iterable

from par_cli.core.diagnostics import Diagnostic, msg, problem
from par_cli.core.ranking import Entry, group_value


def duplicates(entries: Iterable[Entry], group_by: str) -> list[Diagnostic]:
    """Two files for one agency (its id in any case) in one ranking group: an error naming both files."""
    seen: dict[tuple[str, str | None, str], Entry] = {}
    problems = []
    for entry in entries:
        key = (entry.criteria_id, group_value(entry, group_by), entry.key)
        if key in seen:
            first = seen[key]
            hint = msg("hint.unique-in-group")
            twice = problem("R003", "agency-also-in", hint=hint, id=entry.agency_id, file=first.file)
            problems.append(twice.at(entry.agency_where))
        else:
            seen[key] = entry
    return problems


def mixed_periods(entries: list[Entry], group_by: str) -> list[Diagnostic]:
    """Files of different periods ranked together, unless the ranking groups by period: one error per file
    whose period is not the one most files have."""
    if group_by == "period" or len({e.period for e in entries}) < 2:
        return []
    counts: dict[str | None, int] = {}
    for entry in entries:
        counts[entry.period] = counts.get(entry.period, 0) + 1
    usual = max(counts, key=lambda period: (counts[period], period or ""))
    hint = msg("hint.one-period")
    return [
        problem("R006", "period-differs", hint=hint, period=e.period or "—", usual=usual or "—").at(e.period_where)
        for e in entries
        if e.period != usual
    ]


def missing_attribute(entries: list[Entry], group_by: str) -> list[Diagnostic]:
    """Grouping by an attribute: an agency without it would be ranked in an unlabelled group."""
    if group_by in ("group", "none", "period"):
        return []
    hint = msg("hint.add-attribute", name=group_by)
    return [
        problem("R007", "no-attribute", hint=hint, name=group_by).at(e.agency_where)
        for e in entries
        if group_by not in dict(e.attributes)
    ]
