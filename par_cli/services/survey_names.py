"""What a survey report calls things: the names the files beside a survey results file give (its design, the
agencies' assessments), so that people read names, not ids."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from par_cli.core.survey import SurveyNames
from par_cli.readers.files import read_document, support_files
from par_cli.words.codes import errors_only

if TYPE_CHECKING:
    from par_cli.core.survey_formats import SurveyDesign


def survey_names(path: Path, design_id: str) -> SurveyNames:
    """The names a survey results file's report shows, from the files beside it: its design (`kind:
    survey-design` with the results' `design` id) and the assessments (each names its agency)."""
    from par_cli.io.suffixes import kind_of_suffix
    from par_cli.readers.files import kind_and_id

    folder = path.parent
    title, groups, questions = None, {}, {}
    for found, kind, _ in support_files(folder):
        if kind != "survey-design":
            continue
        design = _design(found)
        if design is not None and design.id == design_id:
            title = design.title
            groups = {group.id: group.name for group in design.groups}
            questions = {q.id: (q.column, q.text) for q in design.questions}
            break
    agencies: dict[str, str] = {}
    try:
        names = sorted(p for p in folder.iterdir() if kind_of_suffix(p.name) == "yaml" and p.is_file())
    except OSError:
        names = []
    for found in names:
        if found == path or kind_and_id(found)[0] != "assessment":
            continue
        doc, _ = read_document(found, an_input=False)
        agency = doc.data.get("agency") if doc is not None and isinstance(doc.data, dict) else None
        if isinstance(agency, dict) and agency.get("id") is not None and agency.get("name") is not None:
            agencies[str(agency["id"])] = str(agency["name"])
    return SurveyNames(title, groups, questions, agencies)


def _design(path: Path) -> SurveyDesign | None:
    """A survey design file's value, or None when it has any error (`par check` says which)."""
    from par_cli.core.survey_formats import validate_survey

    doc, problems = read_document(path, an_input=False)
    if doc is None or errors_only(problems) or doc.data.get("kind") != "survey-design":
        return None
    value, schema = validate_survey("survey-design", doc.data)
    return None if errors_only(schema) else value
