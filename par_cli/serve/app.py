"""The application: routes of each page module, security headers on every response, errors as pages.

`create_app(folder)` for tests and callers; `served()` is what `par serve` has uvicorn load by name (the command
line never imports this package: its start-up and layers stay as they are), its options in the environment.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from par_cli.serve import account, agency, audit_page, council, documents, office, public, results, uploads
from par_cli.serve.auth import Refused, SignIn, TooLarge, user_of
from par_cli.serve.pages import render
from par_cli.serve.store import Store

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none';"
        b" base-uri 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),  # an invitation's token is in its address: never sent on
    (b"cross-origin-opener-policy", b"same-origin"),
]
ENVIRONMENT = "PAR_SERVE"  # `par serve`'s options for `served`: folder, lang, secure, invite, address


class SecurityHeaders:
    """CSP, nosniff, no framing, no referrer on every response; pages never cached."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in HEADERS if k not in present]  # a download's own CSP (sandbox) kept
                if not any(k.lower() == b"cache-control" for k, _ in headers):
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, sending)


async def home(request: Request) -> Response:
    user = user_of(request)
    if user is None:
        return RedirectResponse("/login", status_code=303)
    return RedirectResponse({"office": "/office", "agency": "/agency", "council": "/council"}[user.role], 303)


async def _sign_in(request: Request, exc: Exception) -> Response:
    return RedirectResponse("/login", status_code=303)


async def _refused(request: Request, exc: Exception) -> Response:
    reason = exc.reason if isinstance(exc, Refused) else "serve.refused"
    return render(request, "error.html", 403, title="serve.refused-title", reason=reason)


async def _too_large(request: Request, exc: Exception) -> Response:
    """A body over the bound: the limit said (an evidence file's, the one a person meets) and the way back to
    the form the file was sent from (an agency's; anyone else's home)."""
    back = "/agency" if request.url.path.startswith("/agency") else "/"
    said = {"limit": uploads.MAX_SIZE // (1024 * 1024)}
    label = "serve.back-to-form" if back == "/agency" else "serve.home"
    return render(
        request,
        "error.html",
        413,
        title="serve.too-large-title",
        reason="serve.too-large",
        said=said,
        back=back,
        back_label=label,
    )


async def _http(request: Request, exc: Exception) -> Response:
    code = exc.status_code if isinstance(exc, HTTPException) else 500
    reason = {404: "serve.not-found", 405: "serve.not-allowed", 409: "serve.conflict"}.get(code, "serve.failed")
    return render(request, "error.html", code, title="serve.error-title", reason=reason)


async def _failed(request: Request, exc: Exception) -> Response:
    return render(request, "error.html", 500, title="serve.error-title", reason="serve.failed")


def create_app(
    folder: Path, *, lang: str = "vi", secure_cookies: bool = False, address: str = "http://127.0.0.1:8765"
) -> Starlette:
    """The application over `folder`; `address` (`http://host:port`, as `par serve` prints it) is the start of
    the links invitations give (never a request's Host header: a forged one cannot redirect a link);
    `secure_cookies` when served over https (else each request's scheme decides)."""
    routes = [
        Route("/", home),
        *account.routes,
        *office.routes,
        *audit_page.routes,
        *agency.routes,
        *council.routes,
        *results.routes,
        *documents.routes,
        *public.routes,  # the council's, results, downloads
        Mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static"),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={
            SignIn: _sign_in,
            Refused: _refused,
            TooLarge: _too_large,
            HTTPException: _http,
            Exception: _failed,
        },
    )
    app.state.folder = folder.resolve()
    app.state.store = Store(app.state.folder)
    app.state.lang = lang
    app.state.secure_cookies = secure_cookies
    app.state.address = address
    app.add_middleware(SecurityHeaders)
    return app


def served() -> Starlette:
    """The app `par serve` runs: its options from the environment; the office's one-time link printed on the
    first start (no office account yet) or when asked (`--invite-office`)."""
    folder, lang, secure, invite, address = os.environ[ENVIRONMENT].split("\n")
    app = create_app(Path(folder), lang=lang, secure_cookies=secure == "1", address=address)
    if invite == "1" or not app.state.store.has_office():
        token = account.office_invitation(app.state.store)
        from par_cli.words.catalogue import catalogue

        said = catalogue(lang)["serve.office-link"].format(link=f"{address}/invite/{token}")
        sys.stdout.write(said + "\n")
        sys.stdout.flush()
    return app
