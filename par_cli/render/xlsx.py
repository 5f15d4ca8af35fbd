"""Rankings as an Excel workbook (openpyxl, an optional extra): one sheet per group, figures as numbers."""

from __future__ import annotations

import io
from typing import Any

from par_cli.core.numbers import round_half_up
from par_cli.render.views import RankView
from par_cli.words.labels import label
from par_cli.words.tables import area_codes, change_text, group_heading, group_summary


def _number(value: Any, places: int) -> float | None:
    return None if value is None else float(round_half_up(value, places))


def rank(view: RankView) -> bytes:
    """The workbook's bytes. Text cells are written as text (openpyxl never turns them into formulas here)."""
    groups, has_previous, lang = view.groups, view.has_previous, view.lang
    from openpyxl import Workbook
    from openpyxl.cell.cell import TYPE_STRING

    book = Workbook()
    for sheet in list(book.worksheets):  # the default empty sheet
        book.remove(sheet)
    for n, group in enumerate(groups, start=1):
        language = lang or group.language
        p = group.precision
        sheet = book.create_sheet(title=f"{n} {group.group or group.criteria_id}"[:31].replace("/", "-"))
        sheet.append([group_heading(group, language)])
        keys = ["rank", "agency", "points", "max", "index", "grade"] + (["previous", "change"] if has_previous else [])
        codes = area_codes(group) if view.areas else []
        sheet.append([*(label(key, language) for key in keys), *codes])
        number_format = "0." + "0" * p if p else "0"
        for row in group.rows:
            entry = row.entry
            values: list[Any] = [
                row.rank,
                entry.agency_name,
                _number(entry.points, p),
                _number(entry.max, p),
                _number(entry.index, p),
                entry.grade or "",
            ]
            if has_previous:
                values += [row.previous_rank, change_text(row, True, language)]
            values += [_number(area, p) for _, _, area in entry.areas] if codes else []
            sheet.append(values)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = TYPE_STRING  # an agency name starting with "=" stays text
            for column in (3, 4, 5, *range(len(keys) + 1, len(keys) + len(codes) + 1)):
                sheet.cell(row=sheet.max_row, column=column).number_format = number_format
        sheet.append([])
        sheet.append([group_summary(group, language)])
        sheet.column_dimensions["B"].width = 40
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
