"""Signing in and out, and accepting an invitation (a one-time link: set a password, then signed in)."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from par_cli.serve.auth import (
    MIN_PASSWORD,
    check_login,
    form_of,
    hash_password,
    invitation_expiry,
    login_delay,
    new_token,
    sign_in,
    sign_out,
)
from par_cli.serve.pages import render
from par_cli.serve.store import Invitation, Store

if TYPE_CHECKING:
    from starlette.requests import Request

OFFICE_LOGIN = "van-phong"  # the office's account, made by the link `par serve` prints


def office_invitation(store: Store) -> str:
    """A new one-time link for the office's account (made by it, or its password set anew)."""
    token = new_token()
    store.invite(token, Invitation(OFFICE_LOGIN, "office", None, None, OFFICE_LOGIN, invitation_expiry(), None), "par")
    store.audit("par", "invite", field=OFFICE_LOGIN, after="office")
    return token


async def pause(seconds: float) -> None:
    """A wait before checking a much-failed login's password (its own name: tests count the waits)."""
    await asyncio.sleep(seconds)


def _field(form: object, name: str) -> str:
    value = form.get(name) if hasattr(form, "get") else None
    return value.strip() if isinstance(value, str) else ""


async def login_page(request: Request) -> Response:
    if request.method == "GET":
        return render(request, "login.html")
    form = await form_of(request)
    login, password = _field(form, "login"), form.get("password")
    delay = login_delay(request, login)
    if delay:
        await pause(delay)
    found = check_login(request, login, password if isinstance(password, str) else "")
    if found == "wait":
        return render(request, "login.html", 429, problem=_wait_words(request, login), login=login)
    if found == "wrong":
        return render(request, "login.html", 401, problem="serve.login-wrong", login=login)
    if found == "disabled":
        return render(request, "login.html", 403, problem="serve.login-disabled", login=login)
    request.app.state.store.audit(found, "sign-in")
    response = RedirectResponse("/", status_code=303)
    sign_in(request, response, found.id)
    return response


def _wait_words(request: Request, login: str) -> str:
    """What a login told to wait can do: the office's own account has no office above it to ask for a link, so
    it is told what the guide says (wait, or stop the server and run `par serve FOLDER --invite-office`)."""
    row = request.app.state.store.user_by_login(login)
    return "serve.login-wait-office" if row is not None and row.role == "office" else "serve.login-wait"


async def logout(request: Request) -> Response:
    await form_of(request)
    response = RedirectResponse("/login", status_code=303)
    sign_out(request, response)
    return response


async def invitation_page(request: Request) -> Response:
    token = request.path_params["token"]
    store: Store = request.app.state.store
    invitation = store.invitation(token)
    import time

    if invitation is None or invitation.used is not None or invitation.expires < time.time():
        return render(request, "error.html", 404, title="serve.invite-title", reason="serve.invite-gone")
    if request.method == "GET":
        return render(request, "invite.html", invitation=invitation, token=token)
    form = await form_of(request)
    password, again = form.get("password"), form.get("again")
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        problem = "serve.password-short"
    elif password != again:
        problem = "serve.password-differs"
    else:
        user = store.accept(token, hash_password(password))
        if user is None:
            return render(request, "error.html", 404, title="serve.invite-title", reason="serve.invite-gone")
        store.audit(user.login, "accept-invitation", after=user.role)
        response = RedirectResponse("/", status_code=303)
        sign_in(request, response, user.id)
        return response
    return render(
        request, "invite.html", 400, invitation=invitation, token=token, problem=problem, minimum=MIN_PASSWORD
    )


routes: list[BaseRoute] = [
    Route("/login", login_page, methods=["GET", "POST"]),
    Route("/logout", logout, methods=["POST"]),
    Route("/invite/{token}", invitation_page, methods=["GET", "POST"]),
]
