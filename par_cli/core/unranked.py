"""Units assessed but not ranked ("không xếp hạng"): a group the office file lists with `ranked: false`.

An agency's own `ranked: false` is ranked so by `core.ranking.rank` (after the ranked ones, with no rank)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from par_cli.core.ranking import RankGroup


def unranked_groups(groups: list[RankGroup], unranked: Mapping[str, str | None]) -> list[RankGroup]:
    """The groups an office file lists as assessed but not ranked (`ranked: false`): every unit shown without a
    rank (its own reason, else the group's); the group's average and grade counts still cover every unit."""
    out = []
    for group in groups:
        if group.group is None or group.group not in unranked:
            out.append(group)
            continue
        reason = unranked[group.group]
        rows = tuple(
            replace(
                row,
                entry=replace(row.entry, ranked=False, unranked_reason=row.entry.unranked_reason or reason),
                rank=None,
                rank_change=None,
            )
            for row in group.rows
        )
        out.append(replace(group, rows=rows))
    return out
