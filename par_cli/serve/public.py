"""The published ranking, for everyone (no account): the snapshot the office froze when it published (`par rank
FOLDER --format json`, as the store keeps it), never the folder's files as they are now. Until the office
publishes, the address says so in words (status 404: there is no ranking there yet), not "not found"."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from par_cli.serve.folder_rank import group_labels
from par_cli.serve.pages import language_of, render
from par_cli.serve.store import Store
from par_cli.words.numbers import figure

if TYPE_CHECKING:
    from starlette.requests import Request


def _figure(value: Any, places: int, lang: str) -> str:
    """A figure of the snapshot (a JSON number, already the ranking's decimals) the reader's way."""
    if value is None or isinstance(value, bool) or not isinstance(value, int | float | str):
        return "—"
    try:
        exact = Fraction(Decimal(str(value)))
    except ArithmeticError:
        return "—"
    return figure(exact, places, lang)


def groups_of(snapshot: str, lang: str, labels: dict[tuple[str, str], str] | None = None) -> list[dict[str, Any]]:
    """The snapshot's groups, each row's figures worded in `lang`; each group named as `par rank` heads it: its
    label (`labels`, by set and group id), its id only when its set is ranked in several groups, else nothing."""
    data = json.loads(snapshot)
    out = []
    found = data.get("groups", []) if isinstance(data, dict) else []
    sets = [str(group.get("criteria") or "") for group in found]
    for group in found:
        places = group.get("precision") if isinstance(group.get("precision"), int) else 2
        rows = []
        for row in group.get("rows", []):
            agency = row.get("agency") or {}
            rows.append(
                {
                    "rank": row.get("rank"),
                    "name": agency.get("name", agency.get("id", "")),
                    "points": _figure(row.get("points"), places, lang),
                    "max": _figure(row.get("max"), places, lang),
                    "index": _figure(row.get("index"), places, lang),
                    "grade": row.get("grade") or "",
                    "previous": row.get("previous_rank"),
                    "change": row.get("rank_change"),
                }
            )
        out.append(
            {
                "title": group.get("criteria_title", ""),
                "group": _group_name(group, labels or {}, sets.count(str(group.get("criteria") or "")) == 1, lang),
                "period": group.get("period") or "",
                "average": _percent(_figure(group.get("average"), places, lang)),
                "rows": rows,
            }
        )
    return out


def _percent(shown: str) -> str:
    """An index the way `par rank` sums a group up (`84,67%`); none stays a dash."""
    return shown if shown == "—" else f"{shown}%"


def _group_name(group: dict[str, Any], labels: dict[tuple[str, str], str], alone: bool, lang: str) -> str:
    """The group's label, or its id only when its set is ranked in several groups (`words.tables.group_name`)."""
    from par_cli.words.tables import group_name

    found = group.get("group")
    if not isinstance(found, str) or not found:
        return ""
    return group_name(found, labels.get((str(group.get("criteria") or ""), found)), alone, lang)


async def public_page(request: Request) -> Response:
    store: Store = request.app.state.store
    published = store.published()
    if published is None:
        return render(request, "public.html", 404, groups=[], published_at=None)
    snapshot, at = published
    data = json.loads(snapshot)
    named = [(str(g.get("criteria") or ""), str(g.get("group"))) for g in data.get("groups", []) if g.get("group")]
    labels = await run_in_threadpool(group_labels, request.app.state.folder, named)
    groups = groups_of(snapshot, language_of(request), labels)
    return render(request, "public.html", groups=groups, published_at=at)


routes: list[BaseRoute] = [Route("/public", public_page)]
