"""Bind an assessment's answers to its criteria set: every input checked against its leaf's rule.

The result holds typed inputs only, so the engine never meets an invalid value. Every problem in the file is
collected (unknown codes, answers on inner nodes, inputs outside a rule's domain, `na` where not allowed…), each
with its document path: io turns paths into file:line:col.
"""

from __future__ import annotations

import difflib
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from par_cli.core.diagnostics import Diagnostic, DocPath, msg, problem
from par_cli.core.model import Assessment, CriteriaSet
from par_cli.core.named_tuple import NamedTuple
from par_cli.core.numbers import TextNumber
from par_cli.core.rules.base import NOT_APPLICABLE, InputError
from par_cli.core.survey import SurveyShare
from par_cli.core.tree import NodeInfo, no_criterion
from par_cli.core.unit_max import for_type
from par_cli.core.unit_types import not_for_type, ranking_group, unit_type_problems

if TYPE_CHECKING:
    from par_cli.core.diagnostics import Origin

ANSWER_FIELDS = frozenset(
    {"self", "first_appraisal", "appraised", "survey", "evidence", "explanation", "note", "na", "reason"}
)
INPUT_FIELDS = ("self", "first_appraisal", "appraised", "survey")
ADJUSTMENT_FIELDS = frozenset({"self", "first_appraisal", "appraised", "note", "reason", "evidence", "explanation"})


class LeafAnswer(NamedTuple):
    """Typed inputs of one leaf (None where not given)."""

    self_value: Any = None
    appraised: Any = None
    survey: Any = None
    evidence: tuple[str, ...] = ()
    explanation: str | None = None
    first_appraisal: Any = None  # extension: the council's first round, before the agency's explanation
    reason: str | None = None  # why the council changed it (the cut list shows it)

    def inputs(self, survey: bool) -> tuple[Any, Any]:
        """(the input that counts, the self-assessed one): survey leaves take `survey` for both; others take the
        council's last word (`appraised`, the final round, else `first_appraisal`), else `self`."""
        if survey:
            return self.survey, self.survey
        for final in (self.appraised, self.first_appraisal, self.self_value):
            if final is not None:
                return final, self.self_value
        return None, self.self_value

    def unsupported(self, info: NodeInfo, self_points: Fraction) -> bool:
        """Self-assessed points on a leaf that asks for evidence, given with neither evidence nor explanation."""
        return (
            info.source == "self"
            and info.evidence == "required"
            and self_points.numerator > 0
            and not self.evidence
            and not self.explanation
        )


class AdjustmentAnswer(NamedTuple):
    self_value: Fraction | None
    appraised: Fraction | None


class Bound(NamedTuple):
    """An assessment ready to score: its criteria, typed answers and the codes declared not applicable."""

    assessment: Assessment
    criteria: CriteriaSet
    nodes: dict[str, NodeInfo]
    answers: dict[str, LeafAnswer]
    not_applicable: frozenset[str]
    adjustments: dict[str, AdjustmentAnswer]
    origin: Origin  # the file, to locate findings in
    criteria_file: Path = Path()  # where the criteria set was read from (io fills it in)

    @property
    def file(self) -> str:
        return self.origin.file


def _did_you_mean(name: str, choices: list[str]) -> list[str]:
    return difflib.get_close_matches(name, choices, n=1)


def _split(raw: Any, path: DocPath, problems: list[Diagnostic]) -> dict[str, Any] | None:
    """Short form → {"self": input} or {"na": True}; long form → its fields. None when unusable."""
    if raw == "na":
        return {"na": True}
    if isinstance(raw, dict) and raw:
        if ANSWER_FIELDS.issuperset(raw):
            return raw
        fields = set(raw)
        if fields & ANSWER_FIELDS:
            unknown = sorted(fields - ANSWER_FIELDS)
            close = _did_you_mean(unknown[0], sorted(ANSWER_FIELDS))
            hint = (
                msg("hint.did-you-mean", name=close[0])
                if close
                else msg("hint.answer-fields", fields=", ".join(sorted(ANSWER_FIELDS)))
            )
            problems.append(
                problem("A012", "unknown-answer-field", (*path, unknown[0]), hint, field=unknown[0])._replace(key=True)
            )
            return None
    return {"self": raw}


