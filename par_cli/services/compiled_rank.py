"""A ranking worker's fast path: an assessment file scored by its set's compiled plan (`core.compiled`).

Read and validated as the general path reads it (`services.workspace.Workspace.inspect_assessment`), then bound
and scored in one pass. Anything else, or any problem at all, is None: the general engine scores that file, so
errors and their places are the general engine's. `PAR_COMPILED=0` turns the fast path off (the reference).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from par_cli.core.compiled import Plan, compile_set, score_plain
from par_cli.core.diagnostics import ParError
from par_cli.io.suffixes import is_form_file
from par_cli.readers.files import read_document, wrong_kind

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from par_cli.core.compiled import Kinds
    from par_cli.core.model import CriteriaSet
    from par_cli.core.scoring import Score

_PLANS: dict[int, tuple[CriteriaSet, Plan | None]] = {}  # id of a set read in this process → it, and its plan


def enabled() -> bool:
    return os.environ.get("PAR_COMPILED", "1") != "0"


def plan_of(criteria: CriteriaSet, nodes: Any) -> Plan | None:
    """The set's plan, compiled once per process (None: the set needs the general engine)."""
    held = _PLANS.get(id(criteria))
    if held is None or held[0] is not criteria:
        held = _PLANS[id(criteria)] = (criteria, compile_set(criteria, nodes))
    return held[1]


def compiled_score(
    scorer: Any, path: Path, validate: Callable[..., tuple[Any, Any]], kinds: Kinds
) -> tuple[Score, CriteriaSet] | None:
    """The score a ranking takes of one file (`services.workspace.FileScorer`), and its set; None: not here.
    `validate` (`core.formats`) and `kinds` (`core.scoring`) are the caller's: a layer below would be too deep."""
    if scorer.leaves or scorer.robust or scorer.nodes or scorer.cuts or scorer.leaders is not None or not enabled():
        return None
    workspace = scorer.workspace
    if workspace.renames is not None or is_form_file(path):
        return None
    doc, problems = read_document(path, fast=True)
    if doc is None or problems or wrong_kind(doc, "assessment") is not None:
        return None
    model = validate("assessment", doc.data)[0]
    if model is None:
        return None
    try:
        criteria = workspace.criteria_for(model.criteria, doc, path)
        surveyed, said = workspace.with_survey(model, path, criteria)
        if surveyed is not model or said:
            return None  # survey results, given or found beside it (or their problems)
        if workspace.appraisals.apply(model, path, criteria.model.id, criteria.model.adjustments) is not model:
            return None  # values from appraisal files beside it
    except ParError:
        return None
    plan = plan_of(criteria.model, criteria.nodes)
    result = score_plain(plan, model, doc, kinds) if plan is not None else None
    return None if result is None else (result, criteria.model)
