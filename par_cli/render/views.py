"""What each command hands its renderer: the results and the reader's choices, in one value.

(Plain classes with slots: named tuples or dataclasses cost start-up time that `par score` pays on every run.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from par_cli.core.binding import Bound
    from par_cli.core.model import CriteriaSet
    from par_cli.core.ranking import RankGroup
    from par_cli.core.robustness import Robustness
    from par_cli.core.scoring import Score
    from par_cli.services.checking import CheckReport


class ScoreView:
    __slots__ = ("bars", "bound", "depth", "lang", "result")

    def __init__(self, result: Score, bound: Bound, depth: int = 1, lang: str | None = None, bars: bool = True):
        self.result, self.bound, self.depth, self.lang, self.bars = result, bound, depth, lang, bars


class RankView:
    __slots__ = (
        "_margins",
        "absent",
        "areas",
        "bars",
        "groups",
        "has_previous",
        "lang",
        "merged_as",
        "robust",
        "width",
    )

    def __init__(
        self,
        groups: list[RankGroup],
        has_previous: bool = False,
        areas: bool = False,
        lang: str | None = None,
        bars: bool = True,
        width: int = 120,  # terminal columns the tables must fit in
        robust: bool = False,  # `--robustness`: gaps, ties as shown, possible ranks
        merged_as: str = "mean",  # how merged units' earlier figures were computed (core.lineage)
        absent: tuple[Any, ...] = (),  # last period's units (core.lineage.PastRow) this ranking lacks
    ):
        self.groups, self.has_previous, self.areas, self.lang, self.bars = groups, has_previous, areas, lang, bars
        self.absent = absent
        self.width, self.robust, self.merged_as = width, robust, merged_as
        self._margins: dict[int, tuple[Robustness, ...]] = {}
        if robust:  # every figure before any rendering: a renderer only reads them
            from par_cli.core.robustness import robustness

            self._margins = {id(group): robustness(group) for group in groups}

    def margins(self, group: RankGroup) -> tuple[Robustness, ...] | None:
        """The group's robustness, one per row (None without `--robustness`), computed with the view."""
        return self._margins[id(group)] if self.robust else None

    def robust_row(self, group: RankGroup, n: int) -> Robustness | None:
        margins = self.margins(group)
        return margins[n] if margins is not None else None

    def notes(self, group: RankGroup, lang: str) -> list[str]:
        from par_cli.words.tables import rank_notes

        return rank_notes(group, self.margins(group), self.merged_as if self.has_previous else None, lang)


class CheckView:
    __slots__ = ("lang", "report")

    def __init__(self, report: CheckReport, lang: str = "en"):
        self.report, self.lang = report, lang


class CriteriaShowView:
    __slots__ = ("criteria", "depth", "lang")

    def __init__(self, criteria: CriteriaSet, depth: int | None = None, lang: str | None = None):
        self.criteria, self.depth, self.lang = criteria, depth, lang


class TemplateView:
    __slots__ = ("criteria", "lang", "period", "reference")

    def __init__(self, criteria: CriteriaSet, reference: str, period: str, lang: str | None = None):
        self.criteria, self.reference, self.period = criteria, reference, period  # reference: what `criteria:` says
        self.lang = lang