def _texts(raw: Any, path: DocPath, problems: list[Diagnostic]) -> tuple[str, ...]:
    """The evidence list of the answer at `path` (its field's path is made only for a message)."""
    if raw is None:
        return ()
    if isinstance(raw, list):
        try:
            return tuple(filter(str.strip, raw))  # texts that are not blank; in C (a ranking binds every answer)
        except TypeError:  # an item that is not text
            pass
    problems.append(problem("A003", "evidence-list", (*path, "evidence"), msg("hint.evidence-list")))
    return ()


def _text(raw: Any, path: DocPath, field: str, problems: list[Diagnostic]) -> str | None:
    if raw is None or isinstance(raw, str):
        return raw
    problems.append(problem("A003", "must-be-text", (*path, field), msg("hint.quote"), field=field))
    return None


Reads = dict[tuple[Any, ...], Any]  # what a set's rules read from each input as written, by criterion (`bind`)
_UNREAD = object()


def _written(code: str, raw: Any) -> tuple[Any, ...] | None:
    """An input as written, to remember what a rule read from it: a figure by its text (`1.0` and `1` read the
    same, but a rule may hand on the number it read, shown as written); None for a mapping or a list."""
    if raw.__class__ is TextNumber:
        return (code, raw.source)
    if raw.__class__ is str or raw.__class__ is bool:
        return (code, raw.__class__, raw)
    return None


