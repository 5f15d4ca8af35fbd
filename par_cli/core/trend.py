"""`par trend`: each unit's index, rank and area indices across periods, following mergers back in time.

Every unit of the latest period has a line; so has every earlier unit that no later unit continues (it was
dissolved, or left the folder). A unit that names predecessors is followed back through them: its figure in an
earlier period is computed from theirs as `core.lineage` says, and the predecessors' own predecessors further back.
The predecessors' own figures stay on the line, as its parts: one per predecessor, with its index and rank in
each period the line's figure is computed from it, so that the computed figure can be checked.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence, Set
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import cached_property
from operator import itemgetter

from par_cli.core.area_columns import PastAreas, ScaledAreas
from par_cli.core.diagnostics import Diagnostic, msg, problem
from par_cli.core.lineage import MergeMethod, Past, PastFigure, PastRow, method_used, unknown_predecessors


@dataclass(frozen=True, slots=True)
class TrendPoint:
    index: Fraction
    rank: int | None  # None: assessed, not ranked then (`agency.ranked: false`): its index shown, no rank
    areas: Sequence[tuple[str, Fraction | None, int | None]]  # (code, index, rank): packed, or a tuple
    merged_from: tuple[str, ...] = ()  # computed from these units' figures
    method: MergeMethod | None = None  # how, when from two units or more (pooled falls back to the mean without points)
    points: Fraction | None = None  # the unit's own points and maximum, where its period gives them (for pooled)
    max: Fraction | None = None


@dataclass(frozen=True, slots=True)
class TrendLine:
    agency_id: str
    name: str
    group: str | None
    points: tuple[TrendPoint | None, ...]  # one per period; None: not assessed then
    parts: tuple[TrendLine, ...] = ()  # the predecessors' own figures, in the periods the line's are computed from


@dataclass(frozen=True)
class Trend:
    periods: tuple[str, ...]
    lines: tuple[TrendLine, ...]
    merged_as: MergeMethod
    area_codes: tuple[str, ...]
    precision: int
    area_titles: tuple[str, ...] = ()  # per area code, its title ("" where no period says it)
    set_titles: tuple[str, ...] = ()  # the criteria sets' titles, latest period first, each once
    names: tuple[tuple[str, str], ...] = ()  # (agency id, name) of each unit a figure is computed from, latest name
    dense: bool = False  # a period ranks a group densely (its set's `ranking.ties: dense`): said under the tables

    @cached_property
    def _named(self) -> dict[str, str]:
        return dict(self.names)

    def name_of(self, agency_id: str) -> str:
        """The unit's name as the latest period that ranks it gives it (its id when none does)."""
        return self._named.get(agency_id, agency_id)


def trend_problems(periods: Sequence[Past]) -> list[Diagnostic]:
    """Predecessors a period names that the period before it does not have (R008); a unit ranked without an
    index (a ranking published as ranks): a trend shows each period's index (J003)."""
    problems = []
    for before, after in itertools.pairwise(periods):
        units = [(row.group, row.predecessors, row.where) for row in after.rows if row.predecessors]
        problems += unknown_predecessors(units, before, before.label)
    hint = msg("hint.give-index")
    for period in periods:
        problems += [
            problem("J003", "index-needed-trend", hint=hint, id=row.agency_id).at(row.at)
            for row in period.rows
            if row.index is None
        ]
    return problems


def regrouped(period: Past, groups: Set[str | None]) -> Past | None:
    """A saved ranking's units in the run's grouping: `groups`, the groups of the folders ranked (`{None}`
    for `--group-by none`). Its one group becomes the run's one group (the ranks among one group are the ranks
    among all, whatever the group is called); groups among the run's stay as they are. None when it cannot be
    regrouped: several groups ranked apart to be shown together, or all ranked together to be shown apart."""
    own = {row.group for row in (*period.rows, *period.unranked)}
    if own <= groups:
        return period
    if len(own) == 1 and len(groups) == 1:
        [group] = groups
        return Past(
            (replace(row, group=group) for row in period.rows),
            period.label,
            period.precision,
            period.area_titles,
            period.set_titles,
            period.period,
            (replace(row, group=group) for row in period.unranked),
            [group] if period.dense else (),
        )
    if groups == {None} or own == {None}:
        return None
    return period  # groups of another name (renamed, or of units gone since): shown as the ranking gives them


