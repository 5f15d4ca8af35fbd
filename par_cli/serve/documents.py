"""Downloads of every document par writes for the folder (office and council): the annex (Word), the ranking as
a workbook and as CSV, the cut list, the gaps — written by the command line's own writers, as attachments."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from par_cli.core.diagnostics import Diagnostic, ParError, msg
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


def _as_page_says(d: Diagnostic, kind: str, office: bool) -> Diagnostic:
    """The refusal of a document over incomplete results (R011) as the page says it: the document asked for by
    its name on the page (not "the annex" for the ranking's workbook), and the page's way on — the office's
    "download anyway" link below (not the command line's `--allow-incomplete`), the council's asking the office."""
    if d.code != "R011":
        return d
    count = dict(d.message.args).get("count", 0)
    message = msg("serve.documents.incomplete", document=msg(LABELS[kind]), count=count)
    hint = msg("serve.documents.hint-anyway" if office else "serve.documents.hint-office")
    return d._replace(message=message, hint=hint)


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
        said = [_as_page_says(d, kind, user.role == "office") for d in exc.diagnostics]
        refused = records.worded(said, lang)
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
