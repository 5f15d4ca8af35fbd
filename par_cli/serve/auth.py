"""Who is asking: passwords (scrypt), sessions and invitations (random tokens, kept hashed), CSRF on every POST.

- A password is kept as `scrypt$n$r$p$salt$key` (n=2**14, r=8, p=1, a 16-byte salt), compared in constant time.
- A session is a random token in an HttpOnly, SameSite=Lax cookie (`Secure` when served over https: `--ssl-*`, or
  the request's own scheme behind an https proxy; a plain-http office network still signs in); the database keeps
  its SHA-256 only, with the session's CSRF token.
- Every POST carries a CSRF field: the session's token once signed in, else the token of a `par_form` cookie
  (signing in and accepting an invitation), compared with `hmac.compare_digest`; a POST from another origin is
  refused too.
- Signing in is refused for a while after too many failures for one login from one address, or from one address;
  a login failed often from many addresses is slowed down (a pause per try), never locked.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from pathlib import Path

    from starlette.datastructures import FormData
    from starlette.requests import Request
    from starlette.responses import Response

    from par_cli.serve.store import Store, UserRow

Role = Literal["office", "agency", "council"]
SESSION = "par_session"
FORM = "par_form"  # the CSRF token of forms sent before signing in
CSRF = "csrf"  # the field every POST form carries
SESSION_SECONDS = 12 * 3600
INVITATION_SECONDS = 7 * 24 * 3600
FAILURES, FAILURE_WINDOW = 5, 15 * 60  # failed sign-ins for one login from one address, within seconds
ADDRESS_FAILURES = 20  # failed sign-ins from one address, any login, within the window
SLOW_AFTER, SLOW_SECONDS = 20, 2.0  # a login failed this often (any address): each try waits this long
MIN_PASSWORD = 10
MAX_BODY = 25 * 1024 * 1024  # the largest request body: an upload (`uploads.MAX_SIZE`) and the form around it
_N, _R, _P = 2**14, 8, 1


class User(NamedTuple):
    id: int
    login: str
    role: Role
    agency_id: str | None
    appraiser: str | None
    name: str


class SignIn(Exception):
    """No one is signed in: the page sends them to sign in."""


class Refused(Exception):
    """Signed in, but not allowed here (or a POST without its CSRF token): a 403 page saying why (a catalogue id)."""

    def __init__(self, reason: str = "serve.refused") -> None:
        super().__init__(reason)
        self.reason = reason


class TooLarge(Exception):
    """A request body over the bound (413)."""


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    key = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${key.hex()}"


def password_matches(password: str, kept: str) -> bool:
    try:
        name, n, r, p, salt, key = kept.split("$")
        made = hashlib.scrypt(
            password.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=len(key) // 2
        )
    except (ValueError, TypeError):
        return False
    return name == "scrypt" and hmac.compare_digest(made.hex(), key)


_UNUSED = hash_password(secrets.token_hex(16))  # checked against for an unknown login: the same time as a known one


def new_token() -> str:
    return secrets.token_urlsafe(32)


def store_of(request: Request) -> Store:
    """The app's database (every route module reads it from here)."""
    store: Store = request.app.state.store
    return store


def folder_of(request: Request) -> Path:
    """The year's folder the app serves."""
    folder: Path = request.app.state.folder
    return folder


def _user(row: UserRow) -> User:
    return User(row.id, row.login, row.role, row.agency_id, row.appraiser, row.name)


def _session(request: Request) -> tuple[User, str] | None:
    if "par_session_user" not in request.state._state:
        token = request.cookies.get(SESSION)
        found = store_of(request).session(token) if token else None
        request.state.par_session_user = (_user(found[0]), found[1]) if found else None
    session: tuple[User, str] | None = request.state.par_session_user
    return session


async def current_user(request: Request) -> User | None:
    session = _session(request)
    return session[0] if session else None


def user_of(request: Request) -> User | None:
    """`current_user`, for templates and other code that does not await."""
    session = _session(request)
    return session[0] if session else None


async def require(request: Request, *roles: Role) -> User:
    """The signed-in user if their role is one of `roles` (any role when none is named); else SignIn or Refused."""
    user = await current_user(request)
    if user is None:
        raise SignIn
    if roles and user.role not in roles:
        raise Refused("serve.refused-role")
    return user


