"""The cells and headings that every score and ranking table shows, whatever the format."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from par_cli.core.diagnostics import msg
from par_cli.core.numbers import round_half_up
from par_cli.words.catalogue import text
from par_cli.words.labels import label, period_words
from par_cli.words.numbers import figure, group_digits, plain

if TYPE_CHECKING:
    from par_cli.core.ranking import RankedRow, RankGroup
    from par_cli.core.robustness import Robustness
    from par_cli.core.scoring import AdjustmentResult, NodeResult, Score


def difference(final: Fraction, own: Fraction, places: int, lang: str) -> str:
    """Final − self-assessed as shown: the difference of the two rounded figures, so that a reader's subtraction
    of the figures beside it always checks (95,99 − 87,33 = 8,66); signed; blank when they are shown the same."""
    change = round_half_up(final, places) - round_half_up(own, places)
    if change == 0:
        return ""
    return ("+" if change > 0 else "−") + group_digits(f"{abs(change):f}", lang)


def score_cells(
    max_points: Fraction | None, own: Fraction, final: Fraction, percent: Fraction | None, places: int, lang: str
) -> list[str]:
    """Max, self-assessed, final, their difference and the index, as every score table shows them."""
    return [
        "" if max_points is None else figure(max_points, places, lang),
        figure(own, places, lang),
        figure(final, places, lang),
        difference(final, own, places, lang),
        "" if percent is None else figure(percent, places, lang),
    ]


def nodes_to(score: Score, depth: int) -> Iterator[NodeResult]:
    """Every node of the score down to `depth`, in order."""

    def visit(node: NodeResult) -> Iterator[NodeResult]:
        yield node
        if node.depth < depth:
            for child in node.children:
                yield from visit(child)

    for area in score.areas:
        yield from visit(area)


def adjustment_title(adjustment: AdjustmentResult, lang: str) -> str:
    """A bonus or penalty row's title; for the row a cap adds, what it takes back and why."""
    if adjustment.tolerance is not None:
        return text(msg("adjustment.tolerance", gap=plain(adjustment.tolerance, lang)), lang)
    if adjustment.cap is None:
        return adjustment.title
    cap = plain(adjustment.cap, lang)
    return text(msg(f"adjustment.{adjustment.kind}-cap", cap=cap), lang)


def change_text(row: RankedRow, has_previous: bool, lang: str = "en") -> str:
    """▲3 up three places, ▼2 down two, = unchanged, new (not ranked last year), merged ▲1 (last year's figure
    from the units merged into it); blank without --previous."""
    if not has_previous:
        return ""
    if row.rank is None:  # not ranked: no move
        return "—"
    if row.rank_change is None:
        return label("new", lang)
    moved = places_moved(row.rank_change)
    return f"{label('merged', lang)} {moved}" if row.merged_from else moved


def places_moved(change: int) -> str:
    """▲3 (up three places), ▼2 (down two), = (unchanged)."""
    if change > 0:
        return f"▲{change}"
    if change < 0:
        return f"▼{-change}"
    return "="


def group_heading(group: RankGroup, lang: str, name: str | None = None, alone: bool = True, period: bool = True) -> str:
    """The set's title, the group's `name` (its label in the office file; its id only when it has none and its
    set is ranked in several groups: `alone` False, said by an O002 warning), then the period."""
    shown_name = group_name(group.group, name, alone, lang)
    parts = [group.criteria_title, *([shown_name] if shown_name else [])]
    shown = group_period(group) if period else None
    return " · ".join([*parts, period_words(shown, lang)] if shown else parts)


def group_name(group: str | None, name: str | None, alone: bool, lang: str) -> str:
    """A ranking group as people read it: its `name` (the office file's or the set's label); without one, its id
    (`nhóm so-nganh`) only when it is one of several groups (`alone` False); else nothing."""
    if name:
        return name
    return f"{label('group', lang)} {group}" if group is not None and not alone else ""


