"""What each command hands its renderer: the results and the reader's choices, in one value.

(Plain classes with slots: named tuples or dataclasses cost start-up time that `par score` pays on every run.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from par_cli.core.binding import Bound
    from par_cli.core.model import CriteriaSet
    from par_cli.core.scoring import Score


class ScoreView:
    __slots__ = ("bars", "bound", "depth", "lang", "result")

    def __init__(self, result: Score, bound: Bound, depth: int = 1, lang: str | None = None, bars: bool = True):
        self.result, self.bound, self.depth, self.lang, self.bars = result, bound, depth, lang, bars


class TemplateView:
    __slots__ = ("criteria", "lang", "period", "reference")

    def __init__(self, criteria: CriteriaSet, reference: str, period: str, lang: str | None = None):
        self.criteria, self.reference, self.period = criteria, reference, period  # reference: what `criteria:` says
        self.lang = lang
