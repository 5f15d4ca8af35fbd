"""An earlier period's ranking from a file `par rank` wrote: JSON, CSV, xlsx or its Word annex (or one published
or made by hand like them: a table of names without ids is matched by name, `core.lineage.by_name`).

Ranks and agency ids are all a ranking needs to give rank changes; an index is asked for only where a figure is
computed from it (a merged unit's previous figure, a trend: `core.lineage.indices_needed`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from par_cli.core.diagnostics import Diagnostic, DocPath, LineCol, ParError, msg, problem
from par_cli.core.lineage import Past, PastRow
from par_cli.io.output import reading
from par_cli.io.suffixes import kind_of_suffix
from par_cli.readers.files import display, not_a_file, unreadable
from par_cli.readers.ranking_tables import _figure, _percent, csv_ranking, docx_ranking, xlsx_ranking
from par_cli.words.languages import every
from par_cli.yamlengine.source import parse


class _Places:
    """Lines and columns of paths in the JSON text (JSON is YAML, so the YAML source map locates them)."""

    def __init__(self, raw: bytes, name: str) -> None:
        self.name = name
        self.document, problems = parse(raw, name)
        hint = msg("hint.duplicate-key-json")
        self.twice = [found._replace(hint=hint) for found in problems if found.code == "Y002"]

    def at(self, path: DocPath) -> LineCol:
        return self.document.locate(path) if self.document is not None else LineCol(self.name, 1, 1)


def is_ranking_file(path: Path) -> bool:
    """A ranking file rather than a folder of assessments: JSON, CSV, or a workbook that is not an assessment
    form (which has a criteria sheet)."""
    kind = kind_of_suffix(path)
    if kind not in ("json", "csv", "xlsx", "docx") or path.is_dir():
        return False
    if kind != "xlsx":
        return True
    sheets = _sheet_names(path)
    return sheets is not None and not set(every("sheet.criteria")) & set(sheets)


def _sheet_names(path: Path) -> list[str] | None:
    """The workbook's sheet titles from its zip (no openpyxl load: the ranking reader loads it once); None when it
    is no workbook: read as assessments, whose reader says why (F005)."""
    import zipfile

    from par_cli.readers.sheet_xml import sheet_parts

    try:
        with zipfile.ZipFile(path) as source:
            return list(sheet_parts(source).values()) or None
    except (OSError, zipfile.BadZipFile):
        return None


def load_previous(path: Path) -> Past:
    """An earlier period's ranking from a file written by `par rank --format json|csv|xlsx` (figures as written)."""
    name = display(path)
    reading(path)
    odd = not_a_file(path)
    if odd is not None:
        raise ParError([odd])
    if kind_of_suffix(path) == "csv":
        try:
            return csv_ranking(path, name, path.stem)
        except OSError as exc:
            raise ParError([unreadable(name, exc)]) from None
    if kind_of_suffix(path) == "xlsx":
        return xlsx_ranking(path, name)
    if kind_of_suffix(path) == "docx":
        return docx_ranking(path, name)
    try:
        raw = path.read_bytes()
        data = json.loads(raw.decode("utf-8-sig"), parse_float=Decimal)
    except OSError as exc:
        raise ParError([unreadable(name, exc)]) from None
    except UnicodeDecodeError:
        raise ParError([problem("Y006", "not-utf8", hint=msg("hint.save-utf8")).at(LineCol(name, 1, 1))]) from None
    except json.JSONDecodeError as exc:
        raise ParError(
            [problem("J001", "invalid-json", detail=exc.msg).at(LineCol(name, exc.lineno, exc.colno))]
        ) from None
    except RecursionError:
        raise ParError([problem("J001", "too-deep", depth=1000).at(LineCol(name, 1, 1))]) from None
    except ValueError:  # a number of thousands of digits (Python refuses to read it)
        too_long = problem("J001", "invalid-json", detail="a number with thousands of digits")
        raise ParError([too_long.at(LineCol(name, 1, 1))]) from None
    places = _Places(raw, name)
    if places.twice:  # a key given twice: JSON readers keep one of them, without a word (which one was meant?)
        raise ParError(places.twice)
    groups = data.get("groups") if isinstance(data, dict) else None
    if not isinstance(groups, list):
        raise ParError([problem("J002", "not-a-ranking").at(places.at(("groups",)))])
    rows: list[PastRow] = []
    seen: set[tuple[str | None, str]] = set()
    periods: set[str] = set()
    dense: list[str | None] = []  # groups ranked densely (`"ties": "dense"`, as `par rank` writes them)
    problems: list[Diagnostic] = []
    for g, group in enumerate(groups):
        members = group.get("rows") if isinstance(group, dict) else None
        label = group.get("group") if isinstance(group, dict) else None
        if not isinstance(members, list) or not (label is None or isinstance(label, str)):
            problems.append(problem("J002", "ranking-group", where=f"groups[{g}]").at(places.at(("groups", g))))
            continue
        if isinstance(group.get("period"), str):
            periods.add(group["period"])
        if group.get("ties") == "dense":
            dense.append(label)
        for r, item in enumerate(members):
            at = places.at(("groups", g, "rows", r))
            if isinstance(item, dict) and item.get("ranked") is False and item.get("rank") is None:
                continue  # assessed but not ranked: it has no rank to look back at
            row = _row(item, label, partial(_at, places, ("groups", g, "rows", r, "agency", "predecessors")), at)
            if row is None:
                problems.append(problem("J002", "ranking-row", where=f"groups[{g}].rows[{r}]").at(at))
                continue
            if (row.group, row.key) in seen:  # one figure per agency and group, or which one would count?
                twice = problem("R003", "agency-twice-in-ranking", id=row.agency_id, group=row.group or "—")
                problems.append(twice.at(places.at(("groups", g, "rows", r, "agency", "id"))))
                continue
            seen.add((row.group, row.key))
            rows.append(row)
    if problems:
        raise ParError(problems)
    period = periods.pop() if len(periods) == 1 else None
    titles, sets = _area_titles(groups), _set_titles(groups)
    return Past(rows, period or path.stem, _places(groups), titles, sets, period, dense=dense)