def group_period(group: RankGroup) -> str | None:
    periods = {row.entry.period for row in group.rows}
    found = periods.pop() if len(periods) == 1 else None
    return found or None


def previous_title(group: RankGroup, lang: str, key: str = "previous") -> str:
    """The previous rank's column: `Hạng 2023` / `Rank 2023`, or `Hạng kỳ trước` / `Previous rank` when the
    previous period is not known (a ranking of several periods, a table that does not say, files that give this
    ranking's own period)."""
    known = group.previous_period if group.previous_period != group_period(group) else None
    return f"{label(key + '.of', lang)} {known}" if known else label(key + ".unknown", lang)


def group_summary(group: RankGroup, lang: str) -> str:
    """In the administrative style: `Tổng số: 12 cơ quan; chỉ số bình quân: 80,10%; Tốt: 05, Khá: 07` (counts
    with the digits the language writes them with: two in Vietnamese)."""
    from par_cli.words.languages import language

    digits = language(lang).count_digits
    grades = ", ".join(f"{grade}: {n:0{digits}d}" for grade, n in group.grades if n)
    agencies = label("agency_one" if group.count == 1 else "agencies", lang)
    average = label("summary.average" if group.average_method == "mean" else "average_pooled", lang)
    total = f"{label('summary.total', lang)}: {group.count:0{digits}d} {agencies}"
    unranked = sum(1 for row in group.rows if row.rank is None)
    if unranked:  # assessed but not ranked: said, and whether the set leaves them out of the figures
        left_out = unranked < group.count and not group.rows[0].entry.unranked_in_average
        total += " (" + text(
            msg("summary.unranked-out" if left_out else "summary.unranked", count=f"{unranked:0{digits}d}"), lang
        )
        total += ")"
    line = f"{total}; {average}: {figure(group.average, group.precision, lang)}%"
    return line + (f"; {grades}" if grades else "")


def area_legend(group: RankGroup, lang: str) -> list[str]:
    """What the area columns' codes stand for, a line each (a code never parted from its title by a line's end):
    `Lĩnh vực 1: Công tác chỉ đạo, điều hành cải cách hành chính`."""
    areas = group.rows[0].entry.areas if group.rows else ()
    return [f"{label('areas_legend', lang)} {code}: {title}" for code, title, _ in areas]


def area_codes(group: RankGroup) -> list[str]:
    return [code for code, _, _ in group.rows[0].entry.areas] if group.rows else []


def rank_cells(
    row: RankedRow,
    group: RankGroup,
    has_previous: bool,
    areas: bool,
    lang: str,
    robust: Robustness | None = None,
    ties: bool = True,
) -> list[str]:
    """The figures of one ranked agency, as the tables show them (`robust`: with `--robustness`; `ties`: with
    its tie column, see `robust_keys`)."""
    p, e = group.precision, row.entry
    cells = [
        str(row.rank) if row.rank is not None else "—",
        e.agency_name,
        figure(e.points, p, lang),
        figure(e.max, p, lang),
        figure(e.index, p, lang),
        e.grade or "—",
    ]
    if has_previous:
        cells += [str(row.previous_rank) if row.previous_rank else "—", change_text(row, True, lang)]
    if robust is not None:
        cells += robust_cells(robust, p, lang, ties)
    return cells + ([figure(index, p, lang) for _, _, index in e.areas] if areas else [])


def robust_cells(robust: Robustness, places: int, lang: str, ties: bool = True) -> list[str]:
    """Gap above, gap below (index points, with the fewest one-step moves that close it: `0,14 (1)`), `≈` when
    tied as shown, possible ranks (`3–5`), and the rank on its self-assessed figures when the council changed any
    agency's."""
    if robust.best is None:  # assessed but not ranked: no possible ranks
        ranks = "—"
    else:
        ranks = str(robust.best) if robust.best == robust.worst else f"{robust.best}–{robust.worst}"
    tie = "≈" if robust.shown_tie else ""
    above = figure(robust.above, places, lang) + (f" ({robust.steps_up})" if robust.steps_up is not None else "")
    below = figure(robust.below, places, lang) + (f" ({robust.steps_down})" if robust.steps_down is not None else "")
    return [above, below, *[tie] * ties, ranks, *([str(robust.self_rank)] if robust.self_rank is not None else [])]


