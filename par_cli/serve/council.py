"""The council's pages: the agencies to appraise, and per agency the leaves the member's appraiser owns, the
agency's answer (its input, points, evidence texts and files, explanation) beside the appraisal (rounds,
reason), and the agency's cut list. A member saves only its appraiser's leaves, into its appraiser's file
(`tham-dinh-<appraiser>.yaml`), with a version check; the office reads every agency's page, and saves nothing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from par_cli.core.appraisal import COUNCIL
from par_cli.serve import folder_index, records
from par_cli.serve.appraise import CouncilAgency, council_agency, save_appraisal
from par_cli.serve.auth import Refused, folder_of, form_of, require, store_of
from par_cli.serve.pages import language_of, render, words_of
from par_cli.serve.records import VersionConflict

if TYPE_CHECKING:
    from starlette.requests import Request

    from par_cli.serve.records import AgencyRecord

SAID = {"saved": "serve.council.said-saved", "nothing": "serve.council.said-nothing"}


async def agencies_page(request: Request) -> Response:
    user = await require(request, "council", "office")
    lang = language_of(request)
    rows = await run_in_threadpool(folder_index.agencies, folder_of(request), lang)
    states = {agency_id.casefold(): state for agency_id, (state, _) in store_of(request).states().items()}
    listed = [(row, states.get(row.id.casefold(), "draft")) for row in rows]
    return render(request, "council_list.html", rows=listed, appraiser=_appraiser_name(user.appraiser, rows, lang))


def _appraiser_name(appraiser: str | None, rows: list[AgencyRecord], lang: str) -> str | None:
    """Who the member appraises for, as people name it: the council by its title, an appraiser that is one of
    the folder's agencies (`so-tu-phap`) by the agency's name, else its id as the criteria set names it."""
    if appraiser is None:
        return None
    if appraiser == COUNCIL:
        said: str = words_of(lang)("serve.council.the-council")
        return said
    return next((row.name for row in rows if row.id.casefold() == appraiser.casefold() and row.name), appraiser)


def _cuts(seen: CouncilAgency) -> list[Any]:
    """The agency's cut list: every leaf whose final points are not the self-assessed."""
    return [
        field
        for field in seen.form.fields
        if field.applicable and field.points is not None and field.points != field.self_points
    ]


async def agency_page(request: Request, status_code: int = 200, **extra: Any) -> Response:
    user = await require(request, "council", "office")
    agency_id = request.path_params["agency_id"]
    lang = language_of(request)
    appraiser = user.appraiser if user.role == "council" else None
    store, folder = store_of(request), folder_of(request)
    path = await run_in_threadpool(folder_index.file_of, folder, agency_id)
    if path is None:
        raise HTTPException(404)
    seen = await run_in_threadpool(council_agency, folder, path, appraiser, lang, store.round())
    if seen is None:  # the agency's file is there but cannot be read: said, not "no such page"
        said = {"file": path.name}
        return render(request, "error.html", 409, title="serve.error-title", reason="serve.council.broken", said=said)
    files: dict[str, list[Any]] = {}
    for kept in store.evidence(seen.form.agency.id):
        files.setdefault(kept.code, []).append(kept)
    told = request.query_params.get("said")
    state = store.state(seen.form.agency.id)
    return render(
        request,
        "council_agency.html",
        status_code,
        seen=seen,
        form=seen.form,
        files=files,
        cuts=_cuts(seen),
        state=state,
        round=store.round(),
        may_save=user.role == "council" and state != "draft" and any(leaf.editable for leaf in seen.leaves),
        **({"notice": SAID[told]} if told in SAID else {}),
        **extra,
    )


async def agency_save(request: Request) -> Response:
    user = await require(request, "council")
    form = await form_of(request)
    agency_id = request.path_params["agency_id"]
    folder = folder_of(request)
    path = await run_in_threadpool(folder_index.file_of, folder, agency_id)
    if path is None or user.appraiser is None:
        raise HTTPException(404)
    store = store_of(request)
    if store.state(_record_id(path, agency_id)) == "draft":
        raise Refused("serve.council.not-submitted")
    given = {key: value for key, value in form.multi_items() if isinstance(value, str)}
    version = given.pop("version", "")
    lang = language_of(request)
    try:
        saved = await run_in_threadpool(
            save_appraisal, folder, path, user.appraiser, version, given, store.round(), lang
        )
    except VersionConflict as conflict:
        return await agency_page(request, 409, problem=conflict.words(lang), typed=given)
    except records.Refused as refused:
        return await agency_page(request, 400, problem=refused.words(lang), problems=refused.problems, typed=given)
    for change in saved.changes:
        store.audit(user, "appraise", change.file, change.field, change.before, change.after)
    said = "saved" if saved.changes else "nothing"
    return RedirectResponse(f"/council/{agency_id}?said={said}", status_code=303)


def _record_id(path: Path, asked: str) -> str:
    """The agency's id as its file writes it (the state is kept under it), else as asked."""
    found = records.details(path, None)[0]
    return found if found.casefold() == asked.casefold() else asked


routes: list[BaseRoute] = [
    Route("/council", agencies_page),
    Route("/council/{agency_id}", agency_page, methods=["GET"]),
    Route("/council/{agency_id}", agency_save, methods=["POST"]),
]
