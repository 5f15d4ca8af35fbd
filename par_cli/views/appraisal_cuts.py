"""`par appraisal cuts` as a report: per agency (sorted by name), the leaves whose final points are not the
self-assessed ones, with the council's reasons; its JSON and CSV (one row per changed leaf) and the cut list
workbook (one sheet, a Reason column to read or complete)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from par_cli.core.numbers import round_half_up, shown_difference, telling_places
from par_cli.views.records import number
from par_cli.views.report import Cell, Column, Kind, Note, Report, Sheet, Table
from par_cli.words.cuts import cut_cells, cuts_header
from par_cli.words.labels import label
from par_cli.words.languages import default

if TYPE_CHECKING:
    from par_cli.core.ranking import Entry

KINDS = (Kind.code, Kind.text, Kind.figure, Kind.figure, Kind.change, Kind.text)
WIDTHS = (28, 9, 48, 11, 11, 11, 40)


def report(entries: list[Entry], lang: str | None = None) -> Report:
    lang = lang or default()
    title = label("cut.title", lang)
    shown = [entry for entry in entries if entry.cuts]
    blocks: list[Any] = [] if shown else [Note(label("cut.none", lang), plain=True)]
    for entry in shown:
        columns = [
            Column(name, kind, wide=kind is Kind.text) for name, kind in zip(cuts_header(lang), KINDS, strict=True)
        ]
        rows = [cut_cells(cut, entry.precision, lang) for cut in entry.cuts]
        blocks.append(Table(columns, rows, heading=f"{entry.agency_name} ({entry.file})"))
    return Report(title, lang, blocks, _json(entries), _csv(entries), sheets=[_sheet(entries, title, lang)])


def _sheet(entries: list[Entry], title: str, lang: str) -> Sheet:
    rows = []
    for entry in entries:
        for cut in entry.cuts:
            p = telling_places(cut.points, cut.self_points, entry.precision)  # a cut never shown as 0,00
            rows.append(
                [
                    Cell(entry.agency_name),
                    Cell(cut.code),
                    Cell(cut.title, wrap=True),
                    Cell(cut.self_points, p),
                    Cell(cut.points, p),
                    Cell(shown_difference(cut.points, cut.self_points, p), p),  # of the cells beside it
                    Cell(cut.reason or "", wrap=True),
                ]
            )
    return Sheet(title, _heading(entries, title), [label("agency", lang), *cuts_header(lang)], rows, WIDTHS, frozen=2)


def _heading(entries: list[Entry], title: str) -> str:
    """The sheet's title row: what it lists, the sets' titles and the periods (no id), as the council files it."""
    sets = " · ".join(dict.fromkeys(entry.criteria_title for entry in entries))
    periods = ", ".join(dict.fromkeys(entry.period for entry in entries if entry.period))
    return " — ".join(part for part in (title, sets, periods) if part)


def _json(entries: list[Entry]) -> dict[str, Any]:
    """Every agency with the leaves whose final points differ from the self-assessed ones (docx-ready data)."""
    return {
        "agencies": [
            {
                "agency": {"id": entry.agency_id, "name": entry.agency_name},
                "file": entry.file,
                "cuts": [
                    {
                        "code": cut.code,
                        "title": cut.title,
                        "self_points": number(cut.self_points, entry.precision),
                        "points": number(cut.points, entry.precision),
                        "change": number(cut.points - cut.self_points, entry.precision),
                        "reason": cut.reason,
                        "two_rounds": cut.rounds,
                    }
                    for cut in entry.cuts
                ],
            }
            for entry in entries
        ]
    }


def _csv(entries: list[Entry]) -> list[list[Any]]:
    """One row per changed leaf: the agency, the leaf, self-assessed and final points, the change, the reason."""
    rows: list[list[Any]] = [
        ["agency_id", "agency", "code", "title", "self_points", "points", "change", "reason", "two_rounds"]
    ]
    for entry in entries:
        p = entry.precision
        for cut in entry.cuts:
            figures = (cut.self_points, cut.points, cut.points - cut.self_points)
            rows.append(
                [
                    entry.agency_id,
                    entry.agency_name,
                    cut.code,
                    cut.title,
                    *(round_half_up(value, p) for value in figures),
                    cut.reason,
                    "yes" if cut.rounds else "",
                ]
            )
    return rows