def _area_titles(groups: list[Any]) -> tuple[tuple[str, str], ...]:
    """The areas' titles the ranking gives with its rows (`--areas`), for headings: (code, title)."""
    titles: dict[str, str] = {}
    for group in groups:
        for item in group.get("rows", []) if isinstance(group, dict) and isinstance(group.get("rows"), list) else ():
            areas = item.get("areas") if isinstance(item, dict) else None
            for area in areas if isinstance(areas, list) else ():
                if isinstance(area, dict) and isinstance(area.get("title"), str) and "code" in area:
                    titles.setdefault(str(area["code"]), area["title"])
    return tuple(titles.items())


def _set_titles(groups: list[Any]) -> tuple[str, ...]:
    """The criteria sets' titles the ranking names, each once."""
    found = (g.get("criteria_title") for g in groups if isinstance(g, dict))
    return tuple(dict.fromkeys(title for title in found if isinstance(title, str)))


def _places(groups: list[Any]) -> int:
    """The ranking's precision: written with each group, else the most decimals an index was written with."""
    written = [int(g["precision"]) for g in groups if isinstance(g, dict) and type(g.get("precision")) is int]
    if written:
        return max(0, min(max(written), 6))
    places = [
        -int(item["index"].as_tuple().exponent)
        for group in groups
        if isinstance(group, dict) and isinstance(group.get("rows"), list)
        for item in group["rows"]
        if isinstance(item, dict) and isinstance(item.get("index"), Decimal) and item["index"].is_finite()
    ]
    return max(0, min(max(places, default=2), 6))


def _at(places: _Places, base: DocPath, n: int) -> LineCol:
    return places.at((*base, n))


def _row(item: Any, group: str | None, place: Callable[[int], LineCol], at: LineCol) -> PastRow | None:
    """One row of the JSON ranking; None when it lacks an agency id or a rank, or when a figure it gives is not
    one a ranking can hold (an index outside 0–200, negative points, a maximum of 0). The index may be left out
    (a ranking published as ranks): it is asked for only where a figure is computed from it."""
    if not isinstance(item, dict):
        return None
    agency = item.get("agency")
    agency_id = agency.get("id") if isinstance(agency, dict) else None
    rank = item.get("rank")
    index = _figure(item.get("index"))
    if not isinstance(agency_id, str) or not isinstance(rank, int) or isinstance(rank, bool) or rank < 1:
        return None
    if (item.get("index") is not None and index is None) or (index is not None and not _percent(index)):
        return None
    points, maximum = _figure(item.get("points")), _figure(item.get("max"))
    if (item.get("points") is not None and (points is None or points < 0)) or (
        item.get("max") is not None and (maximum is None or maximum <= 0)
    ):
        return None
    assert isinstance(agency, dict)
    name = agency.get("name") if isinstance(agency.get("name"), str) else agency_id
    listed = item.get("areas")
    areas = listed if isinstance(listed, list) else []
    area_figures = tuple(
        (str(a["code"]), _figure(a.get("index"))) for a in areas if isinstance(a, dict) and "code" in a
    )
    if any(figure is None or not _percent(figure) for _, figure in area_figures if figure is not None) or any(
        isinstance(a, dict) and a.get("index") is not None and _figure(a.get("index")) is None for a in areas
    ):
        return None
    predecessors = agency.get("predecessors", [])
    if not isinstance(predecessors, list) or not all(isinstance(p, str) for p in predecessors):
        return None  # never a merged figure from part of what the file says
    merged = tuple(predecessors)
    wheres = tuple(place(n) for n in range(len(merged)))
    return PastRow(group, agency_id, str(name), rank, index, points, maximum, area_figures, merged, wheres, at)
