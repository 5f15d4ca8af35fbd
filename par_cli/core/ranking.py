"""Rankings (spec §3): pure functions from scored entries to ranked groups, with last year's ranks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import repeat
from operator import itemgetter
from typing import TYPE_CHECKING, Any, cast

from par_cli.core.area_columns import Scaler
from par_cli.core.diagnostics import NOWHERE, Diagnostic, Location
from par_cli.core.lineage import MergeMethod, Past, PastRow
from par_cli.core.named_tuple import NamedTuple
from par_cli.core.numbers import clamp_percent, exact_sum
from par_cli.core.rank_order import rank_order

if TYPE_CHECKING:
    from par_cli.core.cuts import Cut
    from par_cli.core.model import Agency
    from par_cli.core.scoring import NodeResult, Relative, Score


class Moves(NamedTuple):
    """What one scoring step on each appraised leaf could do to an agency's index, in index points."""

    cap: Fraction | None  # the highest index (100; None: the set lets bonus points carry it above)
    self_index: Fraction  # the index on the agency's self-assessed figures
    gains: tuple[Fraction, ...]  # the largest rises of a leaf one step up (STEPS_COUNTED at most), largest first
    losses: tuple[Fraction, ...]  # the largest falls of a leaf one step down


NodeFigure = tuple[str, str, int, Fraction, Fraction]  # code, title, depth, applicable max, points
AreaFigure = tuple[str, str, Fraction | None]  # code, title, index (None: no criterion of it applies)


@dataclass(frozen=True, slots=True)
class Entry:
    """What a ranking needs of one scored assessment: small and picklable, so memory stays flat."""

    agency_id: str
    agency_name: str
    group: str | None
    attributes: tuple[tuple[str, str], ...]
    criteria_id: str
    criteria_title: str
    period: str | None
    precision: int
    language: str
    grade_labels: tuple[str, ...]
    points: Fraction
    max: Fraction
    index: Fraction
    grade: str | None
    areas: Sequence[AreaFigure]  # a tuple, or kept packed (`core.compact`)
    file: str
    agency_where: Location = NOWHERE  # where the agency id is written, for errors about it
    period_where: Location = NOWHERE
    survey_points: Fraction | None = None  # the part of `points` from the survey; None: the set has no survey
    leaves: tuple[tuple[str, Fraction, Fraction], ...] = ()  # (code, points, max) of applicable leaves and
    # adjustments (max 0: outside the maximum), if asked (`rank --against`)
    index_cap: Fraction | None = Fraction(100)  # the highest index (None: bonus may carry it above 100)
    self_index: Fraction | None = None  # the index on the self-assessed figures (`--robustness`)
    gains: tuple[Fraction, ...] = ()  # the largest rises of an appraised leaf one step up, in index points
    losses: tuple[Fraction, ...] = ()  # … falls one step down
    predecessors: tuple[str, ...] = ()  # ids of last period's units merged into this one
    predecessors_where: tuple[Location, ...] = ()  # where each predecessor is written
    nodes: tuple[NodeFigure, ...] = ()  # every applicable node, if asked (`par gaps`)
    group_average: str = "mean"  # the set's `group_average`: "mean" of indices or "pooled" points / max
    cuts: tuple[Cut, ...] = ()  # leaves whose final points differ from the self-assessed ones, if asked
    relative: tuple[Relative, ...] = ()  # leaves scored relative to the group's leader, with their values
    leaders: tuple[tuple[str, Fraction], ...] = ()  # the group's best value of each, when scored with its group
    criteria_file: str = ""  # the criteria file it was scored with, and a digest of its bytes (for the results
    criteria_digest: str = ""  # cache: a set named by a path outside the folders it watches is checked on use)
    unanswered: tuple[tuple[str, Fraction], ...] = ()  # (code, max) of leaves without an answer: they score 0
    unanswered_survey: tuple[tuple[str, Fraction], ...] = ()  # … of survey leaves without results
    ties: str = "competition"  # the set's `ranking.ties`: "competition" (1, 1, 3) or "dense" (1, 1, 2)
    rank_precision: int | None = None  # the set's `ranking.precision`: its rankings' decimals (None: `precision`)
    ranked: bool = True  # False: assessed, not ranked (`agency.ranked`; `unranked_reason`: why); the set's
    unranked_reason: str | None = None  # `unranked_in_average`: it counts in the group's average and grades
    unranked_in_average: bool = True
    set_group: tuple[int, str] | None = None  # its group's place and label in the set's `ranking_groups`, if there
    doubts: tuple[Diagnostic, ...] = ()  # inputs its file's reader suspects were misread (A023): said by every
    # command that uses the entry (`services.doubts.doubted`); an entry with doubts is never cached

    @property
    def key(self) -> str:
        """The agency as one agency: ids are the same agency whatever their case (`X` is `x`)."""
        return self.agency_id.casefold()


