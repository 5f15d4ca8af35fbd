"""The office's audit log, in the reader's words: each action and field named as people name them ("Thẩm định
3.1 — <the criterion's title>", "Công bố xếp hạng"), values as typed (`9,5`, `18/20`, `Có`, a level's label, a
text without quotes), states and the window as words, a submit as "đã nộp (khóa)" (the file's version kept in a
title attribute), long texts cut short, 100 lines a page."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import yaml
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from par_cli.serve import folder_index
from par_cli.serve.auth import require
from par_cli.serve.form_model import shown
from par_cli.serve.pages import language_of, render, words_of
from par_cli.serve.store import AuditRow, Store

if TYPE_CHECKING:
    from starlette.requests import Request

PAGE = 100
EMPTY = "serve.audit.empty"  # an empty before/after, the same words on every line
SHORT = 160  # characters of a before/after shown (a giải trình can be 4,000)
ACTIONS = {
    "save": "serve.audit.action-save",
    "evidence": "serve.audit.action-evidence",
    "evidence-removed": "serve.audit.action-evidence-removed",
    "submit": "serve.audit.action-submit",
    "invite": "serve.audit.action-invite",
    "sign-in": "serve.audit.action-sign-in",
    "accept-invitation": "serve.audit.action-accept-invitation",
    "round": "serve.audit.action-round",
    "window": "serve.audit.action-window",
    "lock": "serve.audit.action-lock",
    "unlock": "serve.audit.action-unlock",
    "publish": "serve.audit.action-publish",
    "previous": "serve.audit.action-previous",
    "appraise": "serve.audit.action-appraise",
    "revoke": "serve.audit.action-revoke",
    "disable": "serve.audit.action-disable",
    "enable": "serve.audit.action-enable",
    "show-invitation": "serve.audit.action-show-invitation",
}
WINDOW = {"open": "serve.audit.action-window-open", "closed": "serve.audit.action-window-closed"}
FIELDS = {
    "self": "serve.audit.field-self",
    "appraised": "serve.audit.field-appraised",
    "first_appraisal": "serve.audit.field-first_appraisal",
    "reason": "serve.audit.field-reason",
    "evidence": "serve.audit.field-evidence",
    "explanation": "serve.audit.field-explanation",
    "note": "serve.audit.field-note",
    "na": "serve.audit.field-na",
    "survey": "serve.audit.field-survey",
}
ABOUT = {
    "window": "serve.audit.about-window",
    "round": "serve.audit.about-round",
    "state": "serve.audit.about-state",
    "ranking": "serve.audit.about-ranking",
    "previous": "serve.audit.about-previous",
}
VALUES = {
    "draft": "serve.audit.value-draft",
    "submitted": "serve.audit.value-submitted",
    "locked": "serve.audit.value-locked",
    "open": "serve.audit.value-open",
    "closed": "serve.audit.value-closed",
    "office": "serve.audit.value-office",
    "agency": "serve.audit.value-agency",
    "council": "serve.audit.value-council",
    "enabled": "serve.account-active",
    "disabled": "serve.account-disabled",
}


NUMBER = re.compile(r"-?\d+(\.\d+)?")


class Line(NamedTuple):
    """One line of the log as the page shows it; `version`: the file's version at a submit (a title attribute)."""

    at: float
    login: str
    action: str
    file: str
    field: str
    before: str
    after: str
    version: str = ""


class Leaf(NamedTuple):
    title: str
    levels: tuple[tuple[str, str], ...]


def _short(text: str) -> str:
    return text if len(text) <= SHORT else text[: SHORT - 1] + "…"


def _value(t: Any, text: str) -> str:
    """A state, the window, a role as words; a submit's "submitted draft" as its first word; else the text."""
    first = text.split(" ", 1)
    if first[0] in VALUES:
        rest = f" {first[1]}" if len(first) > 1 and first[1] not in VALUES else ""
        return str(t(VALUES[first[0]])) + rest
    return _short(text)


def _place(row: AuditRow) -> tuple[str | None, str | None, str | None]:
    """(the agency whose file it is, or None: the file named; the criterion's code; the answer's field)."""
    parts = row.field.split(".")
    if row.field.startswith(("answers.", "adjustments.")) and len(parts) >= 3 and parts[-1] in FIELDS:
        return None, ".".join(parts[1:-1]), parts[-1]
    if row.field.startswith("agencies.") and len(parts) >= 4 and parts[-1] in FIELDS:
        return parts[1], ".".join(parts[2:-1]), parts[-1]
    return None, None, None


