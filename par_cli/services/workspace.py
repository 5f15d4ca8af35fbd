"""Assessments and the criteria sets they name: read, validated, checked and bound, each criteria file once;
every problem of a file collected and raised at once as a `ParError` of located diagnostics."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from par_cli.core import languages
from par_cli.core.appraisal import appraisal_problems
from par_cli.core.binding import Bound, bind
from par_cli.core.checks import check_criteria
from par_cli.core.diagnostics import Diagnostic, LineCol, ParError, msg, placed, problem
from par_cli.core.formats import validate
from par_cli.core.model import Assessment, CriteriaSet
from par_cli.core.scoring import AdjustmentResult, NodeResult, Relative, Score, graded, score
from par_cli.core.tree import index
from par_cli.io.suffixes import is_form_file
from par_cli.readers.files import display, file_kind, not_a_file, read_document, wrong_kind
from par_cli.services import criteria_cache
from par_cli.services.appraisals import Appraisal, AppraisalSource, Assessed, unclaimed
from par_cli.services.criteria import CriteriaFinder, LoadedCriteria, builtin_dir, yaml_files
from par_cli.services.doubts import doubt
from par_cli.services.revision import at_written_codes, renumber
from par_cli.words.codes import errors_only
from par_cli.yamlengine.source import Document

if TYPE_CHECKING:
    from par_cli.core.office import Office
    from par_cli.core.ranking import Entry, Leaders
    from par_cli.core.tree import NodeInfo
    from par_cli.readers.xlsx_form import FormDocument
    from par_cli.services.surveys import SurveySource


def _criteria_from(doc: Document, problems: list[Diagnostic]) -> tuple[CriteriaSet | None, list[Diagnostic]]:
    wrong = wrong_kind(doc, "criteria")
    if wrong is not None:
        return None, [*problems, wrong]
    model, schema_problems = validate("criteria", doc.data, skip={d.path for d in problems})
    schema_problems = placed(doc, schema_problems)
    problems = problems + schema_problems
    if model is not None:
        problems += placed(doc, check_criteria(model))
    return model, problems


def scored(bound: Bound, detail: bool = True, leaders: Mapping[str, Fraction] | None = None) -> Score:
    """`core.scoring.score`, with its refusal (nothing applicable) located in the assessment file."""
    try:
        return score(bound, detail=detail, leaders=leaders)
    except ParError as exc:
        raise ParError(placed(bound.origin, exc.diagnostics)) from None


def scored_in_group(bound: Bound, leaders: Leaders | None, group_by: str = "group", detail: bool = True) -> Score:
    """The agency's result as its ranking has it: `relative` leaves scored against its group's `leaders`
    (`core.ranking.leaders_of`: a ranking's second pass, `par score --among`, `par report`); alone without."""
    from par_cli.core.ranking import entry_of, group_value  # not at start-up: `par score` does not rank

    result = scored(bound, detail=detail)
    if not result.relative or leaders is None:
        return result
    best = leaders.get((group_value(entry_of(result, ()), group_by), result.criteria_id), {})
    return scored(bound, detail=detail, leaders=best)


def check_criteria_file(path: Path) -> tuple[CriteriaSet | None, Document | None, list[Diagnostic]]:
    """Every diagnostic of a criteria file (errors, warnings and infos), for `par check`."""
    doc, problems = read_document(path)
    if doc is None:
        return None, None, problems
    model, problems = _criteria_from(doc, problems)
    return model, doc, [*doc.notes, *problems]


def load_criteria(path: Path, kept: bool = True) -> LoadedCriteria:
    """A criteria set read, validated, checked and indexed, or its errors raised; found built when an earlier run
    kept it (`services.criteria_cache`), unless not `kept` (`--no-cache`)."""
    model, nodes = criteria_cache.built(path, _built, languages.codes()) if kept else _built(path, None)
    return LoadedCriteria(model, nodes, path, {})


def _built(path: Path, raw: bytes | None) -> tuple[CriteriaSet, dict[str, NodeInfo]]:
    doc, problems = read_document(path, raw=raw)
    if doc is None:
        raise ParError(problems)
    model, problems = _criteria_from(doc, problems)
    if model is None or errors_only(problems):
        raise ParError(errors_only(problems))
    return model, index(model)


def _fresh(path: Path) -> LoadedCriteria:
    return load_criteria(path, kept=False)


class Workspace(CriteriaFinder):
    """Loads assessments and the criteria sets they name, each criteria file once."""

    def __init__(
        self,
        override: str | Path | None = None,
        survey: SurveySource | None = None,
        renames: Mapping[str, str | None] | None = None,
        kept_sets: bool = True,
    ) -> None:
        self.override = override
        self.renames = renames  # old code → new code (None: dropped), to score answers against a revised set
        self.survey = survey  # where survey results come from (`services.surveys`); None: from the assessments only
        super().__init__(load_criteria if kept_sets else _fresh)  # sets built in earlier runs, unless --no-cache
        self._found: dict[tuple[str, Path], Path | None] = {}  # (set named, file's folder) → it: once a folder
        self.appraisals = AppraisalSource(self.read_appraisal)

    def read_appraisal(self, path: Path) -> Appraisal:
        """An appraisal file with every problem it has: YAML, schema, its criteria set, then against that set."""
        doc, problems = read_document(path)
        if doc is None:
            return Appraisal(None, None, display(path), tuple(problems))
        value, schema = validate("appraisal", doc.data)
        problems += placed(doc, schema)
        try:
            criteria = self.criteria_for(value.criteria, doc, path) if value is not None else None
        except ParError as exc:
            problems += exc.diagnostics
            criteria = None
        if value is not None and criteria is not None:
            problems += placed(doc, appraisal_problems(value, criteria.model, criteria.nodes))
        found = criteria.model.id if criteria is not None else None
        return Appraisal(value, doc, display(path), (*problems, *doc.notes), found)

    def scored(self, bound: Bound, detail: bool = True) -> Score:
        return scored(bound, detail)

    def office(self, path: Path) -> list[Diagnostic]:
        """Every problem of an office file (`read_office`)."""
        return read_office(path)[1]

    def check_criteria_file(self, path: Path) -> tuple[CriteriaSet | None, Document | None, list[Diagnostic]]:
        return check_criteria_file(path)

    def assessment(self, path: Path) -> Bound:
        return self.assessed(path)[0]

    def assessed(self, path: Path) -> tuple[Bound, tuple[Diagnostic, ...]]:
        """One assessment file read and bound, with its doubts (A023, to be said: `doubt`); else its errors."""
        bound, problems = self.inspect_assessment(path)
        if bound is None or errors_only(problems):
            raise ParError(errors_only(problems))
        return bound, doubt(problems)

    def inspect_assessment(self, path: Path) -> tuple[Bound | None, list[Diagnostic]]:
        """Every problem of one assessment file (errors and YAML warnings), and the bound result when usable."""
        if is_form_file(path):  # an assessment workbook (the form `par template` writes), .xlsx, .ods or .xls
            return self.inspect_form(path)
        doc, problems = read_document(path)
        if doc is None:
            return None, problems
        notes = list(doc.notes)
        wrong = wrong_kind(doc, "assessment")
        if wrong is not None:
            return None, [*problems, wrong, *notes]
        reported = {d.path for d in problems}
        model, schema_problems = validate("assessment", doc.data, skip=reported)
        problems += placed(doc, schema_problems)
        if model is None:
            return None, problems + notes
        try:
            criteria = self.criteria_for(model.criteria, doc, path)
        except ParError as exc:
            return None, problems + list(exc.diagnostics) + notes
        bound, more = self.bound(model, doc, path, criteria, reported)
        problems += more
        return (bound if not errors_only(problems) else None), problems + notes

    def bound(
        self, model: Assessment, doc: Document | FormDocument, path: Path, criteria: LoadedCriteria, reported: set[Any]
    ) -> tuple[Bound | None, list[Diagnostic]]:
        """Survey results added, answers renumbered (`renames`), then bound to the set; problems located."""
        back: dict[str, str] = {}
        if self.renames is not None:  # first: survey results come under the codes of the set scored against
            model, back = renumber(model, self.renames)
        try:
            model, survey_problems = self.with_survey(model, path, criteria)
        except ParError as exc:  # the survey results file itself is wrong: reported where it is
            return None, list(exc.diagnostics)
        problems = placed(doc, survey_problems)
        try:  # the values of appraisal files beside it (`kind: appraisal`)
            model = self.appraisals.apply(model, path, criteria.model.id, criteria.model.adjustments)
        except ParError as exc:
            return None, problems + list(exc.diagnostics)
        bound, bind_problems = bind(criteria.model, criteria.nodes, model, doc, criteria.reads)
        bound = bound._replace(criteria_file=criteria.path) if bound is not None else None
        own = [d for d in bind_problems if not any(d.path[: len(r)] == r for r in reported)]
        return bound, problems + placed(doc, at_written_codes(own, back) if back else own)

    def inspect_form(self, path: Path) -> tuple[Bound | None, list[Diagnostic]]:
        """A workbook: its set first (each input read by its leaf's rule), then validated and bound as YAML."""
        from par_cli.readers.form_words import at_field_cells, details_blanks, form_hints  # not at start-up
        from par_cli.readers.xlsx_form import read_form

        name = display(path)
        odd = not_a_file(path)
        if odd is not None:
            return None, [odd.at(LineCol(name))]
        form, problems = read_form(path, name)
        if form is None:
            return None, problems
        first, _ = form.document(None)
        if self.override is None and not form.reference:  # no set to read the answers by: the details' blanks
            return None, [*problems, *details_blanks(first, validate("assessment", first.data)[1])]
        try:
            criteria = self.criteria_for(form.reference or "", first, path)
        except ParError as exc:
            return None, problems + list(exc.diagnostics)
        doc, cell_problems = form.document(criteria.model)
        problems += cell_problems
        reported = {d.path for d in cell_problems}
        model, schema_problems = validate("assessment", doc.data, skip=reported)
        problems += placed(doc, schema_problems)
        if model is None:  # a bad details field: the answers are still read, so that all is sent back at once
            problems = at_field_cells(doc.places, problems)
            model = validate("assessment", doc.stand_in(schema_problems), skip=reported)[0]
            stand_in, more = self.bound(model, doc, path, criteria, reported) if model is not None else (None, [])
            if stand_in is not None and not errors_only(more):  # and what scoring finds: the blank answers (A006)
                more += self.findings(stand_in)
            return None, form_hints(problems, more, answers_only=True, terms=doc.terms)
        bound, more = self.bound(model, doc, path, criteria, reported)
        return (bound if not errors_only(problems + more) else None), form_hints(problems, more, terms=doc.terms)

    def findings(self, bound: Bound) -> list[Diagnostic]:
        """What scoring finds about an assessment (A006, A007…); none when it cannot be scored (said elsewhere)."""
        from par_cli.services.findings import finding_diagnostics  # not at start-up: words the findings

        try:
            return finding_diagnostics(bound, self.scored(bound))
        except ParError:
            return []

    def with_survey(
        self, model: Assessment, path: Path, criteria: LoadedCriteria
    ) -> tuple[Assessment, list[Diagnostic]]:
        """The assessment with its survey leaves from survey results, when the workspace has a survey source."""
        if self.survey is None:
            return model, []
        return self.survey.apply(model, path, criteria.model.id, criteria.nodes)

    def criteria_for(self, reference: str, doc: Document | FormDocument, path: Path) -> LoadedCriteria:
        """The set an assessment names (`reference`), or the --criteria override."""
        if self.override is not None:
            return self.named(self.override)
        key = (reference, path.parent)
        resolved = self._found[key] if key in self._found else self._found.setdefault(key, self.resolve(*key))
        if resolved is None:
            raise ParError([doc.place(self.not_found(reference, path.parent, msg("hint.criteria-where")))])
        return self.criteria(resolved)


class FileScorer:
    """Scores files with one workspace, so each criteria set is read once per process: what a ranking needs."""

    def __init__(
        self,
        override: str | Path | None = None,
        survey: SurveySource | None = None,
        renames: Mapping[str, str | None] | None = None,
        leaves: bool = False,
        robust: bool = False,
        nodes: bool = False,
        cuts: bool = False,
        cache: bool = False,
    ) -> None:
        self.workspace = Workspace(override=override, survey=survey, renames=renames, kept_sets=cache)
        self.cache = cache  # results may be kept between runs (`services.cache`), under `cache_options`
        self.labels: dict[tuple[str, str | None], tuple[str, ...]] = {}
        self.leaves = leaves  # entries carry each leaf's points (for `rank --against`)
        self.robust = robust  # entries carry their index one scoring step down and up (`rank --robustness`)
        self.nodes = nodes  # entries carry every node's max and points (`par gaps`)
        self.cuts = cuts  # entries carry the leaves the council changed (`par appraisal cuts`)
        self.leaders: Leaders | None = None  # `relative` leaves: the best value of each group (see `lead`)
        self.group_by = "group"

    def cache_options(self) -> str | None:
        """Everything besides the files that decides a result, as text (None: not cached)."""
        from par_cli.services.cache import held

        held(Relative)  # entries keep it, and `services.cache` is above `core.scoring` in the layers: cannot import it
        from par_cli.services.scorer_options import options_text

        return options_text(self) if self.cache else None

    def lead(self, leaders: Leaders, group_by: str) -> None:
        """Score `relative` leaves against these best values of each ranking group, not alone."""
        self.leaders, self.group_by = leaders, group_by

    def __call__(self, path: Path) -> Entry | tuple[Diagnostic, ...]:
        from dataclasses import replace

        from par_cli.core.cuts import cuts_of
        from par_cli.core.ranking import entry_of  # not at start-up: `par score` does not rank
        from par_cli.core.robustness import moves
        from par_cli.services.cache import with_inputs
        from par_cli.services.compiled_rank import compiled_score

        try:
            fast = compiled_score(self, path, validate, (Score, NodeResult, AdjustmentResult, graded))  # or None
            doubts: tuple[Diagnostic, ...] = ()  # A023 is a form's: forms take the general engine
            if fast is None:
                bound, doubts = self.workspace.assessed(path)  # self-assessed figures only for cuts, the self rank
                fast = scored_in_group(bound, self.leaders, self.group_by, self.cuts or self.robust), bound.criteria
            result, criteria = fast
            where, average, in_average = result.origin, criteria.group_average, criteria.unranked_in_average
            options = criteria.ranking  # the set's tie policy and ranking decimals, if it gives them
            ranked = (options.ties or "competition", options.precision) if options else ("competition", None)
            merged = tuple(where.locate(("agency", "predecessors", n)) for n in range(len(result.agency.predecessors)))
        except ParError as exc:  # a predecessor's place may be in a tree composed now: a Y001 if libyaml refuses it
            return exc.diagnostics
        labels = self.labels.get(key := (result.criteria_id, result.agency.type))
        if labels is None:  # a set's grade labels (for a unit type), once per set
            labels = self.labels[key] = tuple(g.label for g in criteria.grades_for(result.agency.type))
        span = moves(bound, result) if self.robust else None
        agency, period = where.locate(("agency", "id")), where.locate(("period",))
        entry = entry_of(
            result, labels, agency, period, self.leaves, span, merged, self.nodes, average, *ranked, in_average
        )
        made = criteria.ranking_group_of(result.agency.type)  # a group the set makes of unit types
        if made is not None and made.id == entry.group:  # its place in the set and its label
            entry = replace(entry, set_group=(criteria.ranking_groups.index(made), made.label))
        entry = with_inputs(entry, self.workspace.reached.get(path.parent, ())) if self.cache else entry
        if self.cuts or doubts:  # the cut list (the general engine's), or a form's A023 doubts
            entry = replace(entry, cuts=cuts_of(bound, result) if self.cuts else (), doubts=doubts)
        return entry

    def criteria_problems(self, path: Path) -> list[Diagnostic]:
        """The errors of a file found among the assessments that is not one: a criteria set or a survey file."""
        kind = file_kind(path)
        if kind == "appraisal":
            return errors_only(self.workspace.appraisals.file(path).problems)
        if kind == "office":  # the office issuing the ranking (`services.office`)
            return errors_only(read_office(path)[1])
        if kind in ("survey", "survey-design"):
            return self.workspace.survey.file_problems(path, kind) if self.workspace.survey is not None else []
        try:
            self.workspace.criteria(path)
        except ParError as exc:
            return list(exc.diagnostics)
        return []

    def unclaimed(self, path: Path, assessed: list[Assessed]) -> list[Diagnostic]:
        if file_kind(path) == "survey":  # survey results beside the assessments (V016)
            return self.workspace.survey.unclaimed(path, assessed) if self.workspace.survey is not None else []
        return unclaimed(self.workspace.appraisals.file(path), assessed)


def read_office(path: Path) -> tuple[Office | None, list[Diagnostic]]:
    """An office file (`kind: office`, `services.office`): its value (None when it has errors) and every problem."""
    doc, problems = read_document(path)
    if doc is None:
        return None, problems
    wrong = wrong_kind(doc, "office")
    if wrong is not None:
        return None, [*problems, wrong]
    value, schema = validate("office", doc.data)
    problems += placed(doc, schema)
    groups = doc.data.get("groups")
    seen: set[str] = set()
    for n, group in enumerate(groups if isinstance(groups, list) else []):
        found = group.get("id") if isinstance(group, dict) else None
        if isinstance(found, str) and found in seen:
            twice = problem("O003", "office-group-twice", ("groups", n, "id"), id=found)
            problems.append(doc.place(twice))
        elif isinstance(found, str):
            seen.add(found)
        if isinstance(group, dict) and group.get("reason") is not None and group.get("ranked", True) is True:
            hint = msg("hint.reason-but-ranked", field="reason")
            said = problem("O006", "office-reason-but-ranked", ("groups", n, "reason"), hint, id=found)
            problems.append(doc.place(said))
    from par_cli.core.group_survey import out_of_range

    problems += [doc.place(found) for found in out_of_range(groups)]  # a group's survey result not a % (O005)
    problems += doc.notes
    return (value if not errors_only(problems) else None), problems


def find_criteria(reference: str, base: Path | None = None) -> LoadedCriteria:
    """A criteria set named on the command line: a file path, else an id beside `base`, in its parents or built in."""
    return Workspace().named(reference, base)


def builtin_sets() -> list[LoadedCriteria]:
    """Every criteria set shipped with par (each must load: the test suite checks it)."""
    return [load_criteria(path) for path in yaml_files(builtin_dir())]
