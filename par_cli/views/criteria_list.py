"""`par criteria list` as a report: one row per criteria set shipped with par (id, title, status, maximum,
leaves, where it comes from)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from par_cli.views.report import Column, Kind, Report, Table
from par_cli.words.labels import label
from par_cli.words.languages import default
from par_cli.words.numbers import plain

if TYPE_CHECKING:
    from par_cli.core.model import CriteriaSet, Node

KINDS = (
    ("id", Kind.code, False),
    ("title", Kind.text, True),
    ("status", Kind.code, False),
    ("max", Kind.figure, False),
    ("leaves", Kind.figure, False),
    ("source", Kind.text, True),
)


def report(sets: list[CriteriaSet], lang: str | None = None) -> Report:
    lang = lang or default()
    columns = [Column(label(key, lang), kind, wide=wide) for key, kind, wide in KINDS]
    rows = [
        [
            criteria.id,
            criteria.title,
            label(f"status.{criteria.status}", lang) if criteria.status else "—",
            plain(criteria.total_max, lang),
            str(sum(_leaves(area) for area in criteria.areas)),
            criteria.source or "—",  # whole: the terminal wraps it at its spaces
        ]
        for criteria in sets
    ]
    table = Table(columns, rows, spaced=True, whole=True)
    return Report(label("criteria", lang), lang, [table], {}, [], on_screen=False)


def _leaves(node: Node) -> int:
    return 1 if node.children is None else sum(_leaves(child) for child in node.children)