def trend(periods: Sequence[Past], merged_as: MergeMethod = "mean", precision: int = 2) -> Trend:
    """The lines of every unit across `periods` (oldest first)."""
    used: list[set[int]] = [set() for _ in periods]  # per period, id(row) of the rows already on a line
    lines: list[TrendLine] = []
    for last in range(len(periods) - 1, -1, -1):
        taken = used[last]
        for row in (*periods[last].rows, *periods[last].unranked):  # units not ranked have their lines too
            if id(row) not in taken:
                lines.append(_line(periods, last, row, merged_as, used))
    codes: list[str] = []
    seen: set[tuple[str, ...]] = set()  # the rows' codes, each sequence once (a national trend: mostly one)
    for period in periods:
        for heads in map(_heads, (*period.rows, *period.unranked)):
            if heads not in seen:
                seen.add(heads)
                codes += [code for code in heads if code not in codes]
    titles: dict[str, str] = {}
    for period in reversed(periods):  # the latest title stands
        for code, title in period.area_titles:
            titles.setdefault(code, title)
    # the names of the units a figure is computed from (the notes name them), the latest standing; none to look
    # for in a trend without mergers (a national trend: no pass over every unit's id and name, scattered in memory)
    merged = {unit for line in lines for point in line.points if point is not None for unit in point.merged_from}
    names: dict[str, str] = {}
    for period in reversed(periods) if merged else ():
        for row in (*period.rows, *period.unranked):
            if row.agency_id in merged:
                names.setdefault(row.agency_id, row.name)
    sets = tuple(dict.fromkeys(title for period in reversed(periods) for title in period.set_titles))
    return Trend(
        tuple(p.label or str(n + 1) for n, p in enumerate(periods)),
        tuple(lines),
        merged_as,
        tuple(codes),
        precision,
        tuple(titles.get(code, "") for code in codes),
        sets,
        tuple(names.items()),
        any(period.dense for period in periods),
    )


def _line(periods: Sequence[Past], last: int, row: PastRow, how: MergeMethod, used: list[set[int]]) -> TrendLine:
    points: list[TrendPoint | None] = [None] * len(periods)
    points[last] = _point(periods[last], PastFigure(row.rank, row.index, row.areas), row.group, of=row)
    used[last].add(id(row))
    parts: dict[str, tuple[PastRow, list[TrendPoint | None]]] = {}  # predecessor's key → (latest row, its points)
    ids: list[str] = list(row.predecessors) or [row.agency_id]
    for j in range(last - 1, -1, -1):
        past = periods[j]
        keys = [i.casefold() for i in ids]
        found = [past.find(row.group, k) or past.find_unranked(row.group, k) for k in keys]
        rows = list({id(r): r for r in found if r is not None}.values())
        if not rows:
            break
        used[j].update(id(r) for r in rows)
        # marked whenever the figure is not the unit's own: even one predecessor (the other not ranked then)
        through = tuple(r.agency_id for r in rows) if keys != [row.key] else ()
        if len(rows) == 1:
            figure: PastFigure | None = PastFigure(rows[0].rank, rows[0].index, rows[0].areas, through)
        else:
            figure = past.figure(row.group, ids[0].casefold(), ids, how)
        if figure is not None:
            method = method_used(rows, how) if len(rows) > 1 else None
            point = _point(
                past, figure, rows[0].group if len(rows) == 1 else row.group, of=rows[0] if len(rows) == 1 else None
            )
            points[j] = replace(point, method=method) if method is not None else point
        for r in rows if through else ():
            own = parts.setdefault(r.key, (r, [None] * len(periods)))[1]
            own[j] = _point(past, PastFigure(r.rank, r.index, r.areas), r.group, r, of=r)
        ids = list(dict.fromkeys(p for r in rows for p in (r.predecessors or (r.agency_id,))))
    lines = tuple(TrendLine(r.agency_id, r.name, r.group, tuple(own)) for r, own in parts.values())
    return TrendLine(row.agency_id, row.name, row.group, tuple(points), lines)


def _point(
    past: Past, figure: PastFigure, group: str | None, own: PastRow | None = None, of: PastRow | None = None
) -> TrendPoint:
    """The figure with each area's rank in its group: 1 + the units (other than those merged into it) above it;
    a unit's `own` row gives its points and maximum. The figure `of` a ranked row (its own, or taken over by the
    one unit that continues it) has its areas ranked with its group's, all at once (`Past.ranked_areas`)."""
    ranked = figure.rank is not None  # a unit not ranked has no rank in its areas either
    areas = past.ranked_areas(of) if ranked and of is not None and _alone(past, figure, of) else None
    if areas is None:
        areas = tuple(
            (
                code,
                index,
                past.rank_of(index, group, code, figure.merged_from) if index is not None and ranked else None,
            )
            for code, index in figure.areas
        )
    assert figure.index is not None  # trend_problems refuses a unit ranked without an index
    if own is not None:
        return TrendPoint(figure.index, figure.rank, areas, figure.merged_from, None, own.points, own.max)
    return TrendPoint(figure.index, figure.rank, areas, figure.merged_from)


def _alone(past: Past, figure: PastFigure, row: PastRow) -> bool:
    """Whether the units `figure` leaves out of its ranks (`merged_from`) are at most the row itself."""
    return not figure.merged_from or (figure.merged_from == (row.agency_id,) and past.own(row.group, row.key) is row)


def _heads(row: PastRow) -> tuple[str, ...]:
    areas = row.areas
    if type(areas) is PastAreas or type(areas) is ScaledAreas:
        return areas.codes
    return tuple(map(itemgetter(0), areas))
