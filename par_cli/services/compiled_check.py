"""`par check`'s fast path for one assessment file (issue 31): read, bound and checked in one pass, on the plan a
ranking scores with (`core.compiled`, `services.compiled_rank`).

The answers are cut out of the text (`yamlengine.answer_lines`; a file it cannot cut is read whole, as
`read_document` reads it): each entry's points, final and self-assessed, are worked out once per plan and entry as
written (a folder's files repeat them) and kept. A clean file has no diagnostic but what scoring finds
(`core.scoring.leaf_findings`: A006 unanswered, A007 without evidence, A008 raised by the council, V015 most
answers not counted); those are made here from each leaf's points and located at the entry's line. Anything the
plan does not cover, and any problem at all (a YAML note, a schema problem, an input a rule refuses, an unknown
code, a blank explanation, an adjustment out of range…), gives None: the general path (`FileChecker.general`)
checks that file, so every problem is reported as it reports it. `tests/test_compiled_check.py` proves both give
the same; `PAR_COMPILED=0` turns the fast path off.
"""

from __future__ import annotations

import os
import re
from fractions import Fraction
from typing import TYPE_CHECKING, Any, cast

from par_cli.core.compiled import ANSWER_FIELDS, REFUSED, answer_points, ratio_points
from par_cli.core.compiled import _read as _read_input
from par_cli.core.compiled_adjustments import adjustment_rows
from par_cli.core.diagnostics import LineCol, Location, ParError
from par_cli.core.named_tuple import NamedTuple
from par_cli.core.numbers import TextNumber
from par_cli.core.rules.base import NOT_APPLICABLE
from par_cli.core.survey import left_out_of
from par_cli.io.suffixes import is_form_file
from par_cli.readers.files import wrong_kind
from par_cli.words.codes import FINDING_CODES
from par_cli.yamlengine import answer_lines
from par_cli.yamlengine.flow_json import Declined
from par_cli.yamlengine.source import Document

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from par_cli.core.binding import Bound
    from par_cli.core.compiled import Leaf, Plan
    from par_cli.core.diagnostics import Diagnostic, DocPath
    from par_cli.core.model import Assessment
    from par_cli.core.scoring import AdjustmentResult, Finding
    from par_cli.services.workspace import Workspace

MEMO = 20_000  # entries kept per plan (those with `{done, total}` are not kept: they seldom repeat)
_RAISED = "appraisal-raised" in FINDING_CODES  # `par check` says a raise (A008), not a cut
_CUT = "appraisal-cut" in FINDING_CODES
_FIELD = re.compile(r', (evidence|explanation|note|reason): (\[(?:"[^"]*"(?:, "[^"]*")*)?\]|"[^"]*")')
_STRING = re.compile(r'"([^"]*)"')
_ANY_BLANK = re.compile(r'evidence: \[(?:" *"(?:, " *")*)?\]')  # quoted texts hold no `"`: none is in one
_BLANK = re.compile(r', evidence: \[(?:" *"(?:, " *")*)?\]\}')  # only spaces (a cut block has no other blank)


class Engine(NamedTuple):
    """What the fast path takes from modules too deep to import here (`tests/test_architecture`: six layers at
    most): `core.formats.validate`, `services.findings.located_findings`, `core.scoring`'s `Finding` and
    `AdjustmentResult`, a ranking's reading of a file (`read_cut`) and its plans (`services.compiled_rank`)."""

    validate: Callable[..., tuple[Any, Any]]
    located: Callable[..., list[Diagnostic]]
    finding: type[Finding]
    adjustment: type[AdjustmentResult]
    read: Callable[[Path], tuple[Document | None, tuple[answer_lines.Entries, str] | None]]
    plan: Callable[..., Plan | None]


class Fused(NamedTuple):
    """What `services.checking.Checked` holds of a clean file: its diagnostics (what scoring finds), (agency id,
    set id, period), where its agency id is, its file name, its groups."""

    diagnostics: tuple[Diagnostic, ...]
    agency: tuple[str, str, str | None]
    agency_where: Location
    file: str
    groups: tuple[str, ...]