def entry_of(
    result: Score,
    grade_labels: tuple[str, ...],
    agency_where: Location = NOWHERE,
    period_where: Location = NOWHERE,
    leaves: bool = False,
    moved: Moves | None = None,
    predecessors_where: tuple[Location, ...] = (),
    nodes: bool = False,
    group_average: str = "mean",
    ties: str = "competition",
    rank_precision: int | None = None,
    unranked_in_average: bool = True,
) -> Entry:
    return Entry(
        agency_id=result.agency.id,
        agency_name=result.agency.name,
        group=result.agency.group,
        attributes=_attributes(result.agency),
        criteria_id=result.criteria_id,
        criteria_title=result.criteria_title,
        period=result.period,
        precision=result.precision,
        language=result.language,
        grade_labels=grade_labels,
        points=result.points,
        max=result.max,
        index=result.index,
        grade=result.grade,
        areas=tuple((area.code, area.title, area.percent) for area in result.areas),
        file=result.file,
        agency_where=agency_where,
        period_where=period_where,
        survey_points=result.survey_points,
        leaves=leaf_points(result) if leaves else (),
        index_cap=moved.cap if moved else Fraction(100),
        self_index=moved.self_index if moved else None,
        gains=moved.gains if moved else (),
        losses=moved.losses if moved else (),
        predecessors=result.agency.predecessors,
        predecessors_where=predecessors_where,
        nodes=node_figures(result) if nodes else (),
        group_average=group_average,
        ties=ties,
        rank_precision=rank_precision,
        relative=result.relative,
        leaders=tuple(sorted((r.code, result.leaders[r.code]) for r in result.relative if r.code in result.leaders))
        if result.leaders is not None
        else (),
        unanswered=tuple((code, top) for code, top, survey in result.unanswered if not survey),
        unanswered_survey=tuple((code, top) for code, top, survey in result.unanswered if survey),
        ranked=result.agency.ranked,
        unranked_reason=result.agency.unranked_reason,
        unranked_in_average=unranked_in_average,
    )


def _attributes(agency: Agency) -> tuple[tuple[str, str], ...]:
    """The agency's attributes, and its unit type as `type` (so that `--group-by type` ranks types apart)."""
    found = dict(agency.attributes)
    if agency.type is not None:
        found.setdefault("type", agency.type)
    return tuple(sorted(found.items()))


def leaf_points(result: Score) -> tuple[tuple[str, Fraction, Fraction], ...]:
    out: list[tuple[str, Fraction, Fraction]] = []

    def visit(node: NodeResult) -> None:
        if not node.applicable:
            return
        if not node.children:
            out.append((node.code, node.points, node.max))
        for child in node.children:
            visit(child)

    for area in result.areas:
        visit(area)
    out += [(adjustment.code, adjustment.points, Fraction(0)) for adjustment in result.adjustments]
    return tuple(out)


def node_figures(result: Score) -> tuple[NodeFigure, ...]:
    out: list[NodeFigure] = []

    def visit(node: NodeResult) -> None:
        if node.applicable:
            out.append((node.code, node.title, node.depth, node.max, node.points))
            for child in node.children:
                visit(child)

    for area in result.areas:
        visit(area)
    return tuple(out)


def group_value(entry: Entry, group_by: str) -> str | None:
    """The ranking group of an agency: its `group`, none, its period, or one of its `attributes`."""
    if group_by == "none":
        return None
    if group_by == "period":
        return entry.period
    if group_by == "group":
        return entry.group
    return dict(entry.attributes).get(group_by)


