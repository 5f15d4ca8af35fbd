"""Pages: Jinja2 templates (autoescaped: text from files is text, never markup), in the reader's language.

`render(request, "x.html", **ctx)` gives each template `t` (the catalogue: `t("serve.x", name=…)`), `lang`,
`langs`, `user`, `csrf_field()` (the hidden field every POST form carries), `figure` (an exact value rounded
half-up once, the reader's way), `when` (a time) and `max_text` (the longest typed text). The language is
`?lang=` (the switch on every page, kept in a cookie), else the cookie, else the server's `--lang` (Vietnamese by
default): never the browser's Accept-Language (an English browser on a Vietnamese office's PC still reads
Vietnamese).
"""

from __future__ import annotations

import functools
import time
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape
from starlette.responses import HTMLResponse

from par_cli.core.diagnostics import msg
from par_cli.serve.auth import CSRF, csrf_token, set_form_cookie, user_of
from par_cli.serve.form_input import MAX_TEXT
from par_cli.words.catalogue import catalogue
from par_cli.words.catalogue import text as said
from par_cli.words.languages import codes, language
from par_cli.words.numbers import figure

if TYPE_CHECKING:
    from starlette.requests import Request

TEMPLATES = Path(__file__).parent / "templates"
LANG_COOKIE = "par_lang"


@functools.cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # the templates are the package's: read once
    )


def served_languages() -> tuple[str, ...]:
    return tuple(code for code in codes() if code in ("vi", "en")) or codes()


def language_of(request: Request) -> str:
    """The reader's language: ?lang= (the page's switch), the cookie it set, then the server's own."""
    known = served_languages()
    asked = request.query_params.get("lang")
    if asked in known:
        return asked
    kept = request.cookies.get(LANG_COOKIE)
    if kept in known:
        return kept
    default: str = request.app.state.lang
    return default


def switched(request: Request, code: str) -> str:
    """The page's address in language `code`: its other query parameters (a page number, a notice) kept."""
    kept = [(key, value) for key, value in request.query_params.multi_items() if key != "lang"]
    return "?" + urlencode([*kept, ("lang", code)])


def words_of(lang: str) -> Any:
    texts = catalogue(lang)

    def t(key: str, **values: Any) -> str:
        text = texts.get(key, key)
        return text.format(**values) if values else text

    return t


def text(request: Request, key: str, **values: Any) -> str:
    """One text of the catalogue in the reader's language (for flash messages made in code)."""
    result: str = words_of(language_of(request))(key, **values)
    return result


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    lang = language_of(request)

    def csrf_field() -> Markup:
        return Markup('<input type="hidden" name="{}" value="{}">').format(CSRF, escape(csrf_token(request)))

    def shown(value: Fraction | None, places: int = 2) -> str:
        return figure(value, places, lang)

    def when(at: float | None) -> str:
        return time.strftime("%d/%m/%Y %H:%M", time.localtime(at)) if at else "—"

    body = (
        environment()
        .get_template(name)
        .render(
            t=words_of(lang),
            lang=lang,
            langs=[(code, language(code).name, switched(request, code)) for code in served_languages()],
            user=user_of(request),
            csrf_field=csrf_field,
            figure=shown,
            when=when,
            path=request.url.path,
            max_text=MAX_TEXT,
            text_limit=said(msg("serve.text-limit", most=MAX_TEXT), lang),  # beside every bounded text field
            **context,
        )
    )
    response = HTMLResponse(body, status_code=status_code)
    set_form_cookie(request, response)
    if request.query_params.get("lang") == lang:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax", httponly=True, path="/")
    return response
