"""An agency's own pages: its form (saved with a version check), evidence per criterion, submitting.

An agency sees and changes only `user.agency_id`'s file, only while the window is open and its state is draft.
The form and its saving are `serve.form_model` and `serve.saving` (a lock per file around read, check, write; a
save whose version is not the file's now is refused with 409, never written over another's; a value that cannot
be read, or a file `par check` would refuse, is refused with the problems at their fields, nothing written)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from par_cli.core.appraisal import COUNCIL, owner
from par_cli.serve import folder_index as held
from par_cli.serve import uploads
from par_cli.serve.auth import CSRF, Refused, User, folder_of, form_of, require, store_of
from par_cli.serve.evidence_lines import file_evidence
from par_cli.serve.pages import language_of, render
from par_cli.serve.pending import CONFIRM, confirmed, pending_of
from par_cli.serve.records import Refused as NotSaved
from par_cli.serve.records import VersionConflict, file_version, relative_name
from par_cli.services.workspace import Workspace

if TYPE_CHECKING:
    from starlette.requests import Request

SAID = {"saved", "nothing", "submitted", "uploaded", "removed"}


async def _own_file(request: Request, user: User) -> Path:
    if user.agency_id is None:
        raise Refused("serve.refused-role")
    found = await run_in_threadpool(held.file_of, folder_of(request), user.agency_id)
    if found is None:
        raise HTTPException(404)
    return found


def _editable(request: Request, user: User) -> bool:
    store = store_of(request)
    return store.window_open() and user.agency_id is not None and store.state(user.agency_id) == "draft"


async def page(request: Request, status_code: int = 200, **extra: Any) -> Response:
    """The agency's form: its figures and problems now; `extra` (a refusal, what was typed) shown with it."""
    user = await require(request, "agency")
    path = await _own_file(request, user)
    lang = language_of(request)
    folder = folder_of(request)
    form = await run_in_threadpool(held.form, folder, path, lang)
    record = form.agency if form is not None else await run_in_threadpool(held.record, folder, path, lang)
    store = store_of(request)
    files: dict[str, list[Any]] = {}
    for kept in store.evidence(user.agency_id or ""):
        files.setdefault(kept.code, []).append(kept)
    told = request.query_params.get("said")
    editable = _editable(request, user) and record.editable and form is not None
    codes = {field.code for field in form.fields} if form is not None else set()
    cleared = [code for code in request.query_params.get("cleared", "").split(",") if code in codes]
    return render(
        request,
        "agency.html",
        status_code,
        form=form,
        record=record,
        files=files,
        editable=editable,
        state=store.state(user.agency_id or ""),
        window=store.window_open(),
        upload_max=uploads.MAX_SIZE // (1024 * 1024),
        cleared=", ".join(cleared),
        pending=pending_of(form, record),
        **({"notice": f"serve.said-{told}"} if told in SAID else {}),
        **extra,
    )


async def form_page(request: Request) -> Response:
    return await page(request)


async def save(request: Request) -> Response:
    user = await require(request, "agency")
    submitted = await form_of(request)
    path = await _own_file(request, user)
    if not _editable(request, user):
        raise Refused("serve.refused-closed")
    given = {
        key: value for key, value in submitted.multi_items() if isinstance(value, str) and key not in (CSRF, "version")
    }
    version = submitted.get("version")
    lang = language_of(request)
    folder = folder_of(request)
    try:
        saved = await run_in_threadpool(
            held.save, folder, path, version if isinstance(version, str) else "", given, lang
        )
    except VersionConflict:  # said once, what was typed kept (as a value refused): the page is the file's now
        return await page(request, 409, problem="serve.conflict-save", typed=given)
    except NotSaved as refused:
        return await page(request, 400, refusal=refused.words(lang), refused=refused.problems, typed=given)
    for change in saved.changes:
        store_of(request).audit(user, "save", change.file, change.field, change.before, change.after)
    fields = [(*c.field.rsplit(".", 1), c.after) for c in saved.changes]  # (answers.CODE, field name, after)
    na = {answer for answer, name, after in fields if name == "na" and after == "true"}
    blanked = [
        answer for answer, name, after in fields if name == "self" and after in ("", "null") and answer not in na
    ]
    cleared = [answer.removeprefix("answers.") for answer in blanked]  # a value blanked, not made N/A
    told = f"said=saved&cleared={','.join(cleared)}" if cleared else f"said={'saved' if saved.changes else 'nothing'}"
    return RedirectResponse(f"/agency?{told}", status_code=303)


def _keep(home: Path, user: User, code: str, upload: Any, data: bytes) -> tuple[str, uploads.Accepted]:
    accepted = uploads.accepted(str(upload.filename or ""), data)
    target, stored = uploads.place(home, user.agency_id or "", code, accepted.kind)
    from par_cli.io.output import write

    write(target, data)
    return stored, accepted


