"""Survey files against what they name: a design against its criteria set (V009), a results file against the
assessments beside it (V016: an agency none of them is for, a typo in the responses or an assessment missing;
either way its forms would count for no one, without a word)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from par_cli.core.appraisal import unclaimed_ids
from par_cli.core.diagnostics import Diagnostic, msg, problem
from par_cli.core.model import periods_agree
from par_cli.words.codes import errors_only

if TYPE_CHECKING:
    from par_cli.core.survey_formats import SurveyDesign
    from par_cli.core.tree import NodeInfo

Assessed = tuple[str, str, "str | None"]  # an assessment (agency id, set id, period), as `services.appraisals` has it


def unclaimed_forms(loaded: tuple[Any, Any, list[Diagnostic]], assessed: Iterable[Assessed]) -> list[Diagnostic]:
    """V016 at each agency of a results file (as `services.surveys.load_survey_file` reads it) that no assessment beside
    it (of its set and period) is for, with the closest id assessed; none when the file cannot be used (its own
    errors say why) or no assessment beside it is of its set and period (the file is not used at all)."""
    results, doc, problems = loaded
    if results is None or doc is None or errors_only(problems):
        return []
    known = [
        a
        for a, criteria_id, period in assessed
        if criteria_id == results.criteria and periods_agree(results.period, period)
    ]
    found = []
    for agency, close in unclaimed_ids(results.agencies, known) if known else ():
        hint = msg("hint.did-you-mean", name=close) if close else msg("hint.survey-assess-it")
        forms = sum(int(n) for n in results.agencies[agency]["forms"].values())
        lost = problem("V016", "survey-no-assessment", ("agencies", agency), hint, id=agency, forms=forms)
        found.append(doc.place(lost._replace(key=True)))
    return found


def design_problems(design: SurveyDesign, nodes: dict[str, NodeInfo]) -> list[Diagnostic]:
    """A design against its criteria set: every question feeds a survey leaf; ids are unique."""
    found: list[Diagnostic] = []
    seen: set[str] = set()
    for i, question in enumerate(design.questions):
        info = nodes.get(question.criterion)
        if info is None or not info.node.is_leaf or info.source != "survey":
            where = ("questions", i, "criterion")
            found.append(problem("V009", "not-a-survey-leaf", where, code=question.criterion, criteria=design.criteria))
        if question.id in seen:
            found.append(problem("V009", "question-twice", ("questions", i, "id"), id=question.id))
        seen.add(question.id)
    groups = [group.id for group in design.groups]
    found += [
        problem("V009", "group-twice", ("groups", i, "id"), id=group)
        for i, group in enumerate(groups)
        if group in groups[:i]
    ]
    return found
