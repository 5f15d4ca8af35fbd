"""`par survey report` as a report: per agency and criterion, the forms per group, each question's percentage,
the criterion's, the share not counted and the groups below the design's minimum, everything by its name where
the files beside the results say it (`services.surveys.survey_names`), each question's text under the table; its
workbook for the survey team (the same table, printable); its JSON and CSV (one row per agency and criterion,
figures rounded to 2 places, ids as the files write them)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from par_cli.core.numbers import round_half_up
from par_cli.views.records import number
from par_cli.views.report import Column, Kind, Report, Sheet, Table
from par_cli.views.workbook import Cell
from par_cli.words.languages import default
from par_cli.words.tables import survey_cells, survey_header, survey_questions

if TYPE_CHECKING:
    from par_cli.core.survey import ReportRow, SurveyNames


def report(
    rows: list[ReportRow], groups: list[str], title: str, lang: str | None = None, names: SurveyNames | None = None
) -> Report:
    """`title`: the design's id, shown only when no design file beside the results gives its title."""
    lang = lang or default()
    questions = survey_questions(rows)
    group_names = names.groups if names else {}
    asked = names.questions if names else {}
    agencies = names.agencies if names else {}
    shown_questions = [asked.get(q, (None, None))[0] or q for q in questions]
    header = survey_header([group_names.get(g, g) for g in groups], shown_questions, lang)
    kinds = [Kind.text, Kind.code, *[Kind.figure] * (len(header) - 3), Kind.text]  # the last: groups with few forms
    columns = [
        Column(name, kind, wide=n == 0, narrowest=16 if n == 0 else None)
        for n, (name, kind) in enumerate(zip(header, kinds, strict=True))
    ]
    known = {f"agency:{a}": name for a, name in agencies.items()} | {f"group:{g}": n for g, n in group_names.items()}
    cells = [survey_cells(row, groups, questions, lang, known) for row in rows]
    asked_texts = [
        (shown, asked[q][1] or "") for q, shown in zip(questions, shown_questions, strict=True) if q in asked
    ]
    texts = [f"{shown}: {text}" for shown, text in asked_texts if text]
    heading = (names.title if names else None) or title
    few = any(row[-1] for row in cells)  # the groups with too few forms: a column only when some have
    shown = Table(
        columns if few else columns[:-1], cells if few else [row[:-1] for row in cells], dense=True, notes=texts
    )
    blocks = [shown]
    sheet = _sheet(heading, header, rows, groups, questions, cells, [(s, t) for s, t in asked_texts if t], few)
    return Report(heading, lang, blocks, _json(rows), _csv(rows, groups, questions), sheets=[sheet])


def _sheet(
    heading: str,
    header: list[str],
    rows: list[ReportRow],
    groups: list[str],
    questions: list[str],
    cells: list[list[str]],
    texts: list[tuple[str, str]],
    few: bool = True,
) -> Sheet:
    """The table as the survey team prints it: titled, each question's text under the title, ruled, its header
    repeated on every page; figures as numbers (forms whole, percentages to 2 places)."""
    lines = [(shown, Cell(text, wrap=True)) for shown, text in texts]
    body = []
    for row, words in zip(rows, cells, strict=True):
        figures = [*(row.questions.get(q) for q in questions), row.percent, row.not_counted]
        body.append(
            [
                Cell(words[0], wrap=True),
                Cell(words[1]),
                *(Cell(row.forms.get(group, 0)) for group in groups),
                *(Cell(value, 2) if value is not None else Cell("") for value in figures),
                *([Cell(words[-1], wrap=True)] if few else []),
            ]
        )
    widths = (34, 7, *([16] * len(groups)), *([11] * (len(header) - 3 - len(groups))), *([24] if few else []))
    shown = header if few else header[:-1]
    return Sheet("1", heading, shown, body, widths, frozen=2, lines=lines, header_height=48)


def _json(rows: list[ReportRow]) -> dict[str, Any]:
    return {
        "rows": [
            {
                "agency": row.agency,
                "criterion": row.criterion,
                "forms": dict(row.forms),
                "questions": {q: number(p, 2) for q, p in row.questions.items()},
                "percent": number(row.percent, 2),
                "not_counted_percent": number(row.not_counted, 2),
                "few_forms": list(row.few),
            }
            for row in rows
        ]
    }


def _csv(rows: list[ReportRow], groups: list[str], questions: list[str]) -> list[list[Any]]:
    """One row per agency and criterion, figures with a dot (language-neutral)."""
    records: list[list[Any]] = [
        [
            "agency",
            "criterion",
            *(f"forms_{g}" for g in groups),
            *(f"{q}_percent" for q in questions),
            "percent",
            "not_counted_percent",
            "few_forms",
        ]
    ]
    for row in rows:
        figures = [*(row.questions.get(q) for q in questions), row.percent, row.not_counted]
        records.append(
            [
                row.agency,
                row.criterion,
                *(row.forms.get(group, 0) for group in groups),
                *(None if value is None else round_half_up(value, 2) for value in figures),
                " ".join(row.few),
            ]
        )
    return records