def csrf_token(request: Request) -> str:
    """The token a POST form of this page must carry: the session's, or the sign-in forms' cookie's (made now,
    and set on the response by `pages.render`, when the browser has none)."""
    session = _session(request)
    if session is not None:
        return session[1]
    token = request.cookies.get(FORM) or request.state._state.get("par_new_form")
    if not token:
        token = request.state.par_new_form = new_token()
    return token


async def form_of(request: Request) -> FormData:
    """The request's form (fields and files) once its CSRF token and origin are checked; Refused else."""
    length = request.headers.get("content-length")
    if length is None or not length.isdigit() or int(length) > MAX_BODY:
        raise TooLarge
    origin = request.headers.get("origin")
    if origin is not None and origin != "null" and origin != _own_origin(request):
        raise Refused("serve.refused-csrf")
    form = await request.form(max_files=4, max_fields=4000)
    given = form.get(CSRF)
    session = _session(request)
    expected = session[1] if session is not None else request.cookies.get(FORM)
    if not isinstance(given, str) or not expected or not hmac.compare_digest(given, expected):
        await form.close()
        raise Refused("serve.refused-csrf")
    return form


def _own_origin(request: Request) -> str:
    url = request.url
    port = f":{url.port}" if url.port is not None else ""
    return f"{url.scheme}://{url.hostname}{port}"


def sign_in(request: Request, response: Response, user_id: int) -> None:
    """A new session for the user, its cookie set on `response` (a session the browser had is ended: never fixed)."""
    old = request.cookies.get(SESSION)
    if old:
        store_of(request).close_session(old)
    token = new_token()
    store_of(request).open_session(token, user_id, new_token(), time.time() + SESSION_SECONDS)
    response.set_cookie(
        SESSION,
        token,
        max_age=SESSION_SECONDS,
        httponly=True,
        samesite="lax",
        secure=_secure(request),
        path="/",
    )


def sign_out(request: Request, response: Response) -> None:
    token = request.cookies.get(SESSION)
    if token:
        store_of(request).close_session(token)
    response.delete_cookie(SESSION, path="/", httponly=True, samesite="lax", secure=_secure(request))


def set_form_cookie(request: Request, response: Response) -> None:
    token = request.state._state.get("par_new_form")
    if token:
        response.set_cookie(FORM, token, httponly=True, samesite="strict", secure=_secure(request), path="/")


def _secure(request: Request) -> bool:
    return bool(request.app.state.secure_cookies) or request.url.scheme == "https"


def _failure_keys(request: Request, login: str) -> tuple[str, str, str]:
    address = request.client.host if request.client else "?"
    name = login.casefold()
    return f"pair:{name}\t{address}", f"address:{address}", f"login:{name}"


def login_delay(request: Request, login: str) -> float:
    """Seconds to wait before checking a password for `login`: none until the login has failed many times (from
    any address), then a pause per try: a slow brute force from many addresses is slowed, never a lock-out."""
    failed = store_of(request).failures(_failure_keys(request, login)[2], FAILURE_WINDOW)
    return SLOW_SECONDS if failed >= SLOW_AFTER else 0.0


def check_login(request: Request, login: str, password: str) -> User | Literal["wrong", "wait", "disabled"]:
    """The user whose login and password these are; "wait" after too many failures for this login from this
    address, or from this address for any login; "wrong" else. Failures elsewhere never lock a login out: a
    stranger cannot lock the office out by typing wrong passwords for its login."""
    store = store_of(request)
    pair, address, each = _failure_keys(request, login)
    if store.failures(pair, FAILURE_WINDOW) >= FAILURES or store.failures(address, FAILURE_WINDOW) >= ADDRESS_FAILURES:
        return "wait"
    row = store.user_by_login(login)
    if row is None or not password_matches(password, row.password):
        if row is None:
            password_matches(password, _UNUSED)
        for key in (pair, address, each):
            store.failed(key)
        return "wrong"
    store.forget_failures(pair)
    if row.login in store.disabled():
        return "disabled"  # said only to whoever knows the password
    return _user(row)


def invitation_expiry() -> float:
    return time.time() + INVITATION_SECONDS
