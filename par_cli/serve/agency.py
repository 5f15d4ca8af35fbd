"""An agency's own pages: its form (saved with a version check), evidence per criterion, submitting.

An agency sees and changes only `user.agency_id`'s file, only while the window is open and its state is draft.
Saves of one file are serialized (a lock per file around read, check, write); a save whose version is not the
file's now is refused (409), never written over another's."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from par_cli.serve import agency_files, uploads
from par_cli.serve import folder as records
from par_cli.serve.auth import Refused, User, form_of, require
from par_cli.serve.pages import language_of, render
from par_cli.serve.store import Store
from par_cli.words.catalogue import line

if TYPE_CHECKING:
    from starlette.requests import Request

_LOCKS: dict[Path, threading.Lock] = {}
_LOCKS_LOCK = threading.Lock()
SAID = {"saved", "nothing", "submitted", "uploaded"}


def file_lock(path: Path) -> threading.Lock:
    """The one lock of a file: held around every read-check-write of it."""
    with _LOCKS_LOCK:
        return _LOCKS.setdefault(path.resolve(), threading.Lock())


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


async def _own_file(request: Request, user: User) -> Path:
    if user.agency_id is None:
        raise Refused("serve.refused-role")
    found = await run_in_threadpool(records.agency_file, request.app.state.folder, user.agency_id)
    if found is None:
        raise HTTPException(404)
    return found


def _editable(request: Request, user: User) -> bool:
    store = _store(request)
    return store.window_open() and user.agency_id is not None and store.state(user.agency_id) == "draft"


def _page_data(path: Path, lang: str) -> tuple[Any, list[Any], str]:
    return records.agency(path), agency_files.form(path, lang), records.version(path)


async def page(request: Request, status_code: int = 200, **extra: Any) -> Response:
    user = await require(request, "agency")
    path = await _own_file(request, user)
    lang = language_of(request)
    row, leaves, version = await run_in_threadpool(_page_data, path, lang)
    at_code: dict[str, list[str]] = {}
    general: list[str] = []
    for diagnostic in row.problems:
        said = line(diagnostic, lang)
        where = diagnostic.path
        if len(where) >= 2 and where[0] == "answers":
            at_code.setdefault(str(where[1]), []).append(said)
        else:
            general.append(said)
    evidence: dict[str, list[Any]] = {}
    for kept in _store(request).evidence(user.agency_id or ""):
        evidence.setdefault(kept.code, []).append(kept)
    told = request.query_params.get("said")
    store = _store(request)
    return render(
        request,
        "agency.html",
        status_code,
        row=row,
        leaves=leaves,
        version=version,
        problems_at=at_code,
        problems=general,
        evidence=evidence,
        editable=_editable(request, user),
        state=store.state(user.agency_id or ""),
        window=store.window_open(),
        file=str(path.relative_to(request.app.state.folder)),
        upload_max=uploads.MAX_SIZE // (1024 * 1024),
        **({"notice": f"serve.said-{told}"} if told in SAID else {}),
        **extra,
    )


async def form_page(request: Request) -> Response:
    return await page(request)


def _save(path: Path, given: str, values: dict[str, str], lang: str) -> list[tuple[str, str, str]] | None:
    with file_lock(path):
        if records.version(path) != given:
            return None
        return agency_files.write_answers(path, values, lang)


async def save(request: Request) -> Response:
    user = await require(request, "agency")
    form = await form_of(request)
    path = await _own_file(request, user)
    if not _editable(request, user):
        raise Refused("serve.refused-closed")
    values = {
        key.removeprefix("self:"): value
        for key, value in form.multi_items()
        if key.startswith("self:") and isinstance(value, str)
    }
    given = form.get("version")
    lang = language_of(request)
    changes = await run_in_threadpool(_save, path, given if isinstance(given, str) else "", values, lang)
    if changes is None:
        return await page(request, 409, problem="serve.conflict-save")
    file = str(path.relative_to(request.app.state.folder))
    for field, before, after in changes:
        _store(request).audit(user, "save", file, field, before, after)
    return RedirectResponse(f"/agency?said={'saved' if changes else 'nothing'}", status_code=303)


def _keep(home: Path, user: User, code: str, upload: Any, data: bytes) -> tuple[str, uploads.Accepted]:
    accepted = uploads.accepted(str(upload.filename or ""), data)
    target, stored = uploads.place(home, user.agency_id or "", code, accepted.kind)
    from par_cli.io.output import write

    write(target, data)
    return stored, accepted


async def evidence_upload(request: Request) -> Response:
    user = await require(request, "agency")
    form = await form_of(request)
    path = await _own_file(request, user)
    if not _editable(request, user):
        await form.close()
        raise Refused("serve.refused-closed")
    code, upload = form.get("code"), form.get("file")
    lang = language_of(request)
    leaves = {leaf.code for leaf in await run_in_threadpool(agency_files.form, path, lang) if leaf.leaf}
    try:
        if not isinstance(code, str) or code not in leaves:
            raise uploads.Refused("serve.upload-code")
        if not isinstance(upload, UploadFile):
            raise uploads.Refused("serve.upload-empty")
        data = await upload.read(uploads.MAX_SIZE + 1)
        home = _store(request).home
        stored, accepted = await run_in_threadpool(_keep, home, user, code, upload, data)
    except uploads.Refused as refused:
        await form.close()
        return await page(request, 400, problem=refused.reason)
    await form.close()
    store = _store(request)
    store.add_evidence(user.agency_id or "", code, stored, accepted.name, len(data), user.login)
    file = str(path.relative_to(request.app.state.folder))
    store.audit(user, "evidence", file, f"answers.{code}.evidence", "", accepted.name)
    return RedirectResponse("/agency?said=uploaded", status_code=303)


async def evidence_download(request: Request) -> Response:
    user = await require(request)
    kept = _store(request).evidence_file(request.path_params["file_id"])
    if kept is None or (user.role == "agency" and kept.agency_id != user.agency_id):
        raise HTTPException(404)  # another agency's file is not there for this one
    target = _store(request).home / uploads.EVIDENCE / kept.agency_id / kept.code / kept.stored
    if not target.is_file():
        raise HTTPException(404)
    from starlette.responses import FileResponse

    return FileResponse(
        target,
        media_type=uploads.content_type(kept.stored),
        headers={"content-disposition": uploads.disposition(kept.name), "content-security-policy": "sandbox"},
    )


async def submit(request: Request) -> Response:
    user = await require(request, "agency")
    await form_of(request)
    path = await _own_file(request, user)
    if not _editable(request, user):
        raise Refused("serve.refused-closed")
    store = _store(request)
    store.set_state(user.agency_id or "", "submitted")
    store.audit(user, "submit", str(path.relative_to(request.app.state.folder)), "state", "draft", "submitted")
    return RedirectResponse("/agency?said=submitted", status_code=303)


routes: list[BaseRoute] = [
    Route("/agency", form_page),
    Route("/agency/save", save, methods=["POST"]),
    Route("/agency/evidence", evidence_upload, methods=["POST"]),
    Route("/agency/evidence/{file_id:int}", evidence_download),
    Route("/agency/submit", submit, methods=["POST"]),
]