Leaders = dict[tuple[str | None, str], dict[str, Fraction]]  # (group, criteria id) → code → best value


def leaders_of(entries: Iterable[Entry], group_by: str) -> Leaders:
    """The best value of every `relative` leaf in each ranking group (agencies of one criteria set)."""
    found: Leaders = {}
    for entry in entries:
        if not entry.relative:
            continue
        best = found.setdefault((group_value(entry, group_by), entry.criteria_id), {})
        for leaf in entry.relative:
            now = best.get(leaf.code)
            if now is None or (leaf.value > now if leaf.higher else leaf.value < now):
                best[leaf.code] = leaf.value
    return found


@dataclass(frozen=True, slots=True)
class RankedRow:
    entry: Entry
    rank: int | None  # None: assessed but not ranked (`Entry.ranked`)
    previous_rank: int | None
    rank_change: int | None  # positive: moved up
    previous_index: Fraction | None = None
    merged_from: tuple[str, ...] = ()  # the earlier figure combines these units' (see core.lineage)
    merged_names: tuple[str, ...] = ()  # their names, for people


@dataclass(frozen=True)
class RankGroup:
    criteria_id: str
    criteria_title: str
    group: str | None
    precision: int
    language: str
    rows: tuple[RankedRow, ...]
    average: Fraction  # exact: the mean of the exact indices, or the pooled points / max (`average_method`)
    grades: tuple[tuple[str, int], ...]  # grade label → agencies, in the set's order ("—" for no grade)
    average_method: str = "mean"
    previous_period: str | None = None  # the period of the previous ranks (`--previous`), when one is known
    ties: str = "competition"  # how equal indices are ranked: "competition" (1, 1, 3) or "dense" (1, 1, 2)
    survey: tuple[tuple[str, str, Fraction], ...] = ()  # the group's own survey results: (code, title, percentage)

    @property
    def count(self) -> int:
        return len(self.rows)


def competition_ranks(entries: list[Entry], dense: bool = False) -> list[tuple[int, Entry]]:
    """High to low by exact index; equal indices share a rank and the next is skipped (1, 2, 2, 4), or, `dense`,
    not skipped (1, 2, 2, 3). Ties are listed by agency name in Vietnamese alphabetical order (`rank_order`)."""
    order, ranks = rank_order(entries, dense)
    return [(place, entries[n]) for n, place in zip(order, ranks, strict=True)]


def rank(
    entries: Iterable[Entry], group_by: str = "group", previous: Past | None = None, merged_as: MergeMethod = "mean"
) -> list[RankGroup]:
    grouped: dict[tuple[str, str | None], list[Entry]] = {}
    for entry in entries:
        grouped.setdefault((entry.criteria_id, group_value(entry, group_by)), []).append(entry)
    groups = []
    for (criteria_id, group), members in sorted(
        grouped.items(), key=lambda kv: (kv[0][0], kv[0][1] is None, kv[0][1] or "")
    ):
        first = members[0]
        ranked = [entry for entry in members if entry.ranked]  # then those not ranked, by index, with no rank
        order, ranks = rank_order(ranked, first.ties == "dense")
        placed = [0] * len(ranked)
        for n, place in zip(order, ranks, strict=True):
            placed[n] = place
        # each row made in the order the entries came (as they lie in memory), then put in rank order
        made = [_row(entry, place, group, previous, merged_as) for entry, place in zip(ranked, placed, strict=True)]
        rows = [made[n] for n in order]
        rows += [
            _row(e, None, group, previous, merged_as)
            for _, e in competition_ranks([e for e in members if not e.ranked])
        ]
        labels = members[0].grade_labels
        counts = {label: 0 for label in labels}
        members = ranked if ranked and not members[0].unranked_in_average else members  # the set may leave them out
        for entry in members:
            counts[entry.grade or "—"] = counts.get(entry.grade or "—", 0) + 1
        groups.append(
            RankGroup(
                criteria_id=criteria_id,
                criteria_title=members[0].criteria_title,
                group=group,
                precision=first.precision if first.rank_precision is None else first.rank_precision,
                language=members[0].language,
                rows=tuple(rows),
                average=group_average(members),
                grades=tuple((label, n) for label, n in counts.items()),
                average_method=members[0].group_average,
                previous_period=previous.period if previous is not None else None,
                ties=first.ties,
            )
        )
    return groups


