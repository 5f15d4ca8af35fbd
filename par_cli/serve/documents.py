"""Downloads of every document par writes for the folder (office and council): the annex (Word), the ranking as
a workbook and as CSV, the cut list, the gaps — written by the command line's own writers, as attachments."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from par_cli.core.diagnostics import ParError
from par_cli.serve import records
from par_cli.serve.auth import folder_of, require
from par_cli.serve.folder_rank import DOCUMENTS, Missing, document
from par_cli.serve.pages import language_of, render
from par_cli.serve.results import PREVIOUS, previous_of
from par_cli.serve.store import Store

if TYPE_CHECKING:
    from starlette.requests import Request


LABELS = {  # each document's name on the page
    "annex": "serve.council.document-annex",
    "ranking-xlsx": "serve.council.document-ranking-xlsx",
    "ranking-csv": "serve.council.document-ranking-csv",
    "cuts-xlsx": "serve.council.document-cuts-xlsx",
    "cuts-csv": "serve.council.document-cuts-csv",
    "gaps-xlsx": "serve.council.document-gaps-xlsx",
    "gaps-docx": "serve.council.document-gaps-docx",
}


def _listed() -> list[tuple[str, str, str]]:
    return [(kind, name, LABELS[kind]) for kind, (_, _, name) in DOCUMENTS.items()]


async def documents_page(request: Request) -> Response:
    await require(request, "office", "council")
    return render(request, "documents.html", documents=_listed())


async def download(request: Request) -> Response:
    user = await require(request, "office", "council")
    kind = request.path_params["kind"]
    if kind not in DOCUMENTS:
        raise HTTPException(404)
    lang = language_of(request)
    store: Store = request.app.state.store
    previous = previous_of(folder_of(request), store.setting(PREVIOUS, ""))
    anyway = user.role == "office" and request.query_params.get("incomplete") == "1"
    try:
        made = await run_in_threadpool(document, folder_of(request), kind, lang, previous, anyway)
    except Missing:
        raise HTTPException(404) from None
    except ParError as exc:
        refused = records.worded(exc.diagnostics, lang)
        return render(request, "documents.html", 409, documents=_listed(), refused=refused, kind=kind)
    ascii_name = made.name.encode("ascii", "ignore").decode() or "par"
    return Response(
        made.content,
        media_type=made.media_type,
        headers={
            "content-disposition": f'attachment; filename="{ascii_name}"',
            "content-security-policy": "sandbox",
        },
    )


routes: list[BaseRoute] = [
    Route("/documents", documents_page),
    Route("/documents/{kind}", download),
]
