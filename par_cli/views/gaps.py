"""`par gaps` as a report: per criteria set, the criteria losing the most points (the agencies losing most under
each), a heat map of every agency's loss; its JSON and CSV (one row per criterion), and the improvement plan an
office fills in (a sheet per set: the criteria losing points, every agency losing them, who and by when)."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any

from par_cli.core.numbers import round_half_up
from par_cli.views.records import number
from par_cli.views.report import Cell, Column, HeatCell, HeatMap, Items, Kind, Note, Report, Sheet, Table
from par_cli.words.labels import label
from par_cli.words.languages import default
from par_cli.words.numbers import figure
from par_cli.words.years import gap_cells, gaps_header, gaps_heading

if TYPE_CHECKING:
    from par_cli.core.gaps import Gap, GapSet

KINDS = (Kind.code, Kind.text, Kind.figure, Kind.figure, Kind.figure, Kind.figure, Kind.text)
WEIGHTS = (10, 38, 13, 10, 12, 10, None)  # a printed page's share: the criterion's title gets the room
PLAN_KEYS = ("gap.no", "gap.code", "gap.criterion", "gap.max", "gap.losing", "gap.lost", "gap.average", "gap.share")
PLAN_WIDTHS = (6, 9, 48, 11, 11, 10, 10, 10, 42, 24, 14)


def report(sets: list[GapSet], top: int | None = None, asked: str | None = None) -> Report:
    """`top`: the rows each table shows (a note says how many more there are); None: all. Each set's tables in
    its own language unless one was `asked` for (as `par rank` does); the title (said once) in the first set's,
    each set headed by its title. On a page the agencies losing most are a column (Word: under the criterion);
    on the terminal, where that column would fold names inside a narrow cell, they are listed under the table,
    one agency a line; in Word too, one a line under the criterion."""
    first = asked or (sets[0].language if sets else default())
    blocks: list[Any] = []
    screen: list[Any] = []
    document: list[Any] = []
    for found in sets:
        lang = asked or found.language
        names = gaps_header(lang)
        columns = [
            Column(name, kind, wide=n == 1, weight=weight)
            for n, (name, kind, weight) in enumerate(zip(names, KINDS, WEIGHTS, strict=True))
        ]
        columns[-1] = Column(names[-1], Kind.text, beneath=1)  # the agencies losing most, under the criterion
        shown = found.gaps[:top] if top is not None else found.gaps
        rows = [gap_cells(gap, found.precision, lang) for gap in shown]
        heading = gaps_heading(found, lang)
        more = [Note(f"+ {len(found.gaps) - len(shown)} {label('gap.more', lang)}")] * (len(shown) < len(found.gaps))
        blocks += [Table(columns, rows, heading=heading), *more, _heat(found, lang)]
        stacked = [
            [*row[:-1], _stacked(gap, found.precision, lang, "\n↳ ")] for row, gap in zip(rows, shown, strict=True)
        ]
        document += [Table(columns, stacked, heading=heading), *more]
        worst = [(gap.code, _stacked(gap, found.precision, lang)) for gap in shown if gap.worst]
        listed = [Items(label("gap.worst-heading", lang), worst)] if worst else []
        screen += [Table(columns[:-1], [row[:-1] for row in rows], heading=heading), *more, *listed]
    sheets = [_plan(found, n, asked or found.language) for n, found in enumerate(sets, start=1)]
    return Report(
        label("gaps_title", first),
        first,
        screen,
        _json(sets),
        _csv(sets),
        sheets=sheets,
        text=blocks,
        page=blocks,
        document=document,
    )


def _stacked(gap: Gap, places: int, lang: str, between: str = "\n") -> str:
    """The agencies losing most at a criterion, one a line: `Sở Y tế (1,77)`."""
    return between.join(f"{name} ({figure(lost, places, lang)})" for name, lost in gap.worst)


def _heat(found: GapSet, lang: str) -> HeatMap:
    """Criterion by agency, the cell's colour the share of its maximum lost (none when the set has too many
    agencies to keep each one's losses: core.gaps.HEAT_LIMIT)."""
    p = found.precision
    rows = []
    for gap in found.gaps if any(gap.by_agency for gap in found.gaps) else ():
        if not gap.lost:
            continue
        cells: list[HeatCell | None] = []
        for name, cell in zip(found.agencies, gap.by_agency, strict=True):
            if cell is None:
                cells.append(None)
                continue
            lost, maximum = cell
            share = lost / maximum if maximum else Fraction(0)
            tip = f"{name} · {gap.code}: {figure(lost, p, lang)} / {figure(maximum, p, lang)}"
            cells.append(HeatCell(figure(lost, p, lang) if lost else "", share, tip))
        rows.append((gap.code, gap.title, cells))
    absent = "" if any(gap.by_agency for gap in found.gaps) else label("gap.no-heat", lang)
    key, by_row, by_column = (label(f"gap.heat-{part}", lang) for part in ("key", "rows", "columns"))
    return HeatMap(
        label("gap.heat", lang), label("gap.code", lang), found.agencies, rows, absent, key, by_row, by_column
    )


