"""An assessment workbook's problems in the form's own terms: its cells named by their columns' titles, its words
for yes and no, in the form's language whatever the reader's (not YAML's `true`, `self`, `evidence`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from par_cli.core.diagnostics import Diagnostic, DocPath, Location, Msg, msg, placed, problem
from par_cli.words.languages import codes, words

FORM_INPUTS = {  # a rule's input, as the form asks for it (Có / Không)
    "input.check": "input.form-check",
    "phrase.true-or-false": "input.form-check",
}
FORM_PHRASES = {  # a rule's input in YAML's shapes (`{done: n, total: m}`), as a cell takes it (`45/50`)
    "input.percent": "input.form-percent",
    "phrase.percent-or-done": "phrase.form-percent-or-done",
    "percent-or-done-total": "form-percent-or-done-total",
    "done-above-total": "form-done-above-total",  # 50/45 typed: the form's words, not YAML's done/total keys
    "done-total-zero": "form-done-total-zero",
    "done-total-negative": "form-done-total-negative",
}
FORM_MESSAGES = {  # a message about YAML's shapes, as the form's columns say it: (message, hint)
    "likert-counts": ("form-likert-counts", "hint.form-likert-counts"),
}
FORM_HINTS = {  # a hint about YAML's words, as the form says it
    "hint.write-true-false": "hint.form-yes-no",
    "hint.write-true": "hint.form-yes-no",
    "hint.write-false": "hint.form-yes-no",
    "hint.done-and-total": "hint.form-done-total",
    "hint.evidence-list": "hint.form-evidence",
    "hint.add-evidence": "hint.form-evidence",
    "hint.write-self": "hint.form-self",
    "hint.answer-it": "hint.form-self",
    "hint.allow-na-only": "hint.form-no-kps",  # not `allow_na: true`: the form's words for not applicable
    "hint.nonzero-total": "hint.form-nonzero-total",
}
FORM_FIELDS: dict[
    tuple[str | int, ...], str
] = {  # a details field, by the title of its row in the form (not YAML's `agency.id`)
    ("agency", "id"): "form.agency_id",
    ("agency", "name"): "form.agency_name",
    ("period",): "form.period",
    ("criteria",): "form.criteria",
}


class FormTerms:
    """What a form calls things: its columns' titles (the input column of each code, by sheet), its language."""

    def __init__(self) -> None:
        self.columns: dict[str, tuple[str, str]] = {}  # each code's input column: (sheet role, its title in the form)
        self.titles: dict[str, str] = {}  # the form's columns by key (`evidence`: `Evidence`, `Tài liệu kiểm chứng`)
        self.lang: str | None = None  # the language the form is written in (its sheets' titles), when known

    def hint(self, hint: str, code: str | None) -> Msg:
        """A hint about YAML's words (`hint.answer-it`) as this form says it: a cell to fill in is named by its
        column's title in the form (`Self-assessment data`, `Số liệu tự đánh giá`, the survey sheet's `Points`),
        in the form's language whatever the reader's."""
        said = FORM_HINTS.get(hint, hint)
        form = words(self.lang or codes()[0])
        if said == "hint.form-yes-no":
            return msg(said, yes=form["yes"], no=form["no"])
        if said == "hint.form-evidence":
            return msg(said, column=self.titles.get("evidence") or form["col.evidence"])
        if said != "hint.form-self":
            return msg(said)
        role, title = self.columns.get(code or "", ("criteria", ""))
        if role == "survey":
            return msg("hint.form-survey-points", column=title) if title else msg("hint.form-likert-counts")
        return msg("hint.form-self", column=title or msg("col.self_text"))


def form_hints(
    problems: list[Diagnostic], more: list[Diagnostic], answers_only: bool = False, terms: FormTerms | None = None
) -> list[Diagnostic]:
    """Hints about YAML's words said in the form's `terms` (`chọn Có hoặc Không`, not `write true or false`; the
    cell to fill in by its column's title); with `answers_only`, of `more` only the answers' problems (bound
    against stand-in details)."""
    kept = [d for d in more if not answers_only or d.path[:1] in (("answers",), ("adjustments",))]
    return [_in_form_words(d, terms or FormTerms()) for d in problems + kept]