ROBUST_KEYS = ("gap_above", "gap_below", "shown_tie", "possible_ranks")


def robust_keys(margins: tuple[Robustness, ...]) -> tuple[str, ...]:
    """The robustness columns of a group: the tie column only when an agency is tied as shown (an empty column
    read aloud says nothing), the rank on self-assessed figures when the council changed any agency's."""
    keys = ROBUST_KEYS if has_ties(margins) else tuple(key for key in ROBUST_KEYS if key != "shown_tie")
    return keys + (("self_rank",) if margins and margins[0].self_rank is not None else ())


def has_ties(margins: tuple[Robustness, ...]) -> bool:
    """Whether an agency of the group shows the same rounded index as another ranked apart (`≈`)."""
    return any(margin.shown_tie for margin in margins)


def rank_header(group: RankGroup, has_previous: bool, areas: bool, lang: str, robust: bool = False) -> list[str]:
    names = [label(key, lang) for key in ("rank", "agency", "points", "max", "index", "grade")]
    names += [label("previous", lang), label("change", lang)] if has_previous else []
    names += [label(key, lang) for key in ROBUST_KEYS] if robust else []
    return names + (area_codes(group) if areas else [])


def relative_notes(group: RankGroup, lang: str) -> list[str]:
    """One line per `relative` leaf: the group's best value and who has it (the leader gets full points)."""
    best: dict[str, Fraction] = {}
    for row in group.rows:
        best.update(row.entry.leaders)
    notes = []
    for code, value in sorted(best.items()):
        leading = [r for r in group.rows if any(x.code == code and x.value == value for x in r.entry.relative)]
        names, shown = ", ".join(r.entry.agency_name for r in leading), plain(value, lang)
        notes.append(text(msg("note.relative", code=code, value=shown, names=names), lang))
    return notes


def ranking_notes(group: RankGroup, lang: str) -> list[str]:
    """The set's own ranking options, named under every ranking that uses them: dense ranks, fewer decimals."""
    notes = [text(msg("note.ties-dense"), lang)] if group.ties == "dense" else []
    kept = group.rows[0].entry.precision if group.rows else group.precision
    if kept != group.precision:
        notes.append(text(msg("note.rank-precision", shown=group.precision, kept=kept), lang))
    return notes


def unranked_notes(group: RankGroup, lang: str) -> list[str]:
    """Who is assessed but not ranked, and why when said: one line for a whole group with one reason."""
    rows = [row for row in group.rows if row.rank is None]
    reasons = {row.entry.unranked_reason for row in rows}
    if rows and len(rows) == group.count and len(reasons) == 1:
        reason = reasons.pop()
        key = "note.group-unranked-why" if reason else "note.group-unranked"
        return [text(msg(key, reason=reason or ""), lang)]
    return [
        text(msg("note.unranked-why", name=r.entry.agency_name, reason=r.entry.unranked_reason), lang)
        if r.entry.unranked_reason
        else text(msg("note.unranked", name=r.entry.agency_name), lang)
        for r in rows
    ]


def group_survey_notes(group: RankGroup, lang: str) -> list[str]:
    """The group's own survey results (the office file's `survey:`, not a mean of its units), a line each."""
    return [
        text(msg("note.group-survey", code=code, title=title, value=figure(value, group.precision, lang)), lang)
        for code, title, value in group.survey
    ]


