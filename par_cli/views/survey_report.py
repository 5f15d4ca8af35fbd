"""`par survey report` as a report: per agency and criterion, the forms per group, each question's percentage,
the criterion's, the share not counted and the groups below the design's minimum; its JSON and CSV (one row per
agency and criterion, figures rounded to 2 places)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from par_cli.core.numbers import round_half_up
from par_cli.views.records import number
from par_cli.views.report import Column, Kind, Report, Table
from par_cli.words.languages import default
from par_cli.words.tables import survey_cells, survey_header, survey_questions

if TYPE_CHECKING:
    from par_cli.core.survey import ReportRow


def report(rows: list[ReportRow], groups: list[str], title: str, lang: str | None = None) -> Report:
    lang = lang or default()
    questions = survey_questions(rows)
    header = survey_header(groups, questions, lang)
    kinds = [Kind.text, Kind.text, *[Kind.figure] * (len(header) - 3), Kind.code]  # the last: groups with few forms
    columns = [Column(name, kind) for name, kind in zip(header, kinds, strict=True)]
    cells = [survey_cells(row, groups, questions, lang) for row in rows]
    blocks = [Table(columns, cells, dense=True)]
    return Report(title, lang, blocks, _json(rows), _csv(rows, groups, questions))


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