class _Binder:
    def __init__(self, criteria: CriteriaSet, nodes: dict[str, NodeInfo], reads: Reads | None) -> None:
        self.criteria = criteria
        self.nodes = nodes
        self.reads = reads
        self.problems: list[Diagnostic] = []  # errors: the assessment cannot be scored
        self.notes: list[Diagnostic] = []  # warnings: it can, but `par check` says what to mend

    def read(self, info: NodeInfo, raw: Any, path: DocPath, field: str | None = None) -> Any:
        """The input `raw` of `field` in the answer at `path` (None: the short form), read by the leaf's rule."""
        if raw is None:
            return None
        if isinstance(raw, SurveyShare):  # a tallied survey result: its share of the maximum, whatever the rule
            return raw
        written = _written(info.code, raw) if self.reads is not None else None
        value = self.reads.get(written, _UNREAD) if self.reads is not None and written is not None else _UNREAD
        if value is _UNREAD:
            try:
                value = info.node.scoring_rule.read(raw, info.node.max)
            except InputError as exc:
                where = (*path, field) if field else path
                self.problems.append(
                    Diagnostic("A003", msg("at-code", code=info.code, problem=exc.message), where, hint=exc.hint)
                )
                return None
            if self.reads is not None and written is not None:
                if len(self.reads) >= 50_000:  # a few MB at most: figures written freely do not repeat
                    self.reads.clear()
                self.reads[written] = value
        if value is NOT_APPLICABLE and not info.node.allow_na:
            hint = msg("hint.nonzero-total")
            where = (*path, field) if field else path
            self.problems.append(problem("A004", "input-not-applicable", where, hint, code=info.code))
            return None
        return value

    def answer(self, code: str, raw: Any) -> tuple[LeafAnswer | None, bool]:
        """Bind one answer; returns (answer, declared not applicable)."""
        path: DocPath = ("answers", code)
        info = self.nodes.get(code)
        if info is None:
            self.problems.append(no_criterion(code, self.nodes, self.criteria.id, path)._replace(key=True))
            return None, False
        fields = _split(raw, path, self.problems)
        if fields is None:
            return None, False
        na = fields.get("na", False)
        if not isinstance(na, bool):
            self.problems.append(problem("A003", "na-true-false", (*path, "na"), code=code))
            return None, False
        if na:
            return self.not_applicable(info, fields, path)
        if not info.node.is_leaf:
            hint = msg("hint.answer-sub-criteria")
            self.problems.append(problem("A002", "not-a-leaf", path, hint, code=code))
            return None, False
        survey_leaf = info.source == "survey"
        long_form = isinstance(raw, dict)
        for name in ("self", "first_appraisal", "appraised") if survey_leaf else ("survey",):
            if fields.get(name) is not None:
                where = (*path, name) if long_form else path
                if survey_leaf:
                    self.problems.append(
                        problem("A005", "survey-leaf", where, msg("hint.write-survey"), code=code, field=name)
                    )
                else:
                    self.problems.append(problem("A005", "self-leaf", where, msg("hint.write-self"), code=code))
        own = appraised = survey = first = None
        if survey_leaf:
            survey = self.read(info, fields.get("survey"), path, "survey")
        else:
            raw_self, raw_appraised = fields.get("self"), fields.get("appraised")
            if "appraised" in fields and raw_appraised is None:
                hint = msg("hint.blank-appraisal")
                self.problems.append(
                    problem("A017", "blank-appraisal", (*path, "appraised"), hint, code=code)._replace(key=True)
                )
            own = self.read(info, raw_self, path, "self" if long_form else None)
            if raw_appraised is not None and raw_appraised == raw_self:
                appraised = own  # the council kept the self-assessed input: one value, scored once
            else:
                appraised = self.read(info, raw_appraised, path, "appraised")
            if fields.get("first_appraisal") is not None:
                first = self.read(info, fields["first_appraisal"], path, "first_appraisal")
            if (own is NOT_APPLICABLE or first is NOT_APPLICABLE or appraised is NOT_APPLICABLE) and any(
                value is not None and value is not NOT_APPLICABLE for value in (own, first, appraised)
            ):
                self.problems.append(problem("A014", "applicability-disagrees", path, code=code))
        evidence = fields.get("evidence")
        explanation = fields.get("explanation")
        if evidence is not None or explanation is not None or fields.get("note") is not None:
            evidence = _texts(evidence, path, self.problems)
            explanation = _text(explanation, path, "explanation", self.problems)
            if explanation is not None and not explanation.strip():
                blank = problem(
                    "A016", "blank-explanation", (*path, "explanation"), msg("hint.add-evidence"), code=code
                )
                self.notes.append(blank)
                explanation = None  # spaces explain nothing: the evidence rule still applies
            _text(fields.get("note"), path, "note", self.problems)
        reason = _text(fields.get("reason"), path, "reason", self.problems)
        return LeafAnswer(own, appraised, survey, evidence or (), explanation, first, reason), False

    def not_applicable(self, info: NodeInfo, fields: dict[str, Any], path: DocPath) -> tuple[None, bool]:
        given = [name for name in INPUT_FIELDS if fields.get(name) is not None]
        _text(fields.get("reason"), path, "reason", self.problems)
        if not info.node.allow_na:
            hint = msg("hint.allow-na-only")
            self.problems.append(problem("A004", "cannot-be-na", path, hint, code=info.code))
            return None, False
        if given:
            self.problems.append(problem("A003", "na-and-input", (*path, given[0]), code=info.code, field=given[0]))
        return None, True

    def adjustment(self, code: str, raw: Any) -> AdjustmentAnswer | None:
        path: DocPath = ("adjustments", code)
        known = {adjustment.code: adjustment for adjustment in self.criteria.adjustments}
        if code not in known:
            hint = msg("hint.adjustments", codes=", ".join(known)) if known else msg("hint.no-adjustments")
            self.problems.append(
                problem("A013", "no-adjustment", path, hint, code=code, criteria=self.criteria.id)._replace(key=True)
            )
            return None
        fields = raw if isinstance(raw, dict) else {"self": raw}
        unknown = sorted(set(fields) - ADJUSTMENT_FIELDS)
        if unknown:
            self.problems.append(
                problem("A012", "unknown-adjustment-field", (*path, unknown[0]), field=unknown[0])._replace(key=True)
            )
            return None
        limit = known[code].max
        values: dict[str, Fraction | None] = {}
        for name in ("self", "first_appraisal", "appraised"):
            value = fields.get(name)
            where = (*path, name) if isinstance(raw, dict) else path
            if value is None:
                values[name] = None
            elif not isinstance(value, Decimal) or isinstance(value, bool) or not 0 <= value <= limit:
                shown = value if isinstance(value, Decimal) and not isinstance(value, bool) else repr(value)
                self.problems.append(problem("A003", "adjustment-range", where, code=code, value=shown, max=limit))
                values[name] = None
            else:
                values[name] = Fraction(value)
        return AdjustmentAnswer(values["self"], values["appraised"])


