"""The office's audit log, in the reader's words: each action and field named as people name them ("Thẩm định
3.1", "Công bố xếp hạng"), states and the window as words, long texts cut short, 100 lines a page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from par_cli.serve.auth import require
from par_cli.serve.pages import render, words_of
from par_cli.serve.store import AuditRow, Store

if TYPE_CHECKING:
    from starlette.requests import Request

PAGE = 100
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


def _short(text: str) -> str:
    return text if len(text) <= SHORT else text[: SHORT - 1] + "…"


def _value(t: Any, text: str) -> str:
    """A state, the window, a role as words; a submit's "submitted draft" as its first word; else the text."""
    first = text.split(" ", 1)
    if first[0] in VALUES:
        rest = f" {first[1]}" if len(first) > 1 and first[1] not in VALUES else ""
        return str(t(VALUES[first[0]])) + rest
    return _short(text)


def _field(t: Any, row: AuditRow) -> str:
    """`answers.1.2.self` → "Tự đánh giá 1.2"; `agencies.xa-a.3.1.appraised` → "Thẩm định 3.1 (xa-a)"."""
    parts = row.field.split(".")
    if row.field.startswith(("answers.", "adjustments.")) and len(parts) >= 3 and parts[-1] in FIELDS:
        return str(t(FIELDS[parts[-1]], code=".".join(parts[1:-1])))
    if row.field.startswith("agencies.") and len(parts) >= 4 and parts[-1] in FIELDS:
        worded = t(FIELDS[parts[-1]], code=".".join(parts[2:-1]))
        return f"{worded} ({parts[1]})"
    if row.field in ABOUT:
        return str(t(ABOUT[row.field]))
    return row.field


def worded(t: Any, row: AuditRow) -> AuditRow:
    """One line of the log as the reader says it (its action, field and values in words)."""
    action = t(ACTIONS[row.action]) if row.action in ACTIONS else row.action
    if row.action == "window" and row.after in WINDOW:
        action = t(WINDOW[row.after])
    after = _value(t, row.after)
    if row.action == "publish" and row.after.isdigit():
        after = t("serve.audit.published", count=int(row.after))
    return row._replace(action=action, field=_field(t, row), before=_value(t, row.before), after=after)


async def audit(request: Request) -> Response:
    await require(request, "office")
    store: Store = request.app.state.store
    total = store.audit_count()
    pages = max(1, -(-total // PAGE))
    asked = request.query_params.get("page", "1")
    number = min(int(asked), pages) if asked.isdigit() and int(asked) > 0 else 1
    from par_cli.serve.pages import language_of

    t = words_of(language_of(request))
    rows = [worded(t, row) for row in store.audit_log(PAGE, (number - 1) * PAGE)]
    return render(request, "office_audit.html", rows=rows, page=number, pages=pages, total=total)


routes: list[BaseRoute] = [Route("/office/audit", audit)]