def rank_notes(
    group: RankGroup, robust: tuple[Robustness, ...] | None, merged_as: str | None, lang: str, steps: int = 3
) -> list[str]:
    """Lines under a ranking: how merged units' earlier figures were found, ties hidden by rounding, and how the
    possible ranks (within `steps` one-step changes) were computed."""
    p = group.precision
    notes = []
    for row in group.rows:
        if row.merged_from and merged_as is not None:
            units, how = ", ".join(row.merged_names or row.merged_from), label(f"merge.{merged_as}", lang)
            earlier = figure(row.previous_index, p, lang)
            merged, name = label("merged", lang), row.entry.agency_name
            notes.append(
                text(msg("note.merged", merged=merged, name=name, earlier=earlier, how=how, units=units), lang)
            )
    notes += relative_notes(group, lang) + unranked_notes(group, lang) + group_survey_notes(group, lang)
    notes += ranking_notes(group, lang)
    if robust is None:
        return notes
    by_shown: dict[str, list[RankedRow]] = {}  # rows by their index as shown, in rank order
    for row, margins in zip(group.rows, robust, strict=True):
        if margins.shown_tie:
            by_shown.setdefault(figure(row.entry.index, p, lang), []).append(row)
    for shown, tied in by_shown.items():
        listed = "; ".join(
            f"{r.entry.agency_name} {label('rank', lang).lower()} {r.rank}: {figure(r.entry.index, p + 4, lang)}"
            for r in tied
        )
        notes.append(text(msg("note.shown-tie", shown=shown, listed=listed), lang))
    notes.append(text(msg("note.possible-ranks", steps=steps), lang))
    if group.ties == "dense":  # the possible ranks count the agencies above, as competition ranking does
        notes.append(text(msg("note.possible-ranks-dense"), lang))
    if robust and robust[0].self_rank is not None:
        notes.append(text(msg("note.self-rank"), lang))
    return notes


def score_headline(score: Score, lang: str) -> tuple[str, str]:
    """(`Index 90.41 %  (87.25 / 96.50 points)  grade X`, the self-assessed line), without styling."""
    p = score.precision
    points = label("points_word", lang)
    final = f"{label('index_line', lang)} {figure(score.index, p, lang)} %"
    detail = f"  ({figure(score.points, p, lang)} / {figure(score.max, p, lang)} {points})"
    own = (
        f"{label('self_line', lang)} {figure(score.self_index, p, lang)} %  "
        f"({figure(score.self_points, p, lang)} {points})"
    )
    if score.self_grade:
        own += f"  {label('grade_word', lang)} {score.self_grade}"
    return final + detail, own


def survey_header(groups: list[str], questions: list[str], lang: str) -> list[str]:
    """Agency, criterion, forms per group, each question's percentage, the criterion's, the share not counted
    (the groups and questions as the report names them)."""
    forms = label("forms", lang)
    return [
        label("agency", lang),
        label("code", lang),
        *(f"{forms[:1].upper()}{forms[1:]}: {group}" for group in groups),
        *(f"{question} %" for question in questions),
        label("index", lang),
        label("not_counted", lang),
        label("note", lang),
    ]


def survey_cells(
    row: Any, groups: list[str], questions: list[str], lang: str, names: Mapping[str, str] | None = None
) -> list[str]:
    """One report row in words (a group below the design's minimum is marked in the last cell); the agency and
    the groups by their `names` where known."""
    named = names or {}
    few = ", ".join(named.get(f"group:{group}", group) for group in row.few)
    return [
        named.get(f"agency:{row.agency}", row.agency),
        row.criterion,
        *(str(row.forms.get(group, 0)) for group in groups),
        *(figure(row.questions.get(question), 2, lang) if question in row.questions else "" for question in questions),
        figure(row.percent, 2, lang),
        figure(row.not_counted, 2, lang),
        f"{label('few_forms', lang)}: {few}" if few else "",
    ]


def survey_questions(rows: list[Any]) -> list[str]:
    return list(dict.fromkeys(question for row in rows for question in row.questions))