def _in_form_words(d: Diagnostic, terms: FormTerms) -> Diagnostic:
    """The hint, and a rule's input named in the message (`cần true hoặc false`), as the form says them."""
    said = dict(d.message.args).get("problem")
    if isinstance(said, Msg) and said.id == "missing-field":  # `thiếu trường 'id'`: the row's title is blank
        key = FORM_FIELDS.get((*d.path, str(dict(said.args).get("field"))))
        title = words(terms.lang or codes()[0])[key] if key is not None else None
        if title is not None:
            return d._replace(
                message=msg("form-blank-field", title=title), hint=msg("hint.form-blank-field", title=title)
            )
    if d.hint is not None and d.hint.id in FORM_HINTS:
        code = d.path[1] if len(d.path) > 1 and d.path[0] in ("answers", "adjustments") else None
        d = d._replace(hint=terms.hint(d.hint.id, str(code) if code is not None else None))
    said = _form_input(d.message, terms)
    if said != d.message and d.hint is None:  # `{A: 12, B: 3}` is YAML: the form has a column per answer
        hint = next((h for m, (f, h) in FORM_MESSAGES.items() if _mentions(d.message, m)), None)
        d = d._replace(hint=msg(hint)) if hint else d
    return d._replace(message=said)


def _mentions(message: Msg, key: str) -> bool:
    return message.id == key or any(isinstance(v, Msg) and _mentions(v, key) for _, v in message.args)


def _form_input(message: Msg, terms: FormTerms) -> Msg:
    if message.id in FORM_INPUTS:  # the form's own words for yes and no (`Yes or No` in an English form)
        form = words(terms.lang or codes()[0])
        return msg(FORM_INPUTS[message.id], yes=form["yes"], no=form["no"])
    if message.id in FORM_MESSAGES:
        message = message._replace(id=FORM_MESSAGES[message.id][0])
    message = message._replace(id=FORM_PHRASES.get(message.id, message.id))
    return message._replace(
        args=tuple((k, _form_input(v, terms) if isinstance(v, Msg) else v) for k, v in message.args)
    )


def at_field_cells(places: Mapping[DocPath, Location], problems: list[Diagnostic]) -> list[Diagnostic]:
    """A details field missing (`agency.name`, S001) at its own cell in the details sheet, where there is one,
    rather than at the first field's."""
    out = []
    for d in problems:
        said = dict(d.message.args).get("problem")
        if isinstance(said, Msg) and said.id == "missing-field":
            cell = places.get((*d.path, str(dict(said.args).get("field"))))
            d = d.at(cell) if cell is not None else d
        out.append(d)
    return out


def details_blanks(doc: Any, schema_problems: list[Diagnostic]) -> list[Diagnostic]:
    """A form whose `Bộ chỉ số` is blank (no set to read its answers by): every blank of its details (`doc`, read
    without a set) at its cell, in the form's words (`Bộ chỉ số còn để trống`), never YAML's field names."""
    details = [d for d in schema_problems if d.path[:1] not in (("answers",), ("adjustments",))]
    if not any(d.path[:1] == ("criteria",) or _missing_field(d) == "criteria" for d in details):
        field = msg("missing-field", field="criteria")
        details.insert(0, problem("S001", "at-path", (), where="criteria", problem=field))
    return form_hints(at_field_cells(doc.places, placed(doc, details)), [], terms=doc.terms)


def _missing_field(d: Diagnostic) -> str | None:
    """The field a `missing-field` problem (S001) names, else None."""
    said = dict(d.message.args).get("problem")
    return str(dict(said.args).get("field")) if isinstance(said, Msg) and said.id == "missing-field" else None