def _row(entry: Entry, position: int | None, group: str | None, previous: Past | None, how: MergeMethod) -> RankedRow:
    past = previous.figure(group, entry.key, entry.predecessors, how) if previous is not None else None
    if past is None:
        return RankedRow(entry, position, None, None)
    change = past.rank - position if position is not None and past.rank is not None else None
    return RankedRow(entry, position, past.rank, change, past.index, past.merged_from, past.merged_names)


def group_average(members: list[Entry]) -> Fraction:
    """As the set declares: the mean of the exact indices (each agency counts once), or the pooled points over
    the pooled maxima (an agency with a larger applicable maximum weighs more), clamped to 0–100 as an index is."""
    if members[0].group_average == "pooled":
        return clamp_percent(exact_sum(e.points for e in members) / exact_sum(e.max for e in members) * 100)
    return exact_sum(e.index for e in members) / len(members)


_code, _title = itemgetter(0), itemgetter(1)


def past_of(groups: list[RankGroup], label: str | None = None, period: str | None = None) -> Past:
    """A ranking as the next period looks back at it: agencies are matched across years by group and id (in any
    case), not by criteria set; merged units through their predecessors."""
    ranked: list[PastRow] = []  # a unit not ranked has no rank to look back at …
    unranked: list[PastRow] = []  # … but its figures, which `par trend` shows
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}  # each sequence of area codes, one tuple for every unit
    seen: dict[tuple[str, ...], list[Any]] = {}  # codes → [the first unit's place, the last's, the last's areas]
    scaler = Scaler()  # the area figures as whole numbers over one scale (`core.area_columns`)
    base = 0
    for g in groups:
        rows = g.rows
        made: list[PastRow] = [*repeat(cast("PastRow", None), len(rows))]
        # read in the order the rows lie in memory (`rank` makes them as the entries came), not in rank order: an
        # entry's figures and names are read once, near each other; each group's ranked units, then those not
        # ranked, one after another in the period's column of area figures
        for n in _by_place(rows):
            e = rows[n].entry
            given = e.areas if type(e.areas) is tuple else tuple(e.areas)  # (packed: read once)
            codes = tuple(map(_code, given))
            codes = shared.setdefault(codes, codes)
            mark = seen.get(codes)
            if mark is None:
                seen[codes] = [base + n, base + n, given]
            elif base + n > mark[1]:
                mark[1:] = base + n, given
            elif base + n < mark[0]:
                mark[0] = base + n
            made[n] = PastRow(g.group, e.agency_id, e.agency_name, rows[n].rank, e.index, e.points, e.max,
                              scaler.pack(codes, given), e.predecessors, e.predecessors_where)  # fmt: skip
        for past in made:
            (unranked if past.rank is None else ranked).append(past)
        base += len(rows)
    scaler.done()
    # each area's title, the last given: in the order codes come, each from the last unit that gives it (the
    # titles of the last unit of each sequence of codes, not those of every unit: one read, not one per unit)
    titles: dict[str, str] = {}
    for codes, (_, _, written) in sorted(seen.items(), key=lambda item: item[1][1]):
        titles.update(zip(codes, map(_title, written), strict=True))
    order = dict.fromkeys(code for codes in sorted(seen, key=lambda codes: seen[codes][0]) for code in codes)
    precision, sets = max((g.precision for g in groups), default=2), dict.fromkeys(g.criteria_title for g in groups)
    dense = [g.group for g in groups if g.ties == "dense"]  # their areas ranked as their indices are
    return Past(ranked, label, precision, tuple((c, titles[c]) for c in order), tuple(sets), period, unranked, dense)


def _by_place(rows: Sequence[RankedRow]) -> list[int]:
    """The rows' positions, those ranked first, each part in the order of the rows' addresses in memory."""
    places = list(map(id, rows))
    ranked = [n for n, row in enumerate(rows) if row.rank is not None]
    others = [n for n, row in enumerate(rows) if row.rank is None]
    return sorted(ranked, key=places.__getitem__) + sorted(others, key=places.__getitem__)
