"""Appraisal files (`kind: appraisal`): one appraiser's values for the areas it owns, for many agencies.

A criteria set names who appraises an area (`appraiser:` on a node, inherited by its children). An appraisal
file is checked against its set on its own (codes, leaves, ownership, each value against its leaf's rule), then
merged into each assessment it names: the council's values join the agency's answers, and a value given twice
(in two appraisal files, or in an appraisal file and the assessment) is refused, naming both files.

A code that is one of the set's adjustments (bonus, penalty: `T`, `P`) is the appraised value of that adjustment,
from the council's file only (the set names no appraiser for adjustments); it joins the assessment's `adjustments`.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection, Iterable, Mapping
from decimal import Decimal
from typing import Any

from par_cli.core.diagnostics import Diagnostic, DocPath, msg, problem
from par_cli.core.model import Adjustment, AppraisalFile, Assessment, CriteriaSet
from par_cli.core.rules.base import InputError
from par_cli.core.tree import NodeInfo, no_criterion

APPRAISAL_FIELDS = ("appraised", "first_appraisal", "reason")
COUNCIL = "hoi-dong"  # the appraiser of every criterion no `appraiser:` names (`par appraisal read` writes its file)


def owner(code: str, nodes: Mapping[str, NodeInfo]) -> str | None:
    """Who appraises a criterion: the nearest `appraiser:` on it or above it."""
    info: NodeInfo | None = nodes[code]
    while info is not None:
        if info.node.appraiser is not None:
            return info.node.appraiser
        info = nodes[info.parent] if info.parent is not None else None
    return None


def fields_of(raw: Any) -> dict[str, Any]:
    """The long form (a mapping with any of `appraised`, `first_appraisal`, `reason`) as it is; anything else
    (`"2.1": 80`, `{done: 18, total: 20}`) is the final appraisal."""
    return dict(raw) if is_long(raw) else {"appraised": raw}


def is_long(raw: Any) -> bool:
    return isinstance(raw, dict) and bool(set(raw) & set(APPRAISAL_FIELDS))


def appraisal_problems(file: AppraisalFile, criteria: CriteriaSet, nodes: Mapping[str, NodeInfo]) -> list[Diagnostic]:
    """Every problem of an appraisal file against its criteria set (its criteria, and its `adjustments`), each at
    its document path."""
    found: list[Diagnostic] = []
    known = {adjustment.code: adjustment for adjustment in criteria.adjustments}
    criteria_id = criteria.id
    for agency, answers in file.agencies.items():
        for code, raw in answers.items():
            path: DocPath = ("agencies", agency, code)
            if code in known and code not in nodes:
                found += _adjustment(file, known[code], raw, path)
                continue
            info = nodes.get(code)
            if info is None:
                found.append(no_criterion(code, [*nodes, *known], criteria_id, path)._replace(key=True))
                continue
            if not info.node.is_leaf:
                found.append(problem("A002", "not-a-leaf", path, msg("hint.answer-sub-criteria"), code=code))
                continue
            if info.source == "survey":
                found.append(problem("A005", "appraised-survey-leaf", path, code=code)._replace(key=True))
                continue
            owned_by = owner(code, nodes)
            if (owned_by or COUNCIL) != file.appraiser:
                name = "not-own-area" if owned_by is not None else "no-appraiser"
                hint = msg("hint.appraiser-areas")
                found.append(
                    problem(
                        "A020", name, path, hint, code=code, appraiser=file.appraiser, owner=owned_by or ""
                    )._replace(key=True)
                )
                continue
            found += _values(fields_of(raw), info, path, is_long(raw))
    return found


def _adjustment(file: AppraisalFile, adjustment: Adjustment, raw: Any, path: DocPath) -> list[Diagnostic]:
    """An adjustment's appraisal, checked as an assessment's adjustment is: the council's only, 0–max points."""
    code = adjustment.code
    if file.appraiser != COUNCIL:
        hint = msg("hint.appraiser-areas")
        return [problem("A020", "no-appraiser", path, hint, code=code, appraiser=file.appraiser)._replace(key=True)]

    def out_of_range(value: Any, where: DocPath) -> Diagnostic | None:
        if isinstance(value, Decimal) and not isinstance(value, bool) and 0 <= value <= adjustment.max:
            return None
        shown = value if isinstance(value, Decimal) and not isinstance(value, bool) else repr(value)
        return problem("A003", "adjustment-range", where, code=code, value=shown, max=adjustment.max)

    return _checked(fields_of(raw), path, is_long(raw), code, "unknown-adjustment-field", out_of_range)


