"""`par trend` as a report: the index across periods (a chart, then a table with sparklines), each area's index
on request, notes on merged units; its JSON (one object per agency) and CSV (one row per agency and period). A
merged unit's predecessors keep their own figures, on lines nested under its line (`↳`), in every format."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from json.encoder import encode_basestring as _text  # a JSON string, as the JSON writer writes it
from typing import TYPE_CHECKING, Any

from par_cli.core.area_columns import NA, RankedScaled
from par_cli.core.numbers import round_half_up
from par_cli.views.records import Streamed, number
from par_cli.views.report import Caption, Column, Heading, Kind, LineChart, Note, Point, Report, Table
from par_cli.words.labels import label
from par_cli.words.languages import default
from par_cli.words.numbers import figure
from par_cli.words.tables import group_name
from par_cli.words.years import (
    area_cells,
    area_heading,
    index_bounds,
    spark_note,
    trend_cells,
    trend_header,
    trend_heading,
    trend_notes,
)

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from par_cli.core.trend import Trend, TrendLine, TrendPoint


def report(
    found: Trend, areas: bool = False, lang: str | None = None, labels: Mapping[str, str] | None = None
) -> Report:
    """Headed by the periods shown and the criteria sets (by title); the sparklines' scale said under the table;
    each area's table headed by its code and title. Ranks are per group: units of several groups are shown in a
    table per group, headed by its label (`labels`, the office file's; its id only where it has none)."""
    lang = lang or default()
    title = trend_heading(found, lang)
    sets = "; ".join(found.set_titles)
    opening = Heading(title, title, sets, landscape=len(trend_header(found, lang)) > 7)

    def blocks() -> list[Any]:  # made only for the format written, as each writer asks (a national trend)
        return _blocks(found, areas, lang, labels or {})

    return Report(
        title,
        lang,
        lambda: [Caption(sets, ""), *blocks()] if sets else blocks(),
        lambda: _json(found),
        lambda: _csv(found),
        text=lambda: [Note(sets, plain=True), *blocks()] if sets else blocks(),
        page=lambda: [opening, _chart(found, lang), *blocks()],
        document=lambda: [opening, *blocks()],
    )


def _blocks(found: Trend, areas: bool, lang: str, labels: Mapping[str, str]) -> list[Any]:
    """The table of every line (a table per group), the sparklines' note, each area's tables, the notes."""
    parts = _groups(found, labels, lang)
    low, high = index_bounds(found)
    header = trend_header(found, lang)
    kinds = [Kind.text] + [Kind.figure, Kind.rank] * len(found.periods) + [Kind.sparkline, Kind.change]
    columns = [Column(name, kind, wide=kind is Kind.text) for name, kind in zip(header, kinds, strict=True)]
    blocks: list[Any] = []
    for heading, lines in parts:
        rows = [trend_cells(each, found, low, high, lang, each is not line) for line in lines for each in _nested(line)]
        depths = [1 if each is line else 2 for line in lines for each in _nested(line)]
        blocks.append(Table(columns, rows, heading=heading or "", legend=len(parts) == 1, depths=depths))
    blocks.append(Note(spark_note(found, lang)))
    for n, code in enumerate(found.area_codes if areas else ()):
        head = [Column(label("agency", lang), Kind.text, wide=True)]
        head += [Column(period, Kind.figure) for period in found.periods]
        for heading, lines in parts:
            cells = [area_cells(each, code, found, lang, each is not line) for line in lines for each in _nested(line)]
            depths = [1 if each is line else 2 for line in lines for each in _nested(line)]
            shown = area_heading(found, n, lang) + (f" · {heading}" if heading else "")
            blocks.append(Table(head, cells, heading=shown, depths=depths))
    return blocks + [Note(note) for note in trend_notes(found, lang)]


def _nested(line: TrendLine) -> list[TrendLine]:
    """The line, then its predecessors' own lines."""
    return [line, *line.parts]


def _groups(found: Trend, labels: Mapping[str, str], lang: str) -> list[tuple[str | None, list[TrendLine]]]:
    """The lines group by group (in the office file's order, then as the trend lists them), each group's heading
    (none for one group)."""
    groups: dict[str | None, list[TrendLine]] = {}
    for line in found.lines:
        groups.setdefault(line.group, []).append(line)
    if len(groups) < 2:
        return [(None, list(found.lines))]
    order = list(labels)
    ranked = sorted(groups, key=lambda g: order.index(g) if g in order else len(order))
    return [(_group_name(group, labels, lang), groups[group]) for group in ranked]


def _group_name(group: str | None, labels: Mapping[str, str], lang: str) -> str:
    """One of several groups: its label, else its id (`group_name`); agencies without a group: `nhóm`."""
    return label("group", lang) if group is None else group_name(group, labels.get(group), False, lang)


def _chart(found: Trend, lang: str) -> LineChart:
    """Index by period, one line per unit and one per predecessor of a merged unit (after it, as in the table,
    whose rows the legend's colours mark); a hollow dot where the figure is computed from merged units. The axis
    runs between multiples of 5 around the lowest and highest index, in five steps."""
    low, high = index_bounds(found)
    bottom = max(Fraction(0), Fraction(int(low) // 5 * 5))
    top = min(Fraction(100), Fraction(math.ceil(high / 5) * 5))
    top = top if top > bottom else bottom + 5
    span = top - bottom or Fraction(1)
    ticks = []
    for t in range(6):
        value = bottom + span * t / 5
        ticks.append((value, figure(value, 0 if value.denominator == 1 else 1, lang)))
    series = []
    for line in (each for whole in found.lines for each in _nested(whole)):
        dots = []
        for n, point in enumerate(line.points):
            if point is None:
                continue
            tip = f"{line.name} · {found.periods[n]}: {figure(point.index, found.precision, lang)} %"
            dots.append(Point(n, point.index, tip, hollow=bool(point.merged_from)))
        series.append((line.name, dots))
    hollow = label("trend.hollow", lang) if any(p.hollow for _, dots in series for p in dots) else ""
    return LineChart(trend_heading(found, lang), found.periods, ticks, series, hollow)


def _json(found: Trend) -> dict[str, Any]:
    """One object per agency, written as it comes (`Streamed`: a national trend is tens of thousands), straight
    from the line's figures as `_json_line` would have the writer lay it out (`_LineText`)."""
    agencies = Streamed(found.lines, _LineText(found))
    return {"periods": list(found.periods), "merged_as": found.merged_as, "agencies": agencies}


class _LineText:
    """A trend line's JSON text at an indent: the text the JSON writer gives `_json_line(line, found)` (the
    reference, kept for the tests), without the dictionaries and decimals of each area of each period (a national
    trend's JSON was more than half of its time). Each area figure's text is worked out once per value (a national
    trend's are a few thousand)."""

    def __init__(self, found: Trend) -> None:
        self.places = found.precision
        self.periods = [_text(period) for period in found.periods]
        self.figures: dict[object, str] = {}  # (numerator, denominator) → the figure's text
        self.heads: dict[tuple[str, str], tuple[str, str, str]] = {}  # (indent, code) → an area's text around
        self.scaled: dict[int, dict[int, str]] = {}  # scale → numerator → the figure's text (`RankedScaled`)

    def __call__(self, line: TrendLine, indent: str) -> str:
        inner = indent + "  "
        parts = [self._head(line, inner), self._periods(line, inner, True)]
        if line.parts:
            deeper = inner + "  "
            texts = [f"{deeper}{self._part(part, deeper)}" for part in line.parts]
            parts.append('"predecessors": [\n' + ",\n".join(texts) + f"\n{inner}]")
        return "{\n" + inner + f",\n{inner}".join(parts) + f"\n{indent}}}"

    def _part(self, part: TrendLine, indent: str) -> str:
        inner = indent + "  "
        return f"{{\n{inner}{self._head(part, inner)},\n{inner}{self._periods(part, inner, False)}\n{indent}}}"

    @staticmethod
    def _head(line: TrendLine, inner: str) -> str:
        group = "null" if line.group is None else _text(line.group)
        return f'"id": {_text(line.agency_id)},\n{inner}"name": {_text(line.name)},\n{inner}"group": {group}'

    def _periods(self, line: TrendLine, indent: str, whole: bool) -> str:
        if not line.points:
            return '"periods": []'
        inner = indent + "  "
        texts = [f"{inner}{self._point(n, point, inner, whole)}" for n, point in enumerate(line.points)]
        return '"periods": [\n' + ",\n".join(texts) + f"\n{indent}]"

    def _point(self, n: int, point: TrendPoint | None, indent: str, whole: bool) -> str:
        inner = indent + "  "
        if point is None:
            return f'{{\n{inner}"period": {self.periods[n]},\n{inner}"index": null,\n{inner}"rank": null\n{indent}}}'
        rank = "null" if point.rank is None else int.__repr__(point.rank)
        parts = [
            f'"period": {self.periods[n]}',
            f'"index": {_number_text(point.index, self.places)}',
            f'"rank": {rank}',
        ]
        if whole and point.merged_from:
            deeper = inner + "  "
            merged = ",\n".join(f"{deeper}{_text(each)}" for each in point.merged_from)
            parts.append(f'"merged_from": [\n{merged}\n{inner}]')
        if whole and point.method:
            parts.append(f'"merged_by": {_text(point.method)}')
        parts.append(f'"areas": {self._areas(point, inner)}')
        return "{\n" + inner + f",\n{inner}".join(parts) + f"\n{indent}}}"

    def _areas(self, point: TrendPoint, indent: str) -> str:
        if not point.areas:
            return "[]"
        if type(point.areas) is RankedScaled:
            return self._scaled(point.areas, indent)
        figures, places = self.figures, self.places
        texts = []
        for code, index, rank in point.areas:
            head = self._around(indent, code)
            value: object
            try:
                value = (index._numerator, index._denominator)  # type: ignore[union-attr]
            except AttributeError:  # None (not applicable), or a figure not a Fraction
                value = index
            shown = figures.get(value)
            if shown is None:
                shown = figures[value] = _number_text(index, places)
            texts.append(f"{head[0]}{shown}{head[1]}{'null' if rank is None else int.__repr__(rank)}{head[2]}")
        return "[\n" + ",\n".join(texts) + f"\n{indent}]"

    def _scaled(self, areas: RankedScaled, indent: str) -> str:
        """Areas as whole numbers over a scale (`past_of`'s, ranked): each text worked out once per number."""
        scale = areas.scale
        shown = self.scaled.get(scale)
        if shown is None:
            shown = self.scaled[scale] = {NA: "null"}
        texts = []
        at, ranked, width = areas.at, areas.rank_at, len(areas.codes)  # (the period's column and the group's ranks)
        numerators, ranks = areas.column[at : at + width], areas.rank_column[ranked : ranked + width]
        for code, numerator, rank in zip(areas.codes, numerators, ranks, strict=True):
            head = self._around(indent, code)
            figure = shown.get(numerator)
            if figure is None:
                figure = shown[numerator] = _number_text(Fraction(numerator, scale), self.places)
            texts.append(f"{head[0]}{figure}{head[1]}{int.__repr__(rank) if rank else 'null'}{head[2]}")
        return "[\n" + ",\n".join(texts) + f"\n{indent}]"

    def _around(self, indent: str, code: str) -> tuple[str, str, str]:
        """An area's text at `indent` before its figure, between its figure and rank, after its rank."""
        head = self.heads.get((indent, code))
        if head is None:
            item, inner = indent + "  ", indent + "    "
            head = self.heads[(indent, code)] = (
                f'{item}{{\n{inner}"code": {_text(code)},\n{inner}"index": ',
                f',\n{inner}"rank": ',
                f"\n{item}}}",
            )
        return head


def _number_text(value: Fraction | None, places: int) -> str:
    """`number(value, places)` as the JSON writer writes it."""
    shown = number(value, places)
    return "null" if shown is None else int.__repr__(shown) if isinstance(shown, int) else f"{shown:f}"


def _json_line(line: TrendLine, found: Trend) -> dict[str, Any]:
    p = found.precision
    periods: list[Any] = []
    for period, point in zip(found.periods, line.points, strict=True):
        item = _period_json(period, point, p)
        if point is not None:  # how a merged unit's figure was found, before its areas (the keys' order kept)
            areas = item.pop("areas")
            item.update({"merged_from": list(point.merged_from)} if point.merged_from else {})
            item.update({"merged_by": point.method} if point.method else {})
            item["areas"] = areas
        periods.append(item)
    agency = {"id": line.agency_id, "name": line.name, "group": line.group, "periods": periods}
    if line.parts:
        agency["predecessors"] = [_json_part(part, found) for part in line.parts]
    return agency


def _period_json(period: str, point: TrendPoint | None, p: int) -> dict[str, Any]:
    """One period of a line in the JSON: its index, rank and areas (null when the unit was not there)."""
    if point is None:
        return {"period": period, "index": None, "rank": None}
    areas = [{"code": c, "index": number(i, p), "rank": r} for c, i, r in point.areas]
    return {"period": period, "index": number(point.index, p), "rank": point.rank, "areas": areas}


def _json_part(part: TrendLine, found: Trend) -> dict[str, Any]:
    """A predecessor's own figures, in the periods its merged unit's are computed from (others: null)."""
    p = found.precision
    periods = [_period_json(period, point, p) for period, point in zip(found.periods, part.points, strict=True)]
    return {"id": part.agency_id, "name": part.name, "group": part.group, "periods": periods}


def _csv(found: Trend) -> Iterator[list[Any]]:
    """One row per agency and period (long form, for pivot tables); area indices as columns; a merged unit's
    predecessors' own figures after its rows, `predecessor_of` naming it (empty on every other row)."""
    p = found.precision
    codes = list(found.area_codes)
    header = ["agency_id", "agency", "group", "period", "index", "rank", "merged_from", *[f"area_{c}" for c in codes]]
    yield [*header, "predecessor_of"]
    scaled: dict[tuple[int, int], Decimal | None] = {}  # (numerator, scale) → rounded (`RankedScaled`), once
    for whole in found.lines:
        for line in _nested(whole):
            for period, point in zip(found.periods, line.points, strict=True):
                if point is None:
                    continue
                if type(point.areas) is RankedScaled:  # figures as whole numbers: each value rounded once
                    shown = _scaled_cells(point.areas, codes, p, scaled)
                else:
                    areas = {code: index for code, index, _ in point.areas}
                    shown = [_rounded(areas.get(code), p) for code in codes]
                yield [
                    line.agency_id,
                    line.name,
                    line.group,
                    period,
                    round_half_up(point.index, p),
                    point.rank,
                    " ".join(point.merged_from),
                    *shown,
                    "" if line is whole else whole.agency_id,
                ]


def _rounded(value: Fraction | None, places: int) -> Decimal | None:
    return None if value is None else round_half_up(value, places)


def _scaled_cells(
    areas: RankedScaled, codes: list[str], places: int, rounded: dict[tuple[int, int], Decimal | None]
) -> list[Decimal | None]:
    """The CSV's area cells of figures held as whole numbers, as `_rounded` gives them."""
    scale = areas.scale
    own = dict(zip(areas.codes, areas.numerators, strict=True))
    cells: list[Decimal | None] = []
    for code in codes:
        numerator = own.get(code, NA)
        if (numerator, scale) not in rounded:
            figure = None if numerator == NA else round_half_up(Fraction(numerator, scale), places)
            rounded[(numerator, scale)] = figure
        cells.append(rounded[(numerator, scale)])
    return cells
