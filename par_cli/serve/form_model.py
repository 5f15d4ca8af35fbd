"""An agency's form, as data: one field per leaf of its criteria set (each rule's input kind, the value as the
file holds it, the appraisal, the evidence, the explanation, the points and the problems at that code), its
bonus and penalty claims, and its totals, from the same services as `par score` and `par check`."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from par_cli.core.diagnostics import Msg, ParError, msg
from par_cli.core.tree import walk
from par_cli.serve.page_words import page_message
from par_cli.serve.records import (
    AgencyRecord,
    Problem,
    inspect_file,
)
from par_cli.services.workspace import Workspace, scored_in_group
from par_cli.words.catalogue import text
from par_cli.words.languages import language, words

if TYPE_CHECKING:
    from par_cli.core.binding import Bound
    from par_cli.core.diagnostics import Diagnostic
    from par_cli.core.model import Node
    from par_cli.core.ranking import Leaders
    from par_cli.core.scoring import NodeResult, Score

# a rule's kind → the input a page offers for it
INPUT_KINDS = {
    "check": "check",
    "levels": "levels",
    "points": "number",
    "tiers": "percent",
    "linear": "percent",
    "between": "percent",
    "relative": "number",
    "deduction": "count",
    "count": "count",
    "likert": "counts",
}


@dataclass(frozen=True)
class Field:
    """One leaf of the form."""

    code: str
    title: str
    area: str  # the area's code and title
    depth: int
    max: Fraction
    kind: str  # check | levels | number | percent | count | counts | survey (not typed by the agency)
    levels: tuple[tuple[str, str], ...]  # a levels rule's (key, label)
    step: str | None  # a points rule's step, as written
    rule: str  # the rule in words
    hint: str  # what to type, in words
    guide: str | None
    allow_na: bool
    evidence_required: bool
    appraiser: str | None  # who appraises it (None: the council)
    self_text: str  # the self-assessed input as the reader types it (`97,5`, `45/50`, `Có`, a level's key)
    na: bool  # declared not applicable
    na_reason: str
    evidence: tuple[str, ...]
    explanation: str
    appraised_text: str  # the final appraisal, as the reader reads it ("" when none)
    first_appraisal_text: str
    appraisal_reason: str
    applicable: bool
    self_points: Fraction | None
    points: Fraction | None
    problems: tuple[Problem, ...]

    def label_of(self, text: str) -> str:
        """A level's key as the reader reads it: its label; other inputs as they are."""
        return _label(text, self.levels)


@dataclass(frozen=True)
class Heading:
    """An inner node (area, criterion) above the fields, in the set's order."""

    code: str
    title: str
    depth: int
    max: Fraction
    points: Fraction | None
    self_points: Fraction | None


@dataclass(frozen=True)
class Claim:
    """A bonus or penalty of the set: the agency's claim and the council's points."""

    code: str
    title: str
    kind: str  # bonus | penalty
    max: Fraction
    self_text: str
    appraised_text: str
    self_points: Fraction | None
    points: Fraction | None
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class Form:
    """An agency's whole form: details, rows (headings and fields in the set's order), claims, totals."""

    agency: AgencyRecord
    criteria_title: str
    rows: tuple[Heading | Field, ...]
    claims: tuple[Claim, ...]
    points: Fraction | None
    self_points: Fraction | None
    max: Fraction | None
    index: Fraction | None
    self_index: Fraction | None
    grade: str | None
    problems: tuple[Problem, ...]  # those at no field (the file's details, its set…)

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(row for row in self.rows if isinstance(row, Field))

    def field(self, code: str) -> Field | None:
        return next((f for f in self.fields if f.code == code), None)


def shown(value: Any, lang: str) -> str:
    """An input as the reader types it: `97,5` (the language's decimal sign), `45/50`, `Có`/`Không`, a level's
    key, `KPS`; "" for none."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return words(lang)["yes" if value else "no"]
    if value == "na":
        return words(lang)["na_input"]
    if isinstance(value, dict) and set(value) == {"done", "total"}:
        return f"{shown(value['done'], lang)}/{shown(value['total'], lang)}"
    if isinstance(value, dict):
        return ", ".join(f"{key}: {shown(v, lang)}" for key, v in value.items())
    if isinstance(value, Fraction) and value.denominator != 1:
        return _fraction(value, lang)
    source = getattr(value, "source", None)
    if source is not None or isinstance(value, int | Fraction) or type(value).__name__ == "Decimal":
        written = str(source if source is not None else value)
        return written.replace(".", language(lang).decimal) if "/" not in written else written
    return str(value)


def _fraction(value: Fraction, lang: str) -> str:
    """A fraction as a decimal in the reader's form (`19/2` → `9,5`), never `19/2`; one that has no end is
    given to 6 places."""
    from decimal import Decimal, localcontext

    with localcontext() as exact:
        exact.prec = 40
        written = Decimal(value.numerator) / Decimal(value.denominator)
        if Fraction(written) != value:
            written = written.quantize(Decimal("0.000001"))
    return f"{written.normalize():f}".replace(".", language(lang).decimal)


def _label(text: str, levels: tuple[tuple[str, str], ...]) -> str:
    """A level's key as its label ("hoan-thanh" → "Hoàn thành đúng hạn"); any other text as it is."""
    return next((label for key, label in levels if key == text), text)


