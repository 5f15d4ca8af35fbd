"""Problems in the pages' own terms: what a file's reader says in YAML's words (`{done: n, total: m}`,
`evidence: […]`, `khai báo na`) or the command line's (`par check --strict`, `--survey TỆP`), said as the pages'
fields say it (`45/50`, tài liệu kiểm chứng, Không áp dụng). The CLI keeps its own words: only the pages reword."""

from __future__ import annotations

from par_cli.core.diagnostics import Diagnostic, Msg, msg
from par_cli.readers.form_words import FORM_PHRASES

PAGE_HINTS = {  # a hint about a file's words or the command line's, as a page says it
    "hint.answer-it": "serve.page.hint-answer-it",
    "hint.answer-sub-criteria": "serve.page.hint-answer-sub-criteria",
    "hint.add-evidence": "serve.page.hint-evidence",
    "hint.evidence-list": "serve.page.hint-evidence",
    "hint.allow-na-only": "serve.page.hint-no-na",
    "hint.nonzero-total": "serve.page.hint-nonzero-total",
    "hint.done-and-total": "serve.page.hint-done-total",
    "hint.write-true-false": "serve.page.hint-yes-no",
    "hint.write-true": "serve.page.hint-yes-no",
    "hint.write-false": "serve.page.hint-yes-no",
    "hint.write-self": "serve.page.hint-answer-it",
    "hint.rank-unanswered": "serve.page.hint-rank-unanswered",
    "hint.rank-survey": "serve.page.hint-rank-survey",
    "hint.survey-results-lack": "serve.page.hint-survey-results-lack",
    "hint.write-survey": "serve.page.hint-survey",
    "hint.criteria-where": "serve.page.hint-criteria",
    "hint.criteria-path-or-id": "serve.page.hint-criteria",
    "hint.criteria-show": "serve.page.hint-criteria",
    "hint.appraiser-areas": "serve.page.hint-appraiser-areas",
}
PAGE_MESSAGES = {"likert-counts": "serve.page.likert-counts"}  # a survey's counts in YAML's shape
SURVEY_MESSAGES = frozenset({"finding.unanswered-survey"})  # a survey criterion: the office adds its results


def page_message(message: Msg) -> Msg:
    """A message, and the messages it holds, with YAML's shapes (`{done: n, total: m}`) in the pages' words."""
    said = message._replace(id=PAGE_MESSAGES.get(message.id) or FORM_PHRASES.get(message.id, message.id))
    return said._replace(args=tuple((k, page_message(v) if isinstance(v, Msg) else v) for k, v in said.args))


def in_page_words(d: Diagnostic) -> Diagnostic:
    """The diagnostic `d` as a page says it: its message's shapes and its hint in the form's terms; a survey
    criterion without results says that the office adds them (nobody answers it in the pages)."""
    if d.message.id in SURVEY_MESSAGES:
        return d._replace(hint=msg("serve.page.hint-survey"))
    hint = d.hint
    if hint is not None and hint.id == "hint.survey-design-lacks":  # the design's questions: the office's file
        hint = msg("serve.page.hint-survey-design-lacks", **dict(hint.args))
    elif hint is not None:
        hint = msg(PAGE_HINTS[hint.id]) if hint.id in PAGE_HINTS else page_message(hint)
    return d._replace(message=page_message(d.message), hint=hint)
