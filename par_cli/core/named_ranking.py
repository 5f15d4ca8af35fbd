"""A ranking given by names (a published annex, a workbook made by hand) matched to this year's agencies."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from par_cli.core.diagnostics import Diagnostic, Location, msg, problem
from par_cli.core.lineage import Past, PastRow, closest_name, name_key


def by_name(
    past: Past, agencies: Iterable[tuple[str, str, str | None]], where: Location
) -> tuple[Past, list[Diagnostic], list[Diagnostic]]:
    """A ranking given by names (a published annex, a workbook made by hand) matched to this ranking's agencies
    (`agencies`: id, name, group): (the ranking keyed by their ids, errors, warnings). Each row takes the id and
    group of the one agency of its name (`name_key`); its rank is the one its table gives.

    Errors: a name two agencies of this ranking bear (R015), an agency two rows name (R003). Warnings: each name
    no agency bears, at its row, with the closest name (R013); the agencies no name matches, that show as new, in
    one line at `where` (R014). Rows with ids are kept as they are; a row no agency bears is kept under its name
    (a merged unit's predecessor without an id there is then pointed to it, `unknown_predecessors`)."""
    listed = list(agencies)
    named: dict[str, list[tuple[str, str, str | None]]] = {}
    for agency in listed:
        named.setdefault(name_key(agency[1]), []).append(agency)
    rows: list[PastRow] = []
    errors: list[Diagnostic] = []
    warnings: list[Diagnostic] = []
    taken: set[str] = set()
    for row in past.rows:
        if not row.named:
            rows.append(row)
            taken.add(row.key)
            continue
        found = named.get(name_key(row.name), [])
        if len(found) > 1:
            ids = ", ".join(agency_id for agency_id, _, _ in found)
            errors.append(problem("R015", "name-of-two", hint=msg("hint.give-ids"), name=row.name, ids=ids).at(row.at))
        elif not found:
            rows.append(row)
            close = closest_name(row.name, [name for _, name, _ in listed])
            hint = msg("hint.did-you-mean", name=close) if close else msg("hint.name-as-written")
            warnings.append(problem("R013", "name-unmatched", hint=hint, name=row.name, rank=row.rank).at(row.at))
        elif found[0][0].casefold() in taken:
            twice = problem("R003", "agency-twice-in-ranking", id=row.name, group=row.group or "—")
            errors.append(twice.at(row.at))
        else:
            agency_id, _, group = found[0]
            taken.add(agency_id.casefold())
            rows.append(replace(row, agency_id=agency_id, group=group, named=False))
    new = [name for agency_id, name, _ in listed if agency_id.casefold() not in taken]
    if new and any(row.named for row in past.rows):
        warnings.append(problem("R014", "names-new", count=len(new), names=", ".join(new)).at(where))
    kept = Past(rows, past.label, past.precision, past.area_titles, past.set_titles, past.period, dense=past.dense)
    return kept, errors, warnings
