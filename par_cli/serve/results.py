"""The ranking page (office and council: the folder ranked as `par rank FOLDER` ranks it, with the previous
period the office names) and the explain page per agency (office, council, and an agency for its own only)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from par_cli.core.diagnostics import ParError
from par_cli.serve import records
from par_cli.serve.auth import folder_of, form_of, require, store_of
from par_cli.serve.folder_rank import DOCUMENTS, Missing, explain, ranking
from par_cli.serve.pages import language_of, render
from par_cli.serve.report_page import shown

if TYPE_CHECKING:
    from starlette.requests import Request

PREVIOUS = "previous"  # the store's setting: last period's folder or ranking file, relative to the folder's parent


def previous_of(folder: Path, named: str) -> Path | None:
    """Last period's folder or ranking file the office named (relative to the year's folder's parent: `nam-2023`,
    `phu-luc-2023.docx`); None when none is named, or the name leaves that parent, or names nothing there."""
    if not named:
        return None
    home = folder.parent.resolve()
    found = (home / named).resolve()
    if found == folder.resolve() or not found.is_relative_to(home) or not found.exists():
        return None
    return found


async def ranking_page(request: Request, status_code: int = 200, **extra: object) -> Response:
    await require(request, "office", "council")
    folder = folder_of(request)
    lang = language_of(request)
    named = store_of(request).setting(PREVIOUS, "")
    previous = previous_of(folder, named)
    try:
        ranked = await run_in_threadpool(ranking, folder, lang, previous)
    except ParError as exc:  # placed by the file's name in the folder, never the server's own path
        refused = records.worded([records.in_folder(folder, d) for d in exc.diagnostics], lang)
        return render(
            request, "ranking.html", status_code, parts=[], warnings=(), refused=refused, named=named, **extra
        )
    return render(
        request,
        "ranking.html",
        status_code,
        parts=shown(ranked.report),
        warnings=ranked.warnings,
        refused=(),
        named=named,
        previous=ranked.previous,
        documents=list(DOCUMENTS),
        **extra,
    )


async def set_previous(request: Request) -> Response:
    user = await require(request, "office")
    form = await form_of(request)
    named = str(form.get(PREVIOUS, "")).strip().replace("\\", "/")
    store = store_of(request)
    if named and previous_of(folder_of(request), named) is None:
        return await ranking_page(request, 400, problem="serve.council.previous-unknown", asked=named)
    before = store.setting(PREVIOUS, "")
    store.set_setting(PREVIOUS, named)
    store.audit(user, "previous", field=PREVIOUS, before=before, after=named)
    return RedirectResponse("/ranking", status_code=303)


async def explain_page(request: Request) -> Response:
    user = await require(request)
    agency_id = request.path_params["agency_id"]
    if user.role == "agency" and (user.agency_id or "").casefold() != agency_id.casefold():
        raise HTTPException(404)  # another agency's figures are not there for this one
    lang = language_of(request)
    folder = folder_of(request)
    try:
        report = await run_in_threadpool(explain, folder, agency_id, lang)
    except Missing:
        raise HTTPException(404) from None
    except ParError as exc:  # placed by the file's name in the folder, never the server's own path
        refused = records.worded([records.in_folder(folder, d) for d in exc.diagnostics], lang)
        return render(request, "explain.html", parts=[], refused=refused, agency_id=agency_id)
    return render(request, "explain.html", parts=shown(report), refused=(), agency_id=agency_id)


routes: list[BaseRoute] = [
    Route("/ranking", ranking_page),
    Route("/ranking/previous", set_previous, methods=["POST"]),
    Route("/explain/{agency_id}", explain_page),
]