def _inside_na_branch(code: str, nodes: dict[str, NodeInfo], declared: set[str]) -> str | None:
    parent = nodes[code].parent
    while parent is not None:
        if parent in declared:
            return parent
        parent = nodes[parent].parent
    return None


def bind(
    criteria: CriteriaSet,
    nodes: dict[str, NodeInfo],
    assessment: Assessment,
    origin: Origin,
    reads: Reads | None = None,
) -> tuple[Bound | None, list[Diagnostic]]:
    """The assessment bound to its criteria set (None when any error) and every problem and warning, each with
    its document path. `reads`: what the set's rules read from inputs as written, kept by the caller for the
    files of one set (a folder's files repeat the same levels, counts and figures)."""
    unit_type = assessment.agency.type
    type_problems = unit_type_problems(criteria, nodes, unit_type)
    agency, group_problems = ranking_group(criteria, assessment.agency)
    assessment, type_problems = assessment._replace(agency=agency), type_problems + group_problems
    typed, typed_nodes = for_type(criteria, nodes, unit_type)  # a type's own maxima (`max_by_type`)
    if typed is not criteria:
        criteria, nodes = typed, typed_nodes
        reads = reads.setdefault(("max_by_type", unit_type), {}) if reads is not None else None
    binder = _Binder(criteria, nodes, reads)
    answers: dict[str, LeafAnswer] = {}
    declared: set[str] = set()
    binder.problems += type_problems
    if assessment.agency.ranked and assessment.agency.unranked_reason is not None:
        hint = msg("hint.reason-but-ranked", field="unranked_reason")
        binder.problems.append(problem("A027", "reason-but-ranked", ("agency", "unranked_reason"), hint))
    outside = not_for_type(criteria, nodes, unit_type)
    for code in sorted(outside & set(assessment.answers)):
        hint = msg("hint.remove-answer")
        not_for = problem("A018", "not-for-type", ("answers", code), hint, code=code, type=unit_type or "—")
        binder.problems.append(not_for._replace(key=True))
    for code, raw in assessment.answers.items():
        if code in outside:
            continue
        answer, na = binder.answer(code, raw)
        if na:
            declared.add(code)
        elif answer is not None:
            answers[code] = answer
    for code in sorted(set(answers) | declared) if declared else ():
        branch = _inside_na_branch(code, nodes, declared)
        if branch is not None:
            hint = msg("hint.remove-answer-or-na", code=branch)
            binder.problems.append(
                problem("A011", "answered-under-na", ("answers", code), hint, code=code, branch=branch)._replace(
                    key=True
                )
            )
    adjustments = {}
    for code, raw in assessment.adjustments.items():
        adjustment = binder.adjustment(code, raw)
        if adjustment is not None:
            adjustments[code] = adjustment
    if binder.problems:
        return None, binder.problems + binder.notes
    # criteria for other unit types are out of the maximum, as N/A ones are, with no answer in the file
    not_applicable = frozenset(declared | outside)
    return Bound(assessment, criteria, nodes, answers, not_applicable, adjustments, origin), binder.notes
