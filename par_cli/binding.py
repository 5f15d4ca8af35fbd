"""Bind an assessment's answers to its criteria set: every input checked against its leaf's rule.

The result holds typed inputs only, so the engine never meets an invalid value. Every problem in the file is
collected (unknown codes, answers on inner nodes, inputs outside a rule's domain, `na` where not allowed…).
"""

from __future__ import annotations

import difflib
from decimal import Decimal
from fractions import Fraction
from typing import Any, NamedTuple

from par_cli.diagnostics import Diagnostic, Path, error
from par_cli.models import Assessment, CriteriaSet
from par_cli.rules import NOT_APPLICABLE, InputError, fmt
from par_cli.tree import NodeInfo
from par_cli.yamlsource import Document

ANSWER_FIELDS = frozenset({"self", "appraised", "survey", "evidence", "explanation", "note", "na", "reason"})
INPUT_FIELDS = ("self", "appraised", "survey")


class LeafAnswer(NamedTuple):
    """Typed inputs of one leaf (None where not given)."""

    self_value: Any = None
    appraised: Any = None
    survey: Any = None
    evidence: tuple[str, ...] = ()
    explanation: str | None = None
    line: int = 0

    def inputs(self, survey: bool) -> tuple[Any, Any]:
        """(the input that counts, the self-assessed one): survey leaves take `survey` for both; others take
        `appraised` when the council gave one, else `self`."""
        if survey:
            return self.survey, self.survey
        return (self.appraised if self.appraised is not None else self.self_value), self.self_value


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
    file: str
    answers_line: int
    answer_positions: dict[str, tuple[int, int]]
    agency_position: tuple[int, int]


def _split(raw: Any, path: Path, problems: list[Diagnostic]) -> dict[str, Any] | None:
    """Short form → {"self": input} or {"na": True}; long form → its fields. None when unusable."""
    if raw == "na":
        return {"na": True}
    if isinstance(raw, dict) and raw:
        if ANSWER_FIELDS.issuperset(raw):
            return raw
        fields = set(raw)
        known = fields & ANSWER_FIELDS
        if known:
            unknown = sorted(fields - ANSWER_FIELDS)
            close = difflib.get_close_matches(unknown[0], sorted(ANSWER_FIELDS), n=1)
            problems.append(
                error(
                    "A012",
                    f"unknown answer field '{unknown[0]}'",
                    (*path, unknown[0]),
                    hint=f"did you mean '{close[0]}'?"
                    if close
                    else "answer fields: " + ", ".join(sorted(ANSWER_FIELDS)),
                )
            )
            return None
    return {"self": raw}


def _texts(raw: Any, path: Path, problems: list[Diagnostic]) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, list) and all(isinstance(item, str) for item in raw):
        return tuple(item for item in raw if item.strip())
    problems.append(error("A003", "evidence must be a list of texts", path, hint='write evidence: ["Báo cáo số …"]'))
    return ()


def _text(raw: Any, path: Path, problems: list[Diagnostic]) -> str | None:
    if raw is None or isinstance(raw, str):
        return raw
    problems.append(error("A003", f"{path[-1]} must be text", path, hint="quote it"))
    return None


