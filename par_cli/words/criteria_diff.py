"""Changes between two criteria sets in words: what a PAR office reads before adopting a revised set."""

from __future__ import annotations

from typing import TYPE_CHECKING

from par_cli.words.explain import describe_rule
from par_cli.words.labels import label
from par_cli.words.numbers import plain, signed_figure

if TYPE_CHECKING:
    from par_cli.core.criteria_diff import Change
    from par_cli.core.impact import Reason


def kind_text(change: Change, lang: str) -> str:
    return label(f"diff.{change.kind}", lang)


def detail_text(change: Change, lang: str) -> str:
    """`3 → 2,5`, `«Kế hoạch» → «Kế hoạch CCHC»`, `under 1 → under 2`, the rules in words."""
    before, after = change.before, change.after
    if change.kind in ("added", "removed"):
        value = after if change.kind == "added" else before
        return f"{plain(value, lang)} {label('points_word', lang)}"
    if change.kind == "max":
        return f"{plain(before, lang)} → {plain(after, lang)}"
    if change.kind == "rule":
        return f"{describe_rule(before, lang)} → {describe_rule(after, lang)}"
    if change.kind == "renamed":
        return f"«{before}» → «{after}»"
    if change.kind == "moved":
        top = label("diff.top", lang)
        return f"{change.old_code} ({before or top}) → {change.new_code} ({after or top})"
    return f"{before} → {after}"


def reasons_text(reasons: tuple[Reason, ...], places: int, lang: str, shown: int = 3) -> str:
    """`1.1.4 −0,50; 1.3.1 +0,33`: the criteria that moved an index most, in index points (renumbered ones
    under their new code; removed ones marked)."""
    parts = []
    for reason in reasons[:shown]:
        code = reason.new_code or f"{reason.old_code} ({label('diff.removed', lang)})"
        parts.append(f"{code} {signed(reason.index_points, places, lang)}")
    more = len(reasons) - shown
    return "; ".join(parts) + (f"; … (+{more})" if more > 0 else "")


signed = signed_figure  # +0,50, −1,25 (words.numbers), by the name the tables import
