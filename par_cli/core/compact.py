"""Entries kept by the thousand share what they have in common: one copy of each set's title, grade labels, area
codes and titles, file names of locations… (the parent of a national ranking holds every agency's entry)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TypeVar

from par_cli.core.diagnostics import LineCol
from par_cli.core.ranking import Entry

T = TypeVar("T")


class Compactor:
    """Turns entries into equal entries whose repeated values are shared objects."""

    def __init__(self) -> None:
        self._seen: dict[Any, Any] = {}

    def same(self, value: T) -> T:
        found: T = self._seen.setdefault(value, value)
        return found

    def __call__(self, entry: Entry) -> Entry:
        same = self.same
        file = entry.file
        return replace(
            entry,
            group=same(entry.group),
            attributes=same(entry.attributes),
            criteria_id=same(entry.criteria_id),
            criteria_title=same(entry.criteria_title),
            period=same(entry.period),
            language=same(entry.language),
            grade_labels=same(entry.grade_labels),
            max=same(entry.max),
            grade=same(entry.grade),
            areas=tuple((same(code), same(title), index) for code, title, index in entry.areas),
            agency_where=_in(entry.agency_where, file),
            period_where=_in(entry.period_where, file),
            group_average=same(entry.group_average),
            criteria_file=same(entry.criteria_file),
            criteria_digest=same(entry.criteria_digest),
        )


def _in(where: Any, file: str) -> Any:
    """A location in the entry's own file names it with the entry's own string."""
    return where._replace(file=file) if isinstance(where, LineCol) and where.file == file else where
