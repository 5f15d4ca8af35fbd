"""`par criteria diff` as a report: one row per change between two criteria sets, then both sets' total maximum;
its JSON (the sets, the changes with their values as the files wrote them, the leaves matched)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from par_cli.views.report import Column, Kind, Note, Report, Table
from par_cli.words.explain import change_detail as detail_text
from par_cli.words.explain import change_kind as kind_text
from par_cli.words.explain import describe_rule
from par_cli.words.labels import label
from par_cli.words.languages import MACHINE
from par_cli.words.numbers import plain

if TYPE_CHECKING:
    from par_cli.core.criteria_diff import CriteriaDiff

KINDS = (
    ("diff.change", Kind.text),
    ("diff.old", Kind.code),
    ("diff.new", Kind.code),
    ("title", Kind.text),
    ("diff.detail", Kind.text),
)


def report(diff: CriteriaDiff, lang: str | None = None) -> Report:
    lang = lang or diff.new.language
    old, new = diff.old, diff.new
    total = f"{label('diff.total', lang)}: {plain(old.total_max, lang)} → {plain(new.total_max, lang)}"
    blocks: list[Any] = []
    if diff.changes:
        columns = [Column(label(key, lang), kind) for key, kind in KINDS]
        rows = [
            [kind_text(c, lang), c.old_code or "", c.new_code or "", c.title, detail_text(c, lang)]
            for c in diff.changes
        ]
        blocks.append(Table(columns, rows, spaced=True))
    else:
        blocks.append(Note(label("diff.none", lang), plain=True))
    blocks.append(Note(total, plain=True))
    # the sets by their titles (no id in a heading); by their ids only when the titles are the same
    title = f"{old.title} → {new.title}" if old.title != new.title else f"{old.id} → {new.id}"
    return Report(title, lang, blocks, _json(diff), [])


def _exact(value: Any) -> Any:
    """A maximum as the file wrote it (`2.5`, `3`); rules in English words; other values as they are."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else value.normalize()
    if value is not None and not isinstance(value, str):
        return describe_rule(value, MACHINE)
    return value


def _json(diff: CriteriaDiff) -> dict[str, Any]:
    sets = {
        side: {"id": c.id, "title": c.title, "total_max": _exact(c.total_max)}
        for side, c in (("old", diff.old), ("new", diff.new))
    }
    changes = [
        {
            "kind": c.kind,
            "old_code": c.old_code,
            "new_code": c.new_code,
            "title": c.title,
            "before": _exact(c.before),
            "after": _exact(c.after),
        }
        for c in diff.changes
    ]
    return {**sets, "changes": changes, "matched": [list(pair) for pair in diff.matched]}
