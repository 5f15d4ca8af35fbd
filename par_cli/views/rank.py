"""`par rank` as a report: per ranking group, the ranked agencies (with last period's ranks, each area's index,
`--robustness`'s margins when asked), a line that sums the group up and its notes; its JSON (written row by row:
a national ranking is tens of thousands of rows) and CSV records; a workbook sheet per group; and the annex of
the decision announcing the results (Word). Each part is made only when a writer asks for it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from par_cli.views.report import Block, Cell, Column, Heading, Kind, Report, Sheet, Table
from par_cli.words.labels import label
from par_cli.words.languages import default
from par_cli.words.numbers import figure
from par_cli.words.tables import (
    area_codes,
    area_legend,
    change_text,
    group_heading,
    group_summary,
    has_ties,
    previous_title,
    rank_cells,
    rank_notes,
    robust_keys,
)

if TYPE_CHECKING:
    from par_cli.core.lineage import PastRow
    from par_cli.core.office import Office
    from par_cli.core.ranking import RankGroup
    from par_cli.core.robustness import Robustness

KEYS = ("rank", "agency", "points", "max", "index", "grade")
KINDS = (Kind.rank, Kind.text, Kind.figure, Kind.figure, Kind.figure, Kind.text)


def report(
    groups: list[RankGroup],
    has_previous: bool = False,
    areas: bool = False,
    lang: str | None = None,
    bars: bool = False,
    width: int = 0,
    robust: int = 0,
    merged_as: str = "mean",
    absent: tuple[PastRow, ...] = (),
    office: Office | None = None,
) -> Report:
    """`bars`: an index bar per agency (where the medium has room: the command line decides); `width`: the
    terminal columns the tables must fit in; `robust`: `--robustness`'s margins within that many one-step changes
    (`--steps`; 0: none; computed here, once);
    `merged_as`: how merged units' earlier figures were computed; `absent`: last period's units this ranking
    lacks; `office`: who issues it (the groups' labels, the annex's decision, issuer and signer)."""
    margins: dict[int, tuple[Robustness, ...]] = {}
    if robust:
        from par_cli.core.robustness import robustness

        margins = {id(group): robustness(group, robust) for group in groups}
    ranking = _Ranking(groups, has_previous, areas, lang, bars, robust, merged_as, absent, margins)
    ranking.office = office
    language = lang or (groups[0].language if groups else default())
    return Report(
        label("ranking", language),
        language,
        ranking.blocks,
        ranking.json,
        ranking.csv,
        on_screen=False,
        sheets=ranking.sheets,
        document=ranking.annex,
        in_text=False,
        width=width,
    )


class _Ranking:
    __slots__ = (
        "absent",
        "areas",
        "bars",
        "groups",
        "has_previous",
        "lang",
        "margins",
        "merged_as",
        "office",
        "robust",
    )

    def __init__(
        self,
        groups: list[RankGroup],
        has_previous: bool,
        areas: bool,
        lang: str | None,
        bars: bool,
        robust: int,
        merged_as: str,
        absent: tuple[PastRow, ...],
        margins: dict[int, tuple[Robustness, ...]],
    ):
        self.groups, self.has_previous, self.areas, self.lang, self.bars = groups, has_previous, areas, lang, bars
        self.robust, self.merged_as, self.absent, self.margins = robust, merged_as, absent, margins
        self.office: Office | None = None

    def heading(self, group: RankGroup, lang: str, period: bool = True) -> str:
        """The set's title, the group's label (no id: `group_heading`), the period."""
        return group_heading(group, lang, self.label(group), _alone(self.groups, group), period)

    def label(self, group: RankGroup) -> str | None:
        return self.office.label(group.group) if self.office is not None else None

    def robust_row(self, group: RankGroup, n: int) -> Robustness | None:
        return self.margins[id(group)][n] if self.robust else None

    def notes(self, group: RankGroup, lang: str) -> list[str]:
        margins = self.margins[id(group)] if self.robust else None
        return rank_notes(group, margins, self.merged_as if self.has_previous else None, lang, self.robust)

    # The screen and the page (terminal, Markdown, HTML)

    def blocks(self) -> list[Block]:
        return [self._table(group) for group in self.groups]

    def _table(self, group: RankGroup) -> Table:
        lang = self.lang or group.language
        p = group.precision
        ties = bool(self.robust) and has_ties(self.margins[id(group)])
        rows = [
            rank_cells(row, group, self.has_previous, self.areas, lang, self.robust_row(group, n), ties)
            for n, row in enumerate(group.rows)
        ]
        columns = [
            Column(label(key, lang), kind, wide=n == 1, narrowest=16 if n == 1 else None)
            for n, (key, kind) in enumerate(zip(KEYS, KINDS, strict=True))
        ]
        if self.has_previous:
            moves = [(row.rank_change or 0) and (1 if (row.rank_change or 0) > 0 else -1) for row in group.rows]
            columns += [
                Column(previous_title(group, lang), Kind.rank),
                Column(label("change", lang), Kind.change, moves=moves),
            ]
        if self.robust:
            columns += [Column(label(key, lang), Kind.figure) for key in robust_keys(self.margins[id(group)])]
        codes = area_codes(group) if self.areas else []
        columns += [Column(code, Kind.figure, extra=True) for code in codes]
        bars = [(row.entry.index, figure(row.entry.index, p, lang)) for row in group.rows] if self.bars else []
        return Table(
            columns,
            rows,
            heading=self.heading(group, lang),
            dense=bool(codes),
            whole=True,
            bars=bars,
            split=(2, 6 + 2 * self.has_previous),
            summary=group_summary(group, lang),
            notes=self.notes(group, lang) + (area_legend(group, lang) if codes else []),
            bar_title=label("chart", lang),
        )

    # The records (`views.rank_records`)

    def json(self) -> dict[str, Any]:
        from par_cli.core.robustness import METHOD
        from par_cli.views.rank_records import record

        args = (self.groups, self.has_previous, self.areas, self.merged_as, self.absent)
        return record(*args, (METHOD, self.robust) if self.robust else None, self.robust_row)

    def csv(self) -> Iterator[list[Any]]:
        from par_cli.views.rank_records import rows

        return rows(self.groups, self.areas, bool(self.robust), self.robust_row)

    # The workbook: a sheet per group

    def sheets(self) -> list[Sheet]:
        return [self._sheet(n, group) for n, group in enumerate(self.groups, start=1)]

    def _sheet(self, n: int, group: RankGroup) -> Sheet:
        """Headed by the set, group and period; agency ids and groups hidden after the columns (read back by
        `rank --previous`)."""
        lang = self.lang or group.language
        p = group.precision
        heading = self.heading(group, lang)
        titles = [label(key, lang) for key in KEYS]
        titles += [previous_title(group, lang), label("change", lang)] if self.has_previous else []
        codes = area_codes(group) if self.areas else []
        rows = []
        for row in group.rows:
            entry = row.entry
            cells = [
                Cell(row.rank if row.rank is not None else "—"),
                Cell(entry.agency_name),
                Cell(entry.points, p),
                Cell(entry.max, p),
                Cell(entry.index, p),
                Cell(entry.grade or "—"),
            ]
            if self.has_previous:
                cells.append(Cell(row.previous_rank))
                if row.rank is None:
                    cells.append(Cell("—"))
                elif row.rank_change is None:
                    cells.append(Cell(label("new", lang)))
                elif row.merged_from:
                    cells.append(Cell(change_text(row, True, lang)))
                else:
                    cells.append(Cell(row.rank_change, moves=True))
            cells += [Cell(index, p if index is not None else None) for _, _, index in entry.areas] if codes else []
            rows.append(cells)
        hidden: list[tuple[str, list[str | None]]] = [
            ("agency_id", [row.entry.agency_id for row in group.rows]),
            ("group", [group.group] * len(group.rows)),
        ]
        return Sheet(
            f"{n} {self.label(group) or ''}".strip(),  # no id: the tab is read by people
            heading,
            [*titles, *codes],
            rows,
            (7, 40, 10, 10, 10, 14, *([13, 9] if self.has_previous else []), *([9] * len(codes))),
            frozen=2,
            aligned=False,
            footer=group_summary(group, lang),  # the group survey result: a note, the line under it
            hidden=hidden,
            notes=self.notes(group, lang) + (area_legend(group, lang) if codes else []),
        )

    def annex(self) -> list[Block]:
        return annex(self.groups, self.has_previous, self.areas, self.lang, self.notes, self.office)


# The annex of the decision announcing the results (Word), in the administrative layout: a numbered table per
# group (appraised and survey points under one heading when the survey counts), last period's rank and the places
# moved, and with `--areas` each agency's index per area.


def annex(
    groups: list[RankGroup],
    has_previous: bool,
    areas: bool,
    lang: str | None,
    notes: Callable[[RankGroup, str], list[str]],
    office: Office | None = None,
) -> list[Block]:
    """The annex's opening (the issuer's header block when the office is known, the decision's line with what is
    known of it), then per group its table (its summary and notes under it) and, with `--areas`, each agency's
    index per area in a table of its own; the signer's block at the end when known.

    The set's title is the annex's subtitle when one set is ranked; each group is headed by its label (its id
    only when it has none and its set is ranked in several groups), a set ranked in one group unlabelled by
    nothing more."""
    from par_cli.core.office import Office
    from par_cli.words.office import decision_line, header, signature

    office = office or Office()
    language = lang or (groups[0].language if groups else default())
    periods = {row.entry.period for group in groups for row in group.rows}
    period = periods.pop() if len(periods) == 1 else None
    name = label("annex.rank_title", language)
    title = name + (f" {label('annex.year', language).upper()} {period}" if period else "")
    sets = list(dict.fromkeys(group.criteria_title for group in groups))
    subtitle = sets[0] if len(sets) == 1 else ""
    issuer, place = header(office, language)
    opening = Heading(title, name, subtitle, decision=True, landscape=True)
    opening.issuer, opening.place, opening.line = issuer, place, decision_line(office, language)
    opening.signer = signature(office)
    blocks: list[Block] = [opening]
    for group in groups:
        own = office.label(group.group)
        heading = own or group_heading(group, language, None, _alone(groups, group), period=False)
        heading = "" if heading == subtitle else heading.removeprefix(f"{subtitle} · ") if subtitle else heading
        blocks.append(_table(group, has_previous, language, notes(group, language), heading))
        if areas and area_codes(group):
            blocks.append(_areas(group, language))
    return blocks


def _alone(groups: list[RankGroup], group: RankGroup) -> bool:
    """Whether `group` is the only group its criteria set is ranked in."""
    return sum(1 for other in groups if other.criteria_id == group.criteria_id) == 1


def _table(group: RankGroup, has_previous: bool, lang: str, notes: list[str], heading: str) -> Table:
    p = group.precision
    survey = any(row.entry.survey_points is not None for row in group.rows)
    columns = [
        Column(label("annex.no", lang), Kind.rank, weight=13),
        Column(label("annex.agency", lang), Kind.text, weight=60),
        Column(label("annex.max", lang), Kind.figure, weight=18),
    ]
    parts = ("annex.appraised", "annex.survey", "annex.total") if survey else ("annex.points",)
    columns += [Column(label(key, lang), Kind.figure, weight=18) for key in parts]
    columns += [
        Column(label("annex.index", lang), Kind.figure, weight=18),
        Column(label("annex.rank", lang), Kind.rank, weight=15),
        Column(label("annex.grade", lang), Kind.text, weight=24),
    ]
    if has_previous:
        columns += [
            Column(previous_title(group, lang, "annex.previous"), Kind.rank, weight=17),
            Column(label("annex.change", lang), Kind.rank, weight=17),
        ]
    rows = []
    for n, row in enumerate(group.rows, start=1):
        entry = row.entry
        cells = [str(n), entry.agency_name, figure(entry.max, p, lang)]
        if survey:
            own = entry.survey_points or Fraction(0)
            cells += [figure(entry.points - own, p, lang), figure(own, p, lang), figure(entry.points, p, lang)]
        else:
            cells.append(figure(entry.points, p, lang))
        cells += [figure(entry.index, p, lang), str(row.rank) if row.rank is not None else "—", entry.grade or ""]
        if has_previous:
            moved = _places(row.rank_change, lang) if row.rank is not None else "—"  # not ranked: no move
            moved = f"{label('merged', lang)} {moved}" if row.merged_from and row.rank is not None else moved
            cells += [str(row.previous_rank) if row.previous_rank is not None else "", moved]
        rows.append(cells)
    return Table(
        columns,
        rows,
        heading=heading,
        span=(3, 5, label("annex.points", lang)) if survey else None,
        summary=group_summary(group, lang),
        notes=notes + (_rounded_parts(group, lang) if survey else []),  # how a merged unit's rank was found; rounding
    )


def _rounded_parts(group: RankGroup, lang: str) -> list[str]:
    """A note where an agency's appraised and survey points, each rounded on its own, do not add up to its total
    as shown (off by one in the last place): whoever adds them up is told why, and no figure is bent to fit."""
    from par_cli.core.diagnostics import msg
    from par_cli.core.numbers import round_half_up
    from par_cli.words.catalogue import text

    p, off = group.precision, []
    for row in group.rows:
        own = row.entry.survey_points or Fraction(0)
        parts = round_half_up(row.entry.points - own, p) + round_half_up(own, p)
        if parts != round_half_up(row.entry.points, p):
            off.append(row.entry.agency_name)
    if not off:
        return []
    return [text(msg("annex.rounded-parts", agencies="; ".join(off), unit=figure(Fraction(1, 10**p), p, lang)), lang)]


def _areas(group: RankGroup, lang: str) -> Table:
    """`--areas`: each agency's index per area, with the areas' titles below."""
    p = group.precision
    codes = area_codes(group)
    columns = [
        Column(label("annex.no", lang), Kind.rank, weight=13),
        Column(label("annex.agency", lang), Kind.text, weight=60),
        *(Column(code, Kind.figure, weight=20) for code in codes),
    ]
    rows = [
        [
            str(n),
            row.entry.agency_name,
            *(figure(area, p, lang) if area is not None else "" for *_, area in row.entry.areas),
        ]
        for n, row in enumerate(group.rows, start=1)
    ]
    titles = [f"{code}: {title}" for code, title, _ in group.rows[0].entry.areas]
    return Table(columns, rows, heading=label("annex.areas", lang), notes=["; ".join(titles) + "."])


def _places(change: int | None, lang: str) -> str:
    """+3 up three places, −2 down two, 0 unchanged, `mới`/`new` when not ranked last year."""
    if change is None:
        return label("new", lang)
    if change > 0:
        return f"+{change}"
    if change < 0:
        return f"−{-change}"
    return "0"