def own_answers(raw_data: dict[str, Any], section: str = "answers") -> dict[str, Any]:
    """The file's own answers (no appraisal file merged), by code."""
    found = raw_data.get(section)
    return found if isinstance(found, dict) else {}


def long_form(raw: Any) -> dict[str, Any]:
    """An answer as its fields: a short form is its `self` input (`na`: not applicable)."""
    if isinstance(raw, dict) and set(raw) <= ANSWER_FIELDS:  # `{}`: an entry emptied (a claim cleared)
        return dict(raw)
    if raw is None:
        return {}
    if raw == "na":
        return {"na": True}
    return {"self": raw}


ANSWER_FIELDS = frozenset(
    {"self", "appraised", "first_appraisal", "survey", "evidence", "explanation", "note", "na", "reason"}
)


def _results(result: Score | None) -> dict[str, NodeResult]:
    found: dict[str, NodeResult] = {}
    if result is None:
        return found
    stack = list(result.areas)
    while stack:
        node = stack.pop()
        found[node.code] = node
        stack.extend(node.children)
    return found


_RULE_WORDS: dict[tuple[int, str], tuple[object, tuple[str, str]]] = {}


def _labels_only(said: Msg) -> Msg:
    """A rule's words as a page shows them: a level by its label alone (the form's list shows labels; its key,
    `kip-thoi`, is the file's word, not the agency's)."""
    if said.id != "rule.levels":
        return said
    levels = tuple(
        msg("rule.level", key=level.arg("label"), award=level.arg("award"))
        if level.id == "rule.level-labelled"
        else level
        for level in said.arg("levels")
    )
    return msg("rule.levels", levels=levels)


def _rule_words(rule: Any, lang: str) -> tuple[str, str]:
    """A rule in words and what to type for it, in `lang`: worded once per rule of a set kept while its file is
    unchanged (a 160-criterion form is made after each save)."""
    key = (id(rule), lang)
    kept = _RULE_WORDS.get(key)
    if kept is not None and kept[0] is rule:
        return kept[1]
    said = (text(_labels_only(rule.describe()), lang), text(page_message(rule.input_hint()), lang))
    if len(_RULE_WORDS) > 20_000:  # sets read again many times: the old ones' rules forgotten
        _RULE_WORDS.clear()
    _RULE_WORDS[key] = (rule, said)
    return said


def _field(info: Any, bound: Bound, own: dict[str, Any], result: NodeResult | None, lang: str) -> Field:
    from par_cli.core.appraisal import owner

    node: Node = info.node
    rule = node.scoring_rule
    words_of_rule = _rule_words(rule, lang)
    fields = long_form(own.get(node.code))
    merged = bound.answers.get(node.code)
    given = long_form(bound.assessment.answers.get(node.code))  # appraisal files merged, values as written
    kind = "survey" if info.source == "survey" else INPUT_KINDS.get(rule.kind, "number")
    if kind == "percent" and not getattr(rule, "takes_percent", True):
        kind = "number"
    levels = tuple((level.key, level.label or level.key) for level in getattr(rule, "levels", ()))
    step = getattr(rule, "step", None)
    evidence = fields.get("evidence")
    na = fields.get("na") is True or node.code in bound.not_applicable
    reason = fields.get("reason") if na else None
    return Field(
        code=node.code,
        title=node.title,
        area=info.area,
        depth=info.depth,
        max=info.max_points,
        kind=kind,
        levels=levels,
        step=str(getattr(step, "source", step)) if step is not None else None,
        rule=words_of_rule[0],
        hint=words_of_rule[1],
        guide=" ".join(node.guide.split()) if node.guide else None,
        allow_na=node.allow_na,
        evidence_required=info.evidence == "required" and info.source != "survey",
        appraiser=owner(node.code, bound.nodes),
        self_text=shown(fields.get("self") if kind != "survey" else fields.get("survey"), lang),
        na=na,
        na_reason=reason if isinstance(reason, str) else "",
        evidence=tuple(str(e) for e in evidence) if isinstance(evidence, list) else (),
        explanation=str(fields.get("explanation") or ""),
        appraised_text=_label(shown(given.get("appraised"), lang), levels),
        first_appraisal_text=_label(shown(given.get("first_appraisal"), lang), levels),
        appraisal_reason=(merged.reason or "") if merged is not None and not na else "",
        applicable=result.applicable if result is not None else not na,
        self_points=result.self_points if result is not None else None,
        points=result.points if result is not None else None,
        problems=(),
    )