def _plan(found: GapSet, n: int, lang: str) -> Sheet:
    """The improvement plan: per criterion losing points (most first) its losses and every agency losing them,
    with empty "responsible" and "deadline" columns for the office to fill in."""
    p = found.precision
    rows = []
    for r, gap in enumerate((gap for gap in found.gaps if gap.lost), start=1):  # nothing lost: nothing to improve
        agencies = _losing(found, gap, lang)
        rows.append(
            [
                Cell(r),
                Cell(gap.code),
                Cell(gap.title, wrap=True),
                Cell(gap.max, p),
                Cell(f"{gap.losing}/{gap.assessed}"),
                Cell(gap.lost, p),
                Cell(gap.average, p),
                Cell(gap.share, p),
                Cell(agencies, wrap=True),
                Cell(None, fill=True),
                Cell(None, fill=True),
            ]
        )
    keys = [*PLAN_KEYS, "gap.agencies", "gap.responsible", "gap.deadline"]
    title = f"{label('gap.plan', lang)} — {gaps_heading(found, lang)}"
    header = [label(key, lang) for key in keys]
    return Sheet(f"{label('gap.plan', lang)} {n}", title, header, rows, PLAN_WIDTHS, frozen=3, header_height=30)


def _losing(found: GapSet, gap: Gap, lang: str) -> str:
    """Every agency losing points there, most first (only the worst when there are too many to keep)."""
    p = found.precision
    losing = sorted(
        ((name, cell[0]) for name, cell in zip(found.agencies, gap.by_agency, strict=False) if cell and cell[0]),
        key=lambda item: -item[1],
    )
    listed = losing if gap.by_agency else list(gap.worst)
    more = "; …" if not gap.by_agency and gap.losing > len(listed) else ""
    return "; ".join(f"{name} ({figure(lost, p, lang)})" for name, lost in listed) + more


def _json(sets: list[GapSet]) -> dict[str, Any]:
    out = []
    for found in sets:
        p = found.precision
        rows = [
            {
                "code": gap.code,
                "title": gap.title,
                "depth": gap.depth,
                "leaf": gap.leaf,
                "agencies_assessed": gap.assessed,
                "agencies_losing": gap.losing,
                "points_lost": number(gap.lost, p),
                "average_lost": number(gap.average, p),
                "max": number(gap.max, p),
                "share_of_max_percent": number(gap.share, p),
                "worst": [{"agency": name, "points_lost": number(lost, p)} for name, lost in gap.worst],
            }
            for gap in found.gaps
        ]
        out.append(
            {
                "criteria": found.criteria_id,
                "criteria_title": found.criteria_title,
                "agencies": len(found.agencies),
                "criteria_rows": rows,
            }
        )
    return {"sets": out}


def _csv(sets: list[GapSet]) -> list[list[Any]]:
    """One row per criterion, largest loss first within each set."""
    head = ["criteria", "code", "title", "depth", "agencies_assessed", "agencies_losing", "points_lost"]
    rows: list[list[Any]] = [[*head, "average_lost", "max", "share_of_max_percent", "worst"]]
    for found in sets:
        p = found.precision
        for gap in found.gaps:
            worst = "; ".join(f"{name} ({round_half_up(lost, p):f})" for name, lost in gap.worst)
            rows.append(
                [
                    found.criteria_id,
                    gap.code,
                    gap.title,
                    gap.depth,
                    gap.assessed,
                    gap.losing,
                    *(round_half_up(value, p) for value in (gap.lost, gap.average, gap.max, gap.share)),
                    worst,
                ]
            )
    return rows