async def evidence_upload(request: Request) -> Response:
    user = await require(request, "agency")
    submitted = await form_of(request)
    try:
        path = await _own_file(request, user)
        if not _editable(request, user):
            raise Refused("serve.refused-closed")
        code, upload = submitted.get("code"), submitted.get("file")
        folder, lang = folder_of(request), language_of(request)
        form = await run_in_threadpool(held.form, folder, path, lang)
        codes = {field.code for field in form.fields} if form is not None else set()
        if not isinstance(code, str) or code not in codes:
            raise uploads.Refused("serve.upload-code")
        if not isinstance(upload, UploadFile):
            raise uploads.Refused("serve.upload-empty")
        data = await upload.read(uploads.MAX_SIZE + 1)
        stored, accepted = await run_in_threadpool(_keep, store_of(request).home, user, code, upload, data)
    except uploads.Refused as refused:
        return await page(request, 400, problem=refused.reason)
    finally:
        await submitted.close()
    store = store_of(request)
    store.add_evidence(user.agency_id or "", code, stored, accepted.name, len(data), user.login)
    try:  # the answer's `evidence:` names the file, so that `par check` reads that it has its evidence
        named = await run_in_threadpool(file_evidence, folder, path, code, accepted.name, lang, add=True)
        changes = named.changes
    except NotSaved:
        changes = ()  # kept as uploaded; the file's own problems are on its page
    for change in changes:
        store.audit(user, "evidence", change.file, change.field, change.before, change.after)
    if not changes:
        store.audit(user, "evidence", relative_name(folder, path), f"answers.{code}.evidence", "", accepted.name)
    return RedirectResponse("/agency?said=uploaded", status_code=303)


async def evidence_remove(request: Request) -> Response:
    """An upload taken off the agency's answer: no longer listed, and its line gone from the answer's evidence
    when no other upload of that name is left there."""
    user = await require(request, "agency")
    await form_of(request)
    path = await _own_file(request, user)
    if not _editable(request, user):
        raise Refused("serve.refused-closed")
    store = store_of(request)
    asked = uploads.row_id(request.path_params["file_id"])
    kept = store.evidence_file(asked) if asked is not None else None
    if kept is None or kept.agency_id != user.agency_id:
        raise HTTPException(404)
    store.remove_evidence(kept.id)
    folder, lang = folder_of(request), language_of(request)
    changes: tuple[Any, ...] = ()
    if not any(e.code == kept.code and e.name == kept.name for e in store.evidence(kept.agency_id)):
        try:
            named = await run_in_threadpool(file_evidence, folder, path, kept.code, kept.name, lang, add=False)
            changes = named.changes
        except NotSaved:
            changes = ()  # taken off the list; the file's own problems are on its page
    for change in changes:
        store.audit(user, "evidence-removed", change.file, change.field, change.before, change.after)
    if not changes:
        where = f"answers.{kept.code}.evidence"
        store.audit(user, "evidence-removed", relative_name(folder, path), where, kept.name, "")
    return RedirectResponse("/agency?said=removed", status_code=303)


async def evidence_download(request: Request) -> Response:
    """An evidence file, as an attachment: its agency's own, the office's, and a council member's to read for the
    leaves its appraiser owns (`core.appraisal.owner`, unassigned ones the council's)."""
    user = await require(request)
    asked = uploads.row_id(request.path_params["file_id"])
    kept = store_of(request).evidence_file(asked) if asked is not None else None
    if kept is None or (user.role == "agency" and kept.agency_id != user.agency_id):
        raise HTTPException(404)  # another agency's file is not there for this one
    if user.role == "council":
        owned_by = await run_in_threadpool(_owner_of, folder_of(request), kept.agency_id, kept.code)
        if owned_by != (user.appraiser or COUNCIL):
            raise HTTPException(404)  # another appraiser's leaf: not there for this member
    target = store_of(request).home / uploads.EVIDENCE / kept.agency_id / kept.code / kept.stored
    if not target.is_file():
        raise HTTPException(404)
    from starlette.responses import FileResponse

    return FileResponse(
        target,
        media_type=uploads.content_type(kept.stored),
        headers={"content-disposition": uploads.disposition(kept.name), "content-security-policy": "sandbox"},
    )


def _owner_of(folder: Path, agency_id: str, code: str) -> str | None:
    """The appraiser who owns leaf `code` of the agency's criteria (None: no such agency or file)."""
    path = held.file_of(folder, agency_id)
    if path is None:
        return None
    bound, _ = Workspace().inspect_assessment(path)
    return None if bound is None else owner(code, bound.nodes) or COUNCIL


async def submit(request: Request) -> Response:
    user = await require(request, "agency")
    given = await form_of(request)
    path = await _own_file(request, user)
    if not _editable(request, user):
        raise Refused("serve.refused-closed")
    lang, folder = language_of(request), folder_of(request)
    form = await run_in_threadpool(held.form, folder, path, lang)
    record = form.agency if form is not None else await run_in_threadpool(held.record, folder, path, lang)
    if not confirmed(given.get(CONFIRM), pending_of(form, record)):  # what is left undone, said and confirmed
        return await page(request, 400, problem="serve.refused-unconfirmed")
    store = store_of(request)
    before = file_version(path)
    store.set_state(user.agency_id or "", "submitted")
    store.audit(user, "submit", relative_name(folder, path), "state", "draft", f"submitted {before}")
    return RedirectResponse("/agency?said=submitted", status_code=303)


routes: list[BaseRoute] = [
    Route("/agency", form_page),
    Route("/agency/save", save, methods=["POST"]),
    Route("/agency/evidence", evidence_upload, methods=["POST"]),
    Route("/agency/evidence/{file_id:int}", evidence_download),
    Route("/agency/evidence/{file_id:int}/remove", evidence_remove, methods=["POST"]),
    Route("/agency/submit", submit, methods=["POST"]),
]
