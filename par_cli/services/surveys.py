"""The survey's files: a design, raw responses tallied into a results file, and results used in scoring.

Every bad row or cell of the responses is reported (file:row:column title) before anything is written; a results
file is re-checked when used: its percentages are recomputed from its counts, and one that differs is refused."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from par_cli.core.diagnostics import Diagnostic, LineCol, Location, ParError, Row, msg, placed, problem
from par_cli.core.model import Assessment, periods_agree
from par_cli.core.named_tuple import NamedTuple
from par_cli.core.numbers import round_half_up
from par_cli.core.survey import (
    Question,
    SurveyShare,
    close_to,
    criterion_percent,
    left_out,
    uncounted_notes,
    unlisted_notes,
)
from par_cli.core.tree import NodeInfo
from par_cli.readers.files import Resolved, display, read_document, support_files
from par_cli.services.bulk import released
from par_cli.services.survey_checks import design_problems, unclaimed_forms
from par_cli.words.codes import errors_only

if TYPE_CHECKING:
    from par_cli.core.survey_formats import SurveyDesign, SurveyResults
    from par_cli.services.criteria import CriteriaFinder

COLUMN_TITLES = {
    "group": ("nhóm", "group", "nhóm đối tượng"),
    "agency": ("mã cơ quan", "cơ quan", "agency", "agency id"),
    "form": ("phiếu", "mã phiếu", "form", "form id"),
}
PLACES = 4  # decimals of the percentages written for reading (par recomputes them exactly)


def load_survey_file(path: Path, kind: str) -> tuple[Any, Any, list[Diagnostic]]:
    """A design or results file: (value, document) or every problem, located."""
    doc, problems = read_document(path)
    if doc is None:
        return None, None, problems
    if doc.data.get("kind") != kind:
        wrong = problem("S002", "wrong-kind", ("kind",), kind=str(doc.data.get("kind")), expected=kind)
        return None, doc, [*problems, doc.place(wrong)]
    from par_cli.core.survey_formats import validate_survey  # not at start-up: most folders have no survey

    value, schema = validate_survey(kind, doc.data)
    return value, doc, problems + placed(doc, schema)


class Tally(NamedTuple):
    data: dict[str, Any]  # the results file's content
    notes: list[Diagnostic]  # warnings: small samples, agencies without forms


def tally(design: SurveyDesign, criteria_id: str, files: list[Path], known: list[str]) -> Tally:
    """Count every response; ParError with every bad row and cell of every file, before anything is made."""
    from par_cli.core.survey_formats import sample_notes  # not at start-up, as the design's schema
    from par_cli.readers.tables import read_table  # not at start-up: only a tally reads response tables

    problems: list[Diagnostic] = []
    notes: list[Diagnostic] = []
    agencies: dict[str, Any] = {}
    groups = {group.id: group.id for group in design.groups} | {_fold(group.name): group.id for group in design.groups}
    names = {_fold(agency): agency for agency in (known or design.agencies)}
    listed = bool(names)  # without a list, an id is the agency of every id that differs from it only in case
    first_at: dict[str, Location] = {}  # agency → where its first form names it
    # form and agency → the form's first row and file, as one int (row × files + file): one held a response row
    seen_forms: dict[str, int] = {}
    form_places: dict[int, tuple[str, str, int]] = {}  # file → (its name, the form column's title, its number)
    unknown: dict[str, tuple[Location, Any, int, str]] = {}  # an id no list knows: where first, hint, rows, as typed
    for file_k, path in enumerate(files):
        try:
            table = read_table(path, first_only=True, lazy=True)
        except ParError as error:  # every file's problems at once, not only the first bad file's
            problems.extend(error.diagnostics)
            continue
        columns = _columns(design, table.header, table.file, problems)
        if columns is None:
            continue
        blank: list[Location] = []  # forms with every answer blank: not a form anyone filled in
        for number, values, _ in released(table.streamed or table.rows):

            def cell(
                i: int, number: int = number, values: list[Any] = values, table: Any = table
            ) -> tuple[str, Location]:
                value = values[i] if i < len(values) else None
                text = "" if value is None else unicodedata.normalize("NFC", str(value)).strip()
                return text, Row(table.file, number, table.header[i], i + 1)

            if not any(cell(i)[0] for i in columns["questions"]):
                blank.append(Row(table.file, number))
                continue
            group_text, group_at = cell(columns["group"])
            agency_text, agency_at = cell(columns["agency"])
            group = groups.get(group_text) or groups.get(_fold(group_text))
            if group is None:
                problems.append(
                    problem("V002", "unknown-group", name=group_text, groups=", ".join(g.id for g in design.groups)).at(
                        group_at
                    )
                )
            if listed:
                agency = names.get(_fold(agency_text))
            else:
                agency = names.setdefault(_fold(agency_text), agency_text) if agency_text else None
            if agency is None:
                close = close_to(agency_text, list(names.values())) if listed else None
                better = msg("hint.did-you-mean", name=close) if close else None
                first, hint, rows, typed = unknown.get(_fold(agency_text), (agency_at, better, 0, agency_text))
                unknown[_fold(agency_text)] = (first, hint, rows + 1, typed)  # said once, at its first row
            elif agency not in first_at:
                first_at[agency] = agency_at
            if "form" in columns:
                form, form_at = cell(columns["form"])
                key = f"{len(form)}:{form}{_fold(agency_text)}"
                if form and key in seen_forms:
                    seen, k = divmod(seen_forms[key], len(files))
                    first = str(Row(form_places[k][0], seen, *form_places[k][1:]))
                    problems.append(problem("V005", "form-twice", form=form, first=first).at(form_at))
                form_places.setdefault(file_k, (table.file, table.header[columns["form"]], columns["form"] + 1))
                seen_forms.setdefault(key, number * len(files) + file_k)
            answers = []
            for question, i in zip(design.questions, columns["questions"], strict=True):
                letter, at = cell(i)
                if not letter:
                    if question.required:
                        problems.append(problem("V004", "blank-answer", question=question.id).at(at))
                    continue
                if letter not in question.scale and letter not in question.not_counted:
                    fixed = letter.strip().upper()
                    known_letter = fixed in question.scale or fixed in question.not_counted
                    hint = msg("hint.write-answer", answer=fixed) if known_letter and fixed != letter else None
                    letters = ", ".join([*question.scale, *question.not_counted])
                    problems.append(
                        problem("V003", "letter-off-scale", hint=hint, letter=letter, letters=letters).at(at)
                    )
                    continue
                answers.append((question, letter))
            if group is None or agency is None:
                continue
            entry = agencies.setdefault(agency, {"forms": {}, "criteria": {}})
            entry["forms"][group] = entry["forms"].get(group, 0) + 1
            for question, letter in answers:
                criterion = entry["criteria"].setdefault(question.criterion, {"questions": {}})
                counted = criterion["questions"].setdefault(
                    question.id,
                    {"scale": dict(question.scale), "not_counted": list(question.not_counted), "counts": {}},
                )
                by_group = counted["counts"].setdefault(group, {})
                by_group[letter] = by_group.get(letter, 0) + 1
        if blank:
            notes.append(problem("V012", "blank-forms", count=len(blank)).at(blank[0]))
    for first, hint, rows, typed in unknown.values():
        said = "unknown-agency" if rows == 1 else "unknown-agency-rows"
        problems.append(problem("V001", said, hint=hint, name=typed, rows=str(rows)).at(first))
    if errors_only(problems):
        raise ParError(problems)
    weights = {group.id: group.weight for group in design.groups}
    for entry in agencies.values():
        for criterion in entry["criteria"].values():
            share = _percent(criterion, design.combine, weights)
            criterion["percent"] = round_half_up(share, PLACES) if share is not None else None
    data = {
        "kind": "survey",
        "design": design.id,
        "criteria": criteria_id,
        "period": design.period,
        "combine": design.combine,
        "weights": weights,
        "min_forms": design.min_forms,
        "agencies": dict(sorted(agencies.items())),
    }
    responses = LineCol(display(files[0])) if files else LineCol("responses")
    notes += sample_notes(design, agencies, list(names.values()) if listed else [], first_at, responses)
    notes += [note.at(responses) for note in uncounted_notes(agencies)]
    if not listed:
        notes += unlisted_notes(agencies, first_at)
    forms = {agency: sum(entry["forms"].values()) for agency, entry in sorted(agencies.items())}
    if forms:
        counts = ", ".join(f"{agency} {n}" for agency, n in forms.items())
        notes.append(problem("V014", "agencies-forms", count=len(forms), agencies=counts).at(responses))
    return Tally(data, notes)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip().casefold()


def _columns(design: SurveyDesign, header: list[str], file: str, problems: list[Diagnostic]) -> dict[str, Any] | None:
    titles = {_fold(title): i for i, title in enumerate(header)}
    found: dict[str, Any] = {}
    for key in ("group", "agency", "form"):
        wanted = [design.columns[key]] if key in design.columns else list(COLUMN_TITLES[key])
        for title in wanted:
            if _fold(title) in titles:
                found[key] = titles[_fold(title)]
                break
    found["questions"] = []
    missing = [design.columns.get(key, COLUMN_TITLES[key][0]) for key in ("group", "agency") if key not in found]
    for question in design.questions:
        title = question.column or question.id
        if _fold(title) in titles:
            found["questions"].append(titles[_fold(title)])
        else:
            missing.append(title)
    for title in missing:
        problems.append(problem("V011", "no-response-column", title=title).at(LineCol(file, 1, 1)))
    return None if missing else found


def _percent(criterion: dict[str, Any], combine: dict[str, str], weights: dict[str, Decimal]) -> Fraction | None:
    questions: list[tuple[Question, Any]] = [
        (
            Question(qid, "", given["scale"], tuple(given["not_counted"])),
            {g: _decimals(c) for g, c in given["counts"].items()},
        )
        for qid, given in criterion["questions"].items()
    ]
    return criterion_percent(questions, combine["questions"], combine["groups"], weights)


def _decimals(counts: dict[str, Any]) -> dict[str, Decimal]:
    return {letter: Decimal(n) for letter, n in counts.items()}


class SurveyFile(NamedTuple):
    """A results file ready to use: agency (in lower case) → criterion code → its share."""

    file: str
    results: SurveyResults
    shares: dict[str, dict[str, SurveyShare]]
    names: dict[str, str]  # agency in lower case → as written


def use_results(path: Path, criteria_id: str, nodes: dict[str, NodeInfo]) -> SurveyFile:
    """A results file for scoring: validated, its percentages recomputed exactly and checked."""
    results, doc, problems = load_survey_file(path, "survey")
    if results is None or errors_only(problems):
        raise ParError(errors_only(problems))
    name = display(path)
    if results.criteria != criteria_id:
        other = problem("V010", "survey-other-set", ("criteria",), survey=results.criteria, criteria=criteria_id)
        raise ParError([doc.place(other)])
    shares: dict[str, dict[str, SurveyShare]] = {}
    for agency, entry in results.agencies.items():
        for code, criterion in entry["criteria"].items():
            where = ("agencies", agency, "criteria", code)
            info = nodes.get(code)
            if info is None or not info.node.is_leaf or info.source != "survey":
                problems.append(doc.place(problem("V009", "not-a-survey-leaf", where, code=code, criteria=criteria_id)))
                continue
            share = _percent(criterion, results.combine, results.weights)
            written = criterion.get("percent")
            if share is not None and written is not None and round_half_up(share, PLACES) != written:
                shown = round_half_up(share, PLACES)
                problems.append(
                    doc.place(problem("V010", "percent-edited", (*where, "percent"), written=written, shown=shown))
                )
            if share is not None:
                left, answers = left_out(criterion)
                shares.setdefault(agency.casefold(), {})[code] = SurveyShare(share, answers, name, left)
    if errors_only(problems):
        raise ParError(errors_only(problems))
    return SurveyFile(name, results, shares, {agency.casefold(): agency for agency in results.agencies})


class SurveySource:
    """Where the survey results of assessments come from: one given file (`--survey`), or a `kind: survey` file
    beside each assessment for its criteria set. Picklable: each worker process of a ranking gets one."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._surveys: dict[tuple[Path, str], SurveyFile | ParError] = {}
        self._beside: dict[Path, list[tuple[Path, Any]]] = {}  # folder → its survey files and their results
        self._real = Resolved()

    def file_problems(self, path: Path, kind: str) -> list[Diagnostic]:
        return errors_only(self.check(path, kind))

    def check(self, path: Path, kind: str) -> list[Diagnostic]:
        """Every problem of a survey design or results file, as `par check` shows them."""
        value, doc, problems = load_survey_file(path, kind)
        if kind == "survey" and value is not None and doc is not None and not errors_only(problems):
            problems += [doc.place(note) for note in uncounted_notes(value.agencies)]  # as `survey report` says
        return [*problems, *(doc.notes if doc is not None else ())]

    def unclaimed(self, path: Path, assessed: Iterable[tuple[str, str, str | None]]) -> list[Diagnostic]:
        """V016 at each agency of a results file beside the assessments that none of them is for; none when the
        results are taken from a file given (--survey FILE may rate more agencies than are ranked)."""
        return unclaimed_forms(load_survey_file(path, "survey"), assessed) if self.path is None else []

    def apply(
        self, model: Assessment, path: Path, criteria_id: str, nodes: dict[str, NodeInfo]
    ) -> tuple[Assessment, list[Diagnostic]]:
        """The assessment with its survey leaves taken from survey results (given, or found beside it)."""
        period = model.period
        files = [self.path] if self.path is not None else self._survey_files(path.parent, criteria_id, period)
        if not files:
            return model, []
        if len(files) > 1:
            twice = problem("V010", "surveys-twice", files=" and ".join(display(f) for f in files))
            raise ParError([twice.at(LineCol(display(files[1])))])
        key = (self._real[files[0]], criteria_id)
        if key not in self._surveys:
            try:
                self._surveys[key] = use_results(files[0], criteria_id, nodes)
            except ParError as exc:
                self._surveys[key] = exc
        survey = self._surveys[key]
        if isinstance(survey, ParError):
            raise survey
        if not periods_agree(survey.results.period, period):
            other = problem("V010", "survey-other-period", ("period",), survey=survey.results.period, file=survey.file)
            return model, [other]
        shares = survey.shares.get(model.agency.id.casefold())
        if model.agency.id.casefold() not in survey.names:
            return model, [
                problem("V008", "no-forms", ("agency", "id"), name=model.agency.id, file=f" ({survey.file})")
            ]
        found: list[Diagnostic] = []
        answers = dict(model.answers)
        for code, share in (shares or {}).items():
            given = answers.get(code)
            if given is not None:
                both = problem("V007", "survey-both", ("answers", code), code=code, file=survey.file)
                found.append(both._replace(key=True))
                continue
            answers[code] = {"survey": share}
        return model._replace(answers=answers), found

    def beside(self, folder: Path, criteria_id: str, period: str | None) -> list[Path]:
        return self._survey_files(folder, criteria_id, period)

    def results(self, path: Path) -> Any:
        return load_survey_file(path, "survey")[0]

    def _survey_files(self, folder: Path, criteria_id: str, period: str | None) -> list[Path]:
        """`kind: survey` files in `folder` for this criteria set and period."""
        key = self._real[folder]
        if key not in self._beside:  # once per folder: looking again for every assessment made a folder O(n²)
            surveys = [candidate for candidate, kind, _ in support_files(folder) if kind == "survey"]
            self._beside[key] = [(candidate, load_survey_file(candidate, "survey")[0]) for candidate in surveys]
        found = []
        for candidate, results in self._beside[key]:
            if results is None or (results.criteria == criteria_id and periods_agree(results.period, period)):
                found.append(candidate)
        return found


