"""Ranking output in every format: rich table, JSON (spec §4), CSV for Excel, Markdown."""

from __future__ import annotations

import csv
import io
from fractions import Fraction
from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from par_cli.i18n import figure, label
from par_cli.numbers import shown
from par_cli.ranking import RankedRow, RankGroup
from par_cli.render.bars import bar
from par_cli.render.json_out import number
from par_cli.render.markdown import md_cell, md_row


def change_text(row: RankedRow, has_previous: bool, lang: str = "en") -> str:
    """▲3 up three places, ▼2 down two, = unchanged, new (not ranked last year); blank without --previous."""
    if not has_previous:
        return ""
    if row.rank_change is None:
        return label("new", lang)
    if row.rank_change > 0:
        return f"▲{row.rank_change}"
    if row.rank_change < 0:
        return f"▼{-row.rank_change}"
    return "="


def group_heading(group: RankGroup, lang: str) -> str:
    where = f" · {label('group', lang)} {group.group}" if group.group is not None else ""
    return f"{group.criteria_title} [{group.criteria_id}]{where}"


def group_summary(group: RankGroup, lang: str) -> str:
    grades = ", ".join(f"{grade} {n}" for grade, n in group.grades if n)
    agencies = label("agency_one" if group.count == 1 else "agencies", lang)
    text = f"{group.count} {agencies} · {label('average', lang)} {figure(group.average, group.precision, lang)}"
    return text + (f" · {grades}" if grades else "")


def area_codes(group: RankGroup) -> list[str]:
    return [code for code, _, _ in group.rows[0].entry.areas] if group.rows else []


def _row_cells(row: RankedRow, group: RankGroup, has_previous: bool, areas: bool, lang: str) -> list[str]:
    """The figures of one ranked agency, as the table and Markdown show them."""
    p, e = group.precision, row.entry
    cells = [
        str(row.rank),
        e.agency_name,
        figure(e.points, p, lang),
        figure(e.max, p, lang),
        figure(e.index, p, lang),
        e.grade or "—",
    ]
    if has_previous:
        cells += [str(row.previous_rank) if row.previous_rank else "—", change_text(row, True, lang)]
    return cells + ([figure(index, p, lang) for _, _, index in e.areas] if areas else [])


def _header(group: RankGroup, has_previous: bool, areas: bool, lang: str) -> list[str]:
    names = [label(key, lang) for key in ("rank", "agency", "points", "max", "index", "grade")]
    names += [label("previous", lang), label("change", lang)] if has_previous else []
    return names + (area_codes(group) if areas else [])


def rank_view(
    groups: list[RankGroup], has_previous: bool, areas: bool = False, lang: str | None = None, bars: bool = True
) -> RenderableType:
    """The ranking tables; `bars` adds an index bar per agency (dropped on terminals under 100 columns)."""
    parts: list[RenderableType] = []
    for n, group in enumerate(groups):
        language = lang or group.language
        table = Table(box=box.SIMPLE, show_edge=False, pad_edge=False, collapse_padding=True)
        for i, name in enumerate(_header(group, has_previous, areas, language)):
            if i == 1:
                table.add_column(name, overflow="fold", ratio=1, min_width=16)
            else:
                table.add_column(name, justify="left" if i == 5 else "right", no_wrap=True)
        if bars:
            table.add_column("", no_wrap=True)
        for row in group.rows:
            chart = [bar(row.entry.index)] if bars else []
            table.add_row(*_row_cells(row, group, has_previous, areas, language), *chart)
        if n:
            parts.append(Text())
        parts += [
            Text(group_heading(group, language), style="bold"),
            table,
            Text(group_summary(group, language)),
        ]
    return Group(*parts)


def rank_dict(groups: list[RankGroup], areas: bool = False) -> dict[str, Any]:
    out = []
    for group in groups:
        p = group.precision
        rows = []
        for row in group.rows:
            e = row.entry
            item: dict[str, Any] = {
                "rank": row.rank,
                "agency": {"id": e.agency_id, "name": e.agency_name, "group": e.group},
                "points": number(e.points, p),
                "max": number(e.max, p),
                "index": number(e.index, p),
                "grade": e.grade,
                "previous_rank": row.previous_rank,
                "rank_change": row.rank_change,
                "file": e.file,
            }
            if areas:
                item["areas"] = [{"code": c, "title": t, "index": number(i, p)} for c, t, i in e.areas]
            rows.append(item)
        out.append(
            {
                "criteria": group.criteria_id,
                "criteria_title": group.criteria_title,
                "group": group.group,
                "count": group.count,
                "average": number(group.average, p),
                "grades": dict(group.grades),
                "rows": rows,
            }
        )
    return {"groups": out}


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str | None) -> str:
    """Text from an input file as a spreadsheet cell that Excel will not run as a formula."""
    if text is None:
        return ""
    return "'" + text if text.startswith(_FORMULA_START) else text


def rank_csv(groups: list[RankGroup], areas: bool = False) -> str:
    """UTF-8 with a BOM (Excel opens Vietnamese text correctly), one row per agency, figures as numbers."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    codes = sorted({code for g in groups for code in area_codes(g)}, key=_code_key) if areas else []
    writer.writerow(
        [
            "criteria",
            "group",
            "rank",
            "agency_id",
            "agency",
            "points",
            "max",
            "index",
            "grade",
            "previous_rank",
            "rank_change",
            *[f"area_{code}" for code in codes],
        ]
    )
    for group in groups:
        p = group.precision
        for row in group.rows:
            e = row.entry
            by_code = {code: index for code, _, index in e.areas}
            writer.writerow(
                [
                    safe_cell(group.criteria_id),
                    safe_cell(group.group),
                    row.rank,
                    safe_cell(e.agency_id),
                    safe_cell(e.agency_name),
                    shown(e.points, p),
                    shown(e.max, p),
                    shown(e.index, p),
                    safe_cell(e.grade),
                    "" if row.previous_rank is None else row.previous_rank,
                    "" if row.rank_change is None else row.rank_change,
                    *[_csv_index(by_code.get(code), p) for code in codes],
                ]
            )
    return "\ufeff" + buffer.getvalue()


def _csv_index(value: Fraction | None, places: int) -> str:
    return "" if value is None else shown(value, places)


def _code_key(code: str) -> list[tuple[int, int | str]]:
    return [(0, int(part)) if part.isdigit() else (1, part) for part in code.split(".")]


def rank_markdown(groups: list[RankGroup], has_previous: bool, areas: bool = False, lang: str | None = None) -> str:
    lines: list[str] = []
    for group in groups:
        language = lang or group.language
        header = _header(group, has_previous, areas, language)
        align = ["---:", ":---", "---:", "---:", "---:", ":---"] + ["---:"] * (len(header) - 6)
        lines += [f"## {md_cell(group_heading(group, language))}", "", md_row(header)]
        lines.append(md_row(align))
        for ranked in group.rows:
            lines.append(md_row([md_cell(text) for text in _row_cells(ranked, group, has_previous, areas, language)]))
        lines += ["", md_cell(group_summary(group, language)), ""]
    return "\n".join(lines)