class _Covered(NamedTuple):
    """A plan as the fast check uses it: the leaves asking for evidence, each leaf's finding when unanswered, and
    each entry's points (kept)."""

    plan: Plan
    evidence: frozenset[str]
    finding: type[Finding]
    unanswered: dict[str, Finding]  # in the criteria's order
    order: dict[str, int]  # each leaf's place in the criteria's order
    memo: dict[Any, Any]


_COVERED: dict[int, tuple[Plan, _Covered | None]] = {}


def _covered(plan: Plan, nodes: Any, finding: type[Finding]) -> _Covered | None:
    """The plan's check data; None when a leaf's maximum is not above 0 (`score` says what that gives)."""
    held = _COVERED.get(id(plan))
    if held is None or held[0] is not plan:
        covered = None
        if all(leaf.max_points > 0 for leaf in plan.leaves):
            needs = frozenset(
                leaf.code for leaf in plan.leaves if not leaf.survey and nodes[leaf.code].evidence == "required"
            )
            unanswered = {
                leaf.code: finding("warning", "unanswered", leaf.code, ("answers",), (leaf.max_points,), leaf.survey)
                for leaf in plan.leaves
            }
            order = {leaf.code: n for n, leaf in enumerate(plan.leaves)}
            covered = _Covered(plan, needs, finding, unanswered, order, {})
        held = _COVERED[id(plan)] = (plan, covered)
    return held[1]


def fused_check(workspace: Workspace, path: Path, engine: Engine) -> Fused | None:
    """The diagnostics `FileChecker` gives a clean assessment file, or None: the general path checks it."""
    if workspace.renames is not None or os.environ.get("PAR_COMPILED", "1") == "0" or is_form_file(path):
        return None  # (`PAR_COMPILED=0`: as `services.compiled_rank.enabled`)
    doc, cut = engine.read(path)
    if doc is not None and cut is None and doc.notes:
        return None  # a YAML note: the general path says it
    model: Assessment | None = None
    if doc is not None and wrong_kind(doc, "assessment") is None:
        model = engine.validate("assessment", doc.data)[0]
    if doc is None or model is None:
        return None
    agency = model.agency
    if agency.type is not None or (agency.ranked and agency.unranked_reason is not None):
        return None  # a unit type's maxima, an unranked agency: the general path
    try:
        criteria = workspace.criteria_for(model.criteria, doc, path)
        surveyed, said = workspace.with_survey(model, path, criteria)
        if surveyed is not model or said:
            return None
        if workspace.appraisals.apply(model, path, criteria.model.id, criteria.model.adjustments) is not model:
            return None
    except ParError:
        return None
    plan = engine.plan(criteria.model, criteria.nodes)
    covered = _covered(plan, criteria.nodes, engine.finding) if plan is not None else None
    if plan is None or covered is None:
        return None
    if (
        model.adjustments
        and adjustment_rows(plan.criteria, plan.adjustments, model.adjustments, engine.adjustment) is None
    ):
        return None
    answers: _Cut | _Plain = _Cut(covered, *cut) if cut is not None else _Plain(plan, model.answers)
    findings = _findings(covered, answers) if answers.given is not None else None
    if findings is None:
        return None
    where = doc.locate(("agency", "id"))
    found = engine.located(cast("Bound", _Placed(_Origin(doc, findings[1]))), findings[0])
    groups = tuple(g for g in (agency.group, agency.type, *agency.attributes.values()) if g is not None)
    return Fused(tuple(found), (agency.id, criteria.model.id, model.period), where, doc.file, groups)