def prepare_tally(
    design_path: Path, agencies: Path | None, workspace: CriteriaFinder
) -> tuple[SurveyDesign, str, list[str]]:
    """The design, checked against its criteria set, the set's id, and the agencies the survey may rate."""
    design, doc, problems = load_survey_file(design_path, "survey-design")
    if design is None or errors_only(problems):
        raise ParError(errors_only(problems))
    resolved = workspace.resolve(design.criteria, design_path.parent)
    if resolved is None:
        hint = msg("hint.criteria-where")
        raise ParError(
            [doc.place(problem("R001", "criteria-not-found", ("criteria",), hint, reference=design.criteria))]
        )
    criteria = workspace.criteria(resolved)
    wrong = placed(doc, design_problems(design, criteria.nodes))
    if wrong:
        raise ParError(wrong)
    known: list[str] = []
    if agencies is not None:
        from par_cli.readers.files import discover
        from par_cli.services.assessment_ids import agency_ids

        files, missing = discover([agencies])
        if missing:
            raise ParError(missing)
        known = agency_ids(files)  # workbooks too, as every command finds assessments
    return design, criteria.model.id, known


def report_data(path: Path) -> tuple[list[Any], list[str], str, list[Diagnostic], str]:
    """`par survey report`: the results file's rows (every figure recomputed from its counts), groups, title,
    warnings: criteria most of whose answers were not counted (located in the file); and the criteria set named."""
    from par_cli.core.survey import report_rows

    results, doc, problems = load_survey_file(path, "survey")
    if results is None or errors_only(problems):
        raise ParError(errors_only(problems))
    groups = list(results.weights) or sorted({g for e in results.agencies.values() for g in e["forms"]})
    rows = report_rows(results.agencies, results.combine, results.weights, groups, results.min_forms)
    notes = [doc.place(note) for note in uncounted_notes(results.agencies)]
    return rows, groups, results.design, notes, results.criteria