def build_form(
    folder: Path, path: Path, lang: str, workspace: Workspace | None = None, leaders: Leaders | None = None
) -> Form | None:
    """The form of the assessment file `path`; None when the file cannot be bound to its set (its problems are
    then the agency list's). `leaders`: the folder's best values of `relative` leaves per group
    (`serve.folder_index.leaders`), to score them as the ranking does; none: alone."""
    workspace = workspace or Workspace()
    bound, problems, raw = inspect_file(workspace, path)
    if bound is None:
        return None
    result: Score | None = None
    try:
        result = scored_in_group(bound, leaders) if leaders else workspace.scored(bound)
    except ParError as exc:
        problems = [*problems, *exc.diagnostics]
    return form_of_bound(folder, path, bound, result, problems, raw, lang)


def form_of_bound(
    folder: Path,
    path: Path,
    bound: Bound,
    result: Score | None,
    problems: list[Diagnostic],
    raw: bytes,
    lang: str,
) -> Form:
    """The form of a file read (`inspect_file`: bound, its problems, its bytes) and scored (`result`; None: it
    cannot be): a save makes the form of what it wrote without reading the file again."""
    from dataclasses import replace

    from par_cli.serve.records import record_of

    record = record_of(folder, path, bound, result, problems, raw, lang)
    said = tuple(p for p in record.problems if p.level != "info")  # what is to be done, as the record words it
    by_code: dict[str, list[Problem]] = {}
    for found in said:
        if found.criterion is not None:
            by_code.setdefault(found.criterion, []).append(found)
    nodes = _results(result)
    own = own_answers(bound.origin.data) if hasattr(bound.origin, "data") else dict(bound.assessment.answers)
    rows: list[Heading | Field] = []
    for info in walk(bound.criteria):
        node = info.node
        if node.code not in bound.nodes:
            continue
        done = nodes.get(node.code)
        if node.children is not None:
            points = done.points if done is not None else None
            own_points = done.self_points if done is not None else None
            rows.append(Heading(node.code, node.title, info.depth, info.max_points, points, own_points))
            continue
        field = _field(bound.nodes[node.code], bound, own, done, lang)
        rows.append(replace(field, problems=tuple(by_code.get(node.code, ()))))
    claims = _claims(bound, result, by_code, lang)
    known = {row.code for row in rows} | {claim.code for claim in claims}
    rest = tuple(replace(p, text=p.said) for p in said if p.criterion not in known)
    return Form(
        agency=record,
        criteria_title=bound.criteria.title,
        rows=tuple(rows),
        claims=claims,
        points=result.points if result is not None else None,
        self_points=result.self_points if result is not None else None,
        max=result.max if result is not None else None,
        index=result.index if result is not None else None,
        self_index=result.self_index if result is not None else None,
        grade=result.grade if result is not None else None,
        problems=rest,
    )


def _claims(bound: Bound, result: Score | None, by_code: dict[str, list[Problem]], lang: str) -> tuple[Claim, ...]:
    own = bound.assessment.adjustments
    done = {a.code: a for a in result.adjustments} if result is not None else {}
    out = []
    for adjustment in bound.criteria.adjustments:
        fields = long_form(own.get(adjustment.code))
        got = done.get(adjustment.code)
        out.append(
            Claim(
                code=adjustment.code,
                title=adjustment.title,
                kind=adjustment.kind,
                max=Fraction(adjustment.max),
                self_text=shown(fields.get("self"), lang),
                appraised_text=shown(fields.get("appraised"), lang),
                self_points=got.self_points if got is not None else None,
                points=got.points if got is not None else None,
                problems=tuple(by_code.get(adjustment.code, ())),
            )
        )
    return tuple(out)