class _Cut:
    """The answers cut out of a file's text: each code's (entry's index, final points, self points), each
    entry's points worked out once per plan; and what its text fields say, read from its line when asked."""

    def __init__(self, covered: _Covered, entries: answer_lines.Entries, text: str) -> None:
        self.entries = entries
        self.text = text
        start = 0 if text.startswith("answers:\n") else text.find("\nanswers:\n") + 1
        self.first = text.count("\n", 0, start) + 2  # the first entry's line number
        self.start = start + len("answers:\n")
        self._lines: list[str] | None = None
        self.given = self._given(covered)
        self.blank = True  # some evidence list may have no text that is not blank: each line is looked at
        if self.given is not None and covered.evidence:
            self.blank = _ANY_BLANK.search(text, self.start) is not None

    def _given(self, covered: _Covered) -> dict[str, tuple[int, Any, Any, Any]] | None:
        plan, memo = covered.plan, covered.memo
        given: dict[str, tuple[int, Any, Any, Any]] = {}
        figure = None
        for n, entry in enumerate(self.entries):
            got = memo.get(entry)
            if got is None:
                leaf = plan.by_code.get(entry[0])
                if leaf is None:
                    return None
                if figure is None:
                    figure = answer_lines.reader(TextNumber)
                got = _points(plan, leaf, entry, figure)
                if "{done" not in entry[1]:
                    if len(memo) >= MEMO:
                        memo.clear()
                    memo[entry] = got
            if got is REFUSED or entry[0] in given:
                return None
            given[entry[0]] = (n, *got)
        return given

    def line(self, n: int) -> str:
        if self._lines is None:
            self._lines = self.text[self.start :].split("\n")
        return self._lines[n]

    def place(self, n: int) -> int | None:
        return self.first + n

    def explained(self, n: int) -> bool | None:
        """The answer has an explanation (None: a blank one)."""
        entry = self.entries[n]
        if entry[2] != "explanation" and entry[3] != "explanation":
            return False
        return True if _texts(entry, self.line(n))["explanation"][0].strip() else None

    def supported(self, n: int) -> bool:
        """The answer's evidence has a text that is not blank (the binder's `_texts`)."""
        entry = self.entries[n]
        if not self.blank:  # no list in the text is blank: one with evidence has some
            return entry[2] == "evidence" or entry[3] == "evidence"
        if entry[2] == "evidence" and not entry[3]:  # the line's only text field: its texts are all it quotes
            return _BLANK.fullmatch(self.line(n), 6 + len(entry[0]) + len(entry[1])) is None
        return any(map(str.strip, _texts(entry, self.line(n)).get("evidence", ()))) if entry[2] else False


class _Plain:
    """The answers of a file read whole (`read_document`): as `_Cut` gives them."""

    def __init__(self, plan: Plan, answers: dict[str, Any]) -> None:
        self.fields: list[dict[str, Any]] = []
        self.given: dict[str, tuple[int, Any, Any, Any]] | None = {}
        for n, (code, raw) in enumerate(answers.items()):
            leaf = plan.by_code.get(code) if code.__class__ is str else None
            got: Any = _own(plan, leaf, raw, answer_points(plan, leaf, raw)) if leaf is not None else REFUSED
            if got is REFUSED:
                self.given = None
                return
            self.given[code] = (n, *got)
            self.fields.append(raw if isinstance(raw, dict) and raw and ANSWER_FIELDS.issuperset(raw) else {})

    def place(self, n: int) -> int | None:
        return None  # where the document says

    def explained(self, n: int) -> bool | None:
        explanation = self.fields[n].get("explanation")
        return False if explanation is None else True if explanation.strip() else None

    def supported(self, n: int) -> bool:
        return any(map(str.strip, self.fields[n].get("evidence") or ()))


def _texts(entry: answer_lines.Entry, line: str) -> dict[str, list[str]]:
    """The text fields of an entry's line, each as its texts."""
    at = 6 + len(entry[0]) + len(entry[1])  # past `  "CODE": {fields`
    return {m.group(1): _STRING.findall(m.group(2)) for m in _FIELD.finditer(line, at)}


