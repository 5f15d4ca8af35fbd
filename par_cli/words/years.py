"""The cells, headings and notes of `par trend` and `par gaps`, whatever the format."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from par_cli.core.diagnostics import msg
from par_cli.core.numbers import round_half_up, shown_difference
from par_cli.words.catalogue import text
from par_cli.words.labels import label
from par_cli.words.numbers import figure, group_digits, plain
from par_cli.words.numbers import signed_figure as signed

if TYPE_CHECKING:
    from par_cli.core.gaps import Gap, GapSet
    from par_cli.core.trend import Trend, TrendLine, TrendPoint

SPARKS = "▁▂▃▄▅▆▇█"
MERGED_MARK = "*"
PART_MARK = "↳ "  # a predecessor's own line, nested under the merged unit's


def sparkline(values: list[Fraction | None], low: Fraction, high: Fraction) -> str:
    """One block per period, its height the index between the lowest and highest of the whole table (so lines
    compare); a space where the unit was not ranked."""
    span = high - low
    out = []
    for value in values:
        if value is None:
            out.append(" ")
        else:
            step = int((value - low) / span * (len(SPARKS) - 1)) if span else len(SPARKS) // 2
            out.append(SPARKS[max(0, min(step, len(SPARKS) - 1))])
    return "".join(out)


def index_bounds(trend: Trend) -> tuple[Fraction, Fraction]:
    """The lowest and highest index of the table: the predecessors' own lines count (they are rows of it)."""
    values = [p.index for line in trend.lines for each in (line, *line.parts) for p in each.points if p is not None]
    return (min(values), max(values)) if values else (Fraction(0), Fraction(100))


def trend_header(trend: Trend, lang: str) -> list[str]:
    cells = [label("agency", lang)]
    for period in trend.periods:
        cells += [f"{label('index_line', lang)}\n{period}", f"{label('rank', lang)}\n{period}"]
    return [*cells, label("trend", lang), label("change", lang)]


def change_over(line: TrendLine, places: int) -> Fraction | None:
    """The last ranked index minus the first as shown (each rounded first: the subtraction checks), when the unit
    was ranked in two periods or more."""
    values = [p.index for p in line.points if p is not None]
    return shown_difference(values[-1], values[0], places) if len(values) > 1 else None


def trend_cells(
    line: TrendLine, trend: Trend, low: Fraction, high: Fraction, lang: str, part: bool = False
) -> list[str]:
    """A line's cells; a predecessor's own (`part`, nested under its merged unit) led by `↳`."""
    p = trend.precision
    cells = [PART_MARK + line.name if part else line.name]
    for point in line.points:
        if point is None:
            cells += ["—", "—"]
            continue
        mark = MERGED_MARK if point.merged_from else ""
        rank = str(point.rank) if point.rank is not None else "—"  # assessed, not ranked then
        cells += [figure(point.index, p, lang) + mark, rank + mark]
    change = change_over(line, p)
    spark = sparkline([q.index if q is not None else None for q in line.points], low, high)
    return [*cells, spark, signed(change, p, lang) if change is not None else "—"]


def area_cells(line: TrendLine, code: str, trend: Trend, lang: str, part: bool = False) -> list[str]:
    """An agency's index in one area, period by period (`*`: computed from merged units; a predecessor's own
    line, `part`, led by `↳`)."""
    cells = [PART_MARK + line.name if part else line.name]
    for point in line.points:
        found = [(index, rank) for c, index, rank in point.areas if c == code] if point is not None else []
        if not found or found[0][0] is None:
            cells.append("—")
            continue
        mark = MERGED_MARK if point is not None and point.merged_from else ""
        rank = f" ({found[0][1]})" if found[0][1] is not None else ""  # a unit not ranked then: no rank
        cells.append(f"{figure(found[0][0], trend.precision, lang)}{rank}{mark}")
    return cells


def trend_heading(trend: Trend, lang: str) -> str:
    """The trend's title with the periods it shows: `Chỉ số qua các kỳ: 2023, 2024, 2025`."""
    return f"{label('trend_title', lang)}: {', '.join(trend.periods)}"