def _values(fields: dict[str, Any], info: NodeInfo, path: DocPath, long_form: bool) -> list[Diagnostic]:
    def unreadable(value: Any, where: DocPath) -> Diagnostic | None:
        try:
            info.node.scoring_rule.read(value, info.node.max)
        except InputError as exc:
            return Diagnostic("A003", msg("at-code", code=info.code, problem=exc.message), where, hint=exc.hint)
        return None

    return _checked(fields, path, long_form, info.code, "unknown-answer-field", unreadable)


def _checked(
    fields: dict[str, Any],
    path: DocPath,
    long_form: bool,
    code: str,
    unknown_field: str,
    wrong: Callable[[Any, DocPath], Diagnostic | None],
) -> list[Diagnostic]:
    """An appraised value's fields (a criterion's or an adjustment's): none unknown (A012), a value given (A017),
    each value as `wrong` judges it (at its field in the long form), a reason that is text."""
    unknown = sorted(set(fields) - set(APPRAISAL_FIELDS))
    if unknown:
        hint = msg("hint.answer-fields", fields=", ".join(APPRAISAL_FIELDS))
        return [problem("A012", unknown_field, (*path, unknown[0]), hint, field=unknown[0])._replace(key=True)]
    if not any(fields.get(name) is not None for name in ("appraised", "first_appraisal")):
        return [problem("A017", "blank-appraisal", path, msg("hint.blank-appraisal"), code=code)._replace(key=True)]
    found: list[Diagnostic] = []
    for name in ("appraised", "first_appraisal"):
        judged = wrong(fields[name], (*path, name) if long_form else path) if fields.get(name) is not None else None
        if judged is not None:
            found.append(judged)
    reason = fields.get("reason")
    if reason is not None and not isinstance(reason, str):
        found.append(problem("A003", "must-be-text", (*path, "reason"), msg("hint.quote"), field="reason"))
    return found


def merge(
    assessment: Assessment, appraisals: list[tuple[str, AppraisalFile]], adjustments: Collection[str] = ()
) -> tuple[Assessment, list[tuple[str, DocPath, str, str]]]:
    """The assessment with the appraisal files' values for its agency (those of the set's `adjustments` codes
    into its adjustments), and every value given twice as (file, path in that file, field, the other file) — the
    second of the two is the one refused."""
    answers = dict(assessment.answers)
    bonus = dict(assessment.adjustments)
    given: dict[tuple[str, str], str] = {}  # (code, field) → the appraisal file that gave it
    twice: list[tuple[str, DocPath, str, str]] = []
    key = assessment.agency.id.casefold()
    for name, file in appraisals:
        for agency, values in file.agencies.items():
            if agency.casefold() != key:
                continue
            for code, raw in values.items():
                into = bonus if code in adjustments else answers
                own = into.get(code)
                merged = _long_form(own)
                for field_name, value in fields_of(raw).items():
                    if value is None:
                        continue
                    other = given.get((code, field_name))
                    if other is None and merged.get(field_name) is not None:
                        other = ""  # the assessment itself
                    if other is not None:
                        twice.append((name, ("agencies", agency, code), field_name, other))
                        continue
                    given[(code, field_name)] = name
                    merged[field_name] = value
                into[code] = merged
    return assessment._replace(answers=answers, adjustments=bonus), twice


def _long_form(answer: Any) -> dict[str, Any]:
    if isinstance(answer, dict):
        return dict(answer)
    if answer == "na":
        return {"na": True}
    return {} if answer is None else {"self": answer}


def unclaimed_ids(named: Iterable[str], assessed: Iterable[str]) -> list[tuple[str, str | None]]:
    """Each id a file names (appraisal values, survey forms, a council's rows) that no assessment is for, in any
    case, with the closest assessed id: their values would count for no one."""
    known = {agency.casefold(): agency for agency in assessed}
    return [
        (agency, next(iter(difflib.get_close_matches(agency, list(known.values()), n=1)), None))
        for agency in named
        if agency.casefold() not in known
    ]