def _field(t: Any, row: AuditRow, leaf: Leaf | None) -> str:
    """`answers.1.2.self` → "Tự đánh giá 1.2 — <title>"; `agencies.xa-a.3.1.appraised` → "Thẩm định 3.1 —
    <title> (xa-a)"."""
    agency, code, name = _place(row)
    if code is not None and name is not None:
        worded = str(t(FIELDS[name], code=code)) + (f" — {leaf.title}" if leaf is not None and leaf.title else "")
        return f"{worded} ({agency})" if agency is not None else worded
    if row.field in ABOUT:
        return str(t(ABOUT[row.field]))
    return row.field


def _answer(t: Any, text: str, leaf: Leaf | None, lang: str) -> str:
    """A value as the file writes it (`"Báo cáo…"`, `9.5`, `{done: 18, total: 20}`, `true`, `"hoan-thanh"`, a
    list of texts) as the reader typed it; a text that is not such a value (an uploaded file's name) as it is."""
    try:
        if text.startswith('"'):
            value: Any = json.loads(text)
        elif text.startswith(("{", "[")):
            value = yaml.safe_load(text)
        elif text in ("true", "false"):
            value = text == "true"
        elif NUMBER.fullmatch(text) or text == "na":
            value = text
        else:
            return _short(text)
    except (ValueError, yaml.YAMLError):
        return _short(text)
    if isinstance(value, list):
        return _short("; ".join(_answer(t, json.dumps(item, ensure_ascii=False), leaf, lang) for item in value))
    if isinstance(value, str) and NUMBER.fullmatch(value) and not text.startswith('"'):
        value = Decimal(value)
    said = shown(value, lang)
    if leaf is not None and isinstance(value, str):
        said = next((label for key, label in leaf.levels if key == value), said)
    return _short(said)


def worded(t: Any, row: AuditRow, leaf: Leaf | None = None, lang: str = "vi") -> Line:
    """One line of the log as the reader says it (its action, field and values in words)."""
    action = t(ACTIONS[row.action]) if row.action in ACTIONS else row.action
    if row.action == "window" and row.after in WINDOW:
        action = t(WINDOW[row.after])
    field = _field(t, row, leaf)
    if _place(row)[1] is not None:
        before, after = _answer(t, row.before, leaf, lang), _answer(t, row.after, leaf, lang)
    else:
        before, after = _value(t, row.before), _value(t, row.after)
    if row.field:  # a value changed: an empty side (a first value; a value cleared, `null`) said as empty
        before = str(t(EMPTY)) if row.before in ("", "null") else before
        after = str(t(EMPTY)) if row.after in ("", "null") else after
    version = ""
    if row.action == "publish" and row.after.isdigit():
        after = t("serve.audit.published", count=int(row.after))
    if row.action == "submit" and row.after.startswith("submitted"):
        after, version = t("serve.audit.value-submitted-locked"), row.after.removeprefix("submitted").strip()
    return Line(row.at, row.login, action, row.file, field, before, after, version)


def _leaves(folder: Path, rows: list[AuditRow], lang: str) -> dict[tuple[str, str], Leaf]:
    """(file or agency, code) → the criterion's title and levels, from the agency's form (as its pages show it)."""
    found: dict[tuple[str, str], Leaf] = {}
    forms: dict[str, Any] = {}
    for row in rows:
        agency, code, _ = _place(row)
        if code is None:
            continue
        key = agency if agency is not None else row.file
        if key not in forms:
            path = folder_index.file_of(folder, agency) if agency is not None else folder / row.file
            inside = path is not None and path.resolve().is_relative_to(folder.resolve()) and path.is_file()
            forms[key] = folder_index.form(folder, path, lang) if inside and path is not None else None
        form = forms[key]
        field = form.field(code) if form is not None else None
        if field is not None:
            found[(key, code)] = Leaf(field.title, field.levels)
    return found


async def audit(request: Request) -> Response:
    await require(request, "office")
    store: Store = request.app.state.store
    total = store.audit_count()
    pages = max(1, -(-total // PAGE))
    asked = request.query_params.get("page", "1")
    number = min(int(asked), pages) if asked.isdigit() and int(asked) > 0 else 1
    lang = language_of(request)
    t = words_of(lang)
    log = store.audit_log(PAGE, (number - 1) * PAGE)
    leaves = await run_in_threadpool(_leaves, request.app.state.folder, log, lang)
    rows = [worded(t, row, leaves.get((_place(row)[0] or row.file, _place(row)[1] or "")), lang) for row in log]
    return render(request, "office_audit.html", rows=rows, page=number, pages=pages, total=total)


routes: list[BaseRoute] = [Route("/office/audit", audit)]