def area_heading(trend: Trend, n: int, lang: str) -> str:
    """An area's table: `Chỉ số thành phần qua các kỳ (hạng): 1. Công tác chỉ đạo, …` (its code alone when no
    period gives its title)."""
    code = trend.area_codes[n]
    title = trend.area_titles[n] if n < len(trend.area_titles) else ""
    return f"{label('area_trend', lang)}: {code}. {title}" if title else f"{label('area_trend', lang)}: {code}"


def spark_note(trend: Trend, lang: str) -> str:
    """What the sparkline's bars stand for: one per period, scaled between the table's lowest and highest."""
    low, high = index_bounds(trend)
    p = trend.precision
    worded = msg(
        "note.trend-spark",
        trend=label("trend", lang),
        periods=", ".join(trend.periods),
        low=figure(low, p, lang),
        high=figure(high, p, lang),
    )
    return text(worded, lang)


def trend_notes(trend: Trend, lang: str) -> list[str]:
    """How each merged unit's earlier figures were computed (the units named, not their ids), with the
    predecessors' figures as their lines show them: `78,51 = (80,12 + 76,90) / 2`; dense ranks, where a set has them."""
    notes = [text(msg("note.ties-dense"), lang)] if trend.dense else []
    for line in trend.lines:
        for n, (period, point) in enumerate(zip(trend.periods, line.points, strict=True)):
            if point is not None and point.merged_from:
                units = ", ".join(trend.name_of(unit) for unit in point.merged_from)
                how = label(f"merge.{point.method}" if point.method else "merge.one", lang)
                sum_up = merged_sum(point, [q for part in line.parts if (q := part.points[n]) is not None], trend, lang)
                rank = text(msg("note.trend-rank"), lang)
                notes.append(f"{MERGED_MARK} {line.name}, {period}: {how} ({units}){sum_up}; {rank}")
    return notes


def merged_sum(point: TrendPoint, parts: list[TrendPoint], trend: Trend, lang: str) -> str:
    """`: 78,51 = (80,12 + 76,90) / 2` (mean), `: 74,29 = (80,00 + 24,00) / (100 + 40) × 100` (pooled),
    from the figures as shown; `≈` where the shown figures give another last digit than the exact ones did (the
    figure is computed from the exact values). Nothing for one predecessor (its figure is the unit's)."""
    p = trend.precision
    if point.method is None or len(parts) < 2:
        return ""
    if point.method == "pooled" and all(q.points is not None and q.max for q in parts):
        points = [round_half_up(q.points, p) for q in parts if q.points is not None]
        maxima = [q.max for q in parts if q.max is not None]  # as the set gives them (100, 98): no decimals added
        again = Fraction(sum(points, Decimal(0))) / sum(maxima, Fraction(0)) * 100
        said = f"({_plus(points, lang)}) / ({' + '.join(plain(m, lang) for m in maxima)}) × 100"
    else:
        indices = [round_half_up(q.index, p) for q in parts]
        again = Fraction(sum(indices, Decimal(0))) / len(indices)
        said = f"({_plus(indices, lang)}) / {len(indices)}"
    equal = "=" if round_half_up(again, p) == round_half_up(point.index, p) else "≈"
    return f": {figure(point.index, p, lang)} {equal} {said}"


def _plus(values: list[Decimal], lang: str) -> str:
    return " + ".join(group_digits(f"{value:f}", lang) for value in values)


GAP_KEYS = ("gap.code", "gap.criterion", "gap.losing", "gap.lost", "gap.average", "gap.share", "gap.worst")


def gaps_header(lang: str) -> list[str]:
    return [label(key, lang) for key in GAP_KEYS]


def worst_text(gap: Gap, places: int, lang: str) -> str:
    return "; ".join(f"{name} ({figure(lost, places, lang)})" for name, lost in gap.worst)


def gap_cells(gap: Gap, places: int, lang: str) -> list[str]:
    return [
        gap.code,
        gap.title,
        f"{gap.losing}/{gap.assessed}",
        figure(gap.lost, places, lang),
        figure(gap.average, places, lang),
        figure(gap.share, places, lang),
        worst_text(gap, places, lang),
    ]


def gaps_heading(found: GapSet, lang: str) -> str:
    """A set's heading under the report's title: the set by its title (never its id) and how many agencies."""
    agencies = label("agency_one" if len(found.agencies) == 1 else "agencies", lang)
    return f"{found.criteria_title} · {len(found.agencies)} {agencies}"
