"""A submitted form into answers: each field typed as people type it (`97,5`, `45/50`, `97,5%`, `Có`/`Không`,
`Đạt`, a level's key or label, `KPS` for not applicable, a blank for no answer), read by the very reader of the
Excel form's cells (`readers.form_cells`), each problem located at its criterion and field.

Field names: `self-CODE`, `na-CODE` (not applicable: `on`, or `off`: a page puts a hidden `na-CODE=off` before
its check box, so that an unticked box says so), `reason-CODE` (why not applicable), `evidence-CODE` (one text a
line), `explanation-CODE`; a bonus's or penalty's claim `self-CODE` too (their codes are none of the leaves'). A
field absent from the submission leaves its value as the file has it; a field present and blank clears it. N/A:
`KPS` typed, or the box ticked; a value typed makes the criterion applicable; a blank input without the box
leaves it as it is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from par_cli.core.diagnostics import Diagnostic, LineCol, msg, problem
from par_cli.readers.form_cells import CellReader, Raw
from par_cli.serve.form_model import Form

TICKED = ("on", "1", "true", "yes")


# Unicode's control characters (category Cc, a set the standard fixes: U+0000-U+001F, U+007F-U+009F) but line
# breaks and tabs
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(value: str) -> str:
    """A text typed in a page: NFC, control characters (but line breaks and tabs) dropped, trimmed."""
    if value.isprintable():  # no control character, no line break: the usual field, read at once
        return unicodedata.normalize("NFC", value).strip()
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROLS.sub("", text).strip()


MAX_TEXT = 4000  # characters of a typed text (an explanation, the evidence lines, a reason): a page, not a book


def bounded(typed: str, path: tuple[str, ...], code: str, problems: list[Diagnostic], where: LineCol) -> str:
    """A typed text cleaned (`clean_text`); one longer than MAX_TEXT is refused at its field."""
    text = clean_text(typed)
    if len(text) > MAX_TEXT:
        problems.append(
            problem("A003", "serve.records.too-long", path, code=code, count=len(text), most=MAX_TEXT).at(where)
        )
    return text


def read_submission(form: Form, given: Mapping[str, str]) -> tuple[dict[str, dict[str, Any]], list[Diagnostic]]:
    """Code → the fields the submission gives ({field: value}; `self` None: no answer, `na` a bool, `evidence`
    a list of texts, `explanation`/`reason` a text or None), and the problems of what was typed, each at its
    criterion's field (`answers`/`adjustments`, code, field)."""
    problems: list[Diagnostic] = []
    reader = CellReader(problems)
    where = LineCol(form.agency.file)
    out: dict[str, dict[str, Any]] = {}
    for field in form.fields:
        if field.kind == "survey":
            continue  # survey results come from the survey: never typed by the agency
        found: dict[str, Any] = {}
        path = ("answers", field.code)
        typed = given.get(f"self-{field.code}")
        if typed is not None:
            found["self"] = _input(reader, typed, (*path, "self"), field, where)
        box = given.get(f"na-{field.code}")
        ticked: bool | None = box.strip().lower() in TICKED if box is not None else None
        typed_na = found.get("self") == "na"  # `KPS` typed in the input
        if typed_na:
            found["self"], ticked = None, True
        elif found.get("self") is not None and not ticked:  # a value typed: it applies
            ticked = False
        if ticked is not None:
            if ticked and not field.allow_na:  # said where it was given: the input typed, or the box ticked
                said = "serve.records.na-typed-not-allowed" if typed_na else "serve.records.na-not-allowed"
                refused = problem("A003", said, (*path, "self" if typed_na else "na"))
                problems.append(refused.at(where))
                ticked = False
            found["na"] = ticked
        reason = given.get(f"reason-{field.code}")
        if reason is not None:
            found["reason"] = bounded(reason, (*path, "reason"), field.code, problems, where) or None
        evidence = given.get(f"evidence-{field.code}")
        if evidence is not None:
            text = bounded(evidence, (*path, "evidence"), field.code, problems, where)
            found["evidence"] = [line for line in (clean_text(x) for x in text.split("\n")) if line]
        explanation = given.get(f"explanation-{field.code}")
        if explanation is not None:
            found["explanation"] = bounded(explanation, (*path, "explanation"), field.code, problems, where) or None
        if found:
            out[field.code] = found
    for claim in form.claims:
        typed = given.get(f"self-{claim.code}")
        if typed is None:
            continue
        raw = Raw(clean_text(typed) or None, where)
        value = reader.input(raw, ("adjustments", claim.code, "self"), None)
        if value == "na" or isinstance(value, bool | dict) or (value is not None and isinstance(value, str)):
            found_problem = problem(
                "A003", "serve.records.claim-number", ("adjustments", claim.code, "self"), code=claim.code
            )
            problems.append(found_problem.at(where))
            value = None
        out[f"adjustment:{claim.code}"] = {"self": value}
    return out, problems


def _input(reader: CellReader, typed: str, path: tuple[str, ...], field: Any, where: LineCol) -> Any:
    text = clean_text(typed)
    if not text:
        return None
    rule = _rule_of(field)
    value = reader.input(Raw(text, where), path, rule, _top(field))
    if field.kind == "levels" and isinstance(value, str) and value != "na":
        keys = {key for key, _ in field.levels}
        if value not in keys:  # `Ban hành kịp thời` matched by label already; anything else is said here
            listed = ", ".join(f"{key} ({label})" for key, label in field.levels)
            hint = msg("serve.records.hint-levels", levels=listed)
            reader.problems.append(problem("A003", "serve.records.not-a-level", path, hint, text=text).at(where))
            return None
    return value


class _Rule:
    """What the cell reader asks of a rule: its kind, its levels, whether it takes a percentage."""

    def __init__(self, kind: str, levels: tuple[Any, ...], takes_percent: bool) -> None:
        self.kind, self.levels, self.takes_percent = kind, levels, takes_percent


class _Level:
    def __init__(self, key: str, label: str) -> None:
        self.key, self.label = key, label


def _rule_of(field: Any) -> _Rule:
    kinds = {"check": "check", "levels": "levels"}
    levels = tuple(_Level(key, label) for key, label in field.levels)
    return _Rule(kinds.get(field.kind, field.kind), levels, field.kind == "percent")


def _top(field: Any) -> Any:
    from decimal import Decimal

    return Decimal(field.max.numerator) / Decimal(field.max.denominator) if field.kind == "percent" else None
