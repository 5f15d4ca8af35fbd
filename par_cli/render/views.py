"""What each command hands its renderer: the results and the reader's choices, in one value.

(Plain classes with slots: named tuples or dataclasses cost start-up time that every run pays.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from par_cli.core.model import CriteriaSet


class TemplateView:
    __slots__ = ("criteria", "lang", "period", "reference")

    def __init__(self, criteria: CriteriaSet, reference: str, period: str, lang: str | None = None):
        self.criteria, self.reference, self.period = criteria, reference, period  # reference: what `criteria:` says
        self.lang = lang
