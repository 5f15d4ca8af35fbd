"""`par score`'s records: its JSON (spec §4: language-neutral, figures as exact decimals rounded half-up to the
set's precision, messages in English), its CSV rows (one per node to `--depth`, then adjustments and the total)
and its workbook sheet (the summary, then one row per node, figures as numbers)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from par_cli.core.diagnostics import msg
from par_cli.core.numbers import round_half_up
from par_cli.views.records import number
from par_cli.views.report import Cell, Sheet
from par_cli.words.catalogue import finding_text, text
from par_cli.words.labels import label, period_words
from par_cli.words.numbers import figure

if TYPE_CHECKING:
    from collections.abc import Sequence

    from par_cli.core.scoring import NodeResult, Score


def agency_json(result: Score) -> dict[str, Any]:
    agency = result.agency
    return {"id": agency.id, "name": agency.name, "group": agency.group}


def period_json(period: str | None) -> int | str | None:
    return int(period) if period is not None and period.isdigit() else period


def node_json(node: NodeResult, places: int, depth: int) -> dict[str, Any]:
    out: dict[str, Any] = {
        "code": node.code,
        "title": node.title,
        "points": number(node.points, places),
        "max": number(node.max, places),
        "index": number(node.percent, places),
        "self_points": number(node.self_points, places),
        "self_index": number(node.self_percent, places),
        "applicable": node.applicable,
    }
    if depth > 1 and node.children:
        out["children"] = [node_json(child, places, depth - 1) for child in node.children]
    return out


def score_dict(result: Score, depth: int, titles: Sequence[str]) -> dict[str, Any]:
    """`titles`: the adjustments' titles, in English."""
    p = result.precision
    return {
        "agency": agency_json(result),
        "criteria": {"id": result.criteria_id, "title": result.criteria_title},
        "period": period_json(result.period),
        "points": number(result.points, p),
        "max": number(result.max, p),
        "index": number(result.index, p),
        "grade": result.grade,
        "self": {
            "points": number(result.self_points, p),
            "max": number(result.max, p),
            "index": number(result.self_index, p),
            "grade": result.self_grade,
        },
        "areas": [node_json(area, p, depth) for area in result.areas],
        "adjustments": [
            {
                "code": a.code,
                "title": title,
                "kind": a.kind,
                "points": number(a.points, p),
                "self_points": number(a.self_points, p),
            }
            for a, title in zip(result.adjustments, titles, strict=True)
        ],
        "findings": [
            {
                "level": f.level,
                "code": f.code,
                "criterion": f.criterion,
                "message": finding_text(f),
                "file": result.file,
                "line": result.origin.locate(f.path, key=True).line,
            }
            for f in result.findings
        ],
    }


def csv_rows(result: Score, nodes: Sequence[NodeResult], titles: Sequence[str]) -> list[list[Any]]:
    """One row per node shown, then adjustments (`titles`: theirs) and the total; figures as decimals."""
    p = result.precision

    def shown(value: Fraction | None) -> Any:
        return None if value is None else round_half_up(value, p)

    rows: list[list[Any]] = [
        ["code", "title", "depth", "applicable", "max", "self_points", "points", "index", "self_index"]
    ]
    for node in nodes:
        figures = (node.max, node.self_points, node.points, node.percent, node.self_percent)
        rows.append([node.code, node.title, node.depth, str(node.applicable).lower(), *map(shown, figures)])
    for adjustment, title in zip(result.adjustments, titles, strict=True):
        own, final = shown(adjustment.self_points), shown(adjustment.points)
        rows.append([adjustment.code, title, None, None, None, own, final, None, None])
    totals = (result.max, result.self_points, result.points, result.index, result.self_index)
    rows.append(["total", None, None, None, *map(shown, totals)])
    return rows


def rounded_rows(result: Score, lang: str, columns: tuple[str, str]) -> tuple[str, ...]:
    """A note under the table when its rows, each rounded on its own, do not add up to the total shown (computed
    exactly, rounded once): `… cộng các dòng đã làm tròn: Điểm thẩm định 75,99` beside a total of 75,97, so that
    whoever adds them up is told why. The rows added: the areas, the bonus and the penalty; `columns`: the titles
    of the self-assessed and the final points' columns, as the table heads them."""
    p = result.precision
    areas = [node for node in result.areas if node.applicable]
    sums = []
    for own, title in zip((True, False), columns, strict=True):
        parts = [node.self_points if own else node.points for node in areas]
        parts += [adjustment.self_points if own else adjustment.points for adjustment in result.adjustments]
        shown = sum((round_half_up(Fraction(part), p) for part in parts), Decimal(0))
        if shown != round_half_up(Fraction(result.self_points if own else result.points), p):
            sums.append(f"{title} {figure(Fraction(shown), p, lang)}")
    if not sums:
        return ()
    return (text(msg("score.rounded-rows", sums="; ".join(sums)), lang),)


def sheet(
    result: Score,
    nodes: Sequence[NodeResult],
    lang: str,
    titles: Sequence[str] = (),
    standing: Sequence[tuple[str, Cell]] = (),
) -> Sheet:
    """The summary (with `standing`, the rank in the group and the group's average, as the Word report gives
    them), then the rows of the Word report: one per node, the bonus and penalty rows (`titles`: theirs, in the
    reader's language; a penalty negative), and the total, figures as numbers: at depth 1 an Excel SUM of the
    points column is the index points (86,33 + 1 = 87,33)."""
    p = result.precision
    title = f"{result.agency.name} — {result.criteria_title}"
    lines = [
        ("index_line", Cell(result.index, p)),
        ("points", Cell(result.points, p)),
        ("max", Cell(result.max, p)),
        ("grade", Cell(result.grade or "—")),
        ("self_line", Cell(result.self_index, p)),
    ]
    rows = []
    for node in nodes:
        strong = node.depth == 1 and node.applicable
        code, name = Cell(node.code, strong=strong), Cell("    " * (node.depth - 1) + node.title, wrap=True)
        name.strong = strong
        if not node.applicable:
            rows.append([code, name, Cell(label("na", lang))])
            continue
        amounts = (node.max, node.self_points, node.points, node.percent)
        rows.append([code, name, *(Cell(amount, p, strong=strong) for amount in amounts)])
    named = list(titles) or [adjustment.title for adjustment in result.adjustments]
    for adjustment, written in zip(result.adjustments, named, strict=True):
        own, final = Cell(adjustment.self_points, p), Cell(adjustment.points, p)
        rows.append([Cell(adjustment.code), Cell(written, wrap=True), Cell(None), own, final, Cell(None)])
    total = (result.max, result.self_points, result.points, result.index)
    rows.append([Cell(None), Cell(label("total", lang), strong=True), *(Cell(x, p, strong=True) for x in total)])
    return Sheet(
        label("report", lang)[:31],
        title + (f" · {period_words(result.period, lang)}" if result.period else ""),
        [label(key, lang) for key in ("code", "title", "max", "self", "final", "index")],
        rows,
        (10, 60, 11, 11, 11, 11),
        frozen=2,
        lines=[(label(key, lang), cell) for key, cell in lines] + list(standing),
        plain=True,
        footer=" ".join(rounded_rows(result, lang, (label("self", lang), label("final", lang)))),
    )