def _findings(covered: _Covered, answers: _Cut | _Plain) -> tuple[list[Finding], dict[str, int]] | None:
    """What scoring finds, in the criteria's order (`core.scoring._in_order`), and the line of each answered code
    it finds something in (when known); None: not here."""
    given = answers.given
    assert given is not None
    findings: list[Finding] = []
    places: dict[str, int] = {}
    denominator = covered.plan.denominator
    finding = covered.finding
    applicable = len(given) < len(covered.plan.leaves)  # a leaf without an answer applies
    evidence = covered.evidence
    for code, (n, final, own, left) in given.items():
        if final is NOT_APPLICABLE:
            continue
        applicable = True
        explained = answers.explained(n)
        if explained is None:
            return None  # a blank explanation (A016): the general path says it
        if final is None:
            findings.append(covered.unanswered[code])
            continue
        found = len(findings)
        if own is not None and own != final:
            cut = final < own
            if _CUT if cut else _RAISED:
                figures = (Fraction(own, denominator), Fraction(final, denominator))
                kind = "appraisal-cut" if cut else "appraisal-raised"
                findings.append(finding("info", kind, code, ("answers", code), figures))
        if own is not None and own > 0 and code in evidence and not explained and not answers.supported(n):
            self_points = (Fraction(own, denominator),)
            findings.append(finding("warning", "missing-evidence", code, ("answers", code), self_points))
        if left is not None and left[0] * 2 > left[1]:  # most answers not counted (fewer: not said by `check`)
            findings.append(finding("warning", "not-counted", code, ("answers", code), left, False))
        place = answers.place(n) if len(findings) > found else None
        if place is not None:
            places[code] = place
    if len(given) < len(covered.plan.leaves):
        findings += [finding for code, finding in covered.unanswered.items() if code not in given]
    if not applicable:
        return None  # nothing applicable: `score` says so
    order = covered.order
    findings.sort(key=lambda finding: (order[finding.criterion], finding.code))
    return findings, places


class _Origin:
    """Where a file's findings are: an answered code at its entry's line, anything else in its document."""

    def __init__(self, doc: Document, places: dict[str, int]) -> None:
        self.doc = doc
        self.places = places

    def locate(self, path: DocPath, *, key: bool = False) -> LineCol:
        line = self.places.get(str(path[1])) if len(path) == 2 and path[0] == "answers" else None
        return LineCol(self.doc.file, line, 3) if line is not None else self.doc.locate(path, key=key)


class _Placed(NamedTuple):
    origin: _Origin  # all `services.findings.located_findings` asks of a bound assessment


def _points(plan: Plan, leaf: Leaf, entry: answer_lines.Entry, figure: Any) -> Any:
    """(final points, self-assessed points) of an entry, each × the plan's denominator (None: not given; final
    NOT_APPLICABLE: declared so), or REFUSED."""
    ratios = answer_lines.done_totals(entry[1]) if leaf.ratio is not None and not leaf.survey else None
    if ratios is not None:
        own = ratio_points(leaf, ratios[0], 1, ratios[1], 1)
        final = own if ratios[2] is None or ratios[3] is None else ratio_points(leaf, ratios[2], 1, ratios[3], 1)
        if own is not None and final is not None:
            return final, own, None
    try:
        value = answer_lines.read(entry, figure)
    except Declined:
        return REFUSED
    final = answer_points(plan, leaf, value)
    return _own(plan, leaf, value, final)


def _own(plan: Plan, leaf: Leaf, raw: Any, final: Any) -> Any:
    """(final points, self-assessed points, answers left out) of an answer whose final points are these (each ×
    the plan's denominator; self-assessed: None when not given, or on a survey leaf (its one input is both, no
    finding compares them); left out: `core.survey.left_out_of` its final input), or REFUSED."""
    if final is REFUSED:
        return REFUSED
    if final is None or final is NOT_APPLICABLE:
        return final, None, None
    fields = raw if isinstance(raw, dict) and raw and ANSWER_FIELDS.issuperset(raw) else {"self": raw}
    left = None
    if leaf.rule.kind == "likert":  # a count of answers, some perhaps left out (V015)
        names = ("survey",) if leaf.survey else ("appraised", "first_appraisal", "self")
        read = _read_input(plan, leaf, next(fields[name] for name in names if fields.get(name) is not None))
        left = None if read is REFUSED else left_out_of(read[0])
    if leaf.survey or fields.get("self") is None:
        return final, None, left
    own = answer_points(plan, leaf, {"self": fields["self"]})
    return REFUSED if own is REFUSED else (final, own, left)
