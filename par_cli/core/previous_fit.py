"""Whether last period's ranking (`par rank --previous`) fits this one: one that none of this ranking's agencies is
in (another criteria set's, another grouping's) or one of this period or a later one gives rank changes that
mean nothing. Said, never refused: the ranks are still shown as asked."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from par_cli.core.diagnostics import Diagnostic, msg, problem
from par_cli.core.lineage import Past
from par_cli.core.ranking import RankGroup


def previous_misfits(groups: Sequence[RankGroup], before: Past, periods: Collection[str | None]) -> list[Diagnostic]:
    """R016 when no agency ranked here has a figure of last period; R017 when last period's ranking is of the
    period ranked here (`periods`: the entries'), or of a later one (periods written as years)."""
    found = []
    rows = [row for group in groups for row in group.rows]
    if before.rows and rows and all(row.previous_rank is None and row.previous_index is None for row in rows):
        hint = msg("hint.previous-unmatched")
        found.append(problem("R016", "previous-unmatched", hint=hint, count=len(rows)))
    this = next(iter(periods)) if len(periods) == 1 else None
    then = before.period
    if this and then and (then == this or (then.isdigit() and this.isdigit() and int(then) > int(this))):
        hint = msg("hint.previous-not-before", period=this)
        found.append(problem("R017", "previous-not-before", hint=hint, previous=then, period=this))
    return found
