"""The office's pages: the status board, invitations, the window, lock and unlock, publishing, the audit log."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from par_cli.core.diagnostics import ParError
from par_cli.serve import bulk_invite
from par_cli.serve import folder_index as held
from par_cli.serve.auth import Refused, form_of, invitation_expiry, new_token, require, store_of
from par_cli.serve.folder_rank import published_changes, ranking
from par_cli.serve.pages import language_of, render, words_of
from par_cli.serve.pending import CONFIRM
from par_cli.serve.results import PREVIOUS, previous_of
from par_cli.serve.store import Invitation, State
from par_cli.words.languages import MACHINE

if TYPE_CHECKING:
    from starlette.requests import Request

ACCOUNT_SAID = {
    "revoked": "serve.said-revoked",
    "disabled": "serve.said-disabled",
    "enabled": "serve.said-enabled",
}
ROUND_SAID = {"round-1": "serve.said-round-1", "round-2": "serve.said-round-2"}
LOGIN = bulk_invite.LOGIN  # an account's login, and an appraiser's id


async def board(request: Request) -> Response:
    await require(request, "office")
    store = store_of(request)
    rows = await run_in_threadpool(held.agencies, request.app.state.folder, language_of(request))
    states, changed = store.states(), store.last_change()
    shown = []
    for row in rows:
        state, at = states.get(row.id, ("draft", 0.0))
        shown.append((row, state, max(changed.get(row.file, 0.0), at, row.changed)))
    published = store.published()
    differs: tuple[str, ...] = ()
    if published is not None:  # the public page is a frozen snapshot: say when the folder gives other figures now
        folder, lang = request.app.state.folder, language_of(request)
        differs = await run_in_threadpool(published_changes, folder, published[0], lang)
    return render(
        request,
        "board.html",
        rows=shown,
        window=store.window_open(),
        round=store.round(),
        published=published[1] if published else None,
        differs=differs,
        notice=_notice(request),
    )


def _notice(request: Request) -> str | None:
    said = request.query_params.get("said")
    if said in ROUND_SAID:
        return ROUND_SAID[said]
    known = {"opened", "closed", "locked", "unlocked", "published", "not-published", "invited"}
    return f"serve.said-{said}" if said in known else None


async def _context(request: Request) -> dict[str, Any]:
    store = store_of(request)
    rows = await run_in_threadpool(held.agencies, request.app.state.folder, language_of(request))
    return {
        "agencies": [(row.id, row.name) for row in rows],
        "pending": store.pending(),
        "users": store.users(),
        "disabled": store.disabled(),
    }


async def invite_page(request: Request, status_code: int = 200, **extra: Any) -> Response:
    """The invitations page; `extra`: a refusal of a list of agencies, with what was typed."""
    await require(request, "office")
    notice = ACCOUNT_SAID.get(request.query_params.get("said", ""))
    return render(request, "office_invite.html", status_code, notice=notice, **(await _context(request)), **extra)


async def invitations(request: Request) -> Response:
    user = await require(request, "office")
    if request.method == "GET":
        return await invite_page(request)
    store = store_of(request)
    context = await _context(request)
    agencies = context["agencies"]
    form = await form_of(request)
    role, login = str(form.get("role", "")), str(form.get("login", "")).strip().lower()
    name = str(form.get("name", "")).strip()
    agency_id = str(form.get("agency", "")).strip() or None
    appraiser = str(form.get("appraiser", "")).strip() or None
    problem = None
    if role not in ("agency", "council", "office"):
        problem = "serve.invite-role"
    elif not LOGIN.fullmatch(login):
        problem = "serve.invite-login"
    elif not name or len(name) > 200:
        problem = "serve.invite-name"
    elif role == "agency" and agency_id not in dict(agencies):
        problem = "serve.invite-agency"
    elif role == "council" and (appraiser is None or not LOGIN.fullmatch(appraiser)):
        problem = "serve.invite-appraiser"
    elif (found := store.user_by_login(login)) is not None and (found.role, found.agency_id) != (role, agency_id):
        problem = "serve.invite-taken"
    if problem is not None:
        return render(request, "office_invite.html", 400, problem=problem, **context)
    token = new_token()
    invitation = Invitation(
        login,
        role,  # type: ignore[arg-type]  # checked above
        agency_id if role == "agency" else None,
        appraiser if role == "council" else None,
        name,
        invitation_expiry(),
        None,
    )
    store.revoke(login)  # one link at a time per login: the newest
    store.invite(token, invitation, user.login)
    store.audit(user, "invite", field=login, after=f"{role} {agency_id or appraiser or ''}".strip())
    link = invitation_link(request, token)
    context.update(pending=store.pending(), users=store.users())
    return render(request, "office_invite.html", link=link, invited=invitation, **context)


async def bulk(request: Request) -> Response:
    """Invitations for a list of agencies (pasted ids or the agencies' CSV list): one link each, as a CSV file."""
    from starlette.datastructures import UploadFile

    user = await require(request, "office")
    form = await form_of(request)
    text, upload = str(form.get("ids", "")), form.get("list")
    if isinstance(upload, UploadFile) and upload.filename:
        text += "\n" + (await upload.read(bulk_invite.MAX_LIST + 1)).decode("utf-8-sig", errors="replace")
    await form.close()  # an upload's spooled file
    lang = language_of(request)
    rows = await run_in_threadpool(held.agencies, request.app.state.folder, lang)
    records = {row.id.casefold(): row for row in rows}
    ids = bulk_invite.listed_ids(text[: bulk_invite.MAX_LIST])
    refused = bulk_invite.refusal(ids, records, words_of(lang))
    if refused is not None:
        return await invite_page(request, 400, bulk_problem=refused, bulk_typed=text[: bulk_invite.MAX_LIST])
    made = bulk_invite.invite_all(
        store_of(request),
        user,
        [records[i.casefold()] for i in ids],
        lambda token: invitation_link(request, token),
        words_of(lang),
    )
    disposition = {"Content-Disposition": 'attachment; filename="loi-moi.csv"', "X-Content-Type-Options": "nosniff"}
    return Response(made, media_type="text/csv; charset=utf-8", headers=disposition)


async def account_action(request: Request) -> Response:
    """For one login: a new invitation link (the old ones revoked: a link is shown once, a new one made when it
    is lost; for an account, its password set anew), revoking its links, disabling or enabling the account."""
    user = await require(request, "office")
    login, action = request.path_params["login"], request.path_params["action"]
    if action not in ("link", "revoke", "disable", "enable"):
        raise HTTPException(404)
    await form_of(request)
    store = store_of(request)
    account = store.user_by_login(login)
    waiting = [row for row in store.pending() if row.login == login]
    if account is None and not waiting:
        raise HTTPException(404)
    if action in ("disable", "enable") and (account is None or account.login == user.login):
        raise Refused("serve.refused-own-account")  # the office never locks itself out
    said = {"revoke": "revoked", "disable": "disabled", "enable": "enabled"}.get(action, "")
    if action == "revoke":
        store.revoke(login)
        store.audit(user, "revoke", field=login)
    elif action == "disable":
        store.disable(login, user.login)
        store.audit(user, "disable", field=login, before="enabled", after="disabled")
    elif action == "enable":
        store.enable(login)
        store.audit(user, "enable", field=login, before="disabled", after="enabled")
    else:
        was = waiting[-1] if waiting else account
        assert was is not None
        invitation = Invitation(login, was.role, was.agency_id, was.appraiser, was.name, invitation_expiry(), None)
        store.revoke(login)
        token = new_token()
        store.invite(token, invitation, user.login)
        store.audit(user, "show-invitation", field=login, after=f"{was.role} {was.agency_id or was.appraiser or ''}")
        rows = await run_in_threadpool(held.agencies, request.app.state.folder, language_of(request))
        return render(
            request,
            "office_invite.html",
            link=invitation_link(request, token),
            invited=invitation,
            agencies=[(row.id, row.name) for row in rows],
            pending=store.pending(),
            users=store.users(),
            disabled=store.disabled(),
        )
    return RedirectResponse(f"/office/invite?said={said}", status_code=303)


def invitation_link(request: Request, token: str) -> str:
    """`par serve`'s own address (never a request's Host header) and the invitation's token."""
    start: str = request.app.state.address
    return f"{start.rstrip('/')}/invite/{token}"


async def window(request: Request) -> Response:
    user = await require(request, "office")
    form = await form_of(request)
    store = store_of(request)
    action = form.get("action")
    if action not in ("open", "close"):
        raise HTTPException(400)
    before = "open" if store.window_open() else "closed"
    after = "open" if action == "open" else "closed"
    store.set_setting("window", after)
    store.audit(user, "window", field="window", before=before, after=after)
    return RedirectResponse(f"/office?said={'opened' if after == 'open' else 'closed'}", status_code=303)


async def appraisal_round(request: Request) -> Response:
    """The council's round of appraisal (1, 2): its own button, the window left as it is."""
    user = await require(request, "office")
    form = await form_of(request)
    store = store_of(request)
    asked = form.get("round")
    if asked not in ("1", "2"):
        raise HTTPException(400)
    if int(asked) != store.round():
        store.audit(user, "round", field="round", before=str(store.round()), after=str(asked))
        store.set_setting("round", str(asked))
    return RedirectResponse(f"/office?said=round-{asked}", status_code=303)


async def lock(request: Request) -> Response:
    user = await require(request, "office")
    agency_id, action = request.path_params["agency_id"], request.path_params["action"]
    if action not in ("lock", "unlock"):
        raise HTTPException(404)
    await form_of(request)
    store = store_of(request)
    if await run_in_threadpool(held.file_of, request.app.state.folder, agency_id) is None:
        raise HTTPException(404)
    before = store.state(agency_id)
    after: State = "locked" if action == "lock" else "draft"
    store.set_state(agency_id, after)
    store.audit(user, action, field=agency_id, before=before, after=after)
    return RedirectResponse(f"/office?said={action}ed", status_code=303)


async def publish(request: Request) -> Response:
    user = await require(request, "office")
    given = await form_of(request)
    store = store_of(request)
    folder = request.app.state.folder
    previous = previous_of(folder, store.setting(PREVIOUS, ""))
    try:  # as the ranking page shows it, and `par rank FOLDER [--previous P] --format json` prints it
        ranked = await run_in_threadpool(ranking, folder, MACHINE, previous)
    except ParError:
        return RedirectResponse("/office?said=not-published", status_code=303)
    if ranked.incomplete and given.get(CONFIRM) != str(ranked.incomplete):  # answers or survey results missing
        said = await run_in_threadpool(ranking, folder, language_of(request), previous)
        warnings = [found for found in said.warnings if found.code == "R010"]
        return render(request, "office_publish.html", count=ranked.incomplete, warnings=warnings)
    snapshot = json.dumps(ranked.records, ensure_ascii=False, indent=2)
    store.publish(snapshot, user.login)
    ranked_count = sum(len(group.get("rows", [])) for group in ranked.records.get("groups", []))
    store.audit(user, "publish", field="ranking", after=str(ranked_count))  # "Công bố xếp hạng: N cơ quan"
    return RedirectResponse("/office?said=published", status_code=303)


routes: list[BaseRoute] = [
    Route("/office", board),
    Route("/office/invite", invitations, methods=["GET", "POST"]),
    Route("/office/invite/bulk", bulk, methods=["POST"]),
    Route("/office/account/{login}/{action}", account_action, methods=["POST"]),
    Route("/office/window", window, methods=["POST"]),
    Route("/office/round", appraisal_round, methods=["POST"]),
    Route("/office/agency/{agency_id}/{action:str}", lock, methods=["POST"]),
    Route("/office/publish", publish, methods=["POST"]),
]
