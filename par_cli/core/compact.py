"""Entries kept by the thousand share what they have in common: one copy of each set's title, grade labels, area
codes and titles, file names of locations… and keep their area indices as one string (the parent of a national
ranking holds every agency's entry)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from fractions import Fraction
from typing import TYPE_CHECKING, Any, TypeVar

from par_cli.core.area_columns import TupleView
from par_cli.core.diagnostics import LineCol

if TYPE_CHECKING:  # for type checking only: `services.cache` imports this module, within six steps of `__main__`
    from par_cli.core.ranking import AreaFigure, Entry

T = TypeVar("T")
_NONE = "-"  # an area not applicable to the agency (no index)
_RATIO = re.compile(r"-?[0-9]+/0*[1-9][0-9]*").fullmatch  # an exact index as the results cache writes it, "n/d"


class PackedAreas(TupleView["AreaFigure"]):
    """An entry's (code, title, index) per area, as its set's shared (code, title) pairs and one string of exact
    indices, "1035/19 54 - …": about 0.2 KB an agency instead of 1.5 KB as tuples of Fractions. Each index is
    read back exactly, when asked for."""

    __slots__ = ("figures", "heads")

    def __init__(self, heads: tuple[tuple[str, str], ...], figures: str) -> None:
        self.heads = heads
        self.figures = figures

    @classmethod
    def of(cls, areas: Sequence[AreaFigure], same: Compactor) -> PackedAreas:
        heads = same.same(tuple((code, title) for code, title, _ in areas))
        return cls(heads, " ".join(_NONE if index is None else str(index) for _, _, index in areas))

    @classmethod
    def read(cls, value: Any) -> PackedAreas:
        """From the results cache's text of them, [[code, title, "n/d" or null], …], checked (anything else is
        refused: a miss); the indices kept as the text they are, never made Fractions to be written back."""
        if type(value) is not list:
            raise TypeError("list")
        heads, texts = [], []
        for item in value:
            if type(item) is not list or len(item) != 3:
                raise TypeError("list")
            code, title, text = item
            if type(code) is not str or type(title) is not str:
                raise TypeError("str")
            if text is None:
                texts.append(_NONE)
            elif type(text) is str and _RATIO(text):
                texts.append(text[:-2] if text.endswith("/1") else text)  # as `str(Fraction)` writes a whole one
            else:
                raise ValueError(text)
            heads.append((code, title))
        return cls(tuple(heads), " ".join(texts))

    def __len__(self) -> int:
        return len(self.heads)

    def __iter__(self) -> Iterator[AreaFigure]:
        texts = self.figures.split(" ") if self.heads else ()
        for (code, title), text in zip(self.heads, texts, strict=True):
            yield code, title, _index(text)

    def __reduce__(self) -> tuple[Any, ...]:
        return (PackedAreas, (self.heads, self.figures))


def _index(text: str) -> Fraction | None:
    if text == _NONE:
        return None
    numerator, _, denominator = text.partition("/")
    return Fraction(int(numerator), int(denominator or 1))


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
            areas=self._areas(entry.areas),
            agency_where=_in(entry.agency_where, file),
            period_where=_in(entry.period_where, file),
            group_average=same(entry.group_average),
            index_cap=same(entry.index_cap),  # 100 in nearly every entry: one Fraction
            ties=same(entry.ties),
            unranked_reason=same(entry.unranked_reason),
            criteria_file=same(entry.criteria_file),
            criteria_digest=same(entry.criteria_digest),
        )

    def _areas(self, areas: Sequence[AreaFigure]) -> PackedAreas:
        if type(areas) is PackedAreas:  # read packed from the results cache: its heads shared, its text kept
            return PackedAreas(self.same(areas.heads), areas.figures)
        return PackedAreas.of(areas, self)


def _in(where: Any, file: str) -> Any:
    """A location in the entry's own file names it with the entry's own string."""
    return where._replace(file=file) if isinstance(where, LineCol) and where.file == file else where
