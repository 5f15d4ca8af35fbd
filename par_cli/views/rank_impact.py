"""`par rank --criteria NEW --against OLD` as a report: per (set, group), each agency's index and rank under both
sets and the set's changes that moved it most (`by="criterion"`: the criteria), then the changes named, by code,
title and what changed; its JSON, where each agency's `changes` (by change) and `reasons` (by criterion) each add up
to its index change."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from par_cli.core.numbers import round_half_up, shown_difference
from par_cli.views.records import number
from par_cli.views.report import Column, Kind, Note, Report, Table
from par_cli.words.explain import change_detail, change_kind
from par_cli.words.labels import label
from par_cli.words.numbers import figure, plain
from par_cli.words.numbers import signed_figure as signed
from par_cli.words.tables import group_name, places_moved

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from par_cli.core.criteria_diff import Change, CriteriaDiff
    from par_cli.core.impact import ImpactGroup, Reason, Share

NAMED_KINDS = (  # the set's changes named in the tables, as `par criteria diff` shows them
    ("diff.change", Kind.text),
    ("diff.old", Kind.code),
    ("diff.new", Kind.code),
    ("title", Kind.text),
    ("diff.detail", Kind.text),
)
SHOWN = 3  # parts listed in a row's cell; more are counted (`; … (+2)`)
KINDS = (
    ("impact.rank", Kind.rank),
    ("agency", Kind.text),
    ("impact.old_index", Kind.figure),
    ("impact.new_index", Kind.figure),
    ("impact.index_change", Kind.change),
    ("impact.old_rank", Kind.rank),
    ("impact.rank_change", Kind.change),
    ("impact.why", Kind.text),
)


def report(
    diff: CriteriaDiff,
    groups: list[ImpactGroup],
    lang: str | None = None,
    labels: Mapping[str, str] | None = None,
    by: str = "change",
) -> Report:
    """Per group a table headed by the group's label (`labels`: the office file's); by its id only when it has
    none and there are several groups, as `par rank` heads them; no heading for one group without a label.
    `by`: "change" (the set's changes that moved each index, then a table naming them) or "criterion"."""
    lang = lang or diff.new.language
    labels = labels or {}
    blocks: list[Table | Note] = []
    for group in groups:
        p = group.precision
        rows = [
            [
                str(row.new_rank or "—"),
                row.agency_name,
                figure(row.old_index, p, lang),
                figure(row.new_index, p, lang),
                signed(shown_difference(row.new_index, row.old_index, p), p, lang),  # of the two shown
                str(row.old_rank or "—"),
                places_moved(row.rank_change) if row.rank_change is not None else "—",
                reasons_text(row.reasons, p, lang) if by == "criterion" else shares_text(row.shares, p, lang),
            ]
            for row in group.rows
        ]
        heading = group_name(group.group, labels.get(group.group or ""), len(groups) < 2, lang)
        kinds = KINDS if by == "criterion" else (*KINDS[:-1], ("impact.why_change", Kind.text))
        columns = [Column(label(key, lang), kind) for key, kind in kinds]
        blocks.append(Table(columns, rows, heading=heading, spaced=True))
    if by == "change":
        blocks += _named(diff, groups, lang)
    if _uneven(groups, by):
        blocks.append(Note(label("impact.rounded-shares", lang)))
    old, new = diff.old, diff.new
    named = old.title != new.title  # the sets by their titles; by their ids only when the titles are the same
    title = f"{old.title} → {new.title}" if named else f"{old.id} → {new.id}"
    return Report(title, lang, blocks, _json(diff, groups), [])


def _uneven(groups: list[ImpactGroup], by: str, shown: int = SHOWN) -> bool:
    """Whether a row lists all its parts and they, each rounded on its own, do not add up to the change shown
    (the difference of the two shown indices): a reader's sum would miss by 0,01, so a note says why."""
    for group in groups:
        p = group.precision
        for row in group.rows:
            parts = [r.index_points for r in row.reasons] if by == "criterion" else [s.index_points for s in row.shares]
            if 0 < len(parts) <= shown and sum(round_half_up(x, p) for x in parts) != shown_difference(
                row.new_index, row.old_index, p
            ):
                return True
    return False


def _json(diff: CriteriaDiff, groups: list[ImpactGroup]) -> dict[str, Any]:
    """Each agency under both sets; `reasons` add up to `index_change` (figures rounded once, each)."""
    found = []
    for group in groups:
        p = group.precision
        rows = [
            {
                "agency": {"id": row.agency_id, "name": row.agency_name, "group": row.group},
                "old_index": number(row.old_index, p),
                "new_index": number(row.new_index, p),
                "index_change": number(row.index_change, p),
                "old_rank": row.old_rank,
                "new_rank": row.new_rank,
                "rank_change": row.rank_change,
                "reasons": [
                    {"old_code": r.old_code, "new_code": r.new_code, "index_points": number(r.index_points, p)}
                    for r in row.reasons
                ],
                "changes": [_share_json(share, p) for share in row.shares],
            }
            for row in group.rows
        ]
        found.append(
            {"criteria": group.criteria_id, "against": group.old_criteria_id, "group": group.group, "rows": rows}
        )
    return {"old": diff.old.id, "new": diff.new.id, "groups": found}


def reasons_text(reasons: tuple[Reason, ...], places: int, lang: str, shown: int = SHOWN) -> str:
    """`1.1.4 −0,50; 1.3.1 +0,33`: the criteria that moved an index most, in index points (renumbered ones
    under their new code; removed ones marked), each code held to its effect by a no-break space."""
    parts = []
    for reason in reasons[:shown]:
        code = reason.new_code or f"{reason.old_code} ({label('diff.removed', lang)})"
        parts.append(f"{code}\N{NO-BREAK SPACE}{signed(reason.index_points, places, lang)}")  # never parted
    more = len(reasons) - shown
    return "; ".join(parts) + (f"; … (+{more})" if more > 0 else "")


def _share_json(share: Share, places: int) -> dict[str, Any]:
    """One change's share: a criterion's (with the kinds of change the set made on it), the re-weighting (with
    both maxima and the criteria that moved it) or the clamp to 0–100."""
    found: dict[str, Any] = {"kind": share.kind}
    if share.kind == "criterion":
        found |= {"old_code": share.old_code, "new_code": share.new_code}
        found["changed"] = [change.kind for change in share.changes]
    elif share.kind == "reweighting":
        found |= {"old_max": number(share.old_max, places), "new_max": number(share.new_max, places)}
        found["moved_by"] = list(share.moved_by)
    return found | {"index_points": number(share.index_points, places)}


def share_text(share: Share, places: int, lang: str) -> str:
    """`1.3.1 tối đa 1,5 → 1, cách chấm −0,50`, `1.2.1 → 1.1.4 cách chấm −0,50`, `1.3.3 thêm −0,45`,
    `tổng tối đa 100 → 101 −0,89`: the criterion and what the set changed on it, then its effect; the code held to
    the first change, each change whole and the effect held to the last by no-break spaces."""
    keep = "\N{NO-BREAK SPACE}"
    effect = signed(share.index_points, places, lang)
    if share.kind == "reweighting":
        words = (label("impact.total_max", lang), plain(share.old_max, lang), "→", plain(share.new_max, lang))
        return f"{' '.join(words)}{keep}{effect}"
    if share.kind == "clamp":
        return f"{label('impact.clamp', lang)}{keep}{effect}"
    old_code, new_code = share.old_code, share.new_code
    code = new_code or old_code or ""
    if old_code is not None and new_code is not None and old_code != new_code:
        code = f"{old_code}{keep}→{keep}{new_code}"
    said = [_what(change, lang) for change in share.changes if change.kind not in ("moved", "renamed")]
    return keep.join(part for part in (code, ", ".join(said)) if part) + keep + effect


def _what(change: Change, lang: str) -> str:
    keep = "\N{NO-BREAK SPACE}"
    if change.kind == "max":  # held together: `tối đa 1,5 → 1`
        words = (label("impact.max", lang), plain(change.before, lang), "→", plain(change.after, lang))
        return keep.join(words).replace(" ", keep)
    return label(f"diff.{change.kind}", lang).replace(" ", keep)


def shares_text(shares: tuple[Share, ...], places: int, lang: str, shown: int = SHOWN) -> str:
    """The set's changes that moved an index most, largest first (`; … (+n)` for the rest)."""
    parts = [share_text(share, places, lang) for share in shares[:shown]]
    more = len(shares) - shown
    return "; ".join(parts) + (f"; … (+{more})" if more > 0 else "")


def _named(diff: CriteriaDiff, groups: list[ImpactGroup], lang: str) -> list[Any]:
    """The set's changes named in the tables, as `par criteria diff` words them (code, title, what changed), and
    what the re-weighting and the clamp are, when a table shows them."""
    shares = [share for group in groups for row in group.rows for share in row.shares]
    named = {(change.kind, change.old_code, change.new_code) for share in shares for change in share.changes}
    rows = [
        [change_kind(c, lang), c.old_code or "", c.new_code or "", c.title, change_detail(c, lang)]
        for c in (diff.changes if named else ())
        if (c.kind, c.old_code, c.new_code) in named
    ]
    blocks: list[Any] = []
    if rows:
        columns = [Column(label(key, lang), kind) for key, kind in NAMED_KINDS]
        blocks.append(Table(columns, rows, heading=label("impact.named", lang), spaced=True))
    if any(share.kind == "reweighting" for share in shares):
        moved_by = sorted({code for share in shares for code in share.moved_by}, key=shares_order(diff))
        blocks.append(Note(f"{label('impact.reweighting', lang)} {', '.join(moved_by) or '—'}."))
    if any(share.kind == "clamp" for share in shares):
        blocks.append(Note(label("impact.clamped", lang)))
    return blocks


def shares_order(diff: CriteriaDiff) -> Callable[[str], tuple[int, str]]:
    """Codes in the order the new set lists them (a removed one after)."""
    order = {code: n for n, (_, code) in enumerate(diff.matched)}
    return lambda code: (order.get(code, len(order)), code)