class _Binder:
    def __init__(self, criteria: CriteriaSet, nodes: dict[str, NodeInfo], doc: Document) -> None:
        self.criteria = criteria
        self.nodes = nodes
        self.doc = doc
        self.problems: list[Diagnostic] = []
        self.positions = doc.key_positions(("answers",))

    def read(self, info: NodeInfo, raw: Any, path: Path) -> Any:
        if raw is None:
            return None
        try:
            value = info.node.scoring_rule.read(raw, info.node.max)
        except InputError as exc:
            self.problems.append(error("A003", f"{info.code}: {exc.message}", path, hint=exc.hint))
            return None
        if value is NOT_APPLICABLE and not info.node.allow_na:
            self.problems.append(
                error(
                    "A004",
                    f"{info.code}: this input makes the criterion not applicable, but it does not allow N/A",
                    path,
                    hint="give a non-zero total, or set allow_na: true in the criteria set",
                )
            )
            return None
        return value

    def answer(self, code: str, raw: Any) -> tuple[LeafAnswer | None, bool]:
        """Bind one answer; returns (answer, declared not applicable)."""
        path: Path = ("answers", code)
        info = self.nodes.get(code)
        if info is None:
            close = difflib.get_close_matches(code, list(self.nodes), n=1)
            self.problems.append(
                error(
                    "A001",
                    f"no criterion '{code}' in {self.criteria.id}",
                    path,
                    hint=f"did you mean '{close[0]}'?" if close else "see `par criteria show`",
                )
            )
            return None, False
        fields = _split(raw, path, self.problems)
        if fields is None:
            return None, False
        na = fields.get("na", False)
        if not isinstance(na, bool):
            self.problems.append(error("A003", f"{code}: na must be true or false", (*path, "na")))
            return None, False
        if na:
            given = [name for name in INPUT_FIELDS if fields.get(name) is not None]
            _text(fields.get("reason"), (*path, "reason"), self.problems)
            if not info.node.allow_na:
                self.problems.append(
                    error(
                        "A004",
                        f"{code} cannot be declared not applicable",
                        path,
                        hint="only criteria with allow_na: true may be N/A",
                    )
                )
                return None, False
            if given:
                self.problems.append(
                    error("A003", f"{code} is declared N/A and also gives '{given[0]}'", (*path, given[0]))
                )
            return None, True
        if not info.node.is_leaf:
            self.problems.append(
                error(
                    "A002",
                    f"{code} is not a leaf: its points are the sum of its sub-criteria",
                    path,
                    hint="answer its sub-criteria, or declare it na if allowed",
                )
            )
            return None, False
        survey_leaf = info.source == "survey"
        long_form = isinstance(raw, dict)
        for name in ("self", "appraised") if survey_leaf else ("survey",):
            if fields.get(name) is not None:
                self.problems.append(
                    error(
                        "A005",
                        f"{code} is scored by the survey: it takes no '{name}' value"
                        if survey_leaf
                        else f"{code} is self-assessed: it takes no 'survey' value",
                        (*path, name) if long_form else path,
                        hint="write {survey: …}" if survey_leaf else "write {self: …} (and appraised: …)",
                    )
                )
        own = appraised = survey = None
        if survey_leaf:
            survey = self.read(info, fields.get("survey"), (*path, "survey"))
        else:
            raw_self, raw_appraised = fields.get("self"), fields.get("appraised")
            own = self.read(info, raw_self, (*path, "self") if long_form else path)
            if raw_appraised is not None and raw_appraised == raw_self:
                appraised = own  # the council kept the self-assessed input: one value, scored once
            else:
                appraised = self.read(info, raw_appraised, (*path, "appraised"))
            if own is not None and appraised is not None and (own is NOT_APPLICABLE) != (appraised is NOT_APPLICABLE):
                self.problems.append(
                    error("A014", f"{code}: self and appraised disagree on whether the criterion applies", path)
                )
        evidence = fields.get("evidence")
        explanation = fields.get("explanation")
        if evidence is not None or explanation is not None or fields.get("note") is not None:
            evidence = _texts(evidence, (*path, "evidence"), self.problems)
            explanation = _text(explanation, (*path, "explanation"), self.problems)
            _text(fields.get("note"), (*path, "note"), self.problems)
        answer = LeafAnswer(own, appraised, survey, evidence or (), explanation, self.positions.get(code, (0, 0))[0])
        return answer, False

    def adjustment(self, code: str, raw: Any) -> AdjustmentAnswer | None:
        path: Path = ("adjustments", code)
        known = {adjustment.code: adjustment for adjustment in self.criteria.adjustments}
        if code not in known:
            hint = f"this set's adjustments: {', '.join(known)}" if known else "this set has no adjustments"
            self.problems.append(error("A013", f"no adjustment '{code}' in {self.criteria.id}", path, hint=hint))
            return None
        fields = raw if isinstance(raw, dict) else {"self": raw}
        unknown = sorted(set(fields) - {"self", "appraised", "note", "reason", "evidence", "explanation"})
        if unknown:
            self.problems.append(error("A012", f"unknown adjustment field '{unknown[0]}'", (*path, unknown[0])))
            return None
        limit = known[code].max
        values: dict[str, Fraction | None] = {}
        for name in ("self", "appraised"):
            value = fields.get(name)
            where = (*path, name) if isinstance(raw, dict) else path
            if value is None:
                values[name] = None
            elif not isinstance(value, Decimal) or isinstance(value, bool) or not 0 <= value <= limit:
                shown = fmt(value) if isinstance(value, Decimal) and not isinstance(value, bool) else repr(value)
                self.problems.append(
                    error("A003", f"adjustment {code}: {shown} is not a number of points in 0–{fmt(limit)}", where)
                )
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
    criteria: CriteriaSet, nodes: dict[str, NodeInfo], assessment: Assessment, doc: Document
) -> tuple[Bound | None, list[Diagnostic]]:
    binder = _Binder(criteria, nodes, doc)
    answers: dict[str, LeafAnswer] = {}
    declared: set[str] = set()
    for code, raw in assessment.answers.items():
        answer, na = binder.answer(code, raw)
        if na:
            declared.add(code)
        elif answer is not None:
            answers[code] = answer
    for code in sorted(set(answers) | declared) if declared else ():
        branch = _inside_na_branch(code, nodes, declared)
        if branch is not None:
            binder.problems.append(
                error(
                    "A011",
                    f"{code} is answered, but {branch} above it is declared not applicable",
                    ("answers", code),
                    hint=f"remove the answer, or the na on {branch}",
                )
            )
    adjustments = {}
    for code, raw in assessment.adjustments.items():
        bound = binder.adjustment(code, raw)
        if bound is not None:
            adjustments[code] = bound
    problems = [doc.place(problem, key=problem.code in ("A001", "A011", "A012", "A013")) for problem in binder.problems]
    if problems:
        return None, problems
    bound_assessment = Bound(
        assessment=assessment,
        criteria=criteria,
        nodes=nodes,
        answers=answers,
        not_applicable=frozenset(declared),
        adjustments=adjustments,
        file=doc.file,
        answers_line=doc.locate(("answers",), key=True)[0],
        answer_positions=binder.positions,
        agency_position=doc.locate(("agency", "id")),
    )
    return bound_assessment, []
