"""`levels`: the input names a level; each level gives points or a percentage of max."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any

from pydantic_core import core_schema as cs

from par_cli.core.diagnostics import Diagnostic, DocPath, Msg, msg, problem
from par_cli.core.named_tuple import NamedTuple
from par_cli.core.rules.base import (
    InputError,
    Rule,
    as_text,
    award,
    award_fields,
    award_value,
    award_words,
    field,
    found,
    one_of,
    optional,
    record,
    text,
)


class Level(NamedTuple):
    key: str
    label: str | None = None
    points: Decimal | None = None  # exactly one of points or percent
    percent: Decimal | None = None


def _level(values: dict[str, Any]) -> Level:
    one_of(values, "points", "percent")
    return Level(**values)


class LevelsRule(Rule):
    kind = "levels"
    levels: tuple[Level, ...]
    _fields = ("levels",)

    @classmethod
    def schema_fields(cls) -> dict[str, cs.TypedDictField]:
        level = record({"key": field(text()), "label": field(optional(text()), None), **award_fields()}, _level)
        return {"levels": field(cs.list_schema(level, min_length=1, strict=True))}

    @classmethod
    def build(cls, values: dict[str, Any]) -> Rule:
        return cls(levels=tuple(values["levels"]))

    @functools.cached_property
    def _keys(self) -> frozenset[str]:
        return frozenset(level.key for level in self.levels)

    @functools.cached_property
    def _awards(self) -> dict[Fraction, dict[str, Fraction]]:
        return {}  # max → level key → points; a rule belongs to one leaf, so this holds one entry

    def read(self, raw: Any, max_points: Decimal) -> Any:
        key = as_text(raw)
        if not isinstance(key, str) or key not in self._keys:
            hint = msg("hint.level-key") if isinstance(raw, bool) else None
            keys = ", ".join(level.key for level in self.levels)
            raise InputError(msg("unknown-level", found=found(key), keys=keys), hint)
        return key

    def points(self, value: Any, max_points: Fraction) -> Fraction:
        return self._points_at(max_points)[value]

    def _points_at(self, max_points: Fraction) -> dict[str, Fraction]:
        awards = self._awards.get(max_points)
        if awards is None:
            awards = {lv.key: award(lv.points, lv.percent, max_points) for lv in reversed(self.levels)}
            self._awards[max_points] = awards
        return awards

    def top(self, max_points: Decimal) -> Fraction:
        return max(award_value(lv.points, lv.percent, max_points) for lv in self.levels)

    def outcomes(self, max_points: Fraction) -> tuple[Fraction, ...]:
        found = self._outcomes.get(max_points)
        if found is None:
            found = self._outcomes[max_points] = tuple(sorted(set(self._points_at(max_points).values())))
        return found

    @functools.cached_property
    def _outcomes(self) -> dict[Fraction, tuple[Fraction, ...]]:
        return {}  # max → the distinct points of the levels, low to high

    def check(self, code: str, max_points: Decimal, path: DocPath) -> Iterator[Diagnostic]:
        seen: set[str] = set()
        for i, level in enumerate(self.levels):
            if level.points is not None and level.points > max_points:
                what = msg("phrase.level", key=level.key)
                where = (*path, "levels", i, "points")
                yield problem(
                    "C005", "award-above-max", where, code=code, what=what, points=level.points, max=max_points
                )
            if level.key in seen:
                yield problem("C010", "level-twice", (*path, "levels", i, "key"), code=code, key=level.key)
            seen.add(level.key)

    def describe(self) -> Msg:
        return msg(
            "rule.levels", levels=tuple(self._named(lv, award_words(lv.points, lv.percent)) for lv in self.levels)
        )

    @staticmethod
    def _named(level: Level, award: Msg) -> Msg:
        if level.label:
            return msg("rule.level-labelled", key=level.key, label=level.label, award=award)
        return msg("rule.level", key=level.key, award=award)

    def input_hint(self) -> Msg:
        return msg("input.levels", keys=tuple(level.key for level in self.levels))

    def action(self, value: Any, lost: Fraction, max_points: Fraction) -> Msg:
        best = max(self.levels, key=lambda lv: award(lv.points, lv.percent, max_points))
        if best.label:
            return msg("action.level-labelled", label=best.label)
        return msg("action.level", key=best.key)
